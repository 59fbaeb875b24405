"""Importing recipient lists from the real world into the directory.

Coordinators get directories as spreadsheets and official lists, full of faults. An
import reads the file (:mod:`.read`), maps its columns to the directory's
fields (:mod:`.mapping`) and cleans each row (:mod:`.convert`), validates it exactly as the directory loader
will (:func:`~campaign_app.core.directory.recipients.parse_recipient`), merges it with the entries
the directory has (:mod:`.merge`) and reports every decision (:mod:`.report`).

Rows that are not trusted are not imported, and each one is reported with its row and
why: letters lost to ``?`` in the source, an e-mail cell that holds no address, a
country that is no country or contradicts the row's e-mail or homepage domain, a value
the directory cannot hold, and (for a new entry) no contact channel at all unless
``keep_no_contact`` is set. New entries go to ``recipients/<name>.csv`` (default: the
source file's name); nothing is written before the whole file has been read and checked,
each file is written whole or not at all, and a dry run writes nothing.

:func:`plan_import` does all the work but the writing and returns an :class:`ImportPlan`
whose report the desktop app can show before :meth:`ImportPlan.apply`.
"""

from __future__ import annotations

import csv
import gc
import io
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from campaign_app.core.common.atomic import atomic_write_bytes
from campaign_app.core.common.errors import Location, UserError, display_path
from campaign_app.core.common.localized import pick
from campaign_app.core.directory.export import neutralise
from campaign_app.core.directory.importing.cells import slugify
from campaign_app.core.directory.importing.convert import RowConverter
from campaign_app.core.directory.importing.mapping import (
    FULL_NAME,
    PSEUDO_FIELDS,
    guess_mapping,
    looks_like_ep,
)
from campaign_app.core.directory.importing.merge import (
    CsvEdit,
    DirectoryIndex,
    Entry,
    YamlEdit,
    same_value,
    shown_value,
    tags_of,
    texts_of,
)
from campaign_app.core.directory.importing.read import read_source
from campaign_app.core.directory.importing.report import (
    ADDED,
    REPEATED,
    SKIPPED,
    UNCHANGED,
    UPDATED,
    FieldChange,
    ImportReport,
    RowProblem,
)
from campaign_app.core.directory.importing.sources import Source
from campaign_app.core.directory.load import directory_files, load_directory
from campaign_app.core.directory.recipients import ALL_FIELDS, NAME_FIELDS, parse_recipient

__all__ = [
    "ImportOptions",
    "ImportPlan",
    "ImportReport",
    "Source",
    "guess_mapping",
    "import_file",
    "plan_import",
    "read_source",
]

TARGET_SUFFIXES = (".csv", ".yaml", ".yml")
_FIELD_SET = frozenset(ALL_FIELDS)
_KEY_FIELDS = frozenset(("email", "given_name", "family_name", "organisation"))


@dataclass
class ImportOptions:
    into: str | None = None  # file name in recipients/ (default: from the source's name)
    category: str | None = None  # for rows whose file gives none
    sheet: str | None = None
    update: bool = False  # take the file's value where an entry has a different one
    keep_no_contact: bool = False  # import new entries with no e-mail, address or web form
    dry_run: bool = False
    mapping: Sequence[str | None] | None = None  # column -> field, as edited in the app


@dataclass
class ImportPlan:
    """Everything an import will write, decided; ``apply`` writes it."""

    report: ImportReport
    source: Source
    edits: dict[Path, CsvEdit | YamlEdit] = field(default_factory=dict)
    rejected: list[tuple[int, list[Any], list[str]]] = field(default_factory=list)

    def apply(self) -> ImportReport:
        """Write every changed directory file (each atomically); returns the report."""
        rendered = [(path, edit.render()) for path, edit in self.edits.items()]
        for path, data in rendered:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(path, data)
            self.report.written.append(display_path(path))
        return self.report

    def write_rejects(self, target: Path) -> int:
        """The rows not imported, as a UTF-8 CSV with their row and reasons first, for a
        person to correct and import again; cells that a spreadsheet would run are
        neutralised as in an export."""
        buf = io.StringIO(newline="")
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(["row", "problem", *self.source.columns])
        for row, cells, reasons in self.rejected:
            texts = ["" if c is None else str(c) for c in cells]
            writer.writerow([str(row), "; ".join(reasons), *(neutralise(t) for t in texts)])
        atomic_write_bytes(target, b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))
        return len(self.rejected)


