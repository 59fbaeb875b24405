"""How a changed or new YAML entry is written: in the style of what it replaces.

A new entry gets the bundled files' key order (:data:`KEY_ORDER`), tags and per-language
texts inline; a changed value keeps the quoting or block style the user chose, a
per-language map keeps its other languages, and a key added after the entry's old last
key does not carry the comments that followed it into the entry.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from campaign_app.core.common.localized import is_localized_map
from campaign_app.core.directory.edit.shared import Value, plain, tags_list
from campaign_app.core.directory.recipients import ALL_FIELDS, FIELDS

if TYPE_CHECKING:  # ruamel is imported where YAML is written: yamlio says why
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import FoldedScalarString

# Where a key goes when an entry gets it for the first time: the bundled files' order.
KEY_ORDER = (*FIELDS[: FIELDS.index("organisation") + 1], "addressee", *FIELDS[FIELDS.index("country") :])
_FOLD_WIDTH = 88


def new_item(record: Mapping[str, Value]) -> CommentedMap:
    """A new YAML entry: the filled-in fields in the usual order, maps and tags inline."""
    from ruamel.yaml.comments import CommentedMap

    item = CommentedMap()
    for name in KEY_ORDER:
        value = record.get(name)
        if name == "tags":
            tags = tags_list(value or "")
            if tags:
                item[name] = _flow_seq(tags)
        elif isinstance(value, Mapping):
            texts = {k: v for k, v in value.items() if v}
            if texts:
                item[name] = _new_map(texts)
        elif value:
            item[name] = _scalar(value)
    for name in record:
        if name not in ALL_FIELDS:
            raise ValueError(f"not a recipient field: {name}")
    return item


def _flow_seq(values: list[str]) -> CommentedSeq:
    from ruamel.yaml.comments import CommentedSeq

    seq = CommentedSeq(values)
    seq.fa.set_flow_style()
    return seq


def _new_map(texts: Mapping[str, str]) -> CommentedMap:
    """A per-language text: inline ``{uk: …, en: …}``, or a block map for multi-line texts."""
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.scalarstring import LiteralScalarString

    node = CommentedMap()
    multiline = any("\n" in t for t in texts.values())
    for lang, text in texts.items():
        node[lang] = LiteralScalarString(text) if "\n" in text else text
    if not multiline:
        node.fa.set_flow_style()
    return node


def _styled(value: str, old: Any, in_flow: bool) -> Any:
    """``value`` in the style the old value was written in, where that style can hold it.

    A plain text is a PlainScalarString: ruamel would otherwise give a plain ``str`` the
    old value's quoting (and ruamel still quotes it where YAML needs quotes)."""
    from ruamel.yaml.scalarstring import (
        DoubleQuotedScalarString,
        FoldedScalarString,
        LiteralScalarString,
        PlainScalarString,
        SingleQuotedScalarString,
    )

    # Quotes are kept where the user chose them for a text; '' was only quoted for being empty.
    quoted = isinstance(old, SingleQuotedScalarString | DoubleQuotedScalarString) and str(old) != ""
    if in_flow:  # inside {…}: no block scalars
        return type(old)(value) if quoted and "\n" not in value else PlainScalarString(value)
    if "\n" in value:
        return LiteralScalarString(value)
    if isinstance(old, FoldedScalarString):
        return _folded(value)
    if quoted or isinstance(old, LiteralScalarString):
        return type(old)(value)
    return PlainScalarString(value)


def _folded(text: str) -> FoldedScalarString:
    """Folded text (``>-``) broken at spaces into lines of about the bundled files' width."""
    from ruamel.yaml.scalarstring import FoldedScalarString

    node = FoldedScalarString(text)
    positions, line_start, last_space = [], 0, None
    for i, char in enumerate(text):
        if char == " " and 0 < i < len(text) - 1 and text[i - 1] != " " and text[i + 1] != " ":
            if i - line_start > _FOLD_WIDTH and last_space is not None:
                positions.append(last_space)
                line_start = last_space + 1
            last_space = i
    if len(text) - line_start > _FOLD_WIDTH and last_space is not None and last_space >= line_start:
        positions.append(last_space)
    node.fold_pos = positions  # ruamel reads it when it writes the folded text
    return node


def _is_flow(node: Any) -> bool:
    fa = getattr(node, "fa", None)
    return bool(fa is not None and fa.flow_style())


