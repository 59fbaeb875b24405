"""The Outreach table's model: one row per recipient of the contact log, and what happened.

The rows are built off the UI thread (:func:`load_outreach`, from
``Workspace.recipient_states``: the status is derived from the history there, never
stored) with every display text made once, so painting and filtering stay cheap. Filtering
by status and by a few words of a name or category is done in Python on precomputed
folded text (``query.fold``: "simecka" finds Šimečka), then the view is reset once.

A status filter keeps the command line's meaning: a recipient is "sent" if any of their
letters was sent, and also "followup-due" once the campaign's follow-up period has passed
without a reply (as ``campaign-app recipients list --query status:sent``). The Status column
shows the one status that needs attention; the highlight for a due follow-up (and the
warning tone for an uncertain or failed letter) repeats what the text already says, so
nothing is told by colour alone.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QFont

from campaign_app.core.common.bulk import collector_paused
from campaign_app.core.directory.query import fold
from campaign_app.core.directory.search import quick_fold
from campaign_app.core.outreach.records import parse_time
from campaign_app.core.outreach.status import LetterState, RecipientState
from campaign_app.core.outreach.team_view import MemberSummary, team_summary
from campaign_app.gui import style
from campaign_app.gui.outreach import words
from campaign_app.gui.outreach.words import action_text, channel_name, status_meaning, status_name
from campaign_app.gui.translation import QT_TRANSLATE_NOOP

COLUMNS = (
    QT_TRANSLATE_NOOP("OutreachModel", "Name"),
    QT_TRANSLATE_NOOP("OutreachModel", "Category"),
    QT_TRANSLATE_NOOP("OutreachModel", "Status"),
    QT_TRANSLATE_NOOP("OutreachModel", "Last action"),
    QT_TRANSLATE_NOOP("OutreachModel", "When"),
    QT_TRANSLATE_NOOP("OutreachModel", "By"),
    QT_TRANSLATE_NOOP("OutreachModel", "Follow-up due"),
)
COL_NAME, COL_CATEGORY, COL_STATUS, COL_ACTION, COL_WHEN, COL_BY, COL_DUE = range(len(COLUMNS))
# The filter buttons, in the order a campaign goes through them ("none": not written to yet).
FILTERS = (
    "all",
    "drafted",
    "printed",
    "sent",
    "revised",
    "followup-due",
    "uncertain",
    "failed",
    "replied",
    "auto-reply",
    "bounced",
    "no-reply",
    "closed",
)
ATTENTION = ("uncertain", "failed", "bounced")
RecipientIdRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2


def local_time(at: str) -> dt.datetime:
    """An event's time (ISO 8601, UTC) in the computer's time zone."""
    return parse_time(at).astimezone()


def when_text(at: str, today: dt.date | None = None) -> str:
    """ "today 14:05", "yesterday 09:12", "12 Mar 14:05", "12 Mar 2024": readable at a glance."""
    return words.when_text(local_time(at), today or dt.date.today())


def full_time(at: str) -> str:
    return words.full_time(local_time(at))


def date_text(day: dt.date) -> str:
    return words.date_text(day)


@dataclass(frozen=True)
class HistoryLine:
    """One event of a recipient's history, ready to show."""

    at: str
    when: str
    template_id: str
    kind: str
    by: str
    channel: str
    detail: str


@dataclass(frozen=True)
class OutreachRow:
    recipient_id: str
    name: str
    category: str
    status: str  # what the Status column says (followup-due, or the latest letter's status)
    statuses: frozenset[str]  # what the filter matches (the command line's status: meaning)
    action: str
    at: str  # ISO UTC of the last event ("" when none): sorts as text
    when: str
    by: str
    due_on: dt.date | None
    due: bool
    letters: int
    # Their letters as the log's status read them (without their events: a team's log holds
    # hundreds of thousands); the history panel reads the events when the recipient is shown
    letter_states: Sequence[LetterState] = ()
    search: str = ""  # folded name, id and category
    due_reason: str = ""  # why the follow-up is (or will be) due
    due_event: str = ""  # the coming event that set it ("hearing on 2026-12-20"), if one did

    @property
    def templates(self) -> list[str]:
        """The templates of their letters (what a mark can be recorded for)."""
        return sorted({s.contact.template_id for s in self.letter_states if s.contact.template_id})

    @property
    def cells(self) -> tuple[str, ...]:
        due = date_text(self.due_on) if self.due_on else ""
        if due and self.due_event:
            due = f"{due} ({self.due_event})"
        if self.due and due:
            due = QCoreApplication.translate("OutreachModel", "{date} — due").format(date=due)
        return (self.name, self.category, status_name(self.status), self.action, self.when, self.by, due)


