"""campaign.yaml as the Settings tab's form: read, shown, checked field by field, previewed.

Everything here is campaign.yaml: the sender (organisation, address and city in each
language the file uses, e-mail, phone, website), which is also the letterhead; the
signatories; paper, follow-up period and default language; and the ``smtp:`` section. Each
field is checked as it is typed, with the same check and the same words as the command line,
and the letterhead is previewed in any of the campaign's languages.
"""

from __future__ import annotations

import html
import itertools
import shutil
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QFileDialog, QLabel, QLineEdit, QPlainTextEdit, QWidget

from campaign_app.core.campaign.edit import (
    DEFAULT_FOLLOW_UP_DAYS,
    CampaignForm,
    SmtpForm,
    Text,
    letterhead,
    read_form,
    text_in,
)
from campaign_app.core.common.errors import Location, UserError, UserErrors
from campaign_app.core.common.images import read_picture
from campaign_app.core.mail.settings import (
    DEFAULT_PORTS,
    DEFAULT_RATE_PER_MINUTE,
    check_address,
    check_host,
    check_port,
)
from campaign_app.gui import style, texts
from campaign_app.gui.base_tab import show_error
from campaign_app.gui.session import WorkspaceSession
from campaign_app.gui.settings.field_widgets import language_title
from campaign_app.gui.settings.keyring import SettingsKeyring
from campaign_app.gui.tasks import TaskRunner
from campaign_app.gui.texts import language_name
from campaign_app.gui.translation import QT_TRANSLATE_NOOP

TEXT_FIELDS = (
    ("organisation", QT_TRANSLATE_NOOP("SettingsForm", "Organ&isation")),
    ("address", QT_TRANSLATE_NOOP("SettingsForm", "A&ddress")),
    ("city", QT_TRANSLATE_NOOP("SettingsForm", "Cit&y")),
)


def _address_editor(text: str) -> QPlainTextEdit:
    """An address in a few lines; Tab moves on to the next field."""
    editor = QPlainTextEdit()
    editor.setTabChangesFocus(True)
    editor.setPlainText(text)
    editor.setPlaceholderText(
        QCoreApplication.translate("SettingsForm", "Street and number\nPostcode City\nCountry")
    )
    lines = 3.6
    editor.setFixedHeight(int(editor.fontMetrics().lineSpacing() * lines + 14))
    return editor


