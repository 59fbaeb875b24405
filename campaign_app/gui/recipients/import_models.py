"""The tables of the Import dialog: the column mapping, the file's first rows, the report's lists.

Each is a small Qt model over plain Python lists, filled once per read or plan: the report's
lists may hold 100,000 rows, so the views ask only for the rows they paint.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

from campaign_app.core.directory.importing.mapping import (
    FULL_NAME,
    FULL_NAME_FAMILY_FIRST,
    HOMEPAGE,
    PATRONYMIC,
    TERM_END,
    assign_field,
)
from campaign_app.core.directory.recipients import ALL_FIELDS
from campaign_app.gui import style
from campaign_app.gui.translation import QT_TRANSLATE_NOOP

IGNORED = QT_TRANSLATE_NOOP("MappingModel", "(ignore)")
# What a column may fill: nothing, a directory field (by its name, as --map FIELD says it), or
# one of the columns the importer reads without keeping (a full name it splits, a homepage
# and an end of term it checks). The descriptions are translated where they are shown.
FIELD_CHOICES: tuple[tuple[str | None, str], ...] = (
    (None, IGNORED),
    *((name, name) for name in ALL_FIELDS),
    (FULL_NAME, QT_TRANSLATE_NOOP("MappingModel", "full name (split into given_name, family_name)")),
    (FULL_NAME_FAMILY_FIRST, QT_TRANSLATE_NOOP("MappingModel", "full name, family name first (ПІБ)")),
    (PATRONYMIC, QT_TRANSLATE_NOOP("MappingModel", "patronymic (joins given_name)")),
    (HOMEPAGE, QT_TRANSLATE_NOOP("MappingModel", "homepage (checks the country; not kept)")),
    (TERM_END, QT_TRANSLATE_NOOP("MappingModel", "end of term (tags former-member; not kept)")),
)
_LABEL_OF = dict(FIELD_CHOICES)
_DISPLAY = Qt.ItemDataRole.DisplayRole
_EDIT = Qt.ItemDataRole.EditRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole


def field_label(name: str | None) -> str:
    return QCoreApplication.translate("MappingModel", _LABEL_OF.get(name, name or IGNORED))


def _unnamed() -> str:
    return QCoreApplication.translate("MappingModel", "(unnamed)")


def cell_display(value: Any) -> str:
    """A source cell as one line of text (YAML cells may be lists or per-language maps)."""
    if value is None:
        return ""
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    return " ".join(str(value).split())


class MappingModel(QAbstractTableModel):
    """One row per column of the file: its name, the field it fills (editable), a sample."""

    HEADERS = (
        QT_TRANSLATE_NOOP("MappingModel", "Column in the file"),
        QT_TRANSLATE_NOOP("MappingModel", "Directory field"),
        QT_TRANSLATE_NOOP("MappingModel", "First value"),
    )
    edited = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.columns: list[str] = []
        self.mapping: list[str | None] = []
        self.samples: list[str] = []
        self._muted = style.disabled_text_colour()

    def set_columns(
        self, columns: Sequence[str], mapping: Sequence[str | None], preview: Sequence[tuple[int, list[Any]]]
    ) -> None:
        self.beginResetModel()
        self.columns = list(columns)
        self.mapping = list(mapping) + [None] * (len(columns) - len(mapping))
        self.samples = []
        for i in range(len(self.columns)):
            first = next((cell_display(c[i]) for _r, c in preview if i < len(c) and cell_display(c[i])), "")
            self.samples.append(first)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.HEADERS[section])
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.column() == 1:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY):
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if column == 0:
            if role == _DISPLAY:
                return self.columns[row] or _unnamed()
            if role == _FOREGROUND and self.mapping[row] is None:
                return self._muted
        elif column == 1:
            if role == _EDIT:
                return self.mapping[row]
            if role == _DISPLAY:
                return field_label(self.mapping[row])
        elif column == 2:
            if role == _DISPLAY:
                return self.samples[row]
            if role == _TOOLTIP and len(self.samples[row]) > 30:
                return self.samples[row]
            if role == _FOREGROUND:
                return self._muted
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = _EDIT) -> bool:
        """Map a column to a field; a field is filled by one column, so another column that
        filled it is set to (ignore) — as the importer's own guess does."""
        if role != _EDIT or index.column() != 1:
            return False
        changed = assign_field(self.mapping, index.row(), value)
        if not changed:
            return False
        for row in changed:
            self._changed(row)
        self.edited.emit()
        return True

    def _changed(self, row: int) -> None:
        # One signal per cell: the view then updates that row's open combo box.
        for column in range(len(self.HEADERS)):
            cell = self.index(row, column)
            self.dataChanged.emit(cell, cell)

    def set_field(self, row: int, name: str | None) -> bool:
        return self.setData(self.index(row, 1), name)


