"""How a template's text looks in the editor: highlighting, line numbers, error marks.

A template file mixes three languages: YAML front matter, a Markdown letter, and Jinja2
tags that pull in the recipient and the case. A campaigner who edits one at 2 a.m. must
see at a glance which part is letter text (it will be printed as written) and which part
is a placeholder (it will be replaced), and where the mistake is that the preview reports.

The highlighter is line-based (QSyntaxHighlighter) and carries two things from one line
to the next in the block state: whether the line is inside the front matter, and which
Jinja tag (``{{``, ``{%`` or ``{#``) is still open, so a comment spanning lines stays grey.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPainter,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from campaign_app.gui import style
from campaign_app.gui.style import EditorColours

# Block state: bits 0-1 the section, bits 2-3 the Jinja tag left open at the end of the line.
BODY, FRONT = 0, 1
NO_TAG, COMMENT, EXPRESSION, STATEMENT = 0, 1, 2, 3
_CLOSERS = {COMMENT: "#}", EXPRESSION: "}}", STATEMENT: "%}"}
_OPENERS = {"{#": COMMENT, "{{": EXPRESSION, "{%": STATEMENT}

_YAML_KEY = re.compile(r"^(\s*(?:-\s+)?)([\w.-]+)(\s*):(?=\s|$)")
_YAML_COMMENT = re.compile(r"(?:^|\s)(#.*)$")
_QUOTED = re.compile(r"\"(?:[^\"\\]|\\.)*\"?|'(?:[^']|'')*'?")
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:\s|$)")
_QUOTE = re.compile(r"^ {0,3}>")
_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])(?=\s)")
_BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_ITALIC = re.compile(
    r"(?<![*\w\\])\*(?=[^\s*])(.+?)(?<=[^\s*\\])\*(?!\*)|(?<![_\w\\])_(?=\S)(.+?)(?<=\S)_(?!\w)"
)
_LINK = re.compile(r"(?<!\\)\[([^\]\n]+)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
_OPENER = re.compile(r"\{[{%#]")
_JINJA_KEYWORD = re.compile(
    r"\b(?:for|in|endfor|if|elif|else|endif|set|with|endwith|not|and|or|is|macro|endmacro|"
    r"filter|endfilter|loop|true|false|none|True|False|None)\b"
)


def _format(colour: str | None = None, *, bold=False, italic=False, underline=False, background=None):
    fmt = QTextCharFormat()
    if colour:
        fmt.setForeground(QColor(colour))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    if italic:
        fmt.setFontItalic(True)
    if underline:
        fmt.setFontUnderline(True)
    if background:
        fmt.setBackground(QColor(background))
    return fmt


class TemplateHighlighter(QSyntaxHighlighter):
    """Colours YAML front matter, Markdown and Jinja2 in one template document."""

    def __init__(self, document: QTextDocument, colours: EditorColours = style.EDITOR_LIGHT):
        super().__init__(document)
        c = colours
        self.formats = {
            "delimiter": _format(c.delimiter, bold=True),
            "key": _format(c.key, bold=True),
            "string": _format(c.string),
            "comment": _format(c.comment, italic=True),
            "heading": _format(c.heading, bold=True),
            "marker": _format(c.marker, bold=True),
            "link": _format(c.link, underline=True),
            "url": _format(c.url),
            "expression": _format(c.expression, background=c.expression_bg),
            "statement": _format(c.statement, background=c.statement_bg),
            "keyword": _format(c.keyword, bold=True, background=c.statement_bg),
            "jinja_comment": _format(c.comment, italic=True),
            "jinja_string": _format(c.string, background=c.expression_bg),
        }

    # -- the line loop

    def highlightBlock(self, text: str) -> None:
        previous = self.previousBlockState()
        first = self.currentBlock().blockNumber() == 0
        section = BODY if previous < 0 else previous & 0b11
        open_tag = 0 if previous < 0 else (previous >> 2) & 0b11
        if text.strip() == "---" and (first or section == FRONT):
            self.setFormat(0, len(text), self.formats["delimiter"])
            self.setCurrentBlockState((FRONT if first else BODY) | (open_tag << 2))
            return
        if section == FRONT:
            self._yaml(text)
        else:
            self._markdown(text)
        open_tag = self._jinja(text, open_tag)
        self.setCurrentBlockState(section | (open_tag << 2))

    def _yaml(self, text: str) -> None:
        key = _YAML_KEY.match(text)
        value_start = 0
        if key:
            self.setFormat(key.start(2), len(key.group(2)), self.formats["key"])
            value_start = key.end()
        for m in _QUOTED.finditer(text, value_start):
            self.setFormat(m.start(), m.end() - m.start(), self.formats["string"])
        comment = _YAML_COMMENT.search(text)
        if comment and not _inside_quotes(text, comment.start(1)):
            self.setFormat(comment.start(1), len(text) - comment.start(1), self.formats["comment"])

    def _markdown(self, text: str) -> None:
        if _HEADING.match(text):
            self.setFormat(0, len(text), self.formats["heading"])
        elif _QUOTE.match(text):
            self.setFormat(0, len(text), self.formats["comment"])
        else:
            marker = _LIST_MARKER.match(text)
            if marker:
                self.setFormat(0, marker.end(), self.formats["marker"])
        for m in _BOLD.finditer(text):
            self._merge(m.start(), m.end() - m.start(), bold=True)
        for m in _ITALIC.finditer(text):
            self._merge(m.start(), m.end() - m.start(), italic=True)
        for m in _LINK.finditer(text):
            self.setFormat(m.start(1), len(m.group(1)), self.formats["link"])
            self.setFormat(m.start(2), len(m.group(2)), self.formats["url"])

    def _merge(self, start: int, length: int, *, bold=False, italic=False) -> None:
        """Add weight or slant to what is there (bold inside a heading keeps its colour)."""
        for i in range(start, start + length):
            fmt = QTextCharFormat(self.format(i))
            if bold:
                fmt.setFontWeight(QFont.Weight.Bold)
            if italic:
                fmt.setFontItalic(True)
            self.setFormat(i, 1, fmt)

    def _jinja(self, text: str, open_tag: int) -> int:
        """Colour the Jinja tags of the line; returns the tag still open at its end."""
        pos = 0
        while pos <= len(text):
            if open_tag == NO_TAG:
                m = _OPENER.search(text, pos)
                if m is None:
                    return NO_TAG
                open_tag, start = _OPENERS[m.group()], m.start()
                inner_from = m.end()
            else:
                start = inner_from = pos
            closer = _CLOSERS[open_tag]
            end = text.find(closer, inner_from)
            stop = len(text) if end < 0 else end + len(closer)
            self._tag(text, start, stop, open_tag)
            if end < 0:
                return open_tag
            open_tag, pos = NO_TAG, stop
        return open_tag

    def _tag(self, text: str, start: int, stop: int, kind: int) -> None:
        if kind == COMMENT:
            self.setFormat(start, stop - start, self.formats["jinja_comment"])
            return
        base = self.formats["expression" if kind == EXPRESSION else "statement"]
        self.setFormat(start, stop - start, base)
        segment = text[start:stop]
        if kind == STATEMENT:
            for m in _JINJA_KEYWORD.finditer(segment):
                self.setFormat(start + m.start(), m.end() - m.start(), self.formats["keyword"])
        for m in _QUOTED.finditer(segment):
            self.setFormat(start + m.start(), m.end() - m.start(), self.formats["jinja_string"])


def _inside_quotes(text: str, index: int) -> bool:
    return any(m.start() < index < m.end() for m in _QUOTED.finditer(text))


# --------------------------------------------------------------------------------------
# The editor


class _Gutter(QWidget):
    """Line numbers, so "mep-appeal-en.md:23" can be found by eye as well as by click."""

    def __init__(self, editor: TemplateEditor):
        super().__init__(editor)
        self.editor = editor

    def sizeHint(self) -> QSize:
        return QSize(self.editor.gutter_width(), 0)

    def paintEvent(self, event) -> None:
        self.editor.paint_gutter(event)


class TemplateEditor(QPlainTextEdit):
    """A plain-text editor for template files: monospace, line numbers, lines marked in error."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.colours = style.editor_colours(self.palette())
        self.setFont(style.editor_font())
        self.setTabStopDistance(self.fontMetrics().horizontalAdvance(" ") * 4)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.error_lines: list[int] = []
        self._gutter = _Gutter(self)
        self.blockCountChanged.connect(self._update_gutter_width)
        self.updateRequest.connect(self._update_gutter)
        self.cursorPositionChanged.connect(self._refresh_selections)
        self._update_gutter_width()

    # -- errors

    def mark_error_lines(self, lines: list[int]) -> None:
        """Mark these 1-based lines (a red band and wavy underline); [] clears the marks."""
        self.error_lines = sorted(set(lines))
        self._refresh_selections()
        self._gutter.update()

    def error_selections(self) -> list[QTextEdit.ExtraSelection]:
        out = []
        for line in self.error_lines:
            block = self.document().findBlockByNumber(line - 1)
            if not block.isValid():
                continue
            selection = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(self.colours.error_bg))
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(QColor(self.colours.error_line))
            fmt.setProperty(QTextFormat.Property.FullWidthSelection, True)
            selection.format = fmt
            cursor = QTextCursor(block)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            out.append(selection)
        return out

    def _refresh_selections(self) -> None:
        current = QTextEdit.ExtraSelection()
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(self.colours.current_line))
        fmt.setProperty(QTextFormat.Property.FullWidthSelection, True)
        current.format = fmt
        cursor = self.textCursor()
        cursor.clearSelection()
        current.cursor = cursor
        self.setExtraSelections([current, *self.error_selections()])

    def go_to_line(self, line: int) -> None:
        """Put the cursor at the start of 1-based ``line``, scroll there and take the focus."""
        block = self.document().findBlockByNumber(max(line, 1) - 1)
        if not block.isValid():
            block = self.document().lastBlock()
        self.setTextCursor(QTextCursor(block))
        self.centerCursor()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def current_line(self) -> int:
        return self.textCursor().blockNumber() + 1

    # -- line-number gutter (the classic Qt "code editor" pattern)

    def gutter_width(self) -> int:
        digits = max(3, len(str(max(1, self.blockCount()))))
        return 12 + self.fontMetrics().horizontalAdvance("9") * digits

    def _update_gutter_width(self, _count: int = 0) -> None:
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)

    def _update_gutter(self, rect: QRect, dy: int) -> None:
        if dy:
            self._gutter.scroll(0, dy)
        else:
            self._gutter.update(0, rect.y(), self._gutter.width(), rect.height())
        if rect.contains(self.viewport().rect()):
            self._update_gutter_width()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        cr = self.contentsRect()
        self._gutter.setGeometry(QRect(cr.left(), cr.top(), self.gutter_width(), cr.height()))

    def paint_gutter(self, event) -> None:
        painter = QPainter(self._gutter)
        painter.fillRect(event.rect(), self.palette().color(QPalette.ColorRole.AlternateBase))
        block = self.firstVisibleBlock()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        bottom = top + round(self.blockBoundingRect(block).height())
        height = self.fontMetrics().height()
        errors = set(self.error_lines)
        normal, error = QColor(self.colours.gutter_fg), QColor(self.colours.error_line)
        bold = style.bold(self.font())
        while block.isValid() and top <= event.rect().bottom():
            if block.isVisible() and bottom >= event.rect().top():
                number = block.blockNumber() + 1
                in_error = number in errors
                painter.setPen(error if in_error else normal)
                painter.setFont(bold if in_error else self.font())
                painter.drawText(
                    0, top, self._gutter.width() - 6, height, Qt.AlignmentFlag.AlignRight, str(number)
                )
            block = block.next()
            top = bottom
            bottom = top + round(self.blockBoundingRect(block).height())
        painter.end()
