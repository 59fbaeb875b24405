"""The paragraph and character styles of a DOCX letter.

The DOCX is meant to be opened and edited by a campaigner before sending, so it uses
real Word structure rather than hard formatting: every paragraph has a named style
("Normal", "Letterhead", "Date", "Salutation", "Heading 1", "List Bullet", "Quote",
"Closing", "Signature", ...) defined here; sizes are in half-points, spacing in twips.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from campaign_app.core.common.fonts import FONT_FAMILY
from campaign_app.core.letters.docx.wordml import el, w

NORMAL_HALF_POINTS = 22  # the letter's text: 11 points
SUBJECT_SPACE_BEFORE = 480  # twips above the subject, which follows the address field


def letter_fonts() -> Any:
    """``w:rFonts`` naming the letter face for every script (Word picks the font per script)."""
    family = FONT_FAMILY
    return el("rFonts", ascii=family, hAnsi=family, cs=family, eastAsia=family)


def _spacing(before: int = 0, after: int = 0, line: int | None = None) -> Any:
    attrs: dict[str, Any] = {"before": before, "after": after}
    if line is not None:
        attrs.update(line=line, lineRule="auto")
    return el("spacing", **attrs)


def _size(half_points: int) -> list[Any]:
    return [el("sz", val=half_points), el("szCs", val=half_points)]


def _style(
    style_type: str,
    style_id: str,
    name: str,
    *,
    based_on: str | None = "Normal",
    next_style: str | None = None,
    priority: int | None = None,
    custom: bool = False,
    qformat: bool = False,
    semi_hidden: bool = False,
    ppr: Iterable[Any] = (),
    rpr: Iterable[Any] = (),
    default: bool = False,
) -> Any:
    """A ``w:style`` element; ``ppr``/``rpr`` children must be given in schema order."""
    style = el("style", type=style_type, styleId=style_id)
    if default:
        style.set(w("default"), "1")
    if custom:
        style.set(w("customStyle"), "1")
    style.append(el("name", val=name))
    if based_on:
        style.append(el("basedOn", val=based_on))
    if next_style:
        style.append(el("next", val=next_style))
    if priority is not None:
        style.append(el("uiPriority", val=priority))
    if semi_hidden:
        style.append(el("semiHidden"))
        style.append(el("unhideWhenUsed"))
    if qformat:
        style.append(el("qFormat"))
    ppr, rpr = list(ppr), list(rpr)
    if ppr:
        style.append(el("pPr", *ppr))
    if rpr:
        style.append(el("rPr", *rpr))
    return style


def letter_styles() -> list[Any]:
    """The styles this writer defines or redefines (sizes in half-points, spacing in twips).

    Built-in styles keep Word's internal names ("heading 1", "footnote text") so Word
    shows them translated and treats them as its own; the rest are custom styles.
    """
    black = el("color", val="000000")
    return [
        _style(
            "paragraph",
            "Normal",
            "Normal",
            based_on=None,
            default=True,
            priority=0,
            qformat=True,
            ppr=[_spacing(0, 160, 264)],
            rpr=[letter_fonts(), *_size(NORMAL_HALF_POINTS), el("lang", val="en-GB")],
        ),
        _style(
            "paragraph",
            "Letterhead",
            "Letterhead",
            next_style="LetterheadDetails",
            custom=True,
            qformat=True,
            priority=10,
            ppr=[el("keepNext"), _spacing(0, 40, 240)],
            rpr=[el("b"), el("bCs"), *_size(28)],
        ),
        _style(
            "paragraph",
            "LetterheadDetails",
            "Letterhead Details",
            next_style="Date",
            custom=True,
            priority=10,
            ppr=[el("keepNext"), _spacing(0, 0, 240)],
            rpr=[el("color", val="404040"), *_size(18)],
        ),
        _style(
            "paragraph",
            "Date",
            "Date",
            next_style="RecipientAddress",
            priority=99,
            ppr=[_spacing(0, 0), el("jc", val="right")],  # at the top of its cell, beside the address
        ),
        _style(
            "paragraph",
            "RecipientAddress",
            "Recipient Address",
            next_style="LetterSubject",
            custom=True,
            priority=10,
            ppr=[el("keepLines"), _spacing(0, 0, 240)],
        ),
        _style(
            "paragraph",
            "LetterSubject",
            "Letter Subject",
            next_style="Salutation",
            custom=True,
            qformat=True,
            priority=10,
            ppr=[el("keepNext"), _spacing(SUBJECT_SPACE_BEFORE, 240)],
            rpr=[el("b"), el("bCs")],
        ),
        _style(
            "paragraph",
            "Salutation",
            "Salutation",
            next_style="Normal",
            priority=99,
            ppr=[el("keepNext"), _spacing(0, 160, 264)],
        ),
        _style(
            "paragraph",
            "Closing",
            "Closing",
            next_style="Signature",
            priority=99,
            ppr=[el("keepNext"), el("keepLines"), _spacing(240, 0, 264)],
        ),
        _style(
            "paragraph",
            "Signature",
            "Signature",
            next_style="SignatoryRole",
            priority=99,
            ppr=[el("keepNext"), el("keepLines"), _spacing(600, 0, 240)],
        ),
        _style(
            "paragraph",
            "SignatoryRole",
            "Signatory Role",
            next_style="Signature",
            custom=True,
            priority=10,
            ppr=[el("keepNext"), el("keepLines"), _spacing(0, 0, 240)],  # one signature block
            rpr=[el("color", val="404040")],
        ),
        *(
            _style(
                "paragraph",
                f"Heading{level}",
                f"heading {level}",
                next_style="Normal",
                priority=9,
                qformat=True,
                semi_hidden=level > 1,
                ppr=[
                    el("keepNext"),
                    el("keepLines"),
                    _spacing(before, 120, 240),
                    el("outlineLvl", val=level - 1),
                ],
                rpr=[
                    el("b"),
                    el("bCs"),
                    *([el("i"), el("iCs")] if level == 3 else []),
                    el("color", val="000000"),
                    *_size(size),
                ],
            )
            for level, before, size in ((1, 360, 28), (2, 280, 24), (3, 240, 22))
        ),
        _style(
            "paragraph",
            "Quote",
            "Quote",
            next_style="Normal",
            priority=29,
            qformat=True,
            ppr=[el("ind", left=567, right=567)],
            rpr=[el("i"), el("iCs"), black],
        ),
        _style(
            "paragraph",
            "Footer",
            "footer",
            priority=99,
            semi_hidden=True,
            ppr=[el("jc", val="center")],
            rpr=[el("color", val="595959"), *_size(16)],
        ),
        _style(
            "paragraph",
            "FootnoteText",
            "footnote text",
            priority=99,
            semi_hidden=True,
            ppr=[_spacing(0, 40, 240)],
            rpr=[*_size(18)],
        ),
        _style(
            "character",
            "FootnoteReference",
            "footnote reference",
            based_on="DefaultParagraphFont",
            priority=99,
            semi_hidden=True,
            rpr=[el("vertAlign", val="superscript")],
        ),
        _style(
            "character",
            "Hyperlink",
            "Hyperlink",
            based_on="DefaultParagraphFont",
            priority=99,
            semi_hidden=True,
            rpr=[el("color", val="0563C1"), el("u", val="single")],
        ),
    ]


# Styles of python-docx's template that the writer uses besides its own (letter_styles).
TEMPLATE_STYLES = (
    *(f"List{kind}{suffix}" for kind in ("Bullet", "Number", "Continue") for suffix in ("", "2", "3")),
)
