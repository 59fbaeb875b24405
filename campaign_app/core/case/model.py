"""The case as the program holds it once the case file is read and checked.

Every text that can reach a letter is :data:`Localized` (one text, or one per language);
every fact, event, supporter and argument point carries the ids of the sources that back
it, because an unsourced claim in an appeal can be turned against the person it defends.
The loader (``load.py``) builds these objects; the editor (``edit.py``) works on the file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from campaign_app.core.common.dates import PartialDate
from campaign_app.core.common.errors import UserError
from campaign_app.core.common.localized import Localized

SUPPORTER_KINDS = ("official", "parliamentarian", "un", "international_organisation", "ngo", "activists")
# What a timeline event is: a future hearing, decision or deadline makes follow-ups due
# before it, and the reminder names it ("hearing on 2026-12-20").
EVENT_KINDS = ("hearing", "decision", "deadline", "filing", "detention", "statement", "other")


@dataclass(frozen=True)
class Source:
    """A document that backs the case's claims; a letter cites it as a numbered footnote.

    ``footnotes``: the numbers under which the briefing the case was taken from cites it,
    so a reader can check the case against that briefing. ``note``: the campaign's own
    remark on the source ("title shortened as in the URL"); it never reaches a letter.
    """

    id: str
    title: Localized
    publisher: Localized = ""  # one name, or a name per language (a court register's, say)
    date: PartialDate | None = None
    url: str = ""
    footnotes: tuple[int, ...] = ()
    note: Localized = ""


@dataclass(frozen=True)
class Event:
    """A dated step of the timeline (a date known only to the month or year stays so).

    ``kind``: one of :data:`EVENT_KINDS`, or "" when the file does not say."""

    id: str
    date: PartialDate
    text: Localized
    sources: tuple[str, ...]
    kind: str = ""


@dataclass(frozen=True)
class Fact:
    """A statement about the case. ``as_of``: the date on which it was known to be true
    (a letter stating an old fact as current is what ``check`` warns about)."""

    id: str
    text: Localized
    sources: tuple[str, ...]
    as_of: PartialDate | None = None


@dataclass(frozen=True)
class Point:
    """One sourced point of an argument."""

    text: Localized
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Argument:
    """A line of reasoning a letter can make: a title and its sourced points."""

    id: str
    label: str
    title: Localized
    points: tuple[Point, ...]


@dataclass(frozen=True)
class Demand:
    id: str
    text: Localized


@dataclass(frozen=True)
class Supporter:
    """Someone who spoke out for the person (``kind``: one of :data:`SUPPORTER_KINDS`).

    ``recipient``: their id in the recipient directory, so a letter to them can thank
    them for it (``case.supporters if s.recipient == recipient.id``).
    """

    id: str
    name: Localized
    kind: str
    date: PartialDate | None
    sources: tuple[str, ...]
    recipient: str = ""


@dataclass(frozen=True)
class Person:
    """The person the case is about: ``name`` per language, and ``forms`` per language
    (``{"uk": {"genitive": …}}``) where the language declines the name."""

    name: Mapping[str, str]
    gender: str = ""
    description: Localized = ""
    forms: Mapping[str, Mapping[str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Case:
    """A case file as the loader accepted it. ``path``: the file it was read from, and
    ``warnings`` what it holds that is not understood (bookkeeping, not letter content)."""

    id: str
    languages: tuple[str, ...]
    title: Localized
    person: Person
    summary: Localized
    timeline: tuple[Event, ...]
    facts: tuple[Fact, ...]
    arguments: tuple[Argument, ...]
    demands: tuple[Demand, ...]
    supporters: tuple[Supporter, ...]
    sources: tuple[Source, ...]
    path: Path | None = None
    # What the file holds that the case does not know (an unknown key), at its line.
    warnings: tuple[UserError, ...] = field(default=(), compare=False)

    def source(self, source_id: str) -> Source | None:
        """The source with this id, or None."""
        return next((s for s in self.sources if s.id == source_id), None)

    def cited_source_ids(self) -> set[str]:
        """The ids of every source that an event, fact, supporter or argument point cites."""
        used: set[str] = set()
        cited: tuple[Event | Fact | Supporter, ...] = (*self.timeline, *self.facts, *self.supporters)
        for item in cited:
            used.update(item.sources)
        for arg in self.arguments:
            for p in arg.points:
                used.update(p.sources)
        return used
