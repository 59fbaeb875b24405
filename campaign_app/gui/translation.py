"""The window's language: Qt translators for our words and Qt's own, and the locale.

Every visible string of the window goes through Qt's ``tr()``; the catalogues are
``gui/translations/campaign_app_<lang>.ts`` (Qt Linguist, in the repository), compiled to
``.qm`` when the package is built or installed. English is the source language: its
catalogue holds only the plural forms ("1 letter", "2 letters"). Qt's own ``qtbase_<lang>.qm``
(shipped with PySide6) translates the standard buttons and dialogs (OK, Cancel, the file
dialog). The language is the one rule of ``core.common.ui_language``: the Settings choice,
else the system's; the default QLocale follows it, so dates and numbers do too.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from campaign_app.core.common.ui_language import ui_language

if TYPE_CHECKING:
    # Qt's macro, typed as it behaves: PySide6's stub says it returns ``object``; it returns
    # ``message`` (marked for lupdate, translated where it is shown). Import it from here.
    # The stub also makes ``QObject.tr`` an instance method; it is a class method, and
    # ``SomeClass.tr(text, "", n)`` (a context lupdate sees, with plural forms) carries a
    # ``# type: ignore[arg-type]`` for that.
    def QT_TRANSLATE_NOOP(context: str, message: str, /) -> str: ...
else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP as QT_TRANSLATE_NOOP

TRANSLATIONS = Path(__file__).resolve().parent / "translations"
CATALOGUE = "campaign_app"

_installed: list[QTranslator] = []  # kept alive: Qt does not own an installed translator


def catalogue_path(language: str) -> Path:
    """Where the compiled catalogue of ``language`` is (it may not exist: a source checkout
    that was never built falls back to the English source text)."""
    return TRANSLATIONS / f"{CATALOGUE}_{language}.qm"


def locale_for(language: str) -> QLocale:
    """The system's locale if it speaks ``language`` (keeping its country: en_GB, uk_UA),
    else the language's own (``C`` and a foreign system locale give way). Qt names the
    system locale after LANGUAGE (uk_UA) while it formats by LC_TIME and the rest (C, or
    English): then the locale of that name is taken, whose dates and numbers are Ukrainian."""
    system = QLocale.system()
    if system.name().split("_")[0] != language:
        return QLocale(language)
    named = QLocale(system.name())
    if system.monthName(12) != named.monthName(12) or system.decimalPoint() != named.decimalPoint():
        return named
    return system


def install_translators(app: QCoreApplication, language: str | None = None) -> str:
    """Speak ``language`` (by default the interface language now): replace the translators
    installed before, set the default locale. Returns the language."""
    language = language or ui_language()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in ((f"{CATALOGUE}_{language}", str(TRANSLATIONS)), (f"qtbase_{language}", qt_folder)):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
    QLocale.setDefault(locale_for(language))
    return language
