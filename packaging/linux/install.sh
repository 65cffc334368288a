#!/usr/bin/env bash
# Install gradsim's desktop integration for the current user: the menu entry, the .gradsim
# file type (double-click opens it in gradsim), the icons and the AppStream metadata, into
# ${XDG_DATA_HOME:-~/.local/share}; then refresh the MIME and desktop databases.
#
#   bash packaging/linux/install.sh                   # the gradsim found on PATH
#   bash packaging/linux/install.sh --exec /opt/gradsim/gradsim   # a frozen app, a venv's gradsim
#
# The desktop entry gets the ABSOLUTE path of that gradsim: a desktop session's PATH often
# lacks ~/.local/bin or a venv. Undo with uninstall.sh beside this script.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/desktop-files.sh"

usage() { echo "usage: bash install.sh [--exec PATH-TO-GRADSIM]" >&2; exit 2; }
exe=""
while [ $# -gt 0 ]; do
  case "$1" in
    --exec) [ $# -ge 2 ] || usage; exe="$2"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) usage ;;
  esac
done
if [ -z "$exe" ]; then
  exe="$(command -v gradsim || true)"
  [ -n "$exe" ] || { echo "gradsim: no gradsim on PATH; give its path with --exec" >&2; exit 1; }
fi
[ -f "$exe" ] && [ -x "$exe" ] || { echo "gradsim: not an executable file: $exe" >&2; exit 1; }
exe="$(cd "$(dirname "$exe")" && pwd)/$(basename "$exe")"  # absolute, symlinks kept

# The icons: beside this script in a frozen app's bundle, else the project's resources/.
icons=""
for candidate in "$here/icons" "$here/../../resources/icons"; do
  if [ -f "$candidate/gradsim.svg" ]; then icons="$(cd "$candidate" && pwd)"; break; fi
done
[ -n "$icons" ] || { echo "gradsim: the icons (gradsim.svg, hicolor/) are not beside $here" >&2; exit 1; }

# Exec's argument quoting (Desktop Entry spec): inside double quotes, escape " ` $ and \;
# the .desktop parser then unescapes \\ once more, hence the doubled backslashes.
quoted="$(printf '%s' "$exe" | sed -e 's/[\\"`$]/\\&/g' -e 's/\\/\\\\/g')"
mkdir -p "$(dirname "$DESKTOP_FILE")" "$(dirname "$MIME_FILE")" "$(dirname "$METAINFO_FILE")"
sed -e "s|^Exec=gradsim |Exec=\"${quoted//|/\\|}\" |" "$here/$APP_ID.desktop" >"$DESKTOP_FILE.tmp"
printf 'TryExec=%s\n' "$exe" >>"$DESKTOP_FILE.tmp"
grep -q '^Exec="' "$DESKTOP_FILE.tmp" || { rm -f "$DESKTOP_FILE.tmp"; echo "gradsim: Exec not rewritten" >&2; exit 1; }
mv "$DESKTOP_FILE.tmp" "$DESKTOP_FILE"
install -m 644 "$here/$APP_ID.mime.xml" "$MIME_FILE"
install -m 644 "$here/$APP_ID.metainfo.xml" "$METAINFO_FILE"
for size in "${ICON_SIZES[@]}"; do
  png="$icons/hicolor/${size}x${size}/apps/gradsim.png"
  install -D -m 644 "$png" "$ICON_THEME/${size}x${size}/apps/gradsim.png"
  install -D -m 644 "$png" "$ICON_THEME/${size}x${size}/mimetypes/application-x-gradsim-session.png"
done
install -D -m 644 "$icons/gradsim.svg" "$ICON_THEME/scalable/apps/gradsim.svg"
install -D -m 644 "$icons/gradsim.svg" "$ICON_THEME/scalable/mimetypes/application-x-gradsim-session.svg"
update_databases
echo "gradsim: desktop entry $DESKTOP_FILE runs $exe; .gradsim files open in it"