def import_file(root: Path, path: Path, options: ImportOptions | None = None) -> ImportPlan:
    """Read, check and merge ``path`` into the workspace at ``root``; write unless a dry run."""
    options = options or ImportOptions()
    source = read_source(path, options.sheet)
    plan = plan_import(root, source, options)
    if not options.dry_run:
        plan.apply()
    return plan


def _target(root: Path, source: Source, into: str | None) -> Path:
    folder = root / "recipients"
    if into is None:
        suffix = ".yaml" if source.kind == "directory YAML" else ".csv"
        return folder / ((slugify(source.path.stem) or "imported") + suffix)
    name = into.strip()
    if not name or Path(name).name != name or name.startswith("."):
        raise UserError(
            f"--into takes a file name, not '{into}'",
            hint="give a name such as meps.csv: the file is kept in the workspace's recipients/ folder",
        )
    if not Path(name).suffix:
        name += ".csv"
    if Path(name).suffix.lower() not in TARGET_SUFFIXES:
        raise UserError(f"--into must name a .csv or .yaml file, not '{into}'", hint="e.g. --into meps.csv")
    return folder / name


def _check_columns(source: Source, mapping: Sequence[str | None], category: str | None, ep: bool) -> None:
    fields = {f for f in mapping if f}
    shown = Location(source.shown, 1)
    if not fields & {*NAME_FIELDS, FULL_NAME}:
        raise UserError(
            "no column holds a name (columns: " + ", ".join(c or "(unnamed)" for c in source.columns) + ")",
            shown,
            "name a column given_name and family_name (or Name), or position / organisation for offices",
        )
    if "category" not in fields and not category and not ep:
        raise UserError(
            "the file has no category column",
            shown,
            "say what these recipients are with --category (e.g. --category ngo)",
        )


def _provisional_id(record: Mapping[str, Any], row: int) -> str:
    for parts in (("given_name", "family_name"), ("position",), ("organisation",)):
        text = " ".join(t for p in parts for t in texts_of(record.get(p, ""))[:1])
        slug = slugify(text)
        if slug:
            return slug
    return f"{slugify(str(record.get('category') or 'recipient')) or 'recipient'}-{row}"


def _for_file(value: Any, path: Path | None, language: str) -> Any:
    """A value as the destination file can hold it: one text per field in a CSV."""
    if type(value) is str:
        return value
    if isinstance(value, Mapping) and (path is None or path.suffix.lower() == ".csv"):
        return pick(value, language, "en") or next(iter(value.values()), "")
    return value


def _localized_update(old: Mapping[str, str], new: Any, language: str) -> dict[str, str]:
    """The language entry an imported text replaces in a per-language map."""
    if isinstance(new, Mapping):
        return dict(new)
    lang = "en" if "en" in old or str(new).isascii() else language
    return {lang: str(new)}


_gc_lock = threading.Lock()
_gc_holders = 0
_gc_was_enabled = False


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """A large import allocates a dozen objects per row and makes no reference cycles; the
    cyclic collector would only scan the growing heap again and again (a tenth of the
    time). Paused while any import plans (the desktop app may run one in a worker)."""
    global _gc_holders, _gc_was_enabled
    with _gc_lock:
        if _gc_holders == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_holders += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_holders -= 1
            if _gc_holders == 0 and _gc_was_enabled:
                gc.enable()


def plan_import(root: Path, source: Source, options: ImportOptions | None = None) -> ImportPlan:
    """Decide everything an import of ``source`` into the workspace at ``root`` does."""
    with _cyclic_gc_paused():
        return _plan_import(root, source, options or ImportOptions())


