"""Never twice, never lost: what a volunteer and a coordinator rely on when letters go out.

Every test here drives the command line (in-process, or as real processes where two
programs race) against the real SMTP test server, and checks what the officials would
receive and what the contact log and the kept letters say afterwards.
"""

from __future__ import annotations

import email
import email.policy
import hashlib
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

from log_helpers import make_v1_log
from smtp_server import parsed, send_command, use_server

from campaign_app.core.outreach.log import ContactLog, contact_id


def received(server, start: int = 0) -> Counter:
    return Counter(m.rcpt_tos[0] for m in server.messages[start:])


def attachment_of(message) -> bytes:
    (part,) = list(parsed(message).iter_attachments())
    return part.get_content()


def log_of(root: Path) -> ContactLog:
    return ContactLog.open(root / "campaign.db")


def send(cli, root: Path, *extra: str, template: str = "appeal-en"):
    return cli("send", "-w", root, "--template", template, "--yes", *extra)


def edit_template(root: Path, old: str, new: str, name: str = "appeal-en.md") -> None:
    path = root / "letter_templates" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


# ---- two senders at once ------------------------------------------------------------------


def test_two_sends_at_once_send_each_letter_once_and_the_second_says_who_has_it(mini_ws, cli, server):
    """Two terminals start the same send together: every official gets one e-mail."""
    use_server(mini_ws, server, extra_meps=10, rate=600)  # 12 letters, one every 0.1 s each
    assert cli("generate", "-w", mini_ws.root, "--template", "appeal-en", "--format", "pdf").code == 0
    command, env = send_command(mini_ws.root, server)
    procs = [
        subprocess.Popen(
            command, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    outputs = [p.communicate(server.password + "\n", timeout=120) for p in procs]
    for proc, (out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, out + err
    counts = received(server)
    assert len(counts) == 12 and set(counts.values()) == {1}, counts
    both = "\n".join(out for out, _ in outputs)
    assert both.count("@") >= 12
    sent = sum(int(n) for n in re.findall(r"^Done in .*?: (\d+) sent", both, re.MULTILINE))
    assert sent == 12
    # Each letter skipped by one of them is named, with who has it.
    skipped = [ln for ln in both.splitlines() if "already sent by" in ln or "being sent right now by" in ln]
    assert len(skipped) + both.count("already sent earlier: skipped.") >= 1
    with log_of(mini_ws.root) as log:
        for c in log.contacts():
            assert [e.kind for e in log.events(c.id)].count("sending") == 1


# ---- merge never reopens, revisions need --resend ------------------------------------------


def test_a_volunteers_later_draft_merged_in_never_reopens_a_sent_letter(mini_ws, cli, server, tmp_path):
    volunteer = tmp_path / "volunteer"
    shutil.copytree(mini_ws.root, volunteer)
    use_server(mini_ws, server)
    assert send(cli, mini_ws.root).code == 0
    assert len(server.messages) == 2
    # The volunteer improves the template in their copy and regenerates, after the sending.
    edit_template(volunteer, "who faces extradition.", "who faces extradition within days.")
    assert cli("generate", "-w", volunteer, "--template", "appeal-en", "--format", "pdf").code == 0

    merged = cli("log", "merge", volunteer / "campaign.db", "-w", mini_ws.root)
    assert merged.code == 0, merged.err
    drafted = cli("recipients", "list", "-w", mini_ws.root, "--query", "status:drafted")
    assert "0 recipient(s)" in drafted.out
    sent = cli("recipients", "list", "-w", mini_ws.root, "--query", "status:sent status:revised")
    assert "mep-1" in sent.out and "mep-2" in sent.out
    again = send(cli, mini_ws.root)
    assert again.code == 0, again.err
    assert "2 changed since they were sent: not sent again (--resend mep-1,mep-2" in again.out
    assert len(server.messages) == 2  # nobody got it twice


def test_a_letter_revised_after_sending_goes_again_only_when_named_with_resend(mini_ws, cli, server):
    use_server(mini_ws, server)
    assert send(cli, mini_ws.root).code == 0
    first = {m.rcpt_tos[0]: attachment_of(m) for m in server.messages}
    edit_template(mini_ws.root, "who faces extradition.", "who faces extradition within days.")
    assert cli("generate", "-w", mini_ws.root, "--template", "appeal-en", "--format", "pdf").code == 0
    listed = cli("recipients", "list", "-w", mini_ws.root, "--query", "status:revised")
    assert "mep-1" in listed.out and "mep-2" in listed.out

    plain = send(cli, mini_ws.root)
    assert "not sent again (--resend" in plain.out and len(server.messages) == 2
    unknown = send(cli, mini_ws.root, "--resend", "sr-1")
    assert unknown.code == 1 and "--resend sr-1: no letter from template 'appeal-en'" in unknown.err
    resent = send(cli, mini_ws.root, "--resend", "mep-1")
    assert resent.code == 0, resent.err
    assert "1 letter(s) changed since they were sent will be sent AGAIN:" in resent.out
    assert "mep-1: Michal Šimečka <michal.simecka@europarl.europa.eu>" in resent.out
    assert received(server) == Counter(
        {"michal.simecka@europarl.europa.eu": 2, "rasa.jukneviciene@europarl.europa.eu": 1}
    )
    # Both versions Šimečka received are kept, byte for byte, and the log points at each.
    with log_of(mini_ws.root) as log:
        cid = contact_id("mep-1", "test-case", "appeal-en")
        sent = [e for e in log.events(cid) if e.kind == "sent"]
    assert len(sent) == 2
    kept = [(mini_ws.root / e.letter_path).read_bytes() for e in sent]
    assert kept[0] == first["michal.simecka@europarl.europa.eu"]
    assert kept[1] == attachment_of(server.messages[-1]) != kept[0]
    assert [hashlib.sha256(k).hexdigest() for k in kept] == [e.letter_sha256 for e in sent]
    # And once resent, it is not sent a third time.
    assert send(cli, mini_ws.root).code == 0 and len(server.messages) == 3


def test_the_same_letter_written_again_is_not_changed_and_is_not_offered_again(
    mini_ws, cli, server, tmp_path
):
    """The letters written again with nothing changed (the output folder deleted, a copy
    written elsewhere, the DOCX made after the PDF went out) are the letters that went out:
    not "changed since they were sent", and send offers no --resend. Each PDF carried the
    second it was written, so each was a "revision", and following the advice sent an
    official the same letter twice."""
    use_server(mini_ws, server)
    assert send(cli, mini_ws.root).code == 0
    shutil.rmtree(mini_ws.root / "out" / "appeal-en")
    for extra in ((), ("--out", tmp_path / "copy"), ("--format", "docx")):
        made = cli("generate", "-w", mini_ws.root, "--template", "appeal-en", *extra)
        assert made.code == 0, made.err
        listed = cli("recipients", "list", "-w", mini_ws.root, "--query", "status:revised")
        assert listed.out.splitlines()[-1] == "0 recipient(s)", (extra, listed.out)
        again = send(cli, mini_ws.root)
        assert again.code == 0 and "--resend" not in again.out, (extra, again.out)
    assert len(server.messages) == 2


# ---- renamed case or template ---------------------------------------------------------------


def test_a_renamed_template_stops_send_until_its_history_is_carried_over(mini_ws, cli, server):
    use_server(mini_ws, server)
    assert send(cli, mini_ws.root).code == 0
    edit_template(mini_ws.root, "id: appeal-en", "id: appeal-v2")

    stopped = send(cli, mini_ws.root, template="appeal-v2")
    assert stopped.code == 1
    assert (
        "2 letter(s) already sent to these recipients under template 'appeal-en', which no longer exists"
        in (stopped.err)
    )
    assert "campaign-app log rename-template appeal-en appeal-v2" in stopped.err
    assert len(server.messages) == 2

    renamed = cli("log", "rename-template", "appeal-en", "appeal-v2", "-w", mini_ws.root)
    assert renamed.code == 0, renamed.err
    assert "in 2 letter(s)" in renamed.out
    again = send(cli, mini_ws.root, template="appeal-v2")
    assert again.code == 0, again.err
    assert "2 already sent earlier: skipped." in again.out
    assert len(server.messages) == 2
    # The log's export, with the rename in each letter's history, still reads back.
    export = cli("log", "export", mini_ws.root / "export.csv", "-w", mini_ws.root)
    assert export.code == 0, export.err
    other = mini_ws.root.parent / "coordinator"
    shutil.copytree(mini_ws.root, other)
    (other / "campaign.db").unlink()
    assert cli("log", "merge", mini_ws.root / "export.csv", "-w", other).code == 0
    assert send(cli, other, template="appeal-v2").code == 0 and len(server.messages) == 2


def test_a_renamed_case_stops_send_and_rename_case_carries_the_letters_over(mini_ws, cli, server):
    use_server(mini_ws, server)
    assert send(cli, mini_ws.root).code == 0
    case = mini_ws.root / "cases" / "test-case.yaml"
    case.write_text(
        case.read_text(encoding="utf-8").replace("id: test-case", "id: akhmetova"), encoding="utf-8"
    )

    stopped = send(cli, mini_ws.root)
    assert stopped.code == 1
    assert "under case 'test-case', which is not this campaign's case ('akhmetova')" in stopped.err
    assert "campaign-app log rename-case test-case akhmetova" in stopped.err
    assert cli("log", "rename-case", "test-case", "akhmetova", "-w", mini_ws.root).code == 0
    again = send(cli, mini_ws.root)
    assert again.code == 0 and "2 already sent earlier" in again.out
    assert len(server.messages) == 2


def test_a_volunteers_reply_recorded_under_the_old_template_id_merges_onto_the_renamed_letter(
    mini_ws, cli, server, tmp_path
):
    use_server(mini_ws, server)
    assert send(cli, mini_ws.root).code == 0
    volunteer = tmp_path / "volunteer"
    shutil.copytree(mini_ws.root, volunteer)
    assert (
        cli("log", "mark", "mep-2", "--status", "replied", "--note", "will raise it", "-w", volunteer).code
        == 0
    )
    edit_template(mini_ws.root, "id: appeal-en", "id: appeal-v2")
    assert cli("log", "rename-template", "appeal-en", "appeal-v2", "-w", mini_ws.root).code == 0

    assert cli("log", "merge", volunteer / "campaign.db", "-w", mini_ws.root).code == 0
    status = cli("log", "status", "-w", mini_ws.root, "--query", "status:replied")
    assert "mep-2" in status.out and "1 recipient(s)" in status.out
    with log_of(mini_ws.root) as log:
        assert {c.template_id for c in log.contacts()} == {"appeal-v2"}


def test_rename_refuses_to_join_two_letters(mini_ws, cli):
    assert cli("generate", "-w", mini_ws.root, "--template", "appeal-en", "--format", "pdf").code == 0
    mini_ws.write(
        "letter_templates/second.md",
        (mini_ws.root / "letter_templates" / "appeal-en.md")
        .read_text(encoding="utf-8")
        .replace("id: appeal-en", "id: second"),
    )
    assert cli("generate", "-w", mini_ws.root, "--template", "second", "--format", "pdf").code == 0
    result = cli("log", "rename-template", "appeal-en", "second", "-w", mini_ws.root)
    assert result.code == 1
    assert "already has letters under template 'second' to mep-1, mep-2" in result.err
    assert "nothing was renamed" in result.err
    missing = cli("log", "rename-template", "nope", "other", "-w", mini_ws.root)
    assert missing.code == 1 and "has no letter under template 'nope'" in missing.err


# ---- what went out is kept -------------------------------------------------------------------


def test_the_letter_an_official_received_is_kept_byte_for_byte_after_regeneration(mini_ws, cli, server):
    use_server(mini_ws, server)
    assert send(cli, mini_ws.root).code == 0
    got = {m.rcpt_tos[0]: attachment_of(m) for m in server.messages}
    with log_of(mini_ws.root) as log:
        cid = contact_id("mep-1", "test-case", "appeal-en")
        sent = next(e for e in log.events(cid) if e.kind == "sent")
        draft = log.contact(cid).letter_path
    assert sent.letter_path.startswith("out/sent/appeal-en/mep-1_")
    kept = mini_ws.root / sent.letter_path
    assert kept.read_bytes() == got["michal.simecka@europarl.europa.eu"]
    assert sent.letter_sha256 == hashlib.sha256(kept.read_bytes()).hexdigest()

    edit_template(mini_ws.root, "who faces extradition.", "who faces extradition at any moment.")
    assert cli("generate", "-w", mini_ws.root, "--template", "appeal-en", "--format", "pdf").code == 0
    assert (mini_ws.root / draft).read_bytes() != got["michal.simecka@europarl.europa.eu"]  # a new draft
    assert kept.read_bytes() == got["michal.simecka@europarl.europa.eu"]  # what was sent, untouched


def test_a_letter_marked_sent_by_post_is_kept_and_the_log_points_at_it(mini_ws, cli):
    assert cli("generate", "-w", mini_ws.root, "--template", "appeal-uk", "--format", "pdf").code == 0
    result = cli("log", "mark", "ua-president", "--status", "sent", "--channel", "post", "-w", mini_ws.root)
    assert result.code == 0, result.err
    with log_of(mini_ws.root) as log:
        cid = contact_id("ua-president", "test-case", "appeal-uk")
        event = log.events(cid)[-1]
        draft = mini_ws.root / log.contact(cid).letter_path
    assert (event.kind, event.channel) == ("sent", "post")
    assert event.letter_path.startswith("out/sent/appeal-uk/ua-president_")
    assert (mini_ws.root / event.letter_path).read_bytes() == draft.read_bytes()


def test_after_the_log_is_lost_a_letter_in_out_can_still_be_recorded_as_posted(mini_ws, cli):
    assert cli("generate", "-w", mini_ws.root, "--template", "appeal-uk", "--format", "pdf").code == 0
    (mini_ws.root / "campaign.db").rename(mini_ws.root / "campaign.db.lost")
    result = cli("log", "mark", "ua-president", "--status", "sent", "--channel", "post", "-w", mini_ws.root)
    assert result.code == 0, result.err
    status = cli("log", "status", "-w", mini_ws.root)
    row = next(line for line in status.out.splitlines() if line.startswith("ua-president "))
    assert " sent " in row
    with log_of(mini_ws.root) as log:
        event = log.events(contact_id("ua-president", "test-case", "appeal-uk"))[-1]
    assert (mini_ws.root / event.letter_path).is_file()


def test_mark_asks_which_letter_when_a_recipient_has_several(mini_ws, cli):
    mini_ws.write(
        "letter_templates/follow-up.md",
        (mini_ws.root / "letter_templates" / "appeal-en.md")
        .read_text(encoding="utf-8")
        .replace("id: appeal-en", "id: follow-up"),
    )
    for template in ("appeal-en", "follow-up"):
        assert cli("generate", "-w", mini_ws.root, "--template", template, "--format", "pdf").code == 0
    result = cli("log", "mark", "mep-1", "--status", "replied", "-w", mini_ws.root)
    assert result.code == 1
    assert "'mep-1' has 2 letters in the contact log (templates appeal-en, follow-up)" in result.err
    assert "--template" in result.err
    with log_of(mini_ws.root) as log:
        assert not [e for e in log.events() if e.kind == "replied"]
    chosen = cli("log", "mark", "mep-1", "--status", "replied", "--template", "follow-up", "-w", mini_ws.root)
    assert chosen.code == 0 and "Marked 1 letter(s)" in chosen.out


# ---- commands that only read write nothing; debris is cleaned -------------------------------


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_commands_that_only_read_write_nothing(mini_ws, cli, tmp_path):
    reading = [
        ("check",),
        ("recipients", "list"),
        ("recipients", "list", "--query", "status:drafted"),
        ("log", "status"),
        ("log", "export", str(tmp_path / "log.csv")),
    ]
    for args in reading:  # no log yet
        before = snapshot(mini_ws.root)
        result = cli(*args, "-w", mini_ws.root)
        assert result.code in (0, 1), result.err
        assert snapshot(mini_ws.root) == before, args
    assert cli("generate", "-w", mini_ws.root, "--template", "appeal-en", "--format", "pdf").code == 0
    for args in reading:  # a current log
        before = snapshot(mini_ws.root)
        assert cli(*args, "-w", mini_ws.root).code == 0, args
        assert snapshot(mini_ws.root) == before, args
    # An older log (schema 1) is read as it is: not upgraded, no backup written beside it.
    (mini_ws.root / "campaign.db").unlink()
    make_v1_log(mini_ws.root / "campaign.db")
    for args in reading:
        before = snapshot(mini_ws.root)
        result = cli(*args, "-w", mini_ws.root)
        assert result.code == 0, (args, result.err)
        assert snapshot(mini_ws.root) == before, args
    status = cli("log", "status", "-w", mini_ws.root)
    assert "ua-president" in status.out and " sent " in status.out


def test_leftover_part_files_from_a_killed_batch_are_cleaned_up(mini_ws, cli):
    folder = mini_ws.root / "out" / "appeal-en"
    folder.mkdir(parents=True)
    # A temporary file left by a writer that was killed (its process no longer exists)...
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    import socket

    host = socket.gethostname().replace(".", "-")
    debris = folder / f".mep-1_Michal_Šimečka.pdf.{host}~{dead.stdout.strip()}.k2j3h4g5.part"
    debris.write_bytes(b"%PDF-1.4 cut off")
    # ...and one of a writer that is still running (this test).
    alive = folder / f".mep-2_x.pdf.{host}~{os.getpid()}.a1b2c3d4.part"
    alive.write_bytes(b"%PDF-1.4 being written")
    assert cli("generate", "-w", mini_ws.root, "--template", "appeal-en", "--format", "pdf").code == 0
    assert not debris.exists()
    assert alive.exists()


# ---- letter files never shared; dry run on the example --------------------------------------


def test_ids_that_differ_only_in_punctuation_each_get_their_own_letter(mini_ws, cli, server):
    with (mini_ws.root / "recipients" / "people.csv").open("a", encoding="utf-8") as fh:
        fh.write("x_y,mep,Ms,Anna,Bee,f,Member,European Parliament,DE,en,anna@example.org,\n")
        fh.write("x,mep,Ms,y Anna,Bee,f,Member,European Parliament,DE,en,yanna@example.org,\n")
    use_server(mini_ws, server)
    assert send(cli, mini_ws.root).code == 0
    letters = {m.rcpt_tos[0]: attachment_of(m) for m in server.messages}
    assert letters["anna@example.org"] != letters["yanna@example.org"]
    import io

    from pypdf import PdfReader

    text = {k: PdfReader(io.BytesIO(v)).pages[0].extract_text() for k, v in letters.items()}
    assert "y Anna Bee" in text["yanna@example.org"] and "y Anna Bee" not in text["anna@example.org"]


def test_a_dry_run_works_on_the_example_with_no_mail_server(tmp_path, cli):
    ws = tmp_path / "example"
    assert cli("init", ws).code == 0
    result = cli("send", "-w", ws, "--template", "mep-appeal-en", "--dry-run", "--limit", "2")
    assert result.code == 0, result.err
    assert "marked [EXAMPLE]" in result.out
    files = sorted((ws / "out" / "mep-appeal-en").glob("*.eml"))
    assert len(files) == 2
    message = email.message_from_bytes(files[0].read_bytes(), policy=email.policy.default)
    assert message["Subject"].startswith("[EXAMPLE] ")
    assert "example" in message["X-Campaign-App-Example"]
    assert not (ws / "out" / "sent").exists()


def test_sending_for_real_from_the_example_still_refuses(tmp_path, cli):
    ws = tmp_path / "example"
    assert cli("init", ws).code == 0
    result = cli("send", "-w", ws, "--template", "mep-appeal-en", "--yes")
    assert result.code == 1
    assert "mail server" in result.err or "example" in result.err


def test_a_kept_letter_edited_by_hand_is_never_overwritten(tmp_path):
    from campaign_app.core.campaign.sent_letters import keep_letter

    draft = tmp_path / "out" / "appeal-en" / "mep-1_Anna.pdf"
    draft.parent.mkdir(parents=True)
    draft.write_bytes(b"%PDF-1.4 the letter")
    first = keep_letter(tmp_path / "out", "appeal-en", "mep-1", draft)
    assert first.path.read_bytes() == b"%PDF-1.4 the letter"
    first.path.chmod(0o644)
    first.path.write_bytes(b"%PDF-1.4 changed by hand")
    again = keep_letter(tmp_path / "out", "appeal-en", "mep-1", draft)
    assert again.path != first.path and again.path.read_bytes() == b"%PDF-1.4 the letter"
    assert first.path.read_bytes() == b"%PDF-1.4 changed by hand"
    # Kept once: the same letter again finds its copy.
    assert keep_letter(tmp_path / "out", "appeal-en", "mep-1", draft).path == again.path


def test_a_send_clears_the_temporary_files_a_killed_send_left(mini_ws, cli, server):
    """A send killed outright (kill -9, a power cut) while writing a kept copy leaves its
    temporary file; the next send removes it, as the next batch does (a file of a writer
    still running is left alone)."""
    import socket

    use_server(mini_ws, server)
    kept = mini_ws.root / "out" / "sent" / "appeal-en"
    kept.mkdir(parents=True)
    host = socket.gethostname().replace(".", "-")
    dead = kept / f".mep-1_x.pdf.{host}~{2**22 + 12345}.abcd1234.part"
    alive = kept / f".mep-2_x.pdf.{host}~{os.getpid()}.abcd1234.part"
    dead.write_bytes(b"%PDF-1.4 cut short")
    alive.write_bytes(b"%PDF-1.4 being written")
    assert send(cli, mini_ws.root).code == 0
    assert not dead.exists() and alive.exists()


def test_a_lost_contact_log_does_not_make_sent_letters_new(mini_ws, cli, server, tmp_path):
    """campaign.db moved aside: its letters were sent again to the same officials. The
    copies kept in out/sent/ when they were sent say they went."""
    use_server(mini_ws, server)
    assert send(cli, mini_ws.root).code == 0 and len(server.messages) == 2
    aside = tmp_path / "aside"
    aside.mkdir()
    for f in mini_ws.root.glob("campaign.db*"):
        shutil.move(f, aside / f.name)

    again = send(cli, mini_ws.root)

    assert again.code == 1
    assert len(server.messages) == 2, "nothing went twice"
    assert "2 kept in out/sent/ as sent, unknown to the contact log: not sent again" in again.out
    listed = again.out.split("kept in out/sent/ as sent, unknown to the contact log: not sent again:\n", 1)[1]
    assert "mep-1: Michal Šimečka" in listed and "was campaign.db moved, replaced or lost?" in listed
    for f in aside.iterdir():  # put back, the log knows them again
        shutil.move(f, mini_ws.root / f.name)
    assert send(cli, mini_ws.root).code == 0 and len(server.messages) == 2
