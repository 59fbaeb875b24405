"""The send dialog's progress and summary pages: what is being sent, and what happened to
every letter, in the core's words (``send.OUTCOMES``)."""

from __future__ import annotations

import shlex
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from campaign_app.core.campaign.send import OUTCOMES, SendResult
from campaign_app.core.common.i18n import _ as core_text
from campaign_app.gui import style
from campaign_app.gui.texts import duration
from campaign_app.gui.translation import QT_TRANSLATE_NOOP

# Problems first, then what went out, then what was left alone; each with its word in the counts.
OUTCOME_ORDER = {
    "failed": QT_TRANSLATE_NOOP("SummaryPage", "failed"),
    "uncertain": QT_TRANSLATE_NOOP("SummaryPage", "uncertain"),
    "not-sent": QT_TRANSLATE_NOOP("SummaryPage", "not sent"),
    "unrecorded": QT_TRANSLATE_NOOP("SummaryPage", "kept as sent, not in the log"),
    "sent": QT_TRANSLATE_NOOP("SummaryPage", "sent"),
    "written": QT_TRANSLATE_NOOP("SummaryPage", "written"),
    "by-hand": QT_TRANSLATE_NOOP("SummaryPage", "by hand"),
    "skipped-uncertain": QT_TRANSLATE_NOOP("SummaryPage", "uncertain, not sent again"),
    "printed": QT_TRANSLATE_NOOP("SummaryPage", "printed"),
    "already-sent": QT_TRANSLATE_NOOP("SummaryPage", "already sent"),
}
SUMMARY_COLUMNS = (
    QT_TRANSLATE_NOOP("SummaryPage", "Recipient"),
    QT_TRANSLATE_NOOP("SummaryPage", "Address"),
    QT_TRANSLATE_NOOP("SummaryPage", "Outcome"),
    QT_TRANSLATE_NOOP("SummaryPage", "Detail"),
    QT_TRANSLATE_NOOP("SummaryPage", "Letter file"),
)


