"""Typesetting the coordinator's report (core/outreach/report.py) on one A4 page.

The totals, a chart of the letters by status per category in the fixed order and
colours of :data:`~campaign_app.core.outreach.report.STATUS_COLOURS`, and as many due
follow-ups as fit: when more are due than fit, the page says how many more and how to
list them all. Typeset under the letter writers' lock (reportlab and the same fonts).
"""

from __future__ import annotations

import datetime as dt
import io
import math
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from campaign_app.core.common.atomic import atomic_write_bytes
from campaign_app.core.common.errors import Location, UserError, display_path
from campaign_app.core.common.i18n import _
from campaign_app.core.outreach.report import (
    DUE_QUERY,
    MAX_CATEGORIES,
    NO_CATEGORY,
    STATUS_COLOURS,
    STATUS_ORDER,
    ReportData,
)

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Drawing
    from reportlab.platypus import Flowable


def write_report(data: ReportData, target: Path) -> None:
    """Write the one-page A4 report to ``target`` (a .pdf), atomically."""
    target = Path(target)
    if target.suffix.lower() != ".pdf":
        raise UserError(
            _("cannot write the report to {name}: it is a PDF").format(name=target.name),
            Location(display_path(target)),
            _("end the file name in .pdf"),
        )
    atomic_write_bytes(target, report_pdf(data))


_MARGIN_MM = 18
_ROW_HEIGHT = 12.5  # points; the follow-up table's rows are one line each
_CHART_BAR = 15.0  # points per category


def report_pdf(data: ReportData) -> bytes:
    """The report as PDF bytes: as many due follow-ups as fit on the page. Typeset under
    the letter writers' lock: it uses reportlab and the same embedded fonts."""
    from campaign_app.core.letters.writing import WRITE_LOCK

    with WRITE_LOCK:
        return _report_pdf(data)


def _report_pdf(data: ReportData) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm

    from campaign_app.core.common.fonts import register_pdf_fonts

    register_pdf_fonts()
    width, height = A4
    # reportlab's frame keeps 6pt of padding on each side
    frame_width = width - 2 * _MARGIN_MM * mm - 12
    frame_height = height - 2 * _MARGIN_MM * mm - 12
    # Everything but the table's body, measured as it will be set; the body fills the rest.
    fixed = [*_head(data, frame_width), *_due_list(data, frame_width, 0)]
    used = sum(f.wrap(frame_width, frame_height)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in fixed)
    rows = max(int((frame_height - used - _ROW_HEIGHT) / _ROW_HEIGHT), 1)
    while True:  # the estimate is exact in practice; shrink if reportlab disagrees
        pdf, pages = _build(data, [*_head(data, frame_width), *_due_list(data, frame_width, rows)])
        if pages == 1 or rows == 1:
            return pdf
        rows -= 1


def _build(data: ReportData, story: list[Flowable]) -> tuple[bytes, int]:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    from campaign_app.core.common.fonts import FONT_FAMILY

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=_MARGIN_MM * mm,
        rightMargin=_MARGIN_MM * mm,
        topMargin=_MARGIN_MM * mm,
        bottomMargin=_MARGIN_MM * mm,
        title=f"Contact log — {data.campaign_name}",
        author="campaign_app",
        subject=f"Contact log report for case {data.case_id}",
        creator="campaign_app",
        displayDocTitle=True,
        initialFontName=FONT_FAMILY,
        initialFontSize=9,
    )

    def footer(canvas, doc) -> None:
        from reportlab.lib import colors

        canvas.saveState()
        canvas.setFont(FONT_FAMILY, 7)
        canvas.setFillColor(colors.HexColor("#666666"))
        stamp = data.as_of.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
        canvas.drawString(
            doc.leftMargin,
            10 * mm,
            f"campaign_app · {stamp} · statuses are derived from the contact log's history "
            f"(campaign-app log status)",
        )
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue(), doc.page


