"""Colours, fonts and stylesheet snippets of the window, in one place.

Every tab and dialog takes its colours from here, so a mistake looks the same wherever it is
shown (and in a dark theme too), and a change of tone is one edit. A colour that must read on
the theme's background comes as a (light, dark) pair; :func:`is_dark` says which one applies.
Nothing is told by colour alone: each mark repeats what a text already says.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import QWidget

from campaign_app.core.common.fonts import FONT_FAMILY

Pair = tuple[str, str]  # (on a light background, on a dark one)

# ---- text colours --------------------------------------------------------------------------

ERROR: Pair = ("#b3261e", "#ff8a80")  # a mistake: under its field, in a list, in a summary
WARNING: Pair = ("#b35900", "#ffb74d")  # amber: unsaved changes, a preview that is not current
STALE: Pair = ("#8a5300", "#ffcc80")  # an entry not verified within the campaign's freshness_days
ATTENTION_TEXT: Pair = ("#8c1d18", "#ffb4a9")  # a letter whose sending failed or was interrupted

# ---- backgrounds of table rows (soft enough for the palette's text colour to stay readable) ----

DUE_BACKGROUND: Pair = ("#fff3c4", "#4a3b00")  # a follow-up is due
ATTENTION_BACKGROUND: Pair = ("#fde7e4", "#5a1f1a")  # uncertain or failed

# ---- boxes around a message (their own background: the same in either theme) -------------------

ERROR_BOX = {"text": "#8c1d18", "background": "#fdecea", "border": "#f1b0aa"}
WARNING_BOX = {"text": "#5c3b00", "background": "#fff4e5", "border": "#f0b35a"}

# ---- paper: letters are printed on white, whatever the theme ---------------------------------

PAPER = "#ffffff"
INK = "#1a1a1a"
LETTERHEAD_INK = "#222222"
LETTERHEAD_DETAIL = "#555555"  # the address lines under the organisation
PAPER_BORDER = "#d0d0d0"
PAPER_NOTE = "#777777"  # a note shown in place of the letter

# ---- stylesheet snippets -------------------------------------------------------------------

MUTED_STYLE = "color: palette(placeholder-text);"  # secondary text, in the theme's own grey
BOLD_STYLE = "font-weight: 600;"
EMPTY_PAGE_STYLE = f"{MUTED_STYLE} font-size: 11pt; padding: 40px;"  # "nothing here yet"


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether ``palette`` (by default the application's) has a dark background."""
    palette = palette if palette is not None else QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def tone(pair: Pair, palette: QPalette | None = None) -> str:
    """The colour of ``pair`` that reads on the background of ``palette``."""
    return pair[1] if is_dark(palette) else pair[0]


def colour(pair: Pair, palette: QPalette | None = None) -> QColor:
    return QColor(tone(pair, palette))


def text_style(pair: Pair, palette: QPalette | None = None, bold: bool = False) -> str:
    """A stylesheet that colours a label's text (and makes it bold)."""
    return f"color: {tone(pair, palette)};" + (f" {BOLD_STYLE}" if bold else "")


def error_style(palette: QPalette | None = None) -> str:
    """The look of a mistake's text, the same on every tab."""
    return text_style(ERROR, palette)


def box_style(selector: str, box: dict[str, str] = ERROR_BOX, padding: bool = True) -> str:
    """A message in a tinted box with a border: ``selector`` names the widget (``#settingsBanner``)
    so that the rule does not reach the widgets inside it; labels inside take the box's text colour."""
    inner = " padding: 6px 8px;" if padding else ""
    return (
        f"{selector} {{ color: {box['text']}; background: {box['background']};"
        f" border: 1px solid {box['border']}; border-radius: 4px;{inner} }}"
        f"{selector} QLabel {{ color: {box['text']}; }}"
    )


def disabled_text_colour() -> QColor:
    """Text the eye may skip (a column that is not imported): the theme's disabled text."""
    return QGuiApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)


