"""``log status`` on campaign.db with both processor cores: the digests read on the side.

Reading 100,000 letters' digests is SQLite's own work (joining 300,000 events' kinds,
members and times: a quarter of a second) and needs no Python; reading the letters'
briefs is mostly Python's (making their rows). So while the program reads the briefs, a
second connection reads the digests in a thread of its own, as three long texts in one
row: SQLite works the whole time without the interpreter's lock, and the texts are split
afterwards. On a busy machine, with no core to spare, this costs a little (the splitting),
which is why it is kept to this one reading.

The two connections read two snapshots. They are the same when both saw the same events:
the history only grows (triggers refuse to change or delete an event), so the same number
of events and the same last row mean the same events. Otherwise (someone recorded an event
in between), or when the texts do not split into as many parts each (a member's name holds
the separator), or when the side reading fails at all, the caller reads the digests again
itself, in its own transaction: the side reading can make ``log status`` faster, never
different.
"""

from __future__ import annotations

import threading
from pathlib import Path

from campaign_app.core.outreach.location import LogLocation
from campaign_app.core.outreach.schema import SQLITE_USER_VERSION

# Between letters in the long texts (their digests use \x1f and \x1e inside a letter).
RECORD = "\x1d"
# What identifies the events a snapshot holds (see the module's docstring).
EVENTS_MARK = "SELECT count(*), max(rowid) FROM events"

Digests = list[tuple[str, str, str]]


class SideDigests:
    """The digests being read by a second connection; :meth:`result` waits for them."""

    def __init__(self, path: Path, location: LogLocation, query: str, params: dict[str, str]):
        self._args = (path, location, query, params)
        self._found: tuple[tuple, tuple] | None = None
        self._thread = threading.Thread(target=self._run, name="log-digests", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        from campaign_app.core.outreach.upgrade import connect_to_read

        path, location, query, params = self._args
        try:
            conn = connect_to_read(path, location)
        except Exception:  # the caller reads them itself
            return
        try:
            if conn.execute("PRAGMA user_version").fetchone()[0] != SQLITE_USER_VERSION:
                return  # an older log, read upgraded in memory by the caller
            conn.execute("BEGIN")
            mark = conn.execute(EVENTS_MARK).fetchone()
            texts = conn.execute(query, params).fetchone()
            conn.execute("COMMIT")
            self._found = (tuple(mark), tuple(texts))
        except Exception:  # the caller reads them itself
            return
        finally:
            conn.close()

    def result(self, mark: tuple) -> Digests | None:
        """The digests as of the snapshot whose events are ``mark``; None when the side
        reading saw other events, could not split its texts, or failed."""
        self._thread.join()
        if self._found is None or self._found[0] != tuple(mark):
            return None
        texts = self._found[1]
        if texts[0] is None:
            return []  # no events at all
        columns = [text.split(RECORD) for text in texts]
        if len({len(column) for column in columns}) != 1:
            return None
        return list(zip(*columns, strict=True))


def start(path: Path | None, location: LogLocation, query: str, params: dict[str, str]) -> SideDigests | None:
    """Begin reading the digests on the side (None where there is no file to open twice)."""
    if path is None or not Path(path).is_file():
        return None
    return SideDigests(Path(path), location, query, params)


def joined_query(digests: str) -> str:
    """``digests`` (one row per letter: id, shape, times) as one row of three long texts."""
    return (
        "SELECT group_concat(d0, :record), group_concat(d1, :record), group_concat(d2, :record) "
        f"FROM ({digests})"
    )


__all__ = ["RECORD", "SideDigests", "joined_query", "start"]
