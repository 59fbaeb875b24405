"""The "further information" letter: `updates` holds what happened since each recipient's
last letter on the case, read from the contact log after a real send.

What a campaigner checks: after the appeal went out, a new decision and a new fact appear
in the further-information letter; `check` says how many would receive it and what is new
for them; someone written to again since has nothing new and is named; and the letter
that went out stays the letter that went out.
"""

from __future__ import annotations

import datetime as dt

import time_machine
from log_helpers import history
from pypdf import PdfReader
from smtp_server import use_server

FURTHER = """\
---
id: further-en
title: Further information
language: en
audience: status:sent
subject: "Further information on {{ case.person.name }}"
---
Since our last letter:

{% for u in updates %}
- **{{ format_date(u.date) }}** ({{ u.kind }}): {{ u.text }}{{ cite(*u.sources) }}
{% endfor %}
"""

NEWS = """\
  - id: extradition-decision
    date: {day}
    kind: decision
    text: {{en: The Prosecutor General decided to extradite her., uk: Генпрокурор ухвалив рішення про видачу.}}
    sources: [brief]
"""
NEW_FACT = """\
  - id: detained
    as_of: {day}
    text: {{en: She is held in extradition detention., uk: Вона перебуває під екстрадиційним арештом.}}
    sources: [brief]
"""


def add_news(mini_ws, day: dt.date) -> None:
    path = mini_ws.root / "cases" / "test-case.yaml"
    text = path.read_text().replace("facts:\n", NEWS.format(day=day) + "facts:\n" + NEW_FACT.format(day=day))
    path.write_text(text)


def appeal_sent_then_news(mini_ws, cli, server, days: int = 1) -> dt.date:
    """The appeal sent to both MEPs today, the further-information template written, and
    news (a decision, a fact) ``days`` later; returns today."""
    use_server(mini_ws, server)
    mini_ws.write("letter_templates/further-en.md", FURTHER)
    assert cli("send", "-w", mini_ws.root, "--template", "appeal-en", "--yes").code == 0
    today = dt.date.today()
    add_news(mini_ws, today + dt.timedelta(days=days))
    return today


def noon(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(12), dt.UTC)


def pdf_text(path) -> str:
    return " ".join(page.extract_text() for page in PdfReader(path).pages)


def test_updates_after_a_real_send_per_recipient(mini_ws, cli, server):
    use_server(mini_ws, server)
    mini_ws.write("letter_templates/further-en.md", FURTHER)
    sent = cli("send", "-w", mini_ws.root, "--template", "appeal-en", "--yes")
    assert sent.code == 0 and "2 sent" in sent.out, sent.err + sent.out
    today = dt.date.today()
    news_day = today + dt.timedelta(days=2)
    add_news(mini_ws, news_day)
    later = dt.datetime.combine(today + dt.timedelta(days=3), dt.time(12), dt.UTC)
    with time_machine.travel(later, tick=False):
        history(mini_ws.root, "mep-2", "thank-en", ("drafted", 0), ("sent", 0))  # written to again today
        check = cli("check", "-w", mini_ws.root)
        generated = cli("generate", "-w", mini_ws.root, "--template", "further-en", "--format", "pdf")
    assert check.code == 0, check.err
    assert (
        f"ok: template 'further-en' (updates): 1 of 2 recipients would receive news; new for them: "
        f"decision on {news_day} ('extradition-decision') for 1; fact 'detained' (as of {news_day}) for 1"
    ) in check.out
    assert "warning: template 'further-en': 1 recipient has nothing new since their last letter: mep-2" in (
        check.out
    )
    assert generated.code == 0, generated.err
    out = mini_ws.root / "out" / "further-en"
    simecka = pdf_text(next(out.glob("mep-1_*.pdf")))
    assert "The Prosecutor General decided to extradite her." in simecka
    assert "She is held in extradition detention." in simecka and "(decision)" in simecka
    assert "Supreme Court" not in simecka  # dated before the appeal went out: not news
    rasa = pdf_text(next(out.glob("mep-2_*.pdf")))
    assert "extradite her" not in rasa and "detention" not in rasa


def test_the_letter_that_went_out_keeps_its_news_when_generated_again(mini_ws, cli, server):
    today = appeal_sent_then_news(mini_ws, cli, server)
    with time_machine.travel(noon(today + dt.timedelta(days=2)), tick=False):
        history(mini_ws.root, "mep-1", "further-en", ("drafted", 0), ("sent", 0))  # the news went out
        cli("generate", "-w", mini_ws.root, "--template", "further-en", "--format", "pdf")
    text = pdf_text(next((mini_ws.root / "out" / "further-en").glob("mep-1_*.pdf")))
    assert "The Prosecutor General decided to extradite her." in text


