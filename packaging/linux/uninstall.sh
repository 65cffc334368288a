#!/usr/bin/env bash
# Remove what install.sh put in ${XDG_DATA_HOME:-~/.local/share} (the menu entry, the
# .gradsim file type, the icons, the AppStream metadata) and refresh the databases.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/desktop-files.sh"

rm -f "$DESKTOP_FILE" "$MIME_FILE" "$METAINFO_FILE"
while IFS= read -r file; do rm -f "$file"; done < <(icon_files)
update_databases
echo "gradsim: desktop integration removed from $DATA_HOME"
