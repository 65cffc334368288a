"""Histories and race results to CSV, for a spreadsheet or a plotting script.

Metrics: one row per recorded step of the run's histories (as the plots show them: a long
run's history keeps buckets of steps, each with its last value and its lowest and highest),
with the loss and the other per-step scalars, the train/test loss and accuracy where they were
evaluated, and the gradient norm of every layer. Empty cells where a series has no value at
that step. Numbers are written with ``repr`` so they read back exactly; ``nan`` and ``inf``
as Python spells them.

Race: one row per racer, with the values the race table shows (machine-readable: the ending as
a code, not a translated sentence).
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import numpy as np

from gradsim.engine.snapshot import Snapshot
from gradsim.landscapes.trajectories import minima
from gradsim.ui.export.errors import ExportError


def _history(
    arrays: dict[str, np.ndarray], prefix: str
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    steps = arrays.get(f"{prefix}.steps")
    if steps is None or len(steps) == 0:
        empty = np.zeros((0, 0))
        return np.zeros(0, dtype=np.int64), empty, empty, empty
    return (
        np.asarray(steps, dtype=np.int64),
        np.asarray(arrays[f"{prefix}.last"]),
        np.asarray(arrays[f"{prefix}.low"]),
        np.asarray(arrays[f"{prefix}.high"]),
    )


def layer_names(depth: int) -> list[str]:
    """The columns of the per-layer gradient history: layers counted from 1, then the output."""
    return [*(f"layer_{i}" for i in range(1, depth + 1)), "out"]


def metrics_columns(snapshot: Snapshot) -> dict[str, dict[int, float]]:
    """Every series of the run's histories by column name, as {step: value}."""
    columns: dict[str, dict[int, float]] = {}
    steps, last, low, high = _history(snapshot.scalars, "scalars")
    for index, name in enumerate(snapshot.scalar_names):
        columns[name] = {int(s): float(v) for s, v in zip(steps, last[:, index], strict=True)}
        if name == "loss":
            columns["loss_low"] = {int(s): float(v) for s, v in zip(steps, low[:, index], strict=True)}
            columns["loss_high"] = {int(s): float(v) for s, v in zip(steps, high[:, index], strict=True)}
    steps, last, _low, _high = _history(snapshot.evaluation, "evaluation")
    for index, name in enumerate(snapshot.evaluation_names):
        columns[name] = {int(s): float(v) for s, v in zip(steps, last[:, index], strict=True)}
    steps, last, _low, _high = _history(snapshot.layer_grads, "layer_grads")
    names = layer_names(last.shape[1] - 1) if last.size else []
    for index, name in enumerate(names):
        columns[f"grad_norm.{name}"] = {int(s): float(v) for s, v in zip(steps, last[:, index], strict=True)}
    return columns


def write_metrics_csv(snapshot: Snapshot | None, path: str | Path) -> int:
    """The run's histories to ``path``; the number of rows (steps) written."""
    if snapshot is None:
        raise ExportError("no_run")
    columns = metrics_columns(snapshot)
    steps = sorted({step for series in columns.values() for step in series})
    names = list(columns)
    with _open(path) as handle:
        writer = csv.writer(handle)
        writer.writerow(["step", *names])
        for step in steps:
            writer.writerow([step, *(_cell(columns[name].get(step)) for name in names)])
    return len(steps)


def read_metrics_csv(path: str | Path) -> dict[str, dict[int, float]]:
    """A metrics file back as {column: {step: value}} (the round trip of :func:`write_metrics_csv`)."""
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        columns: dict[str, dict[int, float]] = {name: {} for name in header[1:]}
        for row in reader:
            step = int(row[0])
            for name, cell in zip(header[1:], row[1:], strict=True):
                if cell != "":
                    columns[name][step] = float(cell)
    return columns


RACE_HEADER = (
    "racer",
    "optimizer",
    "label",
    "steps_to_converge",
    "final_value",
    "reached_minimum",
    "minimum_x",
    "minimum_y",
    "clipped_steps",
    "stop_reason",
    "diverged_at",
    "ending",
)


def race_rows(computation: Any) -> list[list[object]]:
    """One row per racer of a landscape race (the landscape panel's ``RaceComputation``)."""
    known = minima(computation.request.surface)
    rows = []
    for index, (settings, trajectory, summary) in enumerate(
        zip(computation.request.settings, computation.trajectories, computation.summaries, strict=True)
    ):
        reached = summary.reached_minimum
        where = known[reached] if reached is not None and reached < len(known) else None
        rows.append(
            [
                index,
                settings.kind,
                settings.label(),
                "" if summary.steps_to_converge is None else summary.steps_to_converge,
                _cell(summary.final_value),
                "" if reached is None else reached + 1,
                "" if where is None else _cell(where.x),
                "" if where is None else _cell(where.y),
                int(trajectory.clipped.sum()),
                trajectory.stop_reason,
                "" if trajectory.diverged_at is None else trajectory.diverged_at,
                getattr(summary, "ending", ""),
            ]
        )
    return rows


def write_race_csv(computation: Any, path: str | Path) -> int:
    """The race table to ``path``; the number of racers written."""
    if computation is None:
        raise ExportError("no_race")
    rows = race_rows(computation)
    with _open(path) as handle:
        writer = csv.writer(handle)
        writer.writerow(RACE_HEADER)
        writer.writerows(rows)
    return len(rows)


def _cell(value: float | None) -> str:
    return "" if value is None else repr(float(value))


def _open(path: str | Path) -> Any:
    path = Path(path)
    if not path.parent.is_dir():
        raise ExportError("no_folder", folder=str(path.parent))
    try:
        return open(path, "w", newline="", encoding="utf-8")
    except OSError as error:
        raise ExportError("not_written", path=str(path)) from error
