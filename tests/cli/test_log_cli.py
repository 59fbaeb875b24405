"""The contact log from the command line: generate records drafts, status, mark, status: queries."""

from __future__ import annotations

import datetime as dt

from log_helpers import history

from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.common.appstate import AppState
from campaign_app.core.outreach.log import ContactLog, contact_id


def _set_volunteer(name: str) -> None:
    state = AppState.load()
    state.volunteer_name = name
    state.save()


def test_generate_records_each_letter_as_drafted_by_the_volunteer(mini_ws, cli):
    _set_volunteer("Olena K.")
    result = cli("generate", "-w", mini_ws.root, "--template", "appeal-en", "--format", "both")
    assert result.code == 0, result.err
    with ContactLog.open(mini_ws.root / "campaign.db") as log:
        contacts = log.contacts()
        assert sorted(c.recipient_id for c in contacts) == ["mep-1", "mep-2"]
        simecka = next(c for c in contacts if c.recipient_id == "mep-1")
        assert simecka.recipient_name == "Michal Šimečka"
        assert simecka.channel == "email" and simecka.address == "michal.simecka@europarl.europa.eu"
        assert simecka.letter_path.endswith(".pdf") and len(simecka.letter_sha256) == 64
        (event,) = log.events(simecka.id)
        assert (event.kind, event.by) == ("drafted", "Olena K.")
    # A re-run with the same inputs writes nothing and records nothing new.
    cli("generate", "-w", mini_ws.root, "--template", "appeal-en")
    with ContactLog.open(mini_ws.root / "campaign.db") as log:
        assert len(log.events()) == 2


def test_log_status_shows_a_row_per_recipient_with_who_and_follow_up(mini_ws, cli):
    history(mini_ws.root, "mep-1", "appeal-en", ("drafted", 21), ("sending", 20), ("sent", 20), by="Olena K.")
    cli(
        "generate",
        "-w",
        mini_ws.root,
        "--template",
        "appeal-en",
        "--format",
        "pdf",
        "--query",
        "Juknevičienė",
    )
    result = cli("log", "status", "-w", mini_ws.root)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].split()[:3] == ["ID", "NAME", "STATUS"]
    row = next(line for line in lines if line.startswith("mep-1 "))
    assert "Michal Šimečka" in row and "followup-due" in row and "Olena K." in row
    due = (dt.datetime.now(dt.UTC) - dt.timedelta(days=20) + dt.timedelta(days=14)).date().isoformat()
    assert due in row
    other = next(line for line in lines if line.startswith("mep-2 "))
    assert "drafted" in other and "followup-due" not in other
    assert "2 recipient(s); 1 follow-up(s) due" in result.out


def test_status_queries_select_recipients_by_log_state(mini_ws, cli):
    history(mini_ws.root, "mep-2", "appeal-en", ("drafted", 31), ("sent", 30))
    cli("generate", "-w", mini_ws.root, "--template", "appeal-en", "--format", "pdf")
    ws = Workspace(mini_ws.root)
    assert ws.recipient_statuses()["mep-2"] == frozenset({"sent", "followup-due"})
    listed = cli("recipients", "list", "-w", mini_ws.root, "--query", "status:followup-due")
    assert "Juknevičienė" in listed.out and "Šimečka" not in listed.out
    drafted = cli("recipients", "list", "-w", mini_ws.root, "--query", "status:drafted")
    assert "Šimečka" in drafted.out and "Juknevičienė" not in drafted.out
    nobody = cli("recipients", "list", "-w", mini_ws.root, "--query", "status:none")
    assert "Зеленський" in nobody.out or "Zelenskyy" in nobody.out
    assert "Šimečka" not in nobody.out
    # generate for exactly the recipients due a follow-up
    result = cli(
        "generate",
        "-w",
        mini_ws.root,
        "--template",
        "appeal-en",
        "--query",
        "status:followup-due",
        "--out",
        mini_ws.root / "followups",
    )
    assert result.code == 0, result.err
    written = sorted(p.name for p in (mini_ws.root / "followups" / "appeal-en").glob("*.pdf"))
    assert len(written) == 1 and written[0].startswith("mep-2")


def test_an_unknown_status_is_one_clear_error(mini_ws, cli):
    result = cli("recipients", "list", "-w", mini_ws.root, "--query", "status:posted")
    assert result.code == 1
    assert "unknown status 'posted'" in result.err and "followup-due" in result.err
    assert "Traceback" not in result.err


def test_mark_replied_with_a_note_ends_the_follow_up(mini_ws, cli):
    _set_volunteer("Coordinator")
    cid = history(mini_ws.root, "mep-1", "appeal-en", ("drafted", 31), ("sent", 30))
    result = cli(
        "log", "mark", "mep-1", "-w", mini_ws.root, "--status", "replied", "--note", "Will raise it in DROI"
    )
    assert result.code == 0, result.err
    with ContactLog.open(mini_ws.root / "campaign.db") as log:
        last = log.events(cid)[-1]
    assert (last.kind, last.detail, last.by) == ("replied", "Will raise it in DROI", "Coordinator")
    status = cli("log", "status", "-w", mini_ws.root, "--query", "status:replied")
    assert "mep-1" in status.out and "0 follow-up(s) due" in status.out