def _text(value: str) -> str:
    return unicodedata.normalize("NFC", value)


def _styles() -> dict:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle

    from campaign_app.core.common.fonts import BOLD, FONT_FAMILY

    base = ParagraphStyle("base", fontName=FONT_FAMILY, fontSize=9, leading=11.5)
    return {
        "title": ParagraphStyle("title", base, fontName=BOLD, fontSize=17, leading=21, spaceAfter=2),
        "sub": ParagraphStyle("sub", base, textColor=colors.HexColor("#444444"), spaceAfter=8),
        "h2": ParagraphStyle(
            "h2", base, fontName=BOLD, fontSize=11.5, leading=14, spaceBefore=10, spaceAfter=4
        ),
        "body": base,
        "small": ParagraphStyle("small", base, fontSize=8, leading=10, textColor=colors.HexColor("#444444")),
    }


def _head(data: ReportData, width: float) -> list[Flowable]:
    """Everything above the follow-up list."""
    from reportlab.platypus import Paragraph

    st = _styles()
    story: list[Flowable] = [
        Paragraph(escape(_text(f"Contact log — {data.campaign_name}")), st["title"]),
        Paragraph(
            escape(
                f"Case {data.case_id} · as of {data.as_of.astimezone(dt.UTC).date().isoformat()} · "
                f"a follow-up is due {data.follow_up_days} days after a letter went out without reply"
            ),
            st["sub"],
        ),
        _totals_table(data, width),
        Paragraph("Letters by status and category", st["h2"]),
    ]
    if data.letters:
        story.append(_chart(data, width))
    else:
        story.append(Paragraph("No letters in the contact log for this case yet.", st["body"]))
    if data.members:
        story += [Paragraph("Letters per member", st["h2"]), _member_chart(data, width)]
    return story


MAX_MEMBERS = 8  # more are grouped into one bar, so the page keeps room for the follow-ups

# A member's letters as the chart stacks them: (the status whose colour it takes, its name).
MEMBER_PARTS = (
    ("replied", "replied"),
    ("sent", "sent, awaiting a reply"),
    ("failed", "failed"),
    ("drafted", "drafts waiting"),
)


def _member_rows(data: ReportData) -> list[tuple[str, list[int]]]:
    """Each member's name and letters in the order of MEMBER_PARTS; past MAX_MEMBERS, the
    members with the fewest letters in one row."""
    rows = [(m.by, [m.replied, m.sent - m.replied, m.failed, m.drafts]) for m in data.members]
    if len(rows) > MAX_MEMBERS:
        rest = rows[MAX_MEMBERS - 1 :]
        merged = [sum(counts[i] for _, counts in rest) for i in range(len(MEMBER_PARTS))]
        rows = [*rows[: MAX_MEMBERS - 1], (f"{len(rest)} others", merged)]
    return rows


