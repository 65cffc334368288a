"""The network builder: a network built through the widgets, validation at the field, undo/redo,
apply-to-all, CSV loading, and a screenshot."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from gradsim.engine.config import validate_config  # noqa: E402
from gradsim.ui.builder.panel import BuilderPanel  # noqa: E402
from gradsim.ui.common.fields import find_data  # noqa: E402

pytestmark = pytest.mark.ui


@pytest.fixture
def panel(qtbot):
    widget = BuilderPanel(validate_config({}))
    qtbot.addWidget(widget)
    widget.resize(460, 1400)
    return widget


class Recorder:
    """Collects the panel's signals."""

    def __init__(self, panel: BuilderPanel) -> None:
        self.configs: list[dict] = []
        self.validity: list[bool] = []
        panel.configChanged.connect(self.configs.append)
        panel.validityChanged.connect(self.validity.append)


def field(panel: BuilderPanel, *path):
    return panel.fields()[tuple(path)]


def choose(panel: BuilderPanel, path: tuple, value) -> None:
    combo = field(panel, *path).combo
    index = find_data(combo, value)
    assert index >= 0, f"{value!r} is not offered at {path}"
    combo.setCurrentIndex(index)


def type_into(qtbot, panel: BuilderPanel, path: tuple, text: str) -> None:
    line_edit = field(panel, *path).line_edit
    line_edit.setFocus()
    line_edit.selectAll()  # the first keystroke replaces the old text, as when a user types
    if text:
        qtbot.keyClicks(line_edit, text)
    else:
        qtbot.keyClick(line_edit, Qt.Key.Key_Backspace)


def message_at(panel: BuilderPanel, *path) -> str:
    box = field(panel, *path)
    return box.error()


# --------------------------------------------------------------------------- building a network
def test_network_built_through_the_widgets_is_the_expected_validated_config(qtbot, panel):
    seen = Recorder(panel)
    choose(panel, ("data", "kind"), "moons")
    for _ in range(3):
        qtbot.mouseClick(panel.layer_table.buttons["add"], Qt.MouseButton.LeftButton)
    assert len(panel.layer_table.rows) == 6
    field(panel, "network", "layers", 3, "activation").combo.setCurrentText("tanh")
    type_into(qtbot, panel, ("network", "layers", 5, "width"), "16")
    choose(panel, ("network", "init", "kind"), "xavier_normal")
    type_into(qtbot, panel, ("network", "init", "gain"), "1.5")
    choose(panel, ("optimizer", "kind"), "adam")
    type_into(qtbot, panel, ("optimizer", "lr"), "0.01")
    type_into(qtbot, panel, ("training", "batch_size"), "0")

    layers = [{"width": 8}] * 3 + [{"width": 8, "activation": "tanh"}, {"width": 8}, {"width": 16}]
    expected = validate_config(
        {
            "data": {"kind": "moons"},
            "network": {"layers": layers, "init": {"kind": "xavier_normal", "gain": 1.5}},
            "optimizer": {"kind": "adam", "lr": 0.01},
            "training": {"batch_size": 0},
        }
    )
    assert panel.is_valid(), panel.error_text()
    assert panel.config() == expected
    assert seen.configs[-1] == expected
    assert seen.validity == [False, True]  # only while "0.01" was typed ("0" is no learning rate)
    assert all(
        layer["init"] == {"kind": "xavier_normal", "gain": 1.5} for layer in expected["network"]["layers"]
    )


def test_config_changed_is_emitted_once_per_distinct_config(qtbot, panel):
    seen = Recorder(panel)
    type_into(qtbot, panel, ("optimizer", "lr"), "0.25")  # "0" is invalid, "0." too, then 0.2, 0.25
    assert [c["optimizer"]["lr"] for c in seen.configs] == [0.2, 0.25]
    line_edit = field(panel, "optimizer", "lr").line_edit
    line_edit.end(False)
    qtbot.keyClicks(line_edit, "0")  # "0.250": the same value, nothing new
    assert line_edit.text() == "0.250"
    assert len(seen.configs) == 2