class ProgressPage(QWidget):
    """A bar, the recipient being written to, the time taken, and Cancel."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(True)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("progress_label")
        self.progress_label.setWordWrap(True)
        self.elapsed_label = QLabel()
        self.elapsed_label.setObjectName("elapsed_label")
        self.cancel_button = QPushButton(self.tr("Ca&ncel"))
        self.cancel_button.setToolTip(
            self.tr("Stop after the message being sent; the rest are sent by the next run")
        )
        row = QHBoxLayout()
        row.addWidget(self.progress_label, 1)
        row.addWidget(self.elapsed_label)
        row.addWidget(self.cancel_button)
        layout.addWidget(self.progress_bar)
        layout.addLayout(row)
        layout.addStretch(1)


class SummaryPage(QWidget):
    """The headline, a problem that stopped the batch, the counts and a row per letter."""

    def __init__(self) -> None:
        super().__init__()
        self._send_command = "campaign-app send"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.headline = QLabel()
        self.headline.setObjectName("headline")
        self.headline.setWordWrap(True)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        style.embolden(self.headline)
        self.stopped_label = QLabel()
        self.stopped_label.setObjectName("stopped_label")
        self.stopped_label.setWordWrap(True)
        self.stopped_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stopped_label.setStyleSheet(style.box_style("#stopped_label"))
        self.stopped_label.hide()
        self.counts_label = QLabel()
        self.counts_label.setObjectName("counts_label")
        self.counts_label.setWordWrap(True)
        self.summary_model = QStandardItemModel(0, len(SUMMARY_COLUMNS), self)
        self.summary_model.setHorizontalHeaderLabels([self.tr(h) for h in SUMMARY_COLUMNS])
        self.summary_table = self._table()
        self.by_hand_label = QLabel()
        self.by_hand_label.setObjectName("by_hand_label")
        self.by_hand_label.setWordWrap(True)
        self.open_folder_button = QPushButton(self.tr("Open fold&er"))
        self.open_folder_button.setToolTip(self.tr("Show the letters (and .eml files) in the file manager"))
        row = QHBoxLayout()
        row.addWidget(self.by_hand_label, 1)
        row.addWidget(self.open_folder_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.headline)
        layout.addWidget(self.stopped_label)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.summary_table, 1)
        layout.addLayout(row)

    def _table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("summary_table")
        table.setModel(self.summary_model)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setShowGrid(False)
        table.verticalHeader().hide()
        for column, width in enumerate((190, 220, 200, 220)):
            table.setColumnWidth(column, width)
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        return table

    def show_problem(self, text: str) -> None:
        """Nothing was sent, and why."""
        self.headline.setText(self.tr("Nothing was sent."))
        self.stopped_label.setText(text)
        self.stopped_label.show()
        self.counts_label.setText("")
        self.summary_model.removeRows(0, self.summary_model.rowCount())
        self.by_hand_label.setText("")
        self.open_folder_button.hide()

    def by_command_line(self, root: Path | None, template_id: str) -> None:
        """How the command line sends the same letters (for what only it does): this
        campaign folder and template."""
        self._send_command = send_command_line(root, template_id)

    def show_result(self, result: SendResult, total: int, dry_run: bool, folder: str) -> None:
        """What happened to every letter of a run (``folder``: where the letters are, as shown)."""
        self.open_folder_button.show()
        done = result.count("written") if dry_run else result.count("sent")
        self.headline.setText(_headline(result, done, total, dry_run))
        if result.stopped_by:
            self.stopped_label.setText(
                self.tr("The batch stopped: {reason}").format(reason=result.stopped_by)
            )
            self.stopped_label.show()
        else:
            self.stopped_label.hide()
        counts = [
            self.tr("{count} {outcome}").format(count=result.count(key), outcome=self.tr(word))
            for key, word in OUTCOME_ORDER.items()
            if result.count(key)
        ]
        self.counts_label.setText(" · ".join(counts))
        self._fill_rows(result)
        by_hand = result.count("by-hand")
        if by_hand:
            self.by_hand_label.setText(
                self.tr(
                    "%n recipient(s) without an e-mail address: print or upload their letter (Letter "
                    "file column, in {folder}), then mark them sent by post or web form in the Outreach tab.",
                    "",
                    by_hand,
                ).format(folder=folder)
            )
        elif dry_run:
            self.by_hand_label.setText(
                self.tr("The .eml files are beside the letters in {folder}.").format(folder=folder)
            )
        else:
            self.by_hand_label.setText("")

    def _outcome_text(self, outcome: str, recipient_id: str) -> str:
        """The core's words for what happened, and, for a letter left alone, how this window
        (or, where it cannot, the command line) sends it anyway."""
        text = core_text(OUTCOMES.get(outcome, outcome))
        if outcome == "skipped-uncertain":
            advice = self.tr("to send it anyway, tick “Resend letters whose sending was interrupted”")
        elif outcome == "revised":
            advice = self.tr("the new version is sent from the command line: {command} --resend {id}")
            advice = advice.format(command=self._send_command, id=recipient_id)
        else:
            return text
        return f"{text} ({advice})"

    def _fill_rows(self, result: SendResult) -> None:
        self.summary_model.removeRows(0, self.summary_model.rowCount())
        order = {key: n for n, key in enumerate(OUTCOME_ORDER.keys())}
        warn = style.colour(style.ERROR, self.palette())
        for o in sorted(result.outcomes, key=lambda o: order.get(o.outcome, 99)):
            items = [
                QStandardItem(text)
                for text in (
                    o.name,
                    o.address,
                    self._outcome_text(o.outcome, o.recipient_id),
                    o.detail,
                    o.file,
                )
            ]
            items[0].setToolTip(o.recipient_id)
            items[3].setToolTip(o.detail)
            if o.outcome in ("failed", "uncertain", "not-sent", "unrecorded"):
                items[2].setForeground(warn)
                items[2].setFont(style.bold(QFont()))
            self.summary_model.appendRow(items)

    def rows(self) -> list[tuple[str, ...]]:
        model = self.summary_model
        return [
            tuple(model.item(r, c).text() for c in range(model.columnCount()))
            for r in range(model.rowCount())
        ]


def send_command_line(root: Path | None, template_id: str) -> str:
    """The command line's send of the same letters (for what only it does), ready to paste."""
    folder = f" -w {shlex.quote(str(root))}" if root is not None else ""
    return f"campaign-app send{folder} -t {shlex.quote(template_id)}"


def _headline(result: SendResult, done: int, total: int, dry_run: bool) -> str:
    time = duration(result.elapsed)
    if dry_run:
        text = SummaryPage.tr(
            "Dry run: %n message(s) written as .eml files in {time}; nothing was sent.",  # type: ignore[arg-type]
            "",
            done,  # type: ignore[arg-type]
        )
    elif result.stopped_by:
        text = SummaryPage.tr("Stopped: {done} of %n letter(s) sent in {time}.", "", total)  # type: ignore[arg-type]
    elif result.cancelled:
        text = SummaryPage.tr(
            "Cancelled: {done} of %n letter(s) sent in {time}; Send again to send the rest.",  # type: ignore[arg-type]
            "",
            total,  # type: ignore[arg-type]
        )
    elif result.count("failed") or result.count("uncertain"):
        text = SummaryPage.tr(
            "Finished: {done} of %n letter(s) sent in {time}; see the problems below.",  # type: ignore[arg-type]
            "",
            total,  # type: ignore[arg-type]
        )
    else:
        text = SummaryPage.tr("Finished: %n letter(s) sent in {time}.", "", done)  # type: ignore[arg-type]
    return text.format(done=done, time=time)
