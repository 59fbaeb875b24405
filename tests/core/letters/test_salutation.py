"""Forms of address: EP and UN usage in English, the vocative of titles in Ukrainian."""

from __future__ import annotations

import pytest

from campaign_app.core.directory.recipients import Recipient
from campaign_app.core.letters.salutation import address_block, closing_for, salutation_for

MEP_F = Recipient(
    id="m1",
    category="mep",
    honorific="Ms",
    given_name="Rasa",
    family_name="Juknevičienė",
    gender="f",
    organisation="European Parliament",
    postal_address="European Parliament\nRue Wiertz 60\n1047 Brussels\nBelgium",
)
MEP_M_NO_HONORIFIC = Recipient(
    id="m2", category="mep", given_name="Michal", family_name="Šimečka", gender="m"
)
MEP_UNKNOWN = Recipient(id="m3", category="mep", given_name="Alex", family_name="Doe")
SR = Recipient(
    id="sr",
    category="un_special_procedure",
    honorific="Dr",
    given_name="Alice Jill",
    family_name="Edwards",
    gender="f",
    position="Special Rapporteur on torture and other cruel, inhuman or degrading treatment or punishment",
)
SR_OFFICE = Recipient(
    id="sr2",
    category="un_special_procedure",
    position="Special Rapporteur on the situation of human rights defenders",
)
PRESIDENT = Recipient(
    id="p",
    category="national_official",
    gender="m",
    honorific={"uk": "пан", "en": "Mr"},
    given_name={"uk": "Володимир", "en": "Volodymyr"},
    family_name={"uk": "Зеленський", "en": "Zelenskyy"},
    position={"uk": "Президент України", "en": "President of Ukraine"},
    language="uk",
)
PG_OFFICE = Recipient(
    id="pg",
    category="national_official",
    position={"uk": "Генеральний прокурор", "en": "Prosecutor General of Ukraine"},
    language="uk",
)
MINISTER_M = Recipient(
    id="mi",
    category="national_official",
    gender="m",
    given_name={"uk": "Ігор"},
    family_name={"uk": "Клименко"},
    position={"uk": "Міністр внутрішніх справ України", "en": "Minister of Internal Affairs"},
    language="uk",
)
MINISTER_F = Recipient(
    id="mf",
    category="national_official",
    gender="f",
    position={"uk": "Міністерка юстиції України"},
    language="uk",
)
HEAD = Recipient(
    id="h",
    category="national_official",
    gender="f",
    position={"uk": "Голова Державної міграційної служби України"},
    language="uk",
)
OVERRIDE = Recipient(id="o", category="ngo", family_name="X", salutation="Dear friends,")
OFFICE_EN = Recipient(id="u", category="un_agency", organisation="UNHCR Representation in Ukraine")


@pytest.mark.parametrize(
    ("recipient", "language", "expected"),
    [
        (MEP_F, "en", "Dear Ms Juknevičienė,"),
        (MEP_M_NO_HONORIFIC, "en", "Dear Mr Šimečka,"),
        (MEP_UNKNOWN, "en", "Dear Alex Doe,"),
        (SR, "en", "Dear Special Rapporteur,"),
        (SR_OFFICE, "en", "Dear Special Rapporteur,"),
        (PRESIDENT, "uk", "Шановний пане Президенте!"),
        (PRESIDENT, "en", "Dear Mr President,"),
        (PG_OFFICE, "uk", "Шановний Генеральний прокуроре!"),
        (PG_OFFICE, "en", "Dear Prosecutor General,"),
        (MINISTER_M, "uk", "Шановний пане Міністре!"),
        (MINISTER_M, "en", "Dear Minister,"),
        (MINISTER_F, "uk", "Шановна пані Міністерко!"),
        (HEAD, "uk", "Шановна пані Голово!"),
        (OVERRIDE, "en", "Dear friends,"),
        (OFFICE_EN, "en", "Dear Sir or Madam,"),
    ],
)
def test_salutation(recipient, language, expected):
    assert salutation_for(recipient, language) == expected


