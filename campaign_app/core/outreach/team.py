"""A team's shared log on PostgreSQL: who may do what, and hearing about others' changes.

Each member connects as their own database user. ``log grant`` gives a user one of two
roles of this campaign's database (``<database>_volunteers``, ``<database>_coordinators``):

- a volunteer reads everything and records what they do: new letters, new events, a
  changed draft's file; they cannot change or delete anything recorded (privileges, and
  the triggers of migration 0004 for what privileges cannot say); nobody writes the
  letters' digests but the database itself (migration 0007);
- a coordinator may also correct: change or delete recorded rows, rename cases and
  templates, and grant others.

Every new event is announced on the channel ``campaign_log``; a window LISTENs and
refreshes (see :func:`wait_for_changes`).
"""

from __future__ import annotations

import re
from contextlib import suppress

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from campaign_app.core.common.errors import UserError
from campaign_app.core.common.i18n import _
from campaign_app.core.outreach.location import LogLocation
from campaign_app.core.outreach.log_errors import translate_error

CHANNEL = "campaign_log"
_TABLES = ("contacts", "events", "inbox_positions")
# What a volunteer's program changes in a recorded letter: the latest draft's file, and
# the channel and address until it went out.
_VOLUNTEER_CONTACT_COLUMNS = ("recipient_name", "channel", "address", "letter_path", "letter_sha256")
_ROLE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.@-]{0,62}$")


def role_names(database: str) -> tuple[str, str]:
    """(volunteers, coordinators) of one campaign's database (as the triggers name them)."""
    base = database[:45]
    return f"{base}_volunteers", f"{base}_coordinators"


def _check_user_name(user: str) -> None:
    """A UserError for a name ``log grant`` and ``log revoke`` do not put into SQL."""
    if not _ROLE_NAME.match(user):
        raise UserError(
            _("'{user}' is not a database user name this command accepts").format(user=user),
            hint=_("use letters, digits and _ . @ - (as in CREATE ROLE)"),
        )


def _ident(conn: Connection, name: str) -> str:
    return conn.dialect.identifier_preparer.quote(name)


def grant(conn: Connection, location: LogLocation, user: str, coordinator: bool) -> str:
    """Give database user ``user`` a volunteer's (or a coordinator's) rights on the team's
    log, in one transaction; returns what was done, in words. Run by a coordinator whose
    database user may create roles (CREATEROLE) and owns the tables (ran ``log upgrade``)."""
    _check_user_name(user)
    volunteers, coordinators = role_names(location.database)
    try:
        with conn.begin():
            exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :u"), {"u": user}).first()
            if exists is None:
                raise UserError(
                    _("the database has no user '{user}'").format(user=user),
                    location.where(),
                    _("create it first (CREATE ROLE \"{user}\" LOGIN PASSWORD '…'), then grant again").format(
                        user=user
                    ),
                )
            _make_roles(conn, location.database, volunteers, coordinators)
            role = coordinators if coordinator else volunteers
            conn.exec_driver_sql(f"GRANT {_ident(conn, role)} TO {_ident(conn, user)}")
    except DBAPIError as exc:
        raise translate_error(exc, location, "changed") from None
    if coordinator:
        return _("'{user}' is now a coordinator of {log} (may also correct recorded history).").format(
            user=user, log=location.describe()
        )
    return _("'{user}' is now a volunteer of {log}.").format(user=user, log=location.describe())


class MemberRights:
    """``log grant`` and ``log revoke`` on an open log (mixed into ``LogDatabase``)."""

    shared: bool
    location: LogLocation
    _conn: Connection

    def grant(self, user: str, coordinator: bool) -> str:
        """Give a database user a volunteer's or a coordinator's rights (``log grant``)."""
        from campaign_app.core.outreach import upgrade

        self._team_only("log grant")
        upgrade.check_shared(self._conn, self.location)
        return grant(self._conn, self.location, user, coordinator)

    def revoke(self, user: str) -> str:
        """Take a member's rights on the team's log away (``log revoke``)."""
        self._team_only("log revoke")
        return revoke(self._conn, self.location, user)

    def _team_only(self, command: str) -> None:
        if not self.shared:
            raise UserError(
                _("'{command}' is for a team's log on PostgreSQL: campaign.db has no users").format(
                    command=command
                ),
                self.location.where(),
                _("set log_database in campaign.yaml (see the README, 'A team')"),
            )


