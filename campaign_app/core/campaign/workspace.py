"""A campaign is a folder: campaign.yaml, cases/, recipients/, letter_templates/, out/.

The workspace loads each part lazily and once, so the command line, the desktop app and
the batch workers all read the same files the same way. ``init`` copies the bundled
example campaign so a new user starts from a working, realistic campaign.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeVar

from campaign_app.core.common.atomic import file_stamp
from campaign_app.core.common.errors import Location, ProblemCollector, UserError, display_path
from campaign_app.core.common.i18n import _

if TYPE_CHECKING:  # the loaders pull in Jinja2, Babel, email-validator…: only when used
    import datetime as dt

    from campaign_app.core.campaign.settings import Campaign
    from campaign_app.core.case.model import Case
    from campaign_app.core.directory.load import Directory
    from campaign_app.core.letters.templates import Template
    from campaign_app.core.outreach.location import LogLocation
    from campaign_app.core.outreach.log import ContactLog
    from campaign_app.core.outreach.status import RecipientState
    from campaign_app.core.outreach.store import LetterSource, LogStore
    from campaign_app.core.outreach.team import LogListener

CAMPAIGN_FILE = "campaign.yaml"
LOG_FILE = "campaign.db"  # the contact log, when the campaign names no team database


class TemplateScan(NamedTuple):
    """The templates that load, by id, and the problems of the files that do not (a
    template id that two files share is a problem and belongs to neither)."""

    templates: dict[str, Template]
    problems: tuple[UserError, ...]


T = TypeVar("T")
_UNREAD = object()


class _Part(Generic[T]):
    """A part of the workspace read on first use and kept, like ``functools.cached_property``,
    but safe beside :meth:`Workspace.invalidate` on another thread: the desktop app reads
    parts on worker threads while a tab saves one on the UI thread. A part read from the file
    as it was before a save is handed to the reading that asked for it, and never kept once
    the save invalidated it (else the preview and the letters would go on stating the old
    case). Threads asking for the same part at once read it once."""

    def __init__(self, read: Callable[[Any], T]):
        self.read = read
        self.__doc__ = read.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, ws: Any, owner: type | None = None) -> T:
        if ws is None:
            return self  # type: ignore[return-value]
        found = ws.__dict__.get(self.name, _UNREAD)
        if found is not _UNREAD:
            return found
        with ws._reading[self.name]:  # one reading at a time of this part
            found = ws.__dict__.get(self.name, _UNREAD)
            if found is not _UNREAD:
                return found
            version = ws._versions[self.name]
            stamp = ws._stamp(self.name)  # before reading: a change during the read shows
            value = self.read(ws)
            with ws._parts_lock:
                if ws._versions[self.name] == version:  # not invalidated meanwhile
                    ws.__dict__[self.name] = value
                    ws._stamps[self.name] = stamp
            return value


class Workspace:
    """One campaign folder. Attributes load on first use and raise UserError on bad input."""

    _PARTS = ("campaign", "case", "directory", "template_scan")

    def __init__(self, root: Path):
        self.root = root.resolve()
        self._parts_lock = threading.Lock()
        self._reading = {part: threading.Lock() for part in self._PARTS}
        self._versions = dict.fromkeys(self._PARTS, 0)
        self._stamps: dict[str, object] = {}  # part → its files as they were when read

    @classmethod
    def open(cls, root: Path) -> Workspace:
        if not (root / CAMPAIGN_FILE).is_file():
            what = (
                _("{path} is a file, not a folder").format(path=root)
                if root.is_file()  # campaign.yaml itself, say, given for its folder
                else _("no {campaign_file} in {root}").format(campaign_file=CAMPAIGN_FILE, root=root)
            )
            raise UserError(
                what,
                hint=_(
                    "choose the campaign folder, the one holding campaign.yaml (-w DIR on the command "
                    "line); a new one is made with File ▸ New in the window or 'campaign-app init DIR'"
                ),
            )
        return cls(root)

    def invalidate(self, *parts: str) -> None:
        """Forget loaded parts ("campaign", "case", "directory", "templates"; none = all)
        so the next access reads the files again (after an edit in the desktop app)."""
        with self._parts_lock:
            for part in parts or ("campaign", "case", "directory", "templates"):
                name = "template_scan" if part == "templates" else part
                self._versions[name] += 1  # a reading under way is not kept (see _Part)
                self.__dict__.pop(name, None)
                self._stamps.pop(name, None)

    def changed_on_disk(self) -> list[str]:
        """The loaded parts whose files another program changed, added or removed since they
        were read ("campaign", "case", "directory", "templates"): the desktop app reads them
        again rather than write letters from what the files no longer say."""
        with self._parts_lock:
            loaded = dict(self._stamps)
        return [
            "templates" if name == "template_scan" else name
            for name, stamp in loaded.items()
            if self._stamp(name) != stamp
        ]

    def _stamp(self, part: str) -> object:
        """What the files of ``part`` are now: each one's name, size and time of change."""
        if part == "campaign":
            return file_stamp(self.campaign_path)
        folder = {"case": "cases", "directory": "recipients", "template_scan": "letter_templates"}[part]
        try:
            names = os.listdir(self.root / folder)
        except OSError:
            return None
        return sorted((name, file_stamp(self.root / folder / name)) for name in names)

    @property
    def campaign_path(self) -> Path:
        return self.root / CAMPAIGN_FILE

    @property
    def out_dir(self) -> Path:
        return self.root / "out"

    def relative(self, path: Path) -> str:
        """``path`` as the log and summaries record it: relative to the workspace when inside
        it (the folder can move), else as it is."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    @property
    def log_path(self) -> Path:
        """campaign.db: the contact log (see core/outreach/log.py)."""
        return self.root / LOG_FILE

    @property
    def log_location(self) -> LogLocation:
        """Where the contact log is: the team's database named in campaign.yaml, or campaign.db."""
        from campaign_app.core.outreach.location import sqlite_location

        return self.campaign.log_database or sqlite_location(self.log_path)

    def has_log(self) -> bool:
        """Whether there is a log to read yet (a team's log always is)."""
        return self.campaign.log_database is not None or self.log_path.exists()

    def open_log(self, create: bool = True) -> LogStore:
        """The contact log, to change it (campaign.db created, or upgraded after a backup, as
        needed; a team's log connected to as this member)."""
        from campaign_app.core.outreach.log import ContactLog

        if self.campaign.log_database is not None:
            return self._connect_team_log()
        return ContactLog.open(self.log_path, create=create)

    def read_log(self) -> LogStore:
        """The contact log, only to read it: nothing in the folder is written (a UserError
        says so when there is no log yet)."""
        from campaign_app.core.outreach.log import ContactLog

        if self.campaign.log_database is not None:
            return self._connect_team_log()
        return ContactLog.open_readonly(self.log_path)

    def read_letters(self) -> LetterSource:
        """The contact log, only to read its letters' states (``log status``, the Outreach
        tab, ``status:`` queries): through the database's driver alone, not SQLAlchemy's
        imports (core/outreach/plain_log.py); an older campaign.db is upgraded in memory for
        this reading (a UserError says so when there is no log yet)."""
        from campaign_app.core.outreach.plain_log import PlainLog

        location = self.campaign.log_database
        if location is not None:
            return PlainLog.connect(location, _log_password(location))
        plain = PlainLog.open(self.log_path)
        return plain if plain is not None else self.read_log()

    def _connect_team_log(self, check_schema: bool = True) -> ContactLog:
        """The team's log, as this member's database user; the password from the keyring, or
        (none there) from libpq's PGPASSWORD / .pgpass."""
        from campaign_app.core.outreach.log import ContactLog

        location = self.campaign.log_database
        assert location is not None
        return ContactLog.connect(location, _log_password(location), check_schema=check_schema)

    def listen_to_log(self) -> LogListener | None:
        """Hear other members' changes to the team's log as they happen (None for campaign.db,
        which only this computer writes). Connects: call it off the UI thread."""
        from campaign_app.core.outreach.team import LogListener

        location = self.campaign.log_database
        return LogListener(location, _log_password(location)) if location is not None else None

    def open_log_to_upgrade(self) -> ContactLog:
        """The log whatever its schema (``log upgrade``, ``log grant``)."""
        from campaign_app.core.outreach.log import ContactLog

        if self.campaign.log_database is not None:
            return self._connect_team_log(check_schema=False)
        return ContactLog.open(self.log_path)

    def recipient_states(
        self,
        now: dt.datetime | None = None,
        *,
        abridged: bool = False,
        meanwhile: Callable[[], object] | None = None,
    ) -> dict[str, RecipientState]:
        """What the contact log says about each recipient written to for this case; the case's
        coming events make follow-ups due ``remind_days_before`` them. ``abridged``: the
        letters' facts without their events, read faster (``log status``; see
        core/outreach/digest.py). ``meanwhile``: the caller's other work, done while a team's
        log is read (see :meth:`_beside_the_server`); an error of the log's is raised first."""
        if meanwhile is None:
            return self._recipient_states(now, abridged)
        if self.campaign.log_database is None:  # campaign.db: nothing to wait for
            states = self._recipient_states(now, abridged)
            meanwhile()
            return states
        return self._beside_the_server(lambda: self._recipient_states(now, abridged), meanwhile)

    def _beside_the_server(self, read: Callable[[], T], meanwhile: Callable[[], object]) -> T:
        """``read`` (of a team's log) on a thread of its own, ``meanwhile`` on this one. The
        connection and the server's answers (a tenth of a second and more over 100,000
        letters) are waits, in which this thread works on; the reading's Python work would
        only share the interpreter's lock with it, so the modules it needs are loaded here
        first, and the reading starts with the waits."""
        from concurrent.futures import ThreadPoolExecutor

        import psycopg  # noqa: F401

        import campaign_app.core.mail.secrets  # the password's keyring
        import campaign_app.core.outreach.digest
        import campaign_app.core.outreach.plain_log  # noqa: F401

        with ThreadPoolExecutor(1, thread_name_prefix="log-read") as reader:
            reading = reader.submit(read)
            try:
                meanwhile()
            except BaseException:
                reading.result()  # the log's error first, as without ``meanwhile``
                raise
            return reading.result()

    def _recipient_states(self, now: dt.datetime | None, abridged: bool) -> dict[str, RecipientState]:
        import datetime as dt

        from campaign_app.core.case.over_time import reminders
        from campaign_app.core.outreach.status import Reminder, recipient_states

        if not self.has_log():
            return {}
        with self.read_letters() as log:  # first: a team's is a connection to wait for
            today = (now or dt.datetime.now(dt.UTC)).date()
            coming = [
                Reminder(r.on, r.reason, r.event.date.first_day())
                for r in reminders(self.case, self.campaign.remind_days_before, today)
            ]
            return recipient_states(
                log, self.case.id, self.campaign.follow_up_days, now, coming, abridged=abridged
            )

    def doubtful_addresses(self) -> dict[str, tuple[str, str]]:
        """Recipient id → (the address a letter bounced from, what the bounce said): the
        Recipients tab's mark. The letters' digests first; the events only of the recipients
        with a bounced letter (see ``doubtful_addresses_read``)."""
        from campaign_app.core.outreach.status import doubtful_addresses_read, with_bounced_letters

        bounced = with_bounced_letters(self.recipient_states(abridged=True))
        if not bounced:
            return {}  # no second reading of the log (a team's: no second connection)
        with self.read_letters() as log:
            return doubtful_addresses_read(log, bounced)

    def recipient_statuses(self) -> dict[str, frozenset[str]]:
        """For ``status:`` queries: recipient id → statuses (see core/outreach/status.py)."""
        from campaign_app.core.outreach.status import status_table

        return status_table(self.recipient_states(abridged=True))  # statuses need no events

    @_Part
    def campaign(self) -> Campaign:
        from campaign_app.core.campaign.settings import load_campaign

        return load_campaign(self.campaign_path)

    @property
    def case_path(self) -> Path:
        return self.root / "cases" / f"{self.campaign.case}.yaml"

    @_Part
    def case(self) -> Case:
        from campaign_app.core.case.load import load_case

        path = self.case_path
        if not path.is_file():
            raise UserError(
                _("case file cases/{case}.yaml does not exist").format(case=self.campaign.case),
                Location(display_path(self.campaign_path), self.campaign.case_line),
                _("correct 'case:' in campaign.yaml or add the case file"),
            )
        return load_case(path)

    @_Part
    def directory(self) -> Directory:
        from campaign_app.core.directory.load import directory_files, load_directory

        return load_directory(directory_files(self.root / "recipients"))

    def template_files(self) -> list[Path]:
        folder = self.root / "letter_templates"
        return sorted(folder.glob("*.md")) if folder.is_dir() else []

    @_Part
    def template_scan(self) -> TemplateScan:
        """Every template file, loaded on its own: one broken file is reported (by
        ``check``, and with an unknown id) but does not stop using the others."""
        from campaign_app.core.letters.templates import load_template

        problems = ProblemCollector()
        found: dict[str, Template] = {}
        shared: set[str] = set()
        for path in self.template_files():
            try:
                template = load_template(path)
            except UserError as exc:
                problems.extend([exc])
                continue
            if template.id in found or template.id in shared:
                first = found.pop(template.id, None)
                problems.add(
                    _("template id '{id}' is also used by {value}").format(
                        id=template.id, value=display_path(first.path) if first else "another template"
                    ),
                    Location(display_path(path), 2),
                    _("give each template its own id"),
                )
                shared.add(template.id)
                continue
            found[template.id] = template
        return TemplateScan(found, tuple(problems.errors))

    @property
    def templates(self) -> dict[str, Template]:
        """Every template by id; all broken templates are reported together."""
        scan = self.template_scan
        _raise_all(scan.problems)
        return scan.templates

    def template(self, template_id: str) -> Template:
        """The template ``template_id``, even while another template file is broken."""
        scan = self.template_scan
        if template_id not in scan.templates:
            # A broken file named after the id is surely the one asked for: its problem says it all.
            own = tuple(p for p in scan.problems if p.where and Path(p.where.path).stem == template_id)
            if own:
                _raise_all(own)
            known = ", ".join(sorted(scan.templates)) or "none"
            unknown = UserError(
                _("unknown template '{template_id}'").format(template_id=template_id),
                hint=_("known templates: {known}").format(known=known),
            )
            _raise_all((unknown, *scan.problems))
        return scan.templates[template_id]


def _log_password(location: LogLocation) -> str | None:
    """This member's database password from the keyring; None: libpq finds it (PGPASSWORD,
    .pgpass), as it also does when there is no usable keyring. Earlier versions kept it in
    the mail passwords' entry: it is read there when the team's own entry has none."""
    from campaign_app.core.mail.secrets import SERVICE, TEAM_LOG_SERVICE, get_password

    try:
        for service in (TEAM_LOG_SERVICE, SERVICE):
            password = get_password(location.user, location.host, service=service)
            if password is not None:
                return password
    except UserError:
        pass
    return None


def _raise_all(problems: tuple[UserError, ...]) -> None:
    collector = ProblemCollector()
    collector.extend(problems)
    collector.raise_if_any()
