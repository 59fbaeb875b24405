"""The editor panel for one item of the case: a field per value, a message under each.

Every text that appears in letters exists once per case language, and a campaigner
translating a fact must see both versions at once, so a per-language text is shown as
columns side by side (English | Українська). A change goes straight into the round-trip
tree through ``CaseDocument``'s setters (which change that one value only); the field's
message is re-checked as the user types, in the loader's own words, and a problem found by
the last save attempt stays under its field until that field is edited.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from campaign_app.core.case.edit import CaseDocument
from campaign_app.core.case.rules import check_date, check_id, check_kind, check_refs, check_url, parse_refs
from campaign_app.core.case.schema import PERSON_ORDER, POINT_FIELDS, POINT_ORDER, FieldSpec
from campaign_app.core.common.errors import UserError
from campaign_app.gui.case.models import PointsModel

MESSAGE_STYLE = "color: #b3261e;"  # a red that reads on light and dark backgrounds

# Labels with mnemonics. Letters taken by the window (File, View, Help; Case, Recipients,
# Compose, Batch, Settings) and by the tab (Revert, Add, Quick filter, Sections) are avoided.
LABELS = {
    "id": "&ID",
    "date": "&Date",
    "text": "Te&xt",
    "sources": "So&urces",
    "label": "&Label",
    "title": "&Title",
    "points": "&Points",
    "name": "Na&me",
    "kind": "&Kind",
    "recipient": "Reci&pient id",
    "publisher": "&Publisher",
    "url": "&Web address",
    "gender": "&Gender",
    "description": "Descri&ption",
    "summary": "Summar&y",
}
PLACEHOLDERS = {
    "date": "YYYY-MM-DD, YYYY-MM or YYYY",
    "sources": "source ids, separated by commas",
    "url": "https://…",
    "recipient": "id of this supporter in the recipient directory (optional)",
    "label": "A, B, C… (optional)",
}


@lru_cache(maxsize=64)
def language_name(tag: str) -> str:
    """'uk' → 'Ukrainian (uk)', 'kk-Latn' → 'Kazakh, Latin (kk-Latn)': a campaigner may not
    know every language code."""
    try:
        from babel import Locale

        english = Locale("en")
        first, *rest = tag.split("-")
        name = english.languages.get(first)
        extras = [
            (english.scripts.get(part) if len(part) == 4 else english.territories.get(part.upper())) or part
            for part in rest
        ]
    except Exception:  # Babel's data is optional for a caption: show the tag
        return tag
    if not name:
        return tag
    return f"{', '.join([name, *extras])} ({tag})"


CHOICE_NAMES = {"": "(not given)", "f": "female (f)", "m": "male (m)"}


@dataclass
class EditContext:
    """What an editor needs to know beyond its item: the names used in messages, the
    ids it must not repeat, the case's source ids, and problems from the last save."""

    section_what: str = ""  # "fact", "timeline event": the loader's word
    describe: Callable[[], str] = lambda: ""  # "fact 'roles'", for source messages
    other_ids: Callable[[], list[str]] = list
    source_ids: Callable[[], set[str]] = set
    saved: Callable[[tuple], list[UserError]] = field(default=lambda path: [])
    forget: Callable[[tuple], None] = field(default=lambda path: None)

    def within(self, prefix: tuple, describe: Callable[[], str]) -> EditContext:
        """The context of a part of the item (an argument's point)."""
        return EditContext(
            "",
            describe,
            list,
            self.source_ids,
            lambda path: self.saved(prefix + path),
            lambda path: self.forget(prefix + path),
        )


