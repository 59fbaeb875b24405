"""Page numbers "2 / 3" in the footer of a PDF letter, from the second page on."""

from __future__ import annotations

from typing import Any

from reportlab.pdfgen.canvas import Canvas

from campaign_app.core.letters.pdf.styles import FOOTER_Y, paragraph_styles


class NumberedCanvas(Canvas):
    """Defers each page until the total is known, then stamps "n / total" in the footer."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._page_states: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._page_states.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._page_states)
        for state in self._page_states:
            self.__dict__.update(state)
            if total > 1 and self._pageNumber > 1:
                self._draw_page_number(total)
            super().showPage()
        super().save()

    def _draw_page_number(self, total: int) -> None:
        style = paragraph_styles()["footer"]
        self.saveState()
        self.setFont(style.fontName, style.fontSize)
        self.setFillColor(style.textColor)
        width = self._pagesize[0]
        self.drawCentredString(width / 2, FOOTER_Y, f"{self._pageNumber} / {total}")
        self.restoreState()
