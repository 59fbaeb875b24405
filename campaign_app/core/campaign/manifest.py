"""out/manifest.json: which letters exist, from which inputs, with their checksums.

The manifest lets a re-run skip letters already written from the same inputs (same
fingerprint, file present with the recorded sha256) and lets a coordinator prove which
exact file went to whom. It is rewritten atomically, so it is never half a JSON document.
"""

from __future__ import annotations

import hashlib
import heapq
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from campaign_app.core.common.atomic import atomic_writer, file_stamp, make_folder
from campaign_app.core.common.errors import Location, UserError, display_path
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

    @property
    def path(self) -> Path:
        return self.out_dir / MANIFEST_NAME

    @classmethod
    def load(cls, out_dir: Path) -> Manifest:
        path = out_dir / MANIFEST_NAME
        if not path.exists():
            return cls(out_dir)
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
        return cls(out_dir, {e.key: e for e in entries})

    def add(self, entry: ManifestEntry) -> None:
        self.entries[entry.key] = entry

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
        """The entries on disk now that this manifest does not hold, whose files exist (read
        only when another run wrote the file since this one read or wrote it)."""
        if file_stamp(self.path) == self._seen:
            return []
        try:
            on_disk = Manifest.load(self.out_dir)
        except UserError:
            return []
        return [
            e
            for key, e in on_disk.entries.items()
            if key not in self.entries and (self.out_dir / e.path).is_file()
        ]

    def save(self, more: Iterable[ManifestEntry] = ()) -> None:
        """Write the manifest atomically, one entry at a time (no second copy of it in memory).
        ``more``: entries kept elsewhere (a batch's, core/campaign/batch_files.py), already in
        the manifest's order and none under a key of :attr:`entries`; merged in that order."""
        ours = heapq.merge(sorted(self.entries.values(), key=_order), more, key=_order)
        # What another run into the same folder saved meanwhile (two generates at once, the
        # window's batch and a terminal's) is kept: the last to save no longer drops the
        # other's letters, which the next run then wrote again. Ours win where both hold one.
        theirs = sorted(self._saved_by_others(), key=_order)
        letters = heapq.merge(
            ((_order(e), 0, e) for e in ours), ((_order(e), 1, e) for e in theirs), key=lambda t: t[:2]
        )
        make_folder(self.out_dir)
        with atomic_writer(self.path) as fh:
            fh.write(f'{{\n  "version": {MANIFEST_VERSION},\n  "letters": [')
            n, last = 0, None
            for key, _theirs, entry in letters:
                if key == last:
                    continue  # ours came first
                last = key
                fh.write(("," if n else "") + "\n    " + _entry_text(entry))
                n += 1
            fh.write("\n  ]\n}\n" if n else "]\n}\n")
        self._seen = file_stamp(self.path)
