"""out/manifest.json: which letters exist, from which inputs, with their checksums.

The manifest lets a re-run skip letters already written from the same inputs (same
fingerprint, file present with the recorded sha256) and lets a coordinator prove which
exact file went to whom. It is rewritten atomically, so it is never half a JSON document.
"""

from __future__ import annotations

import hashlib
import heapq
import itertools
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from campaign_app.core.common import atomic
from campaign_app.core.common.atomic import StillLocked, atomic_writer, exclusive, file_stamp, make_folder
from campaign_app.core.common.errors import Location, UserError, display_path
from campaign_app.core.common.filenames import RESERVED_FOLDERS
from campaign_app.core.common.i18n import _

MANIFEST_NAME = "manifest.json"
MANIFEST_VERSION = 1


@dataclass(frozen=True, slots=True)  # slots: a 10,000-letter batch keeps 20,000 of these
class ManifestEntry:
    recipient_id: str
    template_id: str
    case_id: str
    language: str
    format: str
    path: str  # relative to the output folder, with '/' separators
    sha256: str
    generated_at: str  # ISO 8601, UTC
    fingerprint: str

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.recipient_id, self.template_id, self.format)


def _order(entry: ManifestEntry) -> tuple[str, str, str]:
    """The order of the manifest's entries: template, recipient, format."""
    return (entry.template_id, entry.recipient_id, entry.format)


_FIELDS = tuple(f.name for f in fields(ManifestEntry))
_KEYS = tuple("\n      " + json.dumps(name) + ": " for name in _FIELDS)
_one_string = json.JSONEncoder(ensure_ascii=False).encode  # a str: the C encoder


def _entry_text(entry: ManifestEntry) -> str:
    """The entry as ``json.dumps(asdict(entry), ensure_ascii=False, indent=2)``, indented
    once more, written out field by field: that (the pure-Python encoder an indent asks for,
    and asdict's deep copy) was most of a batch's time saving its manifest."""
    values = [getattr(entry, name) for name in _FIELDS]
    if not all(type(v) is str for v in values):  # a hand-edited manifest: the general way
        return json.dumps(asdict(entry), ensure_ascii=False, indent=2).replace("\n", "\n    ")
    return "{" + ",".join(k + _one_string(v) for k, v in zip(_KEYS, values, strict=True)) + "\n    }"


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


