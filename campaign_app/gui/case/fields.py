"""The widgets for one value of the case: a text in every language, source ids, a message.

Every text that appears in letters exists once per case language, and a campaigner
translating a fact must see both versions at once, so a per-language text is shown as
columns side by side (English | Українська); source ids complete from the case's sources;
a field's problems are shown under it, in the loader's words.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from campaign_app.gui import style
from campaign_app.gui.texts import language_name


class FieldMessage(QLabel):
    """The problems of one field, under it; hidden when there are none."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(style.error_style(self.palette()))
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setVisible(False)

    def set_messages(self, messages: Sequence[str]) -> None:
        self.setText("\n".join(messages))
        self.setVisible(bool(messages))


class RefsEdit(QLineEdit):
    """Source ids as ``a, b``, completing each id from the case's sources."""

    show_popup = True  # tests on the offscreen platform (which has no popups) turn it off

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._ids = QStringListModel(self)
        completer = QCompleter(self._ids, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setWidget(self)
        completer.activated.connect(self._insert)
        self.completer_for_ids = completer
        self.textEdited.connect(self._complete)

    def set_ids(self, ids: Sequence[str]) -> None:
        if self._ids.stringList() != list(ids):
            self._ids.setStringList(list(ids))

    def _current_word(self) -> str:
        return self.text()[: self.cursorPosition()].split(",")[-1].strip()

    def _complete(self) -> None:
        word = self._current_word()
        if not word:
            self._hide_popup()
            return
        self.completer_for_ids.setCompletionPrefix(word)
        if not self.show_popup:
            return
        if self.completer_for_ids.completionCount():
            self.completer_for_ids.complete()
        else:
            self._hide_popup()

    def _hide_popup(self) -> None:
        popup = self.completer_for_ids.popup()
        if popup is not None:
            popup.hide()

    def _insert(self, chosen: str) -> None:
        before = self.text()[: self.cursorPosition()]
        after = self.text()[self.cursorPosition() :]
        head = before[: before.rfind(",") + 1]
        new_before = (head + " " if head else "") + chosen
        self.setText(new_before + after)
        self.setCursorPosition(len(new_before))
        self.textEdited.emit(self.text())


class LocalizedField(QWidget):
    """A text per language, side by side; or one text shared by every language."""

    changed = Signal(object, str)  # language (None: the shared text), text

    def __init__(self, multiline: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.multiline = multiline
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(12)
        self._shape: tuple = ()
        self.inputs: dict[str | None, QLineEdit | QPlainTextEdit] = {}
        self._loading = False
        # A label's Alt+letter focuses its buddy only if the buddy takes focus at all; this
        # box passes it on to its first language's field (the focus proxy). Not Tab focus:
        # Tab goes from field to field.
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

    def set_values(
        self, languages: Sequence[str | None], values: dict[str | None, str], rows: int = 4
    ) -> None:
        """Show ``values`` by language (key None: one shared text); rebuilt only when the
        languages change, so typing never loses the cursor."""
        shape = (tuple(languages), rows)
        if shape != self._shape:
            self._rebuild(languages, rows)
            self._shape = shape
        self._loading = True
        try:
            for lang, widget in self.inputs.items():
                text = values.get(lang, "")
                if isinstance(widget, QPlainTextEdit):
                    if widget.toPlainText() != text:
                        widget.setPlainText(text)
                elif widget.text() != text:
                    widget.setText(text)
                    widget.setCursorPosition(0)
        finally:
            self._loading = False

    def _rebuild(self, languages: Sequence[str | None], rows: int) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            old = item.widget() if item is not None else None
            if old is not None:
                old.deleteLater()
        self.inputs = {}
        for lang in languages:
            column = QWidget(self)
            box = QVBoxLayout(column)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(2)
            caption = QLabel(language_name(lang) if lang else self.tr("All languages"), column)
            caption.setEnabled(False)  # a quiet caption, not a field label
            box.addWidget(caption)
            widget: QLineEdit | QPlainTextEdit
            if self.multiline:
                widget = QPlainTextEdit(column)
                widget.setTabChangesFocus(True)
                line = widget.fontMetrics().lineSpacing()
                widget.setMinimumHeight(line * rows + 12)
                widget.setMaximumHeight(line * rows * 2 + 12)
                widget.textChanged.connect(lambda w=widget, lg=lang: self._emit(lg, w.toPlainText()))
            else:
                widget = QLineEdit(column)
                widget.textEdited.connect(lambda text, lg=lang: self._emit(lg, text))
            widget.setObjectName(f"lang_{lang or 'all'}")
            widget.setAccessibleName(language_name(lang) if lang else self.tr("All languages"))
            box.addWidget(widget)
            self._layout.addWidget(column, 1)
            self.inputs[lang] = widget
        first = self.first_input()
        if first is not None:
            self.setFocusProxy(first)  # the row's label (its buddy is this widget) focuses it

    def _emit(self, language: str | None, text: str) -> None:
        if not self._loading:
            self.changed.emit(language, text)

    def first_input(self) -> QWidget | None:
        return next(iter(self.inputs.values()), None)
