"""Where the bundled example campaign lives, installed or run from a source checkout.

The repository's top-level campaign.yaml, cases/, recipients/ and letter_templates/ are the
example; the wheel carries them as ``campaign_app/example``. A source checkout or an
editable install has no such folder, so the repository root is used instead.
"""

from __future__ import annotations

from pathlib import Path

from campaign_app.core.common.i18n import _

_PACKAGE = Path(__file__).resolve().parents[2]


def example_dir() -> Path:
    """The folder holding the example campaign.yaml, cases/, recipients/, letter_templates/."""
    for candidate in (_PACKAGE / "example", _PACKAGE.parent):
        if (candidate / "campaign.yaml").is_file() and (candidate / "cases").is_dir():
            return candidate
    raise FileNotFoundError(_("the bundled example campaign is missing from this installation"))
