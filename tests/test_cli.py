"""The headless command line: train, save, inspect, resume; one-line errors on bad input."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys

import numpy as np
import pytest

from gradsim import __version__
from gradsim.cli import main
from gradsim.session.io import load_session


def test_version_through_the_module_entry_point() -> None:
    out = subprocess.run([sys.executable, "-m", "gradsim", "--version"], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0
    assert out.stdout.strip() == f"gradsim {__version__}"


def test_run_info_and_resume(tmp_path, capsys) -> None:
    out, metrics = tmp_path / "run.gradsim", tmp_path / "run.csv"
    code = main(["run", "--config", "resources/examples/relu-he.json", "--steps", "50",
                 "--out", str(out), "--metrics", str(metrics), "--quiet"])
    assert code == 0
    assert "saved" in capsys.readouterr().out
    rows = list(csv.reader(metrics.open()))
    assert rows[0] == ["step", "loss", "grad_norm", "clipped", "learning_rate"]
    assert [int(r[0]) for r in rows[1:]] == list(range(1, 51))
    assert main(["info", str(out)]) == 0
    text = capsys.readouterr().out
    assert "steps: 50" in text and "relu" in text and "diagnosis:" in text
    assert main(["run", "--resume", str(out), "--steps", "30", "--quiet"]) == 0
    resumed = load_session(out).trainer
    assert resumed.step_count == 80
    straight = tmp_path / "straight.gradsim"
    assert main(["run", "--config", "relu-he", "--steps", "80", "--out", str(straight), "--quiet"]) == 0
    reference = load_session(straight).trainer
    for name, value in reference.network.params.items():
        assert np.array_equal(value, resumed.network.params[name])


def test_a_diverged_run_is_saved_and_info_names_the_divergence(tmp_path, capsys) -> None:
    out = tmp_path / "e.gradsim"
    assert main(["run", "--config", "exploding", "--steps", "300", "--out", str(out), "--quiet"]) == 0
    printed = capsys.readouterr().out
    assert out.exists() and "step 300, loss inf" in printed
    assert "diverged: loss became Inf at step 6" in printed
    assert main(["info", str(out)]) == 0
    text = capsys.readouterr().out
    assert "final loss: inf, gradient norm nan (not applied: not finite)" in text
    assert "divergence: the loss became Inf at step 6" in text
    assert main(["run", "--resume", str(out), "--steps", "20", "--quiet"]) == 0
    straight = tmp_path / "straight.gradsim"
    assert main(["run", "--config", "exploding", "--steps", "320", "--out", str(straight), "--quiet"]) == 0
    resumed, reference = load_session(out).trainer, load_session(straight).trainer
    assert resumed.step_count == 320 and resumed.divergence == reference.divergence
    for name, value in reference.network.params.items():
        assert np.array_equal(value, resumed.network.params[name])
    assert np.array_equal(
        reference.scalars.arrays("s")["s.last"], resumed.scalars.arrays("s")["s.last"], equal_nan=True
    )


def test_progress_lines_when_not_a_terminal(tmp_path, capsys) -> None:
    assert main(["run", "--config", "relu-he", "--steps", "40", "--out", str(tmp_path / "a.gradsim")]) == 0
    err = capsys.readouterr().err
    assert "steps/s" in err and "ETA" in err and "100.0%" in err


def test_examples_lists_the_shipped_configs(capsys) -> None:
    assert main(["examples"]) == 0
    text = capsys.readouterr().out
    assert "relu-he" in text and "sigmoid-deep" in text


@pytest.mark.parametrize(("content", "fragment"), [
    ({"network": {"layers": [{"width": 0}]}}, "network.layers[1].width"),
    ({"optimizer": {"kind": "adam", "lr": -1}}, "optimizer.lr"),
    ({"data": {"kind": "circle"}}, "data.kind"),
    ({"netwrok": {}}, "config.netwrok"),
])
def test_bad_config_gives_one_line_error_and_exit_2(tmp_path, capsys, content, fragment) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(content))
    assert main(["run", "--config", str(path), "--steps", "5", "--out", str(tmp_path / "x.gradsim")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and fragment in err and err.startswith("gradsim: error:")


def test_unreadable_inputs_fail_cleanly(tmp_path, capsys) -> None:
    assert main(["run", "--config", str(tmp_path / "missing.json"), "--steps", "1",
                 "--out", str(tmp_path / "x.gradsim")]) != 0
    bad_json = tmp_path / "broken.json"
    bad_json.write_text("{nope")
    assert main(["run", "--config", str(bad_json), "--steps", "1", "--out", str(tmp_path / "x.gradsim")]) != 0
    not_session = tmp_path / "junk.gradsim"
    not_session.write_bytes(b"hello")
    assert main(["info", str(not_session)]) == 1
    errors = capsys.readouterr().err.strip().splitlines()
    assert len(errors) == 3 and all(line.startswith("gradsim: error:") for line in errors)
    assert "not a gradsim session file" in errors[2]


# --------------------------------------------------------------------------- special files (issue 11)
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")


@needs_fifo
@pytest.mark.timeout(60)
def test_a_named_pipe_or_dev_zero_as_input_is_refused_at_once(tmp_path, capsys) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    out = str(tmp_path / "x.gradsim")
    assert main(["run", "--config", str(pipe), "--steps", "1", "--out", out]) == 1
    assert main(["info", str(pipe)]) == 1
    assert main(["run", "--resume", str(pipe), "--steps", "1", "--out", out]) == 1
    if os.path.exists("/dev/zero"):
        assert main(["run", "--config", "/dev/zero", "--steps", "1", "--out", out]) == 1
    errors = capsys.readouterr().err.strip().splitlines()
    assert errors[:3] == [
        f"gradsim: error: cannot read {pipe}: is a named pipe, not a file",
        f"gradsim: error: {pipe}: cannot be read (is a named pipe, not a file)",
        f"gradsim: error: {pipe}: cannot be read (is a named pipe, not a file)",
    ]
    assert errors[3:] in ([], ["gradsim: error: cannot read /dev/zero: is a character device, not a file"])


def test_a_csv_data_path_that_is_a_device_is_refused(tmp_path, capsys) -> None:
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    config = tmp_path / "csv.json"
    config.write_text(json.dumps({"data": {"kind": "csv", "path": "/dev/zero"}}))
    assert main(["run", "--config", str(config), "--steps", "1", "--out", str(tmp_path / "x.gradsim")]) == 2
    err = capsys.readouterr().err.strip()
    assert err == "gradsim: error: cannot read /dev/zero: is a character device, not a file"


# --------------------------------------------------------------------------- hostile config JSON (issue 11)
def _run_config(tmp_path, text: str) -> int:
    path = tmp_path / "hostile.json"
    path.write_text(text)
    return main(["run", "--config", str(path), "--steps", "1", "--out", str(tmp_path / "x.gradsim")])


def test_a_config_nested_100000_deep_is_one_line(tmp_path, capsys) -> None:
    text = '{"description": ' + "[" * 100_000 + "]" * 100_000 + "}"
    assert _run_config(tmp_path, text) == 1
    err = capsys.readouterr().err.strip()
    assert err == (
        f"gradsim: error: {tmp_path / 'hostile.json'}: invalid JSON at line 1, column 48: "
        "nested deeper than 32 levels"
    )


@pytest.mark.parametrize(
    ("digits", "shown"), [(400, "1e+399"), (5000, "inf")], ids=["400-digits", "past-int-conversion"]
)
def test_a_huge_integer_in_a_config_is_one_line(tmp_path, capsys, digits, shown) -> None:
    text = '{"optimizer": {"kind": "sgd", "lr": 1' + "0" * (digits - 1) + "}}"
    assert _run_config(tmp_path, text) == 2
    err = capsys.readouterr().err.strip()
    assert err == f"gradsim: error: optimizer.lr: must be a finite number, got {shown}"
