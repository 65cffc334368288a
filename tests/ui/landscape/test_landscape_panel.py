"""The landscape panel: races on analytic surfaces and slices of the network's loss.

Real mouse clicks on the surface plot, real timers animating the race, real worker threads
for slices (waited for with ``qtbot.waitUntil`` on GUI-side state: ``waitSignal`` on a
worker-thread signal can hang, pytest-qt #649). OpenGL is switched off: the 3-D view is
optional and the tests check the 2-D fallback.
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["GRADSIM_NO_OPENGL"] = "1"

import json  # noqa: E402
import threading  # noqa: E402
from dataclasses import replace  # noqa: E402

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from gradsim.engine.trainer import Trainer  # noqa: E402
from gradsim.shipped import load_config  # noqa: E402
from gradsim.ui.landscape import analytic as landscape_analytic  # noqa: E402
from gradsim.ui.landscape import network_slice_view  # noqa: E402
from gradsim.ui.landscape import three_d as landscape_three_d  # noqa: E402
from gradsim.ui.landscape import worker as landscape_worker  # noqa: E402
from gradsim.ui.landscape.panel import LandscapePanel, configure_race  # noqa: E402
from gradsim.ui.landscape.race import OptimizerSettings  # noqa: E402
from gradsim.ui.landscape.worker import TaskRunner, TrainerCopy  # noqa: E402

pytestmark = [pytest.mark.ui, pytest.mark.timeout(60)]


@pytest.fixture
def panel(qtbot):
    widget = LandscapePanel()
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.shutdown()


@pytest.fixture(scope="module")
def trained():
    trainer = Trainer(load_config("relu-he"))
    trainer.run(300)
    return trainer


def _set_rows(panel, *changes):
    """Replace the racers' settings (one dict of changes per row) and recompute at once."""
    table = panel.analytic.optimizers
    rows = table.settings()
    table.set_settings([replace(row, **change) for row, change in zip(rows, changes, strict=True)])
    panel.analytic.recompute(background=False)


def _cell(panel, row, column):
    return panel.analytic.results.item(row, column).text()


def _qpointf(x, y):
    from PySide6.QtCore import QPointF

    return QPointF(x, y)


def _viewport_pixel(view, x, y):
    """The viewport pixel where the data point (x, y) is drawn."""
    return view.mapFromScene(view.view_box.mapViewToScene(_qpointf(x, y)))


# ============================================================================ analytic surface
def test_a_click_on_the_surface_sets_the_start_point(panel, qtbot):
    analytic = panel.analytic
    view = analytic.view
    qtbot.wait(50)
    target = (1.0, -1.5)
    pixel = _viewport_pixel(view, *target)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pixel)
    qtbot.waitUntil(lambda: abs(view.start()[0] - target[0]) < 0.05, timeout=3000)
    x, y = view.start()
    size = view.pixel_size()
    assert abs(x - target[0]) <= 2 * size[0] and abs(y - target[1]) <= 2 * size[1]
    start = analytic.computation.trajectories[0].start
    assert start == pytest.approx((x, y))
    assert analytic.computation.trajectories[0].positions[0] == pytest.approx([x, y])


def test_dragging_the_start_marker_recomputes_every_path(panel, qtbot):
    analytic = panel.analytic
    analytic.view.start_marker.setPos(_qpointf(-1.0, 1.0))  # what a drag does, step by step
    qtbot.waitUntil(lambda: analytic.computation.request.start == pytest.approx((-1.0, 1.0)), timeout=3000)
    assert all(t.start == pytest.approx((-1.0, 1.0)) for t in analytic.computation.trajectories)


