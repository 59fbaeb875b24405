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
from typing import Any

from campaign_app.core.directory.importing.convert import Converted
from campaign_app.core.directory.importing.merge import DirectoryIndex, Entry
from campaign_app.core.directory.importing.report import ADDED, REPEATED, UPDATED
from campaign_app.core.directory.importing.rows import RowPlanner, validated_values

# What a row certainly new is added with: (id, e-mail, country, language, e-mail key, name
# key, organisation key), as its chunk checked them (.columns.Checked)
Plain = tuple[str, str, str, str, str, str, str]


def take_chunk(
    planner: RowPlanner, chunk: Sequence[tuple[int, list[Any]]], converted: list[Converted]
) -> None:
    """Decide each row of ``chunk`` (cells all as wide as the header, each converted with
    its chunk) as :meth:`RowPlanner.take` would, in order."""
    if planner.per_language_refused or not planner.fast_paths:
        for (row, cells), one in zip(chunk, converted, strict=True):
            planner.take(row, cells, one)
        return
    plain = _new_people(planner.index, converted)
    index, counts, additions = planner.index, planner.counts, planner.additions
    by_id, by_email, by_name = index.by_id, index.by_email, index.by_name
    notes, column_of, shown = planner.report.notes, planner.converter.column_of, planner.shown
    live = False  # a row taken on its own changed the index: look at it for each row after
    added = several = by_post = 0
    for k, (row, cells) in enumerate(chunk):
        one, new = converted[k], plain[k]
        if new is None or (live and _known(index, new)):
            before = counts[ADDED], counts[REPEATED], counts[UPDATED]
            planner.take(row, cells, one)
            if not live and (counts[ADDED], counts[REPEATED], counts[UPDATED]) != before:
                live = True  # an entry added or its keys changed: not the chunk's to know
            continue
        rid, email, country, language, email_key, name, org = new
        record = one.record
        no_email = not record.get("email")
        entry = Entry(rid, validated_values(record, email, country), None, row, language)
        by_id[rid] = entry  # as DirectoryIndex.add: none of its keys is taken
        if email_key:
            by_email[email_key] = entry
        if name:
            within = by_name.get(org)
            if within is None:
                within = by_name[org] = {}
            within[name] = entry
        additions.append(entry)
        added += 1
        by_post += no_email
        several += one.several_emails
        if one.notes:
            where = f"{shown}:{row}"
            for field, note in one.notes:
                column = column_of.get(field) if field else None
                notes.append(f"{where}:{column}: {note}" if column else f"{where}: {note}")
    planner.rows += added
    counts[ADDED] += added
    planner.several_emails += several
    planner.by_post += by_post


def _new_people(index: DirectoryIndex, converted: list[Converted]) -> list[Plain | None]:
    """For each row certainly a new entry the plain way, what it is added with: trusted,
    checked with its chunk (its id too), reachable, and neither its id, nor its e-mail,
    nor its name within its organisation held by the index or by an earlier such row of
    the chunk (a row after one taken on its own is looked at again: :func:`_known`)."""
    plain: list[Plain | None] = [None] * len(converted)
    ids: dict[str, int] = {}
    emails: dict[str, int] = {}
    names: dict[str, dict[str, int]] = {}
    for k, one in enumerate(converted):
        checked, record = one.checked, one.record
        if checked is None or one.distrust:
            continue
        email, country, language, (email_key, name, org), rid = checked
        if rid is None or record.get("id") != rid:
            continue  # its id looked at by the planner
        if not (email or record.get("email") or record.get("postal_address") or record.get("web_form")):
            continue  # no channel: refused, with the person's name, the plain way
        # a key an earlier row of the chunk has: this row is decided after that one, plainly
        first = ids.setdefault(rid, k) == k
        first &= not email_key or emails.setdefault(email_key, k) == k
        first &= not name or names.setdefault(org, {}).setdefault(name, k) == k
        if first:
            plain[k] = (rid, email, country, language, email_key, name, org)
    for k in map(ids.__getitem__, ids.keys() & index.by_id.keys()):
        plain[k] = None
    for k in map(emails.__getitem__, emails.keys() & index.by_email.keys()):
        plain[k] = None
    for org, within in names.items():
        held = index.by_name.get(org)
        if held:
            for k in map(within.__getitem__, within.keys() & held.keys()):
                plain[k] = None
    return plain


def _known(index: DirectoryIndex, new: Plain) -> bool:
    """Whether the index has a row's id, e-mail or name now (a row taken on its own may
    have added an entry or changed one's keys since the chunk was looked at)."""
    rid, _email, _country, _language, email_key, name, org = new
    if rid in index.by_id or (email_key and email_key in index.by_email):
        return True
    return bool(name) and name in index.by_name.get(org, {})
