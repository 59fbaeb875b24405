"""Reading the directory's own YAML (a list of entries, or ``recipients:`` holding one) to import it."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from campaign_app.core.common.errors import Location, UserError, display_path
from campaign_app.core.common.i18n import _
from campaign_app.core.common.textfiles import decode_utf8
from campaign_app.core.common.yamlio import YamlPlace, load_yaml_text
from campaign_app.core.directory.importing.sources import Row, Source


def read_yaml(path: Path, data: bytes) -> Source:
    """The directory's own YAML as a table: one column per field any entry uses."""
    shown = display_path(path)
    loaded = load_yaml_text(decode_utf8(data, path), path)
    place = YamlPlace(path, loaded) if loaded is not None else None
    items: Any = loaded
    if isinstance(loaded, Mapping) and "recipients" in loaded:
        items = loaded["recipients"]
        place = place.child("recipients") if place is not None and items is not None else None
    if items is None:
        items = []
    if not isinstance(items, list):
        raise UserError(
            _("expected a list of recipients"),
            Location(shown, 1),
            _("write each recipient as an item starting with '- id: …'"),
        )
    columns: list[str] = []
    for item in items:
        if isinstance(item, Mapping):
            columns.extend(str(k) for k in item if str(k) not in columns)
    table: list[Row] = []
    for index, item in enumerate(items):
        line = place.at(index).line if place is not None else None
        if not isinstance(item, Mapping):
            # No cells: the importer reports the item (the window's preview shows it empty).
            table.append((line or 0, None))  # type: ignore[arg-type]  # the one row without cells
            continue
        table.append((line or 0, [item.get(name) for name in columns]))
    return Source(path, "directory YAML", columns, lambda: iter(table), encoding="UTF-8")
