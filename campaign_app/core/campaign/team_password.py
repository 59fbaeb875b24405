"""A team member's own database password: checked against the team's database, then kept
in the system keyring (``USER@HOST``, as for SMTP, in an entry of its own:
``TEAM_LOG_SERVICE``), never in campaign.yaml.

``campaign-app log password`` and the Settings tab's "Team's contact log" box both come
here, so the password is tried on the server before it is kept: a mistyped one is said at
once, not at the next send.
"""

from __future__ import annotations

from campaign_app.core.common.abandoning import Abandonable
from campaign_app.core.common.errors import Location, UserError
from campaign_app.core.common.i18n import _
from campaign_app.core.outreach.location import LogLocation, parse_log_database
from campaign_app.core.outreach.log_errors import PasswordRefused


def team_location(text: str) -> LogLocation | None:
    """The team's log named by a ``log_database`` value as typed (None: empty, the
    campaign's own campaign.db); a UserError, without the URL, when it is not usable."""
    return parse_log_database(text, None) if text.strip() else None


def check_keyring_for(location: LogLocation) -> None:
    """A UserError before any password is typed when no secure keyring can keep it."""
    from campaign_app.core.mail.secrets import secure_backend

    secure_backend(location.password_file_hint())


def shared_log(location: LogLocation | None) -> LogLocation:
    """``location``, a team's log; a UserError for a campaign's own campaign.db (None)."""
    if location is None:
        raise UserError(
            _("this campaign keeps its log in campaign.db: there is no database password"),
            hint=_("set log_database in campaign.yaml first (see the README, 'A team')"),
        )
    return location


def keep_member_password(location: LogLocation, password: str, asked: Abandonable | None = None) -> str:
    """Connect to the team's database with ``password`` (a refused password or an
    unreachable server is a UserError, and nothing is kept), then keep it in the keyring.
    Returns what still stands between the member and the log, else "": the password is
    right, but the user has no rights on it yet (``log grant``), or its tables are missing
    or older (``log upgrade``). ``asked``: the window's check, which it abandons when it
    closes before the server has answered; the password is then not kept."""
    from campaign_app.core.mail.secrets import TEAM_LOG_SERVICE, store_password
    from campaign_app.core.outreach.log import ContactLog

    if not password:
        raise UserError(_("the password is empty"), hint=_("type the password, then store it"))
    check_keyring_for(location)
    try:
        log = ContactLog.connect(location, password, check_schema=False)
    except PasswordRefused:  # nothing kept; the usual advice (keep a password) is what they did
        raise UserError(
            _("the database refused this password for user '{user}'").format(user=location.user),
            Location(location.describe()),
            _(
                "check the password (capital letters, the keyboard's language) and type it again; "
                "whoever created your database user can set a new one"
            ),
        ) from None
    with log:
        with (asked or Abandonable()).lasting_step() as wanted:
            if not wanted:  # the window closed meanwhile: nothing is kept that nobody is told of
                return ""
            store_password(
                location.user,
                location.host,
                password,
                instead=location.password_file_hint(),
                service=TEAM_LOG_SERVICE,
            )
        try:
            log.check_schema()  # the tables' revision, and the member's right to read them
        except UserError as exc:
            return str(exc)
    return ""
