"""What becomes of each row of a source: skipped, added, or merged into an entry.

Every row ends as exactly one of the report's outcomes (:mod:`.report`). A row is skipped,
with its reasons, when its shape is wrong, when :mod:`.convert` does not trust it, when the
directory's own validation (:func:`~campaign_app.core.directory.validation.parse_recipient`)
rejects it, or when a new entry would have no contact channel or per-language texts a CSV
cannot hold. Otherwise it is matched against the directory (:mod:`.merge`): a new entry,
the same person as an earlier row of the file (repeated), or an entry the directory has,
field by field (:func:`.merge_fields.merge_into`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from campaign_app.core.common.errors import Location, display_path
from campaign_app.core.common.i18n import _, ngettext
from campaign_app.core.directory.importing.cells import slugify
from campaign_app.core.directory.importing.convert import Converted, RowConverter
from campaign_app.core.directory.importing.edits import CsvEdit
from campaign_app.core.directory.importing.merge import (
    ANOTHER_PERSON,
    DirectoryIndex,
    Entry,
    same_value,
    shown_value,
    tags_of,
    texts_of,
)
from campaign_app.core.directory.importing.merge_fields import merge_into, shown_file
from campaign_app.core.directory.importing.plan import ImportOptions, ImportPlan
from campaign_app.core.directory.importing.report import (
    ADDED,
    REPEATED,
    SKIPPED,
    UNCHANGED,
    UPDATED,
    RowProblem,
)
from campaign_app.core.directory.recipients import Recipient, plain_record_name
from campaign_app.core.directory.validation import checked_plain_record, is_id, parse_recipient

# The fields an entry is matched by: when one changes, the index must learn it.
_KEY_FIELDS = frozenset(("email", "given_name", "family_name", "organisation"))


class RowPlanner:
    """Takes the rows of one source in turn and records, in the plan, what becomes of each."""

    # The fast paths: a CSV's cells converted and checked a chunk at a time, column by
    # column (.columns), and a record of plain texts checked without building its Recipient
    # when it is certainly valid (validation.checked_plain_record). False: each row
    # converted and given to parse_recipient on its own, the plain path the tests compare
    # them with.
    fast_paths = True

    def __init__(
        self,
        plan: ImportPlan,
        index: DirectoryIndex,
        converter: RowConverter,
        options: ImportOptions,
        target: Path,
    ):
        self.plan = plan
        self.report = plan.report
        self.counts = plan.report.counts
        self.index = index
        self.converter = converter
        self.options = options
        self.target = target
        self.target_is_csv = target.suffix.lower() == ".csv"
        self.shown = plan.source.shown
        self.width = len(plan.source.columns)
        self.yaml_source = plan.source.kind == "directory YAML"
        self.per_language_refused = self.yaml_source and self.target_is_csv
        self.rows = 0
        self.several_emails = 0
        self.by_post = 0  # rows imported without an e-mail, with the list's postal address
        self.additions: list[Entry] = []
        self.touched: dict[str, Entry] = {}

    def take(self, row: int, cells: list[Any] | None, converted: Converted | None = None) -> None:
        """Decide what becomes of one row (``cells`` None: a YAML item that is no mapping;
        ``converted``: its record, when converted with its chunk)."""
        self.rows += 1
        if cells is None:
            problem = RowProblem(
                self._where(row), row, _("entry is not a mapping of fields"), _("write 'key: value' lines")
            )
            self._skip(row, None, [problem])
            return
        if len(cells) > self.width and any(str(c).strip() for c in cells[self.width :] if c is not None):
            self._skip(row, cells, [self._too_wide(row, len(cells), self._where(row))])
            return
        if converted is None:
            converted = self.converter.convert(cells)
        if converted.distrust:
            self._skip(row, cells, self._distrusted(converted, row, self._where(row)))
            return
        no_email, added = not converted.record.get("email"), self.counts[ADDED]
        if self._place(row, cells, converted):
            self.by_post += no_email and self.counts[ADDED] > added
            if converted.several_emails:
                self.several_emails += 1
            where = self._where(row) if converted.notes else ""
            for field, note in converted.notes:
                column = self.converter.column_of.get(field) if field else None
                self.report.notes.append(f"{where}:{column}: {note}" if column else f"{where}: {note}")

    def finish(self) -> None:
        """After the last row: the totals, and each file's edit in the plan."""
        report = self.report
        report.rows = self.rows
        if self.several_emails:
            report.notes.append(
                ngettext(
                    "{several_emails} row(s) had several e-mail addresses: the one at "
                    "europarl.europa.eu was kept, or else the first valid one",
                    "{several_emails} row(s) had several e-mail addresses: the one at "
                    "europarl.europa.eu was kept, or else the first valid one",
                    self.several_emails,
                ).format(several_emails=self.several_emails)
            )
        postal = self.converter.postal_default
        if postal and self.by_post:
            note = ngettext(
                "{count} new entry came without an e-mail address (the list gives none): they have "
                "the Parliament's postal address ({address}) and are reached by letters on paper "
                "(campaign-app print)",
                "{count} new entries came without an e-mail address (the list gives none): they have "
                "the Parliament's postal address ({address}) and are reached by letters on paper "
                "(campaign-app print)",
                self.by_post,
            )
            report.notes.append(note.format(count=self.by_post, address=", ".join(postal.splitlines())))
        for entry in self.touched.values():
            if entry.changes and entry.path is not None:
                self.plan.edit_of(entry.path).update(entry.id, entry.changes)
        if self.additions:
            edit = self.plan.edit_of(self.target)
            if isinstance(edit, CsvEdit):
                edit.append_entries(self.additions)
            else:
                edit.append({"id": e.id, **e.values} for e in self.additions)

    # ---- a row not imported ------------------------------------------------------------

    def _skip(self, row: int, cells: list[Any] | None, problems: list[RowProblem]) -> None:
        self.counts[SKIPPED] += 1
        self.report.problems.extend(problems)
        self.plan.rejected.append((row, list(cells or []), [p.message for p in problems]))

    def _where(self, row: int) -> str:
        """How the report names ``row`` (made for a row it names only: most go unnamed)."""
        return f"{self.shown}:{row}"

    def _too_wide(self, row: int, cells: int, where: str) -> RowProblem:
        return RowProblem(
            f"{where}:{self.width + 1}",
            row,
            _("row has {cells} cells but the header has {width}").format(cells=cells, width=self.width),
            _("quote cells that contain the delimiter"),
        )

    def _distrusted(self, converted: Converted, row: int, where: str) -> list[RowProblem]:
        """The reasons not to trust a row, each at its column; when the directory has the
        person, the hint says where and that the entry is left as it is."""
        record = converted.record
        known, _how = self.index.match(str(record.get("id") or ""), self.index.keys(record), record)
        problems = []
        for d in converted.distrust:
            column = self.converter.column_of.get(d.field or "")
            hint = d.hint
            if known is not None and known.path is not None:
                hint += " " + _("(the directory has this person as {id} in {file}: left as it is)").format(
                    id=known.id, file=shown_file(known.path)
                )
            problems.append(
                RowProblem(f"{where}:{column}" if column else where, row, d.message, hint, d.field)
            )
        return problems

    # ---- a row imported ------------------------------------------------------------------

    def _place(self, row: int, cells: list[Any], converted: Converted) -> bool:
        """Validate the record as the directory loader will and add or merge it; False if
        the row was skipped after all."""
        record = converted.record
        source_id = str(record.get("id") or "")  # a made-up id says nothing about identity
        if not source_id:
            record["id"] = _provisional_id(record, row)
        checked, keys = self._checked(record, converted.checked) if self.fast_paths else (None, None)
        recipient = None
        if checked is None:
            recipient, errors = parse_recipient(record, self._locator(row))
            if recipient is None:
                where = self._where(row)
                problems = [
                    RowProblem(str(e.where or where), row, e.message, e.hint or "", None) for e in errors
                ]
                self._skip(row, cells, problems)
                return False
            checked = (recipient.id, recipient.email, recipient.country, recipient.language)
        rid, email, country, language = checked
        values = validated_values(record, email, country)
        keys = keys or self.index.keys(values)
        known, how = self.index.match(rid if source_id else "", keys, values)
        if known is None:
            added = self._add(row, cells, (rid, language, recipient), values, keys)
            if added and how == ANOTHER_PERSON:
                self._shared_address(row, self.index.by_email[keys[0]], self.additions[-1])
            return added
        if known.path is None:
            self._repeat(known, how, values, self._where(row))
        else:
            self._merge(known, values, self._where(row))
        return True

    @staticmethod
    def _checked(
        record: dict[str, Any], early: tuple[str, str, str, tuple[str, str, str], str | None] | None
    ) -> tuple[tuple[str, str, str, str] | None, tuple[str, str, str] | None]:
        """(id, e-mail, country, language) of a record certainly valid, and its keys when
        they were built with its chunk; (None, None) when parse_recipient must look."""
        if early is None:
            return checked_plain_record(record), None
        email, country, language, keys, rid = early
        if rid is None or record["id"] != rid:  # its id not looked at with its chunk's, or made up
            rid = record["id"].strip()
            if not is_id(rid):
                return None, None
        return (rid, email, country, language), keys

    def _locator(self, row: int) -> Callable[[str], Location]:
        """Where a field of ``row`` is: its file, row and column."""
        shown, column_of = self.shown, self.converter.column_of

        def locate(name: str) -> Location:
            return Location(shown, row, column_of.get(name))

        return locate

    def _add(
        self,
        row: int,
        cells: list[Any],
        checked: tuple[str, str, Recipient | None],
        values: dict[str, Any],
        keys: tuple[str, str, str],
    ) -> bool:
        """A new entry, unless it has no way to be reached or cannot be kept in the target."""
        rid, language, recipient = checked
        # _refusal asked only of a row it may refuse: one without a channel, or any row of
        # a directory YAML going into a CSV file
        if self.per_language_refused or not (
            values.get("email") or values.get("postal_address") or values.get("web_form")
        ):
            refusal = self._refusal(row, self._where(row), rid, recipient, values)
            if refusal is not None:
                self._skip(row, cells, [refusal])
                return False
        new_id = self.index.unique_id(rid) if rid in self.index.by_id else rid
        if new_id != rid:
            other = self.index.by_id[rid]
            place = display_path(other.path) if other.path else f"row {other.row}"
            self.report.notes.append(
                _(
                    "{where}: id '{rid}' is already used by another entry ({place}): this one is '{new_id}'"
                ).format(where=self._where(row), rid=rid, place=place, new_id=new_id)
            )
        entry = Entry(new_id, values, None, row, language)
        self.index.add(entry, keys)
        self.additions.append(entry)
        self.counts[ADDED] += 1
        return True

    def _refusal(
        self, row: int, where: str, rid: str, recipient: Recipient | None, values: dict[str, Any]
    ) -> RowProblem | None:
        has_channel = values.get("email") or values.get("postal_address") or values.get("web_form")
        if not has_channel and not self.options.keep_no_contact:
            # checked without a Recipient: the name it would have, from the record's texts
            name = recipient.display_name if recipient is not None else plain_record_name(rid, values)
            if name is None:  # names in several languages: the record, validated, makes one
                recipient = parse_recipient({"id": rid, **values}, self._locator(row))[0]
                assert recipient is not None
                name = recipient.display_name
            return RowProblem(
                where,
                row,
                _("{name}: no contact channel (no e-mail, postal address or web form)").format(name=name),
                _("add one in the source, or import with --keep-no-contact to add the entry anyway"),
            )
        per_language = any(type(v) is dict for v in values.values()) if self.yaml_source else False
        if self.target_is_csv and per_language:
            return RowProblem(
                where,
                row,
                _("per-language texts ({en: …, uk: …}) cannot be kept in a CSV file"),
                _("import into a YAML file: --into NAME.yaml"),
            )
        return None

    def _shared_address(self, row: int, other: Entry, entry: Entry) -> None:
        """Say that ``entry``, just added, has ``other``'s e-mail address and another name."""
        self.report.notes.append(
            _(
                "{where}: {name} has the e-mail address of {id} ({other}) but another name: added "
                "as another person, {new_id}; if they are one person, delete one of the two"
            ).format(
                where=self._where(row),
                name=_person(entry.current()),
                id=other.id,
                other=_person(other.current()),
                new_id=entry.id,
            )
        )

    def _repeat(self, known: Entry, how: str, values: dict[str, Any], where: str) -> None:
        """The same person as an earlier row of this file: what it adds is merged in, what
        it gives differently is noted (the earlier row's value is kept)."""
        self.counts[REPEATED] += 1
        differences = []
        for name, new in values.items():
            old = known.values.get(name)
            if not old:
                known.values[name] = new
            elif name == "tags":
                known.values[name] = tuple(dict.fromkeys((*tags_of(old), *tags_of(new))))
            elif not same_value(name, old, new):
                differences.append(
                    _("{name} '{shown_value}' (kept '{shown_value2}')").format(
                        name=name, shown_value=shown_value(new), shown_value2=shown_value(old)
                    )
                )
        if _KEY_FIELDS.intersection(values):
            self.index.index_keys(known)
        text = _("the same person as row {row} ({how}): merged into {id}").format(
            row=known.row, how=_(how), id=known.id
        )
        if differences:
            text += ": " + _("this row differs in {fields}").format(fields=", ".join(differences))
        self.report.notes.append(f"{where}: {text}")

    def _merge(self, known: Entry, values: dict[str, Any], where: str) -> None:
        applied = merge_into(known, values, where, self.options.update, self.report)
        if applied and _KEY_FIELDS.intersection(known.changes):
            self.index.index_keys(known)
        self.touched[known.id] = known
        self.counts[UPDATED if applied else UNCHANGED] += 1


def _person(values: Mapping[str, Any]) -> str:
    """An entry's given and family name, as the report names it."""
    return " ".join(t for part in ("given_name", "family_name") for t in texts_of(values.get(part, ""))[:1])


def _provisional_id(record: Mapping[str, Any], row: int) -> str:
    """An id for a row whose source gives none (only to validate it: a new entry keeps it)."""
    for parts in (("given_name", "family_name"), ("position",), ("organisation",)):
        text = " ".join(t for p in parts for t in texts_of(record.get(p, ""))[:1])
        slug = slugify(text)
        if slug:
            return slug
    return f"{slugify(str(record.get('category') or 'recipient')) or 'recipient'}-{row}"


def validated_values(record: dict[str, Any], email: str, country: str) -> dict[str, Any]:
    """The record as validated, without its id and empty fields; the fields parse_recipient
    normalises (``email``, ``country`` as it gives them) are taken from it."""
    values = record
    del values["id"]
    if not all(values.values()):
        values = {name: value for name, value in values.items() if value}
    # Only where normalising changed them: an equal string would be one more object kept
    # per row of a 100,000-row import (the cell's country code is shared by every row).
    if email and email != values.get("email"):
        values["email"] = email
    if country and country != values.get("country"):
        values["country"] = country
    return values
