"""User-facing problems, kept apart from bugs.

A campaigner who mistypes a category in a spreadsheet must see one line that names the
file, the row and column, and what to do, never a traceback. Everything the core raises
for bad *input* is a :class:`UserError` (or several of them in :class:`UserErrors`);
anything else that escapes is a bug in the program and is reported as such by the CLI.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True)
class Location:
    """Where a problem is: a file, and optionally a 1-based line (or row) and column."""

    path: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        text = self.path
        if self.line is not None:
            text += f":{self.line}"
            if self.column is not None:
                text += f":{self.column}"
        return text

    @classmethod
    def of(cls, path: str | Path, line: int | None = None, column: int | None = None) -> Location:
        """A location in ``path``, shown relative to the workspace (see :func:`display_path`)."""
        return cls(display_path(path), line, column)


_display_root: Path | None = None


def set_display_root(root: Path | None) -> None:
    """Paths in messages are shown relative to ``root`` (the workspace) when they are inside it."""
    global _display_root
    _display_root = root.resolve() if root is not None else None


def display_path(path: str | Path) -> str:
    """A path as the user should read it: relative to the workspace where possible."""
    p = path if isinstance(path, Path) else Path(path)  # a Path is not parsed again
    if _display_root is not None:
        try:
            inside = _inside(p.absolute(), _display_root)
        except OSError:
            inside = None
        if inside is not None:
            return inside
    return str(p)


@lru_cache(maxsize=1024)
def _inside(path: Path, root: Path) -> str | None:
    """``path`` relative to ``root`` once symbolic links are resolved (None: outside it).
    Kept: checking a case file names its place some 600 times, each a resolve of some
    lstat calls per folder (20 ms in all); the folders do not move while they are read."""
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return None


class UserError(Exception):
    """One problem with the user's input, with where it is and what to do about it."""

    def __init__(self, message: str, where: Location | None = None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.where = where
        self.hint = hint

    def __reduce__(self):  # whole across processes: a batch worker's problem keeps its place
        return (type(self), (self.message, self.where, self.hint))

    def __str__(self) -> str:
        text = self.message
        if self.where is not None:
            text = f"{self.where}: {text}"
        if self.hint:
            text = f"{text} — {self.hint}"
        return text


class UserErrors(Exception):
    """Several independent problems found in one pass, so the user can fix them all at once."""

    def __init__(self, errors: Iterable[UserError]):
        self.errors = list(errors)
        super().__init__("\n".join(str(e) for e in self.errors))

    def __iter__(self) -> Iterator[UserError]:
        return iter(self.errors)


class ProblemCollector:
    """Collects problems during a validation pass and raises them together at the end."""

    def __init__(self) -> None:
        self.errors: list[UserError] = []

    def add(self, message: str, where: Location | None = None, hint: str | None = None) -> None:
        self.errors.append(UserError(message, where, hint))

    def extend(self, errors: Iterable[UserError]) -> None:
        self.errors.extend(errors)

    def __bool__(self) -> bool:
        return bool(self.errors)

    def raise_if_any(self, causes: Iterable[UserError] = ()) -> None:
        """Raise one problem as itself, several as :class:`UserErrors`; nothing if none. A
        problem found again by another pass (a damaged log, read for each template's
        audience) is said once. ``causes``, said first when anything is raised: what was
        only worth a warning until something failed (a misspelt key, 'as_off:', that left
        a fact without its date)."""
        found = [*causes, *self.errors] if self.errors else []
        errors = list({str(e): e for e in found}.values())  # in the order first found
        if len(errors) == 1:
            raise errors[0]
        if errors:
            raise UserErrors(errors)


def flatten(exc: UserError | UserErrors) -> list[UserError]:
    """The individual problems in either kind of exception."""
    return list(exc.errors) if isinstance(exc, UserErrors) else [exc]


# A hint lists the ids there are only when they are few (a case has dozens of fact ids).
LISTED_IDS = 10


def did_you_mean(word: str, known: Iterable[str]) -> str | None:
    """ "did you mean '…'?" for a typo close to one of ``known``, else None: one name to
    check beats a list of fifty (a case has dozens of fact ids)."""
    import difflib

    from campaign_app.core.common.i18n import _

    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return _("did you mean '{key}'?").format(key=close[0]) if close else None
