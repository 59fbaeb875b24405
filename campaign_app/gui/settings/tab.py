"""The Settings tab: who sends the letters, how they look, and how they are e-mailed.

campaign.yaml as a form (``form.py``) and the SMTP password in the system keyring
(``keyring.py``). Saving goes through campaign_app.core.campaign.edit, which writes only what
was changed and checks the result with the same loader as the command line before replacing
the file; the other tabs then hear ``partChanged("campaign")``.

The choice "Ask for the password each time" is saved in campaign.yaml as ``smtp: password:
ask`` (the word, not a password), rather than kept in memory, because the command line's
``send`` must honour it too and a volunteer on a shared computer wants it to stick; the
password itself is still only ever typed at send time.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from campaign_app.core.campaign.edit import CampaignForm, save_form
from campaign_app.core.common.appstate import AppState
from campaign_app.core.common.errors import UserError, UserErrors
from campaign_app.core.common.ui_language import choose_language
from campaign_app.gui.session import WorkspaceSession
from campaign_app.gui.settings.form import SettingsForm
from campaign_app.gui.tasks import TaskRunner
from campaign_app.gui.texts import now_text, problems


class SettingsTab(SettingsForm):
    """campaign.yaml as a form, and the SMTP password in the system keyring."""

    def __init__(self, session: WorkspaceSession, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(session, tasks, parent)
        self._announcing = False
        self._connect()
        session.workspaceChanged.connect(self.reload)
        session.partChanged.connect(self._on_part_changed)
        self._set_enabled(False)
        if session.workspace is not None:  # built after the campaign was opened
            self.reload()

    def _connect(self) -> None:
        """Every field tells the form it changed; the buttons do what they say."""
        for edit in self.line_edits:
            edit.textEdited.connect(self._edited)
        self.preview_language.currentIndexChanged.connect(self._update_preview)
        for signal in (
            self.signatory_model.dataChanged,
            self.signatory_model.rowsInserted,
            self.signatory_model.rowsRemoved,
            self.signatory_model.rowsMoved,
        ):
            signal.connect(self._edited)
        self.signatory_view.selectionModel().currentChanged.connect(self._update_signatory_buttons)
        self.add_signatory_button.clicked.connect(self._add_signatory)
        self.remove_signatory_button.clicked.connect(self._remove_signatory)
        self.up_signatory_button.clicked.connect(lambda: self._move_signatory(-1))
        self.down_signatory_button.clicked.connect(lambda: self._move_signatory(1))
        self.volunteer_edit.editingFinished.connect(self.save_volunteer_name)
        self.interface_language_combo.activated.connect(lambda _i: self.save_interface_language())
        self.paper_combo.currentIndexChanged.connect(self._edited)
        self.follow_up_spin.valueChanged.connect(self._edited)
        self.language_combo.currentIndexChanged.connect(self._edited)
        self.security_combo.currentIndexChanged.connect(self._security_changed)
        self.rate_spin.valueChanged.connect(self._edited)
        self.host_edit.textEdited.connect(self._schedule_lookup)
        self.username_edit.textEdited.connect(self._schedule_lookup)
        self.check_button.clicked.connect(self.check_keyring)
        self.password_edit.textEdited.connect(self._update_password_controls)
        self.password_edit.returnPressed.connect(self.store_password)
        self.store_button.clicked.connect(self.store_password)
        self.forget_button.clicked.connect(self.forget_password)
        self.ask_check.toggled.connect(self._edited)
        self.example_check.toggled.connect(self._edited)
        self.revert_button.clicked.connect(self.revert)
        self.save_button.clicked.connect(self.save)
        self.save_action.triggered.connect(self.save)
        self.logo_button.clicked.connect(self.choose_logo)

    def _on_part_changed(self, part: str) -> None:
        if part == "campaign" and not self._announcing and not self.busy and not self.is_dirty():
            self.reload()

    def save_volunteer_name(self) -> None:
        """Keep the name in the app's own settings file (a small JSON write, at once)."""
        name = self.volunteer_edit.text().strip()
        state = AppState.load()
        if state.volunteer_name == name:
            return
        state.volunteer_name = name
        state.save()
        self.status_label.setText(
            self.tr("Your name is saved: {name}.").format(name=name)
            if name
            else self.tr("Your name is cleared.")
        )

    def save_interface_language(self) -> None:
        """Remember the window's language for the next start (in this computer's app settings)."""
        code = self.interface_language_combo.currentData() or ""
        choose_language(code)
        if code:
            text = self.tr("Saved: the window speaks {language} from its next start.").format(
                language=self.interface_language_combo.currentText()
            )
        else:
            text = self.tr("Saved: from its next start the window follows the system's language.")
        self.status_label.setText(text)

    # ---- saving ----------------------------------------------------------------------

    def save(self) -> None:
        """Write the changes to campaign.yaml (off the UI thread), then tell the other tabs."""
        workspace = self.session.workspace
        form = self.current_form()
        before = self._loaded
        if workspace is None or form is None or before is None or self.busy:
            return
        if not self.save_button.isEnabled():
            return
        # a save for a campaign closed meanwhile is not shown
        path, generation = workspace.campaign_path, self.requests.value
        self.set_busy(True)
        self.save_button.setEnabled(False)
        self.status_label.setText(self.tr("Saving…"))
        self.tasks.submit(
            lambda: save_form(path, before, form),
            lambda saved: self._on_saved(generation, form, saved),
            lambda exc: self._on_save_failed(generation, exc),
        )

    def _on_saved(self, generation: int, sent: CampaignForm, saved: CampaignForm) -> None:
        self.set_busy(False)
        if not self.requests.is_current(generation):
            return
        self.show_banner("")
        if saved == sent:
            self._loaded = saved
        else:  # e.g. an invalid value from the file that the form corrected
            self._populate(saved)
        self._saved_message = self.tr("Saved campaign.yaml at {time}.").format(time=now_text())
        self.status_label.setText(self._saved_message)
        self._edited()
        self._announcing = True  # our own save: the form already shows what is on disk
        try:
            self.session.changed("campaign")
        finally:
            self._announcing = False

    def _on_save_failed(self, generation: int, exc: BaseException) -> None:
        self.set_busy(False)
        if not isinstance(exc, UserError | UserErrors):
            raise exc
        if not self.requests.is_current(generation):
            return
        self.show_banner(self.tr("Not saved: campaign.yaml is unchanged.") + f"\n{problems(exc)}")
        self.status_label.setText(self.tr("Not saved."))
        self._edited()

    def has_unsaved_changes(self) -> bool:
        """Edits not yet saved: the window asks before closing or opening another workspace."""
        return self.is_dirty()

    def revert(self) -> None:
        if self._loaded is not None:
            self.show_banner("")
            self.status_label.setText("")
            self._populate(self._loaded)
