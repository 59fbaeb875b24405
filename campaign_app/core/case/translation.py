"""``case translate``: the case's texts out to a translator as a PO file, and back in.

A letter in a third language needs every case text in it (132 in the example case). Typed
into the YAML by hand that is a day's work and a source of slips; a translator works faster
and safer in a PO editor, which shows each text with what it is for, where it comes from and
what is already done. So :func:`export_translation` writes one PO entry per text
(msgctxt: the text's path, ``facts/supreme-court/text``; msgid: the text in the source
language; msgstr: the translation the case already has), and :func:`import_translation`
writes the translations back into the case file's own tree (comments, order, quoting and
folding kept, see ``edit.py``), validated and atomically, as the Case tab saves.

Only what is safe is imported: an empty or fuzzy entry is skipped (counted), and an entry
whose text is gone from the case or whose source text changed since the export is reported
at its PO line and left out, since its translation may say something the case no longer does.
A translation holding an escape code, a bidirectional override or a line separator
(core/common/controls.py) is refused at its PO line, and nothing is imported: shown in a
PO editor and in the letter as the right name, it is not that name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from babel.messages.catalog import Message
from ruamel.yaml.comments import CommentedMap

from campaign_app.core.case.edit import CaseDocument, validate_case_text
from campaign_app.core.case.po_file import PROJECT, language_tag, new_catalog, read_catalog, write_catalog
from campaign_app.core.case.texts import CaseText, case_texts
from campaign_app.core.common.controls import hidden_characters
from campaign_app.core.common.errors import Location, ProblemCollector, UserError, display_path
from campaign_app.core.common.i18n import _
from campaign_app.core.common.localized import is_known_language, language_hint, language_meant
from campaign_app.core.common.yamlio import key_line


@dataclass(frozen=True)
class ExportSummary:
    """What an export wrote: ``entries`` texts, ``translated`` of them already in ``language``."""

    language: str
    source_language: str
    entries: int
    translated: int


@dataclass
class ImportSummary:
    """What an import did; ``stale``: one ``file:line: …`` line per entry left out."""

    language: str
    imported: int = 0
    unchanged: int = 0
    fuzzy: int = 0
    empty: int = 0
    stale: list[str] = field(default_factory=list)
    refused: ProblemCollector = field(default_factory=ProblemCollector)


def source_language_of(doc: CaseDocument, requested: str | None) -> str:
    """The language translators translate from: ``requested``, else the case's main language
    (the first of its ``languages:``). It must be a case language: those hold every text."""
    languages = doc.languages
    language = requested or (languages[0] if languages else "")
    if language not in languages:
        raise UserError(
            _("'{language}' is not one of the case's languages ({languages})").format(
                language=language, languages=", ".join(languages) or _("none")
            ),
            Location.of(doc.path, _languages_line(doc)),
            _("translate from a language listed in the case's 'languages:'"),
        )
    return language


def _languages_line(doc: CaseDocument) -> int | None:
    return key_line(doc.data, "languages")


def _loaded(case_path: Path) -> CaseDocument:
    """The case file's tree, once the loader accepts the case (a broken one is refused)."""
    doc = CaseDocument.load(case_path)
    validate_case_text(doc.original_text, case_path)
    return doc


def translatable(texts: list[CaseText], source: str) -> list[CaseText]:
    """The texts a translator gets: every text given in ``source`` (a name form, where the
    source language has none, is translated from the name), none shared by all languages."""
    return [t for t in texts if not t.shared and _source_text(t, texts, source)]


def _source_text(text: CaseText, texts: list[CaseText], source: str) -> str:
    found = text.text(source)
    if not found and text.form:
        name = next((t for t in texts if t.path == "person/name"), None)
        found = name.text(source) if name is not None else ""
    return found


def export_translation(
    case_path: Path, po_path: Path, language: str, source: str | None = None, root: Path | None = None
) -> ExportSummary:
    """Write the case's texts as a PO file for translation into ``language``.

    ``root``: the workspace folder, from which the case file is named in the PO's references.
    """
    if not is_known_language(language):  # a letter could not be written in it (its dates)
        meant = language_meant(language)
        raise UserError(
            _("'{language}' is not a language code").format(language=language),
            None,
            language_hint(language) if meant is not None else _("write it as e.g. pl, de or kk-Latn"),
        )
    doc = _loaded(case_path)
    source = source_language_of(doc, source)
    if language == source:
        raise UserError(
            _("the texts would be translated from {source} into {source}").format(source=source),
            None,
            _("name another language, or translate from another with --from"),
        )
    texts = case_texts(doc.data)
    by_path = {t.path: t for t in texts}
    catalog = new_catalog(language, source, doc.case_id)
    reference = _reference(case_path, root)
    translated = 0
    for text in translatable(texts, source):
        existing = text.text(language)
        translated += bool(existing)
        line = text.line(source) or (by_path["person/name"].line(source) if text.form else None) or 1
        catalog.add(
            _source_text(text, texts, source),
            existing,
            locations=[(reference, line)],
            auto_comments=_comments(text, doc, source),
            context=text.path,
        )
    write_catalog(catalog, po_path)
    return ExportSummary(language, source, len(catalog), translated)


