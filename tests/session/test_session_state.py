"""The engine's state in a session is checked against the rest of the file (issue 11).

Each file here is a real session with one value changed. It used to be accepted by
``gradsim info``, ``load_session`` and the app, and fail later: ``--resume`` with
OverflowError (step 10**30), a ZeroDivisionError (batch position 10**9), a silently
dropped imaginary part (a complex parameter), a MemoryError (a history capacity of
10**12). Each is now one ``SessionError`` line when the file is opened.
"""

from __future__ import annotations

import copy
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from gradsim.cli import main
from gradsim.engine.state import MAX_STEP
from gradsim.engine.trainer import Trainer
from gradsim.session.container import load_container, save_container
from gradsim.session.errors import SessionError
from gradsim.session.io import load_session, save_session

CONFIG = {
    "data": {"kind": "circles", "n_samples": 80},
    "network": {"depth": 2, "width": 4},
    "optimizer": {"kind": "adam", "lr": 0.01},
    "training": {"batch_size": 16, "checkpoint_every": 2},
}


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """(manifest, arrays) of a session trained 7 steps."""
    path = tmp_path_factory.mktemp("state") / "good.gradsim"
    trainer = Trainer(CONFIG)
    for _ in trainer.steps(7):
        pass
    save_session(path, trainer)
    manifest, arrays = load_container(path)
    return manifest, {name: np.array(array) for name, array in arrays.items()}


def write(folder: Path, saved, edit) -> Path:
    """The saved session with ``edit(manifest, arrays)`` applied, written anew."""
    manifest, arrays = copy.deepcopy(saved[0]), {name: array.copy() for name, array in saved[1].items()}
    edit(manifest, arrays)
    path = folder / "edited.gradsim"
    save_container(path, manifest, arrays)
    return path


def refused(path: Path, code: str = "bad_state") -> SessionError:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a ComplexWarning is a failure too
        with pytest.raises(SessionError) as caught:
            load_session(path)
    assert caught.value.code == code, caught.value
    assert "\n" not in str(caught.value)
    return caught.value


def set_state(**values):
    def edit(manifest, arrays) -> None:
        manifest["state"].update(values)

    return edit


def test_the_unedited_session_loads(tmp_path, saved) -> None:
    trainer = load_session(write(tmp_path, saved, lambda m, a: None)).trainer
    assert (trainer.step_count, trainer.epoch, trainer.batch_position) == (7, 1, 48)


# ----------------------------------------------------------------------------- counters


def test_a_step_of_10_to_the_30_is_refused_and_info_says_so_in_one_line(tmp_path, saved, capsys) -> None:
    path = write(tmp_path, saved, set_state(step=10**30))
    err = refused(path)
    assert f"step is {10**30}, outside 0..{2**53} (steps count exactly to 2**53)" in str(err)
    assert main(["info", str(path)]) == 1
    assert main(["run", "--resume", str(path), "--steps", "1"]) == 1
    assert len(capsys.readouterr().err.strip().splitlines()) == 2


@pytest.mark.parametrize(
    ("values", "fragment"),
    [
        ({"step": MAX_STEP + 1}, "step is 9007199254740993"),
        ({"batch_position": 10**9}, "batch_position is 1000000000, outside 0..63 (a row of the 64 train"),
        ({"batch_position": 64}, "batch_position is 64, outside 0..63"),
        ({"epoch": 8}, "epoch is 8, outside 0..7 (an epoch takes at least one step)"),
        ({"checkpoint_every": 0}, "checkpoint_every is 0, outside 1.."),
        ({"step": 2}, "optimizer.step is 7, outside 0..2 (one update per step)"),
    ],
)
def test_a_counter_that_the_file_contradicts_is_refused(tmp_path, saved, values, fragment) -> None:
    assert fragment in str(refused(write(tmp_path, saved, set_state(**values))))


def test_a_history_capacity_of_10_to_the_12_is_refused_before_allocating(tmp_path, saved) -> None:
    def edit(manifest, arrays) -> None:
        manifest["state"]["histories"]["scalars"]["capacity"] = 10**12

    assert "history scalars capacity is 1000000000000" in str(refused(write(tmp_path, saved, edit)))


