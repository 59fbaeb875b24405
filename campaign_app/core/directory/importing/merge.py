"""Merging imported entries into the directory (the files that change are written by :mod:`.edits`).

The same person from two sources is one entry: an incoming record is matched to an entry
the directory has (or one added earlier in the same import) by, in this order,

1. the same id, when the name (in any language the entry gives it in) or the e-mail agrees
   too, or, for an office without a person's name, the office (a re-import of the same
   list, of the directory's own export);
2. the same e-mail address (case ignored), unless both name a person and the names have
   no part in common (``another_person``): a ministry's secretariat answers for several of
   its officials, and each of them is an entry of their own;
3. the same name without accents or case (:func:`~campaign_app.core.directory.query.fold`) and the
   same organisation.

A matched entry keeps its id and its file. A field it lacks is filled in and new tags are
added (both listed in the report); a field it has with a different value is left alone
and listed as "would change", unless ``update`` is set. The entry's lines are rewritten
and nothing else (:mod:`.edits`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from types import MappingProxyType
from typing import Any

from campaign_app.core.common.errors import display_path
from campaign_app.core.common.i18n import N_
from campaign_app.core.directory.folding import fold
from campaign_app.core.directory.recipients import EXTRA_FIELDS, FIELDS, Recipient

# ---- comparable values ------------------------------------------------------------------


def plain_value(value: Any) -> Any:
    """A Recipient attribute as comparable plain data: str, {lang: str} or tuple of tags."""
    if type(value) is str:
        return value
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): str(v) for k, v in value.items() if v}
    if isinstance(value, tuple | list):
        return tuple(value)
    return value


def tags_of(value: Any) -> tuple[str, ...]:
    """Tags as a tuple, from a tuple or a ';'-separated cell."""
    if isinstance(value, str):
        return tuple(t.strip() for t in value.split(";") if t.strip())
    return tuple(value or ())


def texts_of(value: Any) -> list[str]:
    """Every text of a value (a per-language map's, a list's), for matching and comparing."""
    if isinstance(value, Mapping):
        return [v for v in value.values() if v]
    if isinstance(value, tuple | list):
        return list(value)
    return [value] if value else []


def shown_value(value: Any) -> str:
    """A value as the report shows it: ``en: …, uk: …`` for a map, tags joined by ``;``."""
    if isinstance(value, Mapping):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    if isinstance(value, tuple | list):
        return ";".join(value)
    return str(value)


def same_value(name: str, old: Any, new: Any) -> bool:
    """Whether the source gives what the entry has: e-mail case ignored, and a per-language
    map the same if one's texts hold the other's (the source may have one language only)."""
    if name == "email":
        return str(old).casefold() == str(new).casefold()
    if isinstance(old, Mapping) or isinstance(new, Mapping):
        olds, news = set(texts_of(old)), set(texts_of(new))
        return bool(news) and (news <= olds or olds <= news)
    return old == new


class _FoldTable(dict):
    """``str.translate`` table that folds one character as :func:`query.fold` does, worked
    out the first time the character is met (fold works character by character: case
    folding and dropping accents need no context), so a key costs one C-level pass."""

    def __missing__(self, code: int) -> str:
        folded = fold(chr(code))
        self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def _key(text: str) -> str:
    """Text folded for matching people, as the query language folds it (Šimečka → simecka)."""
    folded = text.casefold() if text.isascii() else text.translate(_FOLD_TABLE)
    return " ".join(folded.split())


def _text_for_key(value: Any) -> str:
    if type(value) is str:
        return value
    if isinstance(value, Mapping):
        return str(value.get("en") or next(iter(value.values()), ""))
    return str(value or "")


def name_key(values: Mapping[str, Any]) -> str:
    """The name a person is matched by (given and family name, folded)."""
    return folded_name(
        _text_for_key(values.get("given_name", "")), _text_for_key(values.get("family_name", ""))
    )


def name_variants(values: Mapping[str, Any]) -> set[str]:
    """The name keys of every language an entry gives its name in: an entry kept with its
    name in English and Ukrainian is the same person as a row (its own export, another list)
    naming them in either."""
    given, family = values.get("given_name", ""), values.get("family_name", "")
    languages = {*(v for part in (given, family) if isinstance(part, Mapping) for v in part)}
    return {name_key(values)} | {
        folded_name(_in_language(given, language), _in_language(family, language)) for language in languages
    }


def _in_language(value: Any, language: str) -> str:
    """A name part's text in ``language`` (a map's), or the text itself for every language."""
    return str((value.get(language) if isinstance(value, Mapping) else value) or "")


_NAME_PARTS = re.compile(r"[\s\-\u2010\u2011]+")


def another_person(known: Mapping[str, Any], name: str) -> bool:
    """Whether a record named ``name`` (its name key) is not the person of the entry with its
    e-mail address: both name a person and no part of the names is the same (in any language
    the entry gives its name in). "A. Nowak-Kowalska" may be Anna Nowak; Oleh Petrenko is
    not Denys Maliuska, whatever address the two share."""
    if not name:
        return False
    parts = set(_NAME_PARTS.split(name)) - {""}
    variants = [v for v in name_variants(known) if v]
    return bool(variants) and all(parts.isdisjoint(_NAME_PARTS.split(v)) for v in variants)


ANOTHER_PERSON = "another person"  # (never shown: no entry is named by it)


def same_office(known: Mapping[str, Any], incoming: Mapping[str, Any]) -> bool:
    """Whether a record without a name or e-mail names the entry's office: its position
    is one of the entry's (in any language) and, where both give one, so is the organisation."""
    if any(name_variants(known)):
        return False  # the entry names a person: a nameless record is not them by id alone
    for field_name in ("position", "organisation"):
        new = _key(_text_for_key(incoming.get(field_name, "")))
        olds = {_key(t) for t in texts_of(known.get(field_name, ""))}
        if field_name == "position" and (not new or new not in olds):
            return False
        if new and olds and new not in olds:
            return False
    return True


