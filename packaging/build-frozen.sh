#!/usr/bin/env bash
# Build the one-folder frozen gradsim with PyInstaller and check it with its own smoke test:
#
#   bash packaging/build-frozen.sh            # -> dist/gradsim/gradsim (run it, or install.sh)
#
# A build venv (build/frozen-venv, kept between builds) gets PyInstaller and gradsim itself,
# installed from this checkout NOT editable (the resources become package data, as in a
# wheel); packaging/gradsim.spec says what goes in and what Qt parts are left out. The
# desktop files and icons are copied beside the app (dist/gradsim/linux-desktop/install.sh).
# Then `dist/gradsim/gradsim --smoke-test` runs offscreen: a lesson, 10 steps trained in
# the spawned process, an exported PNG. CI runs this only with GRADSIM_BUILD_FROZEN=1.
set -euo pipefail
cd "$(dirname "$0")/.."
export PIP_DISABLE_PIP_VERSION_CHECK=1
venv="$(realpath -m "${GRADSIM_FROZEN_VENV:-build/frozen-venv}")"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
echo "build-frozen: installing PyInstaller and gradsim into $venv (log: $venv/install.log)"
if ! "$venv/bin/python" -m pip install -q "pyinstaller>=6.10,<7" . >"$venv/install.log" 2>&1; then
  cat "$venv/install.log" >&2
  exit 1
fi
rm -rf dist/gradsim
root="$PWD"
mkdir -p build/pyinstaller
start=$(date +%s)
# From outside the checkout: in it, `python -m` would find the checkout's gradsim (no
# resources inside) before the installed one.
(cd build/pyinstaller && "$venv/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$root/dist" --workpath "$root/build/pyinstaller" "$root/packaging/gradsim.spec")
echo "build-frozen: PyInstaller took $(( $(date +%s) - start )) s"

desktop=dist/gradsim/linux-desktop
mkdir -p "$desktop"
cp packaging/linux/*.desktop packaging/linux/*.xml packaging/linux/*.sh "$desktop/"
cp -r resources/icons "$desktop/icons"
echo "build-frozen: $(du -sh dist/gradsim | cut -f1) in dist/gradsim"

QT_QPA_PLATFORM=offscreen dist/gradsim/gradsim --smoke-test build/frozen-smoke-test.png