class Manifest:
    """The entries of one output folder, keyed by (recipient, template, format)."""

    def __init__(self, out_dir: Path, entries: dict[tuple[str, str, str], ManifestEntry] | None = None):
        self.out_dir = out_dir
        self.entries = entries or {}
        self._seen = file_stamp(self.path)  # the file as this manifest last read or wrote it
        # Letters written again under another name (the recipient's changed): each earlier
        # entry with the new file's path, until :meth:`save` no longer lists it and removes it.
        self._superseded: list[tuple[ManifestEntry, str]] = []
        self.replaced: list[str] = []  # earlier files removed (paths as the manifest had them)
        self.replaced_kept: list[tuple[str, str]] = []  # earlier files kept, and why

    @property
    def path(self) -> Path:
        return self.out_dir / MANIFEST_NAME

    @classmethod
    def load(cls, out_dir: Path) -> Manifest:
        path = out_dir / MANIFEST_NAME
        seen = file_stamp(path)  # before reading: a file replaced meanwhile is read again at save
        if seen is None and not path.exists():
            manifest = cls(out_dir)
            manifest._seen = None
            return manifest
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            entries = [ManifestEntry(**e) for e in data["letters"]]
        except OSError as exc:  # a folder named manifest.json, no right to read it
            raise UserError(
                _("cannot read the manifest ({reason})").format(reason=exc.strerror or exc),
                Location(display_path(path)),
                _("move it aside; the next run writes a new one and regenerates every letter"),
            ) from None
        except (ValueError, KeyError, TypeError) as exc:
            raise UserError(
                _("manifest is damaged ({exc})").format(exc=exc),
                Location(display_path(path)),
                _("move it aside; the next run writes a new one and regenerates every letter"),
            ) from None
        manifest = cls(out_dir, {e.key: e for e in entries})
        manifest._seen = seen
        return manifest

    def add(self, entry: ManifestEntry) -> None:
        self.drop_for(entry)
        self.entries[entry.key] = entry

    def drop_for(self, entry: ManifestEntry) -> None:
        """Forget the entry ``entry`` (a file just written) replaces; when that one was under
        another name, its file is removed at the next :meth:`save` (see ``_remove_superseded``)."""
        earlier = self.entries.pop(entry.key, None)
        if earlier is not None and earlier.path != entry.path:
            self._superseded.append((earlier, entry.path))

    def is_current(self, key: tuple[str, str, str], fingerprint: str) -> bool:
        """True when the letter exists, unchanged, from the same inputs."""
        return self.current_bytes(key, fingerprint) is not None

    def current_bytes(self, key: tuple[str, str, str], fingerprint: str) -> bytes | None:
        """The letter file's bytes when it exists, unchanged, from the same inputs; else None
        (read once: the caller attaches or records exactly what was checked)."""
        entry = self.entries.get(key)
        if entry is None or entry.fingerprint != fingerprint:
            return None
        try:
            data = (self.out_dir / entry.path).read_bytes()
        except OSError:
            return None
        return data if hashlib.sha256(data).hexdigest() == entry.sha256 else None

    def _saved_by_others(self) -> list[ManifestEntry]:
        """The entries on disk now, in the manifest's order, when another run wrote the file
        since this one read or wrote it (else none: nothing to read)."""
        if file_stamp(self.path) == self._seen:
            return []
        try:
            on_disk = Manifest.load(self.out_dir)
        except UserError:
            return []
        return sorted(on_disk.entries.values(), key=_order)

    def _as_on_disk(self, entry: ManifestEntry) -> bool:
        """Whether the entry's file is in the folder with the sha256 the entry records."""
        try:
            return sha256_file(self.out_dir / entry.path) == entry.sha256
        except OSError:
            return False

    def _merged(self, ours: Iterable[ManifestEntry], theirs: list[ManifestEntry]) -> Iterator[ManifestEntry]:
        """One entry per letter, in order: ours, and what another run saved meanwhile (two
        generates at once, the window's batch and a terminal's), so that the last to save
        no longer drops the other's letters. Where both hold a letter and differ, the one
        the file in the folder is wins (the other run wrote it again since this one read
        the manifest, or this run wrote it after the other); ours when neither is."""
        tagged = heapq.merge(
            ((_order(e), 0, e) for e in ours), ((_order(e), 1, e) for e in theirs), key=lambda t: t[:2]
        )
        for _key, same in itertools.groupby(tagged, key=lambda t: t[0]):
            (_k, side, entry), *also = same
            if also:  # both hold it (ours first)
                other = also[0][2]
                if other != entry and self._as_on_disk(other) and not self._as_on_disk(entry):
                    entry = other
                yield entry
            elif side == 0 or (self.out_dir / entry.path).is_file():  # theirs: if still there
                yield entry

    def save(self, more: Iterable[ManifestEntry] = ()) -> None:
        """Write the manifest atomically, one entry at a time (no second copy of it in memory).
        ``more``: entries kept elsewhere (a batch's, core/campaign/batch_files.py), already in
        the manifest's order and none under a key of :attr:`entries`; merged in that order.

        The folder's manifest is read (when another run saved it meanwhile), merged and
        replaced by one run at a time (atomic.exclusive): a run saving between another's
        reading and replacing it had its letters dropped by the other's save."""
        make_folder(self.out_dir)
        try:
            with exclusive(self.path):
                self._save(more)
        except StillLocked:
            raise UserError(
                _(
                    "another run writing letters into this folder (generate, send or a print pack) "
                    "has been saving the manifest for over {seconds} seconds, so this run could "
                    "not list its letters in it"
                ).format(seconds=round(atomic.LOCK_WAIT_SECONDS)),
                Location(display_path(self.path)),
                _(
                    "let the other run finish, or stop it if it is stuck or paused; then run this "
                    "again: the letters written are kept"
                ),
            ) from None

    def _save(self, more: Iterable[ManifestEntry]) -> None:
        ours = heapq.merge(sorted(self.entries.values(), key=_order), more, key=_order)
        letters = self._merged(ours, self._saved_by_others())
        with atomic_writer(self.path) as fh:
            fh.write(f'{{\n  "version": {MANIFEST_VERSION},\n  "letters": [')
            n = 0
            listed: set[str] = set()  # the paths it lists, when an earlier file may go
            for entry in letters:
                fh.write(("," if n else "") + "\n    " + _entry_text(entry))
                n += 1
                if self._superseded:
                    listed.add(entry.path)
            fh.write("\n  ]\n}\n" if n else "]\n}\n")
        self._seen = file_stamp(self.path)
        self._remove_superseded(listed)

    def _remove_superseded(self, listed: set[str]) -> None:
        """Remove the earlier files of letters written again under a new name, now that the
        manifest lists the new ones instead: a letter to a former minister must not lie in
        the folder beside the letter to the new one, to be printed or attached by mistake.
        Only a file inside the output folder (not a kept copy under sent/), that no entry
        lists, and as this program wrote it (its sha256): one changed since is kept, and said."""
        root = self.out_dir.resolve()
        for earlier, new_path in self._superseded:
            path = self.out_dir / earlier.path
            try:
                inside = path.resolve().relative_to(root).parts
            except (OSError, ValueError):
                continue  # outside the output folder (a manifest edited by hand): never ours
            if not inside or inside[0] in RESERVED_FOLDERS or earlier.path in listed:
                continue
            try:
                if not path.is_file() or os.path.samefile(path, self.out_dir / new_path):
                    continue  # gone already, or the new file itself (a name differing in case only)
            except OSError:
                pass  # the new file is not there: the earlier one is still another file
            try:
                if sha256_file(path) != earlier.sha256:
                    self.replaced_kept.append((earlier.path, _("it was changed after it was written")))
                    continue
                path.unlink()
            except OSError as exc:
                why = _("it could not be removed: {reason}").format(reason=exc.strerror or exc)
                self.replaced_kept.append((earlier.path, why))
                continue
            self.replaced.append(earlier.path)
        self._superseded = []