def folded_name(given: str, family: str) -> str:
    """The name key of a given and a family name (texts)."""
    return _key(f"{given} {family}") if given or family else ""


def folded_names(given: Sequence[str | None], family: Sequence[str | None]) -> list[str]:
    """:func:`folded_name` of each row's given and family name (None: no name), a chunk's
    column at a time: each distinct given name folded once (a list has a few hundred),
    the family names folded in one pass over them joined. Folding goes character by
    character, so the key of "given family" is the given name's key and the family name's,
    joined by a space where both have one; the spaces of a family name are made single
    row by row only where the joined names hold any to make so (rarely)."""
    keys: dict[str | None, str] = {g: _key(g) for g in set(given) if g}
    # no NUL in a CSV's cells: the reader refuses it
    joined = "\0".join(family if None not in family else [f or "" for f in family])  # type: ignore[arg-type]
    text = _folded(joined)
    folded = text.split("\0")
    if len(folded) != len(family):
        return [folded_name(g or "", f or "") for g, f in zip(given, family, strict=True)]
    if _uneven_spaces(text):
        folded = [" ".join(f.split()) for f in folded]
    firsts = list(map(keys.get, given, repeat("")))
    pairs = zip(firsts, folded, strict=True)
    if "" in firsts or "" in folded:
        return [f"{first} {last}" if first and last else first or last for first, last in pairs]
    return list(map(" ".join, pairs))


def _uneven_spaces(text: str) -> bool:
    """Whether " ".join(name.split()) changes a name of several folded and joined by NUL: a
    space other than " " (str.split's and the pattern's are the same, Py_UNICODE_ISSPACE),
    two spaces, a space at a name's start or end. Substring searches but for the first:
    one pattern of all five tried them at every character, four times slower."""
    return (
        # a space other than " " is no printable character (Unicode's separators and
        # controls): looked for only in a text that has one (a C loop, twice as fast)
        (not text.replace("\0", " ").isprintable() and _OTHER_SPACE.search(text) is not None)
        or "  " in text
        or " \0" in text
        or "\0 " in text
        or text[:1] == " "
        or text[-1:] == " "
    )


_OTHER_SPACE = re.compile(r"[^\S ]")


def _folded(text: str) -> str:
    """``text`` folded as _key folds it, before its spaces are made single: where each of
    its letters above ASCII folds to ASCII letters (accented Latin ones), each is replaced
    in one pass of its own and the rest lower-cased, three times faster than translating
    every character through the table."""
    if text.isascii():
        return text.casefold()
    try:  # its letters above ASCII, by deleting the ASCII bytes of its UTF-8 (2x set(text))
        distinct = set(text.encode("utf-8").translate(None, _ASCII_BYTES).decode("utf-8"))
    except UnicodeError:  # a lone surrogate
        distinct = set(text)
        distinct.difference_update(_ASCII)
    replacements = list(map(_ascii_fold, distinct))
    if None in replacements:
        return text.translate(_FOLD_TABLE)
    for char, replacement in zip(distinct, replacements, strict=True):
        text = text.replace(char, replacement)  # type: ignore[arg-type]  # no None: looked above
    return text.lower()


_ASCII = frozenset(map(chr, range(128)))
_ASCII_BYTES = bytes(range(128))


@lru_cache(maxsize=4096)
def _ascii_fold(char: str) -> str | None:
    """fold(char) where it is ASCII holding no capital (what lower() leaves as it is); else None."""
    folded = _FOLD_TABLE[ord(char)]
    return folded if folded.isascii() and folded.lower() == folded else None


def org_key(values: Mapping[str, Any]) -> str:
    """The organisation a name is matched within (folded)."""
    return folded_org(_text_for_key(values.get("organisation", "")))


@lru_cache(maxsize=4096)
def folded_org(text: str) -> str:  # a directory names a handful of organisations, many times
    """The organisation key of an organisation's name (a text)."""
    return _key(text)


def email_key(email: str) -> str:
    """An address as matched (case ignored); the address itself when it is in lower case
    already: one string less an entry."""
    folded = email.casefold()
    return email if folded == email else folded


# ---- the directory as the import sees it -----------------------------------------------


_NO_CHANGES: Mapping[str, Any] = MappingProxyType({})
_NO_NAMES: Mapping[str, Entry] = MappingProxyType({})


