"""The directory's rows as the Recipients table needs them, computed off the UI thread.

A directory can hold 100,000 entries. Everything the table filters, counts and sorts by is
computed once here, with the load: per row one byte (its category and two marks), the search
index, and per column, on the first sort, the row order. Two marks help a campaigner see
what needs work before a batch: an entry with no contact channel (no e-mail, postal address or
web form: no letter can reach it), and one whose ``verified_on`` is missing or older than the
campaign's ``freshness_days`` (people change office; ``campaign-app check`` warns about the
same entries with the same limit).
"""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import compress
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from campaign_app.core.campaign.settings_options import DEFAULT_FRESHNESS_DAYS
from campaign_app.core.common.localized import pick
from campaign_app.core.directory.recipients import CATEGORIES, Recipient
from campaign_app.core.directory.search import SearchIndex
from campaign_app.core.directory.table import EditedTable
from campaign_app.gui.translation import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from campaign_app.core.directory.load import Directory

STALE_AFTER_DAYS = DEFAULT_FRESHNESS_DAYS  # when campaign.yaml cannot be read

COLUMNS = (
    QT_TRANSLATE_NOOP("RecipientsModel", "ID"),
    QT_TRANSLATE_NOOP("RecipientsModel", "Name"),
    QT_TRANSLATE_NOOP("RecipientsModel", "Category"),
    QT_TRANSLATE_NOOP("RecipientsModel", "Position / organisation"),
    QT_TRANSLATE_NOOP("RecipientsModel", "Country"),
    QT_TRANSLATE_NOOP("RecipientsModel", "Language"),
    QT_TRANSLATE_NOOP("RecipientsModel", "Contact"),
    QT_TRANSLATE_NOOP("RecipientsModel", "Verified"),
)
COL_ID, COL_NAME, COL_CATEGORY, COL_OFFICE, COL_COUNTRY, COL_LANGUAGE, COL_CONTACT, COL_VERIFIED = range(8)

# One byte per row: the category's number (low four bits; DELETED for a deleted row) and
# the two marks. Counting categories and marks over the rows a query selects is then a
# gather of bytes and a few C-speed counts, not a Python loop over 100,000 rows.
NO_CHANNEL, STALE, DELETED = 0x10, 0x20, 0x0F
CATEGORY_OF = bytes(b & 0x0F for b in range(256))  # translate: keep the low four bits
NO_CHANNEL_OF = bytes(1 if b & NO_CHANNEL else 0 for b in range(256))
STALE_OF = bytes(1 if b & STALE else 0 for b in range(256))
ONLY = {name: bytes(int(b == n) for b in range(256)) for n, name in enumerate(CATEGORIES)}


def has_channel(r: Recipient) -> bool:
    return bool(r.email or r.postal_address or r.web_form)


def is_stale(r: Recipient, today: dt.date, stale_after: int = STALE_AFTER_DAYS) -> bool:
    """Never verified, or verified more than ``stale_after`` days (the campaign's freshness_days) ago."""
    return r.verified_on is None or (today - r.verified_on).days > stale_after


def office(r: Recipient) -> str:
    """Position and organisation in the entry's own language ("Member …, European Parliament")."""
    position = pick(r.position, r.language) or "" if r.position else ""
    organisation = pick(r.organisation, r.language) or "" if r.organisation else ""
    if position and organisation and organisation not in position:
        return f"{position}, {organisation}"
    return position or organisation


def contact(r: Recipient) -> str:
    """The channel a letter would use, as the command line's list shows it."""
    if r.email:
        return r.email
    if r.web_form:
        return QCoreApplication.translate("RecipientsModel", "web form: {address}").format(address=r.web_form)
    if r.postal_address:
        return QCoreApplication.translate("RecipientsModel", "post")
    return QCoreApplication.translate("RecipientsModel", "none")


def sort_key(r: Recipient, column: int) -> str:
    """What a column sorts by (accents and case aside: ``casefold``)."""
    if column == COL_ID:
        return r.id
    if column == COL_NAME:
        return r.display_name.casefold()
    if column == COL_CATEGORY:
        return r.category
    if column == COL_OFFICE:
        return office(r).casefold()
    if column == COL_COUNTRY:
        return r.country
    if column == COL_LANGUAGE:
        return r.language
    if column == COL_CONTACT:
        return contact(r).casefold() if has_channel(r) else ""
    return r.verified_on.isoformat() if r.verified_on else ""


