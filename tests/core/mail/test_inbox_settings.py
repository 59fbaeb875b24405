"""The inbox: section of campaign.yaml, checked key by key, each mistake at its line."""

from __future__ import annotations

import pytest

from campaign_app.core.campaign.settings import load_campaign


def with_inbox(ws, section: str) -> int:
    """Append ``section`` to campaign.yaml; returns the line it starts on."""
    path = ws.root / "campaign.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + section, encoding="utf-8")
    return text.count("\n") + 1


@pytest.mark.parametrize(
    "port, security, expected",
    [
        ("993", None, (993, "ssl")),
        ("143", None, (143, "starttls")),
        (None, None, (993, "ssl")),
        ("1143", "starttls", (1143, "starttls")),
        (None, "starttls", (143, "starttls")),
    ],
)
def test_port_and_security_follow_each_other(mini_ws, port, security, expected):
    lines = ["inbox:", "  host: imap.example.org", "  username: anna@example.org"]
    lines += [f"  port: {port}"] if port else []
    lines += [f"  security: {security}"] if security else []
    with_inbox(mini_ws, "\n".join(lines) + "\n")
    inbox = load_campaign(mini_ws.root / "campaign.yaml").inbox_settings()
    assert (inbox.port, inbox.security) == expected
    assert inbox.folder == "INBOX" and inbox.account == "anna@example.org@imap.example.org"


def test_check_names_each_mistake_at_its_line(cli, mini_ws):
    start = with_inbox(
        mini_ws,
        "inbox:\n  host: imap://mail.example.org\n  port: 99999\n  security: none\n  folders: Replies\n",
    )
    result = cli("check", "-w", mini_ws.root)
    assert result.code == 1
    err = result.err
    assert f"campaign.yaml:{start + 1}: IMAP host 'imap://mail.example.org' is not a server name" in err
    assert f"campaign.yaml:{start + 2}: IMAP port '99999' is not a number from 1 to 65535" in err
    assert (
        f"campaign.yaml:{start + 3}: IMAP security 'none' is not allowed: the inbox is read over TLS only"
        in err
    )
    assert f"campaign.yaml:{start + 4}: unknown key 'folders' under 'inbox' — did you mean 'folder'?" in err
    assert f"campaign.yaml:{start}: the inbox needs the account to sign in as: 'username' is missing" in err
    assert "Traceback" not in err


def test_a_password_under_inbox_is_refused_without_repeating_it(cli, mini_ws):
    start = with_inbox(
        mini_ws, "inbox:\n  host: imap.example.org\n  username: a@b.org\n  password: S3cret-xyz\n"
    )
    result = cli("check", "-w", mini_ws.root)
    assert result.code == 1
    assert f"campaign.yaml:{start + 3}: campaign.yaml must not contain" in result.err
    assert "S3cret-xyz" not in result.err + result.out


def test_a_good_inbox_section_passes_check(cli, mini_ws):
    with_inbox(mini_ws, "inbox:\n  host: imap.example.org\n  username: anna@example.org\n")
    assert cli("check", "-w", mini_ws.root).code == 0
