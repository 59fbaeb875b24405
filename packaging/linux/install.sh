#!/bin/sh
# Adds campaign_app to your desktop's application menu (for you only, no root needed):
# the launcher, its icon and the AppStream entry go to ~/.local/share, and a link named
# campaign-app to ~/.local/bin. Run it from the unpacked folder; run it again after moving
# the folder. "./install.sh --remove" takes it all away again (the folder stays).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
app_id=org.campaign_app.CampaignApp
data=${XDG_DATA_HOME:-$HOME/.local/share}
bin=$HOME/.local/bin

if [ "${1:-}" = "--remove" ]; then
  rm -f "$data/applications/$app_id.desktop" "$data/metainfo/$app_id.metainfo.xml" "$bin/campaign-app"
  rm -f "$data"/icons/hicolor/*/apps/"$app_id".png "$data/icons/hicolor/scalable/apps/$app_id.svg"
  echo "campaign_app removed from the application menu."
  exit 0
fi

mkdir -p "$data/applications" "$data/metainfo" "$data/icons/hicolor/scalable/apps" "$bin"
sed "s|^Exec=campaign-app|Exec=\"$here/campaign-app\"|" "$here/share/applications/$app_id.desktop" \
  > "$data/applications/$app_id.desktop"
cp "$here/share/metainfo/$app_id.metainfo.xml" "$data/metainfo/"
cp "$here/share/icons/hicolor/scalable/apps/$app_id.svg" "$data/icons/hicolor/scalable/apps/"
for dir in "$here"/share/icons/hicolor/*x*; do
  size=$(basename "$dir")
  mkdir -p "$data/icons/hicolor/$size/apps"
  cp "$dir/apps/$app_id.png" "$data/icons/hicolor/$size/apps/"
done
ln -sf "$here/campaign-app" "$bin/campaign-app"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
echo "campaign_app is in your application menu; on the command line: $bin/campaign-app --help"
