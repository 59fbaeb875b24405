"""A letter as an e-mail: what the official's mail program shows, in any script."""

from __future__ import annotations

import datetime as dt
import email
import random
from email import policy
from email.header import decode_header, make_header

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.common.errors import UserError
from campaign_app.core.letters.email.message import Attachment, build_message, message_bytes, write_eml
from campaign_app.core.letters.render import render_letter

PDF = b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"


@pytest.fixture
def letter_uk(mini_ws):
    ws = Workspace(mini_ws.root)
    return render_letter(
        ws.template("appeal-uk"),
        ws.directory.get("ua-president"),
        ws.case,
        ws.campaign,
        dt.date(2026, 11, 24),
    )


@pytest.fixture
def letter_en(mini_ws):
    ws = Workspace(mini_ws.root)
    return render_letter(
        ws.template("appeal-en"), ws.directory.get("mep-2"), ws.case, ws.campaign, dt.date(2026, 11, 24)
    )


def parse(raw: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(raw, policy=policy.default)


def shown(raw: bytes, header: str) -> str:
    """A header as a mail client shows it: RFC 2047 words decoded, adjacent words joined.

    (Python's own address parser puts a space where a long name was split into two
    encoded words, CPython gh-128110, so the display names are checked this way.)"""
    value = email.message_from_bytes(raw, policy=policy.compat32)[header]
    return str(make_header(decode_header(value)))


def build(letter, **changes):
    args = dict(
        from_address="office@rights.example",
        from_name="Правозахисники „Свобода“",
        to_address="president@gov.ua",
        to_name="Володимир Зеленський",
        attachments=[Attachment("Звернення — Зеленський.pdf", PDF, "application/pdf")],
    )
    args.update(changes)
    return build_message(letter, **args)


def test_cyrillic_headers_survive_the_round_trip(letter_uk) -> None:
    raw = message_bytes(build(letter_uk, reply_to="replies@rights.example"))
    assert raw.isascii()  # every header word and body is encoded: no 8-bit on the wire
    got = parse(raw)
    assert got["Subject"] == "Щодо екстрадиції Жанари Ахметової"
    assert shown(raw, "From") == "Правозахисники „Свобода“ <office@rights.example>"
    assert got["From"].addresses[0].addr_spec == "office@rights.example"
    assert shown(raw, "To") == "Володимир Зеленський <president@gov.ua>"
    assert got["To"].addresses[0].addr_spec == "president@gov.ua"
    assert got["Reply-To"].addresses[0].addr_spec == "replies@rights.example"
    assert got["Content-Language"] == "uk"


def test_diacritics_and_punctuation_in_a_display_name(letter_en) -> None:
    got = parse(message_bytes(build(letter_en, to_name="Juknevičienė, Rasa (MEP)", to_address="rasa@ep.eu")))
    assert got["To"].addresses[0].display_name == "Juknevičienė, Rasa (MEP)"
    assert got["To"].addresses[0].addr_spec == "rasa@ep.eu"


def test_international_domain_is_sent_in_ascii(letter_en) -> None:
    got = parse(message_bytes(build(letter_en, to_address="info@bücher.example")))
    assert got["To"].addresses[0].addr_spec == "info@xn--bcher-kva.example"


def test_non_latin_mailbox_name_is_refused_with_a_hint(letter_en) -> None:
    with pytest.raises(UserError, match="before the @"):
        build(letter_en, to_address="пан@gov.ua")


def test_plain_text_and_html_carry_the_letter(letter_en) -> None:
    got = parse(message_bytes(build(letter_en)))
    plain = got.get_body(("plain",)).get_content()
    assert "Dear Ms Juknevičienė," in plain
    assert "We write about Zhanara Akhmetova, who faces extradition." in plain
    assert "Stop the extradition." in plain
    html = got.get_body(("html",)).get_content()
    assert "<b>Zhanara Akhmetova</b>" in html
    assert html.lstrip().startswith("<!DOCTYPE html>")
    assert got.get_content_type() == "multipart/mixed"
    assert [p.get_content_type() for p in got.walk()] == [
        "multipart/mixed",
        "multipart/alternative",
        "text/plain",
        "text/html",
        "application/pdf",
    ]


def test_attachment_arrives_identical_with_its_name(letter_uk) -> None:
    docx = b"PK\x03\x04" + bytes(reversed(range(256))) * 10
    msg = build(
        letter_uk,
        attachments=[
            Attachment("Звернення — Зеленський.pdf", PDF, "application/pdf"),
            Attachment(
                "Звернення.docx",
                docx,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ),
        ],
    )
    parts = list(parse(message_bytes(msg)).iter_attachments())
    assert [p.get_filename() for p in parts] == ["Звернення — Зеленський.pdf", "Звернення.docx"]
    assert parts[0].get_content() == PDF
    assert parts[0].get_content_type() == "application/pdf"
    assert parts[1].get_content() == docx


def test_date_and_message_id(letter_en) -> None:
    when = dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    got = parse(message_bytes(build(letter_en, date=when)))
    assert got["Date"].datetime == when
    assert got["Message-ID"].startswith("<") and got["Message-ID"].endswith("@rights.example>")
    again = parse(message_bytes(build(letter_en)))
    assert again["Message-ID"] != got["Message-ID"]
    assert again["Date"].datetime.tzinfo is not None
    fixed = parse(message_bytes(build(letter_en, message_id="<abc@rights.example>")))
    assert fixed["Message-ID"] == "<abc@rights.example>"


def test_wire_format_is_crlf_with_short_lines(letter_uk) -> None:
    raw = message_bytes(build(letter_uk))
    lines = raw.split(b"\r\n")
    assert b"\n" not in b"".join(lines)
    assert max(len(line) for line in lines) <= 78
    assert raw.count(b"MIME-Version") == 1


def test_eml_file_is_the_message(letter_uk, tmp_path) -> None:
    msg = build(letter_uk)
    target = tmp_path / "letter.eml"
    write_eml(msg, target)
    assert target.read_bytes() == message_bytes(msg)
    assert parse(target.read_bytes())["Subject"] == "Щодо екстрадиції Жанари Ахметової"


def _plain_attach(msg, attachment) -> None:
    """The standard library's own way of attaching a file (what message._attach replaces)."""
    maintype, _, subtype = attachment.mime_type.partition("/")
    msg.add_attachment(attachment.data, maintype=maintype, subtype=subtype, filename=attachment.filename)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.binary(max_size=3000),
    filename=st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40),
    to_name=st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=60),
    seed=st.integers(0, 2**32),
)
def test_fast_message_is_the_standard_librarys_byte_for_byte(
    letter_uk, letter_en, data, filename, to_name, seed
) -> None:
    """The faster building (header classes made once, base64 in one call, bodies written in
    one piece) gives the very bytes that the standard library's own steps give."""
    from email.generator import BytesGenerator

    from campaign_app.core.letters.email import message

    def made(letter) -> bytes:
        random.seed(seed)  # the MIME boundaries
        msg = build(
            letter,
            to_name=to_name,
            attachments=[Attachment(filename, data, "application/pdf"), Attachment("b.docx", PDF, "x/y")],
            date=dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.UTC),
            message_id="<fixed@rights.example>",
        )
        return message.message_bytes(msg)

    for letter in (letter_uk, letter_en):
        fast = made(letter)
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(message, "MAIL_POLICY", policy.SMTP.clone(cte_type="7bit"))
            mp.setattr(message, "_Generator", BytesGenerator)
            mp.setattr(message, "_attach", _plain_attach)
            plain = made(letter)
        assert fast == plain
        assert fast.isascii()


