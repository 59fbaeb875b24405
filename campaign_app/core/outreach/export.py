"""``campaign-app log export FILE.csv``: the contact log as a spreadsheet, and back.

Coordinators read the log in a spreadsheet, and volunteers without the program's database
at hand send their log in as this file to be merged. So the export is one row per event
(a letter with no history yet still gets one row): every row carries its letter's
details and the event's id, which is all a merge needs, and a spreadsheet can filter and
count it as it is. A ``status_now`` column gives each letter's current status for the
reader; it is derived (see core/outreach/status.py) and ignored when the file is read back.

Names and notes come from strangers' lists and from volunteers' typing, so every cell is
neutralised against CSV injection, and restored on reading (core/common/formulas.py).
The file is UTF-8 *with* a byte-order mark: without it Excel reads a CSV as the local code
page and a Cyrillic name turns into mojibake. Reading accepts it with or without the mark.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from campaign_app.core.common.atomic import atomic_write_bytes
from campaign_app.core.common.errors import Location, UserError, display_path
from campaign_app.core.common.formulas import neutralise, unneutralise
from campaign_app.core.common.i18n import _, ngettext
from campaign_app.core.outreach.records import Contact, Event, identity_holds, parse_time
from campaign_app.core.outreach.status import letter_status
from campaign_app.core.outreach.store import LogStore
from campaign_app.core.outreach.terms import EVENT_KINDS

CONTACT_COLUMNS = (
    "contact_id",
    "recipient_id",
    "recipient_name",
    "category",
    "case_id",
    "template_id",
    "language",
    "contact_channel",
    "address",
    "letter_path",
    "letter_sha256",
    "contact_created_at",
)
EVENT_COLUMNS = (
    "event_id",
    "event_kind",
    "event_at",
    "event_by",
    "event_channel",
    "event_detail",
)
# Since log version 3: the file an event concerns, and the program that claimed a letter.
# Optional on reading, so exports written by earlier versions still merge.
EVENT_FILE_COLUMNS = ("event_letter_path", "event_letter_sha256", "event_process")
DERIVED_COLUMNS = ("status_now",)
COLUMNS = CONTACT_COLUMNS + EVENT_COLUMNS + EVENT_FILE_COLUMNS + DERIVED_COLUMNS
REQUIRED_COLUMNS = CONTACT_COLUMNS + EVENT_COLUMNS

_BOM = "\ufeff"


def _check_csv_target(target: Path) -> None:
    if target.suffix.lower() != ".csv":
        raise UserError(
            _("cannot export the contact log to {name}: it is written as CSV").format(name=target.name),
            Location(display_path(target)),
            _("end the file name in .csv"),
        )


def export_rows(log: LogStore, case_id: str | None = None) -> list[list[str]]:
    """The header, then one row per event (or per letter with no events); not neutralised."""
    by_contact: dict[str, list[Event]] = {}
    for e in log.events():
        by_contact.setdefault(e.contact_id, []).append(e)
    rows = [list(COLUMNS)]
    for c in log.contacts(case_id):
        events = by_contact.get(c.id, [])
        letter = list(c)
        status = letter_status(events)
        if not events:
            rows.append([*letter, *[""] * (len(EVENT_COLUMNS) + len(EVENT_FILE_COLUMNS)), status])
        for e in events:
            rows.append(
                [
                    *letter,
                    *(e.id, e.kind, e.at, e.by, e.channel, e.detail),
                    *(e.letter_path, e.letter_sha256, e.process),
                    status,
                ]
            )
    return rows


def export_log(log: LogStore, target: Path, case_id: str | None = None) -> int:
    """Write the log (or one case's part of it) as CSV; returns how many rows were written."""
    target = Path(target)
    _check_csv_target(target)
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    rows = export_rows(log, case_id)
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])
    atomic_write_bytes(target, (_BOM + buf.getvalue()).encode("utf-8"))
    return len(rows) - 1


def _time(text: str) -> str | None:
    """A time as the log writes it (ISO 8601, UTC, microseconds: it sorts as text), or None
    if it is not one. A spreadsheet that re-saved the file may have reformatted it."""
    try:
        value = parse_time(text.strip())
    except ValueError:
        return None
    return value.astimezone(dt.UTC).isoformat(timespec="microseconds")


