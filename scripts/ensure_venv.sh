# Sourced by launch.sh and test.sh: make .venv if needed and install gradsim into it only
# when something changed (pyproject.toml, the extras asked for, the Python). A stamp per
# extras set in .venv holds the hash it was installed for; the install is editable, so
# edits to the source need no reinstall.
#   ensure_venv ""        # the app
#   ensure_venv "[test]"  # the app and the test tools
ensure_venv() {
  local extras="$1" stamp want
  [ -x .venv/bin/python ] || python3 -m venv .venv
  stamp=".venv/.gradsim-installed${extras:+-${extras//[^a-z]/}}"
  want="$({ cat pyproject.toml; echo "extras=$extras"; .venv/bin/python --version; } | sha256sum | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return 0
  fi
  echo "gradsim: installing into .venv (first run, or pyproject.toml changed)..." >&2
  # pip's and setuptools' chatter goes to a log, shown only when the install fails
  if ! { .venv/bin/python -m pip install -q --upgrade pip && .venv/bin/python -m pip install -q -e ".$extras"; } \
      >.venv/install.log 2>&1; then
    cat .venv/install.log >&2
    echo "gradsim: installing failed (the log above is in .venv/install.log)" >&2
    return 1
  fi
  echo "$want" >"$stamp"
}
