"""``campaign-app print``: the pack read back as the volunteer at the printer would read it."""

from __future__ import annotations

import threading

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from campaign_app.core.campaign.print_pack import plan_print, run_print
from campaign_app.core.campaign.workspace import Workspace

A4_PT = (595.3, 841.9)

# Two MEPs with a postal address (the second letter runs to two pages), one with e-mail only.
PEOPLE = """\
id,category,honorific,given_name,family_name,gender,position,organisation,country,language,email,postal_address
mep-1,mep,Mr,Michal,Šimečka,m,Member,European Parliament,SK,en,m@ep.example,"Rue Wiertz 60
1047 Brussels
Belgium"
mep-2,mep,Ms,Rasa,Juknevičienė,f,Member,European Parliament,LT,en,,"Rue Wiertz 60
1047 Brussels"
mep-3,mep,Ms,Maria,Arena,f,Member,European Parliament,BE,en,maria.arena@ep.example,
"""

LONG = "\n\n".join(f"Paragraph {i}: " + "the court must hear her case in full. " * 12 for i in range(8))
TEMPLATE = f"""\
---
id: appeal-en
title: Appeal
language: en
audience: category:mep
subject: "Appeal for {{{{ case.person.name }}}}"
---
Letter for {{{{ recipient.name }}}}.

{{% if recipient.id == 'mep-2' %}}
{LONG}
{{% endif %}}
"""


@pytest.fixture
def post_ws(mini_ws):
    mini_ws.write("recipients/people.csv", PEOPLE)
    mini_ws.write("letter_templates/appeal-en.md", TEMPLATE)
    return mini_ws


def size_mm(page) -> tuple[int, int]:
    return round(float(page.mediabox.width) / mm), round(float(page.mediabox.height) / mm)


