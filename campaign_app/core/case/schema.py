"""What the Case tab shows of a case file: its lists, their fields, and the order of keys.

The loader (``load.py``) says what a valid case is; this is the editor's view of the same
schema: which values each item has and how each is edited, the loader's word for each
list's items (so a field's message matches the command line's), and the order in which
a new key is put into the file, so an edited file reads as if written by hand.
"""

from __future__ import annotations

from dataclasses import dataclass

from campaign_app.core.case.model import EVENT_KINDS, SUPPORTER_KINDS


@dataclass(frozen=True)
class FieldSpec:
    """One editable value of an item.

    ``kind``: ``id``, ``line`` (one line of plain text), ``url``, ``choice``, ``date``,
    ``sources`` (a list of source ids), ``text`` (a text per language, several lines),
    ``name`` (a text per language, one line) or ``points`` (an argument's points).
    ``shared``: the file may hold one text for every language instead of a map (a source
    title), and the editor keeps that shape. ``where``: for the overview, the mapping that
    holds the key ("" the file's top level, "person" the person).
    """

    key: str
    kind: str
    required: bool = True
    shared: bool = False
    choices: tuple[str, ...] = ()
    where: str = ""

    @property
    def localized(self) -> bool:
        """True for a text per language (edited in one box per language)."""
        return self.kind in ("text", "name")


@dataclass(frozen=True)
class Section:
    """A list in the case file, as the loader names its items in messages."""

    key: str
    what: str  # "timeline event", "fact", … (the loader's word, so messages match the CLI's)
    fields: tuple[FieldSpec, ...]
    new_id: str

    @property
    def order(self) -> tuple[str, ...]:
        """The item's keys in the order a new key is put into the file."""
        return tuple(f.key for f in self.fields)


_ID = FieldSpec("id", "id")
SECTIONS: dict[str, Section] = {
    s.key: s
    for s in (
        Section(
            "timeline",
            "timeline event",
            (
                _ID,
                FieldSpec("date", "date"),
                FieldSpec("kind", "choice", required=False, choices=("", *EVENT_KINDS)),
                FieldSpec("text", "text"),
                FieldSpec("sources", "sources"),
            ),
            "new-event",
        ),
        Section(
            "facts",
            "fact",
            (
                _ID,
                FieldSpec("as_of", "date", required=False),
                FieldSpec("text", "text"),
                FieldSpec("sources", "sources"),
            ),
            "new-fact",
        ),
        Section(
            "arguments",
            "argument",
            (
                _ID,
                FieldSpec("label", "line", required=False),
                FieldSpec("title", "name"),
                FieldSpec("points", "points", required=False),
            ),
            "new-argument",
        ),
        Section("demands", "demand", (_ID, FieldSpec("text", "text")), "new-demand"),
        Section(
            "supporters",
            "supporter",
            (
                _ID,
                FieldSpec("name", "name"),
                FieldSpec("kind", "choice", choices=SUPPORTER_KINDS),
                FieldSpec("date", "date", required=False),
                FieldSpec("sources", "sources"),
                FieldSpec("recipient", "line", required=False),
            ),
            "new-supporter",
        ),
        Section(
            "sources",
            "source",
            (
                _ID,
                FieldSpec("title", "text", shared=True),
                FieldSpec("publisher", "name", required=False, shared=True),
                FieldSpec("date", "date", required=False),
                FieldSpec("url", "url", required=False),
                FieldSpec("note", "text", required=False, shared=True),
            ),
            "new-source",
        ),
    )
}
POINT_FIELDS = (FieldSpec("text", "text"), FieldSpec("sources", "sources"))
POINT_ORDER = ("text", "sources")
GENDERS = ("", "f", "m")
OVERVIEW_FIELDS = (
    FieldSpec("title", "name"),
    FieldSpec("name", "name", where="person"),
    FieldSpec("gender", "choice", required=False, choices=GENDERS, where="person"),
    FieldSpec("description", "text", required=False, where="person"),
    FieldSpec("summary", "text"),
)
TOP_ORDER = (
    "id",
    "languages",
    "title",
    "person",
    "summary",
    "timeline",
    "facts",
    "arguments",
    "demands",
    "supporters",
    "sources",
)
PERSON_ORDER = ("name", "gender", "description", "forms")
