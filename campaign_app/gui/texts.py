"""Wording the tabs share: a user mistake's lines, a count with its noun, a time at a glance.

Every tab and dialog says these things; each is one function here, so the window says them
the same way everywhere, and no tab imports another to borrow them.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QLocale, QTime

from campaign_app.core.campaign.nobody import NobodyMatches
from campaign_app.core.common.errors import UserError, UserErrors, flatten
from campaign_app.core.common.language_names import name_tables
from campaign_app.core.mail.inbox.refusal import LoginRefused
from campaign_app.core.outreach.log_errors import AlreadySent


def problems(exc: UserError | UserErrors) -> str:
    """The command line's lines for a mistake (``file:line: message — advice``), one per problem;
    an audience that matches nobody in the window's words (its query box, its Recipients tab)."""
    return "\n".join(_nobody(e) if isinstance(e, NobodyMatches) else str(in_window(e)) for e in flatten(exc))


def in_window(exc: UserError) -> UserError:
    """``exc`` with the advice the window can follow where the core's names a command: what a
    letter's log says is in its history on the Outreach tab, not in ``log status``; a mailbox
    password is typed at Check inbox, not with ``inbox password``."""
    if isinstance(exc, AlreadySent):
        hint = QCoreApplication.translate(
            "Problems", "leave it out of the selection: its history shows when it went"
        )
    elif isinstance(exc, LoginRefused):
        hint = QCoreApplication.translate(
            "Problems",
            "check the user name under inbox: in campaign.yaml (with many providers it is the whole "
            "e-mail address), then press Check inbox and type the mailbox's current password",
        )
    else:
        return exc
    return UserError(exc.message, exc.where, hint)


def _nobody(exc: NobodyMatches) -> str:
    if exc.query:
        text = QCoreApplication.translate(
            "Problems",
            "No recipient matches this template's audience ({audience}) narrowed by the query "
            "{query}: correct the query, or look for them in the Recipients tab.",
        )
    else:
        text = QCoreApplication.translate(
            "Problems",
            "No recipient matches this template's audience ({audience}): correct the audience "
            "in the Compose tab, or add recipients in the Recipients tab.",
        )
    return text.format(audience=exc.audience, query=exc.query)


def sentence(text: str) -> str:
    """``text`` with a capital first letter (the core's messages start in lower case)."""
    return text[:1].upper() + text[1:]


def clock(seconds: float) -> str:
    """0:42, 12:05, 1:02:03: how long, at a glance."""
    total = int(seconds + 0.5)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def duration(seconds: float) -> str:
    """Time taken, for a summary: tenths below a minute, a clock above."""
    if seconds >= 60:
        return clock(seconds)
    return QCoreApplication.translate("texts", "{seconds} s").format(
        seconds=QLocale().toString(seconds, "f", 1)
    )


def number(n: int) -> str:
    """12 345 or 12,345: a count as the locale groups its digits."""
    return QLocale().toString(n)


def now_text() -> str:
    """The time now, as the locale writes it (14:05, 2:05 PM), for "Saved at …"."""
    return QLocale().toString(QTime.currentTime(), QLocale.FormatType.ShortFormat)


def language_name(tag: str) -> str:
    """'uk' → 'Ukrainian (uk)', 'kk-Latn' → 'Kazakh, Latin (kk-Latn)' in the interface language: a
    campaigner may not know every language code."""
    return _language_name(tag, interface_locale())


def interface_locale() -> str:
    """The interface's locale name, as :func:`language_name` looks names up in it."""
    return QLocale().name()


def look_up_language_names(tags: Iterable[str], ui_locale: str) -> None:
    """On the thread pool, before a tab shows these languages' captions: the first name
    looked up reads the tables of names (kept from an earlier start, else Babel's locale
    data: ~30 ms), which the UI thread then finds in memory. ``ui_locale`` is
    :func:`interface_locale`, taken on the UI thread."""
    for tag in tags:
        _language_name(tag, ui_locale)


@lru_cache(maxsize=128)
def _language_name(tag: str, ui_locale: str) -> str:
    try:
        ui = name_tables(ui_locale if ui_locale not in ("C", "") else "en")
        first, *rest = tag.split("-")
        name = ui["languages"].get(first)
        extras = [
            (ui["scripts"].get(part) if len(part) == 4 else ui["territories"].get(part.upper())) or part
            for part in rest
        ]
    except Exception:  # Babel's data is optional for a caption: show the tag
        return tag
    if not name:
        return tag
    return f"{sentence(', '.join([name, *extras]))} ({tag})"
