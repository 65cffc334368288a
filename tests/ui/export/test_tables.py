"""CSV of the metrics history and of a race table: written, read back, the same numbers."""

from __future__ import annotations

import csv
import math

import numpy as np
import pytest

from gradsim.engine.trainer import Trainer
from gradsim.ui.export.errors import ExportError
from gradsim.ui.export.tables import RACE_HEADER, read_metrics_csv, write_metrics_csv, write_race_csv


def test_metrics_round_trip(relu_config, tmp_path):
    trainer = Trainer(relu_config)
    trainer.run(30)
    snapshot = trainer.snapshot()
    rows = write_metrics_csv(snapshot, tmp_path / "m.csv")
    columns = read_metrics_csv(tmp_path / "m.csv")
    steps = snapshot.scalars["scalars.steps"]
    assert rows >= len(steps) == 30
    loss = snapshot.scalars["scalars.last"][:, snapshot.scalar_names.index("loss")]
    assert [columns["loss"][int(s)] for s in steps] == [float(v) for v in loss]  # exact: repr
    assert "test_accuracy" in columns and columns["test_accuracy"]
    depth = snapshot.depth
    assert f"grad_norm.layer_{depth}" in columns and "grad_norm.out" in columns
    grads = snapshot.layer_grads["layer_grads.last"][:, 0]
    assert np.array_equal(
        [columns["grad_norm.layer_1"][int(s)] for s in snapshot.layer_grads["layer_grads.steps"]], grads
    )


def test_metrics_without_a_run(tmp_path):
    with pytest.raises(ExportError, match="train first"):
        write_metrics_csv(None, tmp_path / "m.csv")


def test_race_table(tmp_path):
    from gradsim.scenarios.catalogue import find_scenario
    from gradsim.ui.landscape.analytic import RaceComputation, run_race
    from gradsim.ui.landscape.panel import LandscapePanel

    panel = LandscapePanel()
    try:
        panel.restore(find_scenario("ravine-momentum").landscape())
        request = panel.analytic.request()
        computation = run_race(request)
        assert isinstance(computation, RaceComputation)
        assert write_race_csv(computation, tmp_path / "race.csv") == len(request.settings)
    finally:
        panel.shutdown()
    with open(tmp_path / "race.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == RACE_HEADER
    for row, settings, summary in zip(rows[1:], request.settings, computation.summaries, strict=True):
        assert row[1] == settings.kind
        assert float(row[4]) == summary.final_value or (
            math.isnan(float(row[4])) and math.isnan(summary.final_value)
        )
