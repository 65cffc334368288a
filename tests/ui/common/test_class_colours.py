"""One class palette: the builder's data preview and the decision surface colour every class
alike (class 0 was blue in the preview and vermillion on the surface)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtGui import QColor  # noqa: E402

from gradsim.engine.datasets import dataset_defaults  # noqa: E402
from gradsim.engine.trainer import Trainer  # noqa: E402
from gradsim.ui.builder.dataset_form import DatasetForm  # noqa: E402
from gradsim.ui.common.class_colours import class_colour  # noqa: E402
from gradsim.ui.training.decision_panel import DecisionPanel, binary_table  # noqa: E402

pytestmark = pytest.mark.ui


def _colours_by_class(scatter, labels: np.ndarray) -> dict[int, set[str]]:
    brushes = scatter.data["brush"]
    found: dict[int, set[str]] = {}
    for label, brush in zip(labels, brushes, strict=True):
        found.setdefault(int(label), set()).add(brush.color().name())
    return found


@pytest.mark.parametrize(
    "data",
    [
        {"kind": "circles", "n_samples": 200, "noise": 0.1, "seed": 0},
        {**dataset_defaults("spiral"), "n_classes": 3, "n_samples": 300},
    ],
)
def test_preview_and_decision_surface_colour_each_class_alike(qtbot, data):
    trainer = Trainer({"data": data, "network": {"depth": 2, "width": 8}})
    trainer.run(3)
    labels = np.asarray(trainer.dataset.y_train).reshape(len(trainer.dataset.y_train), -1)[:, 0].astype(int)

    form = DatasetForm()
    qtbot.addWidget(form)
    form.show_dataset(trainer.dataset)
    preview = _colours_by_class(form.scatter, labels[: len(form.scatter.data)])

    panel = DecisionPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.show_snapshot(trainer.snapshot())
    shown = np.asarray(trainer.snapshot().data["y"]).reshape(-1)[: len(panel.scatter.data)].astype(int)
    surface = _colours_by_class(panel.scatter, shown)

    assert set(preview) == set(surface) == set(np.unique(labels))
    for k in preview:
        assert preview[k] == surface[k] == {QColor(class_colour(k)).name()}, k
    assert QColor(class_colour(0)).name() != QColor(class_colour(1)).name()


def test_the_binary_surface_shades_towards_the_class_colours():
    """P(class 1) = 0 is tinted like class 0's points, 1 like class 1's (pale versions)."""
    table = binary_table().astype(int)
    for end, k in ((table[0], 0), (table[-1], 1)):
        colour = QColor(class_colour(k))
        other = QColor(class_colour(1 - k))
        rgb = np.array([colour.red(), colour.green(), colour.blue()])
        other_rgb = np.array([other.red(), other.green(), other.blue()])
        pale = 255 + 0.6 * (rgb - 255)
        assert np.abs(end[:3] - pale).max() <= 2
        assert np.abs(end[:3] - pale).sum() < np.abs(end[:3] - (255 + 0.6 * (other_rgb - 255))).sum()