def test_closing_matches_the_opening():
    assert closing_for(MEP_F, "en") == "Yours sincerely,"
    assert closing_for(OFFICE_EN, "en") == "Yours faithfully,"
    assert closing_for(PRESIDENT, "uk") == "З повагою,"


def test_mep_is_named_mep_in_the_address_block_not_in_the_salutation():
    block = address_block(MEP_F, "en")
    assert block[:2] == ("Ms Rasa Juknevičienė", "Member of the European Parliament")
    assert block.count("European Parliament") == 1
    assert block[-1] == "Belgium"
    assert "MEP" not in salutation_for(MEP_F, "en")


def test_english_version_of_a_ukrainian_official_uses_english_fields():
    assert address_block(PRESIDENT, "en")[:2] == ("Mr Volodymyr Zelenskyy", "President of Ukraine")
    # «пан» is the salutation's word, never before a name in a Ukrainian address block
    assert address_block(PRESIDENT, "uk")[:2] == ("Володимир Зеленський", "Президент України")


def test_the_office_is_read_in_the_letters_language_where_the_directory_writes_it_so():
    """«Голова» is a chair or a head: the English letter to the Head of the Migration Service
    read it from the Ukrainian text and wrote "Dear Chair,"."""
    head = Recipient(
        id="ua-head",
        category="national_official",
        position={
            "uk": "Голова Державної міграційної служби України",
            "en": "Head of the State Migration Service of Ukraine",
        },
        language="uk",
    )
    assert salutation_for(head, "en") == "Dear Sir or Madam,"
    assert salutation_for(head, "uk") == "Шановний Голово!"
    prime_minister = Recipient(
        id="ua-pm", category="national_official", gender="f", position={"uk": "Прем'єр-міністерка України"}
    )
    assert salutation_for(prime_minister, "uk") == "Шановна пані Прем'єр-міністерко!"
    assert salutation_for(prime_minister, "en") == "Dear Prime Minister,"  # no English text: the Ukrainian's


@pytest.mark.parametrize(
    ("position", "language", "expected"),
    [
        (
            {"ru": "Генпрокурор Украины", "uk": "Генеральний прокурор України"},
            "ru",
            "Уважаемый господин Генеральный прокурор!",
        ),
        (
            {"uk": "Прем'єр-міністр України", "en": "Head of the Cabinet of Ministers of Ukraine"},
            "en",
            "Dear Prime Minister,",
        ),
        (
            {
                "uk": "Уповноважений Верховної Ради України з прав людини",
                "en": "Verkhovna Rada Human Rights Commissioner",
            },
            "en",
            "Dear Ombudsman,",
        ),
        (
            {"uk": "Голова Кабінету Міністрів України", "en": "Prime Minister of Ukraine"},
            "uk",
            "Шановний пане Прем'єр-міністре!",
        ),
        ({"uk": "Голова Комітету", "en": "Chair of the Committee"}, "uk", "Шановний пане Голово!"),
    ],
)
def test_an_office_the_letters_own_language_does_not_name_is_read_from_another(position, language, expected):
    """Reading the office from the letter's language alone lost these (the review of the
    'Dear Chair,' fix): only a chair needs the letter's own words."""
    official = Recipient(id="x", category="national_official", gender="m", position=position, language="uk")
    assert salutation_for(official, language) == expected


@pytest.mark.parametrize(
    ("position", "gender", "expected"),
    [
        (
            "Senator RP",
            "m",
            "Szanowny Panie Senatorze,",
        ),  # was "Szanowny Panie Pośle,": a senator is no poseł
        ("Senator RP", "f", "Szanowna Pani Senator,"),
        ("Sekretarz stanu w MSWiA", "m", "Szanowny Panie Ministrze,"),
        ("Posłanka na Sejm RP", "f", "Szanowna Pani Poseł,"),
    ],
)
def test_polish_senators_and_secretaries_of_state(position, gender, expected):
    official = Recipient(
        id="pl",
        category="national_official",
        given_name="Jan",
        family_name="Nowak",
        gender=gender,
        position=position,
        language="pl",
    )
    assert salutation_for(official, "pl") == expected
