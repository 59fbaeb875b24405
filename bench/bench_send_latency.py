"""Benchmark: ``campaign-app send``'s path over slow links, as a team sends.

A team's contact log is a database across a network and a real mail server is another
computer: each claim waits for the database, and MAIL and RCPT wait for the server. The
send commits each letter's claim while the server is told the envelope (MAIL, RCPT) and
sends the message only once the claim is on record (core/campaign/send_loop.py); this
bench shows what that overlap is worth. The log's claim is made ``--claim-ms`` slower (a
sleep before it: the database's round trips) and the bench's SMTP server (tests/
smtp_server.py, in this process) answers MAIL and RCPT ``--server-ms`` later each; the
same workspace as ``bench_send.py`` (its PDFs generated first, not timed) is sent
``--rounds`` times, each a fresh copy. Prints milliseconds a letter. No target of its own:
compare two commits (run from a folder outside both, each on ``PYTHONPATH``).

Usage:  python bench/bench_send_latency.py [--letters 200] [--claim-ms 4] [--server-ms 3] [--rounds 3]
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the test SMTP server


def slow_links(claim_ms: float, server_ms: float) -> None:
    """The database and the mail server moved a network away (in this process only)."""
    from smtp_server import _Handler

    from campaign_app.core.outreach.log import ContactLog

    mail, rcpt, claim = _Handler.handle_MAIL, _Handler.handle_RCPT, ContactLog.claim

    async def slow_mail(self, *args):
        await asyncio.sleep(server_ms / 1000)
        return await mail(self, *args)

    async def slow_rcpt(self, *args):
        await asyncio.sleep(server_ms / 1000)
        return await rcpt(self, *args)

    def slow_claim(self, *args, **kwargs):
        time.sleep(claim_ms / 1000)
        return claim(self, *args, **kwargs)

    _Handler.handle_MAIL, _Handler.handle_RCPT = slow_mail, slow_rcpt
    ContactLog.claim = slow_claim


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=200)
    parser.add_argument("--claim-ms", type=float, default=4.0)
    parser.add_argument("--server-ms", type=float, default=3.0)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    logging.getLogger("mail.log").setLevel(logging.ERROR)  # aiosmtpd's notices about itself
    from bench_send import ours, sending_workspace
    from smtp_server import SmtpTestServer

    slow_links(args.claim_ms, args.server_ms)
    tmp = Path(tempfile.mkdtemp(prefix="campaign-bench-latency-"))
    server = SmtpTestServer(tmp, "starttls").start()
    try:
        ws = sending_workspace(tmp, server, args.letters)
        os.environ["SSL_CERT_FILE"] = str(server.ca_file)
        per_letter = []
        for n in range(args.rounds):
            wall, _cpu, _sink = ours(ws.root, tmp / "ws-round", server, args.letters)
            per_letter.append(1000 * wall / args.letters)
            print(f"round {n + 1}: {args.letters} letters in {wall:.2f} s, {per_letter[-1]:.1f} ms a letter")
        print(
            f"claims {args.claim_ms:g} ms slower, MAIL and RCPT {args.server_ms:g} ms each: "
            f"median {statistics.median(per_letter):.1f} ms a letter (load {os.getloadavg()[0]:.1f})"
        )
    finally:
        server.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