class SettingsForm(SettingsKeyring):
    """The Settings tab showing campaign.yaml, and what the user changed in it."""

    def __init__(self, session: WorkspaceSession, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(session, tasks, parent)
        self._loaded: CampaignForm | None = None
        self._populating = False

    # ---- the sender's texts, one editor per language -----------------------------------

    def _rebuild_texts(self, form: CampaignForm) -> None:
        """One editor per language for texts kept per language, one for a shared text."""
        grid = self.texts_grid
        for widget in self._text_widgets:
            grid.removeWidget(widget)
            widget.setParent(None)
            widget.deleteLater()
        self._text_widgets = []
        languages = form.languages
        for col in range(1, grid.columnCount() + 1):
            grid.setColumnStretch(col, 1 if col <= len(languages) else 0)
        self.text_edits = {}

        def place(widget: QWidget, row: int, col: int, span: int = 1, align=None) -> None:
            if align is None:
                grid.addWidget(widget, row, col, 1, span)
            else:
                grid.addWidget(widget, row, col, 1, span, align)
            self._text_widgets.append(widget)

        if len(languages) > 1:
            for col, lang in enumerate(languages, start=1):
                header = QLabel(language_title(lang))
                header.setStyleSheet(style.BOLD_STYLE)
                place(header, 0, col)
        for row, (key, title) in enumerate(TEXT_FIELDS, start=1):
            label = QLabel(self.tr(title) + ":")
            label.setContentsMargins(0, 4, 0, 0)
            place(label, row, 0, 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            value: Text = getattr(form, key)
            editors: dict[str, QLineEdit | QPlainTextEdit] = {}
            targets = (
                [(lang, text_in(value, lang)) for lang in languages]
                if isinstance(value, dict)
                else [("", value)]
            )
            for col, (lang, text) in enumerate(targets, start=1):
                editor = self._text_editor(key, text, lang, languages)
                place(editor, row, col, 1 if lang else len(languages))
                editors[lang] = editor
            label.setBuddy(next(iter(editors.values())))
            self.text_edits[key] = editors
        self._fix_tab_order()

    def _text_editor(
        self, key: str, text: str, lang: str, languages: tuple[str, ...]
    ) -> QLineEdit | QPlainTextEdit:
        editor: QLineEdit | QPlainTextEdit
        if key == "address":
            editor = _address_editor(text)
            editor.textChanged.connect(self._edited)
        else:
            editor = QLineEdit(text)
            editor.textEdited.connect(self._edited)
        editor.setObjectName(f"{key}_{lang or 'all'}")
        if lang:
            title = self.tr(dict(TEXT_FIELDS)[key]).replace("&", "")
            editor.setAccessibleName(f"{title} ({language_name(lang)})")
        elif len(languages) > 1:
            editor.setToolTip(self.tr("The same text in every language"))
        return editor

    def _fix_tab_order(self) -> None:
        """Tab goes along each row (organisation in every language, then the address…),
        then on to the e-mail: the editors are created after the fields below them."""
        chain: list[QWidget] = [e for editors in self.text_edits.values() for e in editors.values()]
        chain.append(self.email_edit)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # ---- loading ---------------------------------------------------------------------

    def reload(self) -> None:
        """Read campaign.yaml again (another folder was opened, or the file changed)."""
        workspace = self.session.workspace
        self.password_edit.clear()
        self._password_stored = None
        self._shown_once = False
        if workspace is None:
            self.requests.next()  # work still on its way is for the old campaign
            self._loaded = None
            self._set_enabled(False)
            return
        path = workspace.campaign_path
        self.submit_newest(lambda: read_form(path), self._on_loaded, self._on_load_failed)

    def _on_loaded(self, form: CampaignForm) -> None:
        self.show_banner("")
        self._populate(form)
        self._set_enabled(True)
        self.status_label.setText("")
        if self.isVisible():
            self._shown_once = True
            self.check_keyring()

    def _on_load_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, UserError | UserErrors):
            raise exc
        self._loaded = None
        self._set_enabled(False)
        self.show_banner(
            self.tr("campaign.yaml cannot be edited here until it is corrected:") + f"\n{texts.problems(exc)}"
        )

    def _populate(self, form: CampaignForm) -> None:
        """Show ``form`` in the widgets (without counting it as an edit)."""
        self._populating = True
        try:
            self._loaded = form
            self._rebuild_texts(form)
            QTimer.singleShot(0, self.order_tab_keys)  # its fields are new: where they are placed
            self.email_edit.setText(form.email)
            self.phone_edit.setText(form.phone)
            self.website_edit.setText(form.website)
            self.logo_edit.setText(form.logo)
            self.example_check.setChecked(form.example)
            self.signatory_model.reset(form.signatories, form.languages)
            self._select_data(self.paper_combo, form.paper)
            self.follow_up_spin.setValue(form.follow_up_days or DEFAULT_FOLLOW_UP_DAYS)
            self.language_combo.clear()
            for lang in dict.fromkeys((*form.languages, form.default_language)):
                self.language_combo.addItem(language_title(lang), lang)
            self._select_data(self.language_combo, form.default_language)
            self.preview_language.clear()
            for lang in form.languages:
                self.preview_language.addItem(language_title(lang), lang)
            self._select_data(self.preview_language, form.default_language)
            self.preview_language.setVisible(len(form.languages) > 1)
            smtp = form.smtp
            self.host_edit.setText(smtp.host)
            self._select_data(self.security_combo, smtp.security)
            self.port_edit.setText(smtp.port)
            self.username_edit.setText(smtp.username)
            self.from_edit.setText(smtp.from_address)
            self.reply_to_edit.setText(smtp.reply_to)
            self.rate_spin.setValue(smtp.rate_per_minute or DEFAULT_RATE_PER_MINUTE)
            self.ask_check.setChecked(smtp.ask_password)
            self.team_box.set_address(form.log_database)
            self._update_port_placeholder()
        finally:
            self._populating = False
        self._edited()

    @staticmethod
    def _select_data(combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

    def _set_enabled(self, enabled: bool) -> None:
        self.body.setEnabled(enabled)
        self.save_action.setEnabled(enabled)
        if not enabled:
            self.save_button.setEnabled(False)
            self.revert_button.setEnabled(False)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self.order_tab_keys)  # once laid out, where the fields are
        # The keyring is looked at only when the user comes here: it may ask to be unlocked.
        if not self._shown_once and self._loaded is not None:
            self._shown_once = True
            self.check_keyring()

    # ---- the form as it is now ---------------------------------------------------------

    def _text(self, key: str) -> Text:
        editors = self.text_edits.get(key, {})

        def value(editor) -> str:
            raw = editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()
            return raw.strip()

        if "" in editors:
            return value(editors[""])
        return {lang: value(editor) for lang, editor in editors.items()}

    def current_form(self) -> CampaignForm | None:
        if self._loaded is None:
            return None
        loaded = self._loaded
        smtp = SmtpForm(
            host=self.host_edit.text().strip(),
            port=self.port_edit.text().strip(),
            security=self.security_combo.currentData(),
            username=self.username_edit.text().strip(),
            from_address=self.from_edit.text().strip(),
            reply_to=self.reply_to_edit.text().strip(),
            rate_per_minute=self.rate_spin.value(),
            ask_password=self.ask_check.isChecked(),
        )
        # Widgets cannot show an invalid value from the file; keep "unchanged" unchanged.
        if loaded.smtp.rate_per_minute is None and smtp.rate_per_minute == DEFAULT_RATE_PER_MINUTE:
            smtp = replace(smtp, rate_per_minute=None)
        return replace(
            loaded,
            organisation=self._text("organisation"),
            address=self._text("address"),
            city=self._text("city"),
            email=self.email_edit.text().strip(),
            phone=self.phone_edit.text().strip(),
            website=self.website_edit.text().strip(),
            logo=self.logo_edit.text().strip(),
            signatories=self.signatory_model.rows(),
            paper=self.paper_combo.currentData(),
            follow_up_days=self.follow_up_spin.value(),
            default_language=self.language_combo.currentData() or loaded.default_language,
            smtp=smtp,
            example=self.example_check.isChecked(),
            log_database=self.team_box.address(),
        )

    def is_dirty(self) -> bool:
        form = self.current_form()
        return form is not None and form != self._loaded

    def field_problems(self, form: CampaignForm) -> dict[str, str]:
        """Messages for the fields that are wrong now (the same text the command line prints)."""
        problems: dict[str, str] = {}
        checks = {
            "email": lambda: check_address(form.email, "sender e-mail"),
            "host": lambda: check_host(form.smtp.host, form.smtp.username),
            "port": lambda: check_port(form.smtp.port) if form.smtp.port else None,
            "from": lambda: check_address(form.smtp.from_address, "SMTP 'from'"),
            "reply_to": lambda: check_address(form.smtp.reply_to, "SMTP 'reply_to'"),
            "logo": lambda: self._check_logo(form.logo),
            "log_database": lambda: self.team_box.check_address(form.log_database),
        }
        for key, check in checks.items():
            try:
                check()
            except UserError as exc:
                problems[key] = str(exc)
        if not any(text_in(form.organisation, lang) for lang in form.languages):
            problems["organisation"] = self.tr("the organisation is empty — every letter needs a sender")
        return problems

    def _check_logo(self, logo: str) -> None:
        ws = self.session.workspace
        if logo and ws is not None:
            read_picture(ws.root, logo, Location("campaign.yaml"), "the letterhead logo", "images/logo.png")

    def choose_logo(self) -> None:
        """Pick the logo file; one from outside the campaign folder is copied into its images/."""
        ws = self.session.workspace
        if ws is None:
            return
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the letterhead logo"), str(ws.root), self.tr("Images (*.png *.jpg *.jpeg)")
        )
        if not name:
            return
        chosen = Path(name).resolve()
        if not chosen.is_relative_to(ws.root.resolve()):
            target, number = ws.root / "images" / chosen.name, 1
            while target.exists() and target.read_bytes() != chosen.read_bytes():  # never replace another
                number += 1
                target = target.with_name(f"{chosen.stem}-{number}{chosen.suffix}")
            target.parent.mkdir(exist_ok=True)
            shutil.copyfile(chosen, target)
            chosen = target.resolve()
        self.logo_edit.setText(chosen.relative_to(ws.root.resolve()).as_posix())
        self._edited()

    def _edited(self, *_args) -> None:
        """After any change: field messages, the letterhead preview, Save and the status line."""
        if self._populating:
            return
        form = self.current_form()
        if form is None:
            return
        problems = self.field_problems(form)
        for key, label in self.error_labels.items():
            if key == "password":
                continue
            show_error(label, problems.get(key))
        dirty = form != self._loaded
        self.save_button.setEnabled(dirty and not problems and not self.busy)
        self.revert_button.setEnabled(dirty and not self.busy)
        if self.busy:
            pass
        elif problems and dirty:
            self.status_label.setText(self.tr("Correct the marked fields to save."))
        elif dirty:
            self.status_label.setText(self.tr("Unsaved changes."))
        elif self.status_label.text() != getattr(self, "_saved_message", None):
            self.status_label.setText("")
        self._update_preview()
        self._update_signatory_buttons()
        self._update_password_controls()

    def _security_changed(self) -> None:
        """Switching STARTTLS ↔ SSL also switches a port left at the other one's default."""
        if not self._populating:
            other = {587: "465", 465: "587"}
            port = self.port_edit.text().strip()
            new = self.security_combo.currentData()
            if port.isdigit() and int(port) in other and int(port) != DEFAULT_PORTS[new]:
                self.port_edit.setText(str(DEFAULT_PORTS[new]))
        self._update_port_placeholder()
        self._edited()

    def _update_port_placeholder(self) -> None:
        security = self.security_combo.currentData() or "starttls"
        self.port_edit.setPlaceholderText(
            self.tr("{port} (the default)").format(port=DEFAULT_PORTS[security])
        )

    def _update_preview(self) -> None:
        form = self.current_form()
        if form is None:
            self.letterhead_preview.setText("")
            return
        language = self.preview_language.currentData() or form.default_language
        head = letterhead(form, language)
        lines = "<br>".join(html.escape(line) for line in head.lines)
        organisation = html.escape(head.organisation) or "<i>" + self.tr("(no organisation)") + "</i>"
        self.letterhead_preview.setText(
            f"<div style='font-size: 13pt; font-weight: 600;'>{organisation}</div>"
            f"<div style='color: {style.LETTERHEAD_DETAIL}; font-size: 9pt;'>{lines}</div>"
        )

    # ---- signatories -----------------------------------------------------------------

    def _current_signatory_row(self) -> int:
        index = self.signatory_view.currentIndex()
        return index.row() if index.isValid() else -1

    def _update_signatory_buttons(self, *_args) -> None:
        row, count = self._current_signatory_row(), self.signatory_model.rowCount()
        self.remove_signatory_button.setEnabled(row >= 0)
        self.up_signatory_button.setEnabled(row > 0)
        self.down_signatory_button.setEnabled(0 <= row < count - 1)

    def _add_signatory(self) -> None:
        row = self.signatory_model.add()
        index = self.signatory_model.index(row, 0)
        self.signatory_view.setCurrentIndex(index)
        self.signatory_view.setFocus()
        self.signatory_view.edit(index)

    def _remove_signatory(self) -> None:
        row = self._current_signatory_row()
        if row >= 0:
            self.signatory_model.remove(row)
            self._update_signatory_buttons()

    def _move_signatory(self, delta: int) -> None:
        row = self._current_signatory_row()
        if row < 0:
            return
        column = self.signatory_view.currentIndex().column()
        target = self.signatory_model.move(row, delta)
        self.signatory_view.setCurrentIndex(self.signatory_model.index(target, column))
        self._update_signatory_buttons()

    def _current_problems(self) -> dict[str, str]:
        form = self.current_form()
        return self.field_problems(form) if form is not None else {}
