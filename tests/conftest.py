"""Shared fixtures: a small workspace built per test, and a way to run the CLI in-process."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CAMPAIGN = """\
name: {en: Test campaign, uk: Тестова кампанія}
case: test-case
default_language: en
follow_up_days: 14
sender:
  organisation: {en: Rights Watchers, uk: Правозахисники}
  address: {en: "1 Rue Haute\\n1000 Brussels", uk: "1 Rue Haute\\n1000 Брюссель"}
  city: {en: Brussels, uk: Брюссель}
  email: office@rights.example
signatories:
  - name: {en: Anna Smith, uk: Анна Сміт}
    role: {en: Director, uk: Директорка}
"""

CASE = """\
id: test-case
languages: [en, uk]
title: {en: Stop the extradition, uk: Зупиніть екстрадицію}
person:
  name: {en: Zhanara Akhmetova, uk: Жанара Ахметова, kk: Жанара Ахметова}
  gender: f
  forms:
    uk: {genitive: Жанари Ахметової}
summary: {en: A journalist faces extradition., uk: Журналістці загрожує екстрадиція.}
timeline:
  - id: supreme-court
    date: 2020-05-14
    text: {en: The Supreme Court found the denial of asylum lawful., uk: Верховний Суд визнав відмову законною.}
    sources: [court]
  - id: arrival
    date: 2017-03
    text: {en: She arrived in Ukraine., uk: Вона прибула в Україну.}
    sources: [brief]
facts:
  - id: unhcr
    text: {en: UNHCR protects her from forcible return., uk: УВКБ ООН захищає її від примусового повернення.}
    sources: [unhcr-doc, brief]
demands:
  - id: stop
    text: {en: Stop the extradition., uk: Зупиніть екстрадицію.}
sources:
  - id: court
    title: Ruling of the Supreme Court of 14 May 2020
    publisher: Court register
    date: 2020-05-14
    url: http://reyestr.court.gov.ua/Review/1
  - id: unhcr-doc
    title: UNHCR protection letter
    publisher: UNHCR
    url: https://www.unhcr.org/ua/
  - id: brief
    title: "[Case brief]"
    publisher: Open Dialogue Foundation
    date: 2020-05
"""

PEOPLE_CSV = """\
id,category,honorific,given_name,family_name,gender,position,organisation,country,language,email,tags
mep-1,mep,Mr,Michal,Šimečka,m,Member of the European Parliament,European Parliament,SK,en,michal.simecka@europarl.europa.eu,supporter
mep-2,mep,Ms,Rasa,Juknevičienė,f,Member of the European Parliament,European Parliament,LT,en,rasa.jukneviciene@europarl.europa.eu,supporter;droi
sr-1,un_special_procedure,,,,,Special Rapporteur on torture,OHCHR,CH,en,,
"""

OFFICIALS_YAML = """\
- id: ua-president
  category: national_official
  honorific: {uk: пан, en: Mr}
  given_name: {uk: Володимир, en: Volodymyr}
  family_name: {uk: Зеленський, en: Zelenskyy}
  gender: m
  position: {uk: Президент України, en: President of Ukraine}
  country: UA
  language: uk
  postal_address: {uk: "вул. Банкова, 11\\nм. Київ, 01220", en: "11 Bankova St.\\nKyiv 01220"}
  addressee: {uk: "Президентові України\\nВолодимиру ЗЕЛЕНСЬКОМУ"}
- id: ua-minister
  category: national_official
  gender: m
  position: {uk: Міністр юстиції України, en: Minister of Justice of Ukraine}
  country: UA
  language: uk
"""

TEMPLATE_EN = """\
---
id: appeal-en
title: Appeal
language: en
audience: category:mep
subject: "Stop the extradition of {{ case.person.name }}"
---
We write about **{{ case.person.name }}**, who faces extradition.

{{ fact('supreme-court') }} {{ fact('unhcr') }}

We ask you, {{ recipient.name }}, to act{{ cite('court') }}:

{% for d in case.demands %}
- {{ d.text }}
{% endfor %}
"""

TEMPLATE_UK = """\
---
id: appeal-uk
title: Звернення
language: uk
audience: category:national_official
subject: "Щодо екстрадиції {{ case.person.forms.genitive }}"
---
Звертаємося щодо {{ case.person.forms.genitive }}.

