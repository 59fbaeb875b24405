"""A batch keeps the files it wrote compactly (core/campaign/batch_files.py): the manifest it
saves must be the same text, byte for byte, as the manifest of the same entries kept whole."""

from __future__ import annotations

import gc
import json
from dataclasses import asdict

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from campaign_app.core.campaign.batch_files import WrittenFiles
from campaign_app.core.campaign.batch_run import run_batch
from campaign_app.core.campaign.generate import LetterJob, plan_batch
from campaign_app.core.campaign.manifest import Manifest, ManifestEntry
from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.directory.recipients import Recipient

HEX = "0123456789abcdef"
digest = st.text(HEX, min_size=64, max_size=64)
# what a worker could send back that the compact form cannot make again exactly
odd_digest = st.one_of(digest, digest.map(str.upper), st.text(HEX, min_size=2, max_size=10))


def job(rid: str, formats: tuple[str, ...]) -> LetterJob:
    recipient = Recipient(
        id=rid, category="mep", given_name="A", family_name=rid, country="DE", language="en"
    )
    return LetterJob(recipient, formats, tuple(f"t/{rid}_A.{fmt}" for fmt in formats))


@st.composite
def batches(draw):
    """A plan's jobs, what each wrote (some jobs nothing, some odd entries), and older
    entries in the folder's manifest (some of the same letters, some of another template)."""
    ids = draw(st.lists(st.text("abcé-Z09", min_size=1, max_size=6), min_size=1, max_size=12, unique=True))
    formats = draw(st.sampled_from([("pdf",), ("docx",), ("pdf", "docx")]))
    jobs = [job(rid, formats) for rid in ids]
    written: list[list[ManifestEntry]] = []
    for j in jobs:
        entries = []
        for fmt, path in zip(j.formats, j.paths, strict=True):
            if draw(st.booleans()) or not entries:
                entries.append(
                    ManifestEntry(
                        recipient_id=j.recipient_id,
                        template_id="t",
                        case_id=draw(st.sampled_from(["case", "case", "other"])),
                        language="en",
                        format=fmt,
                        path=draw(st.sampled_from([path, path, "elsewhere.pdf"])),
                        sha256=draw(odd_digest),
                        generated_at=draw(
                            st.sampled_from(["2026-12-03T10:00:00+00:00", "2026-12-03T10:00:01+00:00"])
                        ),
                        fingerprint=draw(odd_digest),
                    )
                )
        written.append(entries if draw(st.integers(0, 4)) else [])
    old = [
        ManifestEntry(
            rid,
            template,
            "case",
            "en",
            "pdf",
            f"{template}/{rid}.pdf",
            "a" * 64,
            "2025-01-01T00:00:00+00:00",
            "b" * 64,
        )
        for rid in draw(st.lists(st.sampled_from([*ids, "zz", "0"]), unique=True))
        for template in draw(st.sampled_from([("t",), ("s",), ("t", "u")]))
    ]
    return jobs, written, old


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(batches())
def test_the_saved_manifest_is_the_same_as_with_every_entry_kept_whole(tmp_path_factory, batch):
    jobs, written, old = batch
    plain = Manifest(tmp_path_factory.mktemp("plain"), {e.key: e for e in old})
    compact = Manifest(tmp_path_factory.mktemp("compact"), {e.key: e for e in old})
    files = WrittenFiles(jobs, "t")
    for index, entries in enumerate(written):
        for e in entries:
            plain.add(e)
            compact.entries.pop(e.key, None)  # as the batch does
        for e in files.add(index, entries):
            compact.add(e)
    plain.save()
    compact.save(files.entries())
    assert compact.path.read_bytes() == plain.path.read_bytes()
    again = Manifest.load(compact.out_dir).entries
    assert again == plain.entries


def test_a_batch_keeps_no_entry_object_per_file_it_wrote(mini_ws):
    """A 10,000-letter batch grew by 1.3 kB a letter, kept in entries until it ended."""
    rows = ["id,category,honorific,given_name,family_name,gender,country,language,email"]
    rows += [f"mep-{i},mep,Ms,Given{i},Family{i},f,DE,en,m{i}@example.org" for i in range(12)]
    mini_ws.write("recipients/people.csv", "\n".join(rows) + "\n")
    ws = Workspace(mini_ws.root)
    out = mini_ws.root / "out"
    plan = plan_batch(ws, "appeal-en", ("pdf", "docx"), out)
    result = run_batch(ws, plan, workers=1)
    gc.collect()
    kept = [o for o in gc.get_referents(result) if isinstance(o, list)]
    assert result.letters_written == 12 and result.files_written == 24
    assert not any(isinstance(x, ManifestEntry) for lst in kept for x in lst)
    assert len(Manifest.load(out).entries) == 24


text = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.builds(ManifestEntry, *[text] * 9), max_size=4))
def test_an_entry_is_written_as_json_dumps_writes_it(tmp_path_factory, entries):
    """The manifest writes each entry field by field: the same text as the general encoder."""
    folder = tmp_path_factory.mktemp("m")
    Manifest(folder, {e.key: e for e in entries}).save()
    letters = sorted(
        {e.key: e for e in entries}.values(), key=lambda e: (e.template_id, e.recipient_id, e.format)
    )
    body = ",".join(
        "\n    " + json.dumps(asdict(e), ensure_ascii=False, indent=2).replace("\n", "\n    ")
        for e in letters
    )
    expected = '{\n  "version": 1,\n  "letters": [' + body + ("\n  ]\n}\n" if letters else "]\n}\n")
    assert (folder / "manifest.json").read_text(encoding="utf-8") == expected
    assert list(Manifest.load(folder).entries.values()) == letters
