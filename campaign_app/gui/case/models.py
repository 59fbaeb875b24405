"""Table models over the case file's lists, reading the edited tree directly.

The models hold no copy of the case: each cell is read from the round-trip tree the Case
tab edits (``CaseDocument``), so what the table shows is what will be written. A row whose
item has a problem (from the last save attempt, or an unknown source id found while
editing) carries a warning icon and the messages as its tooltip.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QApplication, QStyle

from campaign_app.core.campaign.settings_options import DEFAULT_FACTS_STALE_AFTER_DAYS
from campaign_app.core.case.edit import CaseDocument
from campaign_app.core.case.over_time import last_day
from campaign_app.core.common.dates import PartialDate
from campaign_app.core.common.localized import pick
from campaign_app.gui import style
from campaign_app.gui.translation import QT_TRANSLATE_NOOP

Index = QModelIndex | QPersistentModelIndex

# Columns per section: (header, how to read the cell). "{lang}" in a header is the case's
# first language, the one most campaigners write in first.
_Column = tuple[str, Callable[[CaseDocument, Any, str], str]]


def _text(key: str) -> Callable[[CaseDocument, Any, str], str]:
    def read(doc: CaseDocument, node: Any, lang: str) -> str:
        value = node.get(key)
        if isinstance(value, Mapping):
            return pick(value, lang) or next((str(v) for v in value.values() if v), "")
        return "" if value is None else str(value)

    return read


def _plain(key: str) -> Callable[[CaseDocument, Any, str], str]:
    return lambda doc, node, lang: doc.get_plain(node, key)


def _date(doc: CaseDocument, node: Any, lang: str) -> str:
    return doc.get_date(node, "date")


def _as_of(doc: CaseDocument, node: Any, lang: str) -> str:
    return doc.get_date(node, "as_of")


def _age_placeholder(doc: CaseDocument, node: Any, lang: str) -> str:
    return ""  # the model fills it in: it knows today and the campaign's limit


def fact_age(doc: CaseDocument, node: Any, today: dt.date) -> int | None:
    """Days since a fact's as_of as the tree holds it now (None: undated or not a date)."""
    try:
        as_of = PartialDate.parse(doc.get_date(node, "as_of"))
    except ValueError:
        return None
    return (today - last_day(as_of)).days


def _tr(text: str) -> str:
    return QCoreApplication.translate("SectionModel", text)


# What a timeline event or a supporter is, as the window says it (the file keeps the key).
KIND_NAMES = {
    "hearing": QT_TRANSLATE_NOOP("SectionModel", "hearing"),
    "decision": QT_TRANSLATE_NOOP("SectionModel", "decision"),
    "deadline": QT_TRANSLATE_NOOP("SectionModel", "deadline"),
    "filing": QT_TRANSLATE_NOOP("SectionModel", "filing"),
    "detention": QT_TRANSLATE_NOOP("SectionModel", "detention"),
    "statement": QT_TRANSLATE_NOOP("SectionModel", "statement"),
    "other": QT_TRANSLATE_NOOP("SectionModel", "other"),
    "official": QT_TRANSLATE_NOOP("SectionModel", "official"),
    "parliamentarian": QT_TRANSLATE_NOOP("SectionModel", "parliamentarian"),
    "un": QT_TRANSLATE_NOOP("SectionModel", "UN"),
    "international_organisation": QT_TRANSLATE_NOOP("SectionModel", "international organisation"),
    "ngo": QT_TRANSLATE_NOOP("SectionModel", "NGO"),
    "activists": QT_TRANSLATE_NOOP("SectionModel", "activists"),
}


def kind_name(kind: str) -> str:
    """A kind in the interface language; a kind this version does not know, as written."""
    return _tr(KIND_NAMES[kind]) if kind in KIND_NAMES else kind.replace("_", " ")


def _kind(doc: CaseDocument, node: Any, lang: str) -> str:
    return kind_name(doc.get_plain(node, "kind"))


def age_text(days: int) -> str:
    """A fact's age as a campaigner reads it: days, then months, then years."""
    if days < 0:
        return QCoreApplication.translate("SectionModel", "in the future")
    if days < 61:
        return SectionModel.tr("%n day(s)", "", days)  # type: ignore[arg-type]
    months = days // 30
    if days < 730:
        return SectionModel.tr("%n month(s)", "", months)  # type: ignore[arg-type]
    return QCoreApplication.translate("SectionModel", "{years} years").format(
        years=QLocale().toString(days / 365.25, "f", 1)
    )


def _refs(doc: CaseDocument, node: Any, lang: str) -> str:
    return ", ".join(doc.get_refs(node))


