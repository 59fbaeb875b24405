"""Table models over the case file's lists, reading the edited tree directly.

The models hold no copy of the case: each cell is read from the round-trip tree the Case
tab edits (``CaseDocument``), so what the table shows is what will be written. A row whose
item has a problem (from the last save attempt, or an unknown source id found while
editing) carries a warning icon and the messages as its tooltip.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QApplication, QStyle

from campaign_app.core.case.edit import CaseDocument
from campaign_app.core.common.localized import pick

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


def _refs(doc: CaseDocument, node: Any, lang: str) -> str:
    return ", ".join(doc.get_refs(node))


def _points(doc: CaseDocument, node: Any, lang: str) -> str:
    return str(len(doc.points(node)))


COLUMNS: dict[str, tuple[_Column, ...]] = {
    "timeline": (
        ("Date", _date),
        ("ID", _plain("id")),
        ("Event ({lang})", _text("text")),
        ("Sources", _refs),
    ),
    "facts": (("ID", _plain("id")), ("Fact ({lang})", _text("text")), ("Sources", _refs)),
    "arguments": (
        ("Label", _plain("label")),
        ("ID", _plain("id")),
        ("Title ({lang})", _text("title")),
        ("Points", _points),
    ),
    "demands": (("ID", _plain("id")), ("Demand ({lang})", _text("text"))),
    "supporters": (
        ("ID", _plain("id")),
        ("Name ({lang})", _text("name")),
        ("Kind", _plain("kind")),
        ("Date", _date),
        ("Sources", _refs),
    ),
    "sources": (
        ("ID", _plain("id")),
        ("Title ({lang})", _text("title")),
        ("Publisher", _plain("publisher")),
        ("Date", _date),
        ("Web address", _plain("url")),
    ),
}
# Starting widths (pixels) of the columns that do not stretch; the user can drag them.
WIDTHS = {"ID": 210, "Date": 100, "Label": 60, "Points": 60, "Sources": 230, "Kind": 150, "Publisher": 220}

# The column that takes the remaining width (the text the campaigner reads).
STRETCH = {"timeline": 2, "facts": 1, "arguments": 2, "demands": 1, "supporters": 1, "sources": 1}


def _one_line(text: str) -> str:
    return " ".join(text.split())


class SectionModel(QAbstractTableModel):
    """One list of the case (timeline, facts, …) as rows, in file order."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.doc: CaseDocument | None = None
        self.section = "facts"
        self._items: list[Any] = []
        self._problems: Callable[[int], list[str]] = lambda row: []

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
            return COLUMNS[self.section][section][0].format(lang=self.language)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.doc is None:
            return None
        node = self._items[index.row()]
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


class PointsModel(QAbstractTableModel):
    """An argument's points: number, text in the first language, sources."""

    HEADERS = ("#", "Point ({lang})", "Sources")

    def __init__(self, parent=None):
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
            return self.HEADERS[section].format(lang=lang)
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
