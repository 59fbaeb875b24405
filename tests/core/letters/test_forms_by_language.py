"""Forms of address per letter language, office, gender and named/unnamed, on real-shaped
recipients (MEPs, UN mandate holders, Ukrainian officials and MPs, a Kazakh prosecutor)."""

from __future__ import annotations

import dataclasses

import pytest

from campaign_app.core.directory.recipients import Recipient
from campaign_app.core.letters.forms_of_address.rules import CASES, LANGUAGES, OFFICES, rules_for
from campaign_app.core.letters.salutation import (
    address_block,
    address_name_lines,
    closing_for,
    office_of,
    salutation_for,
)

EP_ADDRESS = "European Parliament\nRue Wiertz 60\n1047 Brussels\nBelgium"
MEP_F = Recipient(
    id="mep-197840",
    category="mep",
    honorific="Ms",
    given_name="Rasa",
    family_name="Juknevičienė",
    gender="f",
    position="Member of the European Parliament",
    organisation="European Parliament",
    postal_address=EP_ADDRESS,
)
MEP_M = Recipient(
    id="mep-103746",
    category="mep",
    honorific="Mr",
    given_name="Michal",
    family_name="Šimečka",
    gender="m",
    position="Member of the European Parliament",
    organisation="European Parliament",
    postal_address=EP_ADDRESS,
)
MEP_X = Recipient(
    id="mep-x", category="mep", given_name="Alex", family_name="Doe", organisation="European Parliament"
)
SR_F = Recipient(
    id="sr-torture",
    category="un_special_procedure",
    honorific="Dr",
    given_name="Alice Jill",
    family_name="Edwards",
    gender="f",
    position="Special Rapporteur on torture and other cruel, inhuman or degrading treatment or punishment",
    organisation="OHCHR",
)
SR_OFFICE = Recipient(
    id="sr-hrd",
    category="un_special_procedure",
    position="Special Rapporteur on the situation of human rights defenders",
    organisation="OHCHR",
)
IE_M = Recipient(
    id="ie-sogi",
    category="un_special_procedure",
    given_name="Graeme",
    family_name="Reid",
    gender="m",
    position="Independent Expert on protection against violence and discrimination based on sexual orientation and gender identity",
)
WGAD = Recipient(
    id="wgad",
    category="un_special_procedure",
    position="Working Group on Arbitrary Detention",
    organisation="OHCHR",
)
AMB_M = Recipient(
    id="amb-ua-be",
    category="national_official",
    gender="m",
    given_name={"en": "Ihor", "uk": "Ігор"},
    family_name={"en": "Kovalenko", "uk": "Коваленко"},
    position={
        "en": "Ambassador of Ukraine to the Kingdom of Belgium",
        "uk": "Посол України в Королівстві Бельгія",
    },
    language="uk",
)
AMB_F = Recipient(
    id="amb-kz-eu",
    category="national_official",
    gender="f",
    given_name="Aigul",
    family_name="Kuspan",
    position="Ambassador of the Republic of Kazakhstan to the Kingdom of Belgium",
    language="en",
)
AMB_OFFICE = Recipient(
    id="amb-office",
    category="national_official",
    position="Ambassador of the Republic of Kazakhstan to France",
)
PM_F = Recipient(
    id="ua-pm",
    category="national_official",
    gender="f",
    given_name={"uk": "Юлія", "en": "Yulia"},
    family_name={"uk": "Свириденко", "en": "Svyrydenko"},
    position={"uk": "Прем'єр-міністерка України", "en": "Prime Minister of Ukraine"},
    language="uk",
)
PRESIDENT = Recipient(
    id="ua-president",
    category="national_official",
    gender="m",
    honorific={"uk": "пан", "en": "Mr"},
    given_name={"uk": "Володимир", "en": "Volodymyr"},
    family_name={"uk": "Зеленський", "en": "Zelenskyy"},
    position={"uk": "Президент України", "en": "President of Ukraine"},
    language="uk",
)
PG_KZ = Recipient(
    id="kz-pg",
    category="national_official",
    gender="m",
    given_name={"ru": "Берик", "en": "Berik"},
    family_name={"ru": "Асылов", "en": "Asylov"},
    position={
        "ru": "Генеральный прокурор Республики Казахстан",
        "en": "Prosecutor General of the Republic of Kazakhstan",
    },
    country="KZ",
    language="ru",
)
OMBUDSMAN_UA = Recipient(
    id="ua-ombudsman",
    category="national_official",
    gender="m",
    given_name={"uk": "Дмитро", "en": "Dmytro"},
    family_name={"uk": "Лубінець", "en": "Lubinets"},
    position={
        "uk": "Уповноважений Верховної Ради України з прав людини",
        "en": "Ukrainian Parliament Commissioner for Human Rights",
    },
    language="uk",
)
MINISTER_M = Recipient(
    id="ua-mvs",
    category="national_official",
    gender="m",
    given_name={"uk": "Ігор"},
    family_name={"uk": "Клименко"},
    position={"uk": "Міністр внутрішніх справ України", "en": "Minister of Internal Affairs of Ukraine"},
    language="uk",
)
MINISTER_F_OFFICE = Recipient(
    id="ua-mjust",
    category="national_official",
    gender="f",
    position={"uk": "Міністерка юстиції України"},
    language="uk",
)
MP_UA_F = Recipient(
    id="ua-mp-f",
    category="parliament",
    gender="f",
    given_name={"uk": "Оксана"},
    family_name={"uk": "Савчук"},
    position={"uk": "Народна депутатка України", "en": "People's Deputy of Ukraine"},
    language="uk",
)
MP_UA_M = Recipient(
    id="ua-mp-m",
    category="parliament",
    gender="m",
    given_name={"uk": "Андрій"},
    family_name={"uk": "Осадчук"},
    position={"uk": "Народний депутат України", "en": "People's Deputy of Ukraine"},
    language="uk",
)
CHAIR_F = Recipient(
    id="ua-dmsu",
    category="national_official",
    gender="f",
    position={"uk": "Голова Державної міграційної служби України"},
    language="uk",
)
PERSON_DR = Recipient(
    id="de-ngo",
    category="national_official",
    honorific="Dr.",
    given_name="Anna",
    family_name="Weber",
    gender="f",
    position="Head of Division",
    organisation="Federal Foreign Office",
    language="de",
)
NGO_M = Recipient(
    id="ngo-m",
    category="ngo",
    given_name="Jan",
    family_name="Nowak",
    gender="m",
    organisation="Helsinki Foundation for Human Rights",
    position="Chair of the Board",
)
OFFICE = Recipient(id="unhcr", category="un_agency", organisation="UNHCR Representation in Ukraine")