def _plan_import(root: Path, source: Source, options: ImportOptions) -> ImportPlan:
    folder = root / "recipients"
    try:
        if source.path.resolve().parent == folder.resolve():
            raise UserError(
                f"{source.path.name} is inside the recipients folder",
                Location(source.shown),
                "move it out of recipients/ and import it from there: the import writes the "
                "cleaned entries into recipients/ itself",
            )
    except OSError:
        pass
    target = _target(root, source, options.into)
    files = directory_files(folder)
    directory = load_directory(files)
    index = DirectoryIndex.of(directory, files)

    mapping = list(options.mapping) if options.mapping is not None else guess_mapping(source.columns)
    mapping += [None] * (len(source.columns) - len(mapping))
    ep = source.is_ep or looks_like_ep(source.columns)
    _check_columns(source, mapping, options.category, ep)
    converter = RowConverter(mapping, source.columns, ep=ep, category=options.category)

    report = ImportReport(source.shown, source.describe(), dry_run=options.dry_run)
    report.target = display_path(target)
    report.mapping = list(zip(source.columns, mapping, strict=True))
    plan = ImportPlan(report, source)
    counts = report.counts
    shown = source.shown
    target_is_csv = target.suffix.lower() == ".csv"
    width = len(source.columns)
    column_of = converter.column_of
    additions: list[Entry] = []
    touched: dict[str, Entry] = {}
    several_emails = 0
    yaml_source = source.kind == "directory YAML"

    def skip(row: int, cells: list[Any] | None, problems: list[RowProblem]) -> None:
        counts[SKIPPED] += 1
        report.problems.extend(problems)
        plan.rejected.append((row, list(cells or []), [p.message for p in problems]))

    rows = 0
    for row, cells in source.rows():
        rows += 1
        where = f"{shown}:{row}"
        if cells is None:
            skip(
                row,
                None,
                [RowProblem(where, row, "entry is not a mapping of fields", "write 'key: value' lines")],
            )
            continue
        if len(cells) > width and any(str(c).strip() for c in cells[width:] if c is not None):
            skip(
                row,
                cells,
                [
                    RowProblem(
                        f"{where}:{width + 1}",
                        row,
                        f"row has {len(cells)} cells but the header has {width}",
                        "quote cells that contain the delimiter",
                    )
                ],
            )
            continue
        converted = converter.convert(cells)
        record = converted.record
        if converted.distrust:
            problems = []
            known, _how = index.match(str(record.get("id") or ""), index.keys(record))
            for d in converted.distrust:
                column = column_of.get(d.field or "")
                hint = d.hint
                if known is not None and known.path is not None:
                    hint += (
                        f" (the directory has this person as {known.id} in {_shown(known.path)}: "
                        "left as it is)"
                    )
                problems.append(
                    RowProblem(f"{where}:{column}" if column else where, row, d.message, hint, d.field)
                )
            skip(row, cells, problems)
            continue
        source_id = str(record.get("id") or "")  # a made-up id says nothing about identity
        if not source_id:
            record["id"] = _provisional_id(record, row)

        def locate(name: str, row: int = row) -> Location:
            return Location(shown, row, column_of.get(name))

        recipient, errors = parse_recipient(record, locate)
        if recipient is None:
            skip(
                row,
                cells,
                [RowProblem(str(e.where or where), row, e.message, e.hint or "", None) for e in errors],
            )
            continue
        # The record as validated; the fields parse_recipient normalises are taken from it.
        values = record
        del values["id"]
        if not all(values.values()):
            values = {name: value for name, value in values.items() if value}
        if recipient.email:
            values["email"] = recipient.email
        if recipient.country:
            values["country"] = recipient.country
        per_language = any(type(v) is dict for v in values.values()) if yaml_source else False
        rid = recipient.id
        keys = index.keys(values)
        known, how = index.match(rid if source_id else "", keys)
        if known is None:
            has_channel = values.get("email") or values.get("postal_address") or values.get("web_form")
            if not has_channel and not options.keep_no_contact:
                skip(
                    row,
                    cells,
                    [
                        RowProblem(
                            where,
                            row,
                            f"{recipient.display_name}: no contact channel "
                            "(no e-mail, postal address or web form)",
                            "add one in the source, or import with --keep-no-contact to add the entry anyway",
                        )
                    ],
                )
                continue
            if target_is_csv and per_language:
                skip(
                    row,
                    cells,
                    [
                        RowProblem(
                            where,
                            row,
                            "per-language texts ({en: …, uk: …}) cannot be kept in a CSV file",
                            "import into a YAML file: --into NAME.yaml",
                        )
                    ],
                )
                continue
            new_id = index.unique_id(rid)
            if new_id != rid:
                other = index.by_id[rid]
                place = display_path(other.path) if other.path else f"row {other.row}"
                report.notes.append(
                    f"{where}: id '{rid}' is already used by another entry ({place}): this one is '{new_id}'"
                )
            entry = Entry(new_id, values, None, row, recipient.language)
            index.add(entry, keys)
            additions.append(entry)
            counts[ADDED] += 1
        elif known.path is None:
            counts[REPEATED] += 1
            differences = []
            for name, new in values.items():
                old = known.values.get(name)
                if not old:
                    known.values[name] = new
                elif name == "tags":
                    known.values[name] = tuple(dict.fromkeys((*tags_of(old), *tags_of(new))))
                elif not same_value(name, old, new):
                    differences.append(f"{name} '{shown_value(new)}' (kept '{shown_value(old)}')")
            if _KEY_FIELDS.intersection(values):
                index.index_keys(known)
            text = f"{where}: the same person as row {known.row} ({how}): merged into {known.id}"
            report.notes.append(
                text + (": this row differs in " + ", ".join(differences) if differences else "")
            )
        else:
            applied = _merge_into(known, values, where, options.update, report)
            if applied and _KEY_FIELDS.intersection(known.changes):
                index.index_keys(known)
            touched[known.id] = known
            counts[UPDATED if applied else UNCHANGED] += 1
        if converted.several_emails:
            several_emails += 1
        for note in converted.notes:
            report.notes.append(f"{where}: {note}")

    report.rows = rows
    if several_emails:
        report.notes.append(
            f"{several_emails} row(s) had several e-mail addresses: the one at europarl.europa.eu "
            "was kept, or else the first valid one"
        )

    def edit(path: Path) -> CsvEdit | YamlEdit:
        if path not in plan.edits:
            kind = CsvEdit if path.suffix.lower() == ".csv" else YamlEdit
            plan.edits[path] = kind(path, path.exists())
        return plan.edits[path]

    for entry in touched.values():
        if entry.changes and entry.path is not None:
            edit(entry.path).update(entry.id, entry.changes)
    if additions:
        edit(target).append({"id": e.id, **e.values} for e in additions)
    return plan


