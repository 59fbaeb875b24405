"""Writing campaign.yaml back after the Settings tab edited it.

campaign.yaml is a file people also edit by hand: it has comments, an order they chose,
the other language's texts and keys this version does not know. So saving does not dump
a fresh file: it reads the file as it is on disk now (ruamel's round-trip tree), changes
only the values the user changed in the form (the difference between the form as loaded
and the form as it is), checks the result with the same loader the command line uses, and
only then replaces the file atomically. On any problem nothing is written.

The form is plain data (:class:`CampaignForm`), so the desktop app stays a thin shell
and the same code is tested without Qt. A text that campaign.yaml keeps per language
(``{en: …, uk: …}``) is a ``dict`` in the form, one that it keeps once a ``str``; the
shape is kept on save.

What each key means, its default and its check are declared with the loader
(core/campaign/settings.py, and core/mail/settings.py for the smtp section); the form
uses the same checks, so a field says what ``campaign-app check`` would say.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    ScalarString,
)

from campaign_app.core.campaign.settings import check_campaign_text
from campaign_app.core.campaign.settings_options import DEFAULTS
from campaign_app.core.common.atomic import atomic_write_bytes
from campaign_app.core.common.errors import Location, UserError
from campaign_app.core.common.i18n import _
from campaign_app.core.common.limits import FOLLOW_UP_DAYS_MAX, RATE_PER_MINUTE_MAX
from campaign_app.core.common.localized import is_localized_map
from campaign_app.core.common.numbers import whole_number
from campaign_app.core.common.textfiles import read_text
from campaign_app.core.common.yamlio import dump_yaml, load_yaml_text, put_in_order
from campaign_app.core.letters.document import Letterhead
from campaign_app.core.letters.sender import compose_letterhead
from campaign_app.core.mail.settings import ASK_PASSWORD, DEFAULT_RATE_PER_MINUTE, SMTP_ORDER, check_port
from campaign_app.core.outreach.location import password_hidden

Text = str | dict[str, str]  # one text for every language, or one per language

DEFAULT_FOLLOW_UP_DAYS: int = DEFAULTS["follow_up_days"]
ASK = ASK_PASSWORD

# Where a key goes when the form adds it: after the keys that precede it here.
TOP_ORDER = ("example", "name", "case", "default_language", "follow_up_days", "paper", "sender")
SENDER_ORDER = ("organisation", "address", "city", "email", "phone", "website", "logo")
SIGNATORY_ORDER = ("name", "role", "signature_image")


# ---- the form ------------------------------------------------------------------------


@dataclass(frozen=True)
class SignatoryForm:
    name: Text
    role: Text = ""
    origin: int | None = None  # position in campaign.yaml's list when loaded; None = added
    signature_image: str = ""  # a PNG or JPEG in the campaign folder, set above the name


@dataclass(frozen=True)
class SmtpForm:
    """The SMTP section as the form shows it; "" means absent (the default applies)."""

    host: str = ""
    port: str = ""  # as typed; "" = the default for the security mode
    security: str = "starttls"
    username: str = ""
    from_address: str = ""
    reply_to: str = ""
    rate_per_minute: int | None = DEFAULT_RATE_PER_MINUTE  # None: the file's value is invalid
    ask_password: bool = False


@dataclass(frozen=True)
class CampaignForm:
    """Everything the Settings tab edits, as loaded from (or to be saved to) campaign.yaml."""

    languages: tuple[str, ...]
    organisation: Text
    address: Text
    city: Text
    email: str = ""
    phone: str = ""
    website: str = ""
    signatories: tuple[SignatoryForm, ...] = ()
    logo: str = ""  # the letterhead logo: a PNG or JPEG in the campaign folder
    paper: str = DEFAULTS["paper"]
    follow_up_days: int | None = DEFAULT_FOLLOW_UP_DAYS  # None: the file's value is invalid
    default_language: str = DEFAULTS["default_language"]
    smtp: SmtpForm = field(default_factory=SmtpForm)
    example: bool = False  # the bundled example's made-up sender: letters are never sent
    log_database: str = ""  # a team's shared log (a PostgreSQL URL); empty: campaign.db


def text_in(value: Text, language: str, fallback: str | None = None) -> str:
    """The form's text for one language (a shared text serves every language); an empty
    one falls back to ``fallback``'s, as letters do (localized.pick)."""
    if isinstance(value, str):
        return value
    return value.get(language) or (value.get(fallback, "") if fallback else "")


