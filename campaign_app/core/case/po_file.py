"""PO files, the translators' standard: written with Babel, read strictly.

Translators work in Poedit, Lokalize, Weblate or a text editor; all of them read and write
gettext's PO format, so a case's texts travel as one (``case translate``). Babel writes it;
reading, Babel's parser is lenient (it guesses past a broken line), so each line is checked
first and a file that is not PO is refused at its line instead of half-imported.

The language the texts were translated *from* travels in the header (``X-Source-Language``),
which PO editors keep, so the import can tell a translation of an older text from a current one.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from pathlib import Path

from babel.core import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, PoFileParser, write_po

from campaign_app.core.common.atomic import atomic_write_bytes
from campaign_app.core.common.errors import Location, UserError, display_path
from campaign_app.core.common.i18n import N_, _
from campaign_app.core.common.localized import is_language_tag
from campaign_app.core.common.textfiles import read_text

SOURCE_HEADER = "X-Source-Language"
PROJECT = "campaign_app case"  # Project-Id-Version: "campaign_app case <case id>"
_DEFAULT_PLURALS = "nplurals=2; plural=(n != 1);"  # a language CLDR does not know


class CaseCatalog(Catalog):
    """A Babel catalog that also writes and reads :data:`SOURCE_HEADER`, and always writes
    Plural-Forms (gettext's tools expect it; Babel leaves it out for a language it does not know)."""

    source_language = ""

    def _get_mime_headers(self) -> list[tuple[str, str]]:
        headers = super()._get_mime_headers()
        if self.locale_identifier and not any(name == "Plural-Forms" for name, _ in headers):
            at = next(i for i, (name, _) in enumerate(headers) if name == "MIME-Version")
            headers.insert(at, ("Plural-Forms", _DEFAULT_PLURALS))
        if self.source_language:  # before Generated-By, whose value ends the header's text
            at = next((i for i, (name, _) in enumerate(headers) if name == "Generated-By"), len(headers))
            headers.insert(at, (SOURCE_HEADER, self.source_language))
        return headers

    def _set_mime_headers(self, headers: Iterable[tuple[str, str]]) -> None:
        headers = list(headers)
        for name, value in headers:
            if name.lower() == SOURCE_HEADER.lower():
                self.source_language = value.strip()
        super()._set_mime_headers(headers)


def babel_locale(language: str) -> str:
    """The PO header's ``Language:`` for a case language tag (``kk-Latn`` → ``kk_Latn``)."""
    return language.replace("-", "_")


def language_tag(identifier: str | None) -> str:
    """A case language tag from a PO ``Language:`` header (``pt_BR`` → ``pt-BR``)."""
    return (identifier or "").strip().replace("_", "-")


def new_catalog(language: str, source_language: str, case_id: str) -> CaseCatalog:
    """An empty catalog of one case's texts, from ``source_language`` into ``language``."""
    try:
        name = Locale.parse(babel_locale(language)).english_name or language
    except (UnknownLocaleError, ValueError):
        name = language
    catalog = CaseCatalog(
        locale=babel_locale(language),
        project=PROJECT,
        version=case_id,
        language_team="",
        fuzzy=False,
        header_comment=(
            f"# {name} ({language}) texts of the case '{case_id}', translated from {source_language}.\n"
            "# Fill in each msgstr; leave it empty or mark it fuzzy where you are not sure.\n"
            f"# Bring it into the case with: campaign-app case translate import FILE.po"
        ),
    )
    catalog.source_language = source_language
    return catalog


def write_catalog(catalog: Catalog, path: Path) -> None:
    """Write ``catalog`` as a PO file, whole or not at all."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=76, sort_output=False, include_previous=False)
    atomic_write_bytes(path, buffer.getvalue())


# ---- reading ---------------------------------------------------------------------------------

_STRING = r'"(?:[^"\\]|\\.)*"'
_KEYWORD = re.compile(rf"^(?:msgctxt|msgid|msgid_plural|msgstr|msgstr\[\d+\])\s*{_STRING}$")
_CONTINUATION = re.compile(rf"^{_STRING}$")
_HINT = N_("open it in a PO editor (Poedit) and save it again, or export it again")


def read_catalog(path: Path) -> CaseCatalog:
    """The PO file at ``path``; a line that is not PO is a UserError at that line."""
    text = read_text(path)
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.splitlines()
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if line.startswith("#~"):
            line = line[2:].strip()
        elif line.startswith("#") or not line:
            continue
        if not (_KEYWORD.match(line) or _CONTINUATION.match(line)):
            raise UserError(
                _("not a line of a PO file: {line}").format(line=_shown(line)), _at(path, number), _(_HINT)
            )
    catalog = CaseCatalog()
    parser = PoFileParser(catalog, ignore_obsolete=True, abort_invalid=True)
    try:
        parser.parse(lines)
    except PoFileError as exc:
        message = str(exc).rsplit(" on ", 1)[0]
        raise UserError(
            _("not a PO file: {reason}").format(reason=message), _at(path, exc.lineno + 1), _(_HINT)
        ) from None
    except (ValueError, IndexError) as exc:
        raise UserError(_("not a PO file: {reason}").format(reason=exc), _at(path), _(_HINT)) from None
    if not lines or not catalog.locale_identifier:
        raise UserError(
            _("the PO file names no language (no 'Language:' in its header)"),
            _at(path, 1),
            _("export the file with 'campaign-app case translate export LANG FILE.po'"),
        )
    if not is_language_tag(language_tag(catalog.locale_identifier)):
        raise UserError(
            _("the PO file's language {language!r} is not a language code").format(
                language=catalog.locale_identifier
            ),
            _at(path, _header_line(lines, "Language")),
            _("write it as e.g. 'Language: pl' in the header"),
        )
    return catalog


def _shown(line: str) -> str:
    return repr(line if len(line) <= 60 else line[:57] + "...")


def _at(path: Path, line: int | None = None) -> Location:
    return Location(display_path(path), line)


def _header_line(lines: list[str], name: str) -> int | None:
    return next((i for i, line in enumerate(lines, start=1) if line.lstrip('"').startswith(f"{name}:")), None)