# --------------------------------------------------------------------------- invalid input
@pytest.mark.parametrize(
    ("path", "text", "words"),
    [
        (("network", "layers", 0, "width"), "0", "must be between 1 and 4096, got 0"),
        (("optimizer", "lr"), "-1", "must be a positive number"),
        (("optimizer", "lr"), "", "enter a number"),
        (("optimizer", "lr"), "abc", "'abc' is not a number"),
        (("data", "noise"), "2", "must be between 0.0 and 1.0"),
        (("training", "batch_size"), "-2", "must be between 0 and 1000000"),
        (("training", "seed"), "2.5", "must be an integer, got 2.5"),
    ],
)
def test_invalid_value_is_refused_at_the_field_and_fixing_it_reenables(qtbot, panel, path, text, words):
    seen = Recorder(panel)
    before = panel.config()
    type_into(qtbot, panel, path, text)
    box = field(panel, *path)
    assert words in box.error()
    assert box.editor.property("invalid") is True
    assert seen.validity[-1] is False
    assert not panel.is_valid()
    assert words in panel.error_text()
    last_valid = seen.configs[-1] if seen.configs else before  # typing "2.5" passed through "2"
    assert panel.config() == last_valid
    if path[:2] == ("network", "layers"):
        assert words in panel.layer_table.message.message()
        assert words in box.editor.toolTip()
    else:
        assert not box.message_label.isHidden()
        assert words in box.message_label.text()

    type_into(qtbot, panel, path, "3" if path[-1] in ("width", "batch_size", "seed") else "0.3")
    assert seen.validity[-2:] == [False, True]
    assert panel.is_valid()
    assert box.error() == "" and box.editor.property("invalid") is False
    assert box.message_label.isHidden()


def test_clipping_limit_zero_is_refused(qtbot, panel):
    seen = Recorder(panel)
    assert not field(panel, "clipping", "max").isEnabled()  # no limit without clipping
    choose(panel, ("clipping", "kind"), "norm")
    assert panel.config()["clipping"] == {"kind": "norm", "max": 1.0}
    type_into(qtbot, panel, ("clipping", "max"), "0")
    assert "clipping.max: must be a positive number, got 0" in message_at(panel, "clipping", "max")
    assert seen.validity == [False]
    assert panel.config()["clipping"] == {"kind": "norm", "max": 1.0}
    choose(panel, ("clipping", "kind"), "none")  # a disabled limit no longer matters
    assert panel.is_valid() and seen.validity == [False, True]
    assert panel.config()["clipping"] == {"kind": "none"}


def test_two_invalid_sections_are_flagged_at_once(qtbot, panel):
    type_into(qtbot, panel, ("optimizer", "lr"), "-1")
    type_into(qtbot, panel, ("network", "layers", 1, "width"), "0")
    type_into(qtbot, panel, ("regularization", "l2"), "-0.5")
    assert "positive" in message_at(panel, "optimizer", "lr")
    assert "network.layers[2].width" in message_at(panel, "network", "layers", 1, "width")
    assert "regularization.l2" in message_at(panel, "regularization", "l2")
    assert len(panel.errors()) == 3


def test_loss_that_does_not_fit_the_task_is_refused_at_the_loss(qtbot, panel):
    choose(panel, ("data", "kind"), "sine")
    assert panel.is_valid()
    choose(panel, ("loss",), "bce")
    assert "bce does not fit a regression dataset" in message_at(panel, "loss")
    assert not panel.is_valid()
    choose(panel, ("loss",), "mse")
    assert panel.is_valid()


def test_maxout_parameter_is_checked_in_its_cell(qtbot, panel):
    choose(panel, ("network", "layers", 0, "activation"), "maxout")
    assert panel.config()["network"]["layers"][0]["activation_params"] == {"k": 2}
    type_into(qtbot, panel, ("network", "layers", 0, "activation_params", "k"), "1")
    assert "must be an integer >= 2" in message_at(panel, "network", "layers", 0, "activation_params", "k")
    type_into(qtbot, panel, ("network", "layers", 0, "activation_params", "k"), "3")
    assert panel.is_valid()
    assert panel.config()["network"]["layers"][0]["activation_params"] == {"k": 3}