# ---- reading the form ----------------------------------------------------------------


def _languages(data: Mapping) -> tuple[str, ...]:
    """Every language campaign.yaml gives texts in, in the order they first appear."""
    found: list[str] = []

    def note(value: Any) -> None:
        if is_localized_map(value):
            found.extend(str(k) for k in value if str(k) not in found)

    note(data.get("name"))
    sender = data.get("sender")
    if isinstance(sender, Mapping):
        for key in ("organisation", "address", "city"):
            note(sender.get(key))
    signatories = data.get("signatories")
    if isinstance(signatories, list):
        for s in signatories:
            if isinstance(s, Mapping):
                note(s.get("name"))
                note(s.get("role"))
    default = str(data.get("default_language") or "en")
    if default not in found:
        found.append(default)
    return tuple(found)


def _text(value: Any, languages: tuple[str, ...]) -> Text:
    if is_localized_map(value):
        return {lang: "" if value.get(lang) is None else str(value.get(lang)) for lang in languages}
    if value is None or value == "":
        return dict.fromkeys(languages, "") if len(languages) > 1 else ""
    return str(value)


def _plain(value: Any) -> str:
    return "" if value is None else str(value)


def form_from_data(data: Any, path: Path) -> CampaignForm:
    """The form's values from a loaded campaign.yaml tree (lenient: save validates)."""
    if not isinstance(data, Mapping):
        raise UserError(
            _("campaign.yaml must be a mapping of keys"), Location.of(path, 1), _("start with 'name: …'")
        )
    languages = _languages(data)
    raw_sender = data.get("sender")
    sender: Mapping[str, Any] = raw_sender if isinstance(raw_sender, Mapping) else {}
    signatories = []
    raw = data.get("signatories")
    for i, s in enumerate(raw if isinstance(raw, list) else []):
        if isinstance(s, Mapping):
            signatories.append(
                SignatoryForm(
                    _text(s.get("name"), languages),
                    _text(s.get("role"), languages),
                    i,
                    _plain(s.get("signature_image")),
                )
            )
    follow = _valid(data.get("follow_up_days", DEFAULT_FOLLOW_UP_DAYS), FOLLOW_UP_DAYS_MAX)
    return CampaignForm(
        languages=languages,
        organisation=_text(sender.get("organisation"), languages),
        address=_text(sender.get("address"), languages),
        city=_text(sender.get("city"), languages),
        email=_plain(sender.get("email")),
        phone=_plain(sender.get("phone")),
        website=_plain(sender.get("website")),
        signatories=tuple(signatories),
        logo=_plain(sender.get("logo")),
        paper=_plain(data.get("paper")) or DEFAULTS["paper"],
        follow_up_days=follow,
        default_language=_plain(data.get("default_language")) or DEFAULTS["default_language"],
        smtp=_smtp_form(data.get("smtp")),
        example=data.get("example") is True,
        log_database=password_hidden(_plain(data.get("log_database"))),  # never shown: see location.py
    )


def _valid(value: Any, high: int) -> int | None:
    """A whole number from 1 to ``high`` as the form shows it; None: the file's value is invalid."""
    try:
        return whole_number(value, 1, high, "")
    except UserError:
        return None


def _smtp_form(node: Any) -> SmtpForm:
    if not isinstance(node, Mapping):
        return SmtpForm()
    rate = _valid(node.get("rate_per_minute", DEFAULT_RATE_PER_MINUTE), RATE_PER_MINUTE_MAX)
    return SmtpForm(
        host=_plain(node.get("host")),
        port=_plain(node.get("port")),
        security=_plain(node.get("security")) or "starttls",
        username=_plain(node.get("username")),
        from_address=_plain(node.get("from")),
        reply_to=_plain(node.get("reply_to")),
        rate_per_minute=rate,
        ask_password=node.get("password") == ASK,
    )