@pytest.mark.parametrize("where", ["line", "inside", "absent"])
def test_a_body_line_equal_to_the_boundary_does_not_end_the_part(where) -> None:
    """A text holding the boundary drawn for its message gets the next one (the standard
    library's check misses it with CRLF line ends, and the part ended at that line); a text
    without it gets the standard library's very bytes."""
    from email.generator import BytesGenerator
    from email.message import EmailMessage

    from campaign_app.core.letters.email import message

    random.seed(7)
    drawn = BytesGenerator._make_boundary()
    line = {"line": f"--{drawn}", "inside": f"see --{drawn} here", "absent": "nothing"}[where]
    text = f"first line\n{line}\nlast line\n"

    def made(generator) -> bytes:
        msg = EmailMessage(policy=message.MAIL_POLICY)
        msg["Subject"] = "boundary"
        msg.set_content(text)
        msg.add_alternative("<p>the same</p>", subtype="html")
        random.seed(7)
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(message, "_Generator", generator)
            return message.message_bytes(msg)

    sent = made(message._Generator)
    if where == "absent":
        assert sent == made(BytesGenerator)
    received = email.message_from_bytes(sent, policy=policy.default)
    parts = list(received.iter_parts())
    assert [p.get_content_type() for p in parts] == ["text/plain", "text/html"]
    assert parts[0].get_content().replace("\r\n", "\n") == text
    assert received.get_boundary() == (drawn if where == "absent" else f"{drawn}.0")
