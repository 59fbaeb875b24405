"""'layout: compact' in a template: a letter meant for one page, and check's word when it is not."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

FILLER = (
    "The authorities have repeatedly postponed the hearing, and her lawyers have not been "
    "allowed to see the case file. "
) * 4

TEMPLATE = """\
---
id: appeal-en
title: Appeal
language: en
audience: category:mep
{layout}subject: "Stop the extradition of {{{{ case.person.name }}}}"
---
{body}
We ask you, {{{{ recipient.name }}}}, to act{{{{ cite('court') }}}}.
"""


def write_template(mini_ws, paragraphs: int, layout: str | None) -> None:
    body = "\n".join(f"{FILLER}\n" for _ in range(paragraphs))
    front = f"layout: {layout}\n" if layout else ""
    mini_ws.write("letter_templates/appeal-en.md", TEMPLATE.format(layout=front, body=body))


def pages(cli, tmp_path: Path, out: str) -> int:
    result = cli("generate", "-w", "ws", "-t", "appeal-en", "-q", "simecka", "-f", "pdf", "--out", out)
    assert result.code == 0, result.err
    return len(PdfReader(next((tmp_path / out).rglob("*.pdf"))).pages)


def test_compact_layout_fits_on_one_page_what_the_standard_one_sets_on_two(cli, mini_ws, tmp_path):
    # Four paragraphs: the text of both layouts starts below the address field, 98.5 mm down
    # (letters/address_field.py); it was 24 mm higher in a compact letter before.
    write_template(mini_ws, 4, None)
    assert pages(cli, tmp_path, "standard") == 2
    write_template(mini_ws, 4, "compact")
    assert pages(cli, tmp_path, "compact") == 1
    result = cli("check", "-w", "ws")
    assert result.code == 0, result.err
    assert "run over one page" not in result.err + result.out


def test_check_warns_when_compact_letters_still_run_over_one_page(cli, mini_ws):
    write_template(mini_ws, 12, "compact")
    result = cli("check", "-w", "ws")
    assert result.code == 0, result.err
    said = result.out + result.err
    assert "letter_templates/appeal-en.md:6: template 'appeal-en' has 'layout: compact'" in said
    assert "2 of its letters run over one page: mep-1, mep-2" in said


def test_an_unknown_layout_is_an_error_at_its_line(cli, mini_ws):
    write_template(mini_ws, 1, "tiny")
    result = cli("check", "-w", "ws")
    assert result.code == 1
    assert "letter_templates/appeal-en.md:6: layout 'tiny' is not one of standard, compact" in result.err
    assert "Traceback" not in result.err