def _reference(case_path: Path, root: Path | None) -> str:
    try:
        return case_path.resolve().relative_to(root.resolve()).as_posix() if root else case_path.name
    except ValueError:
        return case_path.name


def _comments(text: CaseText, doc: CaseDocument, source: str) -> list[str]:
    """What a translator needs beside the text: what it is, and the sources backing it."""
    lines = [text.what + ("" if text.required else " (optional)")]
    titles = {str(s.get("id")): s for s in doc.items("sources")}
    for sid in text.sources:
        found = titles.get(sid)
        title = doc.get_text(found, "title", source) or doc.get_plain(found, "title") if found else ""
        url = doc.get_plain(found, "url") if found else ""
        lines.append(f"Source '{sid}': " + " — ".join(x for x in (title, url) if x))
    return lines


# ---- import -------------------------------------------------------------------------------


def import_translation(case_path: Path, po_path: Path) -> ImportSummary:
    """Bring the translations of a PO file (made by :func:`export_translation`) into the
    case file; nothing is written unless something changed and the case stays valid."""
    catalog = read_catalog(po_path)
    language = language_tag(catalog.locale_identifier)
    if not is_known_language(language):  # the case would hold texts in no language
        raise UserError(
            _("the PO file's language '{language}' is not a language code").format(language=language),
            Location(display_path(po_path), 1),
            _("set 'Language:' in its header to the language of the translation, e.g. pl"),
        )
    doc = _loaded(case_path)
    _same_case(catalog, doc, po_path)
    source = source_language_of(doc, catalog.source_language or None)
    if language == source:
        raise UserError(
            _("the PO file's language is {language}, the language its texts are translated from").format(
                language=language
            ),
            Location(display_path(po_path), 1),
            _("set 'Language:' in its header to the language of the translation"),
        )
    texts = case_texts(doc.data)
    current = {t.path: t for t in translatable(texts, source)}
    summary = ImportSummary(language)
    for message in catalog:
        if message.id:
            _import_one(message, current, texts, doc, source, summary, po_path)
    summary.refused.raise_if_any()  # nothing is written: the translator corrects the file
    if summary.imported:
        doc.save()
    return summary


def _same_case(catalog: Any, doc: CaseDocument, po_path: Path) -> None:
    """A PO file exported from another case would match nothing: say so instead."""
    if catalog.project == PROJECT and catalog.version and catalog.version != doc.case_id:
        raise UserError(
            _("the PO file holds the texts of the case '{other}', not of '{case}'").format(
                other=catalog.version, case=doc.case_id
            ),
            Location(display_path(po_path), 1),
            _("import it into the campaign whose case it was exported from"),
        )


def _import_one(
    message: Message,
    current: dict[str, CaseText],
    texts: list[CaseText],
    doc: CaseDocument,
    source: str,
    summary: ImportSummary,
    po_path: Path,
) -> None:
    translation = message.string if isinstance(message.string, str) else ""
    translation = translation.strip()
    where = Location(display_path(po_path), message.lineno)
    if not translation:
        summary.empty += 1
        return
    if message.fuzzy:
        summary.fuzzy += 1
        return
    text = current.get(str(message.context or ""))
    if text is None:
        summary.stale.append(
            _("{where}: '{path}' is no longer a text of the case — not imported").format(
                where=where, path=message.context or message.id
            )
        )
        return
    if message.id != _source_text(text, texts, source):
        summary.stale.append(
            _(
                "{where}: the {language} text of '{path}' changed since the export — not imported; "
                "export again and translate the new text"
            ).format(where=where, language=source, path=text.path)
        )
        return
    # an escape code or a bidirectional override: said at the PO file's line, where it is
    hidden = hidden_characters([(f"{text.path} ({summary.language})", translation, where)])
    if hidden:
        summary.refused.extend(hidden)
        return
    if text.text(summary.language) == translation:
        summary.unchanged += 1
        return
    _set(doc, text, summary.language, translation)
    summary.imported += 1


def _set(doc: CaseDocument, text: CaseText, language: str, translation: str) -> None:
    """Write one translation into the tree, as the Case tab would type it."""
    if text.form:
        forms = text.holder
        by_case = forms.get(language)
        if not isinstance(by_case, CommentedMap):
            by_case = CommentedMap()
            forms[language] = by_case
        doc.set_plain(by_case, text.key, translation)
        return
    doc.set_text(text.holder, text.key, language, translation)