def test_a_ravine_race_animates_and_momentum_converges_in_fewer_steps(panel, qtbot):
    configure_race(panel, "ravine", ["sgd", "momentum"], 400)
    analytic = panel.analytic
    outcomes = analytic.results.outcomes()
    sgd_steps, momentum_steps = (o.summary.steps_to_converge for o in outcomes)
    assert momentum_steps is not None and sgd_steps is not None
    assert momentum_steps < sgd_steps
    assert int(_cell(panel, 1, 1)) < int(_cell(panel, 0, 1))  # what the table shows
    assert _cell(panel, 1, 5) == "converged"

    analytic.reset()
    assert analytic.index == 0
    before = analytic.view.race.current.copy()
    analytic.set_speed(20)  # at most 5 steps per (0.25 s capped) tick: index 5 and 15 are distinct frames
    analytic.play()
    qtbot.waitUntil(lambda: analytic.index >= 5, timeout=5000)
    middle = analytic.view.race.current.copy()
    qtbot.waitUntil(lambda: analytic.index >= 15, timeout=5000)
    after = analytic.view.race.current.copy()
    analytic.pause()
    assert not np.allclose(before, middle) and not np.allclose(middle, after)
    trail = analytic.view.race.trails[0].getData()[0]
    assert len(trail) == min(analytic.index, 400) + 1
    index = analytic.index
    analytic.step_once()
    assert analytic.index == index + 1 and not analytic.playing
    curve_x = analytic.value_plot.curves[0].getData()[0]
    assert curve_x[-1] == analytic.index


def test_the_cliff_demo_marks_clipping_events(panel, qtbot):
    configure_race(panel, "cliff", ["sgd", "sgd"], 100)
    _set_rows(panel, {"lr": 0.1}, {"lr": 0.1, "clip": 1.0})
    analytic = panel.analytic
    analytic.show_index(analytic.max_index())
    clipped_markers = [len(item.data) for item in analytic.view.race.clip_items]
    assert clipped_markers[0] == 0 and clipped_markers[1] > 10
    assert _cell(panel, 0, 4) == "0" and int(_cell(panel, 1, 4)) > 10
    unclipped, clipped = analytic.computation.trajectories
    jumps = [np.max(np.hypot(*t.updates[: t.steps_taken].T)) for t in (unclipped, clipped)]
    assert jumps[0] > 1.0 and jumps[1] <= 0.1 * 1.0 + 1e-12  # a clipped SGD step is at most lr * c


def test_a_diverging_learning_rate_is_reported_in_the_table(panel, qtbot):
    configure_race(panel, "ravine", ["sgd", "momentum"], 150)
    _set_rows(panel, {"lr": 0.05}, {})  # above 2 / lambda_max = 0.04
    analytic = panel.analytic
    analytic.show_index(analytic.max_index())
    trajectory = analytic.computation.trajectories[0]
    assert trajectory.stop_reason != "completed"
    assert f"diverged at step {trajectory.diverged_at}" in _cell(panel, 0, 5)
    assert analytic.view.race.edge_visible[0]
    assert "diverged" in analytic.view.race.edge_labels[0].textItem.toPlainText()
    assert not analytic.view.race.edge_visible[1]
    analytic.play()  # animating through the divergence raises nothing
    qtbot.waitUntil(lambda: analytic.index > 0, timeout=3000)
    analytic.pause()


def test_an_overflowing_formula_diverges_without_an_exception(panel, qtbot):
    form = panel.analytic.form
    form.set_surface_name("formula", {"formula": "exp(x**2) + y**2"})
    form.surfaceChanged.emit()
    analytic = panel.analytic
    analytic.view.pick_start(2.5, 1.0)
    qtbot.waitUntil(lambda: analytic.computation.request.start == (2.5, 1.0), timeout=3000)
    assert all(t.stop_reason != "completed" for t in analytic.computation.trajectories[:1])
    assert "diverged at step" in _cell(panel, 0, 5)


def test_formula_errors_are_shown_at_the_field(panel, qtbot):
    form = panel.analytic.form
    form.set_surface_name("formula")
    form.formula_edit.setFocus()
    form.formula_edit.clear()
    qtbot.keyClicks(form.formula_edit, "x**2 + foo(y)")
    qtbot.keyClick(form.formula_edit, Qt.Key.Key_Return)
    assert not form.formula_error.isHidden()
    message = form.formula_error.text()
    assert "foo" in message and "column 8" in message
    assert form.formula_edit.property("invalid") is True
    assert form.formula_edit.selectionStart() == 7 and form.formula_edit.selectedText() == "foo"
    assert "foo</span>" in form.formula_where.text()
    computation = panel.analytic.computation  # the last valid race stays on screen
    form.formula_edit.clear()
    qtbot.keyClicks(form.formula_edit, "x**2 + 3*y**2")
    qtbot.keyClick(form.formula_edit, Qt.Key.Key_Return)
    assert form.formula_error.isHidden()
    assert form.formula_edit.property("invalid") is False
    assert panel.analytic.computation is not computation