def placed_text(page) -> list[tuple[str, float, float]]:
    """Each piece of text on the page with where it starts (points from the lower left)."""
    found: list[tuple[str, float, float]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((text.strip(), x, y))

    page.extract_text(visitor_text=visit)
    return found


def letter_starts(reader: PdfReader) -> list[tuple[int, str]]:
    """(page index, recipient) of each page that opens a letter ("Letter for …")."""
    starts = []
    for i, page in enumerate(reader.pages):
        text = page.extract_text()
        for name in ("Šimečka", "Juknevičienė", "Arena"):
            if "Letter for" in text and name in text.split("Letter for", 1)[1].split("\n", 1)[0]:
                starts.append((i, name))
    return starts


def test_print_pack_with_dl_envelopes(post_ws, cli, tmp_path):
    out = tmp_path / "pack.pdf"
    r = cli("print", "-w", post_ws.root, "--template", "appeal-en", "--out", out, "--envelope", "DL")
    assert r.code == 0, r.err
    # mep-3 has no postal address: named, with the way she can be reached, not dropped silently.
    assert "1 recipient(s) without a postal address" in r.out
    assert "mep-3: Maria Arena (e-mail maria.arena@ep.example)" in r.out
    assert "2 letter(s), then 2 DL envelope(s)" in r.out
    # Letters for both sides of the paper, envelopes for one: said with the pages to print.
    assert (
        "Print pages 1–4 (the letters) on both sides of the paper; then pages 5–6 on one side only, "
        "with DL envelopes in the manual feed." in r.out
    )

    reader = PdfReader(out)
    pages = reader.pages
    # Letter 1: one page + a blank back; letter 2: two pages; then two envelopes.
    assert [size_mm(p) for p in pages] == [(210, 297)] * 4 + [(220, 110)] * 2
    assert letter_starts(reader) == [(0, "Šimečka"), (2, "Juknevičienė")]
    assert pages[1].extract_text().strip() == ""  # the blank back of a one-page letter
    assert "Paragraph 7" in pages[3].extract_text()

    # Envelopes in the letters' order, the address inside DIN 680's window (20 mm from the
    # left, 15 mm from the bottom, 90×45 mm), the return line above the address.
    for page, name in zip(pages[4:], ("Šimečka", "Juknevičienė"), strict=True):
        texts = placed_text(page)
        lines = [t for t, _, _ in texts]
        assert any(name in t for t in lines)
        return_line = next(t for t in texts if t[0].startswith("Rights Watchers"))
        address = [t for t in texts if not t[0].startswith("Rights Watchers")]
        assert "1 Rue Haute, 1000 Brussels" in return_line[0]
        for _, x, y in [return_line, *address]:
            assert 20 * mm <= x <= 110 * mm and 15 * mm <= y <= 60 * mm, (x / mm, y / mm)
        assert all(y < return_line[2] for _, _, y in address)
        assert address[-1][0] in ("Belgium", "1047 Brussels")


def test_print_pack_with_labels(post_ws, cli, tmp_path):
    out = tmp_path / "labels.pdf"
    r = cli("print", "-w", post_ws.root, "-t", "appeal-en", "--out", out, "--labels", "L7163")
    assert r.code == 0, r.err
    pages = PdfReader(out).pages
    assert len(pages) == 5 and size_mm(pages[4]) == (210, 297)
    assert "then page 5 on one side only, on a sheet of L7163 labels." in r.out
    texts = placed_text(pages[4])
    # Label 1 top left (x 4.65–103.75 mm, y from the top 15.15–53.25 mm), label 2 beside it.
    top = 297 * mm
    first = [t for t in texts if t[1] < 103.75 * mm]
    second = [t for t in texts if t[1] > 106.25 * mm]
    assert any("Šimečka" in t for t, _, _ in first) and any("Juknevičienė" in t for t, _, _ in second)
    for _, _x, y in texts:
        assert top - 53.25 * mm <= y <= top - 15.15 * mm


def test_printed_letters_in_the_log_then_posted(post_ws, cli, tmp_path):
    root = post_ws.root
    assert cli("print", "-w", root, "-t", "appeal-en", "--out", tmp_path / "p.pdf").code == 0
    status = cli("log", "status", "-w", root, "--query", "status:printed")
    assert "mep-1" in status.out and "mep-2" in status.out and "mep-3" not in status.out
    # A printed letter goes by post: send does not e-mail it as well.
    dry = cli("send", "-w", root, "-t", "appeal-en", "--dry-run")
    assert "2 printed to go by post: not e-mailed as well" in dry.out, dry.out + dry.err
    assert "mep-3_Maria_Arena.eml" in dry.out and "mep-1_" not in dry.out
    # Posting it is recorded by hand, with the channel.
    marked = cli(
        "log", "mark", "-w", root, "mep-1", "--status", "sent", "--channel", "post", "-t", "appeal-en"
    )
    assert marked.code == 0, marked.err
    sent = cli("log", "status", "-w", root, "--query", "status:sent")
    assert "mep-1" in sent.out and "mep-2" not in sent.out
    with Workspace(root).read_log() as log:
        kinds = [(e.kind, e.channel) for e in log.events() if e.kind in ("printed", "sent")]
    assert kinds.count(("printed", "post")) == 2 and ("sent", "post") in kinds


def test_regenerating_does_not_unprint(post_ws, cli, tmp_path):
    root = post_ws.root
    assert cli("print", "-w", root, "-t", "appeal-en", "--out", tmp_path / "p.pdf").code == 0
    post_ws.write("letter_templates/appeal-en.md", TEMPLATE.replace("Letter for", "A letter for"))
    assert cli("generate", "-w", root, "-t", "appeal-en", "-f", "pdf").code == 0
    status = cli("log", "status", "-w", root, "--query", "status:printed")
    assert "mep-1" in status.out


def test_nobody_with_a_postal_address(mini_ws, cli, tmp_path):
    out = tmp_path / "p.pdf"
    r = cli("print", "-w", mini_ws.root, "-t", "appeal-en", "--out", out)
    assert r.code == 1
    assert "without a postal address" in r.out
    assert "nobody of template 'appeal-en's audience has a postal address: nothing was printed" in r.err
    assert not out.exists()


def test_envelopes_and_labels_exclude_each_other(post_ws, cli, tmp_path):
    r = cli(
        "print",
        "-w",
        post_ws.root,
        "-t",
        "appeal-en",
        "--out",
        tmp_path / "p.pdf",
        "--envelope",
        "C5",
        "--labels",
        "L7163",
    )
    assert r.code == 2 and "not allowed with argument" in r.err


@pytest.mark.parametrize(("size", "expected"), [("C5", (229, 162)), ("C4", (324, 229))])
def test_other_envelope_sizes(post_ws, cli, tmp_path, size, expected):
    out = tmp_path / "p.pdf"
    assert cli("print", "-w", post_ws.root, "-t", "appeal-en", "--out", out, "--envelope", size).code == 0
    assert size_mm(PdfReader(out).pages[-1]) == expected


def test_cancelled_print_leaves_no_pack_and_no_printed_letters(post_ws, tmp_path):
    ws = Workspace(post_ws.root)
    out = tmp_path / "p.pdf"
    plan = plan_print(ws, "appeal-en", out)
    cancel = threading.Event()

    def stop_after_first(p):
        if p.done == 1:
            cancel.set()

    result = run_print(ws, plan, progress=stop_after_first, cancel=cancel)
    assert result.cancelled and not out.exists()
    assert not ws.log_path.exists() or all(
        e.kind != "printed" for e in Workspace(post_ws.root).read_log().events()
    )


ABROAD = """\
id,category,given_name,family_name,gender,position,organisation,country,language,postal_address
pl-1,national_official,Jan,Kowalski,m,Minister,Ministry of Justice,PL,en,"Al. Ujazdowskie 11
00-950 Warszawa"
pl-2,national_official,Anna,Nowak,f,Director,Ministry of Justice,PL,en,"Al. Ujazdowskie 11
00-950 Warszawa
Poland"
be-1,national_official,Luc,Peeters,m,Director,Federal Justice,BE,en,"Boulevard de Waterloo 115
1000 Brussels"
mep-9,mep,Piotr,Zalewski,m,Member,European Parliament,PL,en,"Rue Wiertz 60
1047 Brussels"
"""


def test_an_envelope_to_another_country_ends_with_that_country_in_capitals(mini_ws, cli, tmp_path):
    """The sender is in Brussels (the workspace's address names Belgium): a letter to
    Warsaw whose address names no country gets "POLAND" as its last line, as the postal
    union asks; an address naming its country, a letter within Belgium, and an MEP
    (whose country is not where the office is) are left as written."""
    campaign = mini_ws.root / "campaign.yaml"
    campaign.write_text(campaign.read_text().replace("1000 Brussels", "1000 Brussels, Belgium", 1))
    mini_ws.write("recipients/people.csv", ABROAD)
    mini_ws.write(
        "letter_templates/appeal-en.md", TEMPLATE.replace("category:mep", "country:PL OR country:BE")
    )
    out = tmp_path / "pack.pdf"
    result = cli("print", "-w", mini_ws.root, "--template", "appeal-en", "--out", out, "--envelope", "C5")
    assert result.code == 0, result.err
    envelopes = [p.extract_text() for p in PdfReader(out).pages if size_mm(p) == (229, 162)]
    lines = {
        next(n for n in ("Kowalski", "Nowak", "Peeters", "Zalewski") if n in e): e.strip().split("\n")
        for e in envelopes
    }
    assert lines["Kowalski"][-2:] == ["00-950 Warszawa", "POLAND"]
    assert lines["Nowak"][-1] == "Poland" and "POLAND" not in lines["Nowak"]
    assert lines["Peeters"][-1] == "1000 Brussels"
    assert lines["Zalewski"][-1] == "1047 Brussels"


def test_an_address_too_long_for_the_envelope_says_what_makes_it_long(post_ws, cli, tmp_path):
    """Seven lines of postal address are an address; with the name, office and
    organisation above them they are too many for a DL window, and the message says so
    (it said "the postal address (10 lines)" of a seven-line postal address)."""
    long_address = "\\n".join(f"Line {n} of the address, a long one for the window" for n in range(1, 13))
    people = PEOPLE.replace('"Rue Wiertz 60\\n1047 Brussels\\nBelgium"', f'"{long_address}"')
    people = people.replace("Rue Wiertz 60\n1047 Brussels\nBelgium", long_address.replace("\\n", "\n"))
    post_ws.write("recipients/people.csv", people)
    out = tmp_path / "pack.pdf"
    result = cli("print", "-w", post_ws.root, "--template", "appeal-en", "--out", out, "--envelope", "DL")
    assert result.code == 1 and not out.exists()
    assert (
        "error: mep-1: the address does not fit on the envelope or label: 15 lines with the name"
        in result.err
    )
    assert "(Mr Michal Šimečka … Line 12 of the address, a long one for the window)" in result.err
    assert "give the recipient an 'addressee'" in result.err


def test_letters_printed_but_not_posted_are_emailed_when_asked(post_ws, cli, tmp_path, server):
    """A pack printed to read over made the letters 'printed': no send e-mailed them, and
    nothing undid it. --email-printed sends those not marked as posted, once."""
    import subprocess

    from smtp_server import send_command, use_server

    root = post_ws.root
    use_server(post_ws, server)
    assert cli("print", "-w", root, "-t", "appeal-en", "--out", tmp_path / "p.pdf").code == 0
    dry = cli("send", "-w", root, "-t", "appeal-en", "--dry-run")
    assert "not posted: send --email-printed e-mails them" in dry.out, dry.out
    command, env = send_command(root, server)
    done = subprocess.run(
        [*command, "--email-printed"], env=env, input=server.password + "\n", capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    # mep-2 has no e-mail address: still printed, to go by post
    assert sorted(m.rcpt_tos[0] for m in server.messages) == ["m@ep.example", "maria.arena@ep.example"]
    again = subprocess.run(
        [*command, "--email-printed"], env=env, input=server.password + "\n", capture_output=True, text=True
    )
    assert again.returncode == 0 and len(server.messages) == 2, again.stdout + again.stderr
    status = cli("log", "status", "-w", root, "--query", "status:printed").out
    assert "mep-2" in status and "mep-1" not in status


def test_a_pack_named_other_than_pdf_is_refused_before_anything_is_printed(post_ws, cli, tmp_path):
    result = cli("print", "-w", post_ws.root, "-t", "appeal-en", "--out", tmp_path / "pack.txt")
    assert result.code == 1
    assert "cannot write the print pack to pack.txt: it is a PDF" in result.err
    assert "end the file name in .pdf" in result.err
    assert not (tmp_path / "pack.txt").exists()
    assert "mep-1" not in cli("log", "status", "-w", post_ws.root, "--query", "status:printed").out


def test_a_letter_posted_is_recorded_as_printed_not_as_redrafted_since(post_ws, cli, tmp_path):
    """Printed, then the template edited and the letter generated again, then marked posted:
    the log kept the new draft as "what the official received", and said 'sent', not
    'revised'. What went in the envelope is the printed file, kept when it was printed."""
    root = post_ws.root
    assert (
        cli("print", "-w", root, "-t", "appeal-en", "-q", "id:mep-1", "--out", tmp_path / "p.pdf").code == 0
    )
    post_ws.write("letter_templates/appeal-en.md", TEMPLATE.replace("Letter for", "P.S. A letter for"))
    assert cli("generate", "-w", root, "-t", "appeal-en", "-q", "id:mep-1", "-f", "pdf").code == 0
    marked = cli(
        "log", "mark", "-w", root, "mep-1", "--status", "sent", "--channel", "post", "-t", "appeal-en"
    )
    assert marked.code == 0, marked.err
    with Workspace(root).read_log() as log:
        events = [e for e in log.events() if e.kind in ("printed", "sent")]
    printed, sent = events[-2], events[-1]
    assert (printed.kind, sent.kind) == ("printed", "sent")
    assert sent.letter_sha256 == printed.letter_sha256  # the printed letter, not the new draft
    kept = root / sent.letter_path
    assert "P.S." not in " ".join(p.extract_text() for p in PdfReader(kept).pages)
    row = next(x for x in cli("log", "status", "-w", root).out.splitlines() if x.startswith("mep-1"))
    assert " revised " in row  # the draft in out/ differs from what was posted


def test_the_copy_kept_as_printed_is_the_letter_in_the_pack(post_ws, tmp_path, monkeypatch):
    """Another run writes the letter again (a `generate` in a second terminal) after the
    pack is made and before its letters are recorded: what the log keeps as printed, and
    later as posted, is the letter in the pack, not the file in out/ by then."""
    from campaign_app.core.campaign import print_pack

    ws = Workspace(post_ws.root)
    plan = plan_print(ws, "appeal-en", tmp_path / "p.pdf", query="id:mep-1")
    compose = print_pack._compose

    def compose_then_regenerated(ws, plan, prepared):
        made = compose(ws, plan, prepared)
        for p in prepared:  # the other run's letter, whole, in place of the one printed
            p.pdf.path.write_bytes(p.pdf.path.read_bytes().replace(b"%%EOF", b"% written again\n%%EOF"))
        return made

    monkeypatch.setattr(print_pack, "_compose", compose_then_regenerated)
    result = run_print(ws, plan, by="olena")

    assert result.printed == ["mep-1"]
    with Workspace(post_ws.root).read_log() as log:
        (printed,) = [e for e in log.events() if e.kind == "printed"]
    kept = (post_ws.root / printed.letter_path).read_bytes()
    assert b"written again" not in kept
    in_the_pack = PdfReader(tmp_path / "p.pdf").pages[0].extract_text()
    assert (
        "Letter for" in in_the_pack
        and "Letter for" in PdfReader(post_ws.root / printed.letter_path).pages[0].extract_text()
    )
