"""gradsim scenarios / lessons / run --scenario: list, train, check, save a race."""

from __future__ import annotations

import csv

from gradsim.cli import main
from gradsim.scenarios.catalogue import list_scenarios
from gradsim.scenarios.lessons import list_lessons
from gradsim.session.io import load_session


def test_scenarios_lists_all_in_order(capsys) -> None:
    assert main(["scenarios"]) == 0
    lines = capsys.readouterr().out.splitlines()
    names = [line.split()[1] for line in lines]
    assert names == [s.name for s in list_scenarios()]
    assert len(names) == 19
    assert "sigmoid-goes-deep" in lines[0] and "network" in lines[0]
    assert any("ravine-momentum" in line and "landscape" in line for line in lines)


def test_lessons_lists_lessons_and_stages(capsys) -> None:
    assert main(["lessons"]) == 0
    out = capsys.readouterr().out
    for lesson in list_lessons():
        assert lesson.name in out
        assert f"{len(lesson):2d} stages" in out
        assert lesson.stages[0].text("title") in out


def test_run_scenario_saves_its_base_config(tmp_path, capsys) -> None:
    out = tmp_path / "s.gradsim"
    assert (
        main(["run", "--scenario", "sigmoid-goes-deep", "--steps", "40", "--out", str(out), "--quiet"]) == 0
    )
    assert "saved" in capsys.readouterr().out
    trainer = load_session(out).trainer
    assert trainer.step_count == 40
    layers = trainer.config["network"]["layers"]
    assert len(layers) == 10 and {layer["activation"] for layer in layers} == {"sigmoid"}


def test_run_scenario_variant_and_check(tmp_path, capsys) -> None:
    out = tmp_path / "v.gradsim"
    code = main(
        [
            "run",
            "--scenario",
            "linear-identity-scale",
            "--variant",
            "a-1.1",
            "--steps",
            "5",
            "--out",
            str(out),
            "--check",
            "--quiet",
        ]
    )
    assert code == 0
    text = capsys.readouterr().out
    assert "linear-identity-scale (5 steps" in text and "holds" in text
    assert load_session(out).trainer.step_count == 5


def test_run_scenario_default_steps(tmp_path) -> None:
    out = tmp_path / "d.gradsim"
    assert main(["run", "--scenario", "linear-identity-scale", "--out", str(out), "--quiet"]) == 0
    assert load_session(out).trainer.step_count == 100  # the scenario's steps


def test_check_that_fails_exits_1(capsys) -> None:
    # one step is too few for exploding-to-nan's 'diverged at step 3'
    assert main(["run", "--scenario", "exploding-to-nan", "--steps", "1", "--check"]) == 1
    assert "FAILS" in capsys.readouterr().out


def test_landscape_scenario_race_csv_and_check(tmp_path, capsys) -> None:
    path = tmp_path / "race.csv"
    assert main(["run", "--scenario", "ravine-momentum", "--csv", str(path), "--check"]) == 0
    out = capsys.readouterr().out
    assert "3 racers, 600 steps" in out and "ravine-momentum (600 steps" in out and "holds" in out
    rows = list(csv.reader(path.open()))
    assert rows[0] == ["racer", "optimizer", "step", "x", "y", "value", "grad_norm"]
    assert len(rows) == 1 + 3 * 601
    assert {row[1] for row in rows[1:]} == {"sgd", "momentum", "adam"}


def test_landscape_scenario_without_csv_is_one_line(tmp_path, capsys) -> None:
    assert main(["run", "--scenario", "ravine-momentum"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "landscape scenario" in err[0] and "--csv" in err[0]
    assert main(["run", "--scenario", "ravine-momentum", "--out", str(tmp_path / "x.gradsim")]) == 2
    assert "landscape scenario" in capsys.readouterr().err


def test_bad_input_is_one_line(tmp_path, capsys) -> None:
    assert main(["run", "--scenario", "no-such-scenario", "--check"]) == 1
    assert "no such file or shipped scenario" in capsys.readouterr().err
    assert main(["run", "--scenario", "sigmoid-goes-deep", "--variant", "nope", "--check"]) == 2
    assert "no variant 'nope'" in capsys.readouterr().err
    assert main(["run", "--scenario", "sigmoid-goes-deep", "--steps", "3"]) == 2
    assert "--out" in capsys.readouterr().err
    assert main(["run", "--config", "relu-he", "--out", str(tmp_path / "y.gradsim")]) == 2
    assert "--steps is required" in capsys.readouterr().err
    assert main(["run", "--config", "relu-he", "--steps", "1", "--variant", "a"]) == 2
    assert "--scenario only" in capsys.readouterr().err
