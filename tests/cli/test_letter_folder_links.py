"""Letters are written into the output folder and nowhere else, whatever links it holds.

The template's folder in out/ is checked once for a batch or a send (a link to a folder
elsewhere is refused, with what to do); a letter's own file name is replaced, never
written through, when something put a link there.
"""

from __future__ import annotations

import os

import pytest

pytestmark = pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")


def test_a_template_folder_that_links_elsewhere_is_refused(mini_ws, cli, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = mini_ws.root / "out"
    out.mkdir(exist_ok=True)
    (out / "appeal-en").symlink_to(elsewhere, target_is_directory=True)

    result = cli("generate", "-w", mini_ws.root, "--template", "appeal-en", "--format", "pdf")

    assert result.code == 1
    assert "refusing to write letters into" in result.err
    assert "it leads outside" in result.err
    assert "remove the link, or give another output folder (--out)" in result.err
    assert "Traceback" not in result.err
    assert list(elsewhere.iterdir()) == []


def test_a_link_where_a_letter_goes_is_replaced_not_written_through(mini_ws, cli, tmp_path):
    first = cli("generate", "-w", mini_ws.root, "--template", "appeal-en", "--format", "pdf")
    assert first.code == 0, first.err
    letter = sorted((mini_ws.root / "out" / "appeal-en").glob("*.pdf"))[0]
    outside = tmp_path / "outside.txt"
    outside.write_text("not a letter", encoding="utf-8")
    letter.unlink()
    letter.symlink_to(outside)

    again = cli("generate", "-w", mini_ws.root, "--template", "appeal-en", "--format", "pdf")

    assert again.code == 0, again.err
    assert outside.read_text(encoding="utf-8") == "not a letter"
    assert not letter.is_symlink()
    assert letter.read_bytes().startswith(b"%PDF-")
