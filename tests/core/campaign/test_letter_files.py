"""One letter's files (core/campaign/letter_files.py): a file found current is read and
checked once, and handed on with the digest the check proved."""

from __future__ import annotations

import hashlib

from campaign_app.core.campaign import letter_files, manifest
from campaign_app.core.campaign.letter_files import LetterFiles
from campaign_app.core.campaign.workspace import Workspace


def test_a_current_letter_is_hashed_once_and_given_its_checked_digest(mini_ws, monkeypatch):
    ws = Workspace(mini_ws.root)
    recipient = next(r for r in ws.directory if r.id == "mep-1")
    out = mini_ws.root / "out"
    first = LetterFiles(ws, "appeal-en", out).prepare(recipient, ("pdf", "docx"))
    first_files = {f.format: f for f in first.files}
    files = LetterFiles(ws, "appeal-en", out)
    files.manifest.entries.update({e.key: e for e in first.written})

    hashed: list[int] = []
    real = hashlib.sha256

    def counting(data=b""):
        hashed.append(len(data))
        return real(data)

    monkeypatch.setattr(letter_files.hashlib, "sha256", counting)
    monkeypatch.setattr(manifest.hashlib, "sha256", counting)
    again = files.prepare(recipient, ("pdf", "docx"))
    assert not again.written  # both current: nothing written
    for f in again.files:
        assert f.data == first_files[f.format].data
        assert f.sha256 == real(f.data).hexdigest() == first_files[f.format].sha256
    sizes = [len(f.data) for f in again.files]
    assert sorted(n for n in hashed if n in sizes) == sorted(sizes)  # each file's bytes hashed once
