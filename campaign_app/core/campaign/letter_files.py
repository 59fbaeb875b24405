"""One letter's files in the output folder: written from its one rendering, or found current.

``generate``, ``send`` (and its dry run), the send dialog's preview and ``log mark`` all
need the same thing: the PDF (and DOCX) of a template's letter to one recipient, exactly
as the inputs say it today. So there is one place that decides whether a file is current
(the manifest's fingerprint of every input, and the file's own sha256) and writes it when
it is not, from the one :class:`Letter` the caller rendered: the bytes written are the
bytes attached to the e-mail and the bytes recorded in the contact log.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from campaign_app import __version__
from campaign_app.core.campaign.last_letters import LastLetters, since_for
from campaign_app.core.campaign.manifest import Manifest, ManifestEntry
from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.common.atomic import atomic_write_bytes, make_folder
from campaign_app.core.common.filenames import letter_file, letter_folder
from campaign_app.core.common.images import Picture
from campaign_app.core.directory.recipients import Recipient
from campaign_app.core.letters.document import Letter
from campaign_app.core.letters.glyphs import Origin, check_glyphs
from campaign_app.core.letters.render import render_letter

FORMATS = ("pdf", "docx")


def _fingerprint(common: bytes, record_digest: bytes, fmt: str, since: dt.date | None) -> str:
    """The sha256 of the digests of each part: the shared inputs, the recipient's record, the
    format (and the day of the last letter)."""
    h = hashlib.sha256(_sha256(common))
    h.update(record_digest)
    h.update(hashlib.sha256(fmt.encode()).digest())
    if since is not None:
        h.update(hashlib.sha256(since.isoformat().encode()).digest())
    return h.hexdigest()


@functools.lru_cache(maxsize=8)
def _sha256(common: bytes) -> bytes:
    """The digest of the inputs every letter of a template shares (its template, case,
    campaign and pictures: often a few hundred kB), made once, not twice per letter."""
    return hashlib.sha256(common).digest()


def inputs_digest(ws: Workspace, template_id: str, paper: str) -> bytes:
    """What every letter of a template depends on, besides its recipient."""
    template = ws.template(template_id)
    return b"\0".join(
        [
            __version__.encode(),
            paper.encode(),
            template.path.read_bytes(),
            ws.case_path.read_bytes(),
            ws.campaign_path.read_bytes(),
            # The logo and signatures campaign.yaml names: a new logo makes every letter new.
            *(p.data for p in _pictures(ws)),
        ]
    )


def _pictures(ws: Workspace) -> list[Picture]:
    campaign = ws.campaign
    found = [campaign.sender.logo, *(s.signature_image for s in campaign.signatories)]
    return [p for p in found if p is not None]


def letter_origins(ws: Workspace, template_path: Path) -> list[Origin]:
    """The files a letter's text comes from besides its recipient, read only when needed."""
    return [(template_path, None), (ws.case_path, None), (ws.campaign_path, None)]


def recipient_fingerprint(common: bytes, recipient: Recipient, fmt: str, since: dt.date | None = None) -> str:
    """The fingerprint of everything one letter file depends on (inputs + recipient + format;
    and, for a template using ``updates``, the day of the recipient's last letter)."""
    return _fingerprint(common, _record_digest(recipient), fmt, since)