{{ fact('supreme-court') }}

{{ format_date(case.event('supreme-court').date) }}
"""


@pytest.fixture(autouse=True)
def isolated_user_folders(tmp_path_factory, monkeypatch):
    """No test reads or writes the real user's config, data or log folders."""
    home = tmp_path_factory.mktemp("home")
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    return home


@pytest.fixture(autouse=True)
def english_interface(monkeypatch):
    """Tests read the interface's English words whatever the machine's language; a test of
    Ukrainian or Russian sets ``LANGUAGE`` itself (the catalogue is looked up afresh in each
    test, and for each command the ``cli`` fixture runs)."""
    from campaign_app.core.common import i18n

    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    i18n.reset()
    yield
    i18n.reset()


class MemoryKeyring:
    """A keyring backend that keeps secrets in memory and never prompts (for tests)."""

    priority = 1

    def __init__(self):
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.secrets.get((service, username))

    def set_password(self, service, username, password):
        self.secrets[(service, username)] = password

    def delete_password(self, service, username):
        import keyring.errors

        if (service, username) not in self.secrets:
            raise keyring.errors.PasswordDeleteError(username)
        del self.secrets[(service, username)]


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch):
    """Every test uses an in-memory keyring: no system keyring is touched or needed."""
    import keyring
    from keyring.backend import KeyringBackend

    backend_cls = type("TestMemoryKeyring", (MemoryKeyring, KeyringBackend), {})
    backend = backend_cls()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@dataclass
class MiniWorkspace:
    root: Path

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path


@pytest.fixture
def mini_ws(tmp_path: Path) -> MiniWorkspace:
    """A small valid workspace: 3 directory rows (CSV), 2 officials (YAML), 2 templates."""
    ws = MiniWorkspace(tmp_path / "ws")
    ws.write("campaign.yaml", CAMPAIGN)
    ws.write("cases/test-case.yaml", CASE)
    ws.write("recipients/people.csv", PEOPLE_CSV)
    ws.write("recipients/officials.yaml", OFFICIALS_YAML)
    ws.write("letter_templates/appeal-en.md", TEMPLATE_EN)
    ws.write("letter_templates/appeal-uk.md", TEMPLATE_UK)
    return ws


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys, monkeypatch, tmp_path):
    """Run ``campaign-app ARGS`` in-process from ``tmp_path``; returns exit code and output."""
    from campaign_app.cli.main import main
    from campaign_app.core.common import i18n

    monkeypatch.chdir(tmp_path)

    def run(*args: str) -> CliResult:
        i18n.reset()  # as in a new process: the language is the one the test set by now
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:  # argparse
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


MEMORY_LIMIT = 1_000_000_000  # the CLI needs under 100 MB; hostile input in tests asks for more


def run_cli_limited(cwd: Path, *args: str, prelude: str = "") -> subprocess.CompletedProcess:
    """``campaign-app ARGS`` in a child process with at most MEMORY_LIMIT bytes of memory
    (after running ``prelude``), for input built to exhaust it: a bound that does not hold
    fails the test instead of the machine running the tests."""
    code = "\n".join(
        [
            "import resource",
            f"resource.setrlimit(resource.RLIMIT_AS, ({MEMORY_LIMIT}, {MEMORY_LIMIT}))",
            prelude,
            "from campaign_app.cli.main import main",
            f"raise SystemExit(main({[str(a) for a in args]!r}))",
        ]
    )
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, timeout=120)


# The test IMAP server (tests/imap_server.py, a private Dovecot): fixtures dovecot, dovecot_factory, imap.
from imap_server import dovecot, dovecot_factory, imap  # noqa: E402, F401

# The test PostgreSQL (tests/pg_server.py): fixtures pg_cluster (session) and pg_database;
# the test SMTP server (tests/smtp_server.py): fixtures smtp_server and smtp_server_factory.
from pg_server import pg_cluster, pg_database  # noqa: E402, F401
from smtp_server import ahead, server, smtp_server, smtp_server_factory  # noqa: E402, F401
