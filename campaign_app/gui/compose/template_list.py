"""The Compose tab's list of templates: every file in letter_templates/, a broken one with its error.

A broken template is listed (in the error colour, with a warning icon and its first
problem as the second line) so that it can be opened and fixed; an edited one not yet saved
carries a dot.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from campaign_app.core.letters.template_text import TemplateFile
from campaign_app.gui import style
from campaign_app.gui.translation import QT_TRANSLATE_NOOP

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()

SUBTITLE_ROLE = Qt.ItemDataRole.UserRole + 1


class TemplateListModel(QAbstractTableModel):
    """The files in letter_templates/: title, id, language; a broken file shows its error.

    A table (title, id, language) for tests and any future table view; the list on the
    tab shows column 0 with the id and language as a second line (SUBTITLE_ROLE).
    """

    HEADERS = (
        QT_TRANSLATE_NOOP("TemplateListModel", "Title"),
        QT_TRANSLATE_NOOP("TemplateListModel", "ID"),
        QT_TRANSLATE_NOOP("TemplateListModel", "Lang."),
    )

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.files: list[TemplateFile] = []
        self.unsaved: set[Path] = set()
        self._warning: QIcon | None = None

    def set_files(self, files: list[TemplateFile]) -> None:
        self.beginResetModel()
        self.files = files
        self.endResetModel()

    def set_unsaved(self, path: Path, unsaved: bool) -> None:
        before = path in self.unsaved
        (self.unsaved.add if unsaved else self.unsaved.discard)(path)
        row = self.row_of(path)
        if before != unsaved and row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, 0))

    def row_of(self, path: Path | None) -> int:
        return next((i for i, f in enumerate(self.files) if f.path == path), -1)

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.files)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        f = self.files[index.row()]
        col = index.column()
        t = f.template
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                title = t.title if t else f.path.name
                return f"● {title}" if f.path in self.unsaved else title
            if col == 1:
                return t.id if t else self.tr("error")
            return t.language if t else ""
        if role == SUBTITLE_ROLE:
            if f.errors:
                return f.errors[0].message
            return f"{t.id} · {t.language}" if t else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = (
                f.path.name
                if t is None
                else self.tr("{title}\n{file} · audience: {audience}").format(
                    title=t.title, file=f.path.name, audience=t.audience
                )
            )
            return f"{tip}\n\n{f.problem}" if f.errors else tip
        if role == Qt.ItemDataRole.ForegroundRole and f.errors:
            return style.colour(style.ERROR)
        if role == Qt.ItemDataRole.DecorationRole and col == 0 and f.errors:
            if self._warning is None:
                self._warning = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            return self._warning
        return None


class TemplateDelegate(QStyledItemDelegate):
    """Two lines per template: its title, and its id and language (or its error) in small grey."""

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        height = option.fontMetrics.height()
        return QSize(200, height * 2 + 12)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        title, opt.text = opt.text, ""
        widget = opt.widget
        qstyle = widget.style() if widget is not None else QApplication.style()
        qstyle.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = qstyle.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget).adjusted(4, 0, -4, 0)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)
        if selected:
            main = sub = opt.palette.color(QPalette.ColorRole.HighlightedText)
        else:
            main = (
                foreground if isinstance(foreground, QColor) else opt.palette.color(QPalette.ColorRole.Text)
            )
            sub = (
                foreground
                if isinstance(foreground, QColor)
                else opt.palette.color(QPalette.ColorRole.PlaceholderText)
            )
        line = opt.fontMetrics.height()
        top = rect.top() + (rect.height() - 2 * line - 2) // 2
        painter.save()
        bold = style.bold(opt.font, QFont.Weight.DemiBold)
        painter.setFont(bold)
        painter.setPen(main)
        elide = Qt.TextElideMode.ElideRight
        painter.drawText(
            QRect(rect.left(), top, rect.width(), line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(bold).elidedText(title, elide, rect.width()),
        )
        small = style.scaled(opt.font, 0.9)
        painter.setFont(small)
        painter.setPen(sub)
        subtitle = str(index.data(SUBTITLE_ROLE) or "")
        painter.drawText(
            QRect(rect.left(), top + line + 2, rect.width(), line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(small).elidedText(subtitle, elide, rect.width()),
        )
        painter.restore()