def _points(doc: CaseDocument, node: Any, lang: str) -> str:
    return str(len(doc.points(node)))


COLUMNS: dict[str, tuple[_Column, ...]] = {
    "timeline": (
        (QT_TRANSLATE_NOOP("SectionModel", "Date"), _date),
        (QT_TRANSLATE_NOOP("SectionModel", "ID"), _plain("id")),
        (QT_TRANSLATE_NOOP("SectionModel", "Event ({lang})"), _text("text")),
        (QT_TRANSLATE_NOOP("SectionModel", "Sources"), _refs),
        (QT_TRANSLATE_NOOP("SectionModel", "Kind"), _kind),
    ),
    "facts": (
        (QT_TRANSLATE_NOOP("SectionModel", "ID"), _plain("id")),
        (QT_TRANSLATE_NOOP("SectionModel", "Fact ({lang})"), _text("text")),
        (QT_TRANSLATE_NOOP("SectionModel", "Sources"), _refs),
        (QT_TRANSLATE_NOOP("SectionModel", "As of"), _as_of),
        (QT_TRANSLATE_NOOP("SectionModel", "Age"), _age_placeholder),
    ),
    "arguments": (
        (QT_TRANSLATE_NOOP("SectionModel", "Label"), _plain("label")),
        (QT_TRANSLATE_NOOP("SectionModel", "ID"), _plain("id")),
        (QT_TRANSLATE_NOOP("SectionModel", "Title ({lang})"), _text("title")),
        (QT_TRANSLATE_NOOP("SectionModel", "Points"), _points),
    ),
    "demands": (
        (QT_TRANSLATE_NOOP("SectionModel", "ID"), _plain("id")),
        (QT_TRANSLATE_NOOP("SectionModel", "Demand ({lang})"), _text("text")),
    ),
    "supporters": (
        (QT_TRANSLATE_NOOP("SectionModel", "ID"), _plain("id")),
        (QT_TRANSLATE_NOOP("SectionModel", "Name ({lang})"), _text("name")),
        (QT_TRANSLATE_NOOP("SectionModel", "Kind"), _kind),
        (QT_TRANSLATE_NOOP("SectionModel", "Date"), _date),
        (QT_TRANSLATE_NOOP("SectionModel", "Sources"), _refs),
    ),
    "sources": (
        (QT_TRANSLATE_NOOP("SectionModel", "ID"), _plain("id")),
        (QT_TRANSLATE_NOOP("SectionModel", "Title ({lang})"), _text("title")),
        (QT_TRANSLATE_NOOP("SectionModel", "Publisher ({lang})"), _text("publisher")),
        (QT_TRANSLATE_NOOP("SectionModel", "Date"), _date),
        (QT_TRANSLATE_NOOP("SectionModel", "Web address"), _plain("url")),
    ),
}
# Starting widths (pixels) of the columns that do not stretch; the user can drag them.
WIDTHS = {
    "ID": 210,
    "Date": 100,
    "As of": 90,
    "Age": 160,
    "Label": 60,
    "Points": 60,
    "Sources": 230,
    "Kind": 150,
    "Publisher": 220,
}

# The column that takes the remaining width (the text the campaigner reads).
STRETCH = {"timeline": 2, "facts": 1, "arguments": 2, "demands": 1, "supporters": 1, "sources": 1}
AS_OF_COLUMN, AGE_COLUMN = 3, 4  # of "facts"


def _one_line(text: str) -> str:
    return " ".join(text.split())


