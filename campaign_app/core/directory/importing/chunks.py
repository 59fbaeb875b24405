"""A chunk of a CSV's rows decided at once, as :class:`~.rows.RowPlanner` decides each row.

Most rows of a large list are new people: valid, checked with their chunk (:mod:`.columns`),
with an id of their own, a way to be reached, and no id, e-mail or name the directory or
an earlier row has. Which rows are such is found for the whole chunk from its checked
columns, against the index (its three tables' keys, in C), and their entries are made at
once from the chunk's columns (:meth:`.converted_chunk.ConvertedChunk.new_values`: no record, no
``Converted``, no checks' tuple a row); every other row, and any row an earlier one of the
chunk may have changed the answer for, goes through :meth:`RowPlanner.take` with its
record made then. What is planned is the same, row by row, in the same order (the
report's notes, the index's first holder of a key).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress, repeat
from typing import Any

from campaign_app.core.directory.importing.converted_chunk import ConvertedChunk
from campaign_app.core.directory.importing.merge import DirectoryIndex, Entry
from campaign_app.core.directory.importing.new_entries import NewEntry
from campaign_app.core.directory.importing.report import ADDED, REPEATED, UPDATED
from campaign_app.core.directory.importing.rows import RowPlanner, validated_values


def take_chunk(
    planner: RowPlanner, chunk: Sequence[tuple[int, list[Any]]], converted: ConvertedChunk
) -> None:
    """Decide each row of ``chunk`` (cells all as wide as the header, converted with its
    chunk) as :meth:`RowPlanner.take` would, in order: the runs of rows certainly new
    between the others added at once."""
    if planner.per_language_refused or not planner.fast_paths:
        for n, (row, cells) in enumerate(chunk):
            planner.take(row, cells, converted.one(n))
        return
    new = _new_people(planner.index, converted)
    adding = _Adding(planner, chunk, converted, new)
    counts = planner.counts
    live = False  # a row taken on its own changed the index: look at it for each row after
    start = 0
    for k in [*(k for k, certain in enumerate(new) if not certain), len(chunk)]:
        if live:
            for n in range(start, k):  # rows the index may know by now: each looked at again
                if _known(planner.index, converted, n):
                    adding.passed()
                    planner.take(*chunk[n], converted.one(n))
                else:
                    adding.add(n, n + 1)
        elif start < k:
            adding.add(start, k)
        if k < len(chunk):
            before = counts[ADDED], counts[REPEATED], counts[UPDATED]
            planner.take(*chunk[k], converted.one(k))
            live = live or (counts[ADDED], counts[REPEATED], counts[UPDATED]) != before
            # an entry added or its keys changed: not the chunk's to know
        start = k + 1


class _Adding:
    """The entries of a chunk's rows certainly new, made at once from the chunk's columns
    (a row's record, a ``Converted``, only where one was made), and added a run at a time,
    in order, as RowPlanner.take adds such a row: indexed, its notes said, the counts."""

    def __init__(
        self,
        planner: RowPlanner,
        chunk: Sequence[tuple[int, list[Any]]],
        converted: ConvertedChunk,
        new: list[bool],
    ):
        self.planner, self.chunk, self.special, self.several = (
            planner,
            chunk,
            converted.special,
            converted.several,
        )
        self.at = 0  # the next certain row's place in the lists below
        checks = converted.checks
        if checks is None or not any(new):
            return
        assert checks.ids is not None
        self.rids = list(compress(checks.ids, new))
        lines = compress([row for row, _cells in chunk], new)
        languages = compress(checks.languages, new)
        block = converted.new_values(new)
        self.entries: list[Entry]
        if block is not None:  # the values kept as the columns until read (NewEntry)
            self.entries = list(
                map(NewEntry, self.rids, repeat(block), range(len(self.rids)), lines, languages)
            )
        else:  # a default the values must be made with from each record
            rows = compress(range(converted.count), new)
            records = [dict(converted.one(n).record) for n in rows]  # the row may yet be taken
            values = map(
                validated_values, records, compress(checks.emails, new), compress(checks.countries, new)
            )
            self.entries = list(map(Entry, self.rids, values, repeat(None), lines, languages))
        self.email_keys = list(compress(checks.keys, new))
        self.names = list(compress(checks.names, new))
        self.orgs = list(compress(checks.orgs, new))
        emails = checks.fields.get("email")  # the records' (by post: none)
        self.emails = None if emails is None else list(compress(emails, new))

    def passed(self) -> None:
        """The next certain row is taken on its own after all (the index knows it now)."""
        self.at += 1

    def add(self, start: int, end: int) -> None:
        """Rows ``start`` to ``end`` of the chunk, the next certain ones, added."""
        at, self.at = self.at, self.at + end - start
        planner, index = self.planner, self.planner.index
        entries = self.entries[at : self.at]
        rids = self.rids[at : self.at]
        index.by_id.update(zip(rids, entries, strict=True))  # as DirectoryIndex.add: no key is taken
        email_keys = self.email_keys[at : self.at]
        if "" in email_keys:
            index.by_email.update((key, entry) for key, entry in zip(email_keys, entries, strict=True) if key)
        else:
            index.by_email.update(zip(email_keys, entries, strict=True))
        by_name = index.by_name
        for org, name, entry in zip(self.orgs[at : self.at], self.names[at : self.at], entries, strict=True):
            if name:
                within = by_name.get(org)
                if within is None:
                    within = by_name[org] = {}
                within[name] = entry
        planner.additions += entries
        planner.rows += len(entries)
        planner.counts[ADDED] += len(entries)
        emails = self.emails
        planner.by_post += (
            len(entries) if emails is None else len(entries) - sum(map(bool, emails[at : self.at]))
        )
        if self.several:
            planner.several_emails += sum(1 for n in self.several if start <= n < end)
        special = self.special
        if not special:
            return
        notes, column_of, shown = planner.report.notes, planner.converter.column_of, planner.shown
        made = sorted(n for n in special if start <= n < end) if end - start > len(special) else None
        for n in range(start, end) if made is None else made:
            one = special.get(n)
            if one is None:
                continue
            if one.notes:
                where = f"{shown}:{self.chunk[n][0]}"
                for field, note in one.notes:
                    column = column_of.get(field) if field else None
                    notes.append(f"{where}:{column}: {note}" if column else f"{where}: {note}")


def _new_people(index: DirectoryIndex, converted: ConvertedChunk) -> list[bool]:
    """Whether each row is certainly a new entry the plain way: trusted, checked with its
    chunk (its id too), reachable, and neither its id, nor its e-mail, nor its name within
    its organisation held by the index or by an earlier such row of the chunk (a row after
    one taken on its own is looked at again: :func:`_known`)."""
    count = converted.count
    checks = converted.checks
    if checks is None or checks.ids is None:
        return [False] * count  # every row's checks, or its id, looked at by the planner
    doubtful = checks.faulty.union(n for n, one in converted.special.items() if one.distrust)
    fields = checks.fields
    channels = [fields[name] for name in ("email", "postal_address", "web_form") if name in fields]
    for n, email in enumerate(checks.emails):  # no channel: refused, with the person's name, plainly
        if not email and n not in doubtful and not any(channel[n] for channel in channels):
            doubtful.add(n)
    new = [False] * count
    ids: dict[str, int] = {}
    emails: dict[str, int] = {}
    names: dict[str, dict[str, int]] = {}
    rows = zip(checks.ids, checks.keys, checks.names, checks.orgs, strict=True)
    for k, (rid, email_key, name, org) in enumerate(rows):
        if k in doubtful:
            continue
        # a key an earlier row of the chunk has: this row is decided after that one, plainly
        first = ids.setdefault(rid, k) == k
        first &= not email_key or emails.setdefault(email_key, k) == k
        first &= not name or names.setdefault(org, {}).setdefault(name, k) == k
        new[k] = first
    for k in map(ids.__getitem__, ids.keys() & index.by_id.keys()):
        new[k] = False
    for k in map(emails.__getitem__, emails.keys() & index.by_email.keys()):
        new[k] = False
    for org, within in names.items():
        held = index.by_name.get(org)
        if held:
            for k in map(within.__getitem__, within.keys() & held.keys()):
                new[k] = False
    return new


def _known(index: DirectoryIndex, converted: ConvertedChunk, n: int) -> bool:
    """Whether the index has row ``n``'s id, e-mail or name now (a row taken on its own
    may have added an entry or changed one's keys since the chunk was looked at)."""
    checks = converted.checks
    assert checks is not None and checks.ids is not None
    email_key, name = checks.keys[n], checks.names[n]
    if checks.ids[n] in index.by_id or (email_key and email_key in index.by_email):
        return True
    return bool(name) and name in index.by_name.get(checks.orgs[n], {})
