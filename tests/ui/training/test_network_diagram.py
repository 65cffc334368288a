"""The network diagram: units and edges, collapsed wide layers, clicking and editing a weight,
colouring by gradient, the summary for large nets, and a screenshot."""

from __future__ import annotations

import dataclasses
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtCore import QPointF, Qt  # noqa: E402

from gradsim.engine.trainer import Trainer  # noqa: E402
from gradsim.ui.training.network_diagram import NEGATIVE, POSITIVE, NetworkDiagram  # noqa: E402

pytestmark = pytest.mark.ui


def snapshot_of(widths, activation="relu", steps=3, **network):
    config = {
        "data": {"kind": "circles", "n_samples": 100},
        "network": {"layers": [{"width": w} for w in widths], "activation": activation, **network},
        "optimizer": {"kind": "sgd", "lr": 0.05},
        "training": {"diagnostics_every": 1},
    }
    trainer = Trainer(config)
    trainer.run(steps)
    return trainer.snapshot(include_decision=False)


@pytest.fixture
def diagram(qtbot):
    widget = NetworkDiagram()
    qtbot.addWidget(widget)
    widget.resize(900, 520)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture(scope="module")
def small():
    return snapshot_of([3, 3])


def click_edge(qtbot, diagram, group, index, double=False):
    x0, y0, x1, y1 = diagram.groups[group].segments[index]
    point = diagram.view.mapFromScene(QPointF(x0 + 0.3 * (x1 - x0), y0 + 0.3 * (y1 - y0)))
    click = qtbot.mouseDClick if double else qtbot.mouseClick
    click(diagram.view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_empty_diagram_is_constructible_alone(qtbot):
    widget = NetworkDiagram()
    qtbot.addWidget(widget)
    assert widget.unit_count() == 0 and widget.edge_count() == 0
    widget.retranslate()


def test_small_net_has_every_unit_and_edge(diagram, small):
    diagram.show_snapshot(small)
    assert diagram.unit_count() == 2 + 3 + 3 + 1
    assert diagram.edge_count() == 2 * 3 + 3 * 3 + 3 * 1
    assert diagram.collapsed_columns() == []
    names = {name for name, *_ in diagram.edges()}
    assert names == {"layers.0.W", "layers.1.W", "out.W"}


def test_wide_layers_are_collapsed_with_a_marker_and_their_stats(diagram):
    snapshot = snapshot_of([64, 64, 5])
    diagram.show_snapshot(snapshot)
    assert diagram.collapsed_columns() == [1, 2]
    assert diagram.unit_count() == 2 + 6 + 6 + 5 + 1
    assert diagram.edge_count() == 2 * 6 + 6 * 6 + 6 * 5 + 5 * 1
    texts = [item.text() for item in diagram.scene.items() if hasattr(item, "text")]
    assert texts.count("⋮ 64") == 2
    expected = np.linalg.norm(snapshot.weights["layers.1.W"])
    assert any(f"‖W‖ {expected:.4g}" in text for text in texts)
    rows = {row for name, row, _col, _item in diagram.edges() if name == "layers.1.W"}
    assert rows == {0, 1, 2, 61, 62, 63}


def test_clicking_an_edge_shows_its_weight_and_gradient(qtbot, diagram, small):
    diagram.show_snapshot(small)
    click_edge(qtbot, diagram, 1, 4)  # layer 1 unit 2 -> layer 2 unit 2
    name, row, col, _ = diagram.edges()[6 + 4]
    assert (name, row, col) == ("layers.1.W", 1, 1)
    weight = small.weights["layers.1.W"][1, 1]
    grad = small.grads["layers.1.W"][1, 1]
    info = diagram.info_text()
    assert "layers.1.W[1, 1]" in info
    assert f"w = {weight:.4g}" in info
    assert f"{grad:.4g}" in info or f"{grad:.3e}" in info
    assert diagram.weight_spin.value() == pytest.approx(weight, abs=1e-6)


def test_clicking_a_unit_shows_its_incoming_weights(qtbot, diagram, small):
    diagram.show_snapshot(small)
    column, unit, item = next(u for u in diagram.unit_items if u[0] == 2 and u[1] == 0)
    point = diagram.view.mapFromScene(item.rect().center())
    qtbot.mouseClick(diagram.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert diagram.selection() == ("unit", (2, 0))
    norm = np.linalg.norm(small.weights["layers.1.W"][:, 0])
    assert f"‖w‖ = {norm:.4g}" in diagram.info_text()
    assert not diagram.apply_button.isEnabled()  # units have no single weight to edit


def test_double_click_and_edit_emits_weight_edited_with_the_indices(qtbot, diagram, small):
    diagram.show_snapshot(small)
    edited = []
    diagram.weightEdited.connect(lambda *args: edited.append(args))
    click_edge(qtbot, diagram, 2, 2, double=True)  # out.W from layer 2 unit 3
    assert diagram.weight_spin.hasFocus()
    diagram.weight_spin.setValue(4.25)
    qtbot.mouseClick(diagram.apply_button, Qt.MouseButton.LeftButton)
    assert edited == [("out.W", 2, 0, 4.25)]


def test_maxout_edges_address_the_first_piece(diagram):
    snapshot = snapshot_of([3, 2], activation="maxout")
    diagram.show_snapshot(snapshot)
    assert snapshot.weights["layers.0.W"].shape == (2, 6)
    cols = sorted({col for name, _row, col, _item in diagram.edges() if name == "layers.0.W"})
    assert cols == [0, 2, 4]
    assert diagram.unit_count() == 2 + 3 + 2 + 1


def _pen_state(diagram):
    return [
        (item.pen().color().name(), item.pen().color().alpha(), item.pen().widthF())
        for *_, item in diagram.edges()
    ]


def test_weight_colouring_follows_sign_and_magnitude(diagram, small):
    diagram.show_snapshot(small)
    weights = []
    for name, row, col, item in diagram.edges():
        w = small.weights[name][row, col]
        weights.append((abs(w), item.pen().widthF()))
        assert item.pen().color().name().upper() == (POSITIVE if w >= 0 else NEGATIVE)
    weights.sort()
    widths = [width for _, width in weights]
    assert widths == sorted(widths)  # thicker for larger |w|
    assert widths[-1] > widths[0]


def test_gradient_toggle_recolours_edges_by_log_gradient(diagram):
    snapshot = snapshot_of([6, 6, 6], activation="sigmoid", init={"kind": "normal", "std": 1.0})
    diagram.show_snapshot(snapshot)
    before = _pen_state(diagram)
    diagram.gradient_toggle.setChecked(True)
    after = _pen_state(diagram)
    assert sum(a != b for a, b in zip(before, after, strict=True)) > len(before) // 2
    ranked = sorted(
        (abs(snapshot.grads[name][row, col]), item.pen().color().alpha())
        for name, row, col, item in diagram.edges()
    )
    alphas = [alpha for _, alpha in ranked]
    assert alphas == sorted(alphas)  # more opaque for larger gradients
    assert "∂L/∂w" in diagram.legend.text()
    diagram.gradient_toggle.setChecked(False)
    assert _pen_state(diagram) == before


def test_new_snapshot_of_the_same_net_updates_without_rebuilding(diagram):
    first = snapshot_of([4, 4], steps=1)
    second = snapshot_of([4, 4], steps=40)
    diagram.show_snapshot(first)
    items = [item for *_, item in diagram.edges()]
    pens = _pen_state(diagram)
    diagram.show_snapshot(second)
    assert [item for *_, item in diagram.edges()] == items
    assert _pen_state(diagram) != pens
    diagram.show_snapshot(snapshot_of([4, 5]))
    assert diagram.unit_count() == 2 + 4 + 5 + 1


def test_selected_edge_info_follows_training(qtbot, diagram):
    diagram.show_snapshot(snapshot_of([3, 3], steps=1))
    diagram.select_edge(0, 0)
    later = snapshot_of([3, 3], steps=30)
    diagram.show_snapshot(later)
    assert f"w = {later.weights['layers.0.W'][0, 0]:.4g}" in diagram.info_text()


def test_large_net_without_matrices_shows_a_summary_per_layer(diagram, small):
    summary = dataclasses.replace(small, weights={}, grads={})
    diagram.show_snapshot(summary)
    assert diagram.unit_count() == 0 and diagram.edge_count() == 0
    assert len(diagram.summary_boxes) == small.depth + 1
    diagram.gradient_toggle.setChecked(True)
    brushes = {box.brush().color().name() for box in diagram.summary_boxes[1:]}
    assert brushes != {diagram.palette().base().color().name()}


def test_screenshot(qtbot, diagram, tmp_path):
    diagram.show_snapshot(snapshot_of([8, 8, 64, 8], steps=20))
    diagram.select_edge(1, 3)
    path = tmp_path / "diagram.png"
    assert diagram.grab().save(str(path))
    assert path.stat().st_size > 10_000
