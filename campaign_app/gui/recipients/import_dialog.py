"""The Import dialog: see what an import would do to the directory before anything is written.

Coordinators get their lists as spreadsheets and official files, full of faults; the
dialog shows how the file was read (kind, encoding, delimiter, sheet), its first rows as
read, which column fills which directory field (editable: a combo per column), and the
whole report — rows to add, update, leave unchanged or skip, every row not trusted with
its row number and reason, every field that would change, old → new — and only then
writes, when the user presses Import.

Everything is the command line's ``campaign-app recipients import``: :func:`read_source`
reads, :func:`plan_import` decides (with the mapping as edited here), and
:meth:`ImportPlan.apply` writes each file atomically. Reading and planning take seconds
for 100,000 rows, so both run off the UI thread; an edit while a plan is being made
asks for one more plan when that one ends (never two at once), and a result made for an
older state of the form is dropped.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QGuiApplication, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from campaign_app.core.common.errors import UserError, UserErrors, display_path, flatten
from campaign_app.core.directory.importing import (
    ImportOptions,
    ImportPlan,
    Source,
    guess_mapping,
    plan_import,
    read_source,
)
from campaign_app.core.directory.importing.cells import slugify
from campaign_app.core.directory.importing.mapping import FULL_NAME, HOMEPAGE, TERM_END
from campaign_app.core.directory.importing.report import (
    ADDED,
    REPEATED,
    SKIPPED,
    UNCHANGED,
    UPDATED,
    ImportReport,
)
from campaign_app.core.directory.recipients import ALL_FIELDS, CATEGORIES
from campaign_app.gui.tasks import TaskRunner

PREVIEW_ROWS = 20
# While this dialog's worker checks rows, the GIL goes to the UI thread within this many
# seconds (see _submit).
SWITCH_INTERVAL = 0.0005
REPLAN_DELAY_MS = 400  # after typing a file name for --into
FILE_FILTER = (
    "Recipient lists (*.csv *.tsv *.txt *.xlsx *.xml *.yaml *.yml);;CSV (*.csv *.tsv *.txt);;"
    "Excel workbook (*.xlsx);;European Parliament XML (*.xml);;Directory YAML (*.yaml *.yml);;All files (*)"
)
IGNORED = "(ignore)"
# What a column may fill: nothing, a directory field, or one of the columns the importer
# reads without keeping (a full name it splits, a homepage and an end of term it checks).
FIELD_CHOICES: tuple[tuple[str | None, str], ...] = (
    (None, IGNORED),
    *((name, name) for name in ALL_FIELDS),
    (FULL_NAME, "full name (split into given_name, family_name)"),
    (HOMEPAGE, "homepage (checks the country; not kept)"),
    (TERM_END, "end of term (tags former-member; not kept)"),
)
_LABEL_OF = dict(FIELD_CHOICES)
_DISPLAY = Qt.ItemDataRole.DisplayRole
_EDIT = Qt.ItemDataRole.EditRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole


def field_label(name: str | None) -> str:
    return _LABEL_OF.get(name, name or IGNORED)


def cell_display(value: Any) -> str:
    """A source cell as one line of text (YAML cells may be lists or per-language maps)."""
    if value is None:
        return ""
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    return " ".join(str(value).split())


def error_text(error: UserError | UserErrors) -> str:
    """The command line's lines for a mistake (``file:line: message — advice``)."""
    return "\n".join(str(e) for e in flatten(error))


def _warn_color() -> QColor:
    dark = QGuiApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128
    return QColor("#ff8a80" if dark else "#b3261e")


# ---- work done off the UI thread ---------------------------------------------------------


@dataclass
class ReadResult:
    source: Source
    preview: list[tuple[int, list[Any]]]
    sheets: list[str]  # the workbook's sheets (empty unless .xlsx)


def sheet_names(path: Path) -> list[str]:
    """The sheets of a workbook read_source could read (for the sheet picker)."""
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True)
    try:
        return list(workbook.sheetnames)
    finally:
        workbook.close()