def apply_changes(item: CommentedMap, changes: Mapping[str, Value]) -> None:
    """Set the changed keys of one YAML entry, keeping what is unchanged untouched."""
    last_key = next(reversed(item), None) if len(item) else None
    for name, value in changes.items():
        if name not in ALL_FIELDS:
            raise ValueError(f"not a recipient field: {name}")
        if name == "tags":
            _set_tags(item, name, value)
        elif isinstance(value, Mapping):
            _set_localized(item, name, value)
        else:
            _set_text(item, name, value)
    if last_key is not None and next(reversed(item)) != last_key:
        _trim_tail_comment(item, last_key)


def _set_tags(item: CommentedMap, name: str, value: Value) -> None:
    """Tags in the form the entry has them: a list stays a list (changed in place), a
    ``;``-separated text stays one; new tags are an inline list."""
    from ruamel.yaml.comments import CommentedSeq
    from ruamel.yaml.scalarstring import PlainScalarString

    old = item.get(name)
    tags = tags_list(value)
    if isinstance(old, CommentedSeq):
        if [str(t) for t in old] != tags:
            old.clear()
            old.extend(tags)
    elif isinstance(old, str) or old is not None:
        if tags_list(plain(old)) != tags:
            joined = PlainScalarString("; ".join(tags))
            item[name] = joined if ";" in plain(old) or not tags else _flow_seq(tags)
    elif tags:
        _insert(item, name, _flow_seq(tags))


def _set_localized(item: CommentedMap, name: str, value: Mapping[str, str]) -> None:
    """Per-language texts: merged into the entry's map (its other languages kept), or a
    new map where the entry had a single text."""
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.scalarstring import PlainScalarString

    old = item.get(name)
    if isinstance(old, CommentedMap) and is_localized_map(old):
        _merge_languages(old, value)
        return
    texts = {k: v for k, v in value.items() if v}
    if not texts and old is None:
        return
    new = _new_map(texts) if texts else PlainScalarString("")
    if name in item:
        item[name] = new
    else:
        _insert(item, name, new)


def _set_text(item: CommentedMap, name: str, value: Value) -> None:
    """A single text, in the style of the one it replaces (set only if it changed)."""
    from ruamel.yaml.comments import CommentedMap

    old = item.get(name)
    if isinstance(old, CommentedMap) and is_localized_map(old):
        raise ValueError(f"{name} is kept per language: give a {{language: text}} map")
    if name in item:
        if not isinstance(value, str):
            raise ValueError(f"{name} takes a text, not a list")
        if plain(old) != value.strip():
            item[name] = _styled(value, old, _is_flow(item))
    elif value:
        _insert(item, name, _scalar(value))


def _scalar(value: Value) -> Any:
    """A new value as written: a multi-line text as a literal block (``|``)."""
    from ruamel.yaml.scalarstring import LiteralScalarString

    return LiteralScalarString(value) if isinstance(value, str) and "\n" in value else value


def _merge_languages(node: CommentedMap, texts: Mapping[str, str]) -> None:
    from ruamel.yaml.scalarstring import LiteralScalarString

    flow = _is_flow(node)
    for lang, text in texts.items():
        old = node.get(lang)
        if not text:
            if lang in node:
                del node[lang]
        elif old is None:
            node[lang] = text if flow or "\n" not in text else LiteralScalarString(text)
        elif plain(old) != text.strip():
            node[lang] = _styled(text, old, flow)


def _insert(item: CommentedMap, name: str, value: Any) -> None:
    """Add key ``name`` after the keys that come before it in :data:`KEY_ORDER`."""
    rank = KEY_ORDER.index(name) if name in KEY_ORDER else len(KEY_ORDER)
    position = 0
    for i, key in enumerate(item):
        if key in KEY_ORDER and KEY_ORDER.index(key) < rank:
            position = i + 1
    item.insert(position, name, value)


def _trim_tail_comment(item: CommentedMap, old_last: str) -> None:
    """A key now follows the entry's old last key: the blank lines and comments ruamel
    kept after that key would land inside the entry. Keep only its end-of-line comment
    (the lines after the entry are taken from the original text)."""
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

    node, key = item, old_last
    while isinstance(node[key], CommentedMap) and not _is_flow(node[key]) and len(node[key]):
        node, key = node[key], next(reversed(node[key]))
    entry = node.ca.items.get(key)
    if not entry or len(entry) < 3 or entry[2] is None:
        return
    token = entry[2]
    block = isinstance(node[key], LiteralScalarString | FoldedScalarString)
    if block or not token.value.lstrip(" ").startswith("#"):
        entry[2] = None
    else:
        token.value = token.value.split("\n", 1)[0] + "\n"
