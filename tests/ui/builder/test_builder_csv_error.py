"""A refused CSV file's message goes away once the user is back on a built-in dataset (issue 14:
it stayed under the form after switching back)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from gradsim.engine.config import validate_config  # noqa: E402
from gradsim.ui.builder.panel import BuilderPanel  # noqa: E402
from gradsim.ui.common.fields import find_data  # noqa: E402

pytestmark = pytest.mark.ui

BAD = "x1,x2,label\n0.1,0.2,0\n0.3,0.4\n0.5,0.6,1\n"


@pytest.fixture
def refused(qtbot, tmp_path):
    """A builder that just refused a malformed CSV file (the message is shown)."""
    panel = BuilderPanel(validate_config({}))
    qtbot.addWidget(panel)
    panel.resize(460, 900)
    panel.show()
    bad = tmp_path / "bad.csv"
    bad.write_text(BAD, encoding="utf-8")
    panel.set_file_chooser(lambda parent, caption, filters: str(bad))
    qtbot.mouseClick(panel.dataset_form.load_button, Qt.MouseButton.LeftButton)
    assert "bad.csv" in panel.dataset_form.csv_error()
    assert panel.config()["data"]["kind"] == "circles"
    return panel


def _pick(panel: BuilderPanel, kind: str) -> None:
    """What a click on a dataset in the combo's list does (``activated``, also for the shown one)."""
    combo = panel.fields()[("data", "kind")].combo
    index = find_data(combo, kind)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_picking_the_built_in_dataset_shown_clears_the_csv_error(refused):
    _pick(refused, "circles")  # the combo already shows circles: the user picks it again
    assert refused.dataset_form.csv_error() == ""
    assert refused.dataset_form.load_message.isHidden()


def test_another_built_in_dataset_clears_the_csv_error(refused):
    _pick(refused, "moons")
    assert refused.dataset_form.csv_error() == ""
    assert refused.config()["data"]["kind"] == "moons"


def test_a_data_change_by_undo_or_an_opened_config_clears_the_csv_error(refused):
    refused.set_config(validate_config({"data": {"kind": "xor"}}))  # File > Open config, a lesson
    assert refused.dataset_form.csv_error() == ""


def test_the_message_stays_while_nothing_changed(refused):
    refused.retranslate()  # a language switch re-shows the same draft
    assert "bad.csv" in refused.dataset_form.csv_error()