def test_a_letter_without_email_is_marked_sent_with_its_channel(mini_ws, cli):
    cli("generate", "-w", mini_ws.root, "--template", "appeal-uk", "--format", "pdf")
    missing = cli("log", "mark", "ua-president", "-w", mini_ws.root, "--status", "sent")
    assert missing.code == 1 and "--channel post" in missing.err
    result = cli("log", "mark", "ua-president", "-w", mini_ws.root, "--status", "sent", "--channel", "post")
    assert result.code == 0, result.err
    cid = contact_id("ua-president", "test-case", "appeal-uk")
    with ContactLog.open(mini_ws.root / "campaign.db") as log:
        assert log.contact(cid).channel == "post"
        assert log.events(cid)[-1].channel == "post"


def test_a_letter_posted_then_changed_shows_as_revised_in_the_status_table(mini_ws, cli):
    cli("generate", "-w", mini_ws.root, "--template", "appeal-uk", "--format", "pdf")
    cli("log", "mark", "ua-president", "-w", mini_ws.root, "--status", "sent", "--channel", "post")
    template = mini_ws.root / "letter_templates" / "appeal-uk.md"
    template.write_text(template.read_text(encoding="utf-8") + "\nP.S. Ще одне речення.\n", encoding="utf-8")
    cli("generate", "-w", mini_ws.root, "--template", "appeal-uk", "--format", "pdf")
    row = next(x for x in cli("log", "status", "-w", mini_ws.root).out.splitlines() if "ua-president" in x)
    assert row.split()[3:4] == ["revised"], row  # not a plain "sent": it is not sent again by itself
    assert "ua-president" in cli("log", "status", "-w", mini_ws.root, "--query", "status:revised").out


def test_a_reply_recorded_before_the_letter_went_out_survives_a_new_draft(mini_ws, cli):
    """They answered by phone: a template edit and a new generate made the letter a draft
    again, and send would have e-mailed them."""
    cli("generate", "-w", mini_ws.root, "--template", "appeal-en", "--format", "pdf")
    marked = cli("log", "mark", "mep-1", "-w", mini_ws.root, "--status", "replied", "--note", "by phone")
    assert marked.code == 0, marked.err
    template = mini_ws.root / "letter_templates" / "appeal-en.md"
    template.write_text(template.read_text(encoding="utf-8") + "\nP.S. One more line.\n", encoding="utf-8")
    cli("generate", "-w", mini_ws.root, "--template", "appeal-en", "--format", "pdf")
    assert "mep-1" in cli("log", "status", "-w", mini_ws.root, "--query", "status:replied").out
    dry = cli("send", "-w", mini_ws.root, "-t", "appeal-en", "--dry-run")
    assert dry.code == 0, dry.err
    assert "mep-1_" not in dry.out and "mep-2_" in dry.out


def test_marking_someone_never_written_to_says_what_to_do(mini_ws, cli):
    result = cli("log", "mark", "mep-1", "-w", mini_ws.root, "--status", "replied")
    assert result.code == 1
    assert "no letter to 'mep-1'" in result.err and "generate" in result.err


def test_the_example_follow_up_template_reaches_only_those_due(tmp_path, cli):
    ws_dir = tmp_path / "example"
    assert cli("init", ws_dir).code == 0
    check = cli("check", "-w", ws_dir)
    assert check.code == 0, check.err
    assert "mep-follow-up-en" in check.out
    nobody = cli("generate", "-w", ws_dir, "--template", "mep-follow-up-en")
    assert nobody.code == 0 and "nobody is due yet" in nobody.out, nobody.err
    ws = Workspace(ws_dir)
    rid = next(r.id for r in ws.directory if r.category == "mep" and "former-member" not in r.tags)
    history(ws_dir, rid, "mep-appeal-en", ("drafted", 16), ("sent", 15), case=ws.case.id)
    result = cli("generate", "-w", ws_dir, "--template", "mep-follow-up-en", "--format", "pdf")
    assert result.code == 0, result.err
    assert "1 letter(s) written" in result.out


def test_export_merge_and_report_from_the_command_line(mini_ws, cli, tmp_path):
    from pypdf import PdfReader

    history(mini_ws.root, "mep-1", "appeal-en", ("drafted", 31), ("sent", 30), by="Olena")
    # A volunteer's copy of the campaign, with a reply the coordinator has not seen yet.
    volunteer = tmp_path / "volunteer"
    import shutil

    shutil.copytree(mini_ws.root, volunteer)
    with ContactLog.open(volunteer / "campaign.db") as log:
        log.add_event(contact_id("mep-1", "test-case", "appeal-en"), "replied", "Olena", "=call back")
    first = cli("log", "merge", volunteer / "campaign.db", "-w", mini_ws.root)
    assert first.code == 0, first.err
    assert "1 new event" in first.out
    again = cli("log", "merge", volunteer / "campaign.db", "-w", mini_ws.root)
    assert again.code == 0 and "Nothing new" in again.out
    status = cli("log", "status", "-w", mini_ws.root)
    assert "replied" in next(ln for ln in status.out.splitlines() if ln.startswith("mep-1"))

    exported = cli("log", "export", tmp_path / "log.csv", "-w", mini_ws.root)
    assert exported.code == 0, exported.err
    assert "'=call back" in (tmp_path / "log.csv").read_text(encoding="utf-8-sig")

    report = cli("log", "report", tmp_path / "report.pdf", "-w", mini_ws.root)
    assert report.code == 0, report.err
    pages = PdfReader(tmp_path / "report.pdf").pages
    assert len(pages) == 1 and "Test campaign" in pages[0].extract_text()