def read_form(path: Path) -> CampaignForm:
    """Load campaign.yaml into the form; a YAML syntax error is a UserError at its line."""
    return form_from_data(load_yaml_text(read_text(path), path), path)


# ---- applying the difference ----------------------------------------------------------


def _styled(old: Any, new: str) -> str:
    """``new`` written the way ``old`` was (quoted stays quoted); multi-line text quoted."""
    if "\n" in new:
        if isinstance(old, LiteralScalarString | FoldedScalarString):
            return LiteralScalarString(new)
        return DoubleQuotedScalarString(new)
    if isinstance(old, ScalarString) and not isinstance(old, LiteralScalarString | FoldedScalarString):
        return type(old)(new)
    return new


def _set_plain(mapping: CommentedMap, key: str, before: Any, after: Any, order: Sequence[str]) -> None:
    """Change one scalar if the user changed it; empty removes the key."""
    if before == after:
        return
    if after in ("", None):
        mapping.pop(key, None)
    elif isinstance(after, str):
        put_in_order(mapping, key, _styled(mapping.get(key), after), order)
    else:
        put_in_order(mapping, key, after, order)


def _set_text(mapping: CommentedMap, key: str, before: Text, after: Text, order: Sequence[str]) -> None:
    """Change a text that may be kept per language, one language at a time."""
    if before == after:
        return
    if isinstance(after, str):
        _set_plain(mapping, key, before, after, order)
        return
    current = mapping.get(key)
    if is_localized_map(current) and isinstance(current, CommentedMap):
        for lang, value in after.items():
            old = before.get(lang, "") if isinstance(before, dict) else before
            if value == old:
                continue
            if value:
                current[lang] = _styled(current.get(lang), value)
            else:
                current.pop(lang, None)
        if not current:
            mapping.pop(key, None)
        return
    # A shared text (or none) became per-language texts: a new map with what was typed.
    new = CommentedMap((lang, _styled(None, value)) for lang, value in after.items() if value)
    if new:
        put_in_order(mapping, key, new, order)
    else:
        mapping.pop(key, None)


def _new_signatory(s: SignatoryForm) -> CommentedMap:
    node = CommentedMap()
    _set_text(node, "name", "", s.name, SIGNATORY_ORDER)
    _set_text(node, "role", "", s.role, SIGNATORY_ORDER)
    _set_plain(node, "signature_image", "", s.signature_image.strip(), SIGNATORY_ORDER)
    return node


def _blank(value: Text) -> Text:
    return dict.fromkeys(value, "") if isinstance(value, dict) else ""


def _apply_signatories(data: CommentedMap, before: CampaignForm, after: CampaignForm) -> None:
    if before.signatories == after.signatories:
        return
    seq = data.get("signatories")
    if not isinstance(seq, CommentedSeq):
        seq = CommentedSeq()
    loaded = {s.origin: s for s in before.signatories if s.origin is not None}
    items = []
    for s in after.signatories:
        if (
            s.origin is not None
            and s.origin in loaded
            and s.origin < len(seq)
            and isinstance(seq[s.origin], Mapping)
        ):
            node, old = seq[s.origin], loaded[s.origin]
            _set_text(node, "name", old.name, s.name, SIGNATORY_ORDER)
            _set_text(node, "role", old.role, s.role, SIGNATORY_ORDER)
            _set_plain(
                node, "signature_image", old.signature_image, s.signature_image.strip(), SIGNATORY_ORDER
            )
            items.append(node)
        else:
            items.append(_new_signatory(s))
    if [id(x) for x in items] != [id(x) for x in seq]:
        kept_comments = {id(seq[i]): c for i, c in seq.ca.items.items() if i < len(seq)}
        seq.clear()
        seq.ca.items.clear()
        for i, node in enumerate(items):
            seq.append(node)
            if id(node) in kept_comments:
                seq.ca.items[i] = kept_comments[id(node)]
    put_in_order(data, "signatories", seq, (*TOP_ORDER, "signatories"))


