"""campaign.yaml: who sends the letters, which case they concern, and how they look.

The sender's name and address appear on every letter and in the PDF/DOCX metadata, so
they are validated up front; texts that appear in letters may be given per language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from campaign_app.core.campaign.settings_options import (
    DEFAULT_FACTS_STALE_AFTER_DAYS,
    DEFAULT_FRESHNESS_DAYS,
    DEFAULT_REMIND_DAYS_BEFORE,
    OPTIONS,
)
from campaign_app.core.common.errors import (
    Location,
    ProblemCollector,
    UserError,
    UserErrors,
    flatten,
)
from campaign_app.core.common.i18n import N_, _
from campaign_app.core.common.images import Picture, read_picture
from campaign_app.core.common.localized import Localized, is_localized_map
from campaign_app.core.common.textfiles import read_text
from campaign_app.core.common.yamlio import YamlPlace, load_yaml_text, read_yaml_text, unknown_keys
from campaign_app.core.common.yamltypes import (
    is_scalar,
    kind,
    language_values_are_texts,
    localized_hint,
    plain_text,
)
from campaign_app.core.letters.sender import Sender, Signatory
from campaign_app.core.mail.inbox.settings import InboxSettings, parse_inbox
from campaign_app.core.mail.settings import ASK_PASSWORD, SmtpSettings, check_address, parse_smtp
from campaign_app.core.outreach.location import LogLocation


@dataclass(frozen=True)
class Campaign:
    name: Localized
    case: str
    default_language: str
    follow_up_days: int
    paper: str
    sender: Sender
    signatories: tuple[Signatory, ...]
    is_example: bool = False
    path: Path | None = None
    freshness_days: int = DEFAULT_FRESHNESS_DAYS
    facts_stale_after_days: int = DEFAULT_FACTS_STALE_AFTER_DAYS
    remind_days_before: int = DEFAULT_REMIND_DAYS_BEFORE
    case_line: int | None = None  # where 'case:' is, for "the case file does not exist"
    smtp: SmtpSettings | None = None  # None: no mail server configured
    log_database: LogLocation | None = None  # None: campaign.db in the campaign folder
    # Mistakes in what only sending reads (the smtp section, the sender's e-mail): told by
    # check and send, while generating letters goes on without them.
    mail_problems: tuple[UserError, ...] = ()
    inbox: InboxSettings | None = None  # None: replies are not read from a mailbox
    inbox_problems: tuple[UserError, ...] = ()  # told by check and inbox sync only

    def mail_settings(self) -> SmtpSettings | None:
        """The smtp section for sending; its mistakes (and the sender e-mail's) are raised."""
        if self.mail_problems:
            collector = ProblemCollector()
            collector.extend(self.mail_problems)
            collector.raise_if_any()
        return self.smtp

    def inbox_settings(self) -> InboxSettings | None:
        """The inbox section for reading replies; its mistakes are raised."""
        if self.inbox_problems:
            collector = ProblemCollector()
            collector.extend(self.inbox_problems)
            collector.raise_if_any()
        return self.inbox


def _localized(place: YamlPlace, key: str, problems: ProblemCollector, required: bool = False) -> Localized:
    node = place.node
    value = node.get(key) if isinstance(node, Mapping) else None
    if value in (None, ""):
        if required:
            problems.add(
                _("missing '{key}'").format(key=key),
                place.here(),
                _("add '{key}:' to campaign.yaml").format(key=key),
            )
        return ""
    if isinstance(value, str | int | float):
        return str(value)
    if is_localized_map(value):
        if not language_values_are_texts(place, key, problems):
            return ""
        return {str(k): str(v) for k, v in value.items()}
    problems.add(
        _("'{key}' must be text or a map by language, not {kind}").format(key=key, kind=kind(value)),
        place.at(key),
        localized_hint(key, ()),
    )
    return ""


def password_problems(
    place: YamlPlace, problems: ProblemCollector, section: str = "", top: bool = True
) -> None:
    """Refuse a password written into campaign.yaml, at any depth, without ever repeating
    it: the file is shared with colleagues and the message may be pasted into a chat.
    ``section``: the top-level key it is under (smtp, inbox), which says whose password."""
    node = place.node
    items = node.items() if isinstance(node, Mapping) else enumerate(node) if isinstance(node, list) else ()
    for key, value in items:
        if isinstance(key, str) and key.lower() in ("password", "passwd"):
            if not (section == "smtp" and key == "password" and value == ASK_PASSWORD):
                problems.add(_password_in_file(section), place.at(key), _password_hint(section))
        elif not is_scalar(value):
            password_problems(place.child(key), problems, str(key) if top else section, top=False)


def _password_in_file(section: str) -> str:
    if section == "smtp":
        return _("campaign.yaml must not contain the SMTP password")
    if section == "inbox":
        return _("campaign.yaml must not contain the inbox's password")
    return _("campaign.yaml must not contain a password")


def _password_hint(section: str) -> str:
    if section == "smtp":
        return _(
            "delete that line (and change the password if the file was shared); store it in the "
            "system keyring from the Settings tab, or write 'password: ask' under 'smtp:' "
            "to be asked each time"
        )
    if section == "inbox":
        return _(
            "delete that line (and change the password if the file was shared); keep it in the "
            "system keyring with 'campaign-app inbox password', or type it when 'inbox sync' asks"
        )
    return _(
        "delete that line (and change the password if the file was shared): passwords go to "
        "the system keyring, never into a file"
    )


def case_name(root: YamlPlace, problems: ProblemCollector) -> str:
    """``case:``, the name of a file in the workspace's cases/ folder, and nothing else: a
    path such as ``../../etc/passwd`` or ``/home/x/case`` would read (and the Case tab
    write) a file outside the campaign."""
    case = plain_text(root, "case", problems)
    if "case" in root.node and not case and root.node["case"] not in (None, ""):
        return ""  # plain_text reported the list or mapping
    if not case:
        problems.add(
            _("missing 'case'"), root.here(), _("name the case file: 'case: <id>' for cases/<id>.yaml")
        )
    elif not is_case_name(case):
        problems.add(
            _("'case' must be the name of a file in the cases/ folder, not the path '{case}'").format(
                case=case
            ),
            root.at("case"),
            _(
                "put the case file into the campaign's cases/ folder and write its name without "
                "folder or '.yaml', e.g. 'case: akhmetova-extradition'"
            ),
        )
        return ""
    return case


def is_case_name(name: str) -> bool:
    """True for a bare file name (no folder, no '..', no drive, not hidden) under cases/."""
    return (
        name.strip() == name
        and not name.startswith(".")
        and not any(c in name for c in "/\\:\0")
        and Path(name).name == name
    )


def load_campaign(path: Path) -> Campaign:
    """Load campaign.yaml; every problem is reported with its line."""
    return parse_campaign(read_text(path), path)


def parse_campaign(text: str, path: Path) -> Campaign:
    """Validate campaign.yaml's text as the file ``path`` (lines in messages are its lines).

    The smtp section and the sender's e-mail are read too, but their mistakes are kept in
    ``mail_problems`` (raised by ``Campaign.mail_settings``), as only sending needs them."""
    data: Any = read_yaml_text(text, path)
    campaign = _parse(data, path)
    mail_problems = ProblemCollector()
    root = YamlPlace(path, data, 1)
    try:
        _check_sender_email(root)
    except UserError as exc:
        mail_problems.add(exc.message, exc.where, exc.hint)
    smtp = None
    try:
        smtp = parse_smtp(root)
    except (UserError, UserErrors) as exc:
        mail_problems.extend(flatten(exc))
    inbox, inbox_problems = None, ProblemCollector()
    try:
        inbox = parse_inbox(root)
    except (UserError, UserErrors) as exc:
        inbox_problems.extend(flatten(exc))
    return replace(
        campaign,
        smtp=smtp,
        mail_problems=tuple(mail_problems.errors),
        inbox=inbox,
        inbox_problems=tuple(inbox_problems.errors),
    )


def check_campaign_text(text: str, path: Path) -> Campaign:
    """Every mistake in campaign.yaml's text, those only sending needs included, raised
    together (``check``, and the Settings tab before it saves)."""
    problems = ProblemCollector()
    try:
        campaign = parse_campaign(text, path)
    except (UserError, UserErrors) as exc:
        problems.extend(flatten(exc))
        data = load_yaml_text(text, path)
        if isinstance(data, Mapping):
            try:
                _check_sender_email(YamlPlace(path, data, 1))
                parse_smtp(YamlPlace(path, data, 1))
            except (UserError, UserErrors) as mail:
                problems.extend(flatten(mail))
            try:
                parse_inbox(YamlPlace(path, data, 1))
            except (UserError, UserErrors) as inbox:
                problems.extend(flatten(inbox))
        problems.raise_if_any()
    problems.extend(campaign.mail_problems)
    problems.extend(campaign.inbox_problems)
    problems.raise_if_any()
    return campaign


def _check_sender_email(root: YamlPlace) -> None:
    sender = root.node.get("sender")
    if not isinstance(sender, Mapping) or not sender.get("email"):
        return
    try:
        check_address(str(sender["email"]), N_("sender e-mail"))
    except UserError as exc:
        raise UserError(exc.message, root.child("sender").at("email"), exc.hint) from None


def _picture(place: YamlPlace, key: str, root: Path, problems: ProblemCollector, what: str) -> Picture | None:
    """An image campaign.yaml names (``sender.logo``, a signatory's ``signature_image``):
    read and checked now, its mistakes at the key's line."""
    relative = plain_text(place, key, problems).strip()
    if not relative:
        return None
    try:
        return read_picture(root, relative, place.at(key), what, f"images/{key.removesuffix('_image')}.png")
    except UserError as exc:
        problems.add(exc.message, exc.where, exc.hint)
        return None


# The keys of campaign.yaml's parts: a misspelt one ('emial:', 'folow_up_days:') was read
# as no key at all, and the letters lost the sender's e-mail, or follow-ups came at the
# default day, without a word. Keys starting with 'x-' are notes of the user's own.
TOP_KEYS = ("name", "case", "sender", "signatories", "smtp", "inbox", *(o.key for o in OPTIONS))
SENDER_KEYS = ("organisation", "address", "city", "email", "phone", "website", "logo")
SIGNATORY_KEYS = ("name", "role", "signature_image")


def _parse(data: Any, path: Path) -> Campaign:
    if not isinstance(data, Mapping):
        raise UserError(
            _("campaign.yaml must be a mapping of keys"), Location.of(path, 1), _("start with 'name: …'")
        )
    root = YamlPlace(path, data, 1)
    problems = ProblemCollector()
    password_problems(root, problems)
    name = _localized(root, "name", problems, required=True)
    case = case_name(root, problems)
    settings = {o.key: o.read(root, o, problems) for o in OPTIONS}
    unknown_keys(root, TOP_KEYS, "campaign.yaml", problems)
    sender_node = data.get("sender")
    if not isinstance(sender_node, Mapping):
        problems.add(
            "missing 'sender'"
            if sender_node is None
            else f"'sender' must be 'key: value' lines, not {kind(sender_node)}",
            root.here() if sender_node is None else root.at("sender"),
            _("add 'sender:' with organisation and address"),
        )
        sender = Sender(organisation="")
    else:
        sp = root.child("sender")
        unknown_keys(sp, SENDER_KEYS, "sender", problems)
        sender = Sender(
            organisation=_localized(sp, "organisation", problems, required=True),
            address=_localized(sp, "address", problems),
            city=_localized(sp, "city", problems),
            email=plain_text(sp, "email", problems),
            phone=plain_text(sp, "phone", problems),
            website=plain_text(sp, "website", problems),
            logo=_picture(sp, "logo", path.parent, problems, N_("the letterhead logo")),
        )
    signatories = []
    raw_signatories = data.get("signatories") or []
    if not isinstance(raw_signatories, list):
        problems.add(
            _("'signatories' must be a list, not {kind}").format(kind=kind(raw_signatories)),
            root.at("signatories"),
            _("write each signatory under 'signatories:' as '- name: …' with 'role: …' below it"),
        )
        raw_signatories = []
    for i, s in enumerate(raw_signatories):
        where = root.child("signatories").at(i)
        if not isinstance(s, Mapping):
            problems.add(
                _("a signatory is {kind}, not 'name:' and 'role:' lines").format(kind=kind(s)),
                where,
                _("write it as '- name: …' with 'role: …' indented below it"),
            )
            continue
        sp = YamlPlace(path, s, where.line)
        unknown_keys(sp, SIGNATORY_KEYS, "a signatory", problems)
        signatories.append(
            Signatory(
                _localized(sp, "name", problems, required=True),
                _localized(sp, "role", problems),
                _picture(sp, "signature_image", path.parent, problems, N_("the signature image")),
            )
        )
    problems.raise_if_any()
    return Campaign(
        name=name,
        case=case,
        default_language=settings["default_language"],
        follow_up_days=settings["follow_up_days"],
        paper=settings["paper"],
        sender=sender,
        signatories=tuple(signatories),
        is_example=settings["example"],
        path=path,
        freshness_days=settings["freshness_days"],
        log_database=settings["log_database"],
        facts_stale_after_days=settings["facts_stale_after_days"],
        remind_days_before=settings["remind_days_before"],
        case_line=root.at("case").line,
    )
