"""Which language the interface speaks: the Settings choice, else the system's."""

import pytest

from campaign_app.core.common.ui_language import choose_language, system_language, ui_language


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "uk_UA.UTF-8"}, "uk"),
        ({"LANG": "ru_RU.KOI8-R"}, "ru"),
        ({"LANGUAGE": "uk", "LANG": "C.UTF-8"}, "uk"),
        ({"LANGUAGE": "kk:ru:en", "LANG": "kk_KZ.UTF-8"}, "ru"),
        ({"LANGUAGE": "en:uk", "LANG": "uk_UA.UTF-8"}, "en"),
        ({"LC_ALL": "ru_RU.UTF-8", "LANG": "uk_UA.UTF-8"}, "ru"),
        ({"LC_MESSAGES": "uk_UA", "LANG": "de_DE.UTF-8"}, "uk"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "C"}, "en"),
        ({}, "en"),
    ],
)
def test_the_system_language_is_read_as_gettext_reads_it(env, expected):
    assert system_language(env) == expected


def test_the_choice_in_settings_wins_over_the_system_and_can_be_undone():
    env = {"LANG": "uk_UA.UTF-8"}
    choose_language("ru")
    assert ui_language(env) == "ru"
    choose_language("")
    assert ui_language(env) == "uk"
    with pytest.raises(ValueError):
        choose_language("kk")