def _apply_smtp(data: CommentedMap, before: SmtpForm, after: SmtpForm) -> None:
    if before == after:
        return
    node = data.get("smtp")
    if not isinstance(node, CommentedMap):
        node = CommentedMap()
    _set_plain(node, "host", before.host, after.host.strip(), SMTP_ORDER)
    if before.port != after.port:
        _set_plain(
            node, "port", before.port, check_port(after.port) if after.port.strip() else "", SMTP_ORDER
        )
    _set_plain(node, "security", before.security, after.security, SMTP_ORDER)
    _set_plain(node, "username", before.username, after.username.strip(), SMTP_ORDER)
    _set_plain(node, "from", before.from_address, after.from_address.strip(), SMTP_ORDER)
    _set_plain(node, "reply_to", before.reply_to, after.reply_to.strip(), SMTP_ORDER)
    _set_plain(node, "rate_per_minute", before.rate_per_minute, after.rate_per_minute, SMTP_ORDER)
    if before.ask_password != after.ask_password:
        if after.ask_password:
            put_in_order(node, "password", ASK, SMTP_ORDER)
        elif node.get("password") == ASK:
            del node["password"]
    if node:
        put_in_order(data, "smtp", node, (*TOP_ORDER, "signatories", "smtp"))
    else:
        data.pop("smtp", None)


def apply_form(data: CommentedMap, before: CampaignForm, after: CampaignForm) -> None:
    """Write into ``data`` (the file's tree) only what differs between ``before`` and ``after``."""
    sender_keys = ("organisation", "address", "city", "email", "phone", "website", "logo")
    if any(getattr(before, k) != getattr(after, k) for k in sender_keys):
        if not isinstance(data.get("sender"), CommentedMap):
            put_in_order(data, "sender", CommentedMap(), TOP_ORDER)
        sender = data["sender"]
        for key in ("organisation", "address", "city"):
            _set_text(sender, key, getattr(before, key), getattr(after, key), SENDER_ORDER)
        for key in ("email", "phone", "website", "logo"):
            _set_plain(sender, key, getattr(before, key), getattr(after, key).strip(), SENDER_ORDER)
    _set_plain(data, "example", before.example or None, after.example or None, TOP_ORDER)
    _set_plain(data, "paper", before.paper, after.paper, TOP_ORDER)
    _set_plain(data, "follow_up_days", before.follow_up_days, after.follow_up_days, TOP_ORDER)
    _set_plain(data, "default_language", before.default_language, after.default_language, TOP_ORDER)
    _apply_signatories(data, before, after)
    _apply_smtp(data, before.smtp, after.smtp)
    _set_plain(
        data,
        "log_database",
        before.log_database,
        after.log_database.strip(),
        (*TOP_ORDER, "signatories", "smtp"),
    )


# ---- checking and saving --------------------------------------------------------------


def save_form(path: Path, before: CampaignForm, after: CampaignForm) -> CampaignForm:
    """Apply the user's changes to campaign.yaml as it is on disk now; validate; write atomically.

    Returns the form as saved. Nothing is written when nothing changed or on any problem
    (raised as UserErrors, at the lines of campaign.yaml).
    """
    if before == after:
        return read_form(path)
    data = load_yaml_text(read_text(path), path)
    if not isinstance(data, CommentedMap):
        raise UserError(
            _("campaign.yaml must be a mapping of keys"), Location.of(path, 1), _("start with 'name: …'")
        )
    apply_form(data, before, after)
    text = dump_yaml(data)
    check_campaign_text(text, path)
    atomic_write_bytes(path, text.encode("utf-8"))
    return form_from_data(data, path)


def letterhead(form: CampaignForm, language: str) -> Letterhead:
    """The letterhead as letters print it (letters.sender.compose_letterhead, as render uses)."""
    fallback = form.default_language
    return compose_letterhead(
        text_in(form.organisation, language, fallback),
        text_in(form.address, language, fallback),
        form.email,
        form.phone,
        form.website,
    )