def test_log_commands_on_a_workspace_without_a_log_say_so(mini_ws, cli, tmp_path):
    result = cli("log", "export", tmp_path / "log.csv", "-w", mini_ws.root)
    assert result.code == 1 and "no contact log yet" in result.err
    assert not (mini_ws.root / "campaign.db").exists()


def test_the_volunteer_name_is_set_from_the_command_line_and_recorded(mini_ws, cli):
    assert "Anna K." in cli("name", "Anna  K.").out
    said = cli("name").out.splitlines()
    assert said[0] == "The contact log records you as: Anna K."
    assert "a team's shared log" in said[1] and "records your database user instead" in said[1]
    cli("generate", "-w", mini_ws.root, "--template", "appeal-en", "--format", "pdf")
    with ContactLog.open(mini_ws.root / "campaign.db") as log:
        assert {e.by for e in log.events()} == {"Anna K."}


def test_statuses_follow_the_case_id_even_when_the_case_file_is_named_otherwise(mini_ws, cli):
    """The log records the case's own id; campaign.yaml names the case file."""
    case = mini_ws.root / "cases" / "test-case.yaml"
    case.write_text(
        case.read_text(encoding="utf-8").replace("id: test-case", "id: akhmetova", 1), encoding="utf-8"
    )
    cli("generate", "-w", mini_ws.root, "--template", "appeal-en", "--format", "pdf")
    listed = cli("recipients", "list", "-w", mini_ws.root, "--query", "status:drafted")
    assert "Šimečka" in listed.out and "2 recipient(s)" in listed.out


def test_an_uncertain_email_found_in_the_sent_folder_is_marked_sent_by_hand(mini_ws, cli):
    """A send cut off while the server had the message leaves it uncertain; whoever finds it
    in their Sent folder says so, and it is sent (a follow-up falls due as for any letter),
    instead of having to risk --resend-uncertain. Any other e-mail is recorded by send."""
    cid = history(mini_ws.root, "mep-1", "appeal-en", ("drafted", 20), ("sending", 20))
    history(mini_ws.root, "mep-2", "appeal-en", ("drafted", 20))
    before = cli("log", "status", "-w", mini_ws.root)
    assert "uncertain" in next(line for line in before.out.splitlines() if line.startswith("mep-1"))
    marked = cli("log", "mark", "mep-1", "--status", "sent", "--channel", "email", "-w", mini_ws.root)
    assert marked.code == 0, marked.err
    with ContactLog.open(mini_ws.root / "campaign.db") as log:
        assert [e.kind for e in log.events(cid)] == ["drafted", "sending", "sent"]
    after = cli("log", "status", "-w", mini_ws.root)
    row = next(line for line in after.out.splitlines() if line.startswith("mep-1"))
    assert row.split()[3] == "sent" and "no reply 14 days after the letter of" in row, after.out
    drafted = cli("log", "mark", "mep-2", "--status", "sent", "--channel", "email", "-w", mini_ws.root)
    assert drafted.code == 1
    assert "only an uncertain e-mail can be marked as sent by hand (this letter is drafted)" in drafted.err


def test_a_damaged_log_is_said_once_by_check(tmp_path, cli):
    """Three of the example's templates read the log for their audience: a damaged
    campaign.db was the same error three times over."""
    ws_dir = tmp_path / "example"
    assert cli("init", ws_dir).code == 0
    (ws_dir / "campaign.db").write_bytes(b"not a database, " * 4096)
    result = cli("check", "-w", ws_dir)
    assert result.code == 1
    errors = [line for line in result.err.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "campaign.db is not a contact log or is damaged" in errors[0], errors


def test_letters_written_beside_a_damaged_log_are_said_to_be_kept_but_not_recorded(tmp_path, cli):
    """generate wrote the letter, then said only that campaign.db was damaged: whether the
    letter existed, and whether it counted as drafted, was left to guess."""
    ws_dir = tmp_path / "example"
    assert cli("init", ws_dir).code == 0
    (ws_dir / "campaign.db").write_bytes(b"not a database, " * 4096)
    result = cli("generate", "-w", ws_dir, "-t", "mep-appeal-en", "-q", "id:mep-197840", "--format", "pdf")
    assert result.code == 1 and "Traceback" not in result.err
    assert "the letters written so far are kept, but they could not be recorded as drafts" in result.err
    assert "campaign.db is not a contact log or is damaged" in result.err
    assert list((ws_dir / "out" / "mep-appeal-en").glob("mep-197840_*.pdf"))