SALUTATIONS = [
    # English: EP and UN usage, Debrett's
    (MEP_F, "en", "Dear Ms Juknevičienė,", "Yours sincerely,"),
    (MEP_X, "en", "Dear Alex Doe,", "Yours sincerely,"),
    (SR_F, "en", "Dear Special Rapporteur,", "Yours sincerely,"),
    (IE_M, "en", "Dear Independent Expert,", "Yours sincerely,"),
    (WGAD, "en", "Dear Members of the Working Group,", "Yours sincerely,"),
    (AMB_F, "en", "Your Excellency,", "Yours sincerely,"),
    (AMB_OFFICE, "en", "Your Excellency,", "Yours sincerely,"),
    (PM_F, "en", "Dear Prime Minister,", "Yours sincerely,"),
    (PRESIDENT, "en", "Dear Mr President,", "Yours sincerely,"),
    (PG_KZ, "en", "Dear Prosecutor General,", "Yours sincerely,"),
    (OMBUDSMAN_UA, "en", "Dear Mr Lubinets,", "Yours sincerely,"),
    (MINISTER_F_OFFICE, "en", "Dear Minister,", "Yours sincerely,"),
    (CHAIR_F, "en", "Dear Madam Chair,", "Yours sincerely,"),
    (NGO_M, "en", "Dear Mr Nowak,", "Yours sincerely,"),
    (PERSON_DR, "en", "Dear Dr Weber,", "Yours sincerely,"),
    (OFFICE, "en", "Dear Sir or Madam,", "Yours faithfully,"),
    # Ukrainian: the vocative of the office, «пане»/«пані»
    (MP_UA_F, "uk", "Шановна пані народна депутатко!", "З повагою,"),
    (MP_UA_M, "uk", "Шановний пане народний депутате!", "З повагою,"),
    (OMBUDSMAN_UA, "uk", "Шановний пане Уповноважений!", "З повагою,"),
    (PM_F, "uk", "Шановна пані Прем'єр-міністерко!", "З повагою,"),
    (MINISTER_M, "uk", "Шановний пане Міністре!", "З повагою,"),
    (PG_KZ, "uk", "Шановний пане Генеральний прокуроре!", "З повагою,"),
    (SR_F, "uk", "Шановна пані Спеціальна доповідачко!", "З повагою,"),
    (SR_OFFICE, "uk", "Шановний Спеціальний доповідачу!", "З повагою,"),
    (AMB_M, "uk", "Шановний пане После!", "З повагою,"),
    (AMB_OFFICE, "uk", "Ваша Ексцеленціє!", "З повагою,"),
    (WGAD, "uk", "Шановні члени Робочої групи!", "З повагою,"),
    (OFFICE, "uk", "Шановні пані та панове!", "З повагою,"),
    # Russian: no vocative, «господин»/«госпожа» with the title in the nominative
    (PG_KZ, "ru", "Уважаемый господин Генеральный прокурор!", "С уважением,"),
    (MINISTER_M, "ru", "Уважаемый господин министр!", "С уважением,"),
    (MINISTER_F_OFFICE, "ru", "Уважаемая госпожа министр!", "С уважением,"),
    (MEP_F, "ru", "Уважаемая госпожа Juknevičienė!", "С уважением,"),
    (AMB_OFFICE, "ru", "Ваше Превосходительство!", "С уважением,"),
    (OFFICE, "ru", "Уважаемые дамы и господа!", "С уважением,"),
    # German: Protokoll Inland
    (MEP_F, "de", "Sehr geehrte Frau Abgeordnete,", "Mit freundlichen Grüßen"),
    (MEP_M, "de", "Sehr geehrter Herr Abgeordneter,", "Mit freundlichen Grüßen"),
    (MEP_X, "de", "Guten Tag Alex Doe,", "Mit freundlichen Grüßen"),
    (SR_F, "de", "Sehr geehrte Frau Sonderberichterstatterin,", "Mit freundlichen Grüßen"),
    (AMB_M, "de", "Sehr geehrter Herr Botschafter,", "Mit freundlichen Grüßen"),
    (AMB_OFFICE, "de", "Exzellenz,", "Mit freundlichen Grüßen"),
    (MINISTER_F_OFFICE, "de", "Sehr geehrte Frau Ministerin,", "Mit freundlichen Grüßen"),
    (PRESIDENT, "de", "Sehr geehrter Herr Präsident,", "Mit freundlichen Grüßen"),
    (PERSON_DR, "de", "Sehr geehrte Frau Dr. Weber,", "Mit freundlichen Grüßen"),
    (OFFICE, "de", "Sehr geehrte Damen und Herren,", "Mit freundlichen Grüßen"),
    # French: the title alone, repeated in the closing
    (
        MEP_F,
        "fr",
        "Madame la Députée,",
        "Je vous prie d'agréer, Madame la Députée, l'expression de ma haute considération.",
    ),
    (
        AMB_M,
        "fr",
        "Monsieur l'Ambassadeur,",
        "Je vous prie d'agréer, Monsieur l'Ambassadeur, les assurances de ma très haute considération.",
    ),
    (
        AMB_F,
        "fr",
        "Madame l'Ambassadrice,",
        "Je vous prie d'agréer, Madame l'Ambassadrice, les assurances de ma très haute considération.",
    ),
    (
        AMB_OFFICE,
        "fr",
        "Excellence,",
        "Je vous prie d'agréer, Excellence, les assurances de ma très haute considération.",
    ),
    (
        SR_F,
        "fr",
        "Madame la Rapporteuse spéciale,",
        "Je vous prie d'agréer, Madame la Rapporteuse spéciale, l'expression de ma haute considération.",
    ),
    (
        PG_KZ,
        "fr",
        "Monsieur le Procureur général,",
        "Je vous prie d'agréer, Monsieur le Procureur général, l'expression de ma haute considération.",
    ),
    (
        PM_F,
        "fr",
        "Madame la Première ministre,",
        "Je vous prie d'agréer, Madame la Première ministre, l'expression de ma très haute considération.",
    ),
    (
        NGO_M,
        "fr",
        "Monsieur,",
        "Je vous prie d'agréer, Monsieur, l'expression de mes salutations distinguées.",
    ),
    (
        OFFICE,
        "fr",
        "Madame, Monsieur,",
        "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.",
    ),
    # Polish: the office, never the surname
    (MEP_F, "pl", "Szanowna Pani Poseł,", "Z wyrazami szacunku"),
    (MEP_M, "pl", "Szanowny Panie Pośle,", "Z wyrazami szacunku"),
    (MINISTER_M, "pl", "Szanowny Panie Ministrze,", "Z wyrazami szacunku"),
    (MINISTER_F_OFFICE, "pl", "Szanowna Pani Minister,", "Z wyrazami szacunku"),
    (PM_F, "pl", "Szanowna Pani Premier,", "Z wyrazami szacunku"),
    (PRESIDENT, "pl", "Szanowny Panie Prezydencie,", "Z wyrazami szacunku"),
    (OMBUDSMAN_UA, "pl", "Szanowny Panie Rzeczniku,", "Z wyrazami szacunku"),
    (AMB_M, "pl", "Szanowny Panie Ambasadorze,", "Z wyrazami szacunku"),
    (NGO_M, "pl", "Szanowny Panie,", "Z wyrazami szacunku"),
    (OFFICE, "pl", "Szanowni Państwo,", "Z wyrazami szacunku"),
    # Spanish: a colon after the salutation
    (MEP_F, "es", "Estimada señora diputada:", "Atentamente,"),
    (MINISTER_M, "es", "Excelentísimo señor Ministro:", "Atentamente,"),
    (AMB_F, "es", "Excelentísima señora Embajadora:", "Atentamente,"),
    (SR_F, "es", "Estimada señora Relatora Especial:", "Atentamente,"),
    (PERSON_DR, "es", "Estimada señora Weber:", "Un cordial saludo,"),
    (OFFICE, "es", "Señoras y señores:", "Atentamente,"),
    # Italian: «Onorevole» for parliamentarians, «Eccellenza» for ambassadors
    (MEP_M, "it", "Gentile Onorevole,", "Distinti saluti"),
    (MP_UA_F, "it", "Gentile Onorevole,", "Distinti saluti"),
    (AMB_M, "it", "Eccellenza,", "Distinti saluti"),
    (MINISTER_F_OFFICE, "it", "Signora Ministro,", "Distinti saluti"),
    (PRESIDENT, "it", "Signor Presidente,", "Distinti saluti"),
    (NGO_M, "it", "Gentile Signor Nowak,", "Cordiali saluti"),
    (OFFICE, "it", "Gentili Signore e Signori,", "Distinti saluti"),
]


