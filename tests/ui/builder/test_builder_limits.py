"""The builder shows the memory budget and BatchNorm's batch rule before Train: the engine's
ConfigErrors from validation appear at their field (or below the form) and Train stays off."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from gradsim.engine.budget import BUDGET_VARIABLE  # noqa: E402
from gradsim.engine.config import validate_config  # noqa: E402
from gradsim.ui.builder.panel import BuilderPanel  # noqa: E402
from tests.ui.builder.test_builder import choose, message_at, type_into  # noqa: E402

pytestmark = pytest.mark.ui


@pytest.fixture
def panel(qtbot):
    widget = BuilderPanel(validate_config({}))
    qtbot.addWidget(widget)
    widget.resize(460, 1400)
    return widget


def test_a_network_over_the_memory_budget_is_shown_before_train(qtbot, panel, monkeypatch):
    monkeypatch.setenv(BUDGET_VARIABLE, "1GB")
    type_into(qtbot, panel, ("network", "layers", 1, "width"), "4096")
    assert panel.is_valid()  # 8 x 4096 x 2 weights fit
    type_into(qtbot, panel, ("network", "layers", 2, "width"), "4096")  # 4096 x 4096 do not
    assert not panel.is_valid()
    shown = panel.general_message.text()
    assert not panel.general_message.isHidden()
    assert shown.startswith("⚠ network: needs about ") and "weights 135 MB" in shown
    assert shown.endswith("more than the budget of 1 GB (GRADSIM_MEMORY_BUDGET=1GB)")
    type_into(qtbot, panel, ("network", "layers", 2, "width"), "8")
    assert panel.is_valid() and panel.general_message.isHidden()


def test_maxout_pieces_are_bounded_in_their_cell(qtbot, panel):
    choose(panel, ("network", "layers", 0, "activation"), "maxout")
    type_into(qtbot, panel, ("network", "layers", 0, "activation_params", "k"), "1000000")
    message = message_at(panel, "network", "layers", 0, "activation_params", "k")
    assert "must be between 2 and 16, got 1000000" in message
    assert not panel.is_valid()


def test_batchnorm_with_batches_of_one_is_shown_at_the_batch_size(qtbot, panel):
    choose(panel, ("network", "layers", 0, "norm"), "batch")
    type_into(qtbot, panel, ("training", "batch_size"), "1")
    assert "BatchNorm needs at least 2 samples per training batch, got 1" in message_at(
        panel, "training", "batch_size"
    )
    assert not panel.is_valid()
    type_into(qtbot, panel, ("training", "batch_size"), "2")
    assert panel.is_valid()
