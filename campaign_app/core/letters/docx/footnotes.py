"""The sources of a DOCX letter as real Word footnotes (``word/footnotes.xml``).

Word renumbers real footnotes when a paragraph is moved or deleted, so a campaigner who
edits the letter keeps correct source numbers. python-docx has no footnote API, so the
part is built here with lxml. A batch's letters cite the same sources: the part written
for a list of sources is kept (per process) and given to the next letter citing the same
ones, with its links related in the same order (``common/reuse.plain()`` builds it anew).
"""

from __future__ import annotations

from typing import Any

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.oxml.ns import nsmap, qn
from docx.oxml.parser import OxmlElement

from campaign_app.core.common import reuse
from campaign_app.core.letters.document import Footnote
from campaign_app.core.letters.docx.wordml import add_text, safe_url, sub, w

# Footnote ids 0 and 1 are the separator and continuation separator (as LibreOffice and
# Word number them when written from scratch); source number n gets footnote id n + 1.
SEPARATOR_ID = 0
CONTINUATION_ID = 1

# The footnotes parts written, by their sources: (the part's bytes, its links in order).
_KEPT = 16
_written: dict[tuple[tuple[int, str, str | None], ...], tuple[bytes, list[str]]] = {}


class Footnotes:
    """The letter's footnotes: references to them in the body, then their part."""

    def __init__(self, footnotes: tuple[Footnote, ...]) -> None:
        self.footnotes = footnotes
        # footnote number -> Word footnote id, and the number Word will display for it
        self.footnote_ids = {fn.number: index + 2 for index, fn in enumerate(footnotes)}
        self.shown_numbers: dict[int, int] = {}

    def reference(self, p: Any, number: int) -> None:
        """Append to paragraph ``p`` the reference to source ``number``."""
        r = sub(p, "r")
        sub(sub(r, "rPr"), "rStyle", val="FootnoteReference")
        footnote_id = self.footnote_ids.get(number)
        if footnote_id is not None and number not in self.shown_numbers:
            # Word numbers footnotes by the order of their references; remember the number
            # it will show (equal to ``number`` when sources are numbered in reading order).
            self.shown_numbers[number] = len(self.shown_numbers) + 1
            sub(r, "footnoteReference", id=footnote_id)
            return
        # A Word footnote can be referenced only once. A source cited again is marked with
        # the number of its footnote as plain superscript text in the "footnote reference"
        # style, so the reader finds the same footnote; it is not renumbered automatically
        # if the first citation is later moved in Word. (A reference to a source that does
        # not exist is shown the same way rather than dropped.)
        t = sub(r, "t")
        t.text = str(self.shown_numbers.get(number, number))

    def add_part(self, document_part: Part) -> None:
        """Add ``word/footnotes.xml`` with every source to the document."""
        key = tuple((fn.number, fn.text, fn.url) for fn in self.footnotes)
        found = _written.get(key) if reuse.enabled() else None
        part: Part
        if found is None:
            part = self._new_part(document_part)
            if reuse.enabled():
                if len(_written) >= _KEPT:
                    _written.clear()
                _written[key] = (part.blob, [rel.target_ref for rel in part.rels.values()])
        else:
            blob, links = found
            part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, blob, document_part.package)
            for url in links:
                part.relate_to(url, RT.HYPERLINK, is_external=True)
        document_part.relate_to(part, RT.FOOTNOTES)

    def _new_part(self, document_part: Part) -> XmlPart:
        """The footnotes part, built from the sources."""
        root = OxmlElement("w:footnotes", nsdecls={"w": nsmap["w"], "r": nsmap["r"]})
        for footnote_id, kind, mark in (
            (SEPARATOR_ID, "separator", "separator"),
            (CONTINUATION_ID, "continuationSeparator", "continuationSeparator"),
        ):
            footnote = sub(root, "footnote", type=kind, id=footnote_id)
            p = sub(footnote, "p")
            sub(sub(p, "pPr"), "spacing", after=0, line=240, lineRule="auto")
            sub(sub(p, "r"), mark)
        part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, root, document_part.package)
        # Every source gets a footnote, in source order. markdown_doc only creates sources
        # that are cited, so each of them is referenced from the body.
        for fn in self.footnotes:
            footnote = sub(root, "footnote", id=self.footnote_ids[fn.number])
            p = sub(footnote, "p")
            sub(sub(p, "pPr"), "pStyle", val="FootnoteText")
            mark = sub(p, "r")
            sub(sub(mark, "rPr"), "rStyle", val="FootnoteReference")
            sub(mark, "footnoteRef")
            add_text(sub(p, "r"), " " + fn.text)
            if fn.url:
                add_text(sub(p, "r"), " ")
                r_id = part.relate_to(safe_url(fn.url), RT.HYPERLINK, is_external=True)
                hyperlink = sub(p, "hyperlink")
                hyperlink.set(qn("r:id"), r_id)
                hyperlink.set(w("history"), "1")
                r = sub(hyperlink, "r")
                sub(sub(r, "rPr"), "rStyle", val="Hyperlink")
                add_text(r, fn.url)
        return part
