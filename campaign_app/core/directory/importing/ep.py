"""What is particular to the European Parliament's lists.

- The open-data CSV (``data_v1_meps_9_en.csv``): ``mep_*`` columns, ``mailto:`` e-mail
  cells with several addresses, Windows-1252 with letters lost to ``?``. Its columns are
  mapped in :mod:`.mapping`; here are the defaults every EP entry gets.
- The "full list" XML (``<meps><mep><fullName>…``), which has no e-mail addresses: its
  members get the Parliament's postal address (:data:`EP_POSTAL_ADDRESS`). Read here, element by element NAME
  (the order of the elements inside ``<mep>`` does not matter), with the line of each
  ``<mep>`` kept for the report. The parser refuses DTDs, entities and external
  references (defusedxml), so a hostile file cannot expand or fetch anything; it reads
  element by element (no depth limit is needed) and stops at IMPORT_ROWS entries.
- Names written "Given FAMILY" (``Michal ŠIMEČKA``, ``Esther de LANGE``,
  ``Mairead McGUINNESS``): :func:`split_full_name`.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any
from xml.sax import SAXParseException
from xml.sax.handler import ContentHandler

from campaign_app.core.common.errors import Location, UserError, display_path
from campaign_app.core.common.i18n import _
from campaign_app.core.common.limits import IMPORT_ROWS
from campaign_app.core.directory.importing.sources import Row, Source, too_many_rows

EP_DOMAIN = "europarl.europa.eu"
# What every entry from the Parliament's own lists is, unless the file says otherwise.
EP_DEFAULTS = {
    "category": "mep",
    "position": "Member of the European Parliament",
    "organisation": "European Parliament",
}
EP_ID_PREFIX = "mep-"
# The Parliament's postal address for its Members in Brussels, as it publishes it (members'
# offices are in the Altiero Spinelli building, "60, rue Wiertz / Wiertzstraat 60, B-1047
# Bruxelles/Brussel"). The full-list XML gives no e-mail and no office number: the
# Parliament's mail service delivers a letter addressed by name, so the members of that
# list get this address and are reached on paper (campaign-app print). It is written as
# the example directory writes it, so re-importing changes no entry that has it.
EP_POSTAL_ADDRESS = "European Parliament\nRue Wiertz 60\n1047 Brussels\nBelgium"

# Particles written in lower case inside a family name ("Thun und Hohenstein").
_PARTICLES = frozenset(
    [
        "von",
        "van",
        "der",
        "den",
        "de",
        "del",
        "della",
        "dei",
        "di",
        "da",
        "das",
        "dos",
        "du",
        "la",
        "le",
        "y",
        "i",
        "und",
        "zu",
        "ten",
        "ter",
        "af",
        "av",
    ]
)
_WORD_PARTS = re.compile(r"([-'’])")


def _is_capitals(token: str) -> bool:
    """A family-name token as the EP writes it: ŠIMEČKA, McGUINNESS, MacMANUS, D'AMATO."""
    letters = [c for c in token if c.isalpha()]
    if len(letters) < 2:
        return False
    body = token
    for prefix in ("Mac", "Mc"):
        if token.startswith(prefix) and len(token) > len(prefix) and token[len(prefix)].isupper():
            body = token[len(prefix) :]
            break
    return all(not c.islower() for c in body if c.isalpha())


def _normal_case_token(token: str) -> str:
    for prefix in ("Mac", "Mc"):
        if token.startswith(prefix) and len(token) > len(prefix) and token[len(prefix)].isupper():
            return prefix + _normal_case_token(token[len(prefix) :])
    parts = _WORD_PARTS.split(token.lower())
    return "".join(p[:1].upper() + p[1:] if p not in "-'’" else p for p in parts)


def normal_case(family: str) -> str:
    """A family name written in capitals, in normal case: ŠIMEČKA → Šimečka,
    THUN UND HOHENSTEIN → Thun und Hohenstein, WISELER-LIMA → Wiseler-Lima."""
    tokens = family.split()
    out = []
    for i, token in enumerate(tokens):
        if not _is_capitals(token):
            out.append(token)  # already written in normal case ("de" in "de LANGE")
        elif token.lower() in _PARTICLES and i < len(tokens) - 1:
            out.append(token.lower())
        else:
            out.append(_normal_case_token(token))
    return " ".join(out)


