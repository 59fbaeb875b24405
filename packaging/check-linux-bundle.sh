#!/usr/bin/env bash
# Check the built Linux bundle the way a user would use it, with no Python beside it.
#
#     packaging/check-linux-bundle.sh [dist/campaign-app]
#
# The frozen app runs with an empty environment (env -i: no PATH to any python, no
# PYTHONPATH/PYTHONHOME, no venv) and a fresh HOME: --version; init the bundled example;
# generate a batch big enough for the worker processes (>= 24 letters, 2 workers) and one
# in Ukrainian; look into the PDFs (pdftotext: the recipient's name and the Cyrillic text
# are there; pdffonts: PT Serif is embedded) and DOCX files; paint the window offscreen
# (and on Xvfb's X server if xvfb-run is installed); validate the launcher and the
# AppStream metainfo shipped in the bundle; e-mail: a dry run, and a real send over
# STARTTLS to the tests' server (needs the test venv, .venv). Exits non-zero at the first failure.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bundle=$(cd "${1:-$root/dist/campaign-app}" && pwd)
app="$bundle/campaign-app"
app_id=org.campaign_app.CampaignApp
version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$root/campaign_app/__init__.py")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }
# The frozen app alone: nothing from the caller's environment, no interpreter on PATH.
frozen() { env -i HOME="$tmp/home" PATH=/nonexistent LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "$app" "$@"; }
need() { command -v "$1" >/dev/null || fail "$1 is needed for this check (apt-get install $2)"; }
need pdftotext poppler-utils
need pdffonts poppler-utils
need desktop-file-validate desktop-file-utils
need appstreamcli appstream
mkdir -p "$tmp/home"
cd "$tmp"

[ -x "$app" ] || fail "$app is missing: run packaging/build-linux.sh first"
[ -z "$(find "$bundle" -type f \( -name python -o -name 'python3*' \) ! -name '*.so*')" ] \
  || fail "the bundle carries a python executable: it must need none"

out=$(frozen --version)
[ "$out" = "campaign-app $version" ] || fail "--version printed '$out', expected 'campaign-app $version'"
ok "--version: $out"

frozen init "$tmp/camp" >/dev/null
[ -f "$tmp/camp/campaign.yaml" ] && [ -d "$tmp/camp/letter_templates" ] || fail "init did not copy the example"
ok "init copied the bundled example campaign"

# Two more copies of the MEP list under new ids: 39 letters, enough for the process pool.
for copy in b c; do
  sed "s/^mep-\([0-9]*\),/mep-\1-$copy,/" "$tmp/camp/recipients/meps.csv" >"$tmp/camp/recipients/meps-$copy.csv"
done
frozen generate -w "$tmp/camp" --template mep-appeal-en --format both --out "$tmp/out" --workers 2 \
  >"$tmp/gen.out" 2>"$tmp/gen.err" || fail "generate exited $?: $(tail -5 "$tmp/gen.err")"