@lru_cache(maxsize=64)
def _shown(path: Path) -> str:
    return display_path(path)


def _merge_into(
    entry: Entry, values: Mapping[str, Any], where: str, update: bool, report: ImportReport
) -> bool:
    """Merge an incoming record into an entry of the directory; True if anything changes."""
    applied = False
    file = _shown(entry.path) if entry.path else ""
    is_csv = entry.path is not None and entry.path.suffix.lower() == ".csv"
    for name, new in values.items():
        if name in PSEUDO_FIELDS:
            continue
        old = entry.get(name)
        if old == new:
            continue
        if is_csv:
            new = _for_file(new, entry.path, entry.language)
        if name == "tags":
            old = tags_of(old)
            added = [t for t in tags_of(new) if t not in old]
            if added:
                merged = (*old, *added)
                entry.changes[name] = merged
                report.changes.append(
                    FieldChange(
                        where, entry.id, file, name, shown_value(old or ()), shown_value(merged), True, "tags"
                    )
                )
                applied = True
            continue
        if not old:
            entry.changes[name] = new
            report.changes.append(
                FieldChange(where, entry.id, file, name, "", shown_value(new), True, "fill")
            )
            applied = True
            continue
        if same_value(name, old, new):
            continue
        report.changes.append(
            FieldChange(where, entry.id, file, name, shown_value(old), shown_value(new), update, "change")
        )
        if update:
            entry.changes[name] = (
                _localized_update(old, new, entry.language) if isinstance(old, Mapping) else new
            )
            applied = True
    return applied
