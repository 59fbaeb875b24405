"""Benchmark: send N letters, each with its one-page PDF, through SmtpSession to a loopback server.

The server is the tests' aiosmtpd server (tests/smtp_server.py) on 127.0.0.1 with STARTTLS
and AUTH, running in this process; the client verifies its certificate as it would a
provider's. Each letter is rendered for its own recipient and built into its own e-mail
(text, HTML alternative, PDF attached); the PDF is typeset once and its bytes reused,
since typesetting is ``bench_generate.py``'s subject. The rate limit is set high enough
not to throttle. Prints wall time for building and for sending, messages per second, and
the connections used.

Then the whole ``campaign-app send`` path (``sending.run_send``) on a fresh copy of the
workspace: letters generated first (timed apart: that is bench_generate's subject), then
each message rendered, built with its own PDF from the output folder, recorded as
sending and sent in the contact log (two committed transactions per letter), and sent.
Target: 500 messages in <= 15 s. Usage:

    python bench/bench_send.py --messages 500
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import logging
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the test SMTP server

from bench_generate import make_workspace  # noqa: E402
from pypdf import PdfReader  # noqa: E402
from smtp_server import SmtpTestServer  # noqa: E402

from campaign_app.core.campaign.generate import select_recipients  # noqa: E402
from campaign_app.core.letters.email.message import Attachment, build_message  # noqa: E402
from campaign_app.core.letters.pdf.writer import pdf_bytes  # noqa: E402
from campaign_app.core.letters.render import render_letter  # noqa: E402
from campaign_app.core.mail.smtp import SmtpSession  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--messages", type=int, default=500)
    args = parser.parse_args()
    logging.getLogger("mail.log").setLevel(logging.ERROR)  # aiosmtpd's notices about itself

    tmp = Path(tempfile.mkdtemp(prefix="campaign-bench-send-"))
    server = SmtpTestServer(tmp, "starttls").start()
    try:
        ws = make_workspace(tmp / "ws", args.messages)
        template = ws.template("bench-one-page")
        recipients = select_recipients(ws, "bench-one-page", None)
        today = dt.date.today()
        pdf = pdf_bytes(render_letter(template, recipients[0], ws.case, ws.campaign, today))
        pages = len(PdfReader(io.BytesIO(pdf)).pages)

        start = time.perf_counter()
        messages = []
        for r in recipients:
            letter = render_letter(template, r, ws.case, ws.campaign, today)
            msg = build_message(
                letter,
                from_address="office@rights.example",
                from_name=letter.author,
                to_address=r.email,
                to_name=r.display_name,
                attachments=[Attachment(f"Appeal - {r.display_name}.pdf", pdf, "application/pdf")],
            )
            messages.append((msg, r.email))
        built = time.perf_counter() - start

        settings = server.settings(rate_per_minute=1_000_000)
        start = time.perf_counter()
        with SmtpSession(settings, server.password, ssl_context=server.ssl_context_for_client()) as smtp:
            deliveries = [smtp.send(msg, settings.from_address, [to]) for msg, to in messages]
        sent = time.perf_counter() - start

        failed = [d for d in deliveries if d.status != "sent"]
        assert not failed, failed[:3]
        assert len(server.messages) == len(messages)
        total = built + sent
        size = sum(len(m.data) for m in server.messages) / len(server.messages)
        print(
            f"messages:           {len(messages)}, PDF {len(pdf) / 1024:.0f} KB ({pages} page), "
            f"message {size / 1024:.0f} KB on the wire"
        )
        print(f"render + build:     {built:.2f} s ({len(messages) / built:.0f} messages/s)")
        print(
            f"send (STARTTLS):    {sent:.2f} s ({len(messages) / sent:.0f} messages/s), "
            f"{smtp.connections} connection(s), server in the same process"
        )
        print(f"total:              {total:.2f} s  (target <= 15 s)")
        pipeline(tmp, server, args.messages)
    finally:
        server.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


def pipeline(tmp: Path, server: SmtpTestServer, count: int) -> None:
    """The send command's own path, contact log included."""
    import os

    from campaign_app.core.campaign.batch_run import run_batch
    from campaign_app.core.campaign.generate import plan_batch
    from campaign_app.core.campaign.send import run_send
    from campaign_app.core.campaign.send_plan import plan_send

    ws = make_workspace(tmp / "ws2", count)
    # A real sender (the example's made-up one never sends); no rate limit worth the name.
    text = ws.campaign_path.read_text(encoding="utf-8").replace("example: true\n", "")
    text += (
        f"smtp:\n  host: {server.host}\n  port: {server.port}\n  username: {server.username}\n"
        "  from: office@rights.example\n  rate_per_minute: 60000\n"
    )
    ws.campaign_path.write_text(text, encoding="utf-8")
    ws.invalidate()
    os.environ["SSL_CERT_FILE"] = str(server.ca_file)
    start = time.perf_counter()
    run_batch(ws, plan_batch(ws, "bench-one-page", ("pdf",), ws.out_dir), by="bench")
    generated = time.perf_counter() - start
    before = len(server.messages)
    start = time.perf_counter()
    plan = plan_send(ws, "bench-one-page")
    result = run_send(ws, plan, server.password, by="bench")
    elapsed = time.perf_counter() - start
    assert result.count("sent") == count, (result.stopped_by, result.outcomes[:3])
    assert len(server.messages) - before == count
    print(f"campaign-app send:  generate {count} PDFs first {generated:.2f} s (not counted)")
    print(
        f"                    send {count}: {elapsed:.2f} s ({count / elapsed:.0f} messages/s) with the "
        f"contact log  (target <= 15 s)"
    )


if __name__ == "__main__":
    sys.exit(main())