def test_a_bad_surface_parameter_is_shown_at_its_field(panel):
    form = panel.analytic.form
    form.set_surface_name("saddle")
    assert form.build_surface() is not None
    form._spins["a"].setValue(0.0)  # the interval is (0, 1000]
    assert form.build_surface() is None
    assert form._spins["a"].property("invalid") is True
    assert "(0, 1000]" in form.param_message.text()


def test_a_long_race_is_computed_in_a_process_while_its_start_already_plays(panel, qtbot):
    analytic = panel.analytic
    analytic.steps_spin.setValue(5_000)
    analytic.recompute()
    assert not analytic.complete and analytic.race_process.busy
    prefix = analytic.max_index()
    assert 0 < prefix < 5_000
    early = [t.positions[: prefix + 1].copy() for t in analytic.computation.trajectories]
    qtbot.waitUntil(lambda: analytic.complete, timeout=30_000)
    assert analytic.max_index() == 5_000 and not analytic.race_process.busy
    for before, trajectory in zip(early, analytic.computation.trajectories, strict=True):
        np.testing.assert_array_equal(trajectory.positions[: prefix + 1], before)  # the same race
    assert all(o.summary is not None for o in analytic.results.outcomes())


def test_a_superseded_long_race_is_dropped(panel, qtbot):
    analytic = panel.analytic
    analytic.steps_spin.setValue(5_000)
    analytic.recompute()
    assert analytic.race_process.busy
    analytic.steps_spin.setValue(100)
    analytic.recompute()  # short: computed at once, the process is ended
    assert analytic.complete and not analytic.race_process.busy and analytic.max_index() == 100
    qtbot.wait(100)
    assert analytic.max_index() == 100


def test_adding_and_removing_optimizers_keeps_their_colours(panel, qtbot):
    table = panel.analytic.optimizers
    colours = [row.colour for row in table.settings()]
    table.add("rmsprop")
    assert [row.colour for row in table.settings()][:-1] == colours
    assert table.settings()[-1].colour not in colours
    table.table.selectRow(0)
    table.remove_button.click()
    assert [row.colour for row in table.settings()] == [*colours[1:], table.settings()[-1].colour]
    qtbot.waitUntil(
        lambda: len(panel.analytic.computation.trajectories) == len(table.settings()), timeout=3000
    )


def test_the_3d_view_falls_back_to_2d_without_an_error(panel, monkeypatch):
    assert not landscape_three_d.opengl_available()
    assert not panel.analytic.form.three_d_check.isEnabled()

    def broken(*_args, **_kwargs):
        raise RuntimeError("no OpenGL context")

    monkeypatch.setattr(landscape_analytic, "ThreeDView", broken)
    panel.analytic._on_three_d(1)
    assert panel.analytic.view_stack.currentWidget() is panel.analytic.view
    assert "3-D view unavailable" in panel.analytic.status.text()


def test_configure_race_refuses_unknown_names(panel):
    with pytest.raises(ValueError, match="unknown surface"):
        configure_race(panel, "volcano", ["sgd"], 10)
    with pytest.raises(ValueError, match="unknown optimizer"):
        configure_race(panel, "ravine", ["sgd", "lion"], 10)


# ============================================================================ network slices
def test_a_network_slice_completes_with_progress_in_a_worker_thread(panel, qtbot, trained, monkeypatch):
    threads = []
    real = network_slice_view.compute_network_slice

    def recording(*args):
        threads.append(threading.get_ident())
        return real(*args)

    monkeypatch.setattr(network_slice_view, "compute_network_slice", recording)
    net = panel.network
    panel.set_trainer(trained)
    net.resolution_spin.setValue(15)
    net.samples_spin.setValue(200)
    assert net.compute()
    qtbot.waitUntil(lambda: net.result is not None and not net.busy, timeout=20_000)
    assert threads and threads[0] != threading.get_ident()
    assert len(net.progress_seen) == 15 and net.progress_seen[-1] == (225, 225)
    assert net.progress.value() == 100
    result = net.result
    assert not result.cancelled and np.isfinite(result.losses).all()
    assert result.losses.shape == (15, 15) and result.step == 300
    assert result.interp_losses is not None and len(result.interp_losses) == 41
    assert net.heatmap.grid is not None


