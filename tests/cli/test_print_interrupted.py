"""``campaign-app print`` stopped by a kill or a closed terminal, as by Ctrl-C: the letter in
hand is finished, the letters written are in the manifest, no pack, nothing recorded as
printed, exit 130 with a word to the user; it died silently and kept no manifest."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time

import pytest

from campaign_app.core.campaign.workspace import Workspace

MEPS = 16
PEOPLE = (
    "id,category,given_name,family_name,gender,position,organisation,country,language,postal_address\n"
    + "".join(
        f'mep-{i},mep,Given{i},Family{i},f,Member,European Parliament,DE,en,"Rue Wiertz 60\n1047 Brussels"\n'
        for i in range(MEPS)
    )
)
PARAGRAPHS = "\n\n".join(f"Paragraph {i}: " + "the court must hear her case in full. " * 12 for i in range(6))
TEMPLATE = f"""\
---
id: appeal-en
title: Appeal
language: en
audience: category:mep
subject: "Appeal for {{{{ case.person.name }}}}"
---
Letter for {{{{ recipient.name }}}}.

{PARAGRAPHS}
"""


@pytest.mark.parametrize("how", ["SIGTERM", "SIGHUP"])
def test_a_kill_mid_print_is_a_cancel(mini_ws, tmp_path, how):
    mini_ws.write("recipients/people.csv", PEOPLE)
    mini_ws.write("letter_templates/appeal-en.md", TEMPLATE)
    root, pack = mini_ws.root, tmp_path / "pack.pdf"
    command = [
        sys.executable,
        "-m",
        "campaign_app",
        "print",
        "-w",
        str(root),
        "-t",
        "appeal-en",
        "--out",
        str(pack),
    ]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    letters = root / "out" / "appeal-en"
    deadline = time.monotonic() + 60
    while not (letters.is_dir() and any(letters.glob("*.pdf"))) and time.monotonic() < deadline:
        time.sleep(0.01)
    proc.send_signal(getattr(signal, how))
    out, err = proc.communicate(timeout=60)

    assert proc.returncode == 130, out + err
    assert "interrupted: no print pack was written and nothing was recorded as printed" in err
    assert "Traceback" not in err and not pack.exists()
    written = sorted(p.name for p in letters.glob("*.pdf"))
    assert 1 <= len(written) < MEPS
    manifest = json.loads((root / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(e["path"].split("/")[-1] for e in manifest["letters"]) == written  # kept, and known
    ws = Workspace(root)
    assert not ws.log_path.exists() or not [e for e in ws.read_log().events() if e.kind == "printed"]
