"""The recipients table's model: every entry of the directory, showing the rows a query selects.

A directory can hold 100,000 entries, so nothing here walks all rows through ``data()``:
a QSortFilterProxyModel would call Python once per row per keystroke (about a second at
that size). Instead the rows are filtered and ordered in Python on precomputed data
(``rows.py``: the :class:`~campaign_app.core.directory.search.SearchIndex`, built off the UI
thread with the load, a byte of category and marks per row, and per column a sorted row
order, built off the UI thread on the first sort; ``matching.py``: the last few queries'
rows, for the next keystroke), and the view is reset once with the result. Display texts
are made only for the rows the view actually paints, and cached.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from campaign_app.core.common.errors import Location, display_path
from campaign_app.core.common.localized import pick
from campaign_app.core.directory.query import Query
from campaign_app.core.directory.recipients import Recipient
from campaign_app.core.directory.search import SearchIndex
from campaign_app.gui import style
from campaign_app.gui.recipients.matching import MatchCache
from campaign_app.gui.recipients.rows import (
    COL_CONTACT,
    COL_ID,
    COL_NAME,
    COL_OFFICE,
    COL_VERIFIED,
    COLUMNS,
    DELETED,
    NO_CHANNEL,
    STALE,
    Counts,
    LoadedDirectory,
    SortOrder,
    contact,
    counted,
    office,
    row_code,
)
from campaign_app.gui.tables import needs_shaping

RecipientIdRole = Qt.ItemDataRole.UserRole + 1
_DISPLAY = Qt.ItemDataRole.DisplayRole
_DECORATION = Qt.ItemDataRole.DecorationRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
# The view asks for a dozen roles per cell on every paint; these are the ones answered.
_FONT_ROLE = int(Qt.ItemDataRole.FontRole)
_ROLES = frozenset(int(r) for r in (_DECORATION, _FOREGROUND, _TOOLTIP, RecipientIdRole, _FONT_ROLE))
_DISPLAY_ROLE = int(_DISPLAY)
_FOREGROUND_ROLE = int(_FOREGROUND)
_DECORATION_ROLE = int(_DECORATION)
_BACKGROUND_ROLE = int(Qt.ItemDataRole.BackgroundRole)
_MARKED = (COL_CONTACT, COL_VERIFIED)  # columns whose colour or icon may be set
_NO_MARKS = (None, None)


class RecipientsModel(QAbstractTableModel):
    """All entries of the directory; ``set_filter`` and ``sort`` choose which rows show, and how."""

    countsChanged = Signal(object)  # Counts
    orderNeeded = Signal(int, int)  # column, version: build that SortOrder off the UI thread

    def __init__(self, parent=None, today: dt.date | None = None):
        super().__init__(parent)
        self.today = today or dt.date.today()
        self._data = LoadedDirectory.empty()
        self._index: SearchIndex | None = None
        self._orders: dict[int, SortOrder] = {}
        self.version = 0  # changes with every edit: a SortOrder built before it is stale
        self._visible: list[int] = []
        self._by_id: dict[str, int] = {}
        self._file_of: dict[str, Path] = {}
        self._cache: dict[int, tuple[str, ...]] = {}
        # rows (of those cached) with a text that must be shaped: row -> bit per column
        self._shaping: dict[int, int] = {}
        self.shaped_font: QFont | None = None  # for those texts; the view draws others unshaped
        self._query: Query | None = None
        self._matches = MatchCache()  # answers to the last few queries, for the next keystroke
        # the last rows counted: (version, category), matching rows, visible rows, counts
        self._counted: tuple[tuple[int, str | None], list[int], list[int], Counts] | None = None
        self._statuses: Mapping[str, frozenset[str]] | None = None
        self._category: str | None = None
        self._sort_column = -1
        self._descending = False
        self.counts = Counts(0, 0, 0, {}, 0, 0)
        self._warn_color = style.colour(style.ERROR)
        self._stale_color = style.colour(style.STALE)
        self._warn_icon: QIcon | None = None

    # ---- loading ---------------------------------------------------------------------

    def set_directory(self, loaded: LoadedDirectory) -> None:
        """Show a freshly loaded directory (in file order, unless a sort is chosen)."""
        self.beginResetModel()
        self._data = loaded
        self._index = loaded.index
        self._orders = {}
        self.version += 1
        self._cache.clear()
        self._shaping.clear()
        self._by_id = loaded.by_id
        self._file_of = {}
        for path in loaded.files:
            self.remember_file(path)
        self._visible = list(range(len(loaded.recipients)))
        self.endResetModel()
        self._refilter()

    def set_order(self, order: SortOrder, version: int) -> None:
        """A column's order, built for ``version`` of the rows (ignored if edits came since)."""
        if version != self.version:
            if order.column == self._sort_column:
                self.orderNeeded.emit(order.column, self.version)
            return
        self._orders[order.column] = order
        if order.column == self._sort_column:
            self._refilter()

    @property
    def searchable(self) -> bool:
        """A directory is loaded (with its search index): searching and editing may start."""
        return self._index is not None

    @property
    def stale_after(self) -> int:
        """Days after which an entry's verified_on is marked stale (the campaign's freshness_days)."""
        return self._data.stale_after

    @property
    def sorting(self) -> bool:
        """A sort was asked for and its order is still being built."""
        return self._sort_column >= 0 and self._sort_column not in self._orders

    def all_rows(self) -> Sequence[Recipient | None]:
        """A copy of every row (deleted ones are None), for work off the UI thread (the
        directory's rows are made into Recipients there, as they are read)."""
        return self._data.recipients.copy()

    def remember_file(self, path: Path) -> None:
        self._file_of[display_path(path)] = path

    # ---- filtering and sorting -------------------------------------------------------

    def set_query(self, query: Query | None, statuses: Mapping[str, frozenset[str]] | None = None) -> None:
        """Show the rows matching ``query`` (parsed by ``parse_query``); ``statuses`` answers
        ``status:`` terms (the contact log's, read by the tab)."""
        self._query = query
        self._statuses = statuses
        self._refilter()

    def set_category(self, category: str | None) -> None:
        """Show one category of the matching rows (None: all)."""
        self._category = category
        self._refilter()

    @property
    def category(self) -> str | None:
        return self._category

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Called by the view's header; -1 is the file's own order."""
        self._sort_column = column if 0 <= column < len(COLUMNS) else -1
        self._descending = order == Qt.SortOrder.DescendingOrder
        if self.sorting:
            self.orderNeeded.emit(self._sort_column, self.version)
        self._refilter()

    def _refilter(self, changed: bool = False) -> None:
        """Choose the rows to show. The view is reset only when they differ from those shown
        (or ``changed``: an entry shown was edited): a keystroke that leaves the same rows,
        as most letters typed on a word that already found its entries do, costs no repaint."""
        codes = self._data.codes
        if self._index is not None:
            order = self._orders.get(self._sort_column)
            matching, mask = self._matches.select(
                self._index, self._query, self._statuses, self.version, order
            )
        else:  # the empty placeholder while loading
            matching, mask = [i for i in range(len(codes)) if codes[i] != DELETED], None
        known = self._counted
        if known is not None and known[0] == (self.version, self._category) and known[1] == matching:
            visible, self.counts = known[2], known[3]  # the same rows: the same counts
        else:
            visible, self.counts = counted(
                codes, matching, self._category, len(self._by_id), mask, self._data.bits
            )
            self._counted = ((self.version, self._category), matching, visible, self.counts)
        if self._descending:
            visible = visible[::-1]
        if changed or visible != self._visible:
            self.beginResetModel()
            self._visible = visible
            self.endResetModel()
        self.countsChanged.emit(self.counts)

    # ---- what the view asks ----------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section])
        return None

    def _texts(self, source_row: int) -> tuple[str, ...]:
        texts = self._cache.get(source_row)
        if texts is None:
            r = self._data.recipients[source_row]
            assert r is not None
            texts = (
                r.id,
                r.display_name,
                r.category,
                office(r),
                r.country,
                r.language,
                contact(r),
                r.verified_on.isoformat() if r.verified_on else "never",
            )
            self._cache[source_row] = texts
            shaped = sum(1 << column for column, text in enumerate(texts) if needs_shaping(text))
            if shaped:
                self._shaping[source_row] = shaped
            else:
                self._shaping.pop(source_row, None)
        return texts

    def _font(self, source_row: int, column: int) -> QFont | None:
        """The shaped font where the cell's text needs it (Arabic), else None: the view's."""
        shaped = self._shaping.get(source_row, 0) if self._shaping else 0
        return self.shaped_font if shaped >> column & 1 else None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY):
        # The view calls this about 1,500 times per repaint: the text first, in few steps.
        if role == _DISPLAY_ROLE:
            row = index.row()  # -1 for an invalid index
            if 0 <= row < len(self._visible):
                source_row = self._visible[row]
                texts = self._cache.get(source_row) or self._texts(source_row)
                return texts[index.column()]
            return None
        if role not in _ROLES or not index.isValid() or index.row() >= len(self._visible):
            return None
        source_row = self._visible[index.row()]
        column = index.column()
        if role == RecipientIdRole:
            return self._texts(source_row)[COL_ID]
        if role == _FONT_ROLE:
            self._texts(source_row)
            return self._font(source_row, column)
        if role == _TOOLTIP:
            return self._tip(source_row, column)
        colour, icon = self._marks(source_row, column)
        return colour if role == _FOREGROUND else icon

    def multiData(self, index: QModelIndex | QPersistentModelIndex, roleDataSpan) -> None:
        """What the view's delegate asks of each cell it paints (font, alignment, colour, check,
        icon, text, background: Qt's ``initStyleOption``), answered in one call instead of
        seven calls of ``data()``, with the same answers. The delegate reuses its entries
        from cell to cell: the text, colour, icon and font are set on every call (the other
        three roles are never answered). Any other request goes role by role through ``data()``."""
        span = roleDataSpan
        row = index.row()
        if (
            0 <= row < len(self._visible)
            and len(span) == 7
            and span[0].role() == _FONT_ROLE
            and span[6].role() == _BACKGROUND_ROLE
            and (text := span[5]).role() == _DISPLAY_ROLE
            and (colour := span[2]).role() == _FOREGROUND_ROLE
            and (icon := span[4]).role() == _DECORATION_ROLE
        ):
            column = index.column()
            source_row = self._visible[row]
            text.setData((self._cache.get(source_row) or self._texts(source_row))[column])
            if (font := self._font(source_row, column)) is not None:
                span[0].setData(font)
            else:
                span[0].clearData()
            marks = self._marks(source_row, column) if column in _MARKED else _NO_MARKS
            colour.setData(marks[0])
            icon.setData(marks[1])
            return
        super().multiData(index, span)

    def set_doubtful(self, doubtful: dict[str, tuple[str, str]]) -> None:
        """The log's bounced addresses, read once the table is shown (a team's log, on a
        server): the contact column's marks follow."""
        self._data.doubtful = doubtful
        if self._visible:
            self.dataChanged.emit(self.index(0, COL_CONTACT), self.index(len(self._visible) - 1, COL_CONTACT))

    def _contact_warning(self, source_row: int, code: int) -> str | None:
        """What is wrong with the entry's contact: its e-mail address bounced (while it is still
        the address that bounced), or it has no channel at all."""
        if (bounced := self._bounced(source_row)) is not None:
            return self.tr(
                "Doubtful address: a letter to {address} bounced ({when}). Check it at its source."
            ).format(address=bounced[0], when=bounced[1])
        if code & NO_CHANNEL:
            return self.tr("No contact channel: add an e-mail address, a postal address or a web form.")
        return None

    def _bounced(self, source_row: int) -> tuple[str, str] | None:
        """The bounce of the entry's e-mail address (address, when), while it is still its address."""
        r = self._data.recipients[source_row] if self._data.doubtful else None
        return self._data.bounce_at(r.email) if r is not None else None

    def _marks(self, source_row: int, column: int) -> tuple[QColor | None, QIcon | None]:
        """A cell's colour and icon: the contact's warning, a stale check (the tooltips say why)."""
        code = self._data.codes[source_row]
        if column == COL_CONTACT and (code & NO_CHANNEL or self._bounced(source_row) is not None):
            return self._warn_color, self._warning_icon()
        return (self._stale_color if column == COL_VERIFIED and code & STALE else None), None

    def _warning_icon(self) -> QIcon:
        if self._warn_icon is None:
            self._warn_icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        return self._warn_icon

    def _stale_tip(self, source_row: int) -> str:
        r = self._data.recipients[source_row]
        assert r is not None
        if r.verified_on is None:
            return self.tr("Never verified: check the entry at its source and fill in verified_on.")
        days = (self.today - r.verified_on).days
        return self.tr(
            "Last verified %Ln day(s) ago (more than {limit}, the campaign's freshness_days): people change "
            "office — check the entry at its source and update verified_on.",
            "",
            days,
        ).format(limit=self._data.stale_after)

    def _tip(self, source_row: int, column: int) -> str | None:
        code = self._data.codes[source_row]
        if column == COL_CONTACT and (warning := self._contact_warning(source_row, code)):
            return warning
        if column == COL_VERIFIED and code & STALE:
            return self._stale_tip(source_row)
        if column not in (COL_NAME, COL_OFFICE, COL_CONTACT):
            return None
        r = self._data.recipients[source_row]
        assert r is not None
        if column == COL_CONTACT:
            parts = [self.tr("E-mail: {address}").format(address=r.email)] if r.email else []
            if r.postal_address:
                address = pick(r.postal_address, r.language) or ""
                parts.append(self.tr("Post: {address}").format(address=address.replace("\n", ", ")))
            if r.web_form:
                parts.append(self.tr("Web form: {address}").format(address=r.web_form))
            return "\n".join(parts) or None
        text = self._texts(source_row)[column]
        return text if len(text) > 30 else None

    # ---- rows and entries ------------------------------------------------------------

    def recipient_at(self, row: int) -> Recipient | None:
        if 0 <= row < len(self._visible):
            return self._data.recipients[self._visible[row]]
        return None

    def row_of(self, recipient_id: str) -> int | None:
        """The table row showing ``recipient_id`` (None if it is filtered out)."""
        source_row = self._by_id.get(recipient_id)
        if source_row is None:
            return None
        try:
            return self._visible.index(source_row)
        except ValueError:
            return None

    def get(self, recipient_id: str) -> Recipient | None:
        source_row = self._by_id.get(recipient_id)
        return self._data.recipients[source_row] if source_row is not None else None

    def location_of(self, recipient_id: str) -> Location | None:
        """Where an entry with this id is (for the "id already used at …" message)."""
        r = self.get(recipient_id)
        return (r.origin or Location("?")) if r is not None else None

    def used_elsewhere(self, exclude: str | None) -> Callable[[str], Location | None]:
        """An id lookup for saving: every entry except ``exclude`` (the one being edited)."""
        return lambda rid: None if rid == exclude else self.location_of(rid)

    def file_of(self, recipient: Recipient) -> Path | None:
        if recipient.origin is None:
            return None
        return self._file_of.get(recipient.origin.path)

    @property
    def files(self) -> list[Path]:
        return sorted(set(self._file_of.values()))

    @property
    def ids(self) -> set[str]:
        return set(self._by_id)

    # ---- after an edit ---------------------------------------------------------------

    def _place(self, source_row: int, recipient: Recipient | None) -> None:
        data = self._data
        if source_row == len(data.recipients):
            data.recipients.append(None)
            data.codes.append(DELETED)
        old = data.recipients[source_row]
        if old is not None:
            self._by_id.pop(old.id, None)
        data.recipients[source_row] = recipient
        data.codes[source_row] = row_code(recipient, self.today, data.stale_after)
        if data.bits is not None:
            data.bits.put(source_row, data.codes[source_row])
        if recipient is not None:
            self._by_id[recipient.id] = source_row
        self._cache.pop(source_row, None)
        self.version += 1
        if self._index is not None:
            self._index.set(source_row, recipient)
        for order in self._orders.values():
            order.place(source_row, recipient)
        self._refilter(changed=True)

    def replace(self, recipient_id: str, recipient: Recipient) -> None:
        self._place(self._by_id[recipient_id], recipient)

    def append(self, recipient: Recipient) -> None:
        self._place(len(self._data.recipients), recipient)

    def remove(self, recipient_id: str) -> None:
        self._place(self._by_id[recipient_id], None)