def test_the_pca_slice_draws_the_path_and_the_explained_variance(panel, qtbot, trained):
    net = panel.network
    panel.set_trainer(trained)
    net.mode_combo.setCurrentIndex(net.mode_combo.findData("pca"))
    net.resolution_spin.setValue(11)
    net.compute()
    qtbot.waitUntil(lambda: net.result is not None and not net.busy, timeout=20_000)
    result = net.result
    assert result.explained is not None and 0.4 < sum(result.explained) <= 1.0 + 1e-12
    assert result.path[-1] == pytest.approx([0.0, 0.0])
    x, _ = net.path_item.getData()
    assert len(x) == len(result.path)
    assert "PC1" in net.heatmap.plot.titleLabel.text


def test_a_network_slice_can_be_cancelled(panel, qtbot, trained):
    net = panel.network
    panel.set_trainer(trained)
    net.resolution_spin.setValue(301)
    net.samples_spin.setValue(0)
    net.compute()
    assert net.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: len(net.progress_seen) >= 1, timeout=20_000)
    net.cancel_button.click()
    qtbot.waitUntil(lambda: not net.busy, timeout=20_000)
    result = net.result
    assert result is not None and result.cancelled
    assert np.isnan(result.losses).any() and np.isfinite(result.losses).any()
    assert "Cancelled" in net.status.text()
    assert net.compute_button.isEnabled() and not net.cancel_button.isEnabled()


def test_the_slice_works_on_a_copy_of_the_trainer():
    trainer = Trainer(load_config("relu-he"))
    trainer.run(20)
    copy = TrainerCopy(trainer)
    before = copy.flat_parameters()
    trainer.run(20)
    assert np.array_equal(copy.flat_parameters(), before)
    assert not np.array_equal(trainer.flat_parameters(), before)
    assert copy.step_count == 20 and copy.checkpoint_steps == [0]


def test_without_a_trainer_compute_says_so(panel):
    net = panel.network
    assert not net.compute_button.isEnabled()
    assert not net.compute()
    panel.set_trainer_provider(lambda: None)
    assert not net.compute()
    assert "no network" in net.status.text().lower()


def test_task_runner_results_arrive_in_the_gui_thread(qtbot):
    runner = TaskRunner()
    seen = {}

    def job(progress, cancelled):
        seen["job"] = threading.get_ident()
        progress(1, 2)
        progress(2, 2)
        return 42

    def on_finished(result):
        seen["slot"] = threading.get_ident()
        seen["result"] = result

    runner.finished.connect(on_finished)
    runner.start(job)
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)
    assert seen["result"] == 42
    assert seen["slot"] == threading.get_ident() != seen["job"]
    assert runner.shutdown()


# ============================================================================ sessions and screenshots
def test_state_and_arrays_round_trip(panel, qtbot, trained):
    configure_race(panel, "cliff", ["sgd", "adam"], 80)
    _set_rows(panel, {"clip": 2.0}, {"lr": 0.05})
    panel.analytic.view.pick_start(-3.0, 2.0)
    panel.analytic.show_index(33)
    net = panel.network
    panel.set_trainer(trained)
    net.mode_combo.setCurrentIndex(1)
    net.resolution_spin.setValue(9)
    net.compute()
    qtbot.waitUntil(lambda: net.result is not None and not net.busy, timeout=20_000)
    state, arrays = panel.state(), panel.arrays()
    text = json.dumps(state)  # JSON-able
    assert {"network.losses", "network.path", "network.interp_losses"} <= set(arrays)

    other = LandscapePanel()
    qtbot.addWidget(other)
    try:
        other.restore(json.loads(text), {k: np.array(v) for k, v in arrays.items()})
        restored = other.state()
        assert restored["analytic"]["optimizers"] == state["analytic"]["optimizers"]
        for key in ("surface", "params", "start", "steps", "index", "overlays", "noise", "seed"):
            assert restored["analytic"][key] == state["analytic"][key], key
        assert restored["network"] == state["network"]
        for name, value in arrays.items():
            np.testing.assert_array_equal(other.arrays()[name], value)
        mine = [(o.label, o.summary, o.stop_reason) for o in panel.analytic.results.outcomes()]
        theirs = [(o.label, o.summary, o.stop_reason) for o in other.analytic.results.outcomes()]
        assert mine == theirs
        assert OptimizerSettings.from_json(state["analytic"]["optimizers"][0]).clip == 2.0
    finally:
        other.shutdown()


