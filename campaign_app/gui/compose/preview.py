"""The right-hand side of the Compose tab: who the letter is for, and the letter itself.

The recipient picker is a combo box you can type into: ``simecka`` finds Šimečka, as in
the command line's queries (the same accent-free folding), and Return takes the first
match. Its list is a Qt model over plain Python tuples, so an audience of thousands costs
nothing until the popup is opened; the search filters the tuples in Python.

The preview shows the HTML that :mod:`campaign_app.core.letters.email.html` makes from the
rendered letter, on white paper in the letter's typeface (PT Serif, registered by
style.py on first use). Links open in the system browser, but only web and mail links: a template from
a stranger must not be able to open ``file:`` or other handlers on the user's machine.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QPalette
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QListView, QTextBrowser, QWidget

from campaign_app.core.directory.query import fold
from campaign_app.core.letters.email.html import LINK_SCHEMES
from campaign_app.gui import style

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def open_external(url: QUrl) -> None:
    """Open a web or mail link in the system's handler (replaced in tests)."""
    QDesktopServices.openUrl(url)


class _Rows(QAbstractListModel):
    """A read-only list of labels (row i is ``labels[i]``); ``ids`` run alongside."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.labels: list[str] = []

    def set_labels(self, labels: list[str]) -> None:
        self.beginResetModel()
        self.labels = labels
        self.endResetModel()

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.labels)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole) and index.isValid():
            return self.labels[index.row()]
        return None


class RecipientPicker(QComboBox):
    """Choose one recipient by typing part of the name, office or organisation."""

    recipientChanged = Signal(str)  # the id, "" when there is none

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(14)  # room for the editor beside it on a 1024-pixel screen
        self.setMaxVisibleItems(20)
        self._edit.setPlaceholderText(self.tr("Type a name, office or organisation"))
        self._edit.setClearButtonEnabled(True)
        self._ids: list[str] = []
        self._folded: list[str] = []
        self._all = _Rows(self)
        self.setModel(self._all)
        self._matches: list[int] = []
        self._query = ""
        self._match_rows = _Rows(self)
        completer = QCompleter(self._match_rows, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)
        # (the stubs do not know PySide's overloaded signals: activated[str] is the text's)
        completer.activated[str].connect(self._take_completion)  # type: ignore[index]
        self._edit.textEdited.connect(self._search)
        self._edit.returnPressed.connect(self._take_first_match)
        self._edit.editingFinished.connect(self._show_current)
        self.currentIndexChanged.connect(self._index_changed)
        for view in (self.view(), completer.popup()):
            if isinstance(view, QListView):
                view.setUniformItemSizes(True)

    @property
    def _edit(self) -> QLineEdit:
        line = self.lineEdit()
        assert line is not None, "the picker is an editable combo box"
        return line

    # -- contents

    def set_recipients(self, items: list[tuple[str, str, str]], keep: str | None = None) -> None:
        """Fill with (id, label, search text) triples; select ``keep`` if listed, else the first.

        The search text is the label and id already folded (core.query.fold), made off the
        UI thread: folding 100,000 labels here would stall the window for half a second.
        """
        keep = keep if keep is not None else self.current_id()
        self.blockSignals(True)
        self._ids = [i for i, _label, _folded in items]
        self._folded = [folded for _i, _label, folded in items]
        self._all.set_labels([label for _i, label, _folded in items])
        self._match_rows.set_labels([])
        self._matches, self._query = [], ""
        row = self._ids.index(keep) if keep in self._ids else (0 if self._ids else -1)
        self.setCurrentIndex(row)
        self.blockSignals(False)
        self._show_current()
        self.recipientChanged.emit(self.current_id())

    def current_id(self) -> str:
        row = self.currentIndex()
        return self._ids[row] if 0 <= row < len(self._ids) else ""

    def select(self, recipient_id: str) -> bool:
        if recipient_id not in self._ids:
            return False
        self.setCurrentIndex(self._ids.index(recipient_id))
        self._show_current()
        return True

    def ids(self) -> list[str]:
        return list(self._ids)

    # -- typing to search

    @staticmethod
    def search_text(recipient_id: str, label: str) -> str:
        """What typing is matched against (call it off the UI thread for long lists)."""
        return fold(f"{label} {recipient_id}")

    def matching_rows(self, text: str, within: list[int] | None = None) -> list[int]:
        """Rows whose label or id contains every word of ``text`` (case and accents ignored)."""
        words = fold(text).split()
        rows = range(len(self._folded)) if within is None else within
        folded = self._folded
        if len(words) == 1:  # the usual case, kept to one comprehension: 100,000 rows in ~10 ms
            word = words[0]
            return [i for i in rows if word in folded[i]]
        return [i for i in rows if all(w in folded[i] for w in words)]

    def _search(self, text: str) -> None:
        # Typing on narrows the result: search only the previous matches.
        query = fold(text)
        narrowing = bool(self._query) and query.startswith(self._query)
        self._matches = self.matching_rows(text, self._matches if narrowing else None)
        self._query = query
        self._match_rows.set_labels([self._all.labels[i] for i in self._matches])

    def _take_completion(self, label: str) -> None:
        for row in self._matches:
            if self._all.labels[row] == label:
                self.setCurrentIndex(row)
                break
        self._show_current()

    def _take_first_match(self) -> None:
        text = self._edit.text()
        row = self.currentIndex()
        if 0 <= row < len(self._ids) and text == self._all.labels[row]:
            return
        matches = self.matching_rows(text)
        if matches:
            self.setCurrentIndex(matches[0])
        popup = completer.popup() if (completer := self.completer()) is not None else None
        if popup is not None:
            popup.hide()
        self._show_current()

    def _show_current(self) -> None:
        """Put the chosen entry's label back in the field (a half-typed search is not a choice)."""
        row = self.currentIndex()
        label = self._all.labels[row] if 0 <= row < len(self._all.labels) else ""
        if self._edit.text() != label:
            self._edit.setText(label)
        if not self._edit.hasFocus():
            self._edit.setCursorPosition(0)  # show the name, not the end of the label

    def _index_changed(self, _row: int) -> None:
        self._show_current()
        self.recipientChanged.emit(self.current_id())


class LetterPreview(QTextBrowser):
    """The rendered letter as the reader will see it; read-only, links open externally."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._follow)
        self.document().setDefaultFont(style.letter_font(11))
        self.document().setDocumentMargin(28)
        palette = self.palette()  # letters are printed on white paper, whatever the theme
        palette.setColor(QPalette.ColorRole.Base, QColor(style.PAPER))
        palette.setColor(QPalette.ColorRole.Text, QColor(style.INK))
        self.setPalette(palette)
        self.html = ""

    def show_letter(self, html: str) -> None:
        """Replace the letter, keeping the scroll position (typing must not jump to the top)."""
        bar = self.verticalScrollBar()
        at = bar.value()
        self.html = html
        self.setHtml(html)
        bar.setValue(min(at, bar.maximum()))

    def show_message(self, text: str) -> None:
        """A grey note in place of the letter (nothing selected, no recipients, …)."""
        self.html = ""
        self.setHtml(
            f'<p style="color:{style.PAPER_NOTE}; margin-top:2em" align="center">{_escape(text)}</p>'
        )

    def _follow(self, url: QUrl) -> None:
        if not url.scheme() and url.hasFragment():
            self.scrollToAnchor(url.fragment())
        elif url.scheme().lower() in LINK_SCHEMES:
            open_external(url)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
