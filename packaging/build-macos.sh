#!/usr/bin/env bash
# Build the macOS desktop app: dist/campaign_app.app (drag it to Applications) and
# dist/campaign_app-VERSION-macos-ARCH.dmg holding it. NOT RUN YET: written and reviewed on
# Linux, where macOS cannot be built (see README, "Installers").
#
# Fresh venv in build/packaging-venv with the project and PyInstaller; icons rendered from
# packaging/icons/campaign-app.svg into build/icons (campaign-app.icns for the bundle);
# PyInstaller with packaging/campaign-app.spec, whose BUNDLE step makes the .app and its
# Info.plist (bundle id org.campaign_app.CampaignApp). The app is built for the machine's
# architecture (arm64 or x86_64) and signed ad hoc only: set CAMPAIGN_APP_CODESIGN_IDENTITY
# to a "Developer ID Application" identity to sign it, then notarize the .dmg
# (xcrun notarytool) before giving it out; otherwise Gatekeeper makes users right-click ▸ Open.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
python=${PYTHON:-python3}
venv=build/packaging-venv

rm -rf "$venv" build/pyinstaller build/icons dist/campaign-app dist/campaign_app.app
"$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --upgrade pip
"$venv/bin/python" -m pip install --quiet ".[packaging]"

version=$("$venv/bin/python" -c "import campaign_app; print(campaign_app.__version__)")
"$venv/bin/python" packaging/make_icons.py build/icons
CAMPAIGN_APP_ICON_DIR="$root/build/icons" "$venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/campaign-app.spec

app=dist/campaign_app.app
# The command line is the same executable: dist/campaign_app.app/Contents/MacOS/campaign-app --help
"$app/Contents/MacOS/campaign-app" --version

dmg=dist/campaign_app-$version-macos-$(uname -m).dmg
rm -f "$dmg"
hdiutil create -volname "campaign_app $version" -srcfolder "$app" -ov -format UDZO "$dmg"
echo "built $app ($(du -sh "$app" | cut -f1)) and $dmg ($(du -sh "$dmg" | cut -f1))"