@dataclass
class OutreachData:
    """What the log says, loaded off the UI thread."""

    rows: list[OutreachRow] = field(default_factory=list)
    follow_up_days: int = 0
    unwritten: int = 0  # rows for recipients without a letter in the log (when asked for)
    shared: bool = False  # a team's log: the team's summary is shown
    team: list[MemberSummary] = field(default_factory=list)  # each member's work, latest active first

    @property
    def written(self) -> int:
        return len(self.rows) - self.unwritten


def row_of(state: RecipientState, today: dt.date | None = None) -> OutreachRow:
    """The table row for one recipient, every text of the table made here (off the UI
    thread), from their letters' states (abridged: without their events)."""
    latest = state.latest if state.letters else None  # the letter of their latest event
    kind = latest.last_kind if latest is not None else ""
    action = action_text(kind, latest.contact.channel, latest.contact.template_id) if latest and kind else ""
    return OutreachRow(
        recipient_id=state.recipient_id,
        name=state.name or state.recipient_id,
        category=state.category,
        status=state.status,
        statuses=state.statuses,
        action=action,
        at=latest.last_at if latest is not None and kind else "",
        when=when_text(latest.last_at, today) if latest is not None and kind else "",
        by=latest.last_by if latest is not None and kind else "",
        due_on=state.followup_due_on,
        due=state.due,
        letters=len(state.letters),
        letter_states=state.letters,
        search=quick_fold(f"{state.name} {state.recipient_id} {state.category}"),
        due_reason=state.followup_reason,
        due_event=state.followup_event,
    )


def load_history(workspace, row: OutreachRow) -> tuple[HistoryLine, ...]:
    """Every event of the recipient's letters, oldest first, as the history panel shows them.
    Blocks on the database: call it off the UI thread. Read when the recipient is shown, not
    at each reload: a team's log of 300,000 events took fifteen seconds to format whole."""
    with workspace.read_log() as log:
        events = log.events_by_letter([letter.contact.id for letter in row.letter_states])
    lines = (
        HistoryLine(
            e.at,
            full_time(e.at),
            letter.contact.template_id,
            status_name(e.kind),
            e.by,
            channel_name(e.channel) if e.channel else "",
            e.detail,
        )
        for letter in row.letter_states
        for e in events.get(letter.contact.id, ())
    )
    return tuple(sorted(lines, key=lambda h: h.at))


def load_outreach(workspace, include_unwritten: bool = False) -> OutreachData:
    """Every recipient of the log for the campaign's case (and, if asked, everyone else in
    the directory, as "none"). Blocks on the database: call it off the UI thread."""
    today = dt.date.today()
    states = workspace.recipient_states(abridged=True)
    # A row for each of 20,000 recipients of a team's log: the collector's sweeps over the
    # states just read would find nothing (they are all in use) and cost seconds
    with collector_paused():
        rows = [row_of(s, today) for s in states.values()]
        unwritten = 0
        if include_unwritten:
            for r in workspace.directory.recipients:
                if r.id in states:
                    continue
                rows.append(
                    OutreachRow(
                        r.id,
                        r.display_name,
                        r.category,
                        "none",
                        frozenset({"none"}),
                        "",
                        "",
                        "",
                        "",
                        None,
                        False,
                        0,
                        search=quick_fold(f"{r.display_name} {r.id} {r.category}"),
                    )
                )
                unwritten += 1
        rows.sort(key=lambda row: (not row.due, row.status not in ATTENTION, row.name.casefold()))
        team = team_summary(letter for state in states.values() for letter in state.letters)
        shared = workspace.campaign.log_database is not None
        return OutreachData(rows, workspace.campaign.follow_up_days, unwritten, shared, team)


