"""The files a batch has written, kept compactly beside its plan until the manifest is saved.

A 10,000-letter batch writes 20,000 files. Kept as the ManifestEntry objects the workers send
back (ten strings each), they were the only memory of the batch's process that grew with the
batch: about 1.3 kB a letter. Most of an entry is already in the plan (the recipient, the
template, the file's path) or the same for every letter (the case, the language, the second
it was written); what is the file's own is its two digests. So a written file takes 64 bytes
of digests and a reference to a shared time stamp here, and its entry is made again, the same
text, when the manifest is written (:meth:`Manifest.save` merges them in its order).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator

from campaign_app.core.campaign.generate import LetterJob
from campaign_app.core.campaign.manifest import ManifestEntry

_DIGEST = 32  # bytes of a sha256


def _packed(hex_text: str) -> bytes | None:
    """The digest as 32 bytes, when its text can be made again exactly from them."""
    try:
        raw = bytes.fromhex(hex_text)
    except ValueError:
        return None
    return raw if len(raw) == _DIGEST and raw.hex() == hex_text else None


class WrittenFiles:
    """The files written for a plan's jobs (indexed as the plan lists them). An entry that
    could not be made again exactly from what is kept here is not kept: :meth:`add` returns
    it, for the manifest to keep whole."""

    def __init__(self, jobs: list[LetterJob], template_id: str):
        self.jobs = jobs
        self.template_id = template_id
        self.width = max((len(job.formats) for job in jobs), default=1)  # file slots per job
        self.digests = bytearray(2 * _DIGEST * len(jobs) * self.width)  # sha256, then fingerprint
        self.stamps: list[str | None] = [None] * (len(jobs) * self.width)  # None: not written
        self.shared: dict[str, str] = {}  # one copy of each case id, language and time stamp
        self.case_language: tuple[str, str] | None = None
        self._order: array | None = None

    def add(self, index: int, entries: list[ManifestEntry]) -> list[ManifestEntry]:
        """Keep the files written for job ``index``; returns the entries not kept here."""
        job = self.jobs[index]
        return [entry for entry in entries if not self._keep(index, job, entry)]

    def _keep(self, index: int, job: LetterJob, entry: ManifestEntry) -> bool:
        if entry.format not in job.formats:
            return False
        slot = index * self.width + job.formats.index(entry.format)
        sha, fingerprint = _packed(entry.sha256), _packed(entry.fingerprint)
        self.case_language = self.case_language or (entry.case_id, entry.language)
        if (
            sha is None
            or fingerprint is None
            or entry.recipient_id != job.recipient_id
            or entry.template_id != self.template_id
            or entry.path != job.paths[job.formats.index(entry.format)]
            or (entry.case_id, entry.language) != self.case_language
        ):
            return False
        start = slot * 2 * _DIGEST
        self.digests[start : start + 2 * _DIGEST] = sha + fingerprint
        self.stamps[slot] = self.shared.setdefault(entry.generated_at, entry.generated_at)
        return True

    def entries(self) -> Iterator[ManifestEntry]:
        """The kept files' entries, made one at a time, in the manifest's order (recipient,
        then format: one template)."""
        if self._order is None:  # the order of every slot, worked out once per batch
            slots = [
                (job.recipient_id, fmt, i * self.width + k)
                for i, job in enumerate(self.jobs)
                for k, fmt in enumerate(job.formats)
            ]
            self._order = array("q", (slot for _rid, _fmt, slot in sorted(slots)))
        for slot in self._order:
            stamp = self.stamps[slot]
            if stamp is None:
                continue
            job, k = self.jobs[slot // self.width], slot % self.width
            start = slot * 2 * _DIGEST
            case_id, language = self.case_language or ("", "")
            yield ManifestEntry(
                recipient_id=job.recipient_id,
                template_id=self.template_id,
                case_id=case_id,
                language=language,
                format=job.formats[k],
                path=job.paths[k],
                sha256=self.digests[start : start + _DIGEST].hex(),
                generated_at=stamp,
                fingerprint=self.digests[start + _DIGEST : start + 2 * _DIGEST].hex(),
            )