@pytest.mark.parametrize(("recipient", "language", "salutation", "closing"), SALUTATIONS)
def test_salutation_and_closing(recipient, language, salutation, closing):
    assert salutation_for(recipient, language) == salutation
    assert closing_for(recipient, language) == closing


MEP_ADDRESS = [
    ("en", MEP_F, "Ms Rasa Juknevičienė", "Member of the European Parliament"),
    ("uk", MEP_F, "Rasa Juknevičienė", "Депутатка Європейського Парламенту"),
    ("ru", MEP_M, "Michal Šimečka", "Депутат Европейского парламента"),
    ("de", MEP_F, "Frau Rasa Juknevičienė", "Mitglied des Europäischen Parlaments"),
    ("de", MEP_M, "Herrn Michal Šimečka", "Mitglied des Europäischen Parlaments"),
    ("fr", MEP_F, "Madame Rasa Juknevičienė", "Députée au Parlement européen"),
    ("fr", MEP_M, "Monsieur Michal Šimečka", "Député au Parlement européen"),
    ("pl", MEP_F, "Pani Rasa Juknevičienė", "Posłanka do Parlamentu Europejskiego"),
    ("pl", MEP_M, "Pan Michal Šimečka", "Poseł do Parlamentu Europejskiego"),
    ("es", MEP_F, "Sra. Rasa Juknevičienė", "Diputada al Parlamento Europeo"),
    ("it", MEP_M, "On. Michal Šimečka", "Deputato al Parlamento europeo"),
]


