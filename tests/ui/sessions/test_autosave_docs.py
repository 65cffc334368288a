"""The autosave interval is documented where users look (issue 14): README's "Using the app" and
the session docs name the default and the QSettings key the code uses."""

from __future__ import annotations

from pathlib import Path

import pytest

from gradsim.ui.sessions.autosave import DEFAULT_MINUTES, MINUTES_KEY

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize("document", ["README.md", "docs/session-format.md"])
def test_the_autosave_interval_and_its_setting_are_documented(document):
    text = " ".join((ROOT / document).read_text(encoding="utf-8").split())
    assert f"every {DEFAULT_MINUTES:g} minutes by default" in text
    assert MINUTES_KEY in text
    assert "no settings dialog" in text
