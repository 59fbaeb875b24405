"""A template's ``attachments:``: sent with every e-mail, and check's errors at the template's line."""

from __future__ import annotations

import email
import email.policy

import pytest
from conftest import TEMPLATE_EN
from smtp_server import parsed, use_server

BRIEF = b"%PDF-1.4\n% a case brief\n" + bytes(range(256)) * 20


def with_attachments(mini_ws, *lines: str) -> int:
    """appeal-en with ``attachments:`` listing ``lines``; returns the line of the first."""
    entries = "".join(f"  - {line}\n" for line in lines)
    text = TEMPLATE_EN.replace("subject:", f"attachments:\n{entries}subject:", 1)
    path = mini_ws.write("letter_templates/appeal-en.md", text)
    return path.read_text().splitlines().index(f"  - {lines[0]}") + 1


def test_attachments_go_with_every_sent_email(mini_ws, cli, server):
    use_server(mini_ws, server)
    (mini_ws.root / "attachments").mkdir()
    (mini_ws.root / "attachments/case-brief.pdf").write_bytes(BRIEF)
    with_attachments(mini_ws, "case-brief.pdf")
    result = cli("send", "-w", mini_ws.root, "--template", "appeal-en", "--yes")
    assert result.code == 0, result.err + result.out
    assert "Attached to every message besides the letter: case-brief.pdf (5 kB)." in result.out
    assert len(server.messages) == 2
    for message in server.messages:
        files = {a.get_filename(): a.get_content() for a in parsed(message).iter_attachments()}
        assert len(files) == 2 and files["case-brief.pdf"] == BRIEF
        assert any(name.endswith(".pdf") and name != "case-brief.pdf" for name in files)


def test_the_dry_run_eml_files_carry_the_attachments(mini_ws, cli):
    (mini_ws.root / "attachments/rulings").mkdir(parents=True)
    (mini_ws.root / "attachments/rulings/ruling.pdf").write_bytes(BRIEF)
    with_attachments(mini_ws, "attachments/rulings/ruling.pdf")
    result = cli("send", "-w", mini_ws.root, "--template", "appeal-en", "--dry-run")
    assert result.code == 0, result.err
    emls = list((mini_ws.root / "out/appeal-en").glob("*.eml"))
    assert len(emls) == 2
    message = email.message_from_bytes(emls[0].read_bytes(), policy=email.policy.default)
    names = [a.get_filename() for a in message.iter_attachments()]
    assert "ruling.pdf" in names and len(names) == 2


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("missing.pdf", "attachment 'missing.pdf' does not exist in attachments/"),
        (
            "../campaign.yaml",
            "attachment '../campaign.yaml' is not a file in the campaign's attachments/ folder",
        ),
        ("/etc/passwd", "attachment '/etc/passwd' is not a file in the campaign's attachments/ folder"),
    ],
)
def test_a_bad_attachment_is_a_check_error_at_the_template_line(mini_ws, cli, entry, message):
    (mini_ws.root / "attachments").mkdir()
    line = with_attachments(mini_ws, entry)
    result = cli("check", "-w", mini_ws.root)
    assert result.code == 1
    assert f"error: ws/letter_templates/appeal-en.md:{line}: {message}" in result.err
    assert "Traceback" not in result.err


def test_attachments_too_large_for_mail_servers(mini_ws, cli, monkeypatch):
    from campaign_app.core.letters import attachments

    monkeypatch.setattr(attachments, "ATTACHMENTS_BYTES", 8000)
    (mini_ws.root / "attachments").mkdir()
    (mini_ws.root / "attachments/a.pdf").write_bytes(BRIEF)
    (mini_ws.root / "attachments/b.pdf").write_bytes(BRIEF)
    line = with_attachments(mini_ws, "a.pdf", "b.pdf")
    result = cli("check", "-w", mini_ws.root)
    assert result.code == 1
    assert (
        f"appeal-en.md:{line + 1}: the attachments up to 'b.pdf' are more than 0 MB together: many mail "
        "servers refuse such messages"
    ) in result.err


def test_a_send_with_a_missing_attachment_sends_nothing(mini_ws, cli, server):
    use_server(mini_ws, server)
    line = with_attachments(mini_ws, "gone.pdf")
    result = cli("send", "-w", mini_ws.root, "--template", "appeal-en", "--yes")
    assert result.code == 1
    assert f"appeal-en.md:{line}: attachment 'gone.pdf' does not exist in attachments/" in result.err
    assert server.messages == []


def test_attachments_must_be_a_list_of_names(mini_ws, cli):
    mini_ws.write(
        "letter_templates/appeal-en.md", TEMPLATE_EN.replace("subject:", "attachments: {a: 1}\nsubject:")
    )
    result = cli("check", "-w", mini_ws.root)
    assert result.code == 1 and "appeal-en.md:6: 'attachments' must be a list of file names" in result.err
