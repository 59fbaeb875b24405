"""An incoming record merged into an entry the directory has, field by field
(:meth:`.rows.RowPlanner` decides which entry it is: :mod:`.merge`).

A field the entry lacks is filled in and new tags are added (both listed in the report);
a field it has with a different value is listed as "would change", and changed only with
``update``. A value goes into the entry as its file can hold it (one text per field in a
CSV file; a per-language map keeps its other languages).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from campaign_app.core.common.errors import display_path
from campaign_app.core.common.localized import pick
from campaign_app.core.directory.importing.mapping import PSEUDO_FIELDS
from campaign_app.core.directory.importing.merge import Entry, same_value, shown_value, tags_of
from campaign_app.core.directory.importing.report import FieldChange, ImportReport


@lru_cache(maxsize=64)
def shown_file(path: Path) -> str:
    """A directory file as the report names it (a handful of files, named for many rows)."""
    return display_path(path)


def merge_into(
    entry: Entry, values: Mapping[str, Any], where: str, update: bool, report: ImportReport
) -> bool:
    """Merge an incoming record into an entry of the directory; True if anything changes."""
    applied = False
    file = shown_file(entry.path) if entry.path else ""
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
                entry.change(name, merged)
                report.changes.append(
                    FieldChange(
                        where, entry.id, file, name, shown_value(old or ()), shown_value(merged), True, "tags"
                    )
                )
                applied = True
            continue
        if not old:
            entry.change(name, new)
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
            localized = isinstance(old, Mapping)
            entry.change(name, _localized_update(old, new, entry.language) if localized else new)
            applied = True
    return applied


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