summary=$(tail -1 "$tmp/gen.out")
letters=${summary%% letter(s)*}
[[ "$summary" == *" 0 failed, "*"with 2 process(es)"* ]] || fail "generate: $summary"
[ "$letters" -ge 24 ] || fail "only $letters letters: the worker processes were not used"
if grep -qiE "usage:|traceback|error" "$tmp/gen.err"; then fail "generate: $(cat "$tmp/gen.err")"; fi
pdfs=("$tmp"/out/mep-appeal-en/*.pdf)
docxs=("$tmp"/out/mep-appeal-en/*.docx)
[ "${#pdfs[@]}" -eq "$letters" ] && [ "${#docxs[@]}" -eq "$letters" ] \
  || fail "$letters letters but ${#pdfs[@]} PDF and ${#docxs[@]} DOCX files"
ok "generate: $summary"
# The contact log is created by Alembic migrations read from files in the bundle.
[ -f "$tmp/camp/campaign.db" ] || fail "generate created no contact log (campaign.db): are the migrations in the bundle?"
drafted=$(frozen log status -w "$tmp/camp" --query status:drafted 2>&1) || fail "log status: $drafted"
[[ "$drafted" == *"$letters recipient(s)"* ]] || fail "log status after generate: $drafted"
ok "contact log: campaign.db created, $letters letters drafted"

for pdf in "${pdfs[@]}"; do
  text=$(pdftotext -enc UTF-8 "$pdf" -)
  [[ "$text" == *"Zhanara Akhmetova"* ]] || fail "$pdf does not name the person the appeal is about"
done
for docx in "${docxs[@]}"; do
  grep -qa "word/document.xml" "$docx" || fail "$docx is not a Word document"
done
# (Whole outputs into variables: with pipefail, "| grep -q" can fail on SIGPIPE.)
one="$tmp/out/mep-appeal-en/mep-103746_Michal_Šimečka.pdf"
[ -f "$one" ] || fail "no letter for Michal Šimečka"
[[ "$(pdftotext -enc UTF-8 "$one" -)" == *"Dear Mr Šimečka,"* ]] || fail "$one lacks its salutation"
[[ "$(pdffonts "$one")" =~ PTSerif[^$'\n']*" yes " ]] || fail "PT Serif is not embedded in $one"
ok "${#pdfs[@]} PDFs name Zhanara Akhmetova; Šimečka's is greeted by name, in embedded PT Serif"

frozen generate -w "$tmp/camp" --template ukraine-official-appeal-uk --format pdf --out "$tmp/out" \
  >/dev/null 2>"$tmp/gen.err" || fail "generate (uk) exited $?: $(tail -5 "$tmp/gen.err")"
uk=$(ls "$tmp"/out/ukraine-official-appeal-uk/*.pdf | head -1)
[[ "$(pdftotext -enc UTF-8 "$uk" -)" == *"Ахметов"* ]] || fail "$uk lacks the Cyrillic text"
ok "Ukrainian letter: Cyrillic text in $(basename "$uk")"

# A Greek name: the fallback font (Noto Serif, cut by fontTools in the bundle) sets it in
# the PDF and is embedded in the DOCX.
printf '%s\n' 'id,category,honorific,given_name,family_name,gender,position,organisation,country,language,email' \
  'mep-gr,mep,Mr,Γιώργος,Παπαδόπουλος,m,Member of the European Parliament,European Parliament,GR,en,g.papadopoulos@europarl.europa.eu' \
  >"$tmp/camp/recipients/meps-gr.csv"
frozen generate -w "$tmp/camp" --template mep-appeal-en --query Παπαδόπουλος --format both --out "$tmp/gr" \
  >/dev/null 2>"$tmp/gen.err" || fail "generate (Greek) exited $?: $(tail -5 "$tmp/gen.err")"
gr=$(ls "$tmp"/gr/mep-appeal-en/*.pdf | head -1)
[[ "$(pdftotext -enc UTF-8 "$gr" -)" == *"Γιώργος Παπαδόπουλος"* ]] || fail "$gr lacks the Greek name"
[[ "$(pdffonts "$gr")" =~ NotoSerif[^$'\n']*" yes " ]] || fail "Noto Serif is not embedded in $gr"
grep -qa "word/fonts/font" "${gr%.pdf}.docx" || fail "no embedded font in ${gr%.pdf}.docx"
ok "Greek name set in embedded Noto Serif in $(basename "$gr"); the DOCX carries its fonts"

# E-mail from the bundle: a dry run writes .eml files; then, when the test venv is here
# (CI: after the tests), a real send to the tests' STARTTLS + AUTH server on 127.0.0.1,
# whose certificate the frozen app must verify (SSL_CERT_FILE names the test CA), and the
# contact log read back with `log status` and `log report`.
cat >>"$tmp/camp/campaign.yaml" <<YAML
smtp:
  host: 127.0.0.1
  port: 2525
  username: check
  from: appeals@example.org
  rate_per_minute: 6000
YAML
# Forty more Slovak MEPs to write to: a send that long makes its letters in a child process
# (core/campaign/send_ahead.py), which the frozen app must start as it starts the batch's workers.
for i in $(seq 1 40); do
  echo "mep-check-$i,mep,Ms,Test,Sender$i,f,Member of the European Parliament,European Parliament,SK,en,check$i@example.org,,,,,,,,,,"
done >>"$tmp/camp/recipients/meps.csv"
frozen send -w "$tmp/camp" --template mep-appeal-en --query country:SK --dry-run --out "$tmp/mail" \
  >"$tmp/send.out" 2>"$tmp/send.err" || fail "send --dry-run exited $?: $(tail -5 "$tmp/send.err")"
emls=("$tmp"/mail/mep-appeal-en/*.eml)
# (Still the example campaign: its dry-run messages are marked as coming from the made-up sender.)
[ "${#emls[@]}" -ge 1 ] && grep -q "^Subject: \[EXAMPLE\] Urgent: prevent the extradition" "${emls[0]}" \
  || fail "send --dry-run wrote no message: $(cat "$tmp/send.out")"
ok "send --dry-run: ${#emls[@]} .eml file(s) written"
venv_python="$root/.venv/bin/python"
if [ -x "$venv_python" ] && "$venv_python" -c "import aiosmtpd, trustme" 2>/dev/null; then
  coproc SMTP { "$venv_python" -u -c '
import logging, sys, pathlib, tempfile
logging.getLogger("mail.log").setLevel(logging.ERROR)
sys.path.insert(0, sys.argv[1])
from smtp_server import SmtpTestServer
server = SmtpTestServer(pathlib.Path(tempfile.mkdtemp())).start()
print(server.port, server.username, server.password, server.ca_file, flush=True)
sys.stdin.readline()
print(len(server.messages), flush=True)
server.stop()
' "$root/tests"; }
  read -r port user password ca <&"${SMTP[0]}"
  # (A real send refuses the example's made-up sender: this copy stops being the example.)
  sed -i "s/^  port: 2525/  port: $port/; s/^  username: check/  username: $user/; /^example: true/d" \
    "$tmp/camp/campaign.yaml"
  echo "$password" | env -i HOME="$tmp/home" PATH=/nonexistent LANG=C.UTF-8 SSL_CERT_FILE="$ca" "$app" \
    send -w "$tmp/camp" --template mep-appeal-en --query country:SK --yes --password-stdin \
    >"$tmp/send.out" 2>"$tmp/send.err" || fail "send exited $?: $(cat "$tmp/send.out" "$tmp/send.err")"
  echo >&"${SMTP[1]}"
  read -r received <&"${SMTP[0]}"
  [ "$received" = "${#emls[@]}" ] || fail "the server received $received message(s), expected ${#emls[@]}"
  status=$(frozen log status -w "$tmp/camp" --query status:sent)
  [[ "$status" == *"${#emls[@]} recipient(s)"* ]] || fail "log status after sending: $status"
  frozen log report "$tmp/report.pdf" -w "$tmp/camp" >/dev/null || fail "log report"
  [[ "$(pdftotext -enc UTF-8 "$tmp/report.pdf" -)" == *"Contact log"* ]] || fail "the report PDF is empty"
  ok "send over STARTTLS with a verified certificate: $received message(s) received; log status and report"
else
  [ "${CAMPAIGN_APP_REQUIRE_TOOLS:-}" != 1 ] || fail "no test venv at $root/.venv for the real send"
  echo "skip: no test venv at $root/.venv: the real send was not tried (dry run only)"
fi

is_png() { [ "$(head -c 8 "$1" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] && [ "$(stat -c %s "$1")" -gt 20000 ]; }
frozen gui -w "$tmp/camp" --screenshot "$tmp/window.png" --tab compose 2>"$tmp/gui.err" \
  || fail "gui --screenshot exited $?: $(tail -5 "$tmp/gui.err")"
is_png "$tmp/window.png" || fail "the offscreen window was not painted"
ok "the window painted offscreen"
if command -v xvfb-run >/dev/null; then
  xvfb-run -a -s "-screen 0 1600x1000x24" sh -c \
    'exec env -i HOME="$0" DISPLAY="$DISPLAY" XAUTHORITY="${XAUTHORITY:-}" PATH=/nonexistent LANG=C.UTF-8 QT_QPA_PLATFORM=xcb \
       "$1" gui -w "$2" --screenshot "$3"' "$tmp/home" "$app" "$tmp/camp" "$tmp/x11.png" 2>"$tmp/gui.err" \
    || fail "gui on Xvfb exited $?: $(tail -5 "$tmp/gui.err")"
  is_png "$tmp/x11.png" || fail "the window was not painted on the X server"
  ok "the window painted on an X server (xcb)"
else
  echo "skip: xvfb-run is not installed, the window was painted offscreen only"
fi

grep -q "SecretService" "$bundle"/_internal/keyring-*.dist-info/entry_points.txt \
  || fail "keyring's backend list (entry points) is not in the bundle"
ls "$bundle"/_internal/_rl_accel*.so >/dev/null 2>&1 || fail "reportlab's accelerator is not in the bundle"
ok "keyring backends' entry points and reportlab's accelerator are bundled"

desktop-file-validate "$bundle/share/applications/$app_id.desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net "$bundle/share/metainfo/$app_id.metainfo.xml" >"$tmp/as.out" 2>&1 \
  || fail "appstreamcli validate: $(cat "$tmp/as.out")"
ok "launcher and AppStream metainfo validate"

echo "bundle: $(du -sh "$bundle" | cut -f1) in $bundle"
for tarball in "$root"/dist/campaign-app-*-linux-*.tar.gz; do
  [ -e "$tarball" ] && echo "archive: $(du -sh "$tarball" | cut -f1) $tarball"
done
echo "the Linux bundle works"
