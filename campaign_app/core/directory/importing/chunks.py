"""A chunk of a CSV's rows decided at once, as :class:`~.rows.RowPlanner` decides each row.

Most rows of a large list are new people: valid, checked with their chunk (:mod:`.columns`),
with an id of their own, a way to be reached, and no id, e-mail or name the directory or
an earlier row has. Which rows are such is found for the whole chunk with set operations
against the index (its three tables' keys, in C), and each is added in a few steps of its
own; every other row, and any row an earlier one of the chunk may have changed the answer
for, goes through :meth:`RowPlanner.take` as before. What is planned is the same, row by
row, in the same order (the report's notes, the index's first holder of a key).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import repeat
from typing import Any

from campaign_app.core.directory.importing.columns import Checked
from campaign_app.core.directory.importing.convert import Converted
from campaign_app.core.directory.importing.merge import DirectoryIndex, Entry
from campaign_app.core.directory.importing.report import ADDED, REPEATED, UPDATED
from campaign_app.core.directory.importing.rows import RowPlanner, validated_values


def take_chunk(
    planner: RowPlanner, chunk: Sequence[tuple[int, list[Any]]], converted: list[Converted]
) -> None:
    """Decide each row of ``chunk`` (cells all as wide as the header, each converted with
    its chunk) as :meth:`RowPlanner.take` would, in order: the runs of rows certainly new
    between the others added at once."""
    if planner.per_language_refused or not planner.fast_paths:
        for (row, cells), one in zip(chunk, converted, strict=True):
            planner.take(row, cells, one)
        return
    new = _new_people(planner.index, converted)
    counts = planner.counts
    live = False  # a row taken on its own changed the index: look at it for each row after
    start = 0
    for k in [*(k for k, certain in enumerate(new) if not certain), len(chunk)]:
        if live:
            for n in range(start, k):  # rows the index may know by now: each looked at again
                if _known(planner.index, converted[n].checked):  # type: ignore[arg-type]
                    planner.take(*chunk[n], converted[n])
                else:
                    _add(planner, chunk, converted, n, n + 1)
        elif start < k:
            _add(planner, chunk, converted, start, k)
        if k < len(chunk):
            before = counts[ADDED], counts[REPEATED], counts[UPDATED]
            planner.take(*chunk[k], converted[k])
            live = live or (counts[ADDED], counts[REPEATED], counts[UPDATED]) != before
            # an entry added or its keys changed: not the chunk's to know
        start = k + 1


def _add(
    planner: RowPlanner,
    chunk: Sequence[tuple[int, list[Any]]],
    converted: list[Converted],
    start: int,
    end: int,
) -> None:
    """Rows ``start`` to ``end`` of the chunk, each certainly new, added as RowPlanner.take
    adds such a row: its entry indexed, its notes said, the counts."""
    ones = converted[start:end]
    records = [one.record for one in ones]
    emails, countries, languages, keys, rids = zip(*[one.checked for one in ones], strict=True)
    by_post = sum(1 for record in records if not record.get("email"))
    values = map(validated_values, records, emails, countries)
    rows = [row for row, _cells in chunk[start:end]]
    entries = list(map(Entry, rids, values, repeat(None), rows, languages))
    index = planner.index
    index.by_id.update(zip(rids, entries, strict=True))  # as DirectoryIndex.add: no key is taken
    email_keys, names, orgs = zip(*keys, strict=True)
    if "" in email_keys:
        index.by_email.update((key, entry) for key, entry in zip(email_keys, entries, strict=True) if key)
    else:
        index.by_email.update(zip(email_keys, entries, strict=True))
    by_name = index.by_name
    for org, name, entry in zip(orgs, names, entries, strict=True):
        if name:
            within = by_name.get(org)
            if within is None:
                within = by_name[org] = {}
            within[name] = entry
    planner.additions += entries
    planner.rows += len(entries)
    planner.counts[ADDED] += len(entries)
    planner.several_emails += sum(1 for one in ones if one.several_emails)
    planner.by_post += by_post
    notes, column_of, shown = planner.report.notes, planner.converter.column_of, planner.shown
    for row, one in zip(rows, ones, strict=True):
        if one.notes:
            where = f"{shown}:{row}"
            for field, note in one.notes:
                column = column_of.get(field) if field else None
                notes.append(f"{where}:{column}: {note}" if column else f"{where}: {note}")


def _new_people(index: DirectoryIndex, converted: list[Converted]) -> list[bool]:
    """Whether each row is certainly a new entry the plain way: trusted, checked with its
    chunk (its id too), reachable, and neither its id, nor its e-mail, nor its name within
    its organisation held by the index or by an earlier such row of the chunk (a row after
    one taken on its own is looked at again: :func:`_known`)."""
    new = [False] * len(converted)
    ids: dict[str, int] = {}
    emails: dict[str, int] = {}
    names: dict[str, dict[str, int]] = {}
    for k, one in enumerate(converted):
        checked, record = one.checked, one.record
        if checked is None or one.distrust:
            continue
        email, _country, _language, (email_key, name, org), rid = checked
        if rid is None or record.get("id") != rid:
            continue  # its id looked at by the planner
        if not (email or record.get("email") or record.get("postal_address") or record.get("web_form")):
            continue  # no channel: refused, with the person's name, the plain way
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


def _known(index: DirectoryIndex, checked: Checked) -> bool:
    """Whether the index has a row's id, e-mail or name now (a row taken on its own may
    have added an entry or changed one's keys since the chunk was looked at)."""
    _email, _country, _language, (email_key, name, org), rid = checked
    if rid in index.by_id or (email_key and email_key in index.by_email):
        return True
    return bool(name) and name in index.by_name.get(org, {})
