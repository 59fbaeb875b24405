"""Making a new campaign folder: the bundled example's copy, or an empty campaign.

A campaign is built in a hidden folder beside its place and renamed into it at the end,
so an interrupted or failed creation leaves nothing half made; a mistake (a file where the
folder should be, a folder that is not empty or cannot be written) is one message.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from campaign_app.core.campaign.workspace import CAMPAIGN_FILE
from campaign_app.core.common.errors import UserError
from campaign_app.core.common.i18n import _
from campaign_app.core.common.resources import example_dir

if TYPE_CHECKING:
    from campaign_app.core.campaign.settings import Campaign


def _create_workspace(target: Path, fill: Callable[[Path], None]) -> Path:
    """Build a workspace in a hidden sibling folder, then rename it into place: an
    interrupted or failed creation leaves no half-made campaign behind."""
    if target.exists() and not target.is_dir():
        raise UserError(
            _("{target} is a file, not a folder").format(target=target),
            hint=_("choose a new folder name; nothing was changed"),
        )
    if target.exists() and any(target.iterdir()):
        raise UserError(
            _("{target} already exists and is not empty").format(target=target),
            hint=_("choose a new folder name; nothing was changed"),
        )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".init-", dir=target.parent))
    except OSError as exc:  # a file where a folder should be, no permission, a read-only disk
        blocking = next((p for p in (target, *target.parents) if p.exists() and not p.is_dir()), None)
        reason = (
            _("{path} is a file, not a folder").format(path=blocking)
            if blocking is not None
            else exc.strerror or str(exc)
        )
        raise UserError(
            _("cannot make the campaign folder {target}: {reason}").format(target=target, reason=reason),
            hint=_("choose a folder you can write to; nothing was changed"),
        ) from None
    try:
        fill(staging)
        if target.exists():
            target.rmdir()
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target


def init_workspace(target: Path) -> Path:
    """Copy the bundled example campaign into ``target`` (new or empty folder)."""
    source = example_dir()

    def fill(staging: Path) -> None:
        shutil.copy2(source / CAMPAIGN_FILE, staging / CAMPAIGN_FILE)
        for folder in ("cases", "recipients", "letter_templates"):
            shutil.copytree(
                source / folder, staging / folder, ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
            )

    return _create_workspace(target, fill)


EMPTY_CAMPAIGN = """\
name: New campaign
case: new-case
default_language: en
follow_up_days: 14
paper: A4
sender:
  organisation: Your organisation
  address: "Street and number\\nPostcode City\\nCountry"
  city: Your city
signatories:
  - name: Your name
    role: Your role
"""

EMPTY_CASE = """\
id: new-case
languages: [en]
title: {en: New case}
person:
  name: {en: Name of the person}
summary: {en: One paragraph about the case.}
timeline: []
facts: []
arguments: []
demands: []
supporters: []
sources: []
"""


def init_empty_workspace(target: Path) -> Path:
    """Create a minimal valid workspace: campaign.yaml, an empty case, empty folders."""

    def fill(staging: Path) -> None:
        (staging / CAMPAIGN_FILE).write_text(EMPTY_CAMPAIGN, encoding="utf-8")
        for folder in ("cases", "recipients", "letter_templates"):
            (staging / folder).mkdir()
        (staging / "cases" / "new-case.yaml").write_text(EMPTY_CASE, encoding="utf-8")

    return _create_workspace(target, fill)


# The words an empty campaign's campaign.yaml starts with (EMPTY_CAMPAIGN), by what they fill.
_PLACEHOLDERS = (
    ("sender.organisation", "Your organisation"),
    ("sender.address", "Street and number"),
    ("sender.city", "Your city"),
    ("signatories.name", "Your name"),
    ("signatories.role", "Your role"),
)


def placeholders_left(campaign: Campaign) -> list[str]:
    """The fields of campaign.yaml that still hold a new empty campaign's placeholder
    ("Your organisation"): a letter would be written, and e-mailed, in their name."""
    values = {
        "sender.organisation": [campaign.sender.organisation],
        "sender.address": [campaign.sender.address],
        "sender.city": [campaign.sender.city],
        "signatories.name": [s.name for s in campaign.signatories],
        "signatories.role": [s.role for s in campaign.signatories],
    }
    left = []
    for field, placeholder in _PLACEHOLDERS:
        texts = [t for v in values[field] for t in (v.values() if isinstance(v, Mapping) else [v])]
        if any(placeholder in str(t) for t in texts):
            left.append(f"{field}: '{placeholder}'")
    return left
