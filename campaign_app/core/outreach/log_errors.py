"""What went wrong with the contact log, told as something the user can act on.

SQLite's and PostgreSQL's errors both end here: "the log is in use", "the disk is full",
"the team's log cannot be reached", "your database user may not do that", each with what
to do. A message never repeats a password or a URL that might hold one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from campaign_app.core.common.errors import Location, UserError, display_path
from campaign_app.core.common.i18n import N_, _
from campaign_app.core.outreach.location import LogLocation

if TYPE_CHECKING:
    import sqlite3
    from pathlib import Path

OFFLINE_HINT = N_(
    "sending and marking need the team's log, so that nothing goes twice: check the network "
    "or VPN, or ask your coordinator whether the database is up; check, generate and the "
    "previews work offline"
)


class LogUnusable(UserError):
    """The team's log cannot be used now: out of reach, or of an older schema than this
    program's (until a coordinator's ``log upgrade``). What works offline goes on: check,
    generate, a dry run."""


class LogUnreachable(LogUnusable):
    """The team's log cannot be reached (network, server down): what works offline goes on."""


class AlreadySent(UserError):
    """A letter marked sent again by the channel it went by, unchanged since: a second
    "sent" would count it twice. The hint names ``log status``; the window, the letter's
    history, which it shows."""


class PasswordRefused(UserError):
    """The team's database refused the member's password (wrong, or none given): the member
    who is typing one in (``log password``, Settings) is told to type it again instead."""


# What was being done to the log, as its messages say it ("could not be {doing}"): each
# language's catalogue gives the word its own sentence takes there.
_DOING = {
    "opened": N_("opened"),
    "read": N_("read"),
    "changed": N_("changed"),
    "updated": N_("updated"),
    "upgraded": N_("upgraded"),
    "merged": N_("merged"),
}


def translate_error(exc: BaseException, location: LogLocation, doing: str) -> UserError:
    """The database's error (sqlite3's, psycopg's, or SQLAlchemy's wrapping of either).
    sqlite3 is imported here, not with the module: the window's first tab words this
    module's errors (gui/texts.py) and needs no database to show the case."""
    import sqlite3

    original = getattr(exc, "orig", None) or exc
    reading = doing in ("opened", "read")
    doing = _(_DOING[doing]) if doing in _DOING else doing
    if isinstance(original, sqlite3.Error):
        return _sqlite_error(original, location, doing)
    if location.shared:
        return _postgres_error(original, location, doing, reading)
    return UserError(
        _("the contact log could not be {doing} ({first_line})").format(
            doing=doing, first_line=_first_line(original)
        ),
        location.where(),
    )


def _sqlite_error(exc: sqlite3.Error, location: LogLocation, doing: str) -> UserError:
    text = str(exc).lower()
    where = location.where()
    if "locked" in text or "busy" in text:
        return UserError(
            _("the contact log is in use by another program and could not be {doing}").format(doing=doing),
            where,
            _("close the other campaign-app window or command using this campaign, then try again"),
        )
    if "readonly" in text or "read-only" in text:
        return UserError(
            _("the contact log is read-only and could not be {doing}").format(doing=doing),
            where,
            _("check that you may write to the campaign folder (is it on a read-only drive or share?)"),
        )
    if "disk is full" in text or "database or disk is full" in text:
        return UserError(
            _("the disk is full: the contact log could not be {doing}; it is unchanged").format(doing=doing),
            where,
            _("free some space and try again"),
        )
    if "not a database" in text or "malformed" in text or "encrypted" in text:
        return UserError(
            _("campaign.db is not a contact log or is damaged"),
            where,
            _(
                "restore it from a backup (campaign.db.*-backup files sit beside it), or move it aside "
                "to start a new log"
            ),
        )
    if "unable to open" in text:
        return UserError(
            _("the contact log could not be opened ({exc})").format(exc=exc),
            where,
            _("check that the campaign folder exists and that you may write to it"),
        )
    return UserError(_("the contact log could not be {doing} ({exc})").format(doing=doing, exc=exc), where)


