# Sourced by install.sh and uninstall.sh: where gradsim's desktop integration goes in a
# user's data folder (the XDG base directory spec), one list for both scripts.
APP_ID=org.gradsim.Gradsim
ICON_SIZES=(16 22 24 32 48 64 128 256 512)  # packaging/linux/make_icons.py renders these
DATA_HOME="${XDG_DATA_HOME:-$HOME/.local/share}"
DESKTOP_FILE="$DATA_HOME/applications/$APP_ID.desktop"
MIME_FILE="$DATA_HOME/mime/packages/$APP_ID.xml"
METAINFO_FILE="$DATA_HOME/metainfo/$APP_ID.metainfo.xml"
ICON_THEME="$DATA_HOME/icons/hicolor"

# Every icon file: the app's icon at each size and as SVG, the same picture for the session type.
icon_files() {
  local size
  for size in "${ICON_SIZES[@]}"; do
    echo "$ICON_THEME/${size}x${size}/apps/gradsim.png"
    echo "$ICON_THEME/${size}x${size}/mimetypes/application-x-gradsim-session.png"
  done
  echo "$ICON_THEME/scalable/apps/gradsim.svg"
  echo "$ICON_THEME/scalable/mimetypes/application-x-gradsim-session.svg"
}

# Refresh the caches that exist on this system (each tool is optional; a missing one is said).
update_databases() {
  if command -v update-mime-database >/dev/null; then
    update-mime-database "$DATA_HOME/mime"
  else
    echo "gradsim: update-mime-database not found (Debian: shared-mime-info); .gradsim files are not registered yet" >&2
  fi
  if command -v update-desktop-database >/dev/null; then
    update-desktop-database -q "$DATA_HOME/applications"
  fi
  if command -v gtk-update-icon-cache >/dev/null && [ -f "$ICON_THEME/index.theme" ]; then
    gtk-update-icon-cache -q -t -f "$ICON_THEME" || true
  fi
}