def test_screenshots_of_both_tabs(panel, qtbot, trained, tmp_path):
    configure_race(panel, "ravine", ["sgd", "momentum", "adam"], 150)
    for check in panel.analytic.overlay_checks.values():
        check.setChecked(True)
    panel.analytic.show_index(40)
    qtbot.wait(50)
    race_png = tmp_path / "race.png"
    assert panel.grab().save(str(race_png))
    panel.set_trainer(trained)
    panel.tabs.setCurrentIndex(1)
    panel.network.resolution_spin.setValue(11)
    panel.network.compute()
    qtbot.waitUntil(lambda: panel.network.result is not None and not panel.network.busy, timeout=20_000)
    network_png = tmp_path / "network.png"
    assert panel.grab().save(str(network_png))
    assert race_png.stat().st_size > 20_000 and network_png.stat().st_size > 20_000


def test_every_control_has_a_tooltip(panel):
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QSlider, QWidget

    kinds = (QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QSlider)
    for index in range(panel.tabs.count()):
        panel.tabs.setCurrentIndex(index)
        controls = [
            w
            for w in panel.tabs.currentWidget().findChildren(QWidget)
            if isinstance(w, kinds)
            and w.isVisibleTo(panel)
            and type(w).__name__ != "QToolButton"
            and not isinstance(w.parent(), QAbstractSpinBox | QComboBox)  # their inner line edits
        ]
        missing = [
            f"{type(w).__name__} {getattr(w, 'text', lambda: '')()}" for w in controls if not w.toolTip()
        ]
        assert len(controls) >= 7
        assert missing == []


def test_shutdown_leaves_no_thread_running(qtbot, trained):
    panel = LandscapePanel()
    qtbot.addWidget(panel)
    panel.set_trainer(trained)
    panel.network.resolution_spin.setValue(201)
    panel.network.compute()
    assert panel.shutdown() is None
    assert not panel.network.busy
    assert landscape_worker.PACE_SECONDS > 0


def test_a_panel_deleted_while_slicing_does_not_take_the_thread_with_it(qtbot, trained):
    panel = LandscapePanel()
    panel.set_trainer(trained)
    panel.network.resolution_spin.setValue(41)
    panel.network.compute()
    threads = [thread for thread, _ in landscape_worker._LIVE]
    panel.deleteLater()
    del panel
    qtbot.waitUntil(lambda: all(thread.isFinished() for thread in threads), timeout=20_000)


def test_the_provider_is_released_once_the_trainer_is_copied(panel, qtbot, trained):
    calls = []

    def provider():
        calls.append("provide")
        return trained

    panel.set_trainer_provider(provider, release=lambda: calls.append("release"))
    panel.network.resolution_spin.setValue(7)
    assert panel.network.compute()
    assert calls == ["provide", "release"]
    qtbot.waitUntil(lambda: panel.network.result is not None and not panel.network.busy, timeout=20_000)


def test_a_parameter_change_keeps_the_start_and_a_new_surface_suggests_learning_rates(panel):
    from gradsim.ui.landscape.race import suggested_settings

    analytic, form = panel.analytic, panel.analytic.form
    analytic.view.pick_start(1.0, 1.0)
    form._spins["kappa"].setValue(10.0)
    assert analytic.surface.params["kappa"] == 10.0
    assert analytic.view.start() == pytest.approx((1.0, 1.0))
    assert analytic.computation.request.surface is analytic.surface
    form.combo.setCurrentIndex(form.combo.findData("rosenbrock"))
    assert analytic.view.start() == pytest.approx(analytic.surface.starts[0])
    assert analytic.optimizers.settings()[0].lr == suggested_settings("sgd", analytic.surface).lr
    assert all(t.stop_reason == "completed" for t in analytic.computation.trajectories)
