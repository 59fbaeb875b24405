"""The vocative of Ukrainian names: one example per rule of uk.yaml, and every rule has one."""

from __future__ import annotations

import pytest

from campaign_app.core.directory.recipients import Recipient
from campaign_app.core.letters.forms_of_address.rules import rules_for
from campaign_app.core.letters.salutation import salutation_for

# (name, kind, gender, vocative): real Ukrainian surnames and first names.
EXAMPLES = [
    # surnames, men
    ("Зеленський", "family", "m", "Зеленський"),
    ("Стецький", "family", "m", "Стецький"),
    ("Залізький", "family", "m", "Залізький"),
    ("Рудий", "family", "m", "Рудий"),
    ("Петренко", "family", "m", "Петренку"),
    ("Бойко", "family", "m", "Бойку"),
    ("Кравець", "family", "m", "Кравцю"),
    ("Лубінець", "family", "m", "Лубінцю"),
    ("Кравчук", "family", "m", "Кравчуку"),
    ("Гнатюк", "family", "m", "Гнатюку"),
    ("Мельник", "family", "m", "Мельнику"),
    ("Бабич", "family", "m", "Бабичу"),
    ("Коваль", "family", "m", "Ковалю"),
    ("Іванов", "family", "m", "Іванове"),
    ("Гусев", "family", "m", "Гусеве"),
    ("Корнєв", "family", "m", "Корнєве"),
    ("Андрієв", "family", "m", "Андрієве"),
    ("Ільїн", "family", "m", "Ільїне"),
    ("Кузьмін", "family", "m", "Кузьміне"),
    ("Шелестин", "family", "m", "Шелестине"),
    ("Сковорода", "family", "m", "Сковородо"),
    ("Швець", "family", "m", "Шевцю"),  # exception: the vowel alternates
    ("Гончар", "family", "m", "Гончар"),  # no rule: the nominative, allowed after «пане»
    ("Петренко-Коваль", "family", "m", "Петренку-Ковалю"),  # each part of a double name
    ("Ко", "family", "m", "Ко"),  # a name that is no more than a rule's ending stays (the Korean Ко)
    # surnames, women
    ("Кобилянська", "family", "f", "Кобилянська"),
    ("Вишневецька", "family", "f", "Вишневецька"),
    ("Загорізька", "family", "f", "Загорізька"),
    ("Іванова", "family", "f", "Іванова"),
    ("Гусева", "family", "f", "Гусева"),
    ("Андрієва", "family", "f", "Андрієва"),
    ("Ільїна", "family", "f", "Ільїна"),
    ("Ахметова", "family", "f", "Ахметова"),
    ("Шелестіна", "family", "f", "Шелестіна"),
    ("Довжа", "family", "f", "Довжа"),
    ("Карча", "family", "f", "Карча"),
    ("Кукша", "family", "f", "Кукша"),
    ("Гуща", "family", "f", "Гуща"),
    ("Скиба", "family", "f", "Скибо"),
    ("Петренко", "family", "f", "Петренко"),  # indeclinable
    ("Шевчук", "family", "f", "Шевчук"),  # indeclinable
    ("Юкнявічене", "family", "f", "Юкнявічене"),  # indeclinable
    # first names, men
    ("Андрій", "given", "m", "Андрію"),
    ("Миколай", "given", "m", "Миколаю"),
    ("Василь", "given", "m", "Василю"),
    ("Павло", "given", "m", "Павле"),
    ("Петро", "given", "m", "Петре"),
    ("Юрко", "given", "m", "Юрку"),
    ("Марко", "given", "m", "Марку"),
    ("Олег", "given", "m", "Олегу"),
    ("Марк", "given", "m", "Марку"),
    ("Генріх", "given", "m", "Генріху"),
    ("Франц", "given", "m", "Франце"),
    ("Микола", "given", "m", "Миколо"),
    ("Ілля", "given", "m", "Ілле"),
    ("Гліб", "given", "m", "Глібе"),
    ("Мирослав", "given", "m", "Мирославе"),
    ("Влад", "given", "m", "Владе"),
    ("Чарльз", "given", "m", "Чарльзе"),
    ("Карл", "given", "m", "Карле"),
    ("Максим", "given", "m", "Максиме"),
    ("Іван", "given", "m", "Іване"),
    ("Йосип", "given", "m", "Йосипе"),
    ("Володимир", "given", "m", "Володимире"),
    ("Тарас", "given", "m", "Тарасе"),
    ("Мурат", "given", "m", "Мурате"),
    ("Йосиф", "given", "m", "Йосифе"),
    ("Rasa", "given", "f", "Rasa"),  # a name in Latin letters: no rule fits
    # first names, women
    ("Марія", "given", "f", "Маріє"),
    ("Наталія", "given", "f", "Наталіє"),
    ("Олеся", "given", "f", "Олесе"),
    ("Любов", "given", "f", "Любове"),
    ("Оксана", "given", "f", "Оксано"),
    ("Ольга", "given", "f", "Ольго"),
    ("Жанара", "given", "f", "Жанаро"),
    ("Анна-Марія", "given", "f", "Анно-Маріє"),
]


@pytest.mark.parametrize(("name", "kind", "gender", "vocative"), EXAMPLES)
def test_vocative(name, kind, gender, vocative):
    assert rules_for("uk").vocative.of(name, kind, gender) == vocative


def test_every_vocative_rule_and_exception_has_an_example():
    vocative = rules_for("uk").vocative
    used = {vocative.rule_for(name, kind, gender) for name, kind, gender, _ in EXAMPLES}
    for (kind, gender), rules in vocative.rules.items():
        for rule in rules:
            assert rule in used, (
                f"uk.yaml:{rule.line}: no example for [{rule.suffix}, {rule.replacement}] ({kind}, {gender})"
            )
    names = {name for name, *_ in EXAMPLES}
    assert set(vocative.exceptions) <= names


def test_a_name_of_unknown_gender_stays_as_it_is():
    assert rules_for("uk").vocative.of("Петренко", "family", "x") == "Петренко"


def test_a_ukrainian_letter_to_a_person_without_an_office_uses_the_vocative_of_the_surname():
    man = Recipient(
        id="a", category="ngo", gender="m", given_name={"uk": "Андрій"}, family_name={"uk": "Петренко"}
    )
    woman = Recipient(
        id="b", category="ngo", gender="f", given_name={"uk": "Оксана"}, family_name={"uk": "Скиба"}
    )
    assert salutation_for(man, "uk") == "Шановний пане Петренку!"
    assert salutation_for(woman, "uk") == "Шановна пані Скибо!"


def test_russian_has_no_vocative_in_a_formal_letter():
    man = Recipient(
        id="a", category="ngo", gender="m", given_name={"ru": "Андрей"}, family_name={"ru": "Петренко"}
    )
    woman = Recipient(
        id="b", category="ngo", gender="f", given_name={"ru": "Мария"}, family_name={"ru": "Иванова"}
    )
    assert salutation_for(man, "ru") == "Уважаемый господин Петренко!"
    assert salutation_for(woman, "ru") == "Уважаемая госпожа Иванова!"
    assert rules_for("ru").vocative is None


def test_a_recipients_own_salutation_wins_over_the_vocative():
    man = Recipient(
        id="a",
        category="ngo",
        gender="m",
        family_name={"uk": "Петренко"},
        salutation={"uk": "Дорогий друже Андрію!"},
    )
    assert salutation_for(man, "uk") == "Дорогий друже Андрію!"
