"""A team's contact log on the test PostgreSQL: the coordinator carol owns the database and
ran ``log upgrade``; anna and boris are volunteers (``log grant``). Members' workspaces
point at it with ``log_database`` and find their password in the (in-memory) keyring."""

from __future__ import annotations

import re
from pathlib import Path

import keyring

from campaign_app.core.mail.secrets import TEAM_LOG_SERVICE
from campaign_app.core.outreach.location import parse_log_database
from campaign_app.core.outreach.log import ContactLog

HOST = "127.0.0.1"


def location(db, user: str):
    return parse_log_database(db.url(user), None)


def connect(db, user: str) -> ContactLog:
    """The team's log as ``user`` (password given directly, as the keyring would)."""
    return ContactLog.connect(location(db, user), db.cluster.password(user))


def hand_to_coordinator(db) -> None:
    """What the README asks of the database's administrator: carol owns the database and
    its schema and may create roles."""
    with db.admin_connect() as admin:
        admin.execute(f'ALTER DATABASE "{db.name}" OWNER TO carol')
        admin.execute("ALTER ROLE carol CREATEROLE")
        admin.execute("ALTER SCHEMA public OWNER TO carol")


def make_team(db, volunteers: tuple[str, ...] = ("anna", "boris")) -> None:
    """carol owns the database, creates the schema and grants herself and the volunteers."""
    hand_to_coordinator(db)
    coordinator = ContactLog.connect(location(db, "carol"), db.cluster.password("carol"), check_schema=False)
    with coordinator:
        coordinator.upgrade_schema()
        coordinator.grant("carol", coordinator=True)
        for user in volunteers:
            db.cluster.add_user(user)
            coordinator.grant(user, coordinator=False)


def join_team(root: Path, db, user: str) -> None:
    """Point the workspace at the team's log as ``user``, the password in the keyring."""
    campaign = root / "campaign.yaml"
    text = re.sub(r"(?m)^log_database:.*\n", "", campaign.read_text(encoding="utf-8"))
    campaign.write_text(text + f"log_database: {db.url(user)}\n", encoding="utf-8")
    keyring.set_password(TEAM_LOG_SERVICE, f"{user}@{HOST}", db.cluster.password(user))


def join_team_at_port(root: Path, port: int, password: str) -> None:
    """Point the workspace at a team's log on 127.0.0.1:``port`` as anna (a server that is
    not there, or does not answer), her password in the keyring."""
    campaign = root / "campaign.yaml"
    text = re.sub(r"(?m)^log_database:.*\n", "", campaign.read_text(encoding="utf-8"))
    campaign.write_text(
        text + f"log_database: postgresql://anna@127.0.0.1:{port}/akhmetova\n", encoding="utf-8"
    )
    keyring.set_password(TEAM_LOG_SERVICE, "anna@127.0.0.1", password)


def record_send(log, recipient_id: str, name: str, by: str, then: str = "sent") -> str:
    """On an open log: ``by`` claims the letter to ``recipient_id`` and records what came of
    it (``then``: "sent", "failed", or "" for a send still at work); returns the letter's id."""
    from log_helpers import letter

    claim = log.claim(
        letter(recipient_id, name, "mep", "appeal-en", channel="email"),
        by,
        "sending",
        channel="email",
        letter_path="out/x.eml",
        letter_sha256="a" * 64,
    )
    assert claim.granted
    if then:
        log.add_event(claim.contact_id, then, by, "250 OK" if then == "sent" else "550 no", "email")
    return claim.contact_id


def member_sends(db, member: str, recipient_id: str, name: str) -> None:
    """Another member, on another computer: claims a letter and records it sent."""
    with connect(db, member) as log:
        record_send(log, recipient_id, name, member)
