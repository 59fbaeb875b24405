#!/bin/sh
# Bring the window's translation catalogues up to date with the sources, after a visible string
# was added or changed: campaign_app/gui/translations/campaign_app_{uk,ru}.ts get every
# message (new ones unfinished, for a translator to fill in with Qt Linguist or a text
# editor), campaign_app_en.ts only the plural forms ("%n letter(s)" → "1 letter", "2 letters").
# tests/gui/test_translations.py fails until the catalogues are current and complete.
#
#     packaging/update-translations.sh [path/to/pyside6-lupdate]
#
# The .qm files are compiled from the .ts files when the package is built or installed.
set -eu
LUPDATE=${1:-${LUPDATE:-.venv/bin/pyside6-lupdate}}
LUPDATE=$(cd "$(dirname "$LUPDATE")" && pwd)/$(basename "$LUPDATE")
cd "$(dirname "$0")/../campaign_app/gui"
SOURCES=$(find . -name '*.py' -not -path '*/__pycache__/*' | sort)
for lang in uk ru; do
    # shellcheck disable=SC2086
    "$LUPDATE" -locations none -no-obsolete -target-language "$lang" $SOURCES -ts "translations/campaign_app_$lang.ts"
done
# shellcheck disable=SC2086
"$LUPDATE" -locations none -no-obsolete -pluralonly -target-language en $SOURCES -ts translations/campaign_app_en.ts
