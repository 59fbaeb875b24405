"""The Batch tab's widgets, laid out: the form, the progress, the summary.

Nothing here counts, generates or reports: the form's behaviour is ``form.BatchForm``'s, the
run's ``tab.BatchTab``'s.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from campaign_app.core.campaign.settings_options import PAPER_SIZES
from campaign_app.gui import style
from campaign_app.gui.base_tab import BaseTab
from campaign_app.gui.session import WorkspaceSession
from campaign_app.gui.tasks import TaskRunner
from campaign_app.gui.wrapped_label import WrappedLabel

FORM_WIDTH = 760


class OneLineHolder(QWidget):
    """Holds a one-line label whose text changes several times a second (the progress line),
    so that a new text repaints the label alone.

    A QLabel whose text changes asks every layout above it to be done again (Qt's
    ``updateGeometry``), and the main window's QTabWidget repaints its whole page at each such
    request: during a batch, every progress report repainted the entire window (about 4 ms of
    the UI thread, 50-120 ms on a loaded machine). This holder has no layout (it places the
    label itself), so the request stops here; its height is one line of the label's text.
    """

    def __init__(self, label: QLabel):
        super().__init__()
        self.label = label
        label.setParent(self)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(self.label.sizeHint().width(), self.minimumSizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.label.minimumSizeHint().height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.label.setGeometry(self.rect())


class BatchWidgets(BaseTab):
    """Every widget of the Batch tab, built and laid out."""

    def __init__(self, session: WorkspaceSession, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(session, tasks, parent)
        self._build()

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 18, 24, 18)
        outer.setSpacing(14)

        outer.addWidget(self.make_banner("banner"))

        self._build_form()
        self._build_progress()
        self._build_summary()

        column = QVBoxLayout()
        column.setSpacing(14)
        column.addWidget(self.form_box)
        column.addWidget(self.progress_box)
        column.addWidget(self.summary_box)
        column.addStretch(1)
        holder = QWidget()
        holder.setLayout(column)
        holder.setMaximumWidth(FORM_WIDTH)
        content = QWidget()
        row = QHBoxLayout(content)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(holder, 1)
        row.addStretch(0)
        # with its progress and summary shown, the tab is taller than a 640-pixel screen: it
        # scrolls, rather than making the whole window taller than the screen
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(content)
        outer.addWidget(self.scroll_area, 1)

        for a, b in (
            (self.template_combo, self.query_edit),
            (self.query_edit, self.pdf_check),
            (self.pdf_check, self.docx_check),
            (self.docx_check, self.paper_combo),
            (self.paper_combo, self.out_edit),
            (self.out_edit, self.browse_button),
            (self.browse_button, self.print_button),
            (self.print_button, self.generate_button),
            (self.generate_button, self.cancel_button),
            (self.cancel_button, self.open_button),
        ):
            QWidget.setTabOrder(a, b)

    def _build_form(self) -> None:
        """Template, query, formats, paper, output folder, Generate."""
        self.form_box = QGroupBox(self.tr("Letters to generate"))
        form = QFormLayout(self.form_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(8)

        self.template_combo = QComboBox()
        self.template_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.template_combo.setMinimumContentsLength(40)
        self.template_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.audience_label = self._hint_label()
        form.addRow(self._buddy(self.tr("&Template:"), self.template_combo), self.template_combo)
        form.addRow("", self.audience_label)

        self.query_edit = QLineEdit()
        self.query_edit.setPlaceholderText(self.tr("optional, e.g.  country:DE  tag:droi  -tag:contacted"))
        self.query_edit.setClearButtonEnabled(True)
        self.query_edit.setToolTip(
            self.tr(
                "Narrows the template's audience: field:value terms (category, country, tag, language…) "
                "and words matched against name, position and organisation. All terms must match; "
                "-term excludes."
            )
        )
        self.count_label = self._hint_label()
        self.count_label.setObjectName("count_label")
        # What to know before writing (someone no longer in the office the letter names):
        # amber, in a box, not in the count's muted grey that the eye skips
        self.count_warnings = WrappedLabel()  # as tall as its text, at whatever width
        self.count_warnings.setObjectName("count_warnings")
        self.count_warnings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.count_warnings.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.count_warnings.setMinimumWidth(360)
        self.count_warnings.setStyleSheet(style.box_style("#count_warnings", style.WARNING_BOX))
        self.count_warnings.hide()
        form.addRow(self._buddy(self.tr("Narrow by &query:"), self.query_edit), self.query_edit)
        form.addRow("", self.count_label)
        form.addRow("", self.count_warnings)

        self.pdf_check = QCheckBox(self.tr("&PDF"))
        self.docx_check = QCheckBox(self.tr("&DOCX (editable)"))
        for box in (self.pdf_check, self.docx_check):
            box.setChecked(True)
        formats = QHBoxLayout()
        formats.setSpacing(18)
        formats.addWidget(self.pdf_check)
        formats.addWidget(self.docx_check)
        formats.addStretch(1)
        form.addRow(self.tr("Formats:"), formats)

        self.paper_combo = QComboBox()
        self.paper_combo.addItems(list(PAPER_SIZES))
        self.paper_combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        form.addRow(self._buddy(self.tr("P&aper:"), self.paper_combo), self.paper_combo)

        self.out_edit = QLineEdit()
        self.out_edit.setToolTip(
            self.tr("Where the letters and manifest.json go; a relative path is inside the campaign")
        )
        self.browse_button = QPushButton(self.tr("Bro&wse…"))
        out_row = QHBoxLayout()
        out_row.setSpacing(6)
        out_row.addWidget(self.out_edit, 1)
        out_row.addWidget(self.browse_button)
        self.out_error = self._hint_label()
        self.out_error.hide()
        form.addRow(self._buddy(self.tr("Output fo&lder:"), self.out_edit), out_row)
        form.addRow("", self.out_error)

        self.generate_button = QPushButton(self.tr("&Generate letters"))
        self.generate_button.setDefault(True)
        self.generate_button.setToolTip(self.tr("Write one letter per selected recipient (Ctrl+Return)"))
        self.generate_shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        self.generate_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.print_button = QPushButton(self.tr("Print pac&k…"))
        self.print_button.setToolTip(
            self.tr(
                "One PDF to print and post: the letters to recipients with a postal address, then "
                "envelopes or labels"
            )
        )
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.print_button)
        actions.addWidget(self.generate_button)
        form.addRow(actions)

    def _build_progress(self) -> None:
        """The progress bar, what is being done, Cancel."""
        self.progress_box = QGroupBox(self.tr("Progress"))
        progress = QVBoxLayout(self.progress_box)
        progress.setSpacing(8)
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(True)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("progress_label")
        self.cancel_button = QPushButton(self.tr("Ca&ncel"))
        self.cancel_button.setToolTip(self.tr("Stop after the letters in progress (Esc)"))
        self.cancel_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self.cancel_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        status_row = QHBoxLayout()
        status_row.addWidget(OneLineHolder(self.progress_label), 1)
        status_row.addWidget(self.cancel_button)
        progress.addWidget(self.progress_bar)
        progress.addLayout(status_row)
        self.progress_box.hide()

    def _build_summary(self) -> None:
        """What a run wrote, skipped and failed, and how long it took; Open folder."""
        self.summary_box = QGroupBox(self.tr("Summary"))
        summary = QVBoxLayout(self.summary_box)
        summary.setSpacing(8)
        self.headline = QLabel()
        self.headline.setObjectName("headline")
        self.headline.setWordWrap(True)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        style.embolden(self.headline)
        self.figures = QFormLayout()
        self.figures.setHorizontalSpacing(12)
        self.written_value = QLabel()
        self.skipped_value = QLabel()
        self.failed_value = QLabel()
        self.time_value = QLabel()
        self.figures.addRow(self.tr("Letters written:"), self.written_value)
        self.figures.addRow(self.tr("Already up to date (skipped):"), self.skipped_value)
        self.figures.addRow(self.tr("Failed:"), self.failed_value)
        self.figures.addRow(self.tr("Time taken:"), self.time_value)
        self.failures = QPlainTextEdit()
        self.failures.setObjectName("failures")
        self.failures.setReadOnly(True)
        # Wrapped: a problem's advice ends its line ("— run it again: …") and must be read whole.
        self.failures.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.failures.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.failures.setMaximumHeight(140)
        self.failures.hide()
        self.open_button = QPushButton(self.tr("Open fold&er"))
        self.open_button.setToolTip(self.tr("Show the letters in the file manager"))
        # Beside the headline, not under the figures and the warnings: on a 1366×800 laptop
        # it was below the window's edge, and a user had to scroll to find it.
        head = QHBoxLayout()
        head.setSpacing(12)
        head.addWidget(self.headline, 1)
        head.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        summary.addLayout(head)
        summary.addLayout(self.figures)
        summary.addWidget(self.failures)
        self.summary_box.hide()

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(widget)
        return label

    def _hint_label(self) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        style.mute(label)
        # Without this a word-wrapped label in a form row wraps at a few words.
        label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        label.setMinimumWidth(360)
        return label
