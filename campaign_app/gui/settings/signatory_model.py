"""The Settings tab's table of signatories: a name and a role per language of the campaign.

A text the file keeps once for every language shows in each language's column; editing one
column turns it into per-language texts (the other languages keep the shared text).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from campaign_app.core.campaign.edit import SignatoryForm, Text, text_in


class SignatoryModel(QAbstractTableModel):
    """Signatories as rows; a name and a role column per language of the campaign.

    A text the file keeps once for every language shows in each language's column; editing
    one column turns it into per-language texts (the other languages keep the shared text).
    """

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[SignatoryForm] = []
        self._languages: tuple[str, ...] = ("en",)
        self._columns: list[tuple[str, str]] = []

    def reset(self, rows: tuple[SignatoryForm, ...], languages: tuple[str, ...]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._languages = languages
        self._columns = [(part, lang) for part in ("name", "role") for lang in languages]
        self._columns.append(("signature_image", ""))  # one file for every language
        self.endResetModel()

    def rows(self) -> tuple[SignatoryForm, ...]:
        return tuple(self._rows)

    def column_of(self, part: str, language: str) -> int:
        return self._columns.index((part, language))

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        part, lang = self._columns[section]
        if part == "signature_image":
            return self.tr("Signature image")
        title = self.tr("Name") if part == "name" else self.tr("Role")
        return title if len(self._languages) == 1 else f"{title} ({lang})"

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        part, lang = self._columns[index.column()]
        value: Text = getattr(self._rows[index.row()], part)
        if part == "signature_image":
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr(
                    "A PNG or JPEG in the campaign folder (e.g. images/signature.png), set above the name"
                )
            return value if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole) else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return text_in(value, lang)
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(value, str) and len(self._languages) > 1:
            return self.tr("The same text in every language")
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        part, lang = self._columns[index.column()]
        row = self._rows[index.row()]
        current: Text = getattr(row, part)
        text = str(value).strip()
        if part == "signature_image":
            new: Text = text
        elif isinstance(current, dict):
            new = {**current, lang: text}
        elif len(self._languages) > 1:
            new = {**dict.fromkeys(self._languages, current), lang: text}
        else:
            new = text
        if new == current:
            return False
        self._rows[index.row()] = replace(row, **{part: new})
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), self.columnCount() - 1))
        return True

    def add(self) -> int:
        blank: Text = dict.fromkeys(self._languages, "") if len(self._languages) > 1 else ""
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(SignatoryForm(blank, blank))
        self.endInsertRows()
        return row

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()

    def move(self, row: int, delta: int) -> int:
        target = row + delta
        if not (0 <= row < len(self._rows) and 0 <= target < len(self._rows)):
            return row
        # Qt's destination is the row the item goes *before*, counted before the move.
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), target + 1 if delta > 0 else target)
        self._rows.insert(target, self._rows.pop(row))
        self.endMoveRows()
        return target