# Columns showing a field as it is: sorted by that field's column, not row by row
PLAIN_FIELD = {COL_ID: "id", COL_CATEGORY: "category", COL_COUNTRY: "country", COL_LANGUAGE: "language"}


def sort_keys(rows: Sequence[Recipient | None], column: int) -> list[str]:
    """``sort_key`` of every row ("" for a deleted one). From a directory's table, the ids,
    categories, countries, languages, dates and names are read from its columns: no
    Recipient is made for them (100,000 took a quarter of a second, holding the GIL)."""
    if isinstance(rows, EditedTable):
        if column in PLAIN_FIELD:
            return [value or "" for value in rows.column(PLAIN_FIELD[column])]
        if column == COL_VERIFIED:
            return [day.isoformat() if day else "" for day in rows.column("verified_on")]
        if column == COL_NAME:
            return [name.casefold() for name in rows.display_names()]
    return [sort_key(r, column) if r is not None else "" for r in rows]


def sorted_rows(keys: Sequence[str], run: int = 4096) -> list[int]:
    """Row numbers in key order (ties in file order), sorted in short runs then merged.

    One ``sorted()`` of 100,000 keys runs in C for about a tenth of a second without
    letting go of the GIL, which stalls the UI thread although the sort runs on a worker;
    short runs merged by heapq's Python generator let the UI thread in between.
    """
    n = len(keys)
    runs = [sorted(range(start, min(start + run, n)), key=keys.__getitem__) for start in range(0, n, run)]
    if len(runs) <= 1:
        return runs[0] if runs else []
    return list(heapq.merge(*runs, key=keys.__getitem__))


def row_code(r: Recipient | None, today: dt.date, stale_after: int = STALE_AFTER_DAYS) -> int:
    if r is None:
        return DELETED
    code = CATEGORIES.index(r.category)
    if not has_channel(r):
        code |= NO_CHANNEL
    if is_stale(r, today, stale_after):
        code |= STALE
    return code


def column_codes(column: Callable[[str], Sequence[Any]], today: dt.date, stale_after: int) -> bytearray:
    """``row_code`` of every row, read from the directory's columns (``Directory.table.column``)
    in one pass, not from 100,000 Recipients' attributes one at a time."""
    number = {name: n for n, name in enumerate(CATEGORIES)}
    limit = today - dt.timedelta(days=stale_after)  # verified before this day: stale
    return bytearray(
        number[category]
        | (0 if email or post or form else NO_CHANNEL)
        | (STALE if verified is None or verified < limit else 0)
        for category, email, post, form, verified in zip(
            *map(column, ("category", "email", "postal_address", "web_form", "verified_on")), strict=True
        )
    )


def gather(codes: bytearray, rows: list[int]) -> bytes:
    """The codes of ``rows``, in C (itemgetter) rather than a Python loop."""
    if len(rows) > 1:
        return bytes(itemgetter(*rows)(codes))
    return bytes(codes[i] for i in rows)


def counted(
    codes: bytearray,
    matching: list[int],
    category: str | None,
    total: int,
    mask: bytes | None = None,
    bits: CodeBits | None = None,
) -> tuple[list[int], Counts]:
    """The rows of ``category`` (None: all) among ``matching``, and what the labels count;
    ``mask``: ``matching`` as one byte a row (``MatchCache.select``), read faster, and faster
    still with ``bits``, the codes as big integers (``CodeBits``)."""
    if mask is not None and bits is not None and bits.width == len(mask) == len(codes):
        return _counted_by_bits(codes, matching, category, total, int.from_bytes(mask), bits)
    unmatched = 0  # rows read as code 0 that ``matching`` does not hold
    if mask is not None and category is None:
        # every row's code and'ed with its mask byte made 0xFF or 0, one big integer each (no
        # step per row in Python): the rows not matched read as code 0, taken off category 0
        width = len(codes)
        matching_codes_raw = (int.from_bytes(codes) & int.from_bytes(mask.translate(_FULL_BYTE))).to_bytes(
            width
        )
        unmatched = width - len(matching)
    else:
        matching_codes_raw = gather(codes, matching)
    matching_codes = matching_codes_raw.translate(CATEGORY_OF)
    by_category = {name: matching_codes.count(n) for n, name in enumerate(CATEGORIES)}
    by_category[CATEGORIES[0]] -= unmatched
    if category is not None:
        visible = list(compress(matching, matching_codes.translate(ONLY[category])))
        visible_codes = gather(codes, visible)
    else:
        visible, visible_codes = matching, matching_codes_raw
    no_channel = visible_codes.translate(NO_CHANNEL_OF).count(1)
    stale = visible_codes.translate(STALE_OF).count(1)
    return visible, Counts(total, len(matching), len(visible), by_category, no_channel, stale)


