#!/usr/bin/env bash
# Build the Linux desktop app: dist/campaign-app/ (one folder: run dist/campaign-app/campaign-app,
# or ./install.sh inside it to add it to the application menu) and
# dist/campaign-app-VERSION-linux-ARCH.tar.gz of that folder.
#
# Fresh venv in build/packaging-venv with the project and PyInstaller (pyproject's
# "packaging" extra); icons rendered from packaging/icons/campaign-app.svg into build/icons;
# then PyInstaller with packaging/campaign-app.spec. PYTHON picks the interpreter (>= 3.11).
# The bundle runs on Linux distributions with the same or a newer glibc than the build
# machine's: build on the oldest one you want to support.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
python=${PYTHON:-python3}
venv=build/packaging-venv
app_id=org.campaign_app.CampaignApp
start=$(date +%s)

rm -rf "$venv" build/pyinstaller build/icons dist/campaign-app
"$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --upgrade pip
"$venv/bin/python" -m pip install --quiet ".[packaging]"

version=$("$venv/bin/python" -c "import campaign_app; print(campaign_app.__version__)")
"$venv/bin/python" packaging/make_icons.py build/icons
CAMPAIGN_APP_ICON_DIR="$root/build/icons" "$venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/campaign-app.spec

# What a desktop needs to list the app: launcher, AppStream entry, icons (see install.sh).
bundle=dist/campaign-app
share=$bundle/share
install -D -m 644 "packaging/linux/$app_id.desktop" "$share/applications/$app_id.desktop"
install -D -m 644 "packaging/linux/$app_id.metainfo.xml" "$share/metainfo/$app_id.metainfo.xml"
install -D -m 644 packaging/icons/campaign-app.svg "$share/icons/hicolor/scalable/apps/$app_id.svg"
for png in build/icons/png/campaign-app-*.png; do
  size=${png##*-}
  size=${size%.png}
  install -D -m 644 "$png" "$share/icons/hicolor/${size}x${size}/apps/$app_id.png"
done
install -m 755 packaging/linux/install.sh "$bundle/install.sh"

tarball=dist/campaign-app-$version-linux-$(uname -m).tar.gz
tar -C dist -czf "$tarball" campaign-app
echo "built $bundle ($(du -sh "$bundle" | cut -f1)) and $tarball ($(du -sh "$tarball" | cut -f1))" \
  "in $(($(date +%s) - start)) s"
