"""Importing recipient lists from the real world into the directory.

Coordinators get directories as spreadsheets and official lists, full of faults. An
import reads the file (:mod:`.read`), maps its columns to the directory's fields
(:mod:`.mapping`) and cleans each row (:mod:`.convert`), validates it exactly as the
directory loader will (:func:`~campaign_app.core.directory.validation.parse_recipient`),
merges it with the entries the directory has (:mod:`.rows`, :mod:`.merge`) and reports
every decision (:mod:`.report`).

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

from collections.abc import Sequence
from itertools import islice
from operator import itemgetter
from pathlib import Path

from campaign_app.core.common.bulk import collector_paused
from campaign_app.core.common.errors import Location, UserError, display_path
from campaign_app.core.common.i18n import _
from campaign_app.core.directory.importing.cells import slugify
from campaign_app.core.directory.importing.chunks import take_chunk
from campaign_app.core.directory.importing.columns import CHUNK, ColumnConverter
from campaign_app.core.directory.importing.convert import RowConverter
from campaign_app.core.directory.importing.ep import EP_POSTAL_ADDRESS
from campaign_app.core.directory.importing.mapping import (
    FULL_NAME,
    FULL_NAME_FAMILY_FIRST,
    apply_map_options,
    guess_mapping,
    looks_like_ep,
)
from campaign_app.core.directory.importing.merge import DirectoryIndex
from campaign_app.core.directory.importing.plan import ImportOptions, ImportPlan
from campaign_app.core.directory.importing.read import read_source
from campaign_app.core.directory.importing.report import ImportReport
from campaign_app.core.directory.importing.rows import RowPlanner
from campaign_app.core.directory.importing.sources import Source
from campaign_app.core.directory.load import directory_files, load_directory
from campaign_app.core.directory.recipients import NAME_FIELDS

__all__ = [
    "ImportOptions",
    "ImportPlan",
    "ImportReport",
    "Source",
    "guess_mapping",
    "import_file",
    "mapping_with_choices",
    "plan_import",
    "read_source",
]

TARGET_SUFFIXES = (".csv", ".yaml", ".yml")


def import_file(root: Path, path: Path, options: ImportOptions | None = None) -> ImportPlan:
    """Read, check and merge ``path`` into the workspace at ``root``; write unless a dry run."""
    options = options or ImportOptions()
    source = read_source(path, options.sheet, once=True)  # planned once
    plan = plan_import(root, source, options)
    if not options.dry_run:
        plan.apply()
    return plan


def mapping_with_choices(source: Source, choices: Sequence[tuple[str, str | None]]) -> list[str | None]:
    """The guessed mapping of ``source`` with the user's choices (``--map``) applied, as the
    Import dialog applies them; a column the file lacks is one error naming the file."""
    try:
        return apply_map_options(source.columns, guess_mapping(source.columns), choices)
    except ValueError as exc:
        raise UserError(
            str(exc), Location(source.shown, 1), _("write the column's name as in the file's first row")
        ) from None


def _target(root: Path, source: Source, into: str | None) -> Path:
    """The directory file new entries go to: --into (checked), else named after the source."""
    folder = root / "recipients"
    if into is None:
        suffix = ".yaml" if source.kind == "directory YAML" else ".csv"
        return folder / ((slugify(source.path.stem) or "imported") + suffix)
    name = into.strip()
    if not name or Path(name).name != name or name.startswith("."):
        raise UserError(
            _("--into takes a file name, not '{into}'").format(into=into),
            hint=_("give a name such as meps.csv: the file is kept in the workspace's recipients/ folder"),
        )
    if not Path(name).suffix:
        name += ".csv"
    if Path(name).suffix.lower() not in TARGET_SUFFIXES:
        raise UserError(
            _("--into must name a .csv or .yaml file, not '{into}'").format(into=into),
            hint=_("e.g. --into meps.csv"),
        )
    return folder / name


def _check_columns(source: Source, mapping: Sequence[str | None], category: str | None, ep: bool) -> None:
    """Refuse a file no row of which could be imported: no name column, or no category."""
    fields = {f for f in mapping if f}
    shown = Location(source.shown, 1)
    if not fields & {*NAME_FIELDS, FULL_NAME, FULL_NAME_FAMILY_FIRST}:
        raise UserError(
            _("no column holds a name (columns: {columns})").format(
                columns=", ".join(c or _("(unnamed)") for c in source.columns)
            ),
            shown,
            _(
                "name a column given_name and family_name (or Name), or position / organisation for "
                "offices; or say which column is which: --map 'Nazwisko=family_name' (the Import "
                "dialog's column list)"
            ),
        )
    if "category" not in fields and not category and not ep:
        raise UserError(
            _("the file has no category column"),
            shown,
            _("say what these recipients are with --category (e.g. --category ngo)"),
        )


def plan_import(root: Path, source: Source, options: ImportOptions | None = None) -> ImportPlan:
    """Decide everything an import of ``source`` into the workspace at ``root`` does."""
    with collector_paused():  # a dozen objects a row, no cycles
        return _plan_import(root, source, options or ImportOptions())


def _plan_import(root: Path, source: Source, options: ImportOptions) -> ImportPlan:
    _refuse_source_in_directory(root, source)
    target = _target(root, source, options.into)
    files = directory_files(root / "recipients")
    index = DirectoryIndex.of(load_directory(files), files)
    mapping = list(options.mapping) if options.mapping is not None else guess_mapping(source.columns)
    mapping += [None] * (len(source.columns) - len(mapping))
    ep = source.is_ep or looks_like_ep(source.columns)
    _check_columns(source, mapping, options.category, ep)
    postal = EP_POSTAL_ADDRESS if source.is_ep else None
    converter = RowConverter(mapping, source.columns, ep=ep, category=options.category, postal_address=postal)

    report = ImportReport(source.shown, source.describe(), dry_run=options.dry_run)
    report.target = display_path(target)
    report.mapping = list(zip(source.columns, mapping, strict=True))
    plan = ImportPlan(report, source)
    planner = RowPlanner(plan, index, converter, options, target)
    by_columns = ColumnConverter(converter) if source.kind == "CSV" and planner.fast_paths else None
    rows = source.rows()
    while chunk := list(islice(rows, CHUNK)):
        converted = by_columns.convert(list(map(_CELLS, chunk))) if by_columns else None
        if converted:
            take_chunk(planner, chunk, converted)
        else:
            for row, cells in chunk:
                planner.take(row, cells)
    planner.finish()
    return plan


_CELLS = itemgetter(1)  # a row's cells, without its line


def _refuse_source_in_directory(root: Path, source: Source) -> None:
    """A file inside recipients/ is already part of the directory: importing it would
    merge the directory into itself."""
    folder = root / "recipients"
    try:
        if source.path.resolve().parent == folder.resolve():
            raise UserError(
                _("{name} is inside the recipients folder").format(name=source.path.name),
                Location(source.shown),
                _(
                    "move it out of recipients/ and import it from there: the import writes the "
                    "cleaned entries into recipients/ itself"
                ),
            )
    except OSError:
        pass