class SectionModel(QAbstractTableModel):
    """One list of the case (timeline, facts, …) as rows, in file order."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.doc: CaseDocument | None = None
        self.section = "facts"
        self._items: list[Any] = []
        self._problems: Callable[[int], list[str]] = lambda row: []
        # A fact older than this (the campaign's facts_stale_after_days) is marked stale.
        self.stale_after_days = DEFAULT_FACTS_STALE_AFTER_DAYS
        self.today = dt.date.today()
        self._stale_colour = style.colour(style.STALE)

    def set_section(
        self, doc: CaseDocument | None, section: str, problems: Callable[[int], list[str]] | None = None
    ) -> None:
        self.beginResetModel()
        self.doc = doc
        self.section = section
        self._items = doc.items(section) if doc is not None else []
        self._problems = problems or (lambda row: [])
        self.endResetModel()

    def reload(self) -> None:
        """Re-read the list after an item was added or deleted."""
        self.set_section(self.doc, self.section, self._problems)

    def item(self, row: int) -> Any:
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, node: Any) -> int:
        return next((i for i, item in enumerate(self._items) if item is node), -1)

    def refresh_row(self, row: int) -> None:
        if 0 <= row < len(self._items):
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def refresh_all(self) -> None:
        if self._items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._items) - 1, self.columnCount() - 1))

    def column_width(self, column: int) -> int:
        return WIDTHS.get(COLUMNS[self.section][column][0], 180)

    @property
    def language(self) -> str:
        langs = self.doc.languages if self.doc is not None else ()
        return langs[0] if langs else "en"

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS[self.section])

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(COLUMNS[self.section][section][0]).format(lang=self.language)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.doc is None:
            return None
        node = self._items[index.row()]
        if self.section == "facts":
            aged = self._age_data(node, index.row(), index.column(), role)
            if aged is not None:
                return aged
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            _header, read = COLUMNS[self.section][index.column()]
            return _one_line(read(self.doc, node, self.language))
        if index.column() == 0 and role == Qt.ItemDataRole.DecorationRole:
            if self._problems(index.row()):
                return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            problems = self._problems(index.row())
            if problems:
                return "\n".join(problems)
            _header, read = COLUMNS[self.section][index.column()]
            return read(self.doc, node, self.language) or None
        return None

    def _age_data(self, node: Any, row: int, column: int, role: int):
        """A fact's age, and its row marked (the Age cell in bold) once it is stale."""
        assert self.doc is not None
        days = fact_age(self.doc, node, self.today)
        stale = days is not None and days > self.stale_after_days
        if column == AGE_COLUMN and role == Qt.ItemDataRole.DisplayRole:
            return (
                QCoreApplication.translate("SectionModel", "no date")
                if days is None
                else age_text(days)
                + (QCoreApplication.translate("SectionModel", " — stale") if stale else "")
            )
        if not stale:
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._stale_colour
        if role == Qt.ItemDataRole.FontRole and column == AGE_COLUMN:
            return style.bold(QApplication.font())
        tip = role == Qt.ItemDataRole.ToolTipRole and column in (AS_OF_COLUMN, AGE_COLUMN)
        if tip and not self._problems(row):
            as_of = self.doc.get_date(node, "as_of")
            return SectionModel.tr(
                "Stated as of {date}: %n day(s) ago, more than the campaign's facts_stale_after_days "  # type: ignore[arg-type]
                "({limit}). A letter stating it as current may no longer be true: check it, then update "
                "its text and As of — or date it in the letter.",
                "",
                days,  # type: ignore[arg-type]
            ).format(date=as_of, limit=self.stale_after_days)
        return None


class PointsModel(QAbstractTableModel):
    """An argument's points: number, text in the first language, sources."""

    HEADERS = (
        "#",
        QT_TRANSLATE_NOOP("PointsModel", "Point ({lang})"),
        QT_TRANSLATE_NOOP("PointsModel", "Sources"),
    )

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.doc: CaseDocument | None = None
        self.argument: Any = None
        self._points: list[Any] = []
        self._problems: Callable[[int], list[str]] = lambda row: []

    def set_argument(
        self, doc: CaseDocument | None, argument: Any, problems: Callable[[int], list[str]] | None = None
    ) -> None:
        self.beginResetModel()
        self.doc = doc
        self.argument = argument
        self._points = doc.points(argument) if doc is not None and argument is not None else []
        self._problems = problems or (lambda row: [])
        self.endResetModel()

    def reload(self) -> None:
        self.set_argument(self.doc, self.argument, self._problems)

    def point(self, row: int) -> Any:
        return self._points[row] if 0 <= row < len(self._points) else None

    def row_of(self, point: Any) -> int:
        return next((i for i, p in enumerate(self._points) if p is point), -1)

    def refresh_row(self, row: int) -> None:
        if 0 <= row < len(self._points):
            self.dataChanged.emit(self.index(row, 0), self.index(row, 2))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._points)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            lang = self.doc.languages[0] if self.doc is not None and self.doc.languages else "en"
            return QCoreApplication.translate("PointsModel", self.HEADERS[section]).format(lang=lang)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.doc is None:
            return None
        point = self._points[index.row()]
        lang = self.doc.languages[0] if self.doc.languages else "en"
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return str(index.row() + 1)
            if index.column() == 1:
                return _one_line(_text("text")(self.doc, point, lang))
            return ", ".join(self.doc.get_refs(point))
        if index.column() == 0 and role == Qt.ItemDataRole.DecorationRole and self._problems(index.row()):
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.ToolTipRole:
            problems = self._problems(index.row())
            return "\n".join(problems) if problems else None
        return None