class OutreachModel(QAbstractTableModel):
    """The log's recipients; ``set_filter`` chooses the rows shown, ``sort`` their order."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._all: list[OutreachRow] = []
        self._rows: list[OutreachRow] = []
        self._status = "all"
        self._words: list[str] = []
        self._sort: tuple[int, bool] | None = None
        self.counts: Counter[str] = Counter()
        # Backgrounds soft enough for the text colour of the same palette to stay readable.
        self._due_background = style.colour(style.DUE_BACKGROUND)
        self._warn_background = style.colour(style.ATTENTION_BACKGROUND)
        self._warn_text = style.colour(style.ATTENTION_TEXT)
        self._bold = style.bold(QFont())
        self._looks = {
            Qt.ItemDataRole.BackgroundRole: self._background,
            Qt.ItemDataRole.ForegroundRole: self._foreground,
            Qt.ItemDataRole.FontRole: self._font,
            Qt.ItemDataRole.ToolTipRole: self._tooltip,
        }

    # ---- data in -------------------------------------------------------------------------

    def set_data(self, data: OutreachData) -> None:
        self._all = list(data.rows)
        self.counts = Counter()
        for row in self._all:
            self.counts["all"] += 1
            for status in row.statuses:
                self.counts[status] += 1
        self._refilter()

    def set_filter(self, status: str | None = None, text: str | None = None) -> None:
        if status is not None:
            self._status = status
        if text is not None:
            self._words = fold(text).split()
        self._refilter()

    @property
    def status_filter(self) -> str:
        return self._status

    def _refilter(self) -> None:
        status, words = self._status, self._words
        rows = [
            row
            for row in self._all
            if (status == "all" or status in row.statuses) and all(w in row.search for w in words)
        ]
        if self._sort is not None:
            column, descending = self._sort
            rows.sort(key=lambda row: _sort_key(row, column), reverse=descending)
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self._sort = None if column < 0 else (column, order == Qt.SortOrder.DescendingOrder)
        if column < 0:  # back to the loaded order: due first, then problems, then by name
            position = {id(row): n for n, row in enumerate(self._all)}
            self.beginResetModel()
            self._rows.sort(key=lambda row: position[id(row)])
            self.endResetModel()
        else:
            self._refilter()

    # ---- reading -------------------------------------------------------------------------

    def row_at(self, row: int) -> OutreachRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of_id(self, recipient_id: str) -> int:
        for n, row in enumerate(self._rows):
            if row.recipient_id == recipient_id:
                return n
        return -1

    def shown(self) -> list[OutreachRow]:
        return list(self._rows)

    def total(self) -> int:
        return len(self._all)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section])
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            if section == COL_DUE:
                return self.tr(
                    "When a follow-up is due if no reply is recorded (the campaign's follow-up period)"
                )
            if section == COL_STATUS:
                return self.tr("Follow-up due, or the status of the letter that changed last")
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells[column]
        if role == RecipientIdRole:
            return row.recipient_id
        if role == SortRole:
            return _sort_key(row, column)
        look = self._looks.get(role)
        return look(row, column) if look is not None else None

    # The highlight repeats what the Status text says (nothing is told by colour alone).

    def _background(self, row: OutreachRow, _column: int):
        if row.due:
            return self._due_background
        if row.status in ATTENTION:
            return self._warn_background
        return None

    def _foreground(self, row: OutreachRow, column: int):
        if row.status in ATTENTION and column in (COL_STATUS, COL_ACTION):
            return self._warn_text
        if row.status == "none":
            return style.placeholder_colour()
        return None

    def _font(self, row: OutreachRow, column: int):
        due = row.due and column in (COL_STATUS, COL_DUE)
        if due or (row.status in ATTENTION and column == COL_STATUS):
            return self._bold
        return None

    def _tooltip(self, row: OutreachRow, column: int):
        if column == COL_STATUS:
            meaning = status_meaning(row.status)
            return f"status:{row.status} — {meaning}" if meaning else f"status:{row.status}"
        if column == COL_WHEN and row.at:
            return full_time(row.at)
        if column == COL_NAME:
            letters = self.tr("%n letter(s) in the log", "", row.letters)
            return f"{row.name} ({row.recipient_id}) · {letters}"
        return None


def _sort_key(row: OutreachRow, column: int):
    if column == COL_WHEN:
        return row.at
    if column == COL_DUE:
        return row.due_on.isoformat() if row.due_on else "9999"
    return row.cells[column].casefold()


def team_html(team: list[MemberSummary]) -> str:
    """The team's summary as a small table: one row per member, who is sending now in bold."""
    import html

    team_word = QCoreApplication.translate("TeamSummary", "Team")
    if not team:
        return f"<b>{team_word}</b> — " + QCoreApplication.translate(
            "TeamSummary", "nobody has recorded anything for this case yet"
        )
    cells = "".join(
        f"<th align='left'>{QCoreApplication.translate('TeamSummary', h)}&nbsp;&nbsp;</th>"
        for h in TEAM_COLUMNS
    )
    rows = [f"<tr>{cells}</tr>"]
    for m in team:
        sending = ", ".join(sorted(m.sending))
        values = (m.by, m.sent, m.replied, m.failed, m.drafts, m.last_activity)
        row = "".join(f"<td>{html.escape(str(v))}&nbsp;&nbsp;</td>" for v in values)
        now = (
            "<b>"
            + QCoreApplication.translate("TeamSummary", "sending to {names}").format(
                names=html.escape(sending)
            )
            + "</b>"
            if sending
            else ""
        )
        rows.append(f"<tr>{row}<td>{now}</td></tr>")
    return f"<b>{team_word}</b><table cellspacing='0'>{''.join(rows)}</table>"


TEAM_COLUMNS = (
    QT_TRANSLATE_NOOP("TeamSummary", "Member"),
    QT_TRANSLATE_NOOP("TeamSummary", "Sent"),
    QT_TRANSLATE_NOOP("TeamSummary", "Replied"),
    QT_TRANSLATE_NOOP("TeamSummary", "Failed"),
    QT_TRANSLATE_NOOP("TeamSummary", "Drafts"),
    QT_TRANSLATE_NOOP("TeamSummary", "Last activity (UTC)"),
    QT_TRANSLATE_NOOP("TeamSummary", "Sending now"),
)
