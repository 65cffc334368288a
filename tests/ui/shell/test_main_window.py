"""The main window: docks, menus, diagnosis display, screenshots, settings, languages, errors."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import ast  # noqa: E402
import importlib.util  # noqa: E402
import math  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

import gradsim  # noqa: E402
from gradsim import app as app_module  # noqa: E402
from gradsim.engine.diagnosis import ORDER, Diagnosis  # noqa: E402
from gradsim.shipped import examples_dir  # noqa: E402
from gradsim.ui.common import (
    theme,  # noqa: E402
    wording,  # noqa: E402
)
from gradsim.ui.shell.main_window import PANELS  # noqa: E402

pytestmark = pytest.mark.ui

VANISHING = {
    "name": "sigmoid-20",
    "data": {"kind": "circles", "n_samples": 400, "noise": 0.1, "seed": 0},
    "network": {"depth": 20, "width": 8, "activation": "sigmoid", "init": {"kind": "normal", "std": 1.0}},
    "optimizer": {"kind": "sgd", "lr": 0.1},
    "training": {"seed": 0},
}


def _steps(qtbot, window, n: int) -> None:
    """Step the real worker n steps and wait for the acknowledgement."""
    start = window.controller.last_frame.snapshot.step if window.controller.last_frame else 0
    window.controller.step(n)
    qtbot.waitUntil(
        lambda: (
            not window.controller.running
            and window.controller.last_frame is not None
            and window.controller.last_frame.snapshot.step == start + n
        ),
        timeout=20_000,
    )


def _colours(image: QImage, stride: int = 7) -> int:
    seen = set()
    for y in range(0, image.height(), stride):
        for x in range(0, image.width(), stride):
            seen.add(image.pixel(x, y))
    return len(seen)


# ---------------------------------------------------------------------------- structure
def test_every_panel_is_a_dock_and_view_menu_toggles_it(qtbot, make_window):
    window = make_window()
    for spec in PANELS:
        exists = importlib.util.find_spec(spec.module) is not None
        assert (spec.name in window.docks) == exists, spec.name
        if exists:
            dock = window.docks[spec.name]
            assert dock.toggleViewAction().isChecked(), f"{spec.name} dock is not shown"
            assert dock.windowTitle() and dock.toggleViewAction().toolTip()
            assert dock.objectName() == f"dock_{spec.name}"
    assert window.panel_errors == {}
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "&Train", "&Lecture", "&Help"]
    view_actions = window.menus.panels.actions()
    assert len(view_actions) == len(window.docks)
    loss_or_banner = window.docks.get("loss") or window.docks["banner"]
    toggle = loss_or_banner.toggleViewAction()
    toggle.trigger()
    assert loss_or_banner.isHidden()
    toggle.trigger()
    assert not loss_or_banner.isHidden() and loss_or_banner.isVisible()


def test_every_control_has_a_tooltip(make_window):
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox

    window = make_window()
    for panel in (window.controls, window.banner):
        widgets = [
            w for kind in (QAbstractButton, QAbstractSpinBox, QComboBox) for w in panel.findChildren(kind)
        ]
        assert panel is window.banner or len(widgets) >= 10
        for widget in widgets:
            assert widget.toolTip(), (
                f"{type(widget).__name__} {widget.text() if hasattr(widget, 'text') else ''}"
            )
    for action in window.menus.toolbar.actions() + window.menus.train.actions() + window.menus.file.actions():
        assert action.isSeparator() or action.toolTip(), action.text()


# ---------------------------------------------------------------------------- diagnosis on screen
def test_twenty_sigmoid_layers_show_the_vanishing_diagnosis(qtbot, make_window):
    window = make_window(VANISHING)
    _steps(qtbot, window, 30)
    snapshot = window.controller.last_frame.snapshot
    assert snapshot.diagnoses[0].code == "vanishing"
    assert window.banner.severity == "warning"
    assert window.banner.title.text() == "Vanishing gradients"
    assert "Layer 1's gradient is only" in window.banner.evidence.text()
    assert "ReLU" in window.banner.remedies.text()
    assert window.status.diagnosis.text().startswith("Vanishing gradients")
    assert window.status.labels["step"].text() == "Step 30"
    assert window.status.labels["loss"].text().startswith("Loss ")


def test_healthy_run_and_status_bar(qtbot, make_window):
    window = make_window()
    assert window.banner.severity == "idle"
    _steps(qtbot, window, 40)
    assert window.banner.severity == "ok"
    assert window.status.labels["epoch"].text() == f"Epoch {window.controller.last_frame.snapshot.epoch}"
    window.controller.play()
    qtbot.waitUntil(lambda: "steps/s" in window.status.labels["rate"].text(), timeout=10_000)
    window.controller.pause()
    qtbot.waitUntil(lambda: not window.controller.running, timeout=5000)


# ---------------------------------------------------------------------------- screenshots
def test_screenshot_of_the_main_window_is_not_trivial(qtbot, make_window, tmp_path):
    window = make_window()
    window.resize(1400, 900)
    _steps(qtbot, window, 100)
    qtbot.wait(200)
    path = tmp_path / "main_window.png"
    assert window.save_screenshot(str(path))
    image = QImage(str(path))
    assert (image.width(), image.height()) == (1400, 900)
    assert _colours(image) > 60, "the screenshot is nearly a single colour"


def test_screenshot_mode_trains_through_the_worker_and_writes_a_png(tmp_path, capsys):
    out = tmp_path / "shot.png"
    assert app_module.main(["--screenshot", str(out), "--steps", "50"]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1600, 1000)
    assert _colours(image) > 60
    small = tmp_path / "small.png"
    args = ["--screenshot", str(small), "--steps", "20", "--size", "1000x700", "--panel", "histograms"]
    assert app_module.main([*args, "--config", "sigmoid-deep"]) == 0
    assert QImage(str(small)).width() == 1000


def test_the_app_opens_a_config_given_on_the_command_line(qtbot):
    """``gradsim sigmoid-deep`` runs the event loop until the window closes (the last window)."""
    from PySide6.QtCore import QCoreApplication, QEvent, QTimer

    from gradsim.ui.shell.main_window import MainWindow

    app = QApplication.instance()
    seen = {}

    def close_the_window():
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                seen["name"] = widget.controller.config["name"]
                seen["backend"] = widget.controller.backend.kind
                widget.close()  # the last window: Qt quits the event loop
                seen["stopped"] = not widget.controller.alive()

    QTimer.singleShot(500, close_the_window)
    safety = QTimer()
    safety.setSingleShot(True)
    safety.timeout.connect(app.exit)  # never hang the test run
    safety.start(20_000)
    try:
        assert app_module.main(["sigmoid-deep"]) == 0
    finally:
        safety.stop()
        # A Quit event still queued would end every later event loop of this test run at once.
        QCoreApplication.removePostedEvents(app, QEvent.Type.Quit)
    assert seen == {"name": "sigmoid-deep", "backend": "process", "stopped": True}


@pytest.mark.parametrize(
    "args",
    [
        ["--screenshot", "{tmp}/a.png", "--config", "{tmp}/missing.json"],
        ["--screenshot", "{tmp}/a.png", "--size", "big"],
        ["--screenshot", "{tmp}/a.png", "--size", "10x10"],
        ["--screenshot", "{tmp}/a.png", "--panel", "nonsense"],
        ["--screenshot", "{tmp}/a.jpg"],
        ["--screenshot", "{tmp}/no/such/folder/a.png"],
        ["--screenshot", "{tmp}/a.png", "--steps", "-3"],
        ["--screenshot", "{tmp}/a.png", "--config", "{tmp}/bad.json"],
        ["--screenshot", "{tmp}/a.png", "--config", "{tmp}/invalid.json"],
        ["--steps", "5"],
        ["--language", "fr"],
    ],
)
def test_bad_input_is_one_line_and_non_zero(tmp_path, capsys, args):
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "invalid.json").write_text('{"network": {"depth": 2, "width": 0}}', encoding="utf-8")
    argv = [a.format(tmp=tmp_path) for a in args]
    assert app_module.main(argv) != 0
    err = capsys.readouterr().err.strip()
    assert err.startswith("gradsim: error:") and "\n" not in err, err
    assert not (tmp_path / "a.png").exists()


# ---------------------------------------------------------------------------- settings
def test_dock_layout_is_remembered_between_launches(qtbot, make_window):
    first = make_window(persist=True)
    name = "loss" if "loss" in first.docks else "controls"
    first.docks[name].toggleViewAction().trigger()
    assert first.docks[name].isHidden()
    first.close()
    assert QSettings().value("window/state") is not None
    second = make_window(persist=True)
    assert second.docks[name].isHidden()
    assert not second.docks["banner"].isHidden()


def test_theme_font_and_line_scale_are_applied_and_stored(qtbot, make_window):
    import pyqtgraph as pg

    from gradsim.ui.common import plotting

    window = make_window(persist=True)
    app = QApplication.instance()
    base = app.property("gradsim_base_point_size")
    try:
        window.window_actions.theme["dark"].trigger()
        window.window_actions.font[150].trigger()
        window.window_actions.line[200].trigger()
        assert theme.current_theme() == "dark"
        assert app.font().pointSizeF() == pytest.approx(1.5 * base)
        assert plotting.line_scale() == pytest.approx(2.0)
        assert theme.load_preferences() == theme.Preferences("dark", 150, 200)
        assert window.banner.styleSheet().count(theme.severity_colours("dark")["idle"][1]) == 1
        views = window.findChildren(pg.GraphicsView)
        assert views and {v.backgroundBrush().color().name() for v in views} == {"#1e1e1e"}
        legends = [item for v in views for item in v.scene().items() if isinstance(item, pg.LegendItem)]
        assert legends and {item.opts["brush"].color().name() for item in legends} == {"#1e1e1e"}
    finally:
        theme.apply_preferences(theme.Preferences())
    assert theme.current_theme() == "light" and app.font().pointSizeF() == pytest.approx(base)


@pytest.mark.skipif(
    shutil.which("pyside6-lrelease") is None
    and not Path(os.path.dirname(os.sys.executable), "pyside6-lrelease").exists(),
    reason="pyside6-lrelease missing",
)
def test_language_switch_retranslates_every_panel_and_keeps_training(
    qtbot, make_window, tmp_path, monkeypatch
):
    ts = tmp_path / "gradsim_ru.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="ru_RU">'
        "<context><name>MainWindow</name>"
        "<message><source>&amp;File</source><translation>&amp;Файл</translation></message></context>"
        "<context><name>Diagnosis</name>"
        "<message><source>Ready to train</source><translation>Готово к обучению</translation></message>"
        "</context></TS>",
        encoding="utf-8",
    )
    lrelease = Path(os.path.dirname(os.sys.executable), "pyside6-lrelease")
    subprocess.run(
        [str(lrelease), str(ts), "-qm", str(tmp_path / "gradsim_ru.qm")], check=True, capture_output=True
    )
    monkeypatch.setattr(wording, "I18N_DIR", tmp_path)
    window = make_window()
    calls = []
    for name, panel in window.panels.items():
        if hasattr(panel, "retranslate"):
            original = panel.retranslate
            monkeypatch.setattr(panel, "retranslate", lambda o=original, n=name: (calls.append(n), o())[1])
    controller = window.controller
    window.controller.play()
    qtbot.waitUntil(lambda: window.frames_drawn > 3, timeout=10_000)
    try:
        window.window_actions.language["ru"].trigger()
        assert window.menus.file.title() == "&Файл"
        assert set(calls) == {n for n, p in window.panels.items() if hasattr(p, "retranslate")}
        assert window.controller is controller and controller.running
        step = controller.last_frame.snapshot.step
        qtbot.waitUntil(lambda: controller.last_frame.snapshot.step > step, timeout=10_000)
        window.window_actions.language["en"].trigger()
        assert window.menus.file.title() == "&File"
    finally:
        window.language.apply("en")
        controller.pause()
    window.window_actions.language["zh_CN"].trigger()  # no .qm for it: stays English and says so
    assert window.menus.file.title() == "&File"
    assert "简体中文" in window.statusBar().currentMessage()
    window.language.apply("en")


# ---------------------------------------------------------------------------- dialogs and configs
def test_about_box_lists_the_versions(make_window, dialogs):
    import pyqtgraph
    import PySide6
    from PySide6.QtCore import qVersion

    window = make_window()
    window.window_actions.about.trigger()
    kind, title, html = dialogs.calls[-1]
    assert kind == "about"
    for version in (
        gradsim.__version__,
        np.__version__,
        pyqtgraph.__version__,
        qVersion(),
        PySide6.__version__,
    ):
        assert version in html
    assert ".".join(map(str, os.sys.version_info[:3])) in html


def test_open_config_and_a_bad_one_through_the_dialog_service(qtbot, make_window, dialogs, tmp_path):
    window = make_window()
    dialogs.open_answers = [str(examples_dir() / "sigmoid-deep.json")]
    window.window_actions.open.trigger()
    assert window.controller.config["name"] == "sigmoid-deep"
    assert "sigmoid-deep" in window.windowTitle()
    bad = tmp_path / "bad.json"
    bad.write_text('{"network": {"depth": 3, "width": 0}}', encoding="utf-8")
    dialogs.open_answers = [str(bad)]
    window.window_actions.open.trigger()
    kind, title, text, details = dialogs.errors()[-1]
    assert title == "Invalid configuration"
    assert text.startswith("network.width:") and "must be between 1 and" in details
    assert window.controller.config["name"] == "sigmoid-deep", "a bad config leaves the session alone"
    _steps(qtbot, window, 3)


def test_live_learning_rate_from_the_controls(qtbot, make_window):
    window = make_window()
    window.controls.lr_spin.setValue(0.0125)
    assert window.controller.config["optimizer"]["lr"] == pytest.approx(0.0125)
    _steps(qtbot, window, 1)
    assert window.controller.last_frame.snapshot.learning_rate == pytest.approx(0.0125)
    builder = window.panels.get("builder")
    if builder is not None:
        assert builder.config()["optimizer"]["lr"] == pytest.approx(0.0125)
    window.controls.clip_kind.setCurrentIndex(1)
    assert window.controller.config["clipping"] == {"kind": "norm", "max": 1.0}


def test_invalid_builder_disables_training(make_window):
    window = make_window()
    builder = window.panels.get("builder")
    if builder is None:
        pytest.skip("the builder panel does not exist yet")
    builder.validityChanged.emit(False)
    assert not window.controls.play_action.isEnabled() and not window.controls.step_action.isEnabled()
    builder.validityChanged.emit(True)
    assert window.controls.play_action.isEnabled()


def test_weight_edit_in_the_diagram_applies_and_undoes(qtbot, make_window):
    window = make_window()
    diagram, builder = window.panels.get("diagram"), window.panels.get("builder")
    if diagram is None or builder is None:
        pytest.skip("the network diagram or the builder does not exist yet")
    qtbot.waitUntil(lambda: window.controller.last_frame is not None, timeout=5000)
    old = float(window.controller.last_frame.snapshot.weights["layers.0.W"][0, 1])
    diagram.weightEdited.emit("layers.0.W", 0, 1, 3.25)
    qtbot.waitUntil(
        lambda: window.controller.last_frame.snapshot.weights["layers.0.W"][0, 1] == 3.25, timeout=5000
    )
    builder.undo_stack().undo()
    qtbot.waitUntil(
        lambda: window.controller.last_frame.snapshot.weights["layers.0.W"][0, 1] == old, timeout=5000
    )


# ---------------------------------------------------------------------------- wording
def _engine_templates() -> set[str]:
    """Every literal template the engine, session and CLI raise (ConfigError strips its field)."""
    found = set()
    root = Path(gradsim.__file__).parent
    for path in root.rglob("*.py"):
        if "ui" in path.relative_to(root).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            index = {"ConfigError": 2, "DataError": 1, "GradsimError": 1, "StateError": 1}.get(name)
            if index is not None and len(node.args) > index and isinstance(node.args[index], ast.Constant):
                found.add(node.args[index].value)
    return found


def test_every_engine_error_template_has_a_translatable_wording():
    from gradsim.session.errors import MESSAGES

    missing = _engine_templates() - set(wording.ENGINE_ERROR_TEMPLATES)
    assert not missing, f"add to wording.ENGINE_ERROR_TEMPLATES: {sorted(missing)}"
    assert set(MESSAGES.values()) <= set(wording.SESSION_ERROR_TEMPLATES)


def test_error_message_words_config_errors_with_their_field():
    from gradsim.engine.config import validate_config
    from gradsim.engine.errors import ConfigError

    with pytest.raises(ConfigError) as caught:
        validate_config({"network": {"depth": 2, "width": 0}})
    assert wording.error_message(caught.value) == str(caught.value)
    assert wording.error_title(caught.value) == "Invalid configuration"


SAMPLES = {
    "diverged": {"what": "layer 3 gradient", "value": "NaN", "step": 132, "layer": 3},
    "exploding": {"kind": "depth", "layer": 1, "ratio": 3.2e5, "ref_layer": 12},
    "underflow": {"layer": 1, "layers": (1, 2, 3, 5), "all_zero": (1, 2), "zeros": 120, "entries": 136},
    "vanishing": {"layer": 1, "ratio": 3.1e-7, "ref_layer": 20},
    "dead_relu": {"layer": 4, "percent": 62.5},
    "saturated": {"layer": 2, "percent": 93.0, "activation": "tanh"},
    "symmetric": {"layer": 1},
}


@pytest.mark.parametrize("code", ORDER)
def test_every_diagnosis_is_worded_with_its_evidence_and_remedies(code):
    diagnosis = Diagnosis(code, SAMPLES[code])
    evidence = wording.diagnosis_evidence(diagnosis)
    assert "{" not in evidence and code not in evidence
    assert wording.remedies(code) and wording.diagnosis_title(code) != code
    assert "{" not in wording.diagnosis_short(diagnosis)
    if code == "diverged":
        assert "gradient of layer 3" in evidence and "step 132" in evidence
    if "ratio" in SAMPLES[code]:
        assert "10" in evidence  # powers of ten written out
    growth = Diagnosis("exploding", {"kind": "growth", "growth": 2.5e4, "steps": 20})
    assert "20 steps" in wording.diagnosis_evidence(growth)


def test_format_number():
    assert wording.format_number(3.1e-7) == "3.1×10⁻⁷"
    assert wording.format_number(0.25) == "0.25"
    assert wording.format_number(math.nan) == "NaN"
    assert wording.format_number(2.0e5) == "2×10⁵"