@pytest.mark.parametrize("name", ["checkpoint.steps", "history.scalars.steps"])
def test_recorded_steps_after_the_run_are_refused(tmp_path, saved, name) -> None:
    def edit(manifest, arrays) -> None:
        arrays[name] = arrays[name] + 100

    assert f"{name} must increase within 0..7" in str(refused(write(tmp_path, saved, edit)))


def test_a_run_past_2_to_the_40_steps_resumes(tmp_path, saved) -> None:
    # Far past a 32-bit counter and within 2**53: opens, trains and saves again.
    far = 2**40

    def edit(manifest, arrays) -> None:
        manifest["state"].update(step=far + 7)
        arrays["optimizer.step"] = np.array(far + 7)

    path = write(tmp_path, saved, edit)
    trainer = load_session(path).trainer
    for _ in trainer.steps(3):
        pass
    assert trainer.step_count == far + 10
    save_session(path, trainer)
    assert load_session(path).trainer.step_count == far + 10


# ----------------------------------------------------------------------------- dtypes


@pytest.mark.parametrize("dtype", [np.complex128, np.float32, np.int64])
def test_a_parameter_of_another_type_than_the_configs_precision_is_refused(tmp_path, saved, dtype) -> None:
    def edit(manifest, arrays) -> None:
        arrays["param.out.W"] = (arrays["param.out.W"] + (1j if dtype is np.complex128 else 0)).astype(dtype)

    err = refused(write(tmp_path, saved, edit))
    found = np.dtype(dtype).name
    assert f"array param.out.W holds {found}; the config's precision is float64" in str(err)


# ------------------------------------------------------------------ the optimizer's whole buffers (schema 5)

BUFFER = "optimizer.slot0.exp_avg"


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        (lambda a: a[:-1], f"{BUFFER[len('optimizer.') :]}: has shape (36,), expected (37,)"),
        (lambda a: np.concatenate([a, a]), "has shape (74,), expected (37,)"),
        (lambda a: a.reshape(37, 1), "has shape (37, 1), expected (37,)"),
        (lambda a: a + 1j, "has an unusable type complex128"),
        (lambda a: a > 0, "has an unusable type bool"),
    ],
)
def test_a_whole_optimizer_buffer_that_does_not_fit_is_refused(tmp_path, saved, change, fragment) -> None:
    assert saved[1][BUFFER].shape == (37,)  # all 37 parameters of the network in one buffer

    def edit(manifest, arrays) -> None:
        arrays[BUFFER] = change(arrays[BUFFER])

    # the optimizer refuses it, as it did a parameter's state of schema 4 (code bad_config)
    assert fragment in str(refused(write(tmp_path, saved, edit), code="bad_config"))


def test_a_whole_optimizer_buffer_holding_nan_is_refused(tmp_path, saved) -> None:
    def edit(manifest, arrays) -> None:
        arrays[BUFFER][3] = np.nan

    assert BUFFER in str(refused(write(tmp_path, saved, edit), code="non_finite"))


def test_a_session_opened_trains_in_the_buffers_it_read(tmp_path, saved) -> None:
    path = write(tmp_path, saved, lambda manifest, arrays: None)
    trainer = load_session(path).trainer
    (slot,) = trainer.optimizer._slots
    read = slot.state["exp_avg"]
    assert read.flags.owndata and read.flags.writeable
    np.testing.assert_array_equal(read, saved[1][BUFFER])
    trainer.run(2)
    assert slot.state["exp_avg"] is read and not np.array_equal(read, saved[1][BUFFER])


# ----------------------------------------------------------------------------- the config in the manifest


NESTED_40: Any = [0.1]
for _ in range(39):
    NESTED_40 = [NESTED_40]  # the manifest allows 64 levels, a config 32


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        ({"lr": 10**400}, "optimizer.lr: must be a finite number, got 1e+400"),
        ({"lr": NESTED_40}, "optimizer.lr[1][1]"),
    ],
)
def test_a_hostile_config_in_a_manifest_is_one_line(tmp_path, saved, change, fragment) -> None:
    def edit(manifest, arrays) -> None:
        manifest["config"]["optimizer"].update(change)

    assert fragment in str(refused(write(tmp_path, saved, edit), "bad_config"))