@dataclass(slots=True)
class Entry:
    """An entry of the directory, or one this import adds."""

    id: str
    values: dict[str, Any]  # field -> plain value (only filled fields)
    path: Path | None  # its file; None for a new entry
    row: int | None = None  # the source row of a new entry
    language: str = "en"
    # field -> new value to write; one dict made at the first change (most entries never
    # change: an empty dict each would be 6 MB of a 100,000-row import)
    changes: Mapping[str, Any] = field(default_factory=lambda: _NO_CHANGES)

    def change(self, name: str, value: Any) -> None:
        if self.changes is _NO_CHANGES:
            self.changes = {}
        self.changes[name] = value  # type: ignore[index]  # a dict once changed

    def get(self, name: str) -> Any:
        return self.changes.get(name, self.values.get(name, ""))

    def current(self) -> dict[str, Any]:
        return {**self.values, **self.changes} if self.changes else self.values


class DirectoryIndex:
    """Entries by id, by e-mail and by (name, organisation)."""

    def __init__(self) -> None:
        self.by_id: dict[str, Entry] = {}
        self.by_email: dict[str, Entry] = {}
        # e-mail -> the other entries with that address (people sharing an office's address)
        self.sharing: dict[str, list[Entry]] = {}
        # e-mail -> the name key its entry in by_email had when indexed: a record with both is
        # that entry without another look at the names (a re-import: 4 µs a row)
        self._email_names: dict[str, str] = {}
        # organisation -> name -> entry: a directory names a handful of organisations, so
        # a (name, organisation) tuple for every entry would be 6 MB of a 100,000-row import
        self.by_name: dict[str, dict[str, Entry]] = {}

    @classmethod
    def of(cls, recipients: Iterable[Recipient], files: Sequence[Path]) -> DirectoryIndex:
        """The directory as the import matches against it, each entry with its file."""
        index = cls()
        paths = {display_path(p): p for p in files}
        for r in recipients:
            path = paths.get(r.origin.path) if r.origin is not None else None
            values = {}
            for name in FIELDS:
                value = getattr(r, name)
                if value:
                    values[name] = value if type(value) is str else plain_value(value)
            for name in EXTRA_FIELDS:  # the addressee lines, the end of a term of office
                value = getattr(r, name)
                if value:
                    values[name] = plain_value(value)
            index.add(Entry(r.id, values, path, language=r.language))
        return index

    def add(self, entry: Entry, keys: tuple[str, str, str] | None = None) -> None:
        self.by_id.setdefault(entry.id, entry)
        self.index_keys(entry, keys)

    @staticmethod
    def keys(values: Mapping[str, Any]) -> tuple[str, str, str]:
        """(e-mail, name, organisation) as matched: case and accents ignored."""
        return email_key(str(values.get("email") or "")), name_key(values), org_key(values)

    def index_keys(self, entry: Entry, keys: tuple[str, str, str] | None = None) -> None:
        """Index ``entry`` under its keys (as they are now); a key already taken stays with
        the entry that had it first."""
        email, name, org = keys or self.keys(entry.current())
        if email:
            first = self.by_email.setdefault(email, entry)
            if first is entry:
                self._email_names[email] = name
            else:
                others = self.sharing.setdefault(email, [])
                if all(other is not entry for other in others):
                    others.append(entry)
        if name:
            within = self.by_name.get(org)
            if within is None:
                within = self.by_name[org] = {}
            within.setdefault(name, entry)

    def match(
        self, rid: str, keys: tuple[str, str, str], incoming: Mapping[str, Any] = _NO_CHANGES
    ) -> tuple[Entry | None, str]:
        """The entry these keys describe, and why ("same id", "same e-mail", "same name…");
        ``incoming``: the record's values, for an office named without a person. No entry,
        and why ``ANOTHER_PERSON``: entries have its e-mail address, but none is this person."""
        email, name, org = keys
        by_id = self.by_id.get(rid) if rid else None
        if by_id is not None:
            current = by_id.current()  # as indexed: kept up to date
            known_email = email_key(str(current.get("email") or ""))
            if (email and known_email == email) or (name and name in name_variants(current)):
                return by_id, N_("same id")
            if not name and not email and not known_email and same_office(current, incoming):
                return by_id, N_("same id")  # an office without a person's name (a prosecutor general)
        shared = False
        if email and email in self.by_email:
            if name and self._email_names.get(email) == name:
                return self.by_email[email], N_("same e-mail")
            for found in (self.by_email[email], *self.sharing.get(email, ())):
                if not another_person(found.current(), name):
                    return found, N_("same e-mail")
            shared = True
        if name:
            found = self.by_name.get(org, _NO_NAMES).get(name)
            if found is not None:
                return found, N_("same name and organisation")
        return None, ANOTHER_PERSON if shared else ""

    def unique_id(self, wanted: str) -> str:
        """``wanted``, or ``wanted-2``, ``-3``… when another entry has it."""
        if wanted not in self.by_id:
            return wanted
        n = 2
        while f"{wanted}-{n}" in self.by_id:
            n += 1
        return f"{wanted}-{n}"
