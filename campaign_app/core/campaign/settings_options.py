"""campaign.yaml's plain top-level settings, each declared once: its default, how it is
read and checked (a problem at the key's line), and what it means."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from campaign_app.core.common.errors import ProblemCollector, UserError
from campaign_app.core.common.i18n import _
from campaign_app.core.common.limits import FOLLOW_UP_DAYS_MAX, FRESHNESS_DAYS_MAX
from campaign_app.core.common.localized import is_language_tag
from campaign_app.core.common.numbers import shown_value, whole_number
from campaign_app.core.common.yamlio import YamlPlace
from campaign_app.core.common.yamltypes import kind, plain_text
from campaign_app.core.outreach.location import LogLocation, parse_log_database

PAPER_SIZES = ("A4", "Letter")
# How old a recipient's verified_on may be before `check` warns (people change office).
DEFAULT_FRESHNESS_DAYS = 365
# How old a fact's as_of may be before a letter stating it as current is warned about.
DEFAULT_FACTS_STALE_AFTER_DAYS = 90
# How many days before a coming hearing, decision or deadline a follow-up falls due.
DEFAULT_REMIND_DAYS_BEFORE = 7


# ---- the declaration: each top-level setting once, with its default and its check -------------


@dataclass(frozen=True)
class Option:
    """One top-level key of campaign.yaml: its default, how it is read and checked (problems
    go to the collector at the key's line), and what it means."""

    key: str
    default: Any
    read: Callable[[YamlPlace, Option, ProblemCollector], Any]
    doc: str


def _days(high: int, hint: str) -> Callable[[YamlPlace, Option, ProblemCollector], int]:
    def read(root: YamlPlace, option: Option, problems: ProblemCollector) -> int:
        value = root.node.get(option.key, option.default)
        message = _("'{key}' must be a whole number of days from 1 to {high:,}, not {value}").format(
            key=option.key, high=high, value=shown_value(value)
        )
        try:
            return whole_number(value, 1, high, message, hint)
        except UserError as exc:
            problems.add(exc.message, root.at(option.key), exc.hint)
            return option.default

    return read


def _text(root: YamlPlace, option: Option, problems: ProblemCollector) -> str:
    return plain_text(root, option.key, problems) or option.default


def _language(root: YamlPlace, option: Option, problems: ProblemCollector) -> str:
    from babel import localedata

    language = _text(root, option, problems)
    if not is_language_tag(language) or not localedata.exists(language.split("-")[0].lower()):
        problems.add(
            _("'{key}' must be a language code, not '{value}'").format(key=option.key, value=language),
            root.at(option.key),
            _("write it as e.g. en, uk or de"),
        )
        return option.default
    return language


def _paper(root: YamlPlace, option: Option, problems: ProblemCollector) -> str:
    paper = _text(root, option, problems)
    if paper not in PAPER_SIZES:
        problems.add(
            _("paper '{paper}' is not A4 or Letter").format(paper=paper),
            root.at("paper"),
            _("use A4 or Letter"),
        )
    return paper


def _flag(root: YamlPlace, option: Option, problems: ProblemCollector) -> bool:
    return bool(root.node.get(option.key, option.default))


def _log_database(root: YamlPlace, option: Option, problems: ProblemCollector) -> LogLocation | None:
    """A team's shared log (see core/outreach/location.py); None: campaign.db beside the campaign."""
    value = root.node.get(option.key)
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        problems.add(
            _("'{key}' must be a database URL, not {kind}").format(key=option.key, kind=kind(value)),
            root.at(option.key),
            _("write it as postgresql://USER@HOST:5432/DATABASE?sslmode=verify-full"),
        )
        return None
    try:
        return parse_log_database(value, root.at(option.key))
    except UserError as exc:
        problems.add(exc.message, exc.where, exc.hint)
        return None


OPTIONS: tuple[Option, ...] = (
    Option("example", False, _flag, "the bundled example's made-up sender: letters are written, never sent"),
    Option("default_language", "en", _language, "the language of texts campaign.yaml gives only once"),
    Option(
        "follow_up_days",
        14,
        _days(
            FOLLOW_UP_DAYS_MAX,
            "e.g. follow_up_days: 14 (days after a letter without reply until a follow-up is due)",
        ),
        "days after a letter without a reply until a follow-up is due",
    ),
    Option(
        "freshness_days",
        DEFAULT_FRESHNESS_DAYS,
        _days(
            FRESHNESS_DAYS_MAX,
            f"e.g. freshness_days: {DEFAULT_FRESHNESS_DAYS} (how old a recipient's verified_on may be)",
        ),
        "how old a recipient's verified_on may be before check warns",
    ),
    Option(
        "facts_stale_after_days",
        DEFAULT_FACTS_STALE_AFTER_DAYS,
        _days(
            FRESHNESS_DAYS_MAX,
            f"e.g. facts_stale_after_days: {DEFAULT_FACTS_STALE_AFTER_DAYS} (how old a fact's as_of may be)",
        ),
        "how old a fact's as_of may be before check warns about letters stating it as current",
    ),
    Option(
        "remind_days_before",
        DEFAULT_REMIND_DAYS_BEFORE,
        _days(
            FOLLOW_UP_DAYS_MAX,
            f"e.g. remind_days_before: {DEFAULT_REMIND_DAYS_BEFORE} (days before a hearing or deadline)",
        ),
        "days before a coming hearing, decision or deadline when follow-ups fall due",
    ),
    Option("paper", "A4", _paper, "the letters' paper: A4 or Letter"),
    Option(
        "log_database",
        None,
        _log_database,
        "a team's shared contact log on PostgreSQL (a URL without password); none: campaign.db",
    ),
)
DEFAULTS: dict[str, Any] = {o.key: o.default for o in OPTIONS}