# --------------------------------------------------------------------------- undo / redo
def test_undo_restores_the_previous_config_and_redo_redoes(qtbot, panel):
    seen = Recorder(panel)
    stack = panel.undo_stack()
    original = panel.config()
    type_into(qtbot, panel, ("optimizer", "lr"), "0.5")
    assert stack.count() == 1  # the keystrokes are one command
    qtbot.mouseClick(panel.layer_table.buttons["add"], Qt.MouseButton.LeftButton)
    edited = panel.config()
    assert len(edited["network"]["layers"]) == 4 and edited["optimizer"]["lr"] == 0.5

    stack.undo()
    assert len(panel.config()["network"]["layers"]) == 3
    assert len(panel.layer_table.rows) == 3
    stack.undo()
    assert panel.config() == original
    assert seen.configs[-1] == original
    assert field(panel, "optimizer", "lr").line_edit.text() == "0.1"
    stack.redo()
    stack.redo()
    assert panel.config() == edited
    assert field(panel, "optimizer", "lr").line_edit.text() == "0.5"


def test_undo_of_an_invalid_edit_restores_validity(qtbot, panel):
    seen = Recorder(panel)
    type_into(qtbot, panel, ("network", "layers", 2, "width"), "0")
    assert seen.validity == [False]
    panel.undo_stack().undo()
    assert seen.validity == [False, True]
    assert field(panel, "network", "layers", 2, "width").line_edit.text() == "8"


def test_kind_switch_is_undoable(qtbot, panel):
    choose(panel, ("optimizer", "kind"), "rmsprop")
    assert panel.config()["optimizer"]["kind"] == "rmsprop"
    assert panel.config()["optimizer"]["lr"] == 0.1  # the learning rate is kept
    assert ("optimizer", "centered") in panel.fields()
    panel.undo_stack().undo()
    assert panel.config()["optimizer"]["kind"] == "sgd"
    assert ("optimizer", "centered") not in panel.fields()
    assert field(panel, "optimizer", "kind").value() == "sgd"


# --------------------------------------------------------------------------- layer operations
def _widths(panel):
    return [layer["width"] for layer in panel.config()["network"]["layers"]]


def test_layer_operations(qtbot, panel):
    table = panel.layer_table
    type_into(qtbot, panel, ("network", "layers", 0, "width"), "4")
    type_into(qtbot, panel, ("network", "layers", 2, "width"), "6")
    assert _widths(panel) == [4, 8, 6]
    table.select_row(0)
    qtbot.mouseClick(table.buttons["duplicate"], Qt.MouseButton.LeftButton)
    assert _widths(panel) == [4, 4, 8, 6]
    table.select_row(3)
    qtbot.mouseClick(table.buttons["up"], Qt.MouseButton.LeftButton)
    assert _widths(panel) == [4, 4, 6, 8]
    assert table.current_row() == 2
    qtbot.mouseClick(table.buttons["down"], Qt.MouseButton.LeftButton)
    assert _widths(panel) == [4, 4, 8, 6]
    table.select_row(0)
    qtbot.mouseClick(table.buttons["remove"], Qt.MouseButton.LeftButton)
    assert _widths(panel) == [4, 8, 6]
    assert panel.is_valid()


def test_apply_to_all(qtbot, panel):
    table = panel.layer_table
    choose(panel, ("network", "layers", 1, "activation"), "leaky_relu")
    type_into(qtbot, panel, ("network", "layers", 1, "activation_params", "slope"), "0.2")
    choose(panel, ("network", "layers", 1, "norm"), "batch")
    type_into(qtbot, panel, ("network", "layers", 1, "width"), "12")
    table.select_row(1)
    table.apply_actions["activation"].trigger()
    table.apply_actions["norm"].trigger()
    table.apply_actions["width"].trigger()
    layers = panel.config()["network"]["layers"]
    assert [layer["activation"] for layer in layers] == ["leaky_relu"] * 3
    assert [layer["activation_params"] for layer in layers] == [{"slope": 0.2}] * 3
    assert [layer["norm"] for layer in layers] == ["batch"] * 3
    assert [layer["width"] for layer in layers] == [12] * 3
    panel.undo_stack().undo()  # the width copy only
    assert _widths(panel) == [8, 12, 8]


