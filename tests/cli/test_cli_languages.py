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


def test_a_problem_in_the_input_is_told_in_ukrainian_at_its_file_and_line(cli, mini_ws, monkeypatch):
    csv = mini_ws.root / "recipients" / "people.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace("mep-1,mep,", "mep-1,mepp,"), encoding="utf-8")
    monkeypatch.setenv("LANGUAGE", "uk")
    result = cli("check", "-w", "ws")
    assert result.code == 1
    assert result.err.startswith(
        "помилка: ws/recipients/people.csv:2:2: невідома категорія 'mepp' — вкажіть одну з mep, "
    ), result.err
    assert result.out == ""


def test_a_problem_in_a_template_is_told_in_russian(cli, mini_ws, monkeypatch):
    template = mini_ws.root / "letter_templates" / "appeal-en.md"
    template.write_text(
        template.read_text(encoding="utf-8").replace("{{ recipient", "{{ recipientt", 1), encoding="utf-8"
    )
    monkeypatch.setenv("LANGUAGE", "ru")
    result = cli("check", "-w", "ws")
    assert result.code == 1
    assert "ws/letter_templates/appeal-en.md:" in result.err
    assert "неизвестное имя: 'recipientt'" in result.err  # Jinja's own words after it stay English
    assert "(для адресата 'mep-1') — возможно, 'recipient'?" in result.err  # the name it was close to


def test_log_status_and_its_team_summary_are_told_in_ukrainian(cli, mini_ws, monkeypatch):
    assert (
        cli(
            "generate", "-w", mini_ws.root, "-t", "appeal-en", "-f", "pdf", "--out", mini_ws.root / "out"
        ).code
        == 0
    )
    monkeypatch.setenv("LANGUAGE", "uk")
    result = cli("log", "status", "-w", mini_ws.root)
    assert result.code == 0, result.err
    assert "УЧАСНИК" in result.out and "ЧЕРНЕТКИ" in result.out and "ОСТАННЯ АКТИВНІСТЬ (UTC)" in result.out
    assert "MEMBER" not in result.out
    assert "ПОВТОРНЕ ЗВЕРНЕННЯ" in result.out.splitlines()[0]  # a header longer than its column: whole


def test_why_a_follow_up_is_due_is_told_in_ukrainian(cli, mini_ws, monkeypatch):
    cli("generate", "-w", mini_ws.root, "-t", "appeal-uk", "-f", "pdf")
    cli("log", "mark", "ua-president", "-w", mini_ws.root, "--status", "sent", "--channel", "post")
    monkeypatch.setenv("LANGUAGE", "uk")
    row = next(x for x in cli("log", "status", "-w", mini_ws.root).out.splitlines() if "ua-president" in x)
    assert row.endswith("немає відповіді 14 днів після листа від " + row.split()[-1]), row


def test_an_import_report_is_told_in_ukrainian_row_by_row(cli, mini_ws, monkeypatch, tmp_path):
    source = tmp_path / "list.csv"
    source.write_text(
        "First name;Last name;Country;E-mail\n"
        "Rasa;Juknevi?ien?;Lithuania;rasa@example.org\n"
        "Ann;Nowak;Narnia;ann@example.org\n"
        "Jan;Kowalski;Poland;jan@example.org\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("LANGUAGE", "uk")
    result = cli("recipients", "import", source, "-w", mini_ws.root, "--category", "ngo", "--dry-run")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == "Читання list.csv: CSV, кодування UTF-8, роздільник ';' (крапка з комою), рядків: 3"
    assert "  list.csv:2:2: літери замінено на '?' у джерелі: family_name 'Juknevi?ien?'" in result.out
    assert "  list.csv:3:3: країна 'Narnia' — ні назва країни, ні код ISO 3166" in result.out
    assert "Результат: додано: 1, оновлено: 0, без змін: 0, пропущено: 2 (з 3 рядків)." in lines
    assert "would be" not in result.out and "added" not in result.out and "skipped" not in result.out


def test_check_and_generate_say_their_numbers_and_lists_in_ukrainian(cli, monkeypatch, tmp_path):
    """ "… and 15 more", "0.5 s" and "2,378 days" were English (a comma is the decimal mark
    in Ukrainian: "2,378 днів" read as two and a bit days)."""
    import re

    assert cli("init", tmp_path / "ws").code == 0
    monkeypatch.setenv("LANGUAGE", "uk")
    checked = cli("check", "-w", tmp_path / "ws")
    said = checked.out + checked.err
    assert "… і ще 15" in said and "and 15 more" not in said
    made = cli("generate", "-w", tmp_path / "ws", "-t", "mep-appeal-en", "-q", "id:mep-197722", "-f", "pdf")
    assert made.code == 0, made.err
    assert re.search(r"за \d+,\d с", made.out + made.err), made.out + made.err


def test_numbers_in_messages_take_the_languages_marks(monkeypatch):
    from campaign_app.core.common import i18n

    monkeypatch.setenv("LANGUAGE", "uk")
    i18n.reset()
    try:
        said = i18n._("{days:,} days ago, in {seconds:.1f} s").format(days=2378, seconds=0.5)
        assert said == "2\u00a0378 days ago, in 0,5 s"
        assert i18n.number(1234.5) == "1\u00a0234,5"
        assert i18n._("{name} of {n}").format(name="v1.2, final", n=3) == "v1.2, final of 3"  # text as it is
    finally:
        monkeypatch.setenv("LANGUAGE", "en")
        i18n.reset()
    assert i18n._("{days:,} days").format(days=2378) == "2,378 days"


def test_why_an_address_is_not_one_and_the_byte_order_mark_are_told_in_ukrainian(
    cli, mini_ws, monkeypatch, tmp_path
):
    """email_validator's English ("An email address must have an @-sign.") and 'UTF-8 with
    BOM' went into the Ukrainian report as they were."""
    source = tmp_path / "list.csv"
    source.write_bytes("\ufeffFirst name;Last name;E-mail\nAnna;Kowalska;anna.example.org\n".encode())
    monkeypatch.setenv("LANGUAGE", "uk")
    result = cli("recipients", "import", source, "-w", mini_ws.root, "--category", "ngo", "--dry-run")
    assert result.code == 0, result.err
    assert "кодування UTF-8 з BOM," in result.out.splitlines()[0]
    assert "e-mail 'anna.example.org' — не адреса (у ній немає знака @)" in result.out
    assert "@-sign" not in result.out and "with BOM" not in result.out