class FieldDelegate(QStyledItemDelegate):
    """A combo box of the directory's fields, left open on every row (a mapping is edited
    one column after another; a combo shown only on double-click hides that it can be)."""

    def createEditor(self, parent: QWidget, option, index: QModelIndex | QPersistentModelIndex) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName(f"field_{index.row()}")
        for name, _label in FIELD_CHOICES:
            combo.addItem(field_label(name), name)
        combo.setMaxVisibleItems(len(FIELD_CHOICES))
        combo.setToolTip(self.tr("The directory field this column fills; (ignore) leaves the column out"))
        combo.currentIndexChanged.connect(lambda _i, c=combo: self.commitData.emit(c))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        position = editor.findData(index.data(_EDIT))
        if position != editor.currentIndex():
            editor.blockSignals(True)
            editor.setCurrentIndex(max(position, 0))
            editor.blockSignals(False)

    def setModelData(self, editor: QWidget, model, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), _EDIT)


class PreviewModel(QAbstractTableModel):
    """The first rows of the file as read, under headers that say which field each column
    fills; the first column says whether the row passes the import's checks."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.columns: list[str] = []
        self.mapping: list[str | None] = []
        self.rows: list[tuple[int, list[str]]] = []
        self.flagged: dict[int, list[str]] | None = None  # row → reasons; None: not checked yet
        self._muted = style.disabled_text_colour()
        self._warn = style.colour(style.ERROR)

    def set_rows(self, columns: Sequence[str], rows: Sequence[tuple[int, list[Any]]]) -> None:
        self.beginResetModel()
        self.columns = list(columns)
        self.rows = [(number, [cell_display(c) for c in cells or []]) for number, cells in rows]
        self.flagged = None
        self.endResetModel()

    def set_mapping(self, mapping: Sequence[str | None]) -> None:
        self.mapping = list(mapping)
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 1, len(self.columns))
            self._all_changed()

    def set_flagged(self, flagged: dict[int, list[str]] | None) -> None:
        self.flagged = flagged
        self._all_changed()

    def _all_changed(self) -> None:
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.columns)))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self.columns else len(self.columns) + 1

    def _field(self, column: int) -> str | None:
        return self.mapping[column] if column < len(self.mapping) else None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):
        if orientation == Qt.Orientation.Vertical:
            if role == _DISPLAY and section < len(self.rows):
                return str(self.rows[section][0])
            if role == _TOOLTIP:
                return self.tr("The row's number in the file, as the report names it")
            return None
        if section == 0:
            return self.tr("Check") if role == _DISPLAY else None
        column = section - 1
        name = self.columns[column] or _unnamed()
        field = self._field(column)
        if role == _DISPLAY:
            return f"{name}\n→ {field_label(field)}" if field else f"{name}\n{field_label(None)}"
        if role == _TOOLTIP:
            if field:
                return self.tr("{column} fills {field}").format(column=name, field=field_label(field))
            return self.tr("{column} is not imported").format(column=name)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY):
        if not index.isValid():
            return None
        number, cells = self.rows[index.row()]
        column = index.column()
        if column == 0:
            reasons = self.flagged.get(number) if self.flagged is not None else None
            if role == _DISPLAY:
                if self.flagged is None:
                    return "…"
                return self.tr("not imported") if reasons else self.tr("ok")
            if role == _FOREGROUND and reasons:
                return self._warn
            if role == _TOOLTIP:
                return "\n".join(reasons) if reasons else None
            return None
        text = cells[column - 1] if column - 1 < len(cells) else ""
        if role == _DISPLAY:
            return text
        if role == _TOOLTIP and len(text) > 30:
            return text
        if role == _FOREGROUND and self._field(column - 1) is None:
            return self._muted
        return None


class RowsModel(QAbstractTableModel):
    """A read-only table of text rows (the report's lists: they may hold 100,000 lines)."""

    def __init__(self, headers: Sequence[str], parent=None):
        super().__init__(parent)
        self.headers = tuple(headers)
        self.rows: list[tuple[str, ...]] = []
        self.tips: list[str] = []
        self.warn_rows: set[int] = set()
        self._warn = style.colour(style.ERROR)

    def set_rows(
        self, rows: Sequence[tuple[str, ...]], tips: list[str] | None = None, warn: set[int] | None = None
    ) -> None:
        self.beginResetModel()
        self.rows, self.tips, self.warn_rows = list(rows), tips or [], warn or set()
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY):
        if not index.isValid():
            return None
        if role == _DISPLAY:
            return self.rows[index.row()][index.column()]
        if role == _TOOLTIP and index.row() < len(self.tips):
            return self.tips[index.row()]
        if role == _FOREGROUND and index.row() in self.warn_rows and index.column() == len(self.headers) - 1:
            return self._warn
        if role == _ALIGN and index.column() == 0 and self.headers[0] == self.tr("Row"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def report_table(model: QAbstractTableModel, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return view