# --------------------------------------------------------------------------- CSV
def test_malformed_csv_shows_the_data_error_inline_and_keeps_the_dataset(qtbot, panel, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("x1,x2,label\n0.1,0.2,0\n0.3,0.4\n0.5,0.6,1\n0.7,0.8,1\n0.9,1.0,0\n", encoding="utf-8")
    seen = Recorder(panel)
    panel.set_file_chooser(lambda parent, caption, filters: str(bad))
    qtbot.mouseClick(panel.dataset_form.load_button, Qt.MouseButton.LeftButton)
    message = panel.dataset_form.csv_error()
    assert "bad.csv" in message and "line 3: expected 3 columns, found 2" in message
    assert not panel.dataset_form.load_message.isHidden()
    assert panel.config()["data"]["kind"] == "circles"
    assert panel.is_valid() and seen.validity == [] and seen.configs == []
    assert field(panel, "data", "kind").value() == "circles"


def test_csv_from_the_dialog_service_becomes_the_dataset(qtbot, panel, tmp_path, dialogs):
    good = tmp_path / "good.csv"
    rows = [f"{i / 10:.1f},{(i * 7 % 10) / 10:.1f},{i % 2}" for i in range(20)]
    good.write_text("a,b,label\n" + "\n".join(rows) + "\n", encoding="utf-8")
    dialogs.open_answers.append(str(good))
    choose(panel, ("data", "kind"), "csv")  # choosing "CSV file..." opens the file dialog
    assert ("open_file", "Load CSV data") in dialogs.calls
    data = panel.config()["data"]
    assert data["kind"] == "csv" and data["path"] == str(good)
    assert panel.dataset_form.file_label.text() == "good.csv"
    assert panel.is_valid()
    assert panel.dataset_form.scatter.data.size == 16  # 20 rows, 4 held out for the test set
    panel.undo_stack().undo()
    assert panel.config()["data"]["kind"] == "circles"


def test_cancelled_csv_dialog_keeps_the_dataset(qtbot, panel, dialogs):
    choose(panel, ("data", "kind"), "csv")
    assert field(panel, "data", "kind").value() == "circles"
    assert panel.undo_stack().count() == 0


# --------------------------------------------------------------------------- the rest
def test_set_config_is_shown_and_undoable(qtbot, panel):
    from gradsim.shipped import load_config

    seen = Recorder(panel)
    type_into(qtbot, panel, ("optimizer", "lr"), "0.3")
    edited = panel.config()
    config = validate_config(load_config("sigmoid-deep"))
    panel.set_config(config)
    assert panel.config() == config
    assert seen.configs[-1] == config
    assert len(panel.layer_table.rows) == len(config["network"]["layers"])
    assert field(panel, "network", "init", "kind").value() == "normal"
    count = panel.undo_stack().count()
    panel.set_config(config)  # the same config again: no new command, no signal
    assert panel.undo_stack().count() == count and seen.configs[-1] == config
    panel.undo_stack().undo()
    assert panel.config() == edited
    panel.set_config(config, undoable=False)
    assert panel.undo_stack().count() == 0 and panel.config() == config


def test_retranslate_keeps_the_state(qtbot, panel):
    type_into(qtbot, panel, ("optimizer", "lr"), "-2")
    before = panel.errors()
    panel.retranslate()
    assert panel.errors() == before
    assert panel.groups["layers"].title() == "Layers"


def test_every_control_has_a_tooltip_that_says_why_it_matters(panel):
    for path, box in panel.fields().items():
        assert box.editor.toolTip(), path
    for button in [*panel.layer_table.buttons.values(), panel.layer_table.apply_button]:
        assert button.toolTip()
    init = field(panel, "network", "init", "kind").combo
    assert "keeps ReLU activations' variance constant" in init.toolTip()  # he_normal is chosen
    xavier = init.itemData(find_data(init, "xavier_normal"), Qt.ItemDataRole.ToolTipRole)
    assert "With ReLU it halves the variance" in xavier
    sigmoid = field(panel, "network", "layers", 0, "activation").combo
    assert "at most 1/4" in sigmoid.itemData(find_data(sigmoid, "sigmoid"), Qt.ItemDataRole.ToolTipRole)


def test_screenshot(qtbot, panel, tmp_path):
    type_into(qtbot, panel, ("optimizer", "lr"), "-1")
    panel.show()
    qtbot.waitExposed(panel)
    image = panel.grab()
    path = tmp_path / "builder.png"
    assert image.save(str(path))
    assert path.stat().st_size > 10_000