def test_a_letter_sent_since_makes_the_news_letter_new(mini_ws, cli, server):
    """The news are counted from each recipient's last letter: one written to again after
    the news were drafted into their further-information letter has nothing new now, and
    that letter is made again, not taken as current (it would tell them old news)."""
    today = appeal_sent_then_news(mini_ws, cli, server)
    out = mini_ws.root / "out" / "further-en"
    with time_machine.travel(noon(today + dt.timedelta(days=2)), tick=False):
        cli("generate", "-w", mini_ws.root, "--template", "further-en", "--format", "pdf")
    assert "extradite her" in pdf_text(next(out.glob("mep-2_*.pdf")))
    with time_machine.travel(noon(today + dt.timedelta(days=3)), tick=False):
        history(mini_ws.root, "mep-2", "thank-en", ("drafted", 0), ("sent", 0))  # told since the news
        again = cli("generate", "-w", mini_ws.root, "--template", "further-en", "--format", "pdf")
    assert "1 letter(s) written (1 file(s))" in again.out, again.out
    assert "extradite her" not in pdf_text(next(out.glob("mep-2_*.pdf")))
    assert "extradite her" in pdf_text(next(out.glob("mep-1_*.pdf")))


COMING = """\
  - id: appeal-hearing
    date: {day}
    kind: hearing
    text: {{en: The court of appeal will hear her case., uk: Апеляційний суд розгляне її справу.}}
    sources: [brief]
"""


def test_an_event_still_to_come_is_not_news_of_what_happened(mini_ws, cli, server):
    """A hearing set for next week is not "what has happened since our last letter": the
    letter and check's count leave it out, until its day has passed."""
    today = appeal_sent_then_news(mini_ws, cli, server)
    path = mini_ws.root / "cases" / "test-case.yaml"
    hearing = today + dt.timedelta(days=10)
    path.write_text(path.read_text().replace("timeline:\n", "timeline:\n" + COMING.format(day=hearing)))
    with time_machine.travel(noon(today + dt.timedelta(days=2)), tick=False):
        check = cli("check", "-w", mini_ws.root)
        cli("generate", "-w", mini_ws.root, "--template", "further-en", "--format", "pdf")
    assert check.code == 0, check.err
    assert "extradition-decision" in check.out and "appeal-hearing" not in check.out
    text = pdf_text(next((mini_ws.root / "out" / "further-en").glob("mep-1_*.pdf")))
    assert "The Prosecutor General decided to extradite her." in text
    assert "court of appeal" not in text
    after = dt.datetime.combine(hearing + dt.timedelta(days=1), dt.time(12), dt.UTC)
    with time_machine.travel(after, tick=False):
        check = cli("check", "-w", mini_ws.root)
    assert f"hearing on {hearing} ('appeal-hearing')" in check.out, check.out


def test_sending_the_further_information_letter_tells_each_recipient_their_news(mini_ws, cli, server):
    from smtp_server import parsed

    use_server(mini_ws, server)
    mini_ws.write("letter_templates/further-en.md", FURTHER)
    assert cli("send", "-w", mini_ws.root, "--template", "appeal-en", "--yes").code == 0
    add_news(mini_ws, dt.date.today() + dt.timedelta(days=1))
    later = dt.datetime.combine(dt.date.today() + dt.timedelta(days=2), dt.time(12), dt.UTC)
    with time_machine.travel(later, tick=False):
        result = cli("send", "-w", mini_ws.root, "--template", "further-en", "--yes")
    assert result.code == 0 and "2 sent" in result.out, result.err + result.out
    bodies = [
        " ".join(parsed(m).get_body(preferencelist=("plain",)).get_content().split())
        for m in server.messages
        if "Further information" in parsed(m)["Subject"]
    ]
    assert len(bodies) == 2
    assert all("The Prosecutor General decided to extradite her." in b for b in bodies), bodies


def test_a_large_batch_writes_each_recipients_news_from_the_plans_one_reading_of_the_log(
    mini_ws, cli, server
):
    """The log is read once, when the batch is planned: the processes writing the letters
    never open it (a team's log may need a password they do not have). Taken away after
    planning, it is not missed, and each letter still holds only that recipient's news."""
    from campaign_app.core.campaign.batch_run import run_batch
    from campaign_app.core.campaign.generate import POOL_THRESHOLD, plan_batch
    from campaign_app.core.campaign.workspace import Workspace

    use_server(mini_ws, server, extra_meps=POOL_THRESHOLD)
    mini_ws.write("letter_templates/further-en.md", FURTHER)
    sent = cli("send", "-w", mini_ws.root, "--template", "appeal-en", "--yes")
    assert sent.code == 0, sent.err + sent.out
    news_day = dt.date.today() + dt.timedelta(days=1)
    add_news(mini_ws, news_day)
    ws = Workspace(mini_ws.root)
    out = mini_ws.root / "out"
    plan = plan_batch(ws, "further-en", ("pdf",), out)
    assert len(plan.jobs) == POOL_THRESHOLD + 2
    (mini_ws.root / "campaign.db").rename(mini_ws.root / "elsewhere.db")
    result = run_batch(ws, plan, workers=2, today=news_day + dt.timedelta(days=1), by="tester")
    assert result.workers == 2 and result.letters_written == POOL_THRESHOLD + 2 and not result.failed
    for pdf in (out / "further-en").glob("*.pdf"):
        text = pdf_text(pdf)
        assert "The Prosecutor General decided to extradite her." in text, pdf.name
        assert "Supreme Court" not in text, pdf.name  # before the appeal went out: not news
