"""The names of languages, scripts and countries kept between starts: Babel's own, read
back without Babel, and made again whenever the kept file cannot be used."""

from __future__ import annotations

import json

import babel
import pytest
from babel import Locale

from campaign_app.core.common import language_names
from campaign_app.core.common.language_names import KINDS, cache_folder, name_tables


@pytest.fixture(autouse=True)
def new_start():
    """Each test starts as a new process: nothing looked up in memory."""
    name_tables.cache_clear()
    yield
    name_tables.cache_clear()


def babels(locale: str) -> dict[str, dict[str, str]]:
    ui = Locale.parse(locale)
    return {kind: dict(getattr(ui, kind).items()) for kind in KINDS}


def no_babel(monkeypatch) -> None:
    def refuse(*_args, **_kwargs):
        raise AssertionError("Babel's locale data read again")

    monkeypatch.setattr(Locale, "parse", refuse)


@pytest.mark.parametrize("locale", ["en_US", "uk", "ru"])
def test_the_tables_are_babels_and_a_later_start_reads_them_without_babel(monkeypatch, locale):
    expected = babels(locale)
    assert name_tables(locale) == expected
    assert name_tables(locale)["languages"]["kk"]  # a name for the example's third language
    kept = cache_folder() / f"{babel.__version__}-{locale}.json"
    assert json.loads(kept.read_text(encoding="utf-8")) == expected
    name_tables.cache_clear()
    no_babel(monkeypatch)
    assert name_tables(locale) == expected


@pytest.mark.parametrize("content", ["{not json", '{"languages": []}', '{"languages": {"en": 1}}', "[]"])
def test_a_kept_file_that_is_not_the_tables_is_made_again(content):
    path = cache_folder() / f"{babel.__version__}-uk.json"
    path.parent.mkdir(parents=True)
    path.write_text(content, encoding="utf-8")
    assert name_tables("uk") == babels("uk")
    assert json.loads(path.read_text(encoding="utf-8")) == babels("uk")


def test_a_cache_folder_that_cannot_be_written_only_means_babel_is_read(monkeypatch, tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setattr(language_names, "cache_folder", lambda: blocked / "names")
    assert name_tables("en_US") == babels("en_US")


def test_another_babel_version_does_not_read_the_tables_kept_by_this_one(monkeypatch):
    name_tables("uk")
    name_tables.cache_clear()
    monkeypatch.setattr(babel, "__version__", "0.0-other")
    no_babel(monkeypatch)
    with pytest.raises(AssertionError, match="read again"):
        name_tables("uk")


def test_an_unknown_locale_raises_as_babel_does():
    with pytest.raises(ValueError):
        name_tables("zz-not a locale")
