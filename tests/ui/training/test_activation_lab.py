"""The activation and initialization lab: f and f' of the chosen layer, the pre-activation
histogram, variance propagation that follows the config, and a screenshot."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pytest  # noqa: E402

from gradsim.engine.activations import make_activation  # noqa: E402
from gradsim.engine.trainer import Trainer  # noqa: E402
from gradsim.ui.training.activation_lab import ActivationLab  # noqa: E402

pytestmark = pytest.mark.ui


def config(layers, init=None, **network):
    return {
        "data": {"kind": "circles", "n_samples": 100},
        "network": {"layers": layers, "init": init or {"kind": "he_normal"}, **network},
        "optimizer": {"kind": "sgd", "lr": 0.05},
        "training": {"diagnostics_every": 1},
    }


@pytest.fixture
def lab(qtbot):
    widget = ActivationLab(seeds=6, batch=128)
    qtbot.addWidget(widget)
    widget.resize(1000, 720)
    return widget


def settle(qtbot, lab):
    qtbot.waitUntil(lambda: not lab.is_measuring(), timeout=30_000)


def test_constructible_alone_with_a_default_network(qtbot, lab):
    settle(qtbot, lab)
    assert lab.layer_combo.count() == 3
    assert lab.propagation is not None and lab.propagation.depth == 3
    x, f, df = lab.activation_curves()
    assert len(x) > 100 and np.array_equal(f, np.maximum(x, 0))


def test_curves_are_f_and_df_of_the_chosen_layer(qtbot, lab):
    layers = [
        {"width": 8, "activation": "tanh"},
        {"width": 8, "activation": "leaky_relu", "activation_params": {"slope": 0.2}},
        {"width": 8, "activation": "elu", "activation_params": {"alpha": 0.5}},
        {"width": 8, "activation": "sigmoid"},
    ]
    lab.set_config(config(layers))
    assert lab.layer_combo.count() == 4
    for index, layer in enumerate(layers):
        lab.set_layer(index)
        x, f, df = lab.activation_curves()
        activation = make_activation(layer["activation"], layer.get("activation_params", {}))
        np.testing.assert_allclose(f, activation.f(x), rtol=1e-12, atol=1e-12)
        np.testing.assert_allclose(df, activation.df(x), rtol=1e-12, atol=1e-12)
    lab.set_layer(3)
    assert max(lab.activation_curves()[2]) == pytest.approx(0.25, abs=1e-4)  # sigmoid' <= 1/4
    assert "sigmoid" in lab.f_plot.getPlotItem().titleLabel.text


def test_histogram_of_the_layer_and_its_saturation(qtbot, lab):
    saturating = config([{"width": 8, "activation": "tanh"}] * 3, init={"kind": "normal", "std": 4.0})
    trainer = Trainer(saturating)
    trainer.run(3)
    snapshot = trainer.snapshot(include_decision=False)
    lab.set_config(saturating)
    lab.show_snapshot(snapshot)
    lab.set_layer(1)
    counts = snapshot.histograms["pre_activation"][1]
    edges, heights = lab.histogram.getData()
    low, high = snapshot.histogram_ranges["pre_activation"]
    assert edges[0] == low and edges[-1] == high and len(edges) == len(counts) + 1
    np.testing.assert_allclose(heights, counts / counts.max())
    centres = (edges[:-1] + edges[1:]) / 2
    flat = counts[np.abs(1 - np.tanh(centres) ** 2) < 0.05].sum() / counts.sum()
    assert flat > 0.5  # N(0, 16) weights push tanh into saturation
    assert f"f′ < 0.05 for {flat:.0%}" in lab.saturation_label.text()


def test_dead_relu_units_are_counted(qtbot, lab):
    dead = config([{"width": 8, "bias_init": {"kind": "constant", "value": -3.0}}] * 2)
    trainer = Trainer(dead)
    trainer.run(2)
    lab.set_config(dead)
    lab.show_snapshot(trainer.snapshot(include_decision=False))
    lab.set_layer(1)
    assert "f′ = 0 exactly for 100%" in lab.saturation_label.text()


def _ratio(lab):
    from gradsim.engine.variance_propagation import geometric_mean_ratio

    return float(np.median(geometric_mean_ratio(lab.propagation.activation_std)))


def test_variance_plot_follows_the_initializer(qtbot, lab):
    he = config([{"width": 48}] * 12, init={"kind": "he_normal"})
    lab.set_config(he)
    settle(qtbot, lab)
    he_curve = np.array(lab.series["act"]["median"].yData, copy=True)
    he_theory = np.array(lab.series["act"]["theory"].yData, copy=True)
    assert 0.8 < _ratio(lab) < 1.15
    assert "theory 1" in lab.summary_label.text()

    xavier = config([{"width": 48}] * 12, init={"kind": "xavier_normal"})
    lab.set_config(xavier)
    settle(qtbot, lab)
    assert 0.4 < _ratio(lab) < 0.6  # Xavier halves a ReLU layer's variance
    assert "theory 0.5" in lab.summary_label.text()
    assert not np.allclose(lab.series["act"]["median"].yData, he_curve)
    assert not np.allclose(lab.series["act"]["theory"].yData, he_theory)
    assert lab.series["grad"]["median"].yData is not None


def test_unchanged_network_is_not_measured_again(qtbot, lab):
    settle(qtbot, lab)
    result = lab.propagation
    changed_lr = config([{"width": 8}] * 3)
    changed_lr["optimizer"]["lr"] = 0.3
    lab.set_config(changed_lr)
    assert not lab.is_measuring() and lab.propagation is result


def test_latest_config_wins(qtbot, lab):
    lab.set_config(config([{"width": 16}] * 20))
    lab.set_config(config([{"width": 16}] * 5))
    settle(qtbot, lab)
    assert lab.propagation.depth == 5


def test_orthogonal_linear_net_keeps_singular_values_at_one(qtbot, lab):
    lab.set_config(config([{"width": 16, "activation": "linear"}] * 10, init={"kind": "orthogonal"}))
    settle(qtbot, lab)
    np.testing.assert_allclose(lab.propagation.singular_values, 1.0, atol=1e-10)
    assert not lab.sv_plot.isHidden()


def test_theory_is_not_claimed_for_constant_weights(qtbot, lab):
    lab.set_config(config([{"width": 8}] * 3, init={"kind": "constant", "value": 0.1}))
    settle(qtbot, lab)
    assert "no theory for constant" in lab.summary_label.text()
    assert len(lab.series["act"]["theory"].yData or []) == 0


def test_screenshot(qtbot, lab, tmp_path, relu_config):
    trainer = Trainer(relu_config)
    trainer.run(30)
    lab.set_config(relu_config)
    lab.show_snapshot(trainer.snapshot(include_decision=False))
    settle(qtbot, lab)
    lab.show()
    qtbot.waitExposed(lab)
    path = tmp_path / "lab.png"
    assert lab.grab().save(str(path))
    assert path.stat().st_size > 10_000
