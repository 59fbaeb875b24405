"""The names of languages, scripts and countries in one language, kept between starts.

The window captions each of the case's texts with its language's name ("Ukrainian (uk)")
and Settings lists them. Babel has the names in its locale data, which it reads whole the
first time it is asked (the root's and the interface language's pickled CLDR data: 20-35 ms,
on the way to the case first shown). The three tables the captions use, about 25 KB of JSON,
are kept in the user's cache folder under Babel's version and the locale they are in; later
starts read them in a fraction of a millisecond. They hold every language's name, nothing
of a campaign. A file that is missing, unreadable or not such tables is made again from
Babel; a cache folder that cannot be written only means Babel is read at each start.
"""

from __future__ import annotations

import json
import logging
import re
from functools import lru_cache
from pathlib import Path

from campaign_app.core.common.atomic import atomic_write_bytes

log = logging.getLogger(__name__)

KINDS = ("languages", "scripts", "territories")
NameTables = dict[str, dict[str, str]]  # kind → code → name


def cache_folder() -> Path:
    from platformdirs import user_cache_path

    return user_cache_path("campaign_app", appauthor=False) / "names"


@lru_cache(maxsize=8)
def name_tables(locale: str) -> NameTables:
    """Babel's names of every language, script and country (``KINDS``) in ``locale`` (as
    Babel parses it: "uk", "en_US"); raises as ``Locale.parse`` does for an unknown one."""
    import babel

    path = cache_folder() / f"{babel.__version__}-{_safe(locale)}.json"
    kept = _read(path)
    if kept is not None:
        return kept
    from babel import Locale

    ui = Locale.parse(locale)
    tables = {kind: {str(k): str(v) for k, v in getattr(ui, kind).items()} for kind in KINDS}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, json.dumps(tables, ensure_ascii=False).encode("utf-8"), durable=False)
    except Exception:  # a cache: never a reason to fail
        log.debug("cannot keep the names of languages in %s", path, exc_info=True)
    return tables


def _safe(locale: str) -> str:
    """``locale`` as part of a file name (a locale name holds nothing else)."""
    return re.sub(r"[^A-Za-z0-9_@.-]", "_", locale)


def _read(path: Path) -> NameTables | None:
    """The tables kept in ``path``, or None (none, or not such tables)."""
    try:
        tables = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    ok = isinstance(tables, dict) and all(
        isinstance(tables.get(kind), dict)
        and all(isinstance(k, str) and isinstance(v, str) for k, v in tables[kind].items())
        for kind in KINDS
    )
    return tables if ok else None
