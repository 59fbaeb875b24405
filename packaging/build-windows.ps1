# Build the Windows desktop app: dist\campaign-app\ (one folder; campaign-app.exe opens the
# window when double-clicked, campaign-app-cli.exe is the command line) and
# dist\campaign-app-VERSION-windows-x64.zip of that folder. NOT RUN YET: written and reviewed
# on Linux, where Windows cannot be built (see README, "Installers").
#
#     powershell -ExecutionPolicy Bypass -File packaging\build-windows.ps1
#
# Fresh venv in build\packaging-venv with the project and PyInstaller; icons rendered from
# packaging\icons\campaign-app.svg into build\icons (campaign-app.ico for the .exe); then
# PyInstaller with packaging\campaign-app.spec, which also writes the version resource
# (Properties ▸ Details) from campaign_app.__version__. $env:PYTHON picks the interpreter
# (default: py -3, the Python launcher; Python 3.11 or newer, 64-bit).
$ErrorActionPreference = "Stop"
$root = Split-Path -Parent $PSScriptRoot
Set-Location $root

function Invoke-Checked {
    param([string]$Exe, [Parameter(ValueFromRemainingArguments = $true)][string[]]$Arguments)
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

$venv = "build\packaging-venv"
foreach ($dir in @($venv, "build\pyinstaller", "build\icons", "dist\campaign-app")) {
    if (Test-Path $dir) { Remove-Item -Recurse -Force $dir }
}
if ($env:PYTHON) { Invoke-Checked $env:PYTHON -m venv $venv } else { Invoke-Checked py -3 -m venv $venv }
$py = "$venv\Scripts\python.exe"
Invoke-Checked $py -m pip install --quiet --upgrade pip
Invoke-Checked $py -m pip install --quiet ".[packaging]"

$version = (& $py -c "import campaign_app; print(campaign_app.__version__)").Trim()
Invoke-Checked $py packaging\make_icons.py build\icons
$env:CAMPAIGN_APP_ICON_DIR = Join-Path $root "build\icons"
Invoke-Checked "$venv\Scripts\pyinstaller.exe" --noconfirm --clean --log-level WARN `
    --distpath dist --workpath build\pyinstaller packaging\campaign-app.spec

Invoke-Checked dist\campaign-app\campaign-app-cli.exe --version
$zip = "dist\campaign-app-$version-windows-x64.zip"
if (Test-Path $zip) { Remove-Item -Force $zip }
Compress-Archive -Path dist\campaign-app -DestinationPath $zip
$size = "{0:N0} MB" -f ((Get-ChildItem -Recurse dist\campaign-app | Measure-Object -Sum Length).Sum / 1MB)
Write-Host "built dist\campaign-app ($size) and $zip"