def read_job(path: Path, sheet: str | None) -> ReadResult:
    source = read_source(path, sheet)
    sheets = sheet_names(path) if source.kind == "Excel workbook" else []
    return ReadResult(source, source.preview(PREVIEW_ROWS), sheets)


# ---- models ----------------------------------------------------------------------------


class MappingModel(QAbstractTableModel):
    """One row per column of the file: its name, the field it fills (editable), a sample."""

    HEADERS = ("Column in the file", "Directory field", "First value")
    edited = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.columns: list[str] = []
        self.mapping: list[str | None] = []
        self.samples: list[str] = []
        self._muted = QGuiApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)

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
            return self.HEADERS[section]
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
                return self.columns[row] or "(unnamed)"
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
        row = index.row()
        if self.mapping[row] == value:
            return False
        if value is not None:
            for other, name in enumerate(self.mapping):
                if other != row and name == value:
                    self.mapping[other] = None
                    self._changed(other)
        self.mapping[row] = value
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
        for name, label in FIELD_CHOICES:
            combo.addItem(label, name)
        combo.setMaxVisibleItems(len(FIELD_CHOICES))
        combo.setToolTip("The directory field this column fills; (ignore) leaves the column out")
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

    def __init__(self, parent=None):
        super().__init__(parent)
        self.columns: list[str] = []
        self.mapping: list[str | None] = []
        self.rows: list[tuple[int, list[str]]] = []
        self.flagged: dict[int, list[str]] | None = None  # row → reasons; None: not checked yet
        self._muted = QGuiApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        self._warn = _warn_color()

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
                return "The row's number in the file, as the report names it"
            return None
        if section == 0:
            return "Check" if role == _DISPLAY else None
        column = section - 1
        name = self.columns[column] or "(unnamed)"
        field = self._field(column)
        if role == _DISPLAY:
            return f"{name}\n→ {field_label(field)}" if field else f"{name}\n{IGNORED}"
        if role == _TOOLTIP:
            return f"{name} fills {field_label(field)}" if field else f"{name} is not imported"
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
                return "not imported" if reasons else "ok"
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
        self._warn = _warn_color()

    def set_rows(
        self, rows: list[tuple[str, ...]], tips: list[str] | None = None, warn: set[int] | None = None
    ) -> None:
        self.beginResetModel()
        self.rows, self.tips, self.warn_rows = rows, tips or [], warn or set()
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
        if role == _ALIGN and index.column() == 0 and self.headers[0] == "Row":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _table(model: QAbstractTableModel, name: str) -> QTableView:
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


# ---- the dialog ------------------------------------------------------------------------


