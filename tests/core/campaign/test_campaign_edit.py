"""Saving the Settings form back into campaign.yaml: only what changed, nothing lost, nothing bad written."""

from __future__ import annotations

import difflib
from dataclasses import replace
from pathlib import Path

import pytest

from campaign_app.core.campaign.creation import init_empty_workspace
from campaign_app.core.campaign.edit import (
    CampaignForm,
    SignatoryForm,
    letterhead,
    read_form,
    save_form,
)
from campaign_app.core.campaign.settings import check_campaign_text, load_campaign
from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.common.errors import UserError, UserErrors, flatten
from campaign_app.core.common.yamlio import YamlPlace, load_yaml_text
from campaign_app.core.letters.render import render_letter
from campaign_app.core.mail.settings import check_address, check_host, check_port, check_security, parse_smtp

COMMENTED = """\
# Our campaign: keep this comment.
name: {en: Test campaign, uk: Тестова кампанія}
case: test-case   # the case file
default_language: en
follow_up_days: 14
sender:
  # who signs the letters
  organisation: {en: Rights Watchers, uk: Правозахисники}
  address: {en: "1 Rue Haute\\n1000 Brussels", uk: "1 Rue Haute\\n1000 Брюссель"}
  city: {en: Brussels, uk: Брюссель}
  email: office@rights.example
signatories:
  - name: {en: Anna Smith, uk: Анна Сміт}
    role: {en: Director, uk: Директорка}  # her title
  - name: {en: Ben Jones, uk: Бен Джонс}
    role: {en: Lawyer, uk: Юрист}
x-custom-key:
  kept: [1, 2, 3]   # a note of the user's own
"""


@pytest.fixture
def ws(mini_ws) -> Path:
    mini_ws.write("campaign.yaml", COMMENTED)
    return mini_ws.root / "campaign.yaml"


