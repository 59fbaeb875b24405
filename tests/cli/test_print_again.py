"""``campaign-app print`` a second time: nobody is posted a letter they already have.

A volunteer prints a template's letters, posts some, e-mails others; a week later someone
prints the template again for the ones still waiting. The letters that went out (by post
or e-mail), were answered or closed stay out of the pack and are named; a letter whose
e-mail bounced goes in (the post is the way left); a letter printed before and never
recorded as posted goes in again and is named, in case it was posted after all.
"""

from __future__ import annotations

import subprocess

import inbox_messages as shapes
from pypdf import PdfReader
from smtp_server import parsed, send_command, use_server

from campaign_app.core.campaign.workspace import Workspace

TEMPLATE = """\
---
id: appeal-en
title: Appeal
language: en
audience: category:mep
subject: "Appeal for {{ case.person.name }}"
---
Letter for {{ recipient.name }}.
"""

# mep-1 has e-mail and a postal address, mep-2 only a postal address, mep-3 only e-mail; mep-4
# has both, like mep-1.
PEOPLE = """\
id,category,honorific,given_name,family_name,gender,position,organisation,country,language,email,postal_address
mep-1,mep,Mr,Michal,Šimečka,m,Member,European Parliament,SK,en,m@ep.example,"Rue Wiertz 60
1047 Brussels"
mep-2,mep,Ms,Rasa,Juknevičienė,f,Member,European Parliament,LT,en,,"Rue Wiertz 60
1047 Brussels"
mep-3,mep,Ms,Maria,Arena,f,Member,European Parliament,BE,en,maria.arena@ep.example,
mep-4,mep,Mr,Brando,Benifei,m,Member,European Parliament,IT,en,b@ep.example,"Rue Wiertz 60
1047 Brussels"
"""
NAMES = ("Šimečka", "Juknevičienė", "Benifei")


def in_pack(path) -> list[str]:
    """Whom the pack's letters are to, in order (read off the PDF, as at the printer)."""
    text = [p.extract_text() for p in PdfReader(path).pages]
    return [n for page in text if "Letter for" in page for n in NAMES if n in page.split("Letter for", 1)[1]]


def test_a_letter_posted_is_left_out_of_the_next_pack_and_named(mini_ws, cli, tmp_path):
    mini_ws.write("recipients/people.csv", PEOPLE)
    mini_ws.write("letter_templates/appeal-en.md", TEMPLATE)
    root = mini_ws.root
    first = cli("print", "-w", root, "-t", "appeal-en", "--out", tmp_path / "1.pdf")
    assert first.code == 0, first.err
    assert in_pack(tmp_path / "1.pdf") == ["Šimečka", "Juknevičienė", "Benifei"]
    for rid in ("mep-1", "mep-4"):
        marked = cli("log", "mark", "-w", root, rid, "--status", "sent", "--channel", "post")
        assert marked.code == 0, marked.err
    cli("log", "mark", "-w", root, "mep-4", "--status", "replied", "--note", "by phone")

    again = cli("print", "-w", root, "-t", "appeal-en", "--out", tmp_path / "2.pdf")
    assert again.code == 0, again.err
    assert in_pack(tmp_path / "2.pdf") == ["Juknevičienė"]
    out = again.out
    assert "2 letter(s) already went out: not in the print pack (--include-sent prints them too)" in out
    assert "  mep-1: Michal Šimečka — sent (post, " in out
    assert "  mep-4: Brando Benifei — replied (post, " in out
    assert "1 letter(s) printed before but not recorded as posted: in this pack again" in out
    assert "  mep-2: Rasa Juknevičienė" in out
    assert "1 letter(s): 2 page(s) in all" in out

    copies = cli("print", "-w", root, "-t", "appeal-en", "--out", tmp_path / "3.pdf", "--include-sent")
    assert copies.code == 0, copies.err
    assert in_pack(tmp_path / "3.pdf") == ["Šimečka", "Juknevičienė", "Benifei"]
    status = cli("log", "status", "-w", root).out
    assert " sent " in next(x for x in status.splitlines() if x.startswith("mep-1"))  # a copy: still sent


def test_when_every_letter_went_out_nothing_is_printed_and_the_log_is_left_alone(mini_ws, cli, tmp_path):
    mini_ws.write("recipients/people.csv", PEOPLE)
    mini_ws.write("letter_templates/appeal-en.md", TEMPLATE)
    root = mini_ws.root
    assert (
        cli("print", "-w", root, "-t", "appeal-en", "-q", "id:mep-2", "--out", tmp_path / "1.pdf").code == 0
    )
    assert cli("log", "mark", "-w", root, "mep-2", "--status", "sent", "--channel", "post").code == 0
    again = cli("print", "-w", root, "-t", "appeal-en", "-q", "id:mep-2", "--out", tmp_path / "2.pdf")
    assert again.code == 0, again.err
    assert "  mep-2: Rasa Juknevičienė — sent (post, " in again.out
    assert (
        "Nothing to print: every letter of template 'appeal-en' to a recipient with a postal address "
        "already went out." in again.out
    )
    assert not (tmp_path / "2.pdf").exists()


