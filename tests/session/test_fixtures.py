"""Frozen session files of every schema version must keep loading (and resume)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from gradsim.session.io import load_session

FIXTURES = Path(__file__).parent / "fixtures"


def test_schema_v1_fixture_loads_and_resumes() -> None:
    session = load_session(FIXTURES / "schema-v1.gradsim")
    trainer = session.trainer
    assert session.schema_version >= 1
    assert session.extras["notes"] == "frozen fixture of schema 1"
    assert trainer.config["name"] == "fixture-v1"
    assert trainer.step_count == 23
    assert trainer.last_record is not None and np.isfinite(trainer.last_record.loss)
    assert [layer["activation"] for layer in trainer.config["network"]["layers"]] == ["prelu", "tanh"]
    trainer.run(5)
    assert trainer.step_count == 28
    assert all(np.all(np.isfinite(p)) for p in trainer.network.params.values())
