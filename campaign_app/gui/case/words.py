"""The Case tab's words in the interface language: each part's items, and the editor's fields.

Ukrainian and Russian decline a noun and make the words around it agree with its gender, so
"Add fact", "No event selected" or "Delete source “x”?" cannot be put together from one
word per part: each phrase is written out whole for each part, and translated as a whole.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject

from campaign_app.gui.case.models import KIND_NAMES, kind_name
from campaign_app.gui.translation import QT_TRANSLATE_NOOP


class CaseWords(QObject):
    """Where these words are translated: ``CaseWords.tr(text, "", n)`` gives a count Qt's plural forms."""


@dataclass(frozen=True)
class SectionWords:
    """One part's phrases; ``{id}`` is filled in with the item's id."""

    noun: str  # "Fact": a title on its own
    add: str  # "&Add fact"
    none_selected: str  # "No fact selected"
    delete_title: str  # "Delete fact “{id}”?"
    delete_button: str  # "Delete fact"
    item: str  # "the fact “{id}”", within a sentence


# Per part: noun, add, none selected, delete title, delete button, item (translated when used).
_WORDS = {
    "timeline": (
        QT_TRANSLATE_NOOP("CaseWords", "Event"),
        QT_TRANSLATE_NOOP("CaseWords", "&Add event"),
        QT_TRANSLATE_NOOP("CaseWords", "No event selected"),
        QT_TRANSLATE_NOOP("CaseWords", "Delete event “{id}”?"),
        QT_TRANSLATE_NOOP("CaseWords", "Delete event"),
        QT_TRANSLATE_NOOP("CaseWords", "the event “{id}”"),
    ),
    "facts": (
        QT_TRANSLATE_NOOP("CaseWords", "Fact"),
        QT_TRANSLATE_NOOP("CaseWords", "&Add fact"),
        QT_TRANSLATE_NOOP("CaseWords", "No fact selected"),
        QT_TRANSLATE_NOOP("CaseWords", "Delete fact “{id}”?"),
        QT_TRANSLATE_NOOP("CaseWords", "Delete fact"),
        QT_TRANSLATE_NOOP("CaseWords", "the fact “{id}”"),
    ),
    "arguments": (
        QT_TRANSLATE_NOOP("CaseWords", "Argument"),
        QT_TRANSLATE_NOOP("CaseWords", "&Add argument"),
        QT_TRANSLATE_NOOP("CaseWords", "No argument selected"),
        QT_TRANSLATE_NOOP("CaseWords", "Delete argument “{id}”?"),
        QT_TRANSLATE_NOOP("CaseWords", "Delete argument"),
        QT_TRANSLATE_NOOP("CaseWords", "the argument “{id}”"),
    ),
    "demands": (
        QT_TRANSLATE_NOOP("CaseWords", "Demand"),
        QT_TRANSLATE_NOOP("CaseWords", "&Add demand"),
        QT_TRANSLATE_NOOP("CaseWords", "No demand selected"),
        QT_TRANSLATE_NOOP("CaseWords", "Delete demand “{id}”?"),
        QT_TRANSLATE_NOOP("CaseWords", "Delete demand"),
        QT_TRANSLATE_NOOP("CaseWords", "the demand “{id}”"),
    ),
    "supporters": (
        QT_TRANSLATE_NOOP("CaseWords", "Supporter"),
        QT_TRANSLATE_NOOP("CaseWords", "&Add supporter"),
        QT_TRANSLATE_NOOP("CaseWords", "No supporter selected"),
        QT_TRANSLATE_NOOP("CaseWords", "Delete supporter “{id}”?"),
        QT_TRANSLATE_NOOP("CaseWords", "Delete supporter"),
        QT_TRANSLATE_NOOP("CaseWords", "the supporter “{id}”"),
    ),
    "sources": (
        QT_TRANSLATE_NOOP("CaseWords", "Source"),
        QT_TRANSLATE_NOOP("CaseWords", "&Add source"),
        QT_TRANSLATE_NOOP("CaseWords", "No source selected"),
        QT_TRANSLATE_NOOP("CaseWords", "Delete source “{id}”?"),
        QT_TRANSLATE_NOOP("CaseWords", "Delete source"),
        QT_TRANSLATE_NOOP("CaseWords", "the source “{id}”"),
    ),
}