def _changed_lines(old: str, new: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_changes_only_the_edited_values_and_keeps_comments_order_and_other_language(ws):
    before = read_form(ws)
    signatories = list(before.signatories)
    signatories[0] = replace(signatories[0], role={"en": "Executive Director", "uk": "Директорка"})
    after = replace(
        before,
        organisation={"en": "Rights Watchers International", "uk": "Правозахисники"},
        signatories=tuple(signatories),
    )
    save_form(ws, before, after)
    text = ws.read_text(encoding="utf-8")
    changed = _changed_lines(COMMENTED, text)
    assert changed == [
        "-  organisation: {en: Rights Watchers, uk: Правозахисники}",
        "+  organisation: {en: Rights Watchers International, uk: Правозахисники}",
        "-    role: {en: Director, uk: Директорка}  # her title",
        "+    role: {en: Executive Director, uk: Директорка} # her title",
    ]
    campaign = load_campaign(ws)
    assert campaign.sender.organisation == {"en": "Rights Watchers International", "uk": "Правозахисники"}
    assert campaign.signatories[0].role["en"] == "Executive Director"


def test_nothing_changed_writes_nothing(ws):
    form = read_form(ws)
    mtime = ws.stat().st_mtime_ns
    assert save_form(ws, form, replace(form)) == form
    assert ws.read_text(encoding="utf-8") == COMMENTED
    assert ws.stat().st_mtime_ns == mtime


def test_an_invalid_result_is_reported_at_its_line_and_nothing_is_written(ws):
    form = read_form(ws)
    bad = replace(form, paper="B5", email="not an address")
    with pytest.raises((UserError, UserErrors)) as info:
        save_form(ws, form, bad)
    messages = [str(e) for e in flatten(info.value)]
    assert any(m.startswith(f"{ws}:6: paper 'B5' is not A4 or Letter") for m in messages), messages
    assert any("sender e-mail 'not an address' is not an e-mail address" in m for m in messages), messages
    assert all("campaign-check-" not in m for m in messages)  # the scratch copy is never named
    assert ws.read_text(encoding="utf-8") == COMMENTED
    assert [p.name for p in ws.parent.iterdir() if p.name.startswith(".")] == []


def test_a_missing_organisation_is_refused(ws):
    form = read_form(ws)
    with pytest.raises((UserError, UserErrors)) as info:
        save_form(ws, form, replace(form, organisation={"en": "", "uk": ""}))
    assert "missing 'organisation'" in str(info.value)
    assert ws.read_text(encoding="utf-8") == COMMENTED


def test_signatories_added_removed_and_reordered_keep_their_comments(ws):
    form = read_form(ws)
    anna, _ben = form.signatories
    carol = SignatoryForm({"en": "Carol White", "uk": "Керол Вайт"}, {"en": "Press officer", "uk": ""})
    save_form(ws, form, replace(form, signatories=(carol, anna)))
    campaign = load_campaign(ws)
    assert [s.name["en"] for s in campaign.signatories] == ["Carol White", "Anna Smith"]
    assert campaign.signatories[0].role == {"en": "Press officer"}  # an empty language is not written
    text = ws.read_text(encoding="utf-8")
    assert "role: {en: Director, uk: Директорка}  # her title" in text
    assert "Ben Jones" not in text
    assert "x-custom-key:\n  kept: [1, 2, 3]   # a note of the user's own" in text


def test_a_new_sender_key_goes_next_to_its_neighbours(ws):
    form = read_form(ws)
    save_form(ws, form, replace(form, phone="+32 2 555 01 01", website="https://rights.example"))
    lines = ws.read_text(encoding="utf-8").splitlines()
    email = lines.index("  email: office@rights.example")
    assert lines[email + 1 : email + 3] == ["  phone: +32 2 555 01 01", "  website: https://rights.example"]
    assert lines[email + 3] == "signatories:"


def test_multi_line_address_stays_readable_and_loads_back(ws):
    form = read_form(ws)
    address = {"en": "2 Rue Basse\n1000 Brussels\nBelgium", "uk": form.address["uk"]}
    save_form(ws, form, replace(form, address=address))
    assert '"2 Rue Basse\\n1000 Brussels\\nBelgium"' in ws.read_text(encoding="utf-8")
    assert load_campaign(ws).sender.address["en"] == "2 Rue Basse\n1000 Brussels\nBelgium"


def test_a_shared_text_becomes_per_language_when_a_language_is_edited(tmp_path):
    root = init_empty_workspace(tmp_path / "empty")
    path = root / "campaign.yaml"
    form = read_form(path)
    assert form.languages == ("en",) and form.organisation == "Your organisation"
    save_form(path, form, replace(form, organisation="Helsinki Group", city="Kyiv", follow_up_days=10))
    campaign = load_campaign(path)
    assert (campaign.sender.organisation, campaign.sender.city, campaign.follow_up_days) == (
        "Helsinki Group",
        "Kyiv",
        10,
    )


def test_smtp_section_is_created_validated_and_round_trips(ws):
    form = read_form(ws)
    smtp = replace(
        form.smtp,
        host="smtp.example.org",
        port="465",
        security="ssl",
        username="user",
        from_address="office@rights.example",
        rate_per_minute=10,
        ask_password=True,
    )
    save_form(ws, form, replace(form, smtp=smtp))
    text = ws.read_text(encoding="utf-8")
    assert (  # after the keys it belongs with, before the ones this version does not know
        "    role: {en: Lawyer, uk: Юрист}\n"
        "smtp:\n  host: smtp.example.org\n  port: 465\n  security: ssl\n  username: user\n"
        "  from: office@rights.example\n  rate_per_minute: 10\n  password: ask\nx-custom-key:\n"
    ) in text
    assert read_form(ws).smtp == smtp
    settings = load_campaign(ws).smtp
    assert (settings.host, settings.port, settings.security, settings.ask_password) == (
        "smtp.example.org",
        465,
        "ssl",
        True,
    )
    # un-ticking "ask" removes the word again; an untouched smtp section is not rewritten
    again = read_form(ws)
    save_form(ws, again, replace(again, smtp=replace(again.smtp, ask_password=False)))
    assert "password" not in ws.read_text(encoding="utf-8")


def test_an_unchanged_form_does_not_add_an_smtp_section(ws):
    form = read_form(ws)
    save_form(ws, form, replace(form, phone="+1 555"))
    assert "smtp" not in ws.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("yaml", "message"),
    [
        (
            "smtp:\n  host: smtp.example.org\n  port: 70000\n",
            "campaign.yaml:4: SMTP port '70000' is not a number from 1 to 65535",
        ),
        (
            "smtp:\n  host: smtp.example.org\n  security: none\n",
            "campaign.yaml:4: SMTP security 'none' is not allowed",
        ),
        ("smtp:\n  username: me\n", "the SMTP server (host) is empty but a user name is set"),
        (
            "smtp:\n  host: smtp.example.org\n  from: nobody\n",
            "campaign.yaml:4: SMTP 'from' 'nobody' is not an e-mail address",
        ),
        (
            "smtp:\n  host: smtp.example.org\n  rate_per_minute: 0\n",
            "rate_per_minute '0' must be a whole number",
        ),
    ],
)
def test_bad_smtp_settings_are_told_at_their_line(tmp_path, yaml, message):
    from campaign_app.core.common.errors import set_display_root

    set_display_root(tmp_path)
    try:
        path = tmp_path / "campaign.yaml"
        with pytest.raises((UserError, UserErrors)) as info:
            parse_smtp(YamlPlace(path, load_yaml_text("name: x\n" + yaml, path), 1))
        assert message in str(info.value)
    finally:
        set_display_root(None)


