"""What went wrong with the contact log, told as something the user can act on.

SQLite's and PostgreSQL's errors both end here: "the log is in use", "the disk is full",
"the team's log cannot be reached", "your database user may not do that", each with what
to do. A message never repeats a password or a URL that might hold one.
"""

from __future__ import annotations

import sqlite3

from campaign_app.core.common.errors import Location, UserError
from campaign_app.core.outreach.location import LogLocation

OFFLINE_HINT = (
    "sending and marking need the team's log, so that nothing goes twice: check the network "
    "or VPN, or ask your coordinator whether the database is up; check, generate and the "
    "previews work offline"
)


def translate_error(exc: BaseException, location: LogLocation, doing: str) -> UserError:
    """The database's error (sqlite3's, psycopg's, or SQLAlchemy's wrapping of either)."""
    original = getattr(exc, "orig", None) or exc
    if isinstance(original, sqlite3.Error):
        return _sqlite_error(original, location, doing)
    if location.shared:
        return _postgres_error(original, location, doing)
    return UserError(f"the contact log could not be {doing} ({_first_line(original)})", location.where())


def _sqlite_error(exc: sqlite3.Error, location: LogLocation, doing: str) -> UserError:
    text = str(exc).lower()
    where = location.where()
    if "locked" in text or "busy" in text:
        return UserError(
            f"the contact log is in use by another program and could not be {doing}",
            where,
            "close the other campaign-app window or command using this campaign, then try again",
        )
    if "readonly" in text or "read-only" in text:
        return UserError(
            f"the contact log is read-only and could not be {doing}",
            where,
            "check that you may write to the campaign folder (is it on a read-only drive or share?)",
        )
    if "disk is full" in text or "database or disk is full" in text:
        return UserError(
            f"the disk is full: the contact log could not be {doing}; it is unchanged",
            where,
            "free some space and try again",
        )
    if "not a database" in text or "malformed" in text or "encrypted" in text:
        return UserError(
            "campaign.db is not a contact log or is damaged",
            where,
            "restore it from a backup (campaign.db.*-backup files sit beside it), or move it aside "
            "to start a new log",
        )
    if "unable to open" in text:
        return UserError(
            f"the contact log could not be opened ({exc})",
            where,
            "check that the campaign folder exists and that you may write to it",
        )
    return UserError(f"the contact log could not be {doing} ({exc})", where)


def _first_line(exc: BaseException) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__


def _postgres_error(exc: BaseException, location: LogLocation, doing: str) -> UserError:
    state = getattr(exc, "sqlstate", None) or ""
    text = str(exc).lower()
    where = Location(location.describe())
    user = location.user
    if state == "28P01" or "password authentication failed" in text or "no password supplied" in text:
        return UserError(
            f"the database refused user '{user}': the password is wrong or missing",
            where,
            f"store your database password in the system keyring with 'campaign-app log password' (user "
            f"{location.keyring_user}), or in PostgreSQL's .pgpass file",
        )
    if "certificate" in text or ("ssl" in text and "error" in text):
        return UserError(
            f"the connection to the team's log is not trusted ({_first_line(exc)})",
            where,
            "the server's certificate could not be verified: add sslrootcert=PATH of your team's "
            "CA certificate to log_database, or install that CA on this computer",
        )
    if state == "42501":
        return UserError(
            f"your database user '{user}' may not do this: the log could not be {doing} ({_first_line(exc)})",
            where,
            f"ask a coordinator to run 'campaign-app log grant {user}' (changing recorded history "
            "is for coordinators)",
        )
    if state == "42P01":
        return missing_schema(location)
    if state == "3D000":
        return UserError(
            f"the database '{location.database}' does not exist on {location.host}",
            where,
            "check log_database in campaign.yaml, or ask your coordinator to create it",
        )
    if state.startswith("08") or not state:
        return UserError(
            f"the team's contact log cannot be reached ({_first_line(exc)}): it could not be {doing}",
            where,
            OFFLINE_HINT,
        )
    return UserError(f"the team's contact log could not be {doing} ({_first_line(exc)})", where)


def missing_schema(location: LogLocation) -> UserError:
    return UserError(
        "the team's database has no contact log yet",
        Location(location.describe()),
        "a coordinator runs 'campaign-app log upgrade' once to create it",
    )


def older_schema(location: LogLocation, revision: str) -> UserError:
    return UserError(
        f"the team's contact log was made by an older version of campaign_app (revision {revision})",
        Location(location.describe()),
        "a coordinator runs 'campaign-app log upgrade' to bring it up to date",
    )


def newer_schema(location: LogLocation, version: object, head: object) -> UserError:
    """A log this version cannot read: left as it is."""
    name = "campaign.db" if location.path is not None else "the team's contact log"
    return UserError(
        f"{name} was written by a newer version of campaign_app (log version {version}, "
        f"this one knows up to {head})",
        Location(location.describe()),
        "update campaign_app; the log was not changed",
    )