def _member_chart(data: ReportData, width: float) -> Flowable:
    """One stacked bar per member: the letters they sent that were answered, those awaiting
    a reply, those whose sending failed, their drafts not yet sent (the most letters first),
    each bar's letters sent at its end; a legend with each part's count."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors

    from campaign_app.core.common.fonts import FONT_FAMILY

    rows = _member_rows(data)
    label_width, bar, legend = 150.0, _CHART_BAR * 0.8, 16.0
    drawing = Drawing(width, bar * len(rows) + 20 + legend)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, 16 + legend
    chart.width, chart.height = width - label_width - 70, bar * len(rows)
    chart.data = [[counts[i] for _, counts in rows] for i in range(len(MEMBER_PARTS))]
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.reverseDirection = 1
    chart.categoryAxis.categoryNames = [_fit(name, FONT_FAMILY, 8, label_width - 10) for name, _ in rows]
    chart.categoryAxis.labels.fontName = FONT_FAMILY
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.tickLeft = 0
    chart.barSpacing, chart.barWidth, chart.groupSpacing = 0, bar - 4, 4
    largest = max(sum(counts) for _, counts in rows)
    step = _nice_step(largest)
    chart.valueAxis.valueMin, chart.valueAxis.valueStep = 0, step
    chart.valueAxis.valueMax = step * math.ceil(largest / step)
    chart.valueAxis.labels.fontName = FONT_FAMILY
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.labelTextFormat = "%d"
    for i, (status, _name) in enumerate(MEMBER_PARTS):
        chart.bars[i].fillColor = colors.HexColor(STATUS_COLOURS[status])
        chart.bars[i].strokeColor = colors.white
        chart.bars[i].strokeWidth = 0.4
    drawing.add(chart)
    for i, (_label, counts) in enumerate(rows):
        x = chart.x + chart.width * sum(counts) / chart.valueAxis.valueMax + 3
        y = chart.y + chart.height - (i + 0.5) * bar - 3
        drawing.add(String(x, y, f"{counts[0] + counts[1]} sent", fontName=FONT_FAMILY, fontSize=7.5))
    _legend(
        drawing, [(status, name, sum(c[i] for _, c in rows)) for i, (status, name) in enumerate(MEMBER_PARTS)]
    )
    return drawing


def _legend(drawing: Drawing, parts: list[tuple[str, str, int]]) -> None:
    """A chart's legend along the drawing's foot: each part's colour (its status's), name and
    count, in stacking order, so the chart also reads in black and white."""
    from reportlab.graphics.shapes import Rect, String
    from reportlab.lib import colors
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from campaign_app.core.common.fonts import FONT_FAMILY

    x, y = 0.0, 2.0
    for status, name, n in parts:
        label = f"{name} ({n})"
        drawing.add(Rect(x, y, 8, 8, fillColor=colors.HexColor(STATUS_COLOURS[status]), strokeColor=None))
        drawing.add(String(x + 11, y + 1, label, fontName=FONT_FAMILY, fontSize=8))
        x += 11 + stringWidth(label, FONT_FAMILY, 8) + 12


def _totals_table(data: ReportData, width: float) -> Flowable:
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    from campaign_app.core.common.fonts import BOLD, FONT_FAMILY

    totals = data.totals()
    table = Table(
        [[str(n) for _, n in totals], [label for label, _ in totals]],
        colWidths=[width / len(totals)] * len(totals),
        rowHeights=[22, 12],
    )
    style = [
        ("FONT", (0, 0), (-1, 0), BOLD, 17),
        ("FONT", (0, 1), (-1, 1), FONT_FAMILY, 8),
        ("TEXTCOLOR", (0, 1), (-1, 1), colors.HexColor("#444444")),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("BOX", (0, 0), (-1, -1), 0.5, colors.HexColor("#999999")),
        ("LINEAFTER", (0, 0), (-2, -1), 0.5, colors.HexColor("#CCCCCC")),
        ("BOTTOMPADDING", (0, 1), (-1, 1), 4),
    ]
    if data.followups_due:  # the number a coordinator acts on
        style.append(("TEXTCOLOR", (4, 0), (4, 0), colors.HexColor(STATUS_COLOURS["failed"])))
    table.setStyle(TableStyle(style))
    return table


def _chart_rows(data: ReportData) -> list[tuple[str, dict[str, int]]]:
    rows = list(data.by_category.items())
    if len(rows) <= MAX_CATEGORIES:
        return rows
    shown, rest = rows[: MAX_CATEGORIES - 1], rows[MAX_CATEGORIES - 1 :]
    merged = dict.fromkeys(STATUS_ORDER, 0)
    for _label, counts in rest:
        for status, n in counts.items():
            merged[status] = merged.get(status, 0) + n
    return [*shown, (f"{len(rest)} other categories", merged)]


def _nice_step(maximum: int) -> int:
    """A round tick step giving at most about six ticks."""
    raw = max(maximum / 6, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * magnitude >= raw:
            return int(factor * magnitude)
    return int(10 * magnitude)


def _fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut with an ellipsis to fit ``width`` points."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    text = _text(" ".join(text.split()))
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _chart(data: ReportData, width: float) -> Flowable:
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors

    from campaign_app.core.common.fonts import FONT_FAMILY

    rows = _chart_rows(data)
    label_width = 150.0
    chart_height = _CHART_BAR * len(rows)
    legend_height = 16.0
    axis_height = 16.0
    drawing = Drawing(width, chart_height + axis_height + legend_height + 6)

    chart = HorizontalBarChart()
    chart.x = label_width
    chart.y = legend_height + axis_height
    chart.width = width - label_width - 30
    chart.height = chart_height
    chart.data = [[counts.get(status, 0) for _, counts in rows] for status in STATUS_ORDER]
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.reverseDirection = 1  # the largest category at the top
    chart.categoryAxis.categoryNames = [_fit(name, FONT_FAMILY, 8, label_width - 10) for name, _ in rows]
    chart.categoryAxis.labels.fontName = FONT_FAMILY
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.tickLeft = 0
    chart.barSpacing = 0
    chart.groupSpacing = 4
    chart.barWidth = _CHART_BAR - 4
    largest = max(sum(counts.values()) for _, counts in rows)
    step = _nice_step(largest)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = step * math.ceil(largest / step)
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = FONT_FAMILY
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.labelTextFormat = "%d"
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = colors.HexColor("#DDDDDD")
    chart.valueAxis.gridStrokeWidth = 0.4
    for i, status in enumerate(STATUS_ORDER):
        chart.bars[i].fillColor = colors.HexColor(STATUS_COLOURS[status])
        chart.bars[i].strokeColor = colors.white
        chart.bars[i].strokeWidth = 0.4
    drawing.add(chart)

    # Each bar's total at its end.
    for i, (_label, counts) in enumerate(rows):
        total = sum(counts.values())
        x = chart.x + chart.width * total / chart.valueAxis.valueMax + 3
        y = chart.y + chart.height - (i + 0.5) * _CHART_BAR - 3
        drawing.add(String(x, y, str(total), fontName=FONT_FAMILY, fontSize=7.5))

    # The legend: every status, always, in stacking order, with its number of letters.
    _legend(drawing, [(s, s, sum(counts.get(s, 0) for _, counts in rows)) for s in STATUS_ORDER])
    return drawing


def _due_list(data: ReportData, width: float, rows: int) -> list[Flowable]:
    """The heading and table of follow-ups due, at most ``rows`` lines of table body."""
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    from campaign_app.core.common.fonts import BOLD, FONT_FAMILY

    st = _styles()
    story: list[Flowable] = [Paragraph(f"Follow-ups due ({len(data.due)})", st["h2"])]
    if not data.due:
        story.append(Paragraph("No follow-ups are due.", st["body"]))
        return story
    # (rows == 0 only measures what surrounds the body: heading, header row, "… and K more")
    shown = data.due[:rows]
    widths = [width * f for f in (0.40, 0.30, 0.15, 0.15)]
    body = [
        [
            _fit(f.name or f.recipient_id, FONT_FAMILY, 8.5, widths[0] - 8),
            _fit(f.category or NO_CATEGORY, FONT_FAMILY, 8.5, widths[1] - 8),
            f.sent_on.isoformat(),
            f.due_since.isoformat(),
        ]
        for f in shown
    ]
    table = Table(
        [["Recipient", "Category", "Sent on", "Due since"], *body],
        colWidths=widths,
        rowHeights=_ROW_HEIGHT,
        repeatRows=1,
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, 0), BOLD, 8.5),
                ("FONT", (0, 1), (-1, -1), FONT_FAMILY, 8.5),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.HexColor("#666666")),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#F2F2F2")]),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    story.append(table)
    if len(shown) < len(data.due):
        more = len(data.due) - len(shown)
        story.append(Paragraph(escape(f"… and {more} more (see {DUE_QUERY})"), st["small"]))
    return story
