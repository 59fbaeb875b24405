"""A follow-up nobody is due for yet: check, generate and send agree it is no error.

The example campaign's ``mep-follow-up-en`` is for ``status:followup-due``; in a new
campaign nobody is due. One rule (core/audience.py) decides, for every command: an
audience empty only because of its status: terms is "nobody is due yet"; empty for any
other reason it is an error.
"""

from __future__ import annotations

from log_helpers import history

from campaign_app.core.campaign.workspace import Workspace

SMTP = "smtp:\n  host: 127.0.0.1\n  port: 9\n  username: office\n  from: office@rights.example\n"

FOLLOW_UP = """\
---
id: follow-up-en
title: Follow-up
language: en
audience: {audience}
subject: "Still: {{{{ case.person.name }}}}"
---
We wrote to you about {{{{ case.person.name }}}} and have not heard back.
"""


def with_smtp(root) -> None:
    """A mail server in campaign.yaml (never contacted: nobody is sent anything)."""
    path = root / "campaign.yaml"
    path.write_text(path.read_text(encoding="utf-8") + SMTP, encoding="utf-8")


def says_nobody_is_due(text: str, template: str) -> None:
    assert "nobody is due yet" in text, text
    assert f"template '{template}'" in text and "status:followup-due" in text, text


def test_check_generate_and_send_agree_that_nobody_is_due_yet_in_a_new_campaign(tmp_path, cli):
    ws = tmp_path / "example"
    assert cli("init", ws).code == 0
    with_smtp(ws)
    check = cli("check", "-w", ws)
    assert check.code == 0, check.err
    says_nobody_is_due(check.out, "mep-follow-up-en")
    # the template is still checked against everyone it will reach
    assert "template 'mep-follow-up-en' (en): renders for all 13 recipient(s)" in check.out

    generate = cli("generate", "-w", ws, "--template", "mep-follow-up-en")
    assert generate.code == 0, generate.err
    assert generate.err == ""
    says_nobody_is_due(generate.out, "mep-follow-up-en")
    assert not (ws / "out").exists()  # nothing written, not even an empty manifest

    for extra in (["--dry-run"], ["--yes"]):
        send = cli("send", "-w", ws, "--template", "mep-follow-up-en", *extra)
        assert send.code == 0, send.err
        says_nobody_is_due(send.out, "mep-follow-up-en")
    assert not (ws / "out").exists()
    assert not (ws / "campaign.db").exists()


def test_the_narrowing_query_is_kept_when_nobody_is_due(tmp_path, cli):
    ws = tmp_path / "example"
    assert cli("init", ws).code == 0
    narrowed = cli("generate", "-w", ws, "--template", "mep-follow-up-en", "--query", "country:DE")
    assert narrowed.code == 0, narrowed.err
    says_nobody_is_due(narrowed.out, "mep-follow-up-en")
    assert "country:DE" in narrowed.out
    # narrowed to nobody at all, it is the same mistake as for any template
    nobody = cli("generate", "-w", ws, "--template", "mep-follow-up-en", "--query", "country:ZZ")
    assert nobody.code == 1
    assert "no recipient matches the audience of template 'mep-follow-up-en'" in nobody.err
    assert "country:ZZ" in nobody.err


def test_once_someone_is_due_only_they_get_the_follow_up(tmp_path, cli):
    ws_dir = tmp_path / "example"
    assert cli("init", ws_dir).code == 0
    ws = Workspace(ws_dir)
    rid = next(r.id for r in ws.directory if r.category == "mep" and "former-member" not in r.tags)
    history(ws_dir, rid, "mep-appeal-en", ("drafted", 16), ("sent", 15), case=ws.case.id)
    check = cli("check", "-w", ws_dir)
    assert check.code == 0, check.err
    assert "nobody is due yet for template 'mep-follow-up-en'" not in check.out
    assert "template 'mep-follow-up-en' (en): renders for all 1 recipient(s)" in check.out
    result = cli("generate", "-w", ws_dir, "--template", "mep-follow-up-en", "--format", "pdf")
    assert result.code == 0, result.err
    assert "1 letter(s) written" in result.out
    assert [p.name.split("_")[0] for p in (ws_dir / "out" / "mep-follow-up-en").glob("*.pdf")] == [rid]


def test_a_follow_up_whose_audience_names_nobody_stays_an_error_everywhere(mini_ws, cli):
    text = FOLLOW_UP.format(audience="category:ngo status:followup-due")
    mini_ws.write("letter_templates/follow-up-en.md", text)
    with_smtp(mini_ws.root)
    where = "ws/letter_templates/follow-up-en.md:5:"
    check = cli("check", "-w", mini_ws.root)
    assert check.code == 1
    assert where in check.err and "matches nobody" in check.err
    for command in (["generate"], ["send", "--dry-run"]):
        result = cli(*command, "-w", mini_ws.root, "--template", "follow-up-en")
        assert result.code == 1, result.out
        assert where in result.err and "no recipient matches the audience" in result.err
        assert "nobody is due" not in result.out + result.err
    assert not (mini_ws.root / "out").exists()
