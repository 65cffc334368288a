#!/usr/bin/env bash
# Refresh the translations: pyside6-lupdate collects every translate()/QT_TRANSLATE_NOOP
# string of the gradsim package (today gradsim/ui/*/ and gradsim/app.py: only they may import
# Qt) into resources/i18n/*.ts (existing translations are kept; strings no longer in the code
# are dropped), then pyside6-lrelease compiles the .ts files into the .qm files shipped in the
# package (gradsim/ui/i18n/). Contexts are explicit, so moving a module changes no entry.
#
#   bash scripts/update_translations.sh          # lupdate + lrelease
#   bash scripts/update_translations.sh --release  # lrelease only (after editing a .ts)
#
# New strings arrive as unfinished entries: translate them (Qt Linguist, or
# scripts/fill_translations.py), run this script again and commit the .ts and .qm files;
# tests/ui/test_translations.py fails while an entry is unfinished or a .qm is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=".venv/bin"
[ -x "$bin/pyside6-lupdate" ] || bin="$(dirname "$(command -v pyside6-lupdate)")"
languages=(zh_CN ru)
sources=(gradsim)  # the whole package, so no new folder is missed; tests/ui/test_translations.py reads this line
mkdir -p resources/i18n gradsim/ui/i18n
if [ "${1:-}" != "--release" ]; then
  for lang in "${languages[@]}"; do
    "$bin/pyside6-lupdate" -silent -extensions py -locations none -no-obsolete -target-language "$lang" \
      "${sources[@]}" -ts "resources/i18n/gradsim_${lang}.ts"
  done
fi
for lang in "${languages[@]}"; do
  "$bin/pyside6-lrelease" -silent "resources/i18n/gradsim_${lang}.ts" -qm "gradsim/ui/i18n/gradsim_${lang}.qm"
done
