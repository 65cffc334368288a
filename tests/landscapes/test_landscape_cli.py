"""``gradsim trajectory`` and ``gradsim surfaces``: output, and one-line errors."""

from __future__ import annotations

import csv

import numpy as np
import pytest

from gradsim.cli import main
from gradsim.landscapes.surfaces import make_surface, surface_names
from gradsim.landscapes.trajectories import run_trajectory


def read_rows(path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_trajectory_writes_steps_plus_one_rows(tmp_path, capsys):
    out = tmp_path / "run.csv"
    code = main(
        [
            "trajectory",
            "--surface",
            "ravine",
            "--param",
            "kappa=100",
            "--optimizer",
            "momentum",
            "--lr",
            "0.03",
            "--momentum",
            "0.67",
            "--start",
            "-2",
            "0.3",
            "--steps",
            "200",
            "--csv",
            str(out),
        ]
    )
    assert code == 0
    rows = read_rows(out)
    assert len(rows) == 201  # the start (step 0) and one row per step
    assert list(rows[0]) == ["step", "x", "y", "value", "grad_norm"]
    assert [int(r["step"]) for r in rows] == list(range(201))
    surface = make_surface("ravine", kappa=100)
    run = run_trajectory(surface, {"kind": "momentum", "lr": 0.03, "momentum": 0.67}, (-2.0, 0.3), 200)
    np.testing.assert_array_equal([[float(r["x"]), float(r["y"])] for r in rows], run.positions)
    np.testing.assert_array_equal([float(r["value"]) for r in rows], run.values)
    np.testing.assert_array_equal([float(r["grad_norm"]) for r in rows], run.grad_norms)
    printed = capsys.readouterr().out.strip().splitlines()
    assert len(printed) == 1
    assert "momentum lr=0.03 on ravine: 200 steps, completed" in printed[0]
    assert "reached the minimum at (0, 0)" in printed[0]


def test_adam_betas_noise_and_clipping_options(tmp_path, capsys):
    out = tmp_path / "adam.csv"
    args = [
        "trajectory",
        "--surface",
        "cliff",
        "--optimizer",
        "adam",
        "--lr",
        "0.05",
        "--beta1",
        "0.8",
        "--beta2",
        "0.99",
        "--eps",
        "1e-6",
        "--clip-norm",
        "1",
        "--noise",
        "0.1",
        "--seed",
        "4",
        "--steps",
        "30",
        "--csv",
        str(out),
    ]
    assert main(args) == 0
    rows = read_rows(out)
    cliff = make_surface("cliff")
    run = run_trajectory(
        cliff,
        {"kind": "adam", "lr": 0.05, "betas": [0.8, 0.99], "eps": 1e-6},
        cliff.starts[0],
        30,
        clipping={"kind": "norm", "max": 1.0},
        noise_std=0.1,
        seed=4,
    )
    np.testing.assert_array_equal([float(r["x"]) for r in rows], run.positions[:, 0])


def test_diverged_run_writes_rows_up_to_the_stop(tmp_path, capsys):
    out = tmp_path / "blown.csv"
    args = [
        "trajectory",
        "--surface",
        "ravine",
        "--param",
        "kappa=100",
        "--optimizer",
        "sgd",
        "--lr",
        "0.05",
        "--start",
        "1",
        "1",
        "--steps",
        "3000",
        "--csv",
        str(out),
    ]
    assert main(args) == 0
    rows = read_rows(out)
    run = run_trajectory(make_surface("ravine", kappa=100), {"kind": "sgd", "lr": 0.05}, (1.0, 1.0), 3000)
    assert run.stop_reason == "diverged"
    assert len(rows) == run.steps_taken + 1
    assert "diverged" in capsys.readouterr().out


def test_formula_surface_and_default_start(tmp_path, capsys):
    out = tmp_path / "f.csv"
    args = [
        "trajectory",
        "--surface",
        "formula",
        "--param",
        "formula=x**2 + 3*y**2",
        "--param",
        "view=-2,2,-2,2",
        "--optimizer",
        "sgd",
        "--lr",
        "0.1",
        "--csv",
        str(out),
    ]
    assert main(args) == 0
    rows = read_rows(out)
    assert len(rows) == 101  # default 100 steps
    assert (float(rows[0]["x"]), float(rows[0]["y"])) == (1.0, 1.0)  # the surface's first start


def test_surfaces_lists_one_line_each(capsys):
    assert main(["surfaces"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    names = [line.split()[0] for line in lines]
    assert names == [*surface_names(), "formula"]
    ravine = next(line for line in lines if line.startswith("ravine "))
    assert "kappa=50" in ravine and "Ravine" in ravine


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--surface", "nope", "--optimizer", "sgd"], "unknown surface"),
        (["--surface", "ravine", "--optimizer", "nope"], "unknown kind"),
        (["--surface", "ravine", "--optimizer", "sgd", "--lr", "abc"], "--lr"),
        (["--surface", "ravine", "--optimizer", "sgd", "--lr", "nan"], "finite"),
        (["--surface", "ravine", "--optimizer", "sgd", "--lr", "-1"], "positive"),
        (["--surface", "ravine", "--optimizer", "sgd", "--steps", "ten"], "--steps"),
        (["--surface", "ravine", "--optimizer", "sgd", "--steps", "-5"], "--steps"),
        (["--surface", "ravine", "--optimizer", "sgd", "--start", "1", "inf"], "--start"),
        (["--surface", "ravine", "--optimizer", "sgd", "--param", "kappa=0"], "kappa"),
        (["--surface", "ravine", "--optimizer", "sgd", "--param", "kappa"], "NAME=VALUE"),
        (["--surface", "ravine", "--optimizer", "sgd", "--param", "tilt=3"], "unknown parameter"),
        (["--surface", "ravine", "--optimizer", "sgd", "--beta1", "0.9"], "betas"),
        (["--surface", "ravine", "--optimizer", "adam", "--momentum", "0.9"], "momentum"),
        (["--surface", "ravine", "--optimizer", "sgd", "--clip-norm", "0"], "clipping.max"),
        (["--surface", "ravine", "--optimizer", "sgd", "--noise", "-1"], "noise"),
        (
            ["--surface", "formula", "--param", "formula=__import__('os')", "--optimizer", "sgd"],
            "not allowed",
        ),
        (["--optimizer", "sgd"], "--surface"),
        (["--surface", "ravine"], "--optimizer"),
    ],
)
def test_bad_input_gives_one_line_and_exit_2(args, fragment, capsys):
    assert main(["trajectory", *args]) == 2
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("gradsim: error:") and fragment in lines[0]
    assert "Traceback" not in captured.err


def test_unwritable_csv_is_a_one_line_error(tmp_path, capsys):
    code = main(
        ["trajectory", "--surface", "booth", "--optimizer", "sgd", "--csv", str(tmp_path / "no" / "x.csv")]
    )
    assert code == 1
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