def _counted_by_bits(
    codes: bytearray, matching: list[int], category: str | None, total: int, held: int, bits: CodeBits
) -> tuple[list[int], Counts]:
    """``counted`` where ``held`` is the matching rows' mask as one big integer: each count an
    and and a bit count (the rows' bytes are 1 or 0, so a row counts once)."""
    by_category = {
        name: (held & rows).bit_count() for name, rows in zip(CATEGORIES, bits.categories, strict=True)
    }
    if category is not None:
        held &= bits.categories[CATEGORIES.index(category)]
        kinds = gather(codes, matching).translate(CATEGORY_OF)
        visible = list(compress(matching, kinds.translate(ONLY[category])))
    else:
        visible = matching
    no_channel, stale = (held & bits.no_channel).bit_count(), (held & bits.stale).bit_count()
    return visible, Counts(total, len(matching), len(visible), by_category, no_channel, stale)


class CodeBits:
    """Every row's code as big integers of one byte a row, 1 or 0 like a query's mask: each
    category's rows, those without a channel, the stale ones. Counting a mask's rows is then
    an and and a bit count per label: 0.5 ms for a first letter's 100,000 rows, where
    counting their codes took fourteen passes over 100,000 bytes, 1.8 ms. Made off
    the UI thread with the load; ``put`` follows an edit."""

    __slots__ = ("categories", "no_channel", "stale", "width")

    def __init__(self, codes: bytes | bytearray):
        kinds = codes.translate(CATEGORY_OF)
        self.width = len(codes)
        self.categories = [int.from_bytes(kinds.translate(ONLY[name])) for name in CATEGORIES]
        self.no_channel = int.from_bytes(codes.translate(NO_CHANNEL_OF))
        self.stale = int.from_bytes(codes.translate(STALE_OF))

    def put(self, row: int, code: int) -> None:
        """Row ``row`` (appended at ``width``) now has ``code``."""
        if row == self.width:
            self.width += 1
            self.categories = [rows << 8 for rows in self.categories]
            self.no_channel, self.stale = self.no_channel << 8, self.stale << 8
        bit = 1 << 8 * (self.width - 1 - row)
        kind = code & 0x0F
        self.categories = [rows | bit if n == kind else rows & ~bit for n, rows in enumerate(self.categories)]
        self.no_channel = self.no_channel | bit if code & NO_CHANNEL else self.no_channel & ~bit
        self.stale = self.stale | bit if code & STALE else self.stale & ~bit


_FULL_BYTE = bytes([0]) + bytes([0xFF]) * 255  # translate: a mask's 1 to 0xFF


@dataclass
class LoadedDirectory:
    """What the loading job hands to the model (built off the UI thread)."""

    recipients: list[Recipient | None] | EditedTable  # a row per entry, None once deleted
    files: list[Path]
    codes: bytearray
    by_id: dict[str, int]
    index: SearchIndex | None  # None only for the empty placeholder shown while loading
    stale_after: int = STALE_AFTER_DAYS  # the campaign's freshness_days when loaded
    # recipient id → (address, bounce) for addresses a letter bounced from (the contact log's)
    doubtful: dict[str, tuple[str, str]] = field(default_factory=dict)
    bits: CodeBits | None = None  # ``codes`` as big integers, for ``counted``; None while loading
    # ``doubtful`` by address, and the dict it was made of (set_doubtful replaces that dict)
    _by_address: tuple[object, dict[str, tuple[str, str]]] = field(default=(None, {}), init=False, repr=False)

    def __post_init__(self) -> None:
        if self.bits is None and self.index is not None:
            self.bits = CodeBits(self.codes)  # with the index: off the UI thread

    def bounce_at(self, email: str) -> tuple[str, str] | None:
        """The bounce of an e-mail address (address, when): a letter to it bounced, whoever it
        went to (officials who share a secretariat's address share its bounce)."""
        if not self.doubtful or not email:
            return None
        made_of, by_address = self._by_address
        if made_of is not self.doubtful:
            by_address = {address.lower(): (address, when) for address, when in self.doubtful.values()}
            self._by_address = (self.doubtful, by_address)
        return by_address.get(email.lower())

    @classmethod
    def of(
        cls,
        recipients: Sequence[Recipient],
        files: Sequence[Path],
        today: dt.date,
        stale_after: int = STALE_AFTER_DAYS,
    ) -> LoadedDirectory:
        rows: list[Recipient | None] = list(recipients)
        return cls(
            rows,
            list(files),
            bytearray(row_code(r, today, stale_after) for r in recipients),
            {r.id: i for i, r in enumerate(recipients)},
            SearchIndex(rows),
            stale_after,
        )

    @classmethod
    def of_directory(
        cls, directory: Directory, today: dt.date, stale_after: int = STALE_AFTER_DAYS
    ) -> LoadedDirectory:
        """``of(directory.recipients, …)`` read column by column: no Recipient is made for
        the marks, the ids or the search index (making 100,000 of them was a third of the
        window's load); a row's Recipient is made when the table paints or edits it."""
        column = directory.table.column
        own = EditedTable(directory.table)  # the index's own rows, edited as the model's are
        return cls(
            EditedTable(directory.table),
            list(directory.files),
            column_codes(column, today, stale_after),
            directory.row_numbers(),
            SearchIndex(own, columns=own.column, editable=True),
            stale_after,
        )

    @classmethod
    def empty(cls) -> LoadedDirectory:
        return cls([], [], bytearray(), {}, None)