def _record_digest(recipient: Recipient) -> bytes:
    record = json.dumps(recipient.record(), sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(record).digest()


def letter_bytes(letter: Letter, fmt: str) -> bytes:
    """The letter as a file of format ``fmt`` ("pdf" or "docx")."""
    if fmt == "pdf":
        from campaign_app.core.letters.pdf.writer import pdf_bytes

        return pdf_bytes(letter)
    from campaign_app.core.letters.docx.writer import docx_bytes

    return docx_bytes(letter)


@dataclass(frozen=True)
class LetterFile:
    format: str
    path: Path
    data: bytes
    sha256: str


@dataclass
class PreparedLetter:
    """A letter rendered once, with its files (in the formats asked for, in that order)."""

    recipient: Recipient
    letter: Letter
    files: list[LetterFile]
    written: list[ManifestEntry] = field(default_factory=list)  # files written just now

    @property
    def pdf(self) -> LetterFile:
        return self.files[0]


class LetterFiles:
    """The files of one template's letters in one output folder, and their manifest."""

    def __init__(
        self,
        ws: Workspace,
        template_id: str,
        out_dir: Path,
        paper: str | None = None,
        today: dt.date | None = None,
        manifest: Manifest | None = None,
        last_letters: LastLetters | Literal["read"] | None = "read",
    ):
        """``last_letters``: the log's last letters as read already (a child process that
        makes letters has them from its parent and never opens the log); by default read
        here when the template uses ``updates``."""
        self.ws = ws
        self.template = ws.template(template_id)
        self.out_dir = out_dir
        self.paper = paper or ws.campaign.paper
        self.today = today or dt.date.today()
        self.common = inputs_digest(ws, template_id, self.paper)
        # read only when it uses `updates`
        self.last_letters = since_for(ws, self.template) if last_letters == "read" else last_letters
        self._manifest = manifest
        self.written = 0  # files prepare() wrote: the manifest needs saving only then
        self._record: tuple[Recipient, bytes] | None = None  # the last recipient's, hashed

    @property
    def manifest(self) -> Manifest:
        """Loaded when first needed (pool workers never need it: the parent keeps it)."""
        if self._manifest is None:
            self._manifest = Manifest.load(self.out_dir)
        return self._manifest

    @functools.cached_property
    def folder(self) -> Path:
        """The template's folder in the output folder, checked once (common/filenames.py)."""
        return letter_folder(self.out_dir, self.template.id)

    def path(self, recipient: Recipient, fmt: str) -> Path:
        return letter_file(self.folder, recipient.id, recipient.display_name, fmt)

    def current(self, recipient: Recipient, fmt: str) -> bytes | None:
        """The file's bytes when it is current (same inputs, unchanged on disk), else None."""
        key = (recipient.id, self.template.id, fmt)
        if key not in self.manifest.entries:  # (a new letter: no fingerprint to compare)
            return None
        return self.manifest.current_bytes(key, self.fingerprint(recipient, fmt))

    def since(self, recipient: Recipient) -> dt.date | None:
        """The day of the recipient's last letter on this case (for ``updates``)."""
        return self.last_letters.since(recipient.id, self.template.id) if self.last_letters else None

    def fingerprint(self, recipient: Recipient, fmt: str) -> str:
        # The recipient's record is written out and hashed once for all formats of a letter.
        kept = self._record
        if kept is None or kept[0] is not recipient:
            kept = self._record = (recipient, _record_digest(recipient))
        return _fingerprint(self.common, kept[1], fmt, self.since(recipient))

    def render(self, recipient: Recipient) -> Letter:
        ws = self.ws
        letter = render_letter(
            self.template, recipient, ws.case, ws.campaign, self.today, self.paper, self.since(recipient)
        )
        # the field and the row (or the file and line) of a character no font has
        check_glyphs(letter, recipient, letter_origins(ws, self.template.path))
        return letter

    def write(
        self, letter: Letter, recipient: Recipient, fmt: str, durable: bool = True, path: Path | None = None
    ) -> tuple[LetterFile, ManifestEntry]:
        """Write one file of ``letter`` (atomically) and the manifest entry that records it;
        the manifest itself is the caller's to update (a pool worker has none). A batch
        writes with ``durable=False`` and syncs the folder before it saves the manifest
        (common/atomic.sync_folder says why that is safe); it gives the ``path`` its plan
        found (``self.path``), not worked out again."""
        path = path or self.path(recipient, fmt)
        data = letter_bytes(letter, fmt)
        make_folder(path.parent)
        atomic_write_bytes(path, data, durable=durable)
        digest = hashlib.sha256(data).hexdigest()
        entry = ManifestEntry(
            recipient_id=recipient.id,
            template_id=self.template.id,
            case_id=self.ws.case.id,
            language=self.template.language,
            format=fmt,
            path=path.relative_to(self.out_dir).as_posix(),
            sha256=digest,
            generated_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            fingerprint=self.fingerprint(recipient, fmt),
        )
        return LetterFile(fmt, path, data, digest), entry

    def prepare(self, recipient: Recipient, formats: Sequence[str]) -> PreparedLetter:
        """Render the letter once; write each file that is not current from that rendering
        (recorded in the manifest); return the letter and every file's bytes."""
        letter = self.render(recipient)
        prepared = PreparedLetter(recipient, letter, [])
        for fmt in formats:
            data = self.current(recipient, fmt)
            if data is not None:
                path = self.path(recipient, fmt)
                # current() found these bytes to have the sha256 the manifest records: not hashed again
                digest = self.manifest.entries[(recipient.id, self.template.id, fmt)].sha256
                prepared.files.append(LetterFile(fmt, path, data, digest))
                continue
            file, entry = self.write(letter, recipient, fmt)
            self.manifest.add(entry)
            self.written += 1
            prepared.files.append(file)
            prepared.written.append(entry)
        return prepared