def placeholder_colour() -> QColor:
    """Secondary text in a table (a recipient not written to yet): the theme's placeholder grey."""
    return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)


def mute(widget: QWidget) -> None:
    """Secondary text (a hint, a count) in the theme's placeholder grey."""
    widget.setForegroundRole(QPalette.ColorRole.PlaceholderText)


# ---- fonts ---------------------------------------------------------------------------------


def bold(font: QFont, weight: QFont.Weight = QFont.Weight.Bold) -> QFont:
    """A bold copy of ``font`` (a heading, a headline, a figure that matters)."""
    bolder = QFont(font)
    bolder.setWeight(weight)
    return bolder


def scaled(font: QFont, factor: float) -> QFont:
    """A copy of ``font`` ``factor`` times its size (a tab's title; a second line in small)."""
    resized = QFont(font)
    resized.setPointSizeF(font.pointSizeF() * factor)
    return resized


def embolden(widget: QWidget) -> None:
    widget.setFont(bold(widget.font()))


@functools.cache
def _register_letter_fonts() -> None:
    """PT Serif's files, from its package, made known to Qt once per process: when the first
    widget that shows a letter asks for the face, not while the window starts (importing the
    font package and reading its files takes about 40 ms)."""
    from campaign_app.core.common.fonts import font_paths

    for path in font_paths().values():
        QFontDatabase.addApplicationFont(str(path))


def letter_font(point_size: float | None = None) -> QFont:
    """The letters' typeface (PT Serif, as in the PDF), for anything that shows a letter."""
    _register_letter_fonts()
    font = QFont(FONT_FAMILY)
    font.setStyleHint(QFont.StyleHint.Serif)
    if point_size is not None:
        font.setPointSizeF(point_size)
    return font


def editor_font(minimum_size: float = 10.0) -> QFont:
    """The system's monospace font, at least ``minimum_size`` points (for template files)."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(max(font.pointSizeF(), minimum_size))
    return font


# ---- the template editor's colours -----------------------------------------------------------


@dataclass(frozen=True)
class EditorColours:
    """The template editor's highlighting: YAML front matter, Markdown, Jinja2, marks."""

    delimiter: str
    key: str
    string: str
    comment: str
    heading: str
    marker: str
    link: str
    url: str
    expression: str
    expression_bg: str
    statement: str
    statement_bg: str
    keyword: str
    error_bg: str
    error_line: str
    current_line: str
    gutter_fg: str


EDITOR_LIGHT = EditorColours(
    delimiter="#8a8a8a",
    key="#7a3e9d",
    string="#2e7d32",
    comment="#8a8a8a",
    heading="#1f4e8c",
    marker="#b35900",
    link="#1f4e8c",
    url="#6a737d",
    expression="#00607a",
    expression_bg="#e8f4f8",
    statement="#9a3b00",
    statement_bg="#fbf0e4",
    keyword="#9a3b00",
    error_bg="#fbe3e3",
    error_line="#c62828",
    current_line="#f5f7fa",
    gutter_fg="#9aa0a6",
)

EDITOR_DARK = EditorColours(
    delimiter="#9e9e9e",
    key="#c792ea",
    string="#a5d6a7",
    comment="#8a8a8a",
    heading="#82b1ff",
    marker="#ffb74d",
    link="#82b1ff",
    url="#a0a8b0",
    expression="#80deea",
    expression_bg="#1f3a40",
    statement="#ffab91",
    statement_bg="#40291f",
    keyword="#ffab91",
    error_bg="#4a1f1f",
    error_line="#ef5350",
    current_line="#2a2d31",
    gutter_fg="#6f767d",
)


def editor_colours(palette: QPalette) -> EditorColours:
    """Light colours on a light editor background, dark ones on a dark (system) theme."""
    return EDITOR_DARK if is_dark(palette) else EDITOR_LIGHT