def revoke(conn: Connection, location: LogLocation, user: str) -> str:
    """Take database user ``user``'s rights on the team's log away (a member who left, a
    laptop lost or seized), in one transaction; returns what was done, in words. From the
    member's next statement on, they may neither read nor record anything; what they
    recorded stays, under their name. Their database user itself stays (the administrator's
    to disable). A coordinator cannot revoke themselves: another one must."""
    _check_user_name(user)
    if user == location.user:
        raise UserError(
            _("you cannot take your own rights on the team's log away"),
            location.where(),
            _("ask another coordinator to run 'campaign-app log revoke {user}'").format(user=user),
        )
    volunteers, coordinators = role_names(location.database)
    try:
        with conn.begin():
            held = conn.execute(
                text(
                    "SELECT r.rolname FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid "
                    "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = :u AND r.rolname IN (:v, :c)"
                ),
                {"u": user, "v": volunteers, "c": coordinators},
            ).all()
            if not held:
                raise UserError(
                    _("'{user}' has no rights on the team's log to take away").format(user=user),
                    location.where(),
                    _("check the name: 'campaign-app log status' shows who did what"),
                )
            for (role,) in held:
                conn.exec_driver_sql(f"REVOKE {_ident(conn, role)} FROM {_ident(conn, user)}")
    except DBAPIError as exc:
        raise translate_error(exc, location, "changed") from None
    return _(
        "'{user}' may no longer read or record anything in {log}; what they recorded stays. "
        "Their database user remains: to stop it signing in at all, the database's administrator "
        'runs ALTER ROLE "{user}" NOLOGIN.'
    ).format(user=user, log=location.describe())


def _make_roles(conn: Connection, database: str, volunteers: str, coordinators: str) -> None:
    """The two roles and their privileges (again each time: a newer schema may add tables)."""
    q = conn.exec_driver_sql
    for role in (volunteers, coordinators):
        found = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).first()
        if found is None:
            q(f"CREATE ROLE {_ident(conn, role)} NOLOGIN")
    vol, coord = _ident(conn, volunteers), _ident(conn, coordinators)
    q(f"GRANT {vol} TO {coord}")
    q(f"GRANT CONNECT ON DATABASE {_ident(conn, database)} TO {vol}")
    q(f"GRANT USAGE ON SCHEMA public TO {vol}")
    q(f"GRANT SELECT ON alembic_version TO {vol}")
    tables = ", ".join(_TABLES)
    q(f"REVOKE ALL ON {tables} FROM {vol}")
    q(f"GRANT SELECT, INSERT ON {tables} TO {vol}")
    q(f"GRANT UPDATE ({', '.join(_VOLUNTEER_CONTACT_COLUMNS)}) ON contacts TO {vol}")
    q(f"GRANT UPDATE (uidvalidity, last_uid, updated_at) ON inbox_positions TO {vol}")
    q(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {tables} TO {coord}")
    # The letters' digests: read by all, written only by the database's own trigger (0007).
    q(f"REVOKE ALL ON letter_digests FROM {vol}, {coord}")
    q(f"GRANT SELECT ON letter_digests TO {vol}")


def listen(conn: Connection) -> None:
    """Start hearing about new events on this connection (see :func:`wait_for_changes`).
    LISTEN takes effect when its transaction commits; notifications arrive between
    transactions, so the connection is left in autocommit."""
    raw = conn.connection.dbapi_connection
    raw.autocommit = True  # type: ignore[union-attr]
    raw.execute(f"LISTEN {CHANNEL}")  # type: ignore[union-attr]


def wait_for_changes(conn: Connection, timeout: float) -> list[str]:
    """The letters (contact ids) others changed, waiting up to ``timeout`` seconds for the
    first; [] when nothing happened (or the connection is not PostgreSQL's)."""
    raw = conn.connection.dbapi_connection
    notifies = getattr(raw, "notifies", None)
    if notifies is None:
        return []
    first = [n.payload for n in notifies(timeout=timeout, stop_after=1)]
    if not first:
        return []
    return first + [n.payload for n in notifies(timeout=0.05)]


class LogListener:
    """Hears other members' changes to the team's log on a connection of its own (LISTEN
    campaign_log), so a window can refresh as they happen without asking the database
    again and again. Meant for a background thread: :meth:`wait` blocks up to its timeout."""

    def __init__(self, location: LogLocation, password: str | None):
        from campaign_app.core.outreach.database import postgres_engine

        self.location = location
        self._engine = postgres_engine(location, password)
        try:
            self._conn = self._engine.connect()
            listen(self._conn)
        except DBAPIError as exc:
            self._engine.dispose()
            raise translate_error(exc, location, "read") from None

    def wait(self, timeout: float) -> list[str]:
        """Contact ids changed since the last call, waiting up to ``timeout`` seconds."""
        try:
            return wait_for_changes(self._conn, timeout)
        except Exception as exc:  # psycopg.OperationalError: the server went away
            if isinstance(exc, DBAPIError | OSError) or type(exc).__module__.startswith("psycopg"):
                raise UserError(
                    _("{describe}: the connection was lost; changes by others are not shown").format(
                        describe=self.location.describe()
                    ),
                    hint=_("press Refresh once the database can be reached again"),
                ) from None
            raise

    def close(self) -> None:
        with suppress(Exception):
            self._conn.close()
        self._engine.dispose()
