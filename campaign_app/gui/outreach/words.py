"""The contact log's words as the window says them: statuses, events, channels, times.

The log and the query language keep their English keys (``status:followup-due``,
``channel: web-form``); in English the window shows a status as its key (what a query
asks for), in Ukrainian and Russian in words; dates and times in the locale's own format
("12 бер. 14:05").
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

from campaign_app.gui.translation import QT_TRANSLATE_NOOP

STATUS_NAMES = {
    "all": QT_TRANSLATE_NOOP("OutreachWords", "All"),
    "none": QT_TRANSLATE_NOOP("OutreachWords", "none"),
    "drafted": QT_TRANSLATE_NOOP("OutreachWords", "drafted"),
    "printed": QT_TRANSLATE_NOOP("OutreachWords", "printed"),
    "sending": QT_TRANSLATE_NOOP("OutreachWords", "sending"),
    "sent": QT_TRANSLATE_NOOP("OutreachWords", "sent"),
    "revised": QT_TRANSLATE_NOOP("OutreachWords", "revised"),
    "followup-due": QT_TRANSLATE_NOOP("OutreachWords", "followup-due"),
    "uncertain": QT_TRANSLATE_NOOP("OutreachWords", "uncertain"),
    "failed": QT_TRANSLATE_NOOP("OutreachWords", "failed"),
    "replied": QT_TRANSLATE_NOOP("OutreachWords", "replied"),
    "auto-reply": QT_TRANSLATE_NOOP("OutreachWords", "auto-reply"),
    "bounced": QT_TRANSLATE_NOOP("OutreachWords", "bounced"),
    "no-reply": QT_TRANSLATE_NOOP("OutreachWords", "no-reply"),
    "closed": QT_TRANSLATE_NOOP("OutreachWords", "closed"),
    "note": QT_TRANSLATE_NOOP("OutreachWords", "note"),
    "renamed": QT_TRANSLATE_NOOP("OutreachWords", "renamed"),
}
CHANNEL_NAMES = {
    "email": QT_TRANSLATE_NOOP("OutreachWords", "email"),
    "post": QT_TRANSLATE_NOOP("OutreachWords", "post"),
    "web-form": QT_TRANSLATE_NOOP("OutreachWords", "web form"),
    "fax": QT_TRANSLATE_NOOP("OutreachWords", "fax"),
    "in-person": QT_TRANSLATE_NOOP("OutreachWords", "in person"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("OutreachWords", text)


def status_name(status: str) -> str:
    """A status or an event kind in words; one this version does not know, as the log has it."""
    return _tr(STATUS_NAMES[status]) if status in STATUS_NAMES else status


def channel_name(channel: str) -> str:
    return _tr(CHANNEL_NAMES[channel]) if channel in CHANNEL_NAMES else channel.replace("-", " ")


def action_text(kind: str, channel: str, template_id: str) -> str:
    """The Last action column: "sent by post · appeal-mep", "sending (interrupted?)"."""
    if kind == "sending":
        text = QCoreApplication.translate("OutreachWords", "sending (interrupted?)")
    elif channel and channel != "email" and kind == "sent":
        text = QCoreApplication.translate("OutreachWords", "sent by {channel}").format(
            channel=channel_name(channel)
        )
    elif channel and channel != "email" and kind == "drafted":
        text = QCoreApplication.translate("OutreachWords", "drafted for {channel}").format(
            channel=channel_name(channel)
        )
    else:
        text = status_name(kind)
    return f"{text} · {template_id}" if template_id else text


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def when_text(moment: dt.datetime, today: dt.date) -> str:
    """ "today 14:05", "yesterday 09:12", "12 Mar 14:05", "12 Mar 2024": readable at a glance."""
    locale = QLocale()
    clock = locale.toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)
    day = moment.date()
    if day == today:
        return QCoreApplication.translate("OutreachWords", "today {time}").format(time=clock)
    if day == today - dt.timedelta(days=1):
        return QCoreApplication.translate("OutreachWords", "yesterday {time}").format(time=clock)
    if day.year == today.year:
        return f"{locale.toString(_qdate(day), 'd MMM')} {clock}"
    return date_text(day)


def full_time(moment: dt.datetime) -> str:
    """ "12 March 2024, 14:05 (CET)", in the locale's words."""
    stamp = QDateTime(_qdate(moment.date()), QTime(moment.hour, moment.minute))
    return f"{QLocale().toString(stamp, 'd MMMM yyyy, HH:mm')} ({moment:%Z})"


def date_text(day: dt.date) -> str:
    return QLocale().toString(_qdate(day), "d MMM yyyy")


def status_meaning(status: str) -> str:
    """What a query's ``status:`` word means, in the interface language (the core's words,
    from its catalogue: the Outreach tab's tooltips said them in English in Ukrainian)."""
    from campaign_app.core.common.i18n import _
    from campaign_app.core.outreach.terms import QUERY_STATUSES

    meaning = QUERY_STATUSES.get(status)
    return _(meaning) if meaning else ""