class ImportDialog(QDialog):
    """Choose a file, check what its import would do, then Import (or Cancel: nothing written).

    ``imported`` carries the report once the files are written; the dialog then closes.
    """

    imported = Signal(object)  # ImportReport
    planned = Signal()  # a report (or an error) is shown for the current state of the form

    def __init__(
        self, root: Path, tasks: TaskRunner, parent: QWidget | None = None, path: Path | None = None
    ):
        super().__init__(parent)
        self.root = root
        self.tasks = tasks
        self.source: Source | None = None
        self.plan: ImportPlan | None = None
        self.report: ImportReport | None = None
        self._read_token = 0
        self._wanted = 0  # bumped by every change that calls for a new plan
        self._planning = False
        self._writing = False
        self._jobs = 0  # jobs of this dialog still running
        self._switch_interval = sys.getswitchinterval()
        self._closed = False
        self._dispose = False
        self.setWindowTitle("Import recipients")
        self._build()
        self._show_empty()
        self.path_edit.setFocus()
        if path is not None:
            self.path_edit.setText(str(path))
            self.load(path)

    # ---- layout --------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 14, 14, 12)
        layout.setSpacing(10)

        file_row = QHBoxLayout()
        file_label = QLabel("&File:")
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("path")
        self.path_edit.setPlaceholderText(
            "a .csv, .xlsx, .xml (the European Parliament's list) or .yaml file"
        )
        self.path_edit.setClearButtonEnabled(True)
        self.path_edit.returnPressed.connect(self._path_entered)
        file_label.setBuddy(self.path_edit)
        self.browse_button = QPushButton("&Browse…")
        self.browse_button.setToolTip("Choose the file to import (Ctrl+O)")
        self.browse_button.clicked.connect(self.browse)
        self.sheet_label = QLabel("S&heet:")
        self.sheet_combo = QComboBox()
        self.sheet_combo.setObjectName("sheet")
        self.sheet_combo.setMinimumContentsLength(12)
        self.sheet_combo.activated.connect(self._sheet_chosen)
        self.sheet_label.setBuddy(self.sheet_combo)
        file_row.addWidget(file_label)
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        file_row.addSpacing(8)
        file_row.addWidget(self.sheet_label)
        file_row.addWidget(self.sheet_combo)
        layout.addLayout(file_row)

        read_row = QHBoxLayout()
        read_row.setSpacing(6)
        self.kind_value = self._value_label("kind")
        self.encoding_caption = QLabel("Encoding:")
        self.encoding_value = self._value_label("encoding")
        self.delimiter_caption = QLabel("Delimiter:")
        self.delimiter_value = self._value_label("delimiter")
        self.rows_caption = QLabel("Rows:")
        self.rows_value = self._value_label("rows")
        read_row.addWidget(QLabel("Read as:"))
        read_row.addWidget(self.kind_value)
        for caption, value in (
            (self.encoding_caption, self.encoding_value),
            (self.delimiter_caption, self.delimiter_value),
            (self.rows_caption, self.rows_value),
        ):
            read_row.addSpacing(18)
            read_row.addWidget(caption)
            read_row.addWidget(value)
        read_row.addStretch(1)
        layout.addLayout(read_row)

        self.file_error = self._error_label("file_error")
        layout.addWidget(self.file_error)

        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.setChildrenCollapsible(False)
        columns_box = QWidget()
        columns_layout = QVBoxLayout(columns_box)
        columns_layout.setContentsMargins(0, 0, 0, 0)
        columns_title = QLabel("&Columns: which directory field each one fills")
        self.mapping_model = MappingModel(self)
        self.mapping_model.edited.connect(self._mapping_edited)
        self.mapping_view = _table(self.mapping_model, "mapping")
        self.mapping_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.mapping_view.verticalHeader().hide()
        self.mapping_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        self.mapping_view.setItemDelegateForColumn(1, FieldDelegate(self.mapping_view))
        self.mapping_view.setColumnWidth(0, 170)
        self.mapping_view.setColumnWidth(1, 190)
        self.mapping_view.horizontalHeader().setStretchLastSection(True)
        self.mapping_model.modelReset.connect(self._open_field_editors)
        columns_title.setBuddy(self.mapping_view)
        columns_layout.addWidget(columns_title)
        columns_layout.addWidget(self.mapping_view)
        upper.addWidget(columns_box)

        preview_box = QWidget()
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_title = QLabel(f"First &rows of the file, as read (up to {PREVIEW_ROWS})")
        self.preview_model = PreviewModel(self)
        self.preview_view = _table(self.preview_model, "preview")
        self.preview_view.horizontalHeader().setDefaultSectionSize(130)
        self.preview_view.horizontalHeader().setMinimumHeight(self.fontMetrics().height() * 2 + 10)
        preview_title.setBuddy(self.preview_view)
        preview_layout.addWidget(preview_title)
        preview_layout.addWidget(self.preview_view)
        upper.addWidget(preview_box)
        upper.setStretchFactor(1, 1)
        upper.setSizes([500, 700])

        options = QGroupBox("Options")
        grid = QGridLayout(options)
        grid.setHorizontalSpacing(10)
        category_label = QLabel("Cate&gory of rows that give none:")
        self.category_combo = QComboBox()
        self.category_combo.setObjectName("category")
        self.category_combo.addItem("— (from the file)", None)
        for category in CATEGORIES:
            self.category_combo.addItem(category, category)
        self.category_combo.setToolTip(
            "Like --category: what these recipients are, for rows whose file has no category "
            "(the European Parliament's lists are mep without it)"
        )
        self.category_combo.currentIndexChanged.connect(lambda _i: self.request_plan())
        category_label.setBuddy(self.category_combo)
        into_label = QLabel("New entries go &to:  recipients/")
        self.into_edit = QLineEdit()
        self.into_edit.setObjectName("into")
        self.into_edit.setToolTip(
            "Like --into: the file in the recipients folder that receives the new entries "
            "(a .csv or .yaml name; empty: named after the imported file)"
        )
        self.into_edit.textEdited.connect(lambda _t: self._into_timer.start())
        into_label.setBuddy(self.into_edit)
        self.into_error = self._error_label("into_error")
        self.update_check = QCheckBox("&Update fields that differ (take the file's value)")
        self.update_check.setObjectName("update")
        self.update_check.setToolTip(
            "Like --update: where an entry the directory has holds a different value, take the file's. "
            "Off: keep the directory's value and list it below."
        )
        self.update_check.toggled.connect(lambda _on: self.request_plan())
        self.keep_check = QCheckBox("&Keep new entries with no contact channel")
        self.keep_check.setObjectName("keep_no_contact")
        self.keep_check.setToolTip(
            "Like --keep-no-contact: also add new entries that have no e-mail, postal address or web form"
        )
        self.keep_check.toggled.connect(lambda _on: self.request_plan())
        grid.addWidget(category_label, 0, 0)
        grid.addWidget(self.category_combo, 0, 1)
        grid.addWidget(self.update_check, 0, 3)
        grid.addWidget(into_label, 1, 0)
        grid.addWidget(self.into_edit, 1, 1)
        grid.addWidget(self.keep_check, 1, 3)
        grid.addWidget(self.into_error, 2, 0, 1, 4)
        grid.setColumnMinimumWidth(2, 24)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(4, 1)
        self._into_timer = QTimer(self)
        self._into_timer.setSingleShot(True)
        self._into_timer.setInterval(REPLAN_DELAY_MS)
        self._into_timer.timeout.connect(self.request_plan)

        report_box = QGroupBox("What the import will do (nothing is written before you press Import)")
        report_layout = QVBoxLayout(report_box)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.plan_error = self._error_label("plan_error")
        self.plan_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.report_tabs = QTabWidget()
        self.report_tabs.setObjectName("report_tabs")
        self.problems_model = RowsModel(("Row", "Field", "Why it is not imported"), self)
        self.problems_view = _table(self.problems_model, "problems")
        self.changes_model = RowsModel(
            ("Row", "Entry", "Field", "Directory has", "File has", "Outcome"), self
        )
        self.changes_view = _table(self.changes_model, "changes")
        self.notes_model = RowsModel(("Note",), self)
        self.notes_view = _table(self.notes_model, "notes")
        for view, widths in (
            (self.problems_view, (60, 110)),
            (self.changes_view, (60, 130, 100, 170, 170)),
            (self.notes_view, ()),
        ):
            view.verticalHeader().hide()
            view.horizontalHeader().setStretchLastSection(True)
            for column, width in enumerate(widths):
                view.setColumnWidth(column, width)
        self.report_tabs.addTab(self.problems_view, "&Not imported")
        self.report_tabs.addTab(self.changes_view, "Changes to &existing entries")
        self.report_tabs.addTab(self.notes_view, "N&otes")
        report_layout.addWidget(self.summary)
        report_layout.addWidget(self.plan_error)
        report_layout.addWidget(self.report_tabs, 1)

        # Options sit between what was read and what will happen: they change the latter.
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.setSpacing(10)
        bottom_layout.addWidget(options)
        bottom_layout.addWidget(report_box, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        split.addWidget(upper)
        split.addWidget(bottom)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([320, 420])
        layout.addWidget(split, 1)

        buttons = QHBoxLayout()
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setEnabled(False)
        self.rejects_button = QPushButton("Save &skipped rows…")
        self.rejects_button.setToolTip(
            "Like --rejects: write the rows not imported, with their row number and reason, to a CSV "
            "file to correct them and import again"
        )
        self.rejects_button.clicked.connect(self._choose_rejects_file)
        self.import_button = QPushButton("&Import")
        self.import_button.setObjectName("import")
        self.import_button.clicked.connect(self.do_import)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Close without writing anything (Esc)")
        self.cancel_button.clicked.connect(self.reject)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.rejects_button)
        buttons.addSpacing(12)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        # No default button: Enter in the file name field loads that file, it never imports.
        for button in (self.browse_button, self.rejects_button, self.import_button, self.cancel_button):
            button.setAutoDefault(False)
            button.setDefault(False)

        QShortcut(QKeySequence.StandardKey.Open, self, self.browse)
        self.setTabOrder(self.path_edit, self.browse_button)
        self.setTabOrder(self.browse_button, self.sheet_combo)
        self.setTabOrder(self.sheet_combo, self.mapping_view)
        self.setTabOrder(self.mapping_view, self.preview_view)
        self.setTabOrder(self.preview_view, self.category_combo)
        self.setTabOrder(self.category_combo, self.into_edit)
        self.setTabOrder(self.into_edit, self.update_check)
        self.setTabOrder(self.update_check, self.keep_check)
        self.setTabOrder(self.keep_check, self.report_tabs)
        self.resize(1180, 820)

    def _value_label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    def _error_label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setStyleSheet(f"color: {_warn_color().name()};")
        label.hide()
        return label

    def _open_field_editors(self) -> None:
        for row in range(self.mapping_model.rowCount()):
            self.mapping_view.openPersistentEditor(self.mapping_model.index(row, 1))

    # ---- states --------------------------------------------------------------------

    def _show_empty(self) -> None:
        self._set_read_info(None)
        self.summary.setText("Choose the file to import: press <b>Browse…</b> or type its path and Enter.")
        self._set_report(None)
        self._update_buttons()

    def _set_read_info(self, source: Source | None) -> None:
        if source is None:
            self.kind_value.setText("—")
            for caption, value in (
                (self.encoding_caption, self.encoding_value),
                (self.delimiter_caption, self.delimiter_value),
                (self.rows_caption, self.rows_value),
            ):
                caption.hide()
                value.hide()
            self.sheet_label.hide()
            self.sheet_combo.hide()
            return
        self.kind_value.setText(source.kind + (f", sheet '{source.sheet}'" if source.sheet else ""))
        has_encoding = source.encoding is not None and source.kind == "CSV"
        self.encoding_caption.setVisible(has_encoding)
        self.encoding_value.setVisible(has_encoding)
        if has_encoding:
            note = f" ({source.encoding_note})" if source.encoding_note else ""
            self.encoding_value.setText(f"{source.encoding}{note}")
            self.encoding_value.setToolTip(
                "Detected from the file's bytes. If accents look wrong in the rows below, save the "
                "file as UTF-8 CSV in your spreadsheet program and import that."
            )
        has_delimiter = source.delimiter is not None
        self.delimiter_caption.setVisible(has_delimiter)
        self.delimiter_value.setVisible(has_delimiter)
        if source.delimiter is not None:
            from campaign_app.core.directory.importing.sources import DELIMITER_NAMES

            shown = "\\t" if source.delimiter == "\t" else source.delimiter
            self.delimiter_value.setText(f"{shown} ({DELIMITER_NAMES[source.delimiter]})")
        self.rows_caption.show()
        self.rows_value.show()
        self.rows_value.setText("counting…")

    def _update_buttons(self) -> None:
        idle = not self._writing
        ready = idle and self.plan is not None and not self._planning and bool(self.plan.edits)
        self.import_button.setEnabled(ready)
        if self.plan is not None and not self.plan.edits and not self._planning:
            self.import_button.setToolTip("Nothing to write: the directory already holds all of it")
        else:
            self.import_button.setToolTip("Write the new and updated entries to the directory")
        self.rejects_button.setEnabled(
            idle and self.plan is not None and not self._planning and bool(self.plan.rejected)
        )
        self.cancel_button.setEnabled(idle)
        for widget in (
            self.path_edit,
            self.browse_button,
            self.sheet_combo,
            self.mapping_view,
            self.category_combo,
            self.into_edit,
            self.update_check,
            self.keep_check,
        ):
            widget.setEnabled(idle)

    # ---- choosing and reading the file ---------------------------------------------

    def browse(self) -> None:
        if self._writing:
            return
        current = self.path_edit.text().strip()
        start = str(Path(current).parent) if current else str(Path.home())
        name, _filter = QFileDialog.getOpenFileName(self, "Import recipients from", start, FILE_FILTER)
        if name:
            self.path_edit.setText(name)
            self.load(Path(name))

    def _path_entered(self) -> None:
        text = self.path_edit.text().strip()
        if text:
            self.load(Path(text).expanduser())

    def _sheet_chosen(self, index: int) -> None:
        if self.source is not None and self.sheet_combo.itemText(index) != self.source.sheet:
            self.load(self.source.path, self.sheet_combo.itemText(index))

    def load(self, path: Path, sheet: str | None = None) -> None:
        """Read ``path`` (off the UI thread), then plan its import with the guessed mapping."""
        self._read_token += 1
        token = self._read_token
        self._wanted += 1  # a plan made for the previous file is of no use now
        self.source = None
        self.plan = None
        self.preview_model.set_rows([], [])
        self.mapping_model.set_columns([], [], [])
        self._set_read_info(None)
        self.kind_value.setText("reading…")
        self.file_error.hide()
        self.plan_error.hide()
        self._set_report(None)
        self.summary.setText(f"Reading {path.name}…")
        self._update_buttons()
        self._submit(
            lambda: read_job(path, sheet), partial(self._read_done, token), partial(self._read_failed, token)
        )

    def _read_done(self, token: int, result: ReadResult) -> None:
        if token != self._read_token:
            return
        source = result.source
        self.source = source
        self._set_read_info(source)
        mapping = guess_mapping(source.columns)
        self.mapping_model.set_columns(source.columns, mapping, result.preview)
        self.preview_model.set_rows(source.columns, result.preview)
        self.preview_model.set_mapping(mapping)
        self.preview_view.setColumnWidth(0, self.fontMetrics().horizontalAdvance("not imported") + 24)
        self.sheet_combo.clear()
        several = len(result.sheets) > 1
        if several:
            self.sheet_combo.addItems(result.sheets)
            self.sheet_combo.setCurrentText(source.sheet or result.sheets[0])
        self.sheet_label.setVisible(several)
        self.sheet_combo.setVisible(several)
        self.into_edit.setPlaceholderText(self._default_into(source))
        self.request_plan()

    def _read_failed(self, token: int, error: BaseException) -> None:
        if token != self._read_token:
            return
        if not isinstance(error, UserError | UserErrors):
            raise error
        self.kind_value.setText("—")
        self.file_error.setText(error_text(error))
        self.file_error.show()
        self.summary.setText("This file cannot be imported as it is.")
        self._update_buttons()
        self.planned.emit()

    @staticmethod
    def _default_into(source: Source) -> str:
        suffix = ".yaml" if source.kind == "directory YAML" else ".csv"
        return (slugify(source.path.stem) or "imported") + suffix + "  (named after the file)"

    # ---- planning ------------------------------------------------------------------

    def options(self) -> ImportOptions:
        into = self.into_edit.text().strip()
        return ImportOptions(
            into=into or None,
            category=self.category_combo.currentData(),
            sheet=self.source.sheet if self.source is not None else None,
            update=self.update_check.isChecked(),
            keep_no_contact=self.keep_check.isChecked(),
            mapping=list(self.mapping_model.mapping),
        )

    def _mapping_edited(self) -> None:
        self.preview_model.set_mapping(self.mapping_model.mapping)
        self.request_plan()

    def request_plan(self) -> None:
        """The form changed: plan again (after the plan being made, if one is)."""
        self._into_timer.stop()
        self._wanted += 1
        if self.source is None:
            return
        self.plan = None
        self.preview_model.set_flagged(None)
        self.summary.setText("Checking every row…")
        self.status.setText("")
        self._update_buttons()
        if not self._planning:
            self._start_plan()

    def _start_plan(self) -> None:
        source = self.source
        assert source is not None
        token, root, options = self._wanted, self.root, self.options()
        self._planning = True
        self._update_buttons()
        self._submit(
            lambda: plan_import(root, source, options),
            partial(self._plan_done, token),
            partial(self._plan_failed, token),
        )

    def _plan_is_stale(self, token: int) -> bool:
        """A newer state of the form is waiting: plan that (this result is dropped)."""
        self._planning = False
        if token == self._wanted:
            return False
        if self.source is not None:
            self._start_plan()
        return True

    def _plan_done(self, token: int, plan: ImportPlan) -> None:
        if self._plan_is_stale(token):
            return
        self.plan = plan
        self.into_error.hide()
        self.plan_error.hide()
        self._set_report(plan.report)
        self._update_buttons()
        self.planned.emit()

    def _plan_failed(self, token: int, error: BaseException) -> None:
        if self._plan_is_stale(token):
            return
        if not isinstance(error, UserError | UserErrors):
            raise error
        text = error_text(error)
        self._set_report(None)
        self.rows_value.setText("—")
        # A bad --into name belongs next to its field; anything else stops the whole report.
        into = text.startswith("--into")
        self.into_error.setText(text if into else "")
        self.into_error.setVisible(into)
        self.plan_error.setText("" if into else text)
        self.plan_error.setVisible(not into)
        if "--category" in text:
            advice = "choose the <b>Category</b> of these rows in Options (the command line's --category)."
        elif into:
            advice = "correct the file name in Options (the command line's --into)."
        else:
            advice = "correct what is said below."
        self.summary.setText("The import cannot go ahead: " + advice)
        self._update_buttons()
        self.planned.emit()

    # ---- the report ----------------------------------------------------------------

    def _set_report(self, report: ImportReport | None) -> None:
        self.report = report
        if report is None:
            for model in (self.problems_model, self.changes_model, self.notes_model):
                model.set_rows([])
            self._retitle(0, 0, 0)
            return
        c = report.counts
        self.rows_value.setText(f"{report.rows:,}")
        target = report.target
        repeated = f" · <b>{c[REPEATED]:,}</b> repeated an earlier row (merged)" if c[REPEATED] else ""
        nothing = (
            "" if c[ADDED] or c[UPDATED] else "<br>Nothing to write: the directory already holds all of it."
        )
        self.summary.setText(
            f"<b>{c[ADDED]:,}</b> to add · <b>{c[UPDATED]:,}</b> to update · "
            f"<b>{c[UNCHANGED]:,}</b> unchanged · <b>{c[SKIPPED]:,}</b> not imported{repeated} "
            f"— of {report.rows:,} rows. New entries go to <b>{target}</b>.{nothing}"
        )
        rows = [
            (str(p.row), p.field or "", p.message + (f" — {p.hint}" if p.hint else ""))
            for p in report.problems
        ]
        self.problems_model.set_rows(rows, [str(p) for p in report.problems])
        changes, warn = [], set()
        for i, change in enumerate(report.changes):
            if change.kind == "fill":
                outcome = "filled in"
            elif change.kind == "tags":
                outcome = "tags added"
            elif change.applied:
                outcome = "changed to the file's value"
            else:
                outcome = "kept (tick Update to take the file's)"
                warn.add(i)
            row = change.where.rsplit(":", 1)[-1]
            changes.append((row, change.recipient_id, change.field, change.old, change.new, outcome))
        self.changes_model.set_rows(changes, [str(c) for c in report.changes], warn)
        self.notes_model.set_rows([(n,) for n in report.notes], list(report.notes))
        flagged: dict[int, list[str]] = {}
        for problem in report.problems:
            flagged.setdefault(problem.row, []).append(problem.message)
        self.preview_model.set_flagged(flagged)
        self._retitle(len(report.skipped_rows), len(report.changes), len(report.notes))
        if report.problems:
            self.report_tabs.setCurrentIndex(0)
        elif report.would_change:
            self.report_tabs.setCurrentIndex(1)

    def _retitle(self, problems: int, changes: int, notes: int) -> None:
        self.report_tabs.setTabText(0, f"&Not imported ({problems:,} rows)")
        self.report_tabs.setTabText(1, f"Changes to &existing entries ({changes:,})")
        self.report_tabs.setTabText(2, f"N&otes ({notes:,})")

    # ---- writing -------------------------------------------------------------------

    def do_import(self) -> None:
        """Write what the report shows (each file atomically, off the UI thread), then close."""
        plan = self.plan
        if plan is None or self._planning or self._writing or not plan.edits:
            return
        self._writing = True
        self.status.setText("Writing…")
        self._update_buttons()
        self._submit(plan.apply, self._written, self._write_failed)

    def _written(self, report: ImportReport) -> None:
        self._writing = False
        self.status.setText("Written: " + ", ".join(report.written))
        self.imported.emit(report)
        self.accept()

    def _write_failed(self, error: BaseException) -> None:
        self._writing = False
        if not isinstance(error, UserError | UserErrors | OSError):
            self._update_buttons()
            raise error
        text = (
            error_text(error) if isinstance(error, UserError | UserErrors) else f"{error.strerror or error}"
        )
        if isinstance(error, OSError) and error.filename:
            text += f" ({error.filename})"
        self.plan_error.setText("Not written: " + text)
        self.plan_error.show()
        self.status.setText("Nothing was written.")
        self._update_buttons()

    def _choose_rejects_file(self) -> None:
        if self.plan is None or self.source is None:
            return
        start = str(self.source.path.with_name(self.source.path.stem + "-not-imported.csv"))
        name, _filter = QFileDialog.getSaveFileName(self, "Save the rows not imported", start, "CSV (*.csv)")
        if name:
            self.save_rejects(Path(name))

    def save_rejects(self, target: Path) -> None:
        """Write the rows not imported, with their row and reasons (outside the directory)."""
        plan = self.plan
        if plan is None:
            return
        folder = (self.root / "recipients").resolve()
        if target.resolve().parent == folder:
            self.status.setText("Save them outside the recipients folder: the directory would read them.")
            return

        def done(count: int) -> None:
            self.status.setText(f"{count:,} rows not imported saved to {display_path(target)}.")

        def failed(error: BaseException) -> None:
            if not isinstance(error, OSError):
                raise error
            self.status.setText(f"Not saved: {error.strerror or error}")

        self._submit(lambda: plan.write_rejects(target), done, failed)

    # ---- closing -------------------------------------------------------------------

    def reject(self) -> None:
        """Cancel: nothing is written (but a write under way is let finish)."""
        if self._writing:
            return
        self._closed = True
        super().reject()

    def done(self, result: int) -> None:
        self._closed = True
        super().done(result)

    def busy(self) -> bool:
        """A job of this dialog is still running (tests wait for it)."""
        return self._jobs > 0

    def dispose(self) -> None:
        """Delete the dialog once its last job has reported (never under a running job)."""
        if self._jobs:
            self._dispose = True
        else:
            self.deleteLater()

    def _submit(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """Run ``fn`` off the UI thread.

        The UI thread calls Python for every cell and header it paints, and CPython hands
        the GIL over to a waiting thread only after its switch interval (5 ms): while a
        worker checks 100,000 rows, one repaint of the preview took up to 1.4 s (measured).
        So the interval is shortened while a job of this dialog runs (stalls then stay
        under ~60 ms; the check takes ~5% longer) and put back when the last one ends.
        """
        if self._jobs == 0:
            self._switch_interval = sys.getswitchinterval()
            sys.setswitchinterval(min(self._switch_interval, SWITCH_INTERVAL))
        self._jobs += 1
        self.tasks.submit(fn, partial(self._finish, on_done), partial(self._finish, on_error))

    def _finish(self, callback: Callable[[Any], None], value: Any) -> None:
        self._jobs -= 1
        if self._jobs == 0:
            sys.setswitchinterval(self._switch_interval)
        if self._dispose and not self._jobs:
            self.deleteLater()
        if self._closed and not self._writing:
            if isinstance(value, BaseException) and not isinstance(value, UserError | UserErrors | OSError):
                raise value
            return  # closed meanwhile: nothing to show
        callback(value)
