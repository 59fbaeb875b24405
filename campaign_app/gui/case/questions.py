"""The questions the Case tab asks before it throws work away or breaks a citation.

Each function builds a window-modal message box and returns it with the button that means
"go ahead"; the tab opens it and acts on the answer (tests answer it by clicking).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from campaign_app.gui.case.words import section_words
from campaign_app.gui.texts import sentence

SHOWN_CITATIONS = 12  # in the warning itself; all of them under "Show Details…"
Question = tuple[QMessageBox, QAbstractButton]  # the box, and its "go ahead" button


class CaseQuestions(QObject):
    """The context these questions are translated in (``tr(text, "", n)``: plural forms)."""


def _finish(box: QMessageBox, go: QAbstractButton, escape: bool = False) -> Question:
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    if escape:
        box.setEscapeButton(cancel)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    return box, go


def delete_still_used(parent: QWidget, section: str, item_id: str, citations: list[str]) -> Question:
    """ "The source “x” is still cited in 5 places: …" with every file:line, and what deleting
    it will (not) change."""
    words = section_words(section)
    shown, count = citations[:SHOWN_CITATIONS], len(citations)
    if len(citations) > SHOWN_CITATIONS:
        more = len(citations) - SHOWN_CITATIONS
        shown.append(CaseQuestions.tr("… and %n more (Show Details…)", "", more))  # type: ignore[arg-type]
    if section == "sources":
        where = CaseQuestions.tr("{item} is still cited in %n place(s):", "", count)  # type: ignore[arg-type]
        consequence = QCoreApplication.translate(
            "CaseQuestions",
            "Deleting it changes nothing else: correct these citations yourself. The case "
            "will not save while a fact, event, supporter or argument point still cites it, "
            "and the templates listed fail until their cite() or fact() is changed.",
        )
    else:
        where = CaseQuestions.tr("{item} is still used in %n place(s):", "", count)  # type: ignore[arg-type]
        consequence = QCoreApplication.translate(
            "CaseQuestions", "The templates listed fail until they no longer use it."
        )
    title = words.delete_title.format(id=item_id)
    box = QMessageBox(QMessageBox.Icon.Warning, title, "", parent=parent)
    box.setText(sentence(where.format(item=words.item.format(id=item_id))))
    box.setInformativeText("\n".join(shown) + "\n\n" + consequence)
    box.setDetailedText("\n".join(citations))
    delete = box.addButton(words.delete_button, QMessageBox.ButtonRole.DestructiveRole)
    return _finish(box, delete, escape=True)


def renamed_still_used(parent: QWidget, uses: list[str]) -> Question:
    """Saving a case whose item ids were changed while templates still use the old ones:
    each ``file:line``, what happens to those templates, and Save anyway or Cancel."""
    shown, count = uses[:SHOWN_CITATIONS], len(uses)
    if count > SHOWN_CITATIONS:
        shown.append(CaseQuestions.tr("… and %n more (Show Details…)", "", count - SHOWN_CITATIONS))  # type: ignore[arg-type]
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("CaseQuestions", "Templates use the old id"),
        QCoreApplication.translate("CaseQuestions", "The templates still use an id changed here:"),
        parent=parent,
    )
    consequence = QCoreApplication.translate(
        "CaseQuestions",
        "Letters from these templates cannot be written until they use the new id: change "
        "them on the Compose tab, or cancel and put the old id back.",
    )
    box.setInformativeText("\n".join(shown) + "\n\n" + consequence)
    box.setDetailedText("\n".join(uses))
    save = box.addButton(
        QCoreApplication.translate("CaseQuestions", "Save anyway"), QMessageBox.ButtonRole.AcceptRole
    )
    return _finish(box, save, escape=True)


def overwrite_changed_file(parent: QWidget) -> Question:
    """Another program changed the case file since it was opened here."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("CaseQuestions", "The case file was changed"),
        QCoreApplication.translate(
            "CaseQuestions", "The case file was changed by another program since it was opened here."
        ),
        parent=parent,
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "CaseQuestions",
            "Overwrite it with your version, or cancel and use Revert to load the other version "
            "(your changes here are then lost).",
        )
    )
    overwrite = box.addButton(
        QCoreApplication.translate("CaseQuestions", "Overwrite"), QMessageBox.ButtonRole.DestructiveRole
    )
    return _finish(box, overwrite)


def discard_changes(parent: QWidget) -> Question:
    """Revert: discard every change made since the case was last saved?"""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("CaseQuestions", "Revert the case"),
        QCoreApplication.translate(
            "CaseQuestions", "Discard every change made to the case since it was last saved?"
        ),
        parent=parent,
    )
    discard = box.addButton(
        QCoreApplication.translate("CaseQuestions", "Discard changes"), QMessageBox.ButtonRole.DestructiveRole
    )
    return _finish(box, discard)
