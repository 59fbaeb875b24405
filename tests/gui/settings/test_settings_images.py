"""The Settings tab's letterhead logo and signature image fields."""

from __future__ import annotations

from PIL import Image
from PySide6.QtWidgets import QFileDialog
from settings_helpers import open_settings, save_settings

from campaign_app.core.campaign.settings import load_campaign

from .test_settings_tab import _edit_cell


def test_choose_a_logo_from_outside_and_type_a_signature_image(
    make_window, mini_ws, qtbot, tmp_path, monkeypatch
):
    outside = tmp_path / "downloads" / "mark.png"
    outside.parent.mkdir()
    Image.new("RGB", (300, 100), (31, 63, 119)).save(outside)
    Image.new("RGB", (300, 100), "white").save(mini_ws.root / "anna.png")
    _window, tab = open_settings(make_window, mini_ws.root, qtbot)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(outside), "Images"))
    tab.logo_button.click()
    # A logo from outside the campaign folder is copied into its images/ folder.
    assert tab.logo_edit.text() == "images/mark.png"
    assert (mini_ws.root / "images/mark.png").read_bytes() == outside.read_bytes()
    model = tab.signatory_model
    _edit_cell(qtbot, tab.signatory_view, 0, model.columnCount() - 1, "anna.png")
    save_settings(qtbot, tab)
    text = (mini_ws.root / "campaign.yaml").read_text(encoding="utf-8")
    assert "  logo: images/mark.png\n" in text and "    signature_image: anna.png\n" in text
    campaign = load_campaign(mini_ws.root / "campaign.yaml")
    assert campaign.sender.logo is not None and campaign.sender.logo.width == 300
    assert campaign.signatories[0].signature_image is not None


def test_a_logo_that_is_not_there_is_told_at_the_field(make_window, mini_ws, qtbot):
    _window, tab = open_settings(make_window, mini_ws.root, qtbot)
    tab.logo_edit.setText("images/nothing.png")
    tab.logo_edit.textEdited.emit("images/nothing.png")
    label = tab.error_labels["logo"]
    assert label.isVisible() and "the letterhead logo 'images/nothing.png' does not exist" in label.text()
    assert not tab.save_button.isEnabled()
