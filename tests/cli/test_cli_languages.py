"""The command line speaks Ukrainian and Russian: its own messages, the core's errors (still at
``file:line``, exit status 1), argparse's words, and counts in the form their number takes."""

from __future__ import annotations

import pytest

from campaign_app.core.common.ui_language import choose_language

EXTRA_MEPS = """\
id,category,given_name,family_name,country,language,email
mep-3,mep,Anna,Nowak,PL,en,anna.nowak@europarl.europa.eu
mep-4,mep,Jan,Kowalski,PL,en,jan.kowalski@europarl.europa.eu
mep-5,mep,Ewa,Nowicka,PL,en,ewa.nowicka@europarl.europa.eu
"""


def test_help_is_russian(cli, monkeypatch):
    monkeypatch.setenv("LANGUAGE", "ru")
    top = cli("--help")
    assert top.code == 0
    assert top.out.startswith("использование: campaign-app")
    assert "параметры:" in top.out and "показать эту справку и выйти" in top.out
    assert "журнал контактов: кому писали, ответы, повторные обращения" in top.out  # `log`
    mark = cli("log", "mark", "--help")
    assert mark.code == 0
    assert mark.out.startswith("использование: campaign-app log mark")
    assert "позиционные аргументы:" in mark.out
    assert "что произошло, в нескольких словах" in mark.out  # --note
    assert "папка кампании (по умолчанию: текущая папка)" in mark.out  # -w
    assert "usage" not in mark.out and "options" not in mark.out


def test_a_wrong_command_line_is_told_in_ukrainian(cli, monkeypatch):
    monkeypatch.setenv("LANGUAGE", "uk")
    result = cli("log", "mark")
    assert result.code == 2
    assert result.err.startswith("використання: campaign-app log mark")
    assert "campaign-app log mark: помилка: потрібні такі аргументи: RECIPIENT, --status" in result.err


@pytest.mark.parametrize(
    ("query", "line"),
    [
        ("category:un_special_procedure", "1 адресат"),
        ("country:PL", "3 адресати"),
        ("category:mep", "5 адресатів"),
    ],
)
def test_a_count_takes_the_ukrainian_form_of_its_number(cli, mini_ws, monkeypatch, query, line):
    mini_ws.write("recipients/more.csv", EXTRA_MEPS)
    monkeypatch.setenv("LANGUAGE", "uk")
    result = cli("recipients", "list", "-w", mini_ws.root, "-q", query)
    assert result.code == 0, result.err
    assert result.out.splitlines()[0].split() == ["ID", "КАТЕГОРІЯ", "ІМ'Я", "КРАЇНА", "МОВА", "КОНТАКТ"]
    assert result.out.splitlines()[-1] == line


def test_the_choice_in_settings_wins_over_the_system_language(cli, monkeypatch):
    monkeypatch.setenv("LANGUAGE", "uk")
    choose_language("ru")
    assert cli("--help").out.startswith("использование:")
    choose_language("")
    assert cli("--help").out.startswith("використання:")


def test_english_stays_english(cli, mini_ws):
    result = cli("recipients", "list", "-w", mini_ws.root, "-q", "category:mep")
    assert result.out.splitlines()[-1] == "2 recipient(s)"
    assert cli("--help").out.startswith("usage: campaign-app")