def section_words(section: str) -> SectionWords:
    """The phrases for one part of the case (timeline, facts, …)."""
    return SectionWords(*(QCoreApplication.translate("CaseWords", text) for text in _WORDS[section]))


def section_count(section: str, n: int) -> str:
    """``12 facts``, with each language's plural forms."""
    counts = {
        "timeline": lambda: CaseWords.tr("%n event(s)", "", n),  # type: ignore[arg-type]
        "facts": lambda: CaseWords.tr("%n fact(s)", "", n),  # type: ignore[arg-type]
        "arguments": lambda: CaseWords.tr("%n argument(s)", "", n),  # type: ignore[arg-type]
        "demands": lambda: CaseWords.tr("%n demand(s)", "", n),  # type: ignore[arg-type]
        "supporters": lambda: CaseWords.tr("%n supporter(s)", "", n),  # type: ignore[arg-type]
        "sources": lambda: CaseWords.tr("%n source(s)", "", n),  # type: ignore[arg-type]
    }
    if section in counts:
        return counts[section]()
    return CaseWords.tr("%n item(s)", "", n)  # type: ignore[arg-type]


# Labels with mnemonics. Letters taken by the window (File, View, Help; Case, Recipients,
# Compose, Batch, Settings) and by the tab (Revert, Add, Quick filter, Sections) are avoided.
# All of these are translated where they are shown (context "ItemEditor").
LABELS = {
    "id": QT_TRANSLATE_NOOP("ItemEditor", "&ID"),
    "date": QT_TRANSLATE_NOOP("ItemEditor", "&Date"),
    "as_of": QT_TRANSLATE_NOOP("ItemEditor", "&As of"),
    "text": QT_TRANSLATE_NOOP("ItemEditor", "Te&xt"),
    "sources": QT_TRANSLATE_NOOP("ItemEditor", "So&urces"),
    "label": QT_TRANSLATE_NOOP("ItemEditor", "&Label"),
    "title": QT_TRANSLATE_NOOP("ItemEditor", "&Title"),
    "points": QT_TRANSLATE_NOOP("ItemEditor", "&Points"),
    "name": QT_TRANSLATE_NOOP("ItemEditor", "Na&me"),
    "kind": QT_TRANSLATE_NOOP("ItemEditor", "&Kind"),
    "recipient": QT_TRANSLATE_NOOP("ItemEditor", "Reci&pient id"),
    "publisher": QT_TRANSLATE_NOOP("ItemEditor", "&Publisher"),
    "url": QT_TRANSLATE_NOOP("ItemEditor", "&Web address"),
    "gender": QT_TRANSLATE_NOOP("ItemEditor", "&Gender"),
    "description": QT_TRANSLATE_NOOP("ItemEditor", "Descri&ption"),
    "summary": QT_TRANSLATE_NOOP("ItemEditor", "Summar&y"),
    "note": QT_TRANSLATE_NOOP("ItemEditor", "N&ote"),
}
PLACEHOLDERS = {
    "date": QT_TRANSLATE_NOOP("ItemEditor", "YYYY-MM-DD, YYYY-MM or YYYY"),
    "sources": QT_TRANSLATE_NOOP("ItemEditor", "source ids, separated by commas"),
    "url": "https://…",
    "recipient": QT_TRANSLATE_NOOP(
        "ItemEditor", "id of this supporter in the recipient directory (optional)"
    ),
    "label": QT_TRANSLATE_NOOP("ItemEditor", "A, B, C… (optional)"),
}

CHOICE_NAMES = {
    "": QT_TRANSLATE_NOOP("ItemEditor", "(not given)"),
    "f": QT_TRANSLATE_NOOP("ItemEditor", "female (f)"),
    "m": QT_TRANSLATE_NOOP("ItemEditor", "male (m)"),
}


def field_text(text: str) -> str:
    """A label, placeholder or choice of the item editor in the interface language."""
    return QCoreApplication.translate("ItemEditor", text)


def choice_name(choice: str) -> str:
    """A choice as the window says it: a kind or a gender in words; an unknown value as written."""
    if choice in KIND_NAMES:
        return kind_name(choice)
    return field_text(CHOICE_NAMES[choice]) if choice in CHOICE_NAMES else choice.replace("_", " ")