@pytest.mark.parametrize(("language", "recipient", "name_line", "title_line"), MEP_ADDRESS)
def test_an_meps_address_block_names_the_office_in_the_letters_language(
    language, recipient, name_line, title_line
):
    block = address_block(recipient, language)
    assert block[:2] == (name_line, title_line)
    assert block.count("European Parliament") == 1 and block[-1] == "Belgium"


def test_address_blocks_of_officials():
    assert address_name_lines(AMB_F, "en")[0] == "Her Excellency Ms Aigul Kuspan"
    assert address_name_lines(AMB_F, "fr")[0] == "Son Excellence Madame Aigul Kuspan"
    assert address_name_lines(AMB_F, "es")[0] == "Excma. Sra. Aigul Kuspan"
    assert address_name_lines(AMB_F, "pl")[0] == "Jej Ekscelencja Pani Aigul Kuspan"
    assert address_name_lines(PERSON_DR, "de")[:2] == ["Frau Dr. Anna Weber", "Head of Division"]
    # a position written in the letter's language is used as it is
    assert address_name_lines(OMBUDSMAN_UA, "uk") == [
        "Дмитро Лубінець",
        "Уповноважений Верховної Ради України з прав людини",
    ]
    assert address_name_lines(OMBUDSMAN_UA, "en") == [
        "Mr Dmytro Lubinets",
        "Ukrainian Parliament Commissioner for Human Rights",
    ]
    # no name: the office and the organisation
    assert address_name_lines(SR_OFFICE, "de") == [
        "Special Rapporteur on the situation of human rights defenders",
        "OHCHR",
    ]


