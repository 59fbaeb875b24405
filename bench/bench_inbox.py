"""Benchmark: ``inbox sync`` on a folder of 10,000 messages holding 500 answers, on loopback.

The server is the tests' private Dovecot (tests/imap_server.py) over implicit TLS on
127.0.0.1, its certificate verified. The workspace has N letters recorded as sent by
e-mail, each with its Message-ID; the folder holds, in arrival order, unrelated mail
mixed with the answers: replies naming the letter (In-Reply-To), replies by address with
"Re:" only (found through the letter's subject, which is rendered for them), out-of-office
answers (Auto-Submitted), Postfix bounces (RFC 3464), and messages from recipients about
something else. Times the first sync (everything new: headers of all, bodies of the
candidates) and a second sync with nothing new. Targets: <= 20 s and <= 1 s.

    python bench/bench_inbox.py --messages 10000 --answers 500
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import ssl
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the test IMAP server and the answers' shapes

import inbox_messages as shapes  # noqa: E402
from bench_generate import make_workspace  # noqa: E402
from imap_server import DovecotServer  # noqa: E402

from campaign_app.core.campaign.inbox_sync import sync_inbox  # noqa: E402
from campaign_app.core.outreach.records import NewContact, contact_id  # noqa: E402

TEMPLATE, SUBJECT = "bench-one-page", "Urgent: stop the extradition of Zhanara Akhmetova"


def record_sent(ws, letters: int) -> dict[str, object]:
    """N letters recorded as sent by e-mail; returns each one's e-mail (as built for the shapes)."""
    case = ws.case.id
    sent = {}
    drafts = []
    for i in range(letters):
        address = f"member{i}@example.org"
        drafts.append(
            NewContact(f"bench-{i:05d}", f"Given{i} Family{i}", "mep", case, TEMPLATE, "en", "email", address)
        )
        sent[address] = shapes.letter(address, SUBJECT)
    with ws.open_log() as log:
        log.record_drafts(drafts, by="bench")
        for i, letter in enumerate(sent.values()):
            cid = contact_id(f"bench-{i:05d}", case, TEMPLATE)
            log.add_event(cid, "sent", "bench", "250 Ok", "email", message_id=letter["Message-ID"])
    return sent


def mailbox(sent: dict, total: int, answers: int) -> list[bytes]:
    """``total`` messages, ``answers`` of them answers spread evenly through the folder."""
    letters = list(sent.values())
    kinds = (
        shapes.reply,
        lambda x: shapes.reply_by_address(x, "Re:"),
        shapes.out_of_office,
        shapes.bounce,
    )
    answer_at = {round(k * total / answers): k for k in range(answers)}
    messages = []
    for n in range(total):
        if n in answer_at:
            k = answer_at[n]
            weights = 0 if k % 10 < 7 else 1 if k % 10 < 8 else 2 if k % 10 < 9 else 3  # 70/10/10/10 %
            messages.append(kinds[weights](letters[k % len(letters)]))
        elif n % 100 == 1:  # a recipient writing about something else: fetched whole, matches nothing
            messages.append(shapes.unrelated(sender=f"member{n % len(letters)}@example.org"))
        else:
            messages.append(shapes.unrelated(sender=f"list{n % 37}@lists.example"))
    return messages


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--answers", type=int, default=500)
    parser.add_argument("--letters", type=int, default=600)
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="campaign-bench-inbox-"))
    server = DovecotServer().start()
    try:
        ws = make_workspace(tmp / "ws", args.letters)
        with (ws.root / "campaign.yaml").open("a", encoding="utf-8") as fh:
            fh.write(server.settings_yaml())
        sent = record_sent(ws, args.letters)
        start = time.perf_counter()
        server.deliver_many(mailbox(sent, args.messages, args.answers))
        filled = time.perf_counter() - start
        context = ssl.create_default_context()
        server.ca.configure_trust(context)

        start = time.perf_counter()
        first = sync_inbox(ws, server.password, context=context, by="bench")
        first_s = time.perf_counter() - start
        start = time.perf_counter()
        second = sync_inbox(ws, server.password, context=context, by="bench")
        second_s = time.perf_counter() - start
    finally:
        server.stop()
        shutil.rmtree(tmp, ignore_errors=True)

    kinds = {k: sum(1 for r in first.recorded if r.kind == k) for k in ("replied", "auto-reply", "bounced")}
    print(
        f"folder: {args.messages:,} messages ({args.answers} answers) written in {filled:.1f} s; "
        f"{args.letters} letters sent"
    )
    print(
        f"first sync : {first_s:6.2f} s (target <= 20 s)  read {first.new_messages:,}, recorded "
        f"{len(first.recorded)}: {kinds}"
    )
    print(
        f"second sync: {second_s:6.2f} s (target <= 1 s)   read {second.new_messages}, recorded "
        f"{len(second.recorded)}"
    )
    ok = first_s <= 20 and second_s <= 1 and len(first.recorded) == args.answers and not second.recorded
    print("within targets" if ok else "NOT within targets (or not every answer recorded)")
    print(f"({dt.datetime.now():%Y-%m-%d %H:%M}, {sys.platform}, Python {sys.version.split()[0]})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