def test_an_emailed_letter_is_not_posted_too_unless_its_email_bounced(mini_ws, cli, tmp_path, server, imap):
    mini_ws.write("recipients/people.csv", PEOPLE)
    mini_ws.write("letter_templates/appeal-en.md", TEMPLATE)
    root = mini_ws.root
    use_server(mini_ws, server)
    command, env = send_command(root, server)
    done = subprocess.run(command, env=env, input=server.password + "\n", capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    letters = {parsed(m)["To"].addresses[0].addr_spec: parsed(m) for m in server.messages}
    assert sorted(letters) == ["b@ep.example", "m@ep.example", "maria.arena@ep.example"]

    printed = cli("print", "-w", root, "-t", "appeal-en", "--out", tmp_path / "1.pdf")
    assert printed.code == 0, printed.err
    assert in_pack(tmp_path / "1.pdf") == ["Juknevičienė"]
    assert "  mep-1: Michal Šimečka — sent (email, " in printed.out
    assert "  mep-4: Brando Benifei — sent (email, " in printed.out

    # Benifei's e-mail comes back undelivered: the paper letter is how it can still reach him.
    with (root / "campaign.yaml").open("a", encoding="utf-8") as fh:
        fh.write(imap.settings_yaml())
    imap.deliver(shapes.bounce(letters["b@ep.example"]))
    synced = cli("inbox", "sync", "-w", root)
    assert "Recorded 1 bounce." in synced.out, synced.out + synced.err
    again = cli("print", "-w", root, "-t", "appeal-en", "--out", tmp_path / "2.pdf")
    assert again.code == 0, again.err
    assert in_pack(tmp_path / "2.pdf") == ["Juknevičienė", "Benifei"]
    assert "mep-4" not in again.out.split("already went out", 1)[1].split("printed before", 1)[0]


def test_the_pack_is_recorded_as_posted_with_the_command_it_names_once(mini_ws, cli, tmp_path):
    """After printing, the summary names one command that records the whole pack as posted
    (it was one 'log mark' per letter); run again by mistake, it records nothing twice; with a
    wrong id among the right ones, it marks none, so that the corrected command can be run."""
    import shlex

    mini_ws.write("recipients/people.csv", PEOPLE)
    mini_ws.write("letter_templates/appeal-en.md", TEMPLATE)
    root = mini_ws.root
    printed = cli("print", "-w", root, "-t", "appeal-en", "--out", tmp_path / "1.pdf")
    assert printed.code == 0, printed.err
    command = printed.out.split("once they are in the post: ", 1)[1].strip()
    assert command == (
        "campaign-app log mark mep-1 mep-2 mep-4 --status sent --channel post --template appeal-en"
    )
    args = [*shlex.split(command)[1:], "-w", str(root)]

    wrong = cli(*[("mep-9" if a == "mep-2" else a) for a in args])
    assert wrong.code == 1
    assert "the contact log has no letter from template 'appeal-en' to 'mep-9'" in wrong.err
    assert "none of the 3 recipients' letters was marked" in wrong.err
    assert "mep-1" in cli("log", "status", "-w", root, "-q", "status:printed").out

    posted = cli(*args)
    assert posted.code == 0, posted.err
    assert posted.out.count("Marked 1 letter(s) to mep-") == 3
    again = cli(*args)
    assert again.code == 1
    assert "error: the letter to 'mep-1' is already recorded as sent (post, " in again.err
    assert "none of the 3 recipients' letters was marked" in again.err
    with Workspace(root).read_log() as log:
        sent = [e for e in log.events() if e.kind == "sent"]
    assert len(sent) == 3  # one per letter
    one = cli("log", "mark", "-w", root, "mep-2", "--status", "sent", "--channel", "post")
    assert one.code == 1 and "already recorded as sent (post, " in one.err
    # the letter revised since (the template changed, the letter written again): posting the
    # new version is recorded
    template = root / "letter_templates" / "appeal-en.md"
    template.write_text(template.read_text(encoding="utf-8") + "\nA new hearing is set.\n", encoding="utf-8")
    assert cli("generate", "-w", root, "-t", "appeal-en", "-f", "pdf", "-q", "id:mep-2").code == 0
    revised = cli("log", "mark", "-w", root, "mep-2", "--status", "sent", "--channel", "post")
    assert revised.code == 0, revised.err
    assert "Marked 1 letter(s) to mep-2" in revised.out
    # posted, and sent through the office's web form too: the second way is recorded
    by_form = cli("log", "mark", "-w", root, "mep-1", "--status", "sent", "--channel", "web-form")
    assert by_form.code == 0, by_form.err
