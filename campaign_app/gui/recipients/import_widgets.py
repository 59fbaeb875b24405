"""The Import dialog's widgets, laid out: the file, how it was read, the mapping and first rows,
the options, the report, and the buttons.

Nothing here reads, plans or writes: showing a read or a plan is ``import_view``'s, doing it
``import_dialog``'s.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from campaign_app.core.directory.recipients import CATEGORIES
from campaign_app.gui import style
from campaign_app.gui.base_tab import error_label
from campaign_app.gui.recipients.import_models import (
    FieldDelegate,
    MappingModel,
    PreviewModel,
    RowsModel,
    report_table,
)
from campaign_app.gui.sizing import fit_to_screen

PREVIEW_ROWS = 20
REPLAN_DELAY_MS = 400  # after typing a file name for --into


class ImportDialogWidgets(QDialog):
    """Every widget of the Import dialog, built and laid out."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import recipients"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 14, 14, 12)
        layout.setSpacing(10)
        layout.addLayout(self._build_file_row())
        layout.addLayout(self._build_read_row())
        self.file_error = error_label("file_error")
        layout.addWidget(self.file_error)
        upper = self._build_columns_and_rows()
        options = self._build_options()
        report_box = self._build_report()
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
        layout.addLayout(self._build_buttons())
        # No default button: Enter in the file name field loads that file, it never imports.
        for button in (self.browse_button, self.rejects_button, self.import_button, self.cancel_button):
            button.setAutoDefault(False)
            button.setDefault(False)

        self.setTabOrder(self.path_edit, self.browse_button)
        self.setTabOrder(self.browse_button, self.sheet_combo)
        self.setTabOrder(self.sheet_combo, self.mapping_view)
        self.setTabOrder(self.mapping_view, self.preview_view)
        self.setTabOrder(self.preview_view, self.category_combo)
        self.setTabOrder(self.category_combo, self.into_edit)
        self.setTabOrder(self.into_edit, self.update_check)
        self.setTabOrder(self.update_check, self.keep_check)
        self.setTabOrder(self.keep_check, self.report_tabs)
        fit_to_screen(self, 1180, 820)

    def _build_file_row(self) -> QHBoxLayout:
        """The file to import: its name, Browse…, and a workbook's sheet."""
        file_row = QHBoxLayout()
        file_label = QLabel(self.tr("&File:"))
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("path")
        self.path_edit.setPlaceholderText(
            self.tr("a .csv, .xlsx, .xml (the European Parliament's list) or .yaml file")
        )
        self.path_edit.setClearButtonEnabled(True)
        file_label.setBuddy(self.path_edit)
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.browse_button.setToolTip(self.tr("Choose the file to import (Ctrl+O)"))
        self.sheet_label = QLabel(self.tr("S&heet:"))
        self.sheet_combo = QComboBox()
        self.sheet_combo.setObjectName("sheet")
        self.sheet_combo.setMinimumContentsLength(12)
        self.sheet_label.setBuddy(self.sheet_combo)
        file_row.addWidget(file_label)
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        file_row.addSpacing(8)
        file_row.addWidget(self.sheet_label)
        file_row.addWidget(self.sheet_combo)
        return file_row

    def _build_read_row(self) -> QHBoxLayout:
        """How the file was read: its kind, encoding, delimiter and rows."""
        read_row = QHBoxLayout()
        read_row.setSpacing(6)
        self.kind_value = self._value_label("kind")
        self.encoding_caption = QLabel(self.tr("Encoding:"))
        self.encoding_value = self._value_label("encoding")
        self.delimiter_caption = QLabel(self.tr("Delimiter:"))
        self.delimiter_value = self._value_label("delimiter")
        self.rows_caption = QLabel(self.tr("Rows:"))
        self.rows_value = self._value_label("rows")
        read_row.addWidget(QLabel(self.tr("Read as:")))
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
        return read_row

    def _build_columns_and_rows(self) -> QSplitter:
        """Which field each column fills (editable), beside the file's first rows."""
        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.setChildrenCollapsible(False)
        columns_box = QWidget()
        columns_layout = QVBoxLayout(columns_box)
        columns_layout.setContentsMargins(0, 0, 0, 0)
        columns_title = QLabel(self.tr("&Columns: which directory field each one fills"))
        self.mapping_model = MappingModel(self)
        self.mapping_view = report_table(self.mapping_model, "mapping")
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
        preview_title = QLabel(
            self.tr("First &rows of the file, as read (up to {count})").format(count=PREVIEW_ROWS)
        )
        self.preview_model = PreviewModel(self)
        self.preview_view = report_table(self.preview_model, "preview")
        self.preview_view.horizontalHeader().setDefaultSectionSize(130)
        self.preview_view.horizontalHeader().setMinimumHeight(self.fontMetrics().height() * 2 + 10)
        preview_title.setBuddy(self.preview_view)
        preview_layout.addWidget(preview_title)
        preview_layout.addWidget(self.preview_view)
        upper.addWidget(preview_box)
        upper.setStretchFactor(1, 1)
        upper.setSizes([500, 700])
        return upper

    def _build_options(self) -> QGroupBox:
        """The command line's --category, --into, --update and --keep-no-contact."""
        options = QGroupBox(self.tr("Options"))
        grid = QGridLayout(options)
        grid.setHorizontalSpacing(10)
        category_label = QLabel(self.tr("Cate&gory of rows that give none:"))
        self.category_combo = QComboBox()
        self.category_combo.setObjectName("category")
        self.category_combo.addItem(self.tr("— (from the file)"), None)
        for category in CATEGORIES:
            self.category_combo.addItem(category, category)
        self.category_combo.setToolTip(
            self.tr(
                "Like --category: what these recipients are, for rows whose file has no category "
                "(the European Parliament's lists are mep without it)"
            )
        )
        category_label.setBuddy(self.category_combo)
        into_label = QLabel(self.tr("New entries go &to:  recipients/"))
        self.into_edit = QLineEdit()
        self.into_edit.setObjectName("into")
        self.into_edit.setToolTip(
            self.tr(
                "Like --into: the file in the recipients folder that receives the new entries "
                "(a .csv or .yaml name; empty: named after the imported file)"
            )
        )
        into_label.setBuddy(self.into_edit)
        self.into_error = error_label("into_error")
        self.update_check = QCheckBox(self.tr("&Update fields that differ (take the file's value)"))
        self.update_check.setObjectName("update")
        self.update_check.setToolTip(
            self.tr(
                "Like --update: where an entry the directory has holds a different value, take the file's. "
                "Off: keep the directory's value and list it below."
            )
        )
        self.keep_check = QCheckBox(self.tr("&Keep new entries with no contact channel"))
        self.keep_check.setObjectName("keep_no_contact")
        self.keep_check.setToolTip(
            self.tr(
                "Like --keep-no-contact: also add new entries that have no e-mail, postal address or web form"
            )
        )
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
        return options

    def _build_report(self) -> QGroupBox:
        """What the import will do: the summary and the report's three lists."""
        report_box = QGroupBox(
            self.tr("What the import will do (nothing is written before you press Import)")
        )
        report_layout = QVBoxLayout(report_box)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.plan_error = error_label("plan_error")
        self.plan_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.report_tabs = QTabWidget()
        self.report_tabs.setObjectName("report_tabs")
        self.problems_model = RowsModel(
            (self.tr("Row"), self.tr("Field"), self.tr("Why it is not imported")), self
        )
        self.problems_view = report_table(self.problems_model, "problems")
        self.changes_model = RowsModel(
            (
                self.tr("Row"),
                self.tr("Entry"),
                self.tr("Field"),
                self.tr("Directory has"),
                self.tr("File has"),
                self.tr("Outcome"),
            ),
            self,
        )
        self.changes_view = report_table(self.changes_model, "changes")
        self.notes_model = RowsModel((self.tr("Note"),), self)
        self.notes_view = report_table(self.notes_model, "notes")
        for view, widths in (
            (self.problems_view, (60, 110)),
            (self.changes_view, (60, 130, 100, 170, 170)),
            (self.notes_view, ()),
        ):
            view.verticalHeader().hide()
            view.horizontalHeader().setStretchLastSection(True)
            for column, width in enumerate(widths):
                view.setColumnWidth(column, width)
        self.report_tabs.addTab(self.problems_view, self.tr("&Not imported"))
        self.report_tabs.addTab(self.changes_view, self.tr("Changes to &existing entries"))
        self.report_tabs.addTab(self.notes_view, self.tr("N&otes"))
        report_layout.addWidget(self.summary)
        report_layout.addWidget(self.plan_error)
        report_layout.addWidget(self.report_tabs, 1)

        # Options sit between what was read and what will happen: they change the latter.
        return report_box

    def _build_buttons(self) -> QHBoxLayout:
        """Status, Save skipped rows…, Import and Cancel."""
        buttons = QHBoxLayout()
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setEnabled(False)
        self.rejects_button = QPushButton(self.tr("Save &skipped rows…"))
        self.rejects_button.setToolTip(
            self.tr(
                "Like --rejects: write the rows not imported, with their row number and reason, to a CSV "
                "file to correct them and import again"
            )
        )
        self.import_button = QPushButton(self.tr("&Import"))
        self.import_button.setObjectName("import")
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Close without writing anything (Esc)"))
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.rejects_button)
        buttons.addSpacing(12)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.cancel_button)
        return buttons

    def _value_label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        style.embolden(label)
        return label

    def _open_field_editors(self) -> None:
        for row in range(self.mapping_model.rowCount()):
            self.mapping_view.openPersistentEditor(self.mapping_model.index(row, 1))
