"""The form for adding or editing one recipient, checked field by field as the user types.

Every check is the command line's: the form's values go through
:func:`~campaign_app.core.directory.recipients.parse_recipient` on each change, and each problem is
shown under the field it concerns with the same words ``campaign-app check`` prints (the
file and line aside: the field is right there). Save stays disabled while a field is
wrong, so what is written always loads.

Entries typed in YAML may keep a text per language (``position: {uk: …, en: …}``). The
form then edits one language at a time ("Texts in"), and saving changes only the
languages that were edited.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from campaign_app.core.common.errors import Location, UserError, display_path
from campaign_app.core.common.i18n import _ as core_text
from campaign_app.core.directory.edit import id_clash
from campaign_app.core.directory.recipients import CATEGORIES, Recipient
from campaign_app.core.directory.validation import parse_recipient
from campaign_app.gui.asking import ask_to_go_on
from campaign_app.gui.base_tab import error_label
from campaign_app.gui.recipients.entry_fields import (
    CONTACT,
    GENDERS,
    LABELS,
    MULTILINE,
    RECORD,
    WHO,
    Value,
    field_label,
    initial_values,
    placeholder,
    plain_label,
    tag_list,
)
from campaign_app.gui.sizing import fit_to_screen


class RecipientDialog(QDialog):
    """Add (``recipient`` None) or edit one entry; read the outcome with ``record()``,
    ``changes()`` and ``target_file()`` once it is accepted."""

    validated = Signal(bool)  # after each check: may the entry be saved?

    def __init__(
        self,
        recipient: Recipient | None,
        id_used: Callable[[str], Location | None],
        files: list[Path] | None = None,
        default_file: Path | None = None,
        recipients_folder: Path | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.recipient = recipient
        self.adding = recipient is None
        self._id_used = id_used
        self._folder = recipients_folder
        self._initial = initial_values(recipient)
        # Per-language texts of fields kept as {language: text}; the widgets show one language.
        self._maps: dict[str, dict[str, str]] = {
            name: dict(value) for name, value in self._initial.items() if isinstance(value, dict)
        }
        self._language = ""
        self._touched: set[str] = set() if self.adding else set(LABELS)
        self._loading = False
        self.errors: dict[str, str] = {}
        self.fields: dict[str, QLineEdit | QPlainTextEdit | QComboBox] = {}
        self.error_labels: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}

        if self.adding:
            self.setWindowTitle(self.tr("Add recipient"))
        else:
            assert recipient is not None
            self.setWindowTitle(self.tr("Edit recipient — {name}").format(name=recipient.display_name))
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        top = QHBoxLayout()
        self.language_combo = QComboBox()
        self.file_combo = QComboBox()
        if self._maps:
            self._add_language_choice(top)
        if self.adding:
            self._add_file_choice(top, files or [], default_file)
        if top.count():
            top.addStretch(1)
            layout.addLayout(top)

        fields = QWidget()
        columns = QHBoxLayout(fields)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(14)
        columns.addWidget(self._group(self.tr("Who"), WHO), 1)
        right = QVBoxLayout()
        right.addWidget(self._group(self.tr("How to reach them"), CONTACT))
        right.addWidget(self._group(self.tr("Record"), RECORD))
        columns.addLayout(right, 1)
        # the fields scroll on a small screen; the buttons below them stay in view
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(fields)
        layout.addWidget(scroll, 1)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("summary")
        layout.addWidget(self.summary)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, self._try_accept)

        self._fill()
        self.check()
        self.fields["id" if self.adding else "given_name"].setFocus()
        fit_to_screen(self, 980, 660)

    # ---- building ------------------------------------------------------------------

    def _add_language_choice(self, row: QHBoxLayout) -> None:
        assert self.recipient is not None
        languages = [self.recipient.language]
        for texts in self._maps.values():
            languages += [lang for lang in texts if lang not in languages]
        self.language_combo.addItems(languages)
        self._language = languages[0]
        label = QLabel(self.tr("Te&xts in:"))
        label.setBuddy(self.language_combo)
        row.addWidget(label)
        row.addWidget(self.language_combo)
        note = QLabel(
            self.tr("Fields marked with a language are kept per language; saving changes only what you edit.")
        )
        note.setEnabled(False)
        row.addWidget(note)
        self.language_combo.currentTextChanged.connect(self._switch_language)

    def _add_file_choice(self, row: QHBoxLayout, files: list[Path], default: Path | None) -> None:
        choices = list(files)
        if default is not None and default not in choices:
            choices.insert(0, default)
        for path in choices:
            text = self._shown(path) + ("" if path.exists() else self.tr("  (new file)"))
            self.file_combo.addItem(text, path)
        self.file_combo.addItem(self.tr("Another file…"), None)
        if default is not None:
            self.file_combo.setCurrentIndex(choices.index(default))
        self.file_combo.activated.connect(self._file_chosen)
        label = QLabel(self.tr("Save in file:"))
        label.setBuddy(self.file_combo)
        row.addWidget(label)
        row.addWidget(self.file_combo)

    def _shown(self, path: Path) -> str:
        if self._folder is not None:
            try:
                return (Path(self._folder.name) / path.relative_to(self._folder)).as_posix()
            except ValueError:
                pass
        return display_path(path)

    def _group(self, title: str, names: tuple[str, ...]) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(4)
        for name in names:
            widget = self._editor(name)
            self.fields[name] = widget
            error = error_label(f"error_{name}")
            self.error_labels[name] = error
            cell = QWidget()
            cell_layout = QVBoxLayout(cell)
            cell_layout.setContentsMargins(0, 0, 0, 2)
            cell_layout.setSpacing(2)
            if name == "verified_on":
                line = QHBoxLayout()
                line.addWidget(widget)
                today = QToolButton()
                today.setText(self.tr("Today"))
                today.setToolTip(self.tr("Set to today's date (after checking the entry at its source)"))
                today.clicked.connect(lambda: self._set_text("verified_on", dt.date.today().isoformat()))
                line.addWidget(today)
                cell_layout.addLayout(line)
            else:
                cell_layout.addWidget(widget)
            cell_layout.addWidget(error)
            label = QLabel(field_label(name) + ":")
            label.setBuddy(widget)
            self.labels[name] = label
            form.addRow(label, cell)
        return box

    def _editor(self, name: str) -> QLineEdit | QPlainTextEdit | QComboBox:
        if name == "category":
            combo = QComboBox()
            combo.addItems(CATEGORIES)
            combo.setPlaceholderText(self.tr("Choose a category…"))
            combo.currentIndexChanged.connect(lambda _i: self._edited("category"))
            return combo
        if name == "gender":
            combo = QComboBox()
            for value, text in GENDERS:
                combo.addItem(self.tr(text), value)
            combo.currentIndexChanged.connect(lambda _i: self._edited("gender"))
            return combo
        if name in MULTILINE:
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * MULTILINE[name] + 12)
            edit.textChanged.connect(lambda: self._edited(name))
            return edit
        line = QLineEdit()
        line.setPlaceholderText(placeholder(name))
        line.textChanged.connect(lambda _t: self._edited(name))
        return line

    # ---- values ----------------------------------------------------------------------

    def _text(self, name: str) -> str:
        widget = self.fields[name]
        if isinstance(widget, QComboBox):
            if name == "gender":
                return str(widget.currentData() or "")
            return widget.currentText() if widget.currentIndex() >= 0 else ""
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        return widget.text()

    def _set_text(self, name: str, text: str) -> None:
        widget = self.fields[name]
        if isinstance(widget, QComboBox):
            index = widget.findData(text) if name == "gender" else widget.findText(text)
            widget.setCurrentIndex(index)
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(text)
        else:
            widget.setText(text)

    def _fill(self) -> None:
        """Put the values (in the chosen language) into the widgets."""
        self._loading = True
        try:
            for name in LABELS:
                value = self._initial[name]
                if name in self._maps:
                    value = self._maps[name].get(self._language, "")
                    self.labels[name].setText(f"{field_label(name)} ({self._language}):")
                self._set_text(name, value if isinstance(value, str) else "")
        finally:
            self._loading = False

    def _switch_language(self, language: str) -> None:
        self._store_language()
        self._language = language
        self._fill()
        self.check()

    def _store_language(self) -> None:
        for name, texts in self._maps.items():
            texts[self._language] = self._text(name)

    def _edited(self, name: str) -> None:
        if self._loading:
            return
        self._touched.add(name)
        self.check()

    def values(self) -> dict[str, Value]:
        """Every field as the form holds it now (per-language fields as maps)."""
        self._store_language()
        out: dict[str, Value] = {}
        for name in LABELS:
            if name in self._maps:
                texts = {lang: text.strip() for lang, text in self._maps[name].items() if text.strip()}
                out[name] = texts if texts else ""
            else:
                out[name] = self._text(name).strip()
        return out

    def record(self) -> dict[str, Value]:
        """The new entry's fields (for adding)."""
        return self.values()

    def changes(self) -> dict[str, Value]:
        """Only what the user changed (for editing): unchanged fields keep their bytes."""
        now = self.values()
        changed: dict[str, Value] = {}
        for name, value in now.items():
            before = self._initial[name]
            if name in self._maps:
                old = before if isinstance(before, dict) else {}
                new = value if isinstance(value, dict) else {}
                diff = {
                    lang: new.get(lang, "") for lang in {*old, *new} if new.get(lang, "") != old.get(lang, "")
                }
                if diff:
                    changed[name] = diff
            elif name == "tags":
                if tag_list(str(value)) != tag_list(str(before)):
                    changed[name] = value
            elif value != (before.strip() if isinstance(before, str) else before):
                changed[name] = value
        return changed

    def target_file(self) -> Path | None:
        return self.file_combo.currentData() if self.adding else None

    # ---- checking --------------------------------------------------------------------

    def check(self) -> bool:
        """Validate the whole form with the command line's rules; show each problem at its field."""
        values = self.values()
        _recipient, problems = parse_recipient(values, lambda name: Location(name))
        errors: dict[str, str] = {}
        for problem in problems:
            name = problem.where.path if problem.where is not None else "id"
            errors.setdefault(name, self._message(problem))
        rid = str(values["id"])
        original = self.recipient.id if self.recipient is not None else None
        if rid and rid != original and "id" not in errors:
            used_at = self._id_used(rid)
            if used_at is not None:
                errors["id"] = self._message(id_clash(rid, used_at, None))
        self.errors = errors
        for name, label in self.error_labels.items():
            message = errors.get(name, "") if name in self._touched else ""
            if label.text() != message:
                label.setText(message)
                label.setVisible(bool(message))
                # QFormLayout gives a wrapped label the height of its first layout pass;
                # ask for the height the whole message needs at the field's width.
                width = label.width() if label.width() > 100 else self.fields[name].width()
                label.setMinimumHeight(label.heightForWidth(width) if message else 0)
        waiting = [name for name in errors if name not in self._touched]
        ok = not errors
        self.save_button.setEnabled(ok)
        self.save_button.setToolTip(
            "" if ok else "\n".join(f"{plain_label(n)}: {m}" for n, m in errors.items())
        )
        if waiting:
            needed = [
                self.tr("a name (or a position or organisation)")
                if errors[n].startswith(core_text("entry has no name"))  # the core's words, as translated
                else plain_label(n).lower()
                for n in waiting
            ]
            self.summary.setText(self.tr("To save, fill in: {fields}.").format(fields=", ".join(needed)))
        elif errors:
            self.summary.setText(self.tr("Correct the fields marked in red to save."))
        else:
            self.summary.setText("")
        self.summary.setVisible(bool(self.summary.text()))
        self.validated.emit(ok)
        return ok

    @staticmethod
    def _message(problem: UserError) -> str:
        """The command line's message without the place (the field is the place)."""
        return f"{problem.message} — {problem.hint}" if problem.hint else problem.message

    def reject(self) -> None:
        """Esc, Cancel or closing: typed fields are not dropped without asking."""
        if self.changes() and not self.confirm_discard():
            return
        super().reject()

    def confirm_discard(self) -> bool:
        return ask_to_go_on(
            self,
            self.tr("Discard the changes?"),
            self.tr("What you typed for this recipient is not saved. Discard it?"),
        )

    def _try_accept(self) -> None:
        self._touched.update(LABELS)
        if self.check() and (not self.adding or self.target_file() is not None):
            self.accept()

    def _file_chosen(self, index: int) -> None:
        if self.file_combo.itemData(index) is not None:
            return
        start = str(self._folder) if self._folder is not None else ""
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the new recipient in"),
            start,
            self.tr("Recipient files (*.csv *.yaml *.yml)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        self.file_combo.setCurrentIndex(0)
        if not name:
            return
        path = Path(name)
        folder_ok = self._folder is None or path.resolve().parent == self._folder.resolve()
        if not folder_ok or path.suffix.lower() not in (".csv", ".yaml", ".yml"):
            QMessageBox.warning(
                self,
                self.tr("Choose a file in the recipients folder"),
                self.tr(
                    "The directory reads the .csv and .yaml files in {folder}; "
                    "choose (or name) a file there so the new recipient is part of it."
                ).format(folder=self._folder),
            )
            return
        self.file_combo.insertItem(
            0, self._shown(path) + ("" if path.exists() else self.tr("  (new file)")), path
        )
        self.file_combo.setCurrentIndex(0)
