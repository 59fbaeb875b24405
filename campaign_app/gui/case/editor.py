"""The editor panel for one item of the case: a field per value, a message under each.

A per-language text is shown in every case language side by side (``fields.LocalizedField``).
A change goes straight into the round-trip
tree through ``CaseDocument``'s setters (which change that one value only); the field's
message is re-checked as the user types, in the loader's own words, and a problem found by
the last save attempt stays under its field until that field is edited.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from campaign_app.core.case.edit import CaseDocument
from campaign_app.core.case.rules import parse_refs, point_described
from campaign_app.core.case.schema import PERSON_ORDER, POINT_FIELDS, POINT_ORDER, FieldSpec
from campaign_app.core.case.source_rename import CitationsFollow
from campaign_app.gui.case.field_checks import EditContext, bare, field_problems
from campaign_app.gui.case.fields import FieldMessage, LocalizedField, RefsEdit
from campaign_app.gui.case.models import PointsModel
from campaign_app.gui.case.words import LABELS, PLACEHOLDERS, choice_name, field_text


class ItemEditor(QWidget):
    """Fields for one item (a fact, an event, a source…) or for the case's overview."""

    edited = Signal(str)  # the key that changed
    renames_citations = False  # the sources' editor: the case's citations follow a source's id
    _follow: CitationsFollow | None = None

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
            label = QLabel(
                field_text(LABELS[spec.key]) if spec.key in LABELS else spec.key.capitalize(), self
            )
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            if spec.localized:
                label.setContentsMargins(0, label.fontMetrics().lineSpacing() + 4, 0, 0)
            widget = self._make_input(spec)
            grid.addWidget(label, row, 0)
            if spec.kind == "date":
                widget.setFixedWidth(
                    widget.fontMetrics().horizontalAdvance(field_text(PLACEHOLDERS["date"])) + 24
                )
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
            combo.addItems([choice_name(c) for c in spec.choices])
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.activated.connect(lambda _i, s=spec: self._set_choice(s))
            return combo
        if spec.kind == "points":
            points = PointsEditor(self)
            points.edited.connect(lambda: self._after_edit("points"))
            return points
        line = RefsEdit(self) if spec.kind == "sources" else QLineEdit(self)
        line.setPlaceholderText(field_text(PLACEHOLDERS.get(spec.key if spec.kind != "date" else "date", "")))
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
                shared: dict[str | None, str] = {None: doc.get_text(node, spec.key, None)}
                widget.set_values([None], shared, 2)
            else:
                langs: list[str | None] = list(doc.text_languages(node, spec.key))
                values = {lang: doc.get_text(node, spec.key, lang) for lang in langs}
                rows = {"summary": 6, "title": 2}.get(spec.key, 4)
                widget.set_values(langs, values, rows)
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
        elif spec.kind == "id" and self.renames_citations:
            if self._follow is None or self._follow.doc is not self.doc:
                self._follow = CitationsFollow(self.doc)
            changed = self._follow.set_id(node, text, order)
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
        reported = {bare(e) for e in saved}
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
            select_all = getattr(widget, "selectAll", None)
            if select_all is not None:  # a new item's "new-fact": typing replaces it
                select_all()


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
        self.add_button = QPushButton(self.tr("Add p&oint"), self)
        self.delete_button = QPushButton(self.tr("Delete point"), self)
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
            return point_described(argument_id, r + 1)

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