def read_export(path: Path) -> tuple[list[Contact], list[Event]]:
    """Read a file written by :func:`export_log` back into contacts and events.

    Every problem names the file and the row (rows counted as a spreadsheet shows them,
    the header being row 1)."""
    path = Path(path)
    where = display_path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(
            _("cannot read the log export ({value})").format(value=exc.strerror or exc), Location(where)
        ) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserError(
            _("the log export is not UTF-8 text"),
            Location(where),
            _(
                "use the file as 'campaign-app log export' wrote it; if a spreadsheet saved it, "
                "save it again as 'CSV UTF-8'"
            ),
        ) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise UserError(_("the log export is empty"), Location(where, 1)) from None
    except csv.Error as exc:
        raise UserError(
            _("the log export is not a readable CSV ({exc})").format(exc=exc), Location(where, 1)
        ) from None
    header = [h.strip() for h in header]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise UserError(
            ngettext(
                "not a contact log export: missing column {missing}",
                "not a contact log export: missing columns {missing}",
                len(missing),
            ).format(missing=", ".join(missing)),
            Location(where, 1),
            _("export the log with 'campaign-app log export FILE.csv' and merge that file"),
        )
    index = {name: header.index(name) for name in REQUIRED_COLUMNS + EVENT_FILE_COLUMNS if name in header}

    contacts: dict[str, tuple[Contact, int]] = {}
    events: dict[str, Event] = {}
    row_number = 1
    try:
        for row_number, raw in enumerate(reader, start=2):
            if not any(cell.strip() for cell in raw):
                continue
            cells = {name: unneutralise(raw[i]) if i < len(raw) else "" for name, i in index.items()}
            cells.update({name: "" for name in EVENT_FILE_COLUMNS if name not in cells})

            def bad(message: str, column: str, row: int = row_number) -> UserError:
                return UserError(
                    _("row {row}: {message}").format(row=row, message=message),
                    Location(where, row, header.index(column) + 1),
                    _("use the file as 'campaign-app log export' wrote it"),
                )

            contact = _contact(cells, bad)
            known = contacts.get(contact.id)
            if known is None:
                contacts[contact.id] = (contact, row_number)
            elif known[0] != contact:
                raise bad(
                    _("letter {id} differs from the same letter in row {known}").format(
                        id=contact.id, known=known[1]
                    ),
                    "contact_id",
                )
            event = _event(cells, contact.id, bad)
            if event is not None:
                if event.id in events and events[event.id] != event:
                    raise bad(
                        _("event {id} appears twice with different contents").format(id=event.id), "event_id"
                    )
                events[event.id] = event
    except csv.Error as exc:
        raise UserError(
            _("row {row_number}: not a readable CSV row ({exc})").format(row_number=row_number, exc=exc),
            Location(where, row_number),
        ) from None
    _check_identities(contacts, list(events.values()), where, header.index("contact_id") + 1)
    return [c for c, _ in contacts.values()], list(events.values())


def _check_identities(
    contacts: dict[str, tuple[Contact, int]], events: list[Event], where: str, column: int
) -> None:
    """Each letter's id must belong to its recipient, case and template, or to the names it
    had before a rename its own history records: anything else means the file was edited."""
    by_contact: dict[str, list[Event]] = {}
    for e in events:
        by_contact.setdefault(e.contact_id, []).append(e)
    for contact, row in contacts.values():
        if not identity_holds(contact, sorted(by_contact.get(contact.id, []), key=lambda e: e.at)):
            raise UserError(
                _(
                    "row {row}: contact_id '{id}' does not belong to recipient "
                    "'{recipient_id}', case '{case_id}' and template '{template_id}' (was "
                    "the file edited?)"
                ).format(
                    row=row,
                    id=contact.id,
                    recipient_id=contact.recipient_id,
                    case_id=contact.case_id,
                    template_id=contact.template_id,
                ),
                Location(where, row, column),
                _("use the file as 'campaign-app log export' wrote it"),
            )


def _contact(cells: dict[str, str], bad) -> Contact:
    for column in ("contact_id", "recipient_id", "case_id", "template_id", "contact_created_at"):
        if not cells[column]:
            raise bad(_("{column} is empty").format(column=column), column)
    created_at = _time(cells["contact_created_at"])
    if created_at is None:
        raise bad(
            _("contact_created_at '{contact_created_at}' is not a date and time").format(
                contact_created_at=cells["contact_created_at"]
            ),
            "contact_created_at",
        )
    return Contact(
        id=cells["contact_id"],
        recipient_id=cells["recipient_id"],
        recipient_name=cells["recipient_name"],
        category=cells["category"],
        case_id=cells["case_id"],
        template_id=cells["template_id"],
        language=cells["language"],
        channel=cells["contact_channel"],
        address=cells["address"],
        letter_path=cells["letter_path"],
        letter_sha256=cells["letter_sha256"],
        created_at=created_at,
    )


def _event(cells: dict[str, str], cid: str, bad) -> Event | None:
    if not cells["event_id"]:
        filled = [c for c in EVENT_COLUMNS if cells[c]]
        if filled:
            raise bad(_("{filled} is set but event_id is empty").format(filled=filled[0]), filled[0])
        return None
    kind = cells["event_kind"]
    if kind not in EVENT_KINDS:
        raise bad(
            _("event_kind '{kind}' is not one of {event_kinds}").format(
                kind=kind, event_kinds=", ".join(EVENT_KINDS)
            ),
            "event_kind",
        )
    at = _time(cells["event_at"])
    if at is None:
        raise bad(
            _("event_at '{event_at}' is not a date and time").format(event_at=cells["event_at"]), "event_at"
        )
    return Event(
        id=cells["event_id"],
        contact_id=cid,
        kind=kind,
        at=at,
        by=cells["event_by"],
        detail=cells["event_detail"],
        channel=cells["event_channel"],
        letter_path=cells["event_letter_path"],
        letter_sha256=cells["event_letter_sha256"],
        process=cells["event_process"],
    )
