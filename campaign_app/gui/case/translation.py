"""The Case tab's "Export for translation…" and "Import translation…".

The same two steps as ``campaign-app case translate export`` / ``import``, through the same
core functions (``core/case/translation.py``): the case's texts go to a translator as a PO
file, and the translated file comes back into the case file. The result is said in a box;
a mistake in the file is the command line's ``file:line: message — advice`` in the banner.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from campaign_app.core.common.errors import UserError, UserErrors
from campaign_app.gui.texts import problems

if TYPE_CHECKING:  # core.case.translation (PO files, Babel's catalogues) is imported on first use
    from campaign_app.core.case.translation import ExportSummary, ImportSummary
    from campaign_app.gui.case.tab import CaseTab

# Offered first in the language box: the letter languages the app writes salutations for.
LETTER_LANGUAGES = ("pl", "de", "fr", "es", "it", "ru", "uk", "en")


class TranslationActions(QObject):
    """Export the case for translation, and import a translation, from the Case tab."""

    def __init__(self, tab: CaseTab):
        super().__init__(tab)
        self.tab = tab
        self.result_box: QMessageBox | None = None  # the last result shown (tests read it)
        tab.export_translation_button.clicked.connect(self.export)
        tab.import_translation_button.clicked.connect(self.import_)

    def export(self) -> None:
        """Ask for the language and the file, then write the PO file (off the UI thread)."""
        tab, workspace = self.tab, self.tab.session.workspace
        if workspace is None or tab.doc is None or tab.busy:
            return
        if tab.has_unsaved_changes():  # the file is exported: the translator would miss these
            tab.show_banner(
                self.tr("Save or revert your changes to the case before exporting it for translation.")
            )
            return
        offered = [lang for lang in LETTER_LANGUAGES if lang not in tab.doc.languages[:1]]
        language, ok = QInputDialog.getItem(
            tab,
            self.tr("Export for translation"),
            self.tr("Translate the case's texts into (a language code such as pl, de or fr):"),
            offered,
            0,
            True,
        )
        language = language.strip()
        if not ok or not language:
            return
        suggested = workspace.root / f"{tab.doc.case_id or 'case'}.{language}.po"
        name, _filter = QFileDialog.getSaveFileName(
            tab, self.tr("Export for translation"), str(suggested), self.tr("PO files (*.po)")
        )
        if not name:
            return
        from campaign_app.core.campaign.workspace_files import refuse_campaign_file
        from campaign_app.core.case.translation import export_translation

        case_path, root = workspace.case_path, workspace.root

        def job() -> ExportSummary:
            refuse_campaign_file(root, Path(name), f"{language}.po")
            return export_translation(case_path, Path(name), language, None, root)

        tab.tasks.submit(
            job,
            lambda done: self._exported(done, name),
            self._failed,
        )

    def _exported(self, done: ExportSummary, name: str) -> None:
        self._show(
            self.tr(
                "Wrote {count} case texts to translate from {source} into {language} to {file} "
                "({translated} already translated). Send the file to the translator; bring the "
                "translation back with Import translation…."
            ).format(
                count=done.entries,
                source=done.source_language,
                language=done.language,
                file=name,
                translated=done.translated,
            )
        )

    def import_(self) -> None:
        """Choose a translated PO file and bring it into the case file."""
        tab, workspace = self.tab, self.tab.session.workspace
        if workspace is None or tab.doc is None or tab.busy:
            return
        if tab.has_unsaved_changes():
            tab.show_banner(
                self.tr("Save or revert your changes to the case before importing a translation.")
            )
            return
        name, _filter = QFileDialog.getOpenFileName(
            tab, self.tr("Import translation"), str(workspace.root), self.tr("PO files (*.po)")
        )
        if not name:
            return
        from campaign_app.core.case.translation import import_translation

        case_path = workspace.case_path
        tab.tasks.submit(lambda: import_translation(case_path, Path(name)), self._imported, self._failed)

    def _imported(self, summary: ImportSummary) -> None:
        text = self.tr(
            "Imported {imported} {language} texts into the case; {unchanged} unchanged, {fuzzy} skipped "
            "as fuzzy, {empty} skipped as empty, {stale} stale (not imported)."
        ).format(
            imported=summary.imported,
            language=summary.language,
            unchanged=summary.unchanged,
            fuzzy=summary.fuzzy,
            empty=summary.empty,
            stale=len(summary.stale),
        )
        self._show("\n\n".join([text, *summary.stale]))
        if summary.imported:
            self.tab.session.changed("case")  # the tab and the others read the case again

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, UserError | UserErrors):
            raise exc
        self.tab.show_banner(problems(exc))

    def _show(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Translation"), text, parent=self.tab)
        self.result_box = box
        box.open()