@dataclass
class SortOrder:
    """One column's sort keys and rows in ascending order (built off the UI thread when
    the user first sorts by that column)."""

    column: int
    keys: list[str]  # per row
    rows: list[int]  # ascending by (key, row)
    _getter: Callable | None = None  # itemgetter(*rows), built on first use
    _rank: list[int] | None = None  # per row, its place in ``rows``; built on first use

    def ordered(self, rows: list[int], within: list[int] | None = None) -> list[int]:
        """``rows`` (a query's matches) in this order; ``within``: rows already in this order
        that hold all of ``rows`` (an earlier, wider query's), or None.

        A few rows are sorted by their place in the order; many are picked out of the whole
        order through a mask (a fixed few milliseconds at 100,000 rows, in C), or out of
        ``within`` when it is much shorter (50,000 rows: 2.2 ms instead of 3.1)."""
        if len(rows) * 16 >= len(self.rows):
            mask = bytearray(len(self.keys))
            for i in rows:
                mask[i] = 1
            if within is not None and len(within) * 4 < len(self.rows) * 3:
                return [i for i in within if mask[i]]
            return self.marked(mask)
        return sorted(rows, key=self._ranks().__getitem__)

    def places(self, rows: list[int]) -> list[int]:
        """Where ``rows`` are in this order, ascending."""
        rank = self._ranks()
        return sorted(rank[i] for i in rows)

    def _ranks(self) -> list[int]:
        if self._rank is None:
            rank = [0] * len(self.keys)
            for place, row in enumerate(self.rows):
                rank[row] = place
            self._rank = rank
        return self._rank

    def marked(self, mask: bytes | bytearray) -> list[int]:
        """The rows whose byte in ``mask`` is set, in this order."""
        if len(self.rows) < 2:
            return [i for i in self.rows if mask[i]]
        if self._getter is None:
            self._getter = itemgetter(*self.rows)
        return list(compress(self.rows, self._getter(mask)))

    @classmethod
    def of(cls, recipients: Sequence[Recipient | None], column: int) -> SortOrder:
        keys = sort_keys(recipients, column)
        # The row numbers made anew in this order lie in memory in this order: walking the
        # order on a keystroke (``marked``) then reads memory in sequence, twice as fast.
        order = cls(column, keys, array("q", sorted_rows(keys)).tolist())
        order._ranks()  # here, off the UI thread, and the picker ``marked`` uses
        order._getter = itemgetter(*order.rows) if len(order.rows) >= 2 else None
        return order

    def place(self, row: int, recipient: Recipient | None) -> None:
        """Move (or add) one row after an edit."""
        key = sort_key(recipient, self.column) if recipient is not None else ""
        self._getter = self._rank = None
        if row < len(self.keys):
            self.rows.remove(row)
            self.keys[row] = key
        else:
            self.keys.append(key)
        bisect.insort(self.rows, row, key=lambda i: (self.keys[i], i))


@dataclass(frozen=True)
class Counts:
    total: int  # entries in the directory
    matching: int  # entries the query selects (all categories)
    shown: int  # rows in the table (query and category)
    by_category: dict[str, int]  # of the entries the query selects
    no_channel: int  # of the rows shown
    stale: int  # of the rows shown