def split_full_name(full: str) -> tuple[str, str]:
    """(given, family) of a full name. "Given FAMILY" (the family name in capitals, with
    any lower-case particles just before it) is split there; a name in capitals throughout
    or in normal case throughout is split before its last word."""
    tokens = full.split()
    if not tokens:
        return "", ""
    if len(tokens) == 1:
        return "", normal_case(tokens[0]) if _is_capitals(tokens[0]) else tokens[0]
    caps = [_is_capitals(t) for t in tokens]
    if all(caps) or not any(caps):
        given, family = tokens[:-1], tokens[-1:]
        if all(caps):
            return " ".join(_normal_case_token(t) for t in given), normal_case(" ".join(family))
        return " ".join(given), " ".join(family)
    first = caps.index(True)
    if first == 0:  # "ŠIMEČKA Michal": family first
        end = caps.index(False)
        return " ".join(tokens[end:]), normal_case(" ".join(tokens[:end]))
    while first > 1 and tokens[first - 1].lower() in _PARTICLES:
        first -= 1
    return " ".join(tokens[:first]), normal_case(" ".join(tokens[first:]))


# ---- the "full list" XML ---------------------------------------------------------------


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1].rsplit(":", 1)[-1]


class _MepHandler(ContentHandler):
    """Collects each item under the root as {child element name: text} with its line."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.root: str | None = None
        self.item_name: str | None = None
        self.items: list[tuple[int, dict[str, str]]] = []
        self._depth = 0
        self._current: dict[str, str] | None = None
        self._child: str | None = None
        self._text: list[str] = []
        self._locator: Any = None

    def setDocumentLocator(self, locator: Any) -> None:
        self._locator = locator

    def startElement(self, name: str, attrs: Any) -> None:
        self._depth += 1
        local = _local(name)
        if self._depth == 1:
            self.root = local
        elif self._depth == 2:
            self.item_name = self.item_name or local
            line = self._locator.getLineNumber() if self._locator is not None else 0
            if len(self.items) >= IMPORT_ROWS:
                raise too_many_rows(self.path, line)
            self._current = {}
            self.items.append((line, self._current))
        elif self._depth == 3:
            self._child = local
            self._text = []

    def endElement(self, name: str) -> None:
        if self._depth == 3 and self._current is not None and self._child is not None:
            text = " ".join("".join(self._text).split())
            self._current.setdefault(self._child, text)
            self._child = None
        self._depth -= 1

    def characters(self, content: str) -> None:
        if self._depth == 3:
            self._text.append(content)


def read_ep_xml(path: Path, data: bytes) -> Source:
    """The Parliament's "full list" XML as a table (one column per element name under ``<mep>``)."""
    import defusedxml.sax
    from defusedxml import DefusedXmlException

    shown = display_path(path)
    handler = _MepHandler(path)
    parser = defusedxml.sax.make_parser()
    parser.setContentHandler(handler)
    try:
        parser.parse(io.BytesIO(data))
    except SAXParseException as exc:
        column = exc.getColumnNumber()  # counted from 0 by expat, from 1 in our messages
        raise UserError(
            _("malformed XML: {getmessage}").format(getmessage=exc.getMessage()),
            Location(shown, exc.getLineNumber(), None if column is None else column + 1),
            _("download the list again, or open it in a browser to see where it is cut or broken"),
        ) from None
    except DefusedXmlException as exc:
        raise UserError(
            _("the XML file declares {value}: refused, a list of MEPs needs none").format(
                value=type(exc).__name__.removesuffix("Forbidden").lower() or "a DTD"
            ),
            Location(shown),
            _("download the list again from the European Parliament's website"),
        ) from None
    if handler.root != "meps" or (handler.items and handler.item_name != "mep"):
        found = f"<{handler.root}>" if handler.root else "no element"
        raise UserError(
            _(
                "not the European Parliament's list of MEPs (the file starts with {found}, not <meps><mep>)"
            ).format(found=found),
            Location(shown),
            _("import the 'full list' XML of the EP website, or a CSV/.xlsx file"),
        )
    declared = re.match(rb"<\?xml[^>]*encoding=[\"']([A-Za-z0-9._-]+)[\"']", data.lstrip(b"\xef\xbb\xbf"))
    encoding = declared.group(1).decode("ascii").upper() if declared else "UTF-8"
    columns: list[str] = []
    for _line, item in handler.items:
        columns.extend(k for k in item if k not in columns)
    table: list[Row] = [(line, [item.get(c, "") for c in columns]) for line, item in handler.items]
    return Source(
        path, "European Parliament XML", columns, lambda: iter(table), encoding=encoding, is_ep=True
    )