def not_the_owner(location: LogLocation, owner: str) -> UserError:
    """``log upgrade`` by a member who does not own the log's tables (a coordinator too)."""
    return UserError(
        _(
            "the log's schema belongs to database user '{owner}', who created it: '{user}' may not upgrade it"
        ).format(owner=owner, user=location.user),
        Location(location.describe()),
        _("ask {owner} to run 'campaign-app log upgrade'").format(owner=owner),
    )


def _first_line(exc: BaseException) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__


def _postgres_error(exc: BaseException, location: LogLocation, doing: str, reading: bool) -> UserError:
    state = getattr(exc, "sqlstate", None) or ""
    text = str(exc).lower()
    where = Location(location.describe())
    user = location.user
    if state == "28P01" or "password authentication failed" in text or "no password supplied" in text:
        return PasswordRefused(
            _("the database refused user '{user}': the password is wrong or missing").format(user=user),
            where,
            _(
                "store your database password in the system keyring (user {keyring_user}) with "
                "'campaign-app log password' or in the window's Settings, \"Team's contact log\"; "
                "or in PostgreSQL's .pgpass file, or set PGPASSWORD"
            ).format(keyring_user=location.keyring_user),
        )
    if "certificate" in text or ("ssl" in text and "error" in text):
        return UserError(
            _("the connection to the team's log is not trusted ({first_line})").format(
                first_line=_first_line(exc)
            ),
            where,
            _(
                "the server's certificate could not be verified: add sslrootcert=PATH of your team's "
                "CA certificate to log_database, or install that CA on this computer"
            ),
        )
    if state == "42501" and reading:  # not even allowed to read it
        return UserError(
            _(
                "your database user '{user}' has no rights on the team's log: it was never granted "
                "them, or they were taken away"
            ).format(user=user),
            where,
            _("ask a coordinator to run 'campaign-app log grant {user}'").format(user=user),
        )
    if state == "42501":
        return UserError(
            _(
                "your database user '{user}' may not do this: the log could not be {doing} ({first_line})"
            ).format(user=user, doing=doing, first_line=_first_line(exc)),
            where,
            _(
                "correcting recorded history, merging other logs, renaming and granting are for "
                "coordinators: ask one to do it, or to make you one ('campaign-app log grant {user} "
                "--coordinator'); a member who cannot even read the log needs 'campaign-app log grant {user}'"
            ).format(user=user),
        )
    if state == "42P01":
        return missing_schema(location)
    if state == "3D000":
        return UserError(
            _("the database '{database}' does not exist on {host}").format(
                database=location.database, host=location.host
            ),
            where,
            _("check log_database in campaign.yaml, or ask your coordinator to create it"),
        )
    if state.startswith("08") or not state:
        return LogUnreachable(
            _("the team's contact log cannot be reached ({first_line}): it could not be {doing}").format(
                first_line=_first_line(exc), doing=doing
            ),
            where,
            _(OFFLINE_HINT),
        )
    return UserError(
        _("the team's contact log could not be {doing} ({first_line})").format(
            doing=doing, first_line=_first_line(exc)
        ),
        where,
    )


def no_log_yet(path: Path) -> UserError:
    """campaign.db asked for to read, before any letter was recorded."""
    return UserError(
        _("there is no contact log yet"), Location(display_path(path)), _("generate or send letters first")
    )


def missing_schema(location: LogLocation) -> UserError:
    return UserError(
        _("the team's database has no contact log yet"),
        Location(location.describe()),
        _("a coordinator runs 'campaign-app log upgrade' once to create it"),
    )


def older_schema(location: LogLocation, revision: str) -> LogUnusable:
    return LogUnusable(
        _("the team's contact log was made by an older version of campaign_app (revision {revision})").format(
            revision=revision
        ),
        Location(location.describe()),
        _("a coordinator runs 'campaign-app log upgrade' to bring it up to date"),
    )


def newer_schema(location: LogLocation, version: object, head: object) -> UserError:
    """A log this version cannot read: left as it is."""
    name = "campaign.db" if location.path is not None else "the team's contact log"
    return UserError(
        _(
            "{name} was written by a newer version of campaign_app (log version "
            "{version}, this one knows up to {head})"
        ).format(name=name, version=version, head=head),
        Location(location.describe()),
        _("update campaign_app; the log was not changed"),
    )
