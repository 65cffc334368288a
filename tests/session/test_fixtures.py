"""Frozen session files of every schema version must keep loading (and resume)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from gradsim.engine.state import trainer_state
from gradsim.session.container import read_manifest
from gradsim.session.io import load_session, save_session

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


LONE_BATCH = FIXTURES / "schema-v1-batchnorm-lone-batch.gradsim"


def _resumed_arrays(trainer) -> dict[str, np.ndarray]:
    """The trainer's arrays with its optimizer state per parameter (``optimizer.exp_avg.0``...),
    as the fixtures' ``extra.expected.*`` name them whatever layout this gradsim saves."""
    _, arrays = trainer_state(trainer)
    arrays.update({f"optimizer.{k}": v for k, v in trainer.optimizer.state_arrays(copy=False).items()})
    return arrays


def _expected(session) -> dict[str, np.ndarray]:
    prefix = "expected."
    return {k[len(prefix) :]: v for k, v in session.extra_arrays.items() if k.startswith(prefix)}


def _compared_after_resuming(trainer, expected: dict[str, np.ndarray], losses: list[float]) -> list[str]:
    """Check the losses of the steps just run, every recorded array and the counters against
    what the writing schema recorded; returns the names of the arrays compared."""
    np.testing.assert_array_equal(losses, expected["losses"])
    arrays = _resumed_arrays(trainer)
    compared = [k for k in expected if k.startswith(("param.", "buffer.", "optimizer.", "train."))]
    for name in compared:
        np.testing.assert_array_equal(arrays[name], expected[name], err_msg=name)
    assert [trainer.step_count, trainer.epoch, trainer.batch_position] == expected["counters"].tolist()
    return compared


def test_schema_v1_batchnorm_lone_batch_resumes_exactly_as_schema_1_ran() -> None:
    """Made with schema-1 code (commit b3ed78e): 321 training rows in batches of 32 with
    BatchNorm, saved at step 8; ``extra.expected.*`` hold the next 25 steps as schema 1
    ran them (batches of one sample at steps 11, 22 and 33). Migrated, it must resume
    bit-identically: same batch sizes, losses, parameters, running statistics, optimizer
    state, batch order and counters."""
    session = load_session(LONE_BATCH)
    trainer = session.trainer
    expected = _expected(session)
    assert trainer.step_count == 8 and len(trainer.dataset.x_train) == 321
    sizes: list[int] = []
    next_batch = trainer._next_batch

    def spy() -> tuple[np.ndarray, np.ndarray]:
        x, y = next_batch()
        sizes.append(len(x))
        return x, y

    trainer._next_batch = spy
    losses = [record.loss for record in trainer.steps(25)]
    assert sizes == expected["batch_sizes"].tolist()
    assert sizes.count(1) == 3
    assert len(_compared_after_resuming(trainer, expected, losses)) == 36


def test_the_v1_to_v2_migration_is_what_keeps_that_run_exact() -> None:
    """The migrated config says "keep"; the schema-2 default ("merge") would run differently."""
    session = load_session(LONE_BATCH)
    trainer = session.trainer
    assert read_manifest(LONE_BATCH)["schema_version"] == 1  # as stored; migrated on reading
    assert trainer.config["training"]["lone_batch"] == "keep"
    merged = load_session(LONE_BATCH).trainer
    merged.merge_lone_batch = True
    expected = _expected(session)["losses"]
    losses = [record.loss for record in merged.steps(25)]
    assert losses[0] == expected[0]  # step 9: the same batch
    assert losses[1] != expected[1]  # step 10: 33 samples instead of 32, then no step of 1


def test_schema_v1_fixture_migrates_to_keep() -> None:
    assert load_session(FIXTURES / "schema-v1.gradsim").trainer.config["training"]["lone_batch"] == "keep"


V2 = FIXTURES / "schema-v2.gradsim"
V2_DIVERGED = FIXTURES / "schema-v2-diverged.gradsim"


def test_schema_v2_fixture_resumes_exactly_as_schema_2_ran() -> None:
    """Made with schema-2 code (commit ec70878, arrays in one ``arrays.npz`` member): RMSprop
    with momentum, a step schedule, clipping and BatchNorm, saved at step 12; its
    ``extra.expected.*`` hold the next 20 steps as schema 2 ran them."""
    assert read_manifest(V2)["schema_version"] == 2  # as stored; migrated on reading
    session = load_session(V2)
    trainer = session.trainer
    assert trainer.step_count == 12 and trainer.config["name"] == "fixture-v2"
    assert session.extras["ui"] == {"zoom": 1.25, "panels": ["loss", "gradients"]}
    expected = _expected(session)
    losses = [record.loss for record in trainer.steps(20)]
    assert len(_compared_after_resuming(trainer, expected, losses)) > 20


def test_schema_v2_fixture_keeps_every_kind_of_array() -> None:
    odd = {k[len("odd.") :]: v for k, v in load_session(V2).extra_arrays.items() if k.startswith("odd.")}
    assert odd["float32_fortran"].flags.f_contiguous and odd["float32_fortran"].dtype == np.float32
    np.testing.assert_array_equal(odd["float32_fortran"], np.arange(12, dtype=np.float32).reshape(3, 4) / 7)
    assert odd["big_endian_int32"].dtype == np.dtype(">i4")
    assert odd["big_endian_int32"].tolist() == list(range(-3, 4))
    assert odd["empty"].shape == (0, 3) and odd["scalar_bool"].shape == () and bool(odd["scalar_bool"])
    assert odd["complex64"].tolist() == [1 + 2j, -0.5j] and odd["uint16"].tolist() == [0, 65535]
    assert odd["float16"].dtype == np.float16
    values = odd["non_finite"]
    assert np.isnan(values[0]) and values[1] == np.inf and values[2] == -np.inf and np.signbit(values[3])


