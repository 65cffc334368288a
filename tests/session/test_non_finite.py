"""A diverged run saves and reopens: NaN/Inf in the manifest are spelled out, never bare JSON tokens."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import numpy as np
import pytest

from gradsim.engine.state import StateError, restore_trainer, trainer_state
from gradsim.engine.trainer import Trainer
from gradsim.session.container import load_container, read_manifest, save_container
from gradsim.session.errors import SessionError
from gradsim.session.io import load_session, save_session
from gradsim.shipped import load_config


def manifest_text(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("manifest.json").decode("utf-8")


def strict_json(text: str) -> dict:
    """Parse as a strict JSON reader would: bare NaN/Infinity are errors."""

    def refuse(name: str) -> None:
        raise ValueError(f"{name} is not JSON")

    return json.loads(text, parse_constant=refuse)


def test_non_finite_floats_round_trip_through_the_manifest(tmp_path: Path) -> None:
    path = tmp_path / "run.gradsim"
    values = [float("nan"), float("inf"), -float("inf"), np.float32("inf"), np.float64("nan"), 1.5, 0]
    save_container(path, {"values": values, "nested": {"deep": [{"x": float("-inf")}]}}, {})
    raw = strict_json(manifest_text(path))
    assert raw["values"][:3] == [{"$float": "NaN"}, {"$float": "Infinity"}, {"$float": "-Infinity"}]
    for manifest in (load_container(path)[0], read_manifest(path)):
        got = manifest["values"]
        assert np.isnan(got[0]) and got[1] == np.inf and got[2] == -np.inf and got[3] == np.inf
        assert np.isnan(got[4]) and got[5:] == [1.5, 0]
        assert manifest["nested"] == {"deep": [{"x": -np.inf}]}


def test_an_unknown_spelled_float_is_refused_as_damage(tmp_path: Path) -> None:
    path = tmp_path / "run.gradsim"
    save_container(path, {"loss": float("nan")}, {})
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["manifest.json"] = members["manifest.json"].replace(b'"NaN"', b'"nope"')
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    with pytest.raises(SessionError) as caught:
        load_container(path)
    assert caught.value.code == "bad_json" and "nope" in str(caught.value)


def test_the_exploding_example_saves_reopens_and_resumes_bit_identically(tmp_path: Path) -> None:
    config = load_config("exploding")
    trainer = Trainer(config)
    trainer.run(300)
    assert not np.isfinite(trainer.last_record.loss), "the example must still diverge"
    path = tmp_path / "e.gradsim"
    save_session(path, trainer)  # raised manifest_not_serializable before
    strict_json(manifest_text(path))

    reopened = load_session(path).trainer
    assert reopened.divergence == trainer.divergence == {"what": "loss", "value": "Inf", "step": 6}
    assert "diverged" in [d.code for d in reopened.diagnoses()]
    record = reopened.last_record
    assert record.step == 300 and record.loss == np.inf and np.isnan(record.grad_norm)
    assert not record.finite

    trainer.run(60)
    reopened.run(60)
    state, arrays = trainer_state(trainer)
    state_again, arrays_again = trainer_state(reopened)
    assert json.dumps(state, sort_keys=True) == json.dumps(state_again, sort_keys=True)
    assert arrays.keys() == arrays_again.keys()
    for name, value in arrays.items():
        assert np.array_equal(value, arrays_again[name], equal_nan=value.dtype.kind in "fc"), name


@pytest.mark.parametrize(
    "last_record",
    [[3, 0.5, 0.1, False, 0.01], [3, "0.5", 0.1, False, 0.01, True], [3, 0.5, 0.1, 0, 0.01, True], "x"],
    ids=["short", "text-loss", "int-clipped", "string"],
)
def test_a_malformed_last_record_is_refused(last_record) -> None:
    trainer = Trainer(load_config("relu-he"))
    trainer.run(3)
    state, arrays = trainer_state(trainer)
    with pytest.raises(StateError, match="last_record"):
        restore_trainer(trainer.config, {**state, "last_record": last_record}, arrays)
