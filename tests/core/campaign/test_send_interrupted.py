"""A send stopped in the middle says the truth about every letter: the one the server had
when a second Ctrl-C came is uncertain (it may have arrived), and a manifest that cannot be
saved at the end does not hide what was sent."""

from __future__ import annotations

from smtp_server import use_server

from campaign_app.core.common.errors import UserError
from campaign_app.core.mail.smtp import SmtpSession
from campaign_app.core.outreach.log import ContactLog, contact_id


def section(out: str, heading: str) -> str:
    """The lines listed under ``heading:`` in send's summary."""
    lines = out.split(f"{heading}:\n", 1)[1].splitlines()
    return "\n".join(ln for ln in lines if ln.startswith("  ") or not ln)


def test_a_second_ctrl_c_while_the_server_has_a_letter_leaves_it_uncertain_not_unsent(
    mini_ws, cli, server, monkeypatch
):
    use_server(mini_ws, server)
    real = SmtpSession.send

    def send_then_interrupted(self, data, sender, to, **kwargs):
        real(self, data, sender, to, **kwargs)  # the server has it; the answer is never recorded
        raise KeyboardInterrupt

    with monkeypatch.context() as m:  # (undo() would also drop the server fixture's settings)
        m.setattr(SmtpSession, "send", send_then_interrupted)
        result = cli("send", "-w", mini_ws.root, "--template", "appeal-en", "--yes")

    assert result.code == 130
    (first,) = [m.rcpt_tos[0] for m in server.messages]
    assert first == "michal.simecka@europarl.europa.eu"
    uncertain = section(
        result.out, "uncertain: it may have arrived, but the server's answer is not on record"
    )
    assert "mep-1: Michal Šimečka" in uncertain and "stopped while the mail server had it" in uncertain
    assert "log mark mep-1 --status sent --channel email" in uncertain
    assert "mep-1" not in section(result.out, "not sent")
    with ContactLog.open(mini_ws.root / "campaign.db") as log:
        assert log.history(contact_id("mep-1", "test-case", "appeal-en")).status == "uncertain"
    rerun = cli("send", "-w", mini_ws.root, "--template", "appeal-en", "--yes")
    assert rerun.code == 0 and [m.rcpt_tos[0] for m in server.messages].count(first) == 1


def test_a_manifest_that_cannot_be_saved_does_not_hide_what_was_sent(mini_ws, cli, server, monkeypatch):
    from campaign_app.core.campaign.manifest import Manifest

    use_server(mini_ws, server)

    def disk_full(self):
        raise UserError("out/manifest.json: cannot write the file: the disk is full", hint="free some space")

    with monkeypatch.context() as m:
        m.setattr(Manifest, "save", disk_full)
        result = cli("send", "-w", mini_ws.root, "--template", "appeal-en", "--yes")

    assert result.code == 1
    assert len(server.messages) == 2
    assert "mep-1: Michal Šimečka" in section(result.out, "sent")
    assert "Done in" in result.out and "2 sent" in result.out
    assert "the disk is full" in result.err
