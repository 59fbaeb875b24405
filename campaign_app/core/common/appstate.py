"""What the app remembers between runs: the last workspace, recent ones, and your name.

Kept as a small JSON file in the user's config folder (platformdirs), written atomically.
It holds paths and the volunteer's name (recorded with every change to the contact log,
so a coordinator knows who sent what): never a password, never letter content.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from campaign_app.core.common.atomic import atomic_write_bytes

APP_NAME = "campaign_app"
MAX_RECENT = 8


def config_dir() -> Path:
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def log_dir() -> Path:
    from platformdirs import user_log_path

    return user_log_path(APP_NAME, appauthor=False)


def example_workspace_path() -> Path:
    """Where the first start puts its copy of the example campaign."""
    return data_dir() / "example-campaign"


@dataclass
class AppState:
    """The remembered state, as read from and written to ``state.json``."""

    last_workspace: str | None = None
    recent: list[str] = field(default_factory=list)
    volunteer_name: str = ""
    # The window's and command line's language chosen in Settings ("" follows the system).
    language: str = ""

    @classmethod
    def path(cls) -> Path:
        return config_dir() / "state.json"

    @classmethod
    def load(cls) -> AppState:
        """The remembered state; a missing or damaged file gives a fresh one, never an error."""
        try:
            data = json.loads(cls.path().read_text(encoding="utf-8"))
            return cls(
                last_workspace=data.get("last_workspace"),
                recent=[str(p) for p in data.get("recent", [])][:MAX_RECENT],
                volunteer_name=str(data.get("volunteer_name") or ""),
                language=str(data.get("language") or ""),
            )
        except (OSError, ValueError, AttributeError):
            return cls()  # first start, or a damaged file: start fresh rather than fail

    def remember(self, workspace: Path) -> None:
        """Make ``workspace`` the last one opened and the first of the recent ones."""
        text = str(workspace.resolve())
        self.last_workspace = text
        self.recent = [text, *(p for p in self.recent if p != text)][:MAX_RECENT]

    def save(self) -> None:
        path = self.path()
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {
            "last_workspace": self.last_workspace,
            "recent": self.recent,
            "volunteer_name": self.volunteer_name,
            "language": self.language,
        }
        atomic_write_bytes(path, (json.dumps(data, indent=2) + "\n").encode("utf-8"))


def volunteer_name() -> str:
    """Who is working: the name set in Settings, else the computer account's name."""
    name = AppState.load().volunteer_name.strip()
    if name:
        return name
    import getpass

    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no user name in the environment or passwd
        return "unknown"