def test_schema_v2_diverged_fixture_keeps_its_non_finite_manifest_values() -> None:
    """Schema 2 spells NaN/Inf out in the manifest: a diverged run's last step and where it broke."""
    trainer = load_session(V2_DIVERGED).trainer
    assert trainer.divergence == {"what": "loss", "value": "Inf", "step": 6}
    record = trainer.last_record
    assert record.step == 20 and record.loss == np.inf and np.isnan(record.grad_norm) and not record.finite
    trainer.run(3)
    assert trainer.step_count == 23


V3 = FIXTURES / "schema-v3.gradsim"


def test_schema_v3_fixture_resumes_exactly_as_schema_3_ran() -> None:
    """Made with schema-3 code (commit 2978ae7, one ``arrays/<name>.npy`` member per array, the
    checkpoints as one ``checkpoint.params`` matrix): Adam with AMSGrad and weight decay,
    float32, a cosine schedule and LayerNorm, saved at step 150 with its checkpoints thinned
    once (76 of them, every 2 steps); ``extra.expected.*`` hold the next 20 steps as schema 3
    ran them, the checkpoints taken on the way included."""
    assert read_manifest(V3)["schema_version"] == 3  # as stored; migrated on reading
    session = load_session(V3)
    trainer = session.trainer
    assert trainer.step_count == 150 and trainer.config["name"] == "fixture-v3"
    assert session.extras == {"ui": {"zoom": 1.5}, "notes": "frozen fixture of schema 3"}
    assert len(trainer.checkpoints) == 76 and trainer.checkpoint_every == 2
    assert trainer.checkpoint_steps[:3] == [0, 2, 4] and trainer.checkpoint_steps[-1] == 150
    expected = _expected(session)
    losses = [record.loss for record in trainer.steps(20)]
    assert len(_compared_after_resuming(trainer, expected, losses)) > 20
    assert trainer.checkpoint_steps == expected["checkpoint_steps"].tolist()
    np.testing.assert_array_equal(trainer.checkpoints[-1], expected["last_checkpoint"])


def test_schema_v3_fixture_keeps_every_kind_of_array() -> None:
    odd = {k[len("odd.") :]: v for k, v in load_session(V3).extra_arrays.items() if k.startswith("odd.")}
    assert odd["float32_fortran"].flags.f_contiguous
    np.testing.assert_array_equal(odd["float32_fortran"], np.arange(12, dtype=np.float32).reshape(3, 4) / 7)
    assert odd["big_endian_int32"].dtype == np.dtype(">i4") and odd["empty"].shape == (0, 3)
    assert odd["complex64"].tolist() == [1 + 2j, -0.5j] and odd["float16"].dtype == np.float16
    values = odd["non_finite"]
    assert np.isnan(values[0]) and values[1] == np.inf and values[2] == -np.inf and np.signbit(values[3])


V4 = FIXTURES / "schema-v4.gradsim"


def test_schema_v4_fixture_resumes_exactly_as_schema_4_ran() -> None:
    """Made with schema-4 code (commit ab16f3c, one array per checkpoint, the optimizer state
    one array per parameter and buffer): centered RMSprop with momentum and weight decay,
    float64, a step schedule and LayerNorm, saved at step 130 with its checkpoints thinned
    once (66, every 2 steps); ``extra.expected.*`` hold the next 20 steps as schema 4 ran them."""
    assert read_manifest(V4)["schema_version"] == 4  # as stored; migrated on reading
    session = load_session(V4)
    trainer = session.trainer
    assert trainer.step_count == 130 and trainer.config["name"] == "fixture-v4"
    assert session.extras == {"ui": {"zoom": 0.75}, "notes": "frozen fixture of schema 4"}
    assert len(trainer.checkpoints) == 66 and trainer.checkpoint_every == 2
    expected = _expected(session)
    losses = [record.loss for record in trainer.steps(20)]
    compared = _compared_after_resuming(trainer, expected, losses)
    assert sum(k.startswith("optimizer.") for k in compared) == 1 + 3 * 9  # step; 3 buffers of 9 parameters
    assert trainer.checkpoint_steps == expected["checkpoint_steps"].tolist()
    np.testing.assert_array_equal(trainer.checkpoints[-1], expected["last_checkpoint"])


def test_schema_v4_fixture_saved_again_holds_whole_optimizer_buffers(tmp_path) -> None:
    """Schema 4's per-parameter optimizer arrays are copied into the buffers on opening (the
    4->5 migration leaves them to the engine); saved again, the file holds the buffers whole
    and reopens to the same state, the buffers now the arrays read."""
    first = load_session(V4).trainer
    again = tmp_path / "again.gradsim"
    save_session(again, first)
    names = sorted(k for k in read_manifest(again)["arrays"] if k.startswith("optimizer."))
    buffers = ("slot0.grad_avg", "slot0.momentum_buffer", "slot0.square_avg", "step")
    assert names == [f"optimizer.{k}" for k in buffers]
    second = load_session(again).trainer
    for name, value in _resumed_arrays(first).items():
        np.testing.assert_array_equal(_resumed_arrays(second)[name], value, err_msg=name)
    losses = [record.loss for record in second.steps(20)]
    np.testing.assert_array_equal(losses, _expected(load_session(V4))["losses"])