POSITIONS = [
    ("en", "Member of the European Parliament", "mep"),
    ("en", "Chair-Rapporteur, Working Group on Enforced or Involuntary Disappearances", "un_working_group"),
    ("en", "Special Rapporteur on the right to freedom of opinion and expression", "un_special_rapporteur"),
    ("en", "Independent Expert on the situation of human rights in Belarus", "un_independent_expert"),
    ("en", "Permanent Representative of Ukraine to the United Nations Office at Geneva", "ambassador"),
    ("en", "Prime Minister of Ukraine", "prime_minister"),
    ("en", "Ukrainian Parliament Commissioner for Human Rights", "ombudsman"),
    ("en", "European Ombudsman", "ombudsman"),
    ("en", "Prosecutor General of the Republic of Kazakhstan", "prosecutor_general"),
    ("en", "President of the Republic of Kazakhstan", "president"),
    ("en", "Minister of Foreign Affairs of Ukraine", "minister"),
    ("en", "Member of the Mazhilis of the Parliament of the Republic of Kazakhstan", "mp"),
    ("en", "Chair of the Subcommittee on Human Rights", "chair"),
    ("en", "Vice-President of the European Commission", "official"),
    ("en", "Deputy Minister of Justice", "official"),
    ("en", "Council of Europe Commissioner for Human Rights", "official"),
    ("en", "UN High Commissioner for Human Rights", "official"),
    ("uk", "Посол України у Французькій Республіці", "ambassador"),
    ("uk", "Прем'єр-міністр України", "prime_minister"),
    ("uk", "Уповноважений Верховної Ради України з прав людини", "ombudsman"),
    ("uk", "Генеральний прокурор", "prosecutor_general"),
    ("uk", "Президент України", "president"),
    ("uk", "Міністерка юстиції України", "minister"),
    ("uk", "Народний депутат України", "mp"),
    ("uk", "Голова Комітету з питань прав людини", "chair"),
    ("uk", "Спеціальна доповідачка ООН з питань катувань", "un_special_rapporteur"),
    ("ru", "Генеральный прокурор Республики Казахстан", "prosecutor_general"),
    ("ru", "Уполномоченный по правам человека в Республике Казахстан", "ombudsman"),
    ("ru", "Депутат Мажилиса Парламента Республики Казахстан", "mp"),
    ("ru", "Министр иностранных дел Республики Казахстан", "minister"),
    ("ru", "Председатель Комитета национальной безопасности", "chair"),
    ("de", "Mitglied des Europäischen Parlaments", "mep"),
    ("de", "Botschafterin der Republik Kasachstan", "ambassador"),
    ("de", "Bundesministerin des Auswärtigen", "minister"),
    ("de", "Mitglied des Deutschen Bundestages", "mp"),
    ("de", "Vorsitzende des Ausschusses für Menschenrechte", "chair"),
    (
        "fr",
        "Rapporteuse spéciale sur la situation des défenseurs des droits humains",
        "un_special_rapporteur",
    ),
    ("fr", "Ambassadrice de France en Ukraine", "ambassador"),
    ("fr", "Défenseure des droits", "ombudsman"),
    ("fr", "Ministre de l'Europe et des Affaires étrangères", "minister"),
    # A committee's chair is not the head of state ("ma très haute considération" is the
    # head of state's); the president rule took him first.
    ("fr", "Président de la commission des affaires étrangères", "chair"),
    ("fr", "Présidente de la République", "president"),
    ("es", "Presidenta de la Comisión de Asuntos Exteriores", "chair"),
    ("es", "Presidente de la República", "president"),
    ("it", "Presidente della commissione affari esteri", "chair"),
    ("it", "Presidente della Repubblica", "president"),
    ("pl", "Poseł do Parlamentu Europejskiego", "mep"),
    ("pl", "Rzecznik Praw Obywatelskich", "ombudsman"),
    ("pl", "Prezes Rady Ministrów", "prime_minister"),
    ("pl", "Minister Spraw Zagranicznych", "minister"),
    ("pl", "Posłanka na Sejm RP", "mp"),
    ("es", "Defensor del Pueblo", "ombudsman"),
    ("es", "Fiscal General del Estado", "prosecutor_general"),
    ("es", "Presidente del Gobierno", "prime_minister"),
    ("it", "Relatrice speciale sui difensori dei diritti umani", "un_special_rapporteur"),
    ("it", "Presidente del Consiglio dei ministri", "prime_minister"),
    ("it", "Ambasciatrice d'Italia in Ucraina", "ambassador"),
]


