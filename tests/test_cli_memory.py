"""`gradsim run` and memory: a config over the budget and a MemoryError are one line each."""

from __future__ import annotations

import json

import pytest

from gradsim.cli import main
from gradsim.engine import trainer as trainer_module
from gradsim.engine.budget import BUDGET_VARIABLE
from gradsim.session import io as session_io


def _config_file(tmp_path, network: dict) -> str:
    path = tmp_path / "config.json"
    path.write_text(json.dumps({"network": network}), encoding="utf-8")
    return str(path)


def test_a_config_over_the_budget_is_one_line_with_the_estimate(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.setenv(BUDGET_VARIABLE, "16GB")
    config = _config_file(tmp_path, {"depth": 200, "width": 4096})
    code = main(["run", "--config", config, "--steps", "5", "--out", str(tmp_path / "o.gradsim"), "--quiet"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("gradsim: error: network: needs about ")
    assert "weights 26.7 GB" in err and "more than the budget of 16 GB" in err


def test_a_memory_error_in_a_step_is_one_line_with_the_estimate(tmp_path, capsys, monkeypatch) -> None:
    """The engine turns a MemoryError in a step into OutOfMemoryError with its estimate."""
    calls = {"n": 0}
    real_compute = trainer_module.Trainer._compute

    def compute(self):
        calls["n"] += 1
        if calls["n"] == 3:
            raise MemoryError("Unable to allocate 4.9 GiB for an array with shape (1000000, 640)")
        return real_compute(self)

    monkeypatch.setattr(trainer_module.Trainer, "_compute", compute)
    out = tmp_path / "o.gradsim"
    code = main(["run", "--config", "relu-he", "--steps", "5", "--out", str(out), "--quiet"])
    err = capsys.readouterr().err
    assert code == 1 and not out.exists()
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("gradsim: error: out of memory at step 3: this config needs about ")
    assert "by gradsim's estimate (" in err


NUMPY_MESSAGE = "Unable to allocate 4.9 GiB for an array\nwith shape (1000000, 640)"


@pytest.mark.parametrize(
    ("raised", "expected"),
    [
        (MemoryError(NUMPY_MESSAGE), "out of memory: " + " ".join(NUMPY_MESSAGE.split())),
        (MemoryError(), "out of memory"),
    ],
)
def test_any_other_memory_error_is_one_line(tmp_path, capsys, monkeypatch, raised, expected) -> None:
    def save_session(*args, **kwargs):
        raise raised

    monkeypatch.setattr(session_io, "save_session", save_session)
    code = main(["run", "--config", "relu-he", "--steps", "2", "--out", str(tmp_path / "o"), "--quiet"])
    assert code == 1
    assert capsys.readouterr().err == f"gradsim: error: {expected}\n"