def test_a_password_written_in_campaign_yaml_is_refused_without_repeating_it(tmp_path):
    path = tmp_path / "campaign.yaml"
    with pytest.raises((UserError, UserErrors)) as info:
        check_campaign_text("smtp:\n  host: h.example\n  password: hunter2-secret\n", path)
    assert "must not contain the SMTP password" in str(info.value)
    assert "hunter2" not in str(info.value)


def test_field_checks():
    assert check_port("587") == 587
    for bad in ("0", "65536", "abc", "", "-1"):
        with pytest.raises(UserError, match="not a number from 1 to 65535"):
            check_port(bad)
    assert check_security("STARTTLS") == "starttls"
    with pytest.raises(UserError, match="TLS only"):
        check_security("plain")
    assert check_host("", "") == ""
    with pytest.raises(UserError, match="host\\) is empty but a user name is set"):
        check_host(" ", "me")
    with pytest.raises(UserError, match="not a server name"):
        check_host("smtp://mail.example.org", "")
    assert check_address(" a@example.org ", "from") == "a@example.org"
    with pytest.raises(UserError, match="is not an e-mail address"):
        check_address("a@", "from")


def test_letterhead_is_the_one_letters_print(mini_ws):
    ws = Workspace.open(mini_ws.root)
    form = replace(read_form(ws.campaign_path), phone="+32 2 555 01 01")
    save_form(ws.campaign_path, read_form(ws.campaign_path), form)
    ws.invalidate()
    template = ws.template("appeal-en")
    letter = render_letter(template, ws.directory.get("mep-1"), ws.case, ws.campaign)
    assert letterhead(form, "en") == letter.letterhead
    assert letterhead(form, "uk").organisation == "Правозахисники"


def test_languages_and_shapes_are_read_from_the_file(ws):
    form = read_form(ws)
    assert isinstance(form, CampaignForm)
    assert form.languages == ("en", "uk")
    assert form.organisation == {"en": "Rights Watchers", "uk": "Правозахисники"}
    assert form.email == "office@rights.example"
    assert [s.origin for s in form.signatories] == [0, 1]