@pytest.mark.parametrize(("language", "position", "office"), POSITIONS)
def test_an_office_is_recognised_in_a_position_written_in_its_language(language, position, office):
    recipient = Recipient(
        id="r", category="national_official", position={language: position}, language=language
    )
    assert office_of(recipient, "en") == office


SAMPLE = {
    "honorific": "Hon",
    "academic": "Acad",
    "given": "Given",
    "family": "Family",
    "full_name": "Given Family",
    "given_voc": "GivenV",
    "family_voc": "FamilyV",
}
ENDS = {"en": ",", "de": ",", "fr": ",", "pl": ",", "it": ",", "es": ":", "uk": "!", "ru": "!"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_form_in_every_file_is_well_formed(language):
    """Every office × case of every file: the language's punctuation after the salutation,
    a name in every name line, and no name where none is known."""
    rules = rules_for(language)
    assert set(rules.offices) == set(OFFICES)
    for office in rules.offices.values():
        for case in CASES:
            where = (language, office.key, case)
            salutation = office.salutation.get(case).format(**SAMPLE)
            assert salutation.endswith(ENDS[language]), where
            assert language == "en" or "Dear" not in salutation, where
            if case == "unnamed":
                assert "Given" not in salutation and "Family" not in salutation, where
            else:
                assert "Family" in office.name_line.get(case).format(**SAMPLE), where
            for closing in (office.closing_formal, office.closing_less_formal):
                assert closing.get(case).strip() and "{" not in closing.get(case), where


@pytest.mark.parametrize(
    ("honorific", "language", "salutation", "name_line"),
    [
        ("Prof. Dr.", "de", "Sehr geehrter Herr Prof. Dr. Strauß,", "Herrn Prof. Dr. Jürgen Strauß"),
        ("Prof. Dr.", "en", "Dear Professor Strauß,", "Professor Jürgen Strauß"),
        ("Dr. Prof.", "de", "Sehr geehrter Herr Dr. Prof. Strauß,", "Herrn Dr. Prof. Jürgen Strauß"),
        ("Prof.", "de", "Sehr geehrter Herr Prof. Strauß,", "Herrn Prof. Jürgen Strauß"),
    ],
)
def test_every_academic_title_of_the_directory_is_kept(honorific, language, salutation, name_line):
    """ "Prof. Dr." was not recognised as titles and became "Herr"/"Mr": the professor was
    written to as nobody in particular. German writes every title, English the first."""
    professor = Recipient(
        id="de-prof",
        category="national_official",
        honorific=honorific,
        given_name="Jürgen",
        family_name="Strauß",
        gender="m",
        language=language,
    )
    assert salutation_for(professor, language) == salutation
    assert address_name_lines(professor, language)[0] == name_line


def test_a_ukrainian_courtesy_title_from_the_directory_stays_out_of_the_address_block():
    """Ukrainian puts «пан»/«пані» in the salutation's own words, never before a name in
    the address block: the directory's "пан" gave «пан Андрій Шевченко», lower case."""
    prosecutor = Recipient(
        id="ua-pg",
        category="national_official",
        honorific="пан",
        given_name="Андрій",
        family_name="Шевченко",
        gender="",
        position="Генеральний прокурор",
        language="uk",
    )
    assert address_name_lines(prosecutor, "uk")[:2] == ["Андрій Шевченко", "Генеральний прокурор"]
    assert salutation_for(prosecutor, "uk") == "Шановний пане Генеральний прокуроре!"


@pytest.mark.parametrize(
    ("language", "honorific", "given", "family", "gender", "name_line"),
    [
        ("uk", "пан", "Ігор", "Клименко", "m", "Ігор Клименко"),
        ("uk", "пані", "Марʼяна", "Ґалаґан", "f", "Марʼяна Ґалаґан"),
        ("ru", "госпожа", "Әйгерім", "Құнанбаева", "f", "Әйгерім Құнанбаева"),
        ("en", "Mr.", "Ihor", "Klymenko", "m", "Mr. Ihor Klymenko"),  # kept as the directory writes it
    ],
)
def test_a_courtesy_title_written_for_the_letters_own_language_follows_its_rule(
    language, honorific, given, family, gender, name_line
):
    """The directory's {uk: пан} (a title written for exactly this language) went into the
    address block verbatim, «пан Ігор Клименко», lower case and against Ukrainian usage,
    where the same "пан" written for all languages was left out."""
    minister = Recipient(
        id="ua-minister",
        category="national_official",
        honorific={language: honorific},
        given_name={language: given},
        family_name={language: family},
        gender=gender,
        position={language: "Minister"},
        language=language,
    )
    assert address_name_lines(minister, language)[0] == name_line


def test_a_name_starting_with_a_mark_keeps_its_space_in_the_salutation():
    """The clean-up of a space an empty part left before a comma also ate the space inside
    a name whose second part starts with a full stop ("Dear Eve../x,")."""
    odd = Recipient(
        id="odd",
        category="ngo",
        given_name="<b>Eve</b>",
        family_name="../../etc/passwd",
        language="en",
    )
    assert salutation_for(odd, "en") == "Dear <b>Eve</b> ../../etc/passwd,"
    assert address_name_lines(odd, "en")[0] == "<b>Eve</b> ../../etc/passwd"


def test_ukrainian_dative_address_lines_stay_out_of_letters_in_other_languages():
    """«Президентові України / Володимиру ЗЕЛЕНСЬКОМУ» opened the English and Russian letters
    to the President, whose directory entry gives those lines in Ukrainian only."""
    president = Recipient(
        id="ua-president",
        category="national_official",
        honorific={"uk": "пан", "en": "Mr"},
        given_name={"uk": "Володимир", "en": "Volodymyr", "ru": "Владимир"},
        family_name={"uk": "Зеленський", "en": "Zelenskyy", "ru": "Зеленский"},
        gender="m",
        position={"uk": "Президент України", "en": "President of Ukraine", "ru": "Президент Украины"},
        country="UA",
        language="uk",
        addressee={"uk": "Президентові України\nВолодимиру ЗЕЛЕНСЬКОМУ"},
    )
    assert address_name_lines(president, "uk") == ["Президентові України", "Володимиру ЗЕЛЕНСЬКОМУ"]
    assert address_name_lines(president, "en") == ["Mr Volodymyr Zelenskyy", "President of Ukraine"]
    assert "Президентові України" not in address_name_lines(president, "ru")


PROSECUTOR_GENERAL = Recipient(
    id="ua-prosecutor",
    category="national_official",
    given_name="Iryna",
    family_name="Venediktova",
    gender="f",
    position="Prosecutor General of Ukraine",
    organisation="Office of the Prosecutor General",
    country="UA",
    language="uk",
)


def test_one_addressee_text_for_all_languages_is_the_recipients_own_language():
    """A CSV directory's ``addressee`` column is one text: it is written in the recipient's
    language, so the English letter to the Prosecutor General gives her name and office in
    English, not the Ukrainian dative lines."""
    prosecutor = dataclasses.replace(
        PROSECUTOR_GENERAL, addressee="Генеральній прокурорці України\nІрині ВЕНЕДІКТОВІЙ"
    )
    assert address_name_lines(prosecutor, "uk") == ["Генеральній прокурорці України", "Ірині ВЕНЕДІКТОВІЙ"]
    english = address_name_lines(prosecutor, "en")
    assert english[:2] == ["Ms Iryna Venediktova", "Prosecutor General of Ukraine"]
    assert not any("ВЕНЕДІКТОВІЙ" in line for line in english)


def test_an_organisation_the_postal_address_starts_with_is_written_once():
    """The Office's name heads its postal address: the address block does not repeat it
    above, and without a postal address it is the block's last name line."""
    prosecutor = dataclasses.replace(
        PROSECUTOR_GENERAL,
        postal_address="Office of the Prosecutor General\nRiznytska St 13/15\n01011 Kyiv\nUkraine",
    )
    block = address_block(prosecutor, "en")
    assert block == (
        "Ms Iryna Venediktova",
        "Prosecutor General of Ukraine",
        "Office of the Prosecutor General",
        "Riznytska St 13/15",
        "01011 Kyiv",
        "Ukraine",
    )
    by_email = dataclasses.replace(prosecutor, postal_address="", email="office@gp.gov.ua")
    assert address_block(by_email, "en")[2:] == ("Office of the Prosecutor General", "office@gp.gov.ua")


@pytest.mark.parametrize(
    ("language", "position", "gender", "salutation"),
    [
        ("pl", "Senator RP", "f", "Szanowna Pani Senator,"),
        ("pl", "Senator RP", "m", "Szanowny Panie Senatorze,"),
        # a Spanish senator was "Estimado señor diputado:", a member of the other chamber
        ("es", "Senador por Madrid", "m", "Estimado señor senador:"),
        ("es", "Senadora por Madrid", "f", "Estimada señora senadora:"),
        ("fr", "Sénatrice de Paris", "f", "Madame la Sénatrice,"),
        ("de", "Senatorin für Justiz", "f", "Sehr geehrte Frau Senatorin,"),
        ("it", "Senatrice della Repubblica", "f", "Gentile Senatrice,"),
        ("it", "Senatore a vita", "m", "Gentile Senatore,"),
        ("ru", "Сенатор Российской Федерации", "m", "Уважаемый господин сенатор!"),
        ("ru", "Член Совета Федерации", "f", "Уважаемая госпожа сенатор!"),
        ("uk", "Сенатор Республіки Польща", "f", "Шановна пані сенаторко!"),
        ("en", "Senator (Poland)", "f", "Dear Ms Nowak,"),
    ],
)
def test_a_senator_is_written_to_as_a_senator(language, position, gender, salutation):
    senator = Recipient(
        id="s",
        category="national_official",
        honorific={"m": "Mr", "f": "Ms"}[gender],
        given_name="Anna" if gender == "f" else "Jan",
        family_name="Nowak",
        gender=gender,
        position={language: position},
        language=language,
    )
    assert office_of(senator, language) == "senator"
    assert salutation_for(senator, language) == salutation


@pytest.mark.parametrize(
    ("language", "position"),
    [
        ("en", "Member of the Senate of the University of Warsaw"),  # a university's senate
        ("de", "Mitglied des Senats der Universität Wien"),
        ("pl", "Senatorial candidate"),
        ("pl", "Członek Senatu Uniwersytetu Warszawskiego"),
    ],
)
def test_a_university_senate_or_a_word_beginning_senator_is_no_senator(language, position):
    official = Recipient(
        id="s", category="national_official", position={language: position}, language=language
    )
    assert office_of(official, language) != "senator"