class FieldMessage(QLabel):
    """The problems of one field, under it; hidden when there are none."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(MESSAGE_STYLE)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setVisible(False)

    def set_messages(self, messages: Sequence[str]) -> None:
        self.setText("\n".join(messages))
        self.setVisible(bool(messages))


class RefsEdit(QLineEdit):
    """Source ids as ``a, b``, completing each id from the case's sources."""

    show_popup = True  # tests on the offscreen platform (which has no popups) turn it off

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._ids = QStringListModel(self)
        completer = QCompleter(self._ids, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setWidget(self)
        completer.activated.connect(self._insert)
        self.completer_for_ids = completer
        self.textEdited.connect(self._complete)

    def set_ids(self, ids: Sequence[str]) -> None:
        if self._ids.stringList() != list(ids):
            self._ids.setStringList(list(ids))

    def _current_word(self) -> str:
        return self.text()[: self.cursorPosition()].split(",")[-1].strip()

    def _complete(self) -> None:
        word = self._current_word()
        if not word:
            self.completer_for_ids.popup().hide()
            return
        self.completer_for_ids.setCompletionPrefix(word)
        if not self.show_popup:
            return
        if self.completer_for_ids.completionCount():
            self.completer_for_ids.complete()
        else:
            self.completer_for_ids.popup().hide()

    def _insert(self, chosen: str) -> None:
        before = self.text()[: self.cursorPosition()]
        after = self.text()[self.cursorPosition() :]
        head = before[: before.rfind(",") + 1]
        new_before = (head + " " if head else "") + chosen
        self.setText(new_before + after)
        self.setCursorPosition(len(new_before))
        self.textEdited.emit(self.text())


class LocalizedField(QWidget):
    """A text per language, side by side; or one text shared by every language."""

    changed = Signal(object, str)  # language (None: the shared text), text

    def __init__(self, multiline: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.multiline = multiline
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(12)
        self._shape: tuple = ()
        self.inputs: dict[str | None, QLineEdit | QPlainTextEdit] = {}
        self._loading = False

    def set_values(self, languages: Sequence[str], values: dict[str | None, str], rows: int = 4) -> None:
        """Show ``values`` by language (key None: one shared text); rebuilt only when the
        languages change, so typing never loses the cursor."""
        shape = (tuple(languages), rows)
        if shape != self._shape:
            self._rebuild(languages, rows)
            self._shape = shape
        self._loading = True
        try:
            for lang, widget in self.inputs.items():
                text = values.get(lang, "")
                if isinstance(widget, QPlainTextEdit):
                    if widget.toPlainText() != text:
                        widget.setPlainText(text)
                elif widget.text() != text:
                    widget.setText(text)
                    widget.setCursorPosition(0)
        finally:
            self._loading = False

    def _rebuild(self, languages: Sequence[str], rows: int) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.inputs = {}
        for lang in languages:
            column = QWidget(self)
            box = QVBoxLayout(column)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(2)
            caption = QLabel(language_name(lang) if lang else "All languages", column)
            caption.setEnabled(False)  # a quiet caption, not a field label
            box.addWidget(caption)
            widget: QLineEdit | QPlainTextEdit
            if self.multiline:
                widget = QPlainTextEdit(column)
                widget.setTabChangesFocus(True)
                line = widget.fontMetrics().lineSpacing()
                widget.setMinimumHeight(line * rows + 12)
                widget.setMaximumHeight(line * rows * 2 + 12)
                widget.textChanged.connect(lambda w=widget, lg=lang: self._emit(lg, w.toPlainText()))
            else:
                widget = QLineEdit(column)
                widget.textEdited.connect(lambda text, lg=lang: self._emit(lg, text))
            widget.setObjectName(f"lang_{lang or 'all'}")
            widget.setAccessibleName(language_name(lang) if lang else "All languages")
            box.addWidget(widget)
            self._layout.addWidget(column, 1)
            self.inputs[lang] = widget
        first = self.first_input()
        if first is not None:
            self.setFocusProxy(first)  # the row's label (its buddy is this widget) focuses it

    def _emit(self, language: str | None, text: str) -> None:
        if not self._loading:
            self.changed.emit(language, text)

    def first_input(self) -> QWidget | None:
        return next(iter(self.inputs.values()), None)


class ItemEditor(QWidget):
    """Fields for one item (a fact, an event, a source…) or for the case's overview."""

    edited = Signal(str)  # the key that changed

    def __init__(self, fields: Sequence[FieldSpec], order: Sequence[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.fields = tuple(fields)
        self.order = tuple(order)
        self.doc: CaseDocument | None = None
        self.node: Any = None
        self.ctx = EditContext()
        self._loading = False
        self.inputs: dict[str, QWidget] = {}
        self.messages: dict[str, FieldMessage] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        row = 0
        for spec in self.fields:
            label = QLabel(LABELS.get(spec.key, spec.key.capitalize()), self)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            if spec.localized:
                label.setContentsMargins(0, label.fontMetrics().lineSpacing() + 4, 0, 0)
            widget = self._make_input(spec)
            grid.addWidget(label, row, 0)
            if spec.kind == "date":
                widget.setFixedWidth(widget.fontMetrics().horizontalAdvance(PLACEHOLDERS["date"]) + 24)
            if isinstance(widget, QComboBox) or spec.kind == "date":
                grid.addWidget(widget, row, 1, Qt.AlignmentFlag.AlignLeft)
            else:
                grid.addWidget(widget, row, 1)
            message = FieldMessage(self)
            message.setObjectName(f"message_{spec.key}")
            grid.addWidget(message, row + 1, 1)
            label.setBuddy(widget.table if isinstance(widget, PointsEditor) else widget)
            self.inputs[spec.key] = widget
            self.messages[spec.key] = message
            row += 2
        grid.setRowStretch(row, 1)

    # ---- building ----

    def _make_input(self, spec: FieldSpec) -> QWidget:
        if spec.localized:
            widget = LocalizedField(spec.kind == "text", self)
            widget.changed.connect(lambda lang, text, s=spec: self._set_text(s, lang, text))
            return widget
        if spec.kind == "choice":
            combo = QComboBox(self)
            combo.addItems([CHOICE_NAMES.get(c, c.replace("_", " ")) for c in spec.choices])
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.activated.connect(lambda _i, s=spec: self._set_choice(s))
            return combo
        if spec.kind == "points":
            points = PointsEditor(self)
            points.edited.connect(lambda: self._after_edit("points"))
            return points
        line = RefsEdit(self) if spec.kind == "sources" else QLineEdit(self)
        line.setPlaceholderText(PLACEHOLDERS.get(spec.key if spec.kind != "date" else "date", ""))
        line.textEdited.connect(lambda text, s=spec: self._set_line(s, text))
        return line

    # ---- showing an item ----

    def bind(self, doc: CaseDocument | None, node: Any, ctx: EditContext | None = None) -> None:
        """Show ``node`` (an item's mapping; the top level for the overview)."""
        self.doc, self.node, self.ctx = doc, node, ctx or EditContext()
        self.setEnabled(doc is not None and node is not None)
        self._loading = True
        try:
            for spec in self.fields:
                self._load(spec)
        finally:
            self._loading = False
        for spec in self.fields:
            self._show_messages(spec)

    def _node_for(self, spec: FieldSpec, create: bool = False) -> Any:
        if self.doc is None:
            return None
        if spec.where:
            return self.doc.node(spec.where, create)
        return self.node

    def _order_for(self, spec: FieldSpec) -> Sequence[str]:
        return PERSON_ORDER if spec.where == "person" else self.order

    @staticmethod
    def _path_of(spec: FieldSpec) -> tuple:
        """Where the field is within the item (an overview field may be in ``person:``)."""
        return (spec.where, spec.key) if spec.where else (spec.key,)

    def _load(self, spec: FieldSpec) -> None:
        doc = self.doc
        node = self._node_for(spec)
        widget = self.inputs[spec.key]
        if doc is None:
            return
        if isinstance(widget, LocalizedField):
            if doc.is_shared(node, spec.key) and spec.shared:
                shared = {None: doc.get_text(node, spec.key, None)}
                widget.set_values([None], shared, 2)  # type: ignore[list-item]
            else:
                langs = doc.text_languages(node, spec.key)
                values = {lang: doc.get_text(node, spec.key, lang) for lang in langs}
                rows = {"summary": 6, "title": 2}.get(spec.key, 4)
                widget.set_values(langs, values, rows)  # type: ignore[arg-type]
        elif isinstance(widget, QComboBox):
            value = doc.get_plain(node, spec.key)
            choices = list(spec.choices)
            while widget.count() > len(choices):
                widget.removeItem(widget.count() - 1)
            if value not in choices:  # a value this version does not know is shown, not lost
                widget.addItem(value)
                widget.setCurrentIndex(widget.count() - 1)
            else:
                widget.setCurrentIndex(choices.index(value))
        elif isinstance(widget, PointsEditor):
            widget.bind(doc, node, self.ctx)
        elif isinstance(widget, QLineEdit):
            if spec.kind == "date":
                text = doc.get_date(node, spec.key)
            elif spec.kind == "sources":
                text = ", ".join(doc.get_refs(node, spec.key))
                assert isinstance(widget, RefsEdit)
                widget.set_ids(doc.source_ids())
            else:
                text = doc.get_plain(node, spec.key)
            if widget.text() != text:
                widget.setText(text)
                widget.setCursorPosition(0)

    # ---- changes from the user ----

    def _set_text(self, spec: FieldSpec, language: str | None, text: str) -> None:
        if self._loading or self.doc is None:
            return
        node = self._node_for(spec, create=True)
        if self.doc.set_text(node, spec.key, language, text, self._order_for(spec)):
            self._after_edit(spec.key)

    def _set_choice(self, spec: FieldSpec) -> None:
        if self._loading or self.doc is None:
            return
        combo = self.inputs[spec.key]
        assert isinstance(combo, QComboBox)
        index = combo.currentIndex()
        value = spec.choices[index] if index < len(spec.choices) else combo.currentText()
        node = self._node_for(spec, create=True)
        if self.doc.set_plain(node, spec.key, value, self._order_for(spec)):
            self._after_edit(spec.key)

    def _set_line(self, spec: FieldSpec, text: str) -> None:
        if self._loading or self.doc is None:
            return
        node = self._node_for(spec, create=True)
        order = self._order_for(spec)
        if spec.kind == "date":
            changed = self.doc.set_date(node, spec.key, text, order)
        elif spec.kind == "sources":
            changed = self.doc.set_refs(node, parse_refs(text), order)
        else:
            changed = self.doc.set_plain(node, spec.key, text, order, keep_empty=spec.kind == "id")
        if changed:
            self._after_edit(spec.key)
        else:
            self._show_messages(spec)

    def _after_edit(self, key: str) -> None:
        spec = next(s for s in self.fields if s.key == key)
        if key != "points":
            self.ctx.forget(self._path_of(spec))
        for spec in self.fields:
            if spec.key == key or (key == "id" and spec.kind == "sources"):
                self._show_messages(spec)
        self.edited.emit(key)

    # ---- messages ----

    def field_checks(self, spec: FieldSpec) -> list[str]:
        if self.doc is None:
            return []
        return field_problems(self.doc, spec, self._node_for(spec), self.ctx)

    def _show_messages(self, spec: FieldSpec) -> None:
        checks = self.field_checks(spec)
        # each point's problems are shown at the point; a check the last save also found
        # is shown once, as the save reported it (with the file and line)
        saved = [] if spec.kind == "points" else self.ctx.saved(self._path_of(spec))
        reported = {_bare(e) for e in saved}
        self.messages[spec.key].set_messages(
            [str(e) for e in saved] + [c for c in checks if c not in reported]
        )

    def refresh_messages(self) -> None:
        for spec in self.fields:
            self._show_messages(spec)
            widget = self.inputs[spec.key]
            if isinstance(widget, PointsEditor):
                widget.refresh_messages()

    def focus_field(self, key: str) -> None:
        widget = self.inputs.get(key)
        if isinstance(widget, LocalizedField):
            widget = widget.first_input()
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)


def field_problems(doc: CaseDocument, spec: FieldSpec, node: Any, ctx: EditContext) -> list[str]:
    """What is wrong with one field as typed, in the loader's words (without file:line:
    it is not written yet). The full check is the loader's, on save."""
    if node is None:
        return []
    item_id = doc.get_plain(node, "id")
    message: str | None = None
    if spec.kind == "id":
        message = check_id(ctx.section_what, item_id, ctx.other_ids())
    elif spec.kind == "date":
        message = check_date(spec.key, doc.get_date(node, spec.key), spec.required)
    elif spec.kind == "sources":
        refs = doc.get_refs(node, spec.key)
        return check_refs(ctx.describe(), refs, ctx.source_ids()) if refs or spec.required else []
    elif spec.kind == "url":
        message = check_url(item_id, doc.get_plain(node, spec.key))
    elif spec.kind == "choice" and spec.key == "kind":
        message = check_kind(item_id, doc.get_plain(node, spec.key))
    return [message] if message else []


def _bare(error: UserError) -> str:
    """A loader problem without its location, to compare with a field check."""
    return f"{error.message} — {error.hint}" if error.hint else error.message


class PointsEditor(QFrame):
    """An argument's points: a small table, Add/Delete, and the selected point's fields."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc: CaseDocument | None = None
        self.argument: Any = None
        self.ctx = EditContext()
        self.model = PointsModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().lineSpacing() + 8)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        self.model.modelReset.connect(self._size_columns)
        self.table.setMaximumHeight(self.table.fontMetrics().lineSpacing() * 9)
        self.add_button = QPushButton("Add p&oint", self)
        self.delete_button = QPushButton("Delete point", self)
        self.add_button.clicked.connect(self.add_point)
        self.delete_button.clicked.connect(self.delete_point)
        self.table.installEventFilter(self)
        self.editor = ItemEditor(POINT_FIELDS, POINT_ORDER, self)
        self.editor.edited.connect(self._point_edited)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.editor)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Del in the points table deletes the selected point."""
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Delete)
        ):
            self.delete_point()
            return True
        return super().eventFilter(watched, event)

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        if self.model.columnCount():
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(2, 220)

    def bind(self, doc: CaseDocument | None, argument: Any, ctx: EditContext) -> None:
        self.doc, self.argument, self.ctx = doc, argument, ctx
        self.model.set_argument(doc, argument, self._row_problems)
        self.select(0)
        self.delete_button.setEnabled(self.model.rowCount() > 0)

    def _row_problems(self, row: int) -> list[str]:
        return [str(e) for e in self.ctx.saved(("points", row))]

    def current_row(self) -> int:
        index = self.table.selectionModel().currentIndex()
        return index.row() if index.isValid() else -1

    def select(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._show_current()

    def _show_current(self) -> None:
        row = self.current_row()
        point = self.model.point(row)
        if point is None:
            self.editor.bind(None, None)
            return

        def describe(r: int = row) -> str:
            argument_id = self.doc.get_plain(self.argument, "id") if self.doc else ""
            return f"argument '{argument_id}' point {r + 1}"

        self.editor.bind(self.doc, point, self.ctx.within(("points", row), describe))

    def _point_edited(self, _key: str) -> None:
        self.model.refresh_row(self.current_row())
        self.edited.emit()

    def add_point(self) -> None:
        if self.doc is None or self.argument is None:
            return
        point = self.doc.add_point(self.argument, self.model.point(self.current_row()))
        self.model.reload()
        self.select(self.model.row_of(point))
        self.delete_button.setEnabled(True)
        self.edited.emit()
        self.editor.focus_field("text")

    def delete_point(self) -> None:
        row = self.current_row()
        if self.doc is None or self.argument is None or row < 0:
            return
        self.doc.delete_point(self.argument, self.model.point(row))
        self.model.reload()
        self.select(min(row, self.model.rowCount() - 1))
        self.delete_button.setEnabled(self.model.rowCount() > 0)
        self.edited.emit()

    def refresh_messages(self) -> None:
        self.editor.refresh_messages()
