"""Everything a Trainer needs to resume bit-identically, as JSON plus named numpy arrays.

``trainer_state(t)`` returns ``(state, arrays)``: ``state`` is JSON-able (counters,
the random generator's state, history bookkeeping, divergence) and ``arrays`` holds
parameters, optimizer state, BatchNorm running statistics, the dataset, the batch
order, histories and checkpoints. ``restore_trainer(config, state, arrays)`` builds
a Trainer from them and checks every shape against the config, so a session file
with a wrong shape is refused instead of crashing later. Array names are listed in
docs/session-format.md.

Neither side copies what it need not. ``trainer_state`` hands out the trainer's own
arrays (parameters, optimizer state, checkpoints: views, valid until the trainer's next
step), one array per checkpoint (schema 4; schema 3 stacked them into one new matrix,
a copy of the largest part of a session on every save) and the optimizer state as its
whole flat buffers ``optimizer.slot<j>.<buffer>`` (schema 5; before, one array per
parameter, copied part by part into the buffers on every open). Restoring skips the work the
state overwrites: the network is built without a random initialization
(``Trainer(..., initialize=False)``) and, when the caller hands the arrays over
(``copy=False``, as ``load_session`` does with the arrays it just read), the checkpoints
are kept as read-only arrays as read instead of copies, and the optimizer's saved
buffers become its buffers. Older files' per-parameter optimizer arrays
(``optimizer.<buffer>.<k>``) are still restored, copied.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

import numpy as np

from gradsim.engine.datasets import Dataset
from gradsim.engine.errors import GradsimError
from gradsim.engine.history import SeriesHistory
from gradsim.engine.trainer import StepRecord, Trainer

HISTORIES = ("scalars", "layer_grads", "evaluation", "stats_history")


class StateError(GradsimError, ValueError):
    """Saved state that does not fit its config (wrong shape, missing array, bad counter)."""


#: Checkpoint ``k`` (a flat parameter vector) is the array ``checkpoint.params.<k>``.
CHECKPOINT_PREFIX = "checkpoint.params."


def trainer_state(trainer: Trainer) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """(JSON state, arrays) of ``trainer``; the arrays are the trainer's own, not copies
    (copy them to keep them past its next step)."""
    arrays: dict[str, np.ndarray] = {}
    for name, value in trainer.network.params.items():
        arrays[f"param.{name}"] = value
    for name, value in trainer.network.buffers.items():
        arrays[f"buffer.{name}"] = value
    for name, value in trainer.optimizer.slot_state_arrays().items():
        arrays[f"optimizer.{name}"] = value
    for name, value in trainer.dataset.arrays().items():
        arrays[f"data.{name}"] = value
    arrays["train.order"] = trainer.order
    for name in HISTORIES:
        arrays.update(getattr(trainer, name).arrays(f"history.{name}"))
    if trainer.stats is not None:
        arrays["latest.stats"] = trainer.stats
    for name, value in trainer.histograms.items():
        arrays[f"latest.histogram.{name}"] = value
    arrays["checkpoint.steps"] = np.array(trainer.checkpoint_steps, dtype=np.int64)
    for index, checkpoint in enumerate(trainer.checkpoints):
        arrays[f"{CHECKPOINT_PREFIX}{index}"] = checkpoint
    state = {
        "step": trainer.step_count,
        "epoch": trainer.epoch,
        "batch_position": trainer.batch_position,
        "rng": _jsonable_rng_state(trainer.rng),
        "divergence": trainer.divergence,
        "checkpoint_every": trainer.checkpoint_every,
        "histories": {name: getattr(trainer, name).meta() for name in HISTORIES},
        "dataset": {
            "name": trainer.dataset.name,
            "task": trainer.dataset.task,
            "n_classes": trainer.dataset.n_classes,
            "feature_names": list(trainer.dataset.feature_names),
            "label_names": list(trainer.dataset.label_names),
        },
        "last_record": step_record_to_json(trainer.last_record),
    }
    return state, {k: np.asarray(v) for k, v in arrays.items()}


NPY_HEADER_SLACK = 64 * 1024  # bytes besides the data in a read .npy member (header, padding)


def restore_trainer(
    config: Mapping[str, Any],
    state: Mapping[str, Any],
    arrays: Mapping[str, np.ndarray],
    *,
    copy: bool = True,
) -> Trainer:
    """Rebuild a Trainer; raises StateError naming the first array or key that does not fit.

    Buffers, histories and the batch order are always copied into the trainer's own
    arrays. With ``copy=False`` the caller hands ``arrays`` over (it must not use them
    afterwards): parameters and whole optimizer buffers that own their memory become the
    network's and the optimizer's (made writeable, not copied), and the checkpoints, the
    largest part of a session, are kept as read-only views of the arrays given instead of
    copies, when together they are whole allocations of their own. Otherwise everything is copied.
    """
    try:
        return _restore(config, state, arrays, copy=copy)
    except StateError:
        raise
    except (KeyError, TypeError, ValueError, IndexError) as error:
        if isinstance(error, GradsimError):
            raise
        raise StateError(
            "bad_state", "saved training state is inconsistent: {detail}", detail=_describe(error)
        ) from error


def _describe(error: Exception) -> str:
    if isinstance(error, KeyError):
        return f"missing {error.args[0]!r}"
    return str(error)


def _restore(
    config: Mapping[str, Any], state: Mapping[str, Any], arrays: Mapping[str, np.ndarray], *, copy: bool
) -> Trainer:
    info = state["dataset"]
    data = {key[len("data.") :]: value for key, value in arrays.items() if key.startswith("data.")}
    dataset = Dataset.from_arrays(
        info["name"],
        info["task"],
        int(info["n_classes"]),
        tuple(info["feature_names"]),
        data,
        label_names=tuple(info.get("label_names", ())),
    )
    handed = _handed_over_parameters(arrays) if not copy else {}
    trainer = Trainer(config, dataset=dataset, initialize=False, adopt=handed)
    _copy_named(trainer.network.params, arrays, "param.", require_finite=True)
    _copy_named(trainer.network.buffers, arrays, "buffer.", require_finite=True)
    optimizer_arrays = {k[len("optimizer.") :]: v for k, v in arrays.items() if k.startswith("optimizer.")}
    adopted = {id(array) for array in handed.values()}  # a parameter's array is not also a buffer
    optimizer_arrays = {k: v.copy() if id(v) in adopted else v for k, v in optimizer_arrays.items()}
    trainer.optimizer.load_state_arrays(optimizer_arrays, adopt=not copy)
    trainer.step_count = _counter(state["step"], "step")
    # Each step takes one batch and ends at most one epoch; the position is a training row.
    trainer.epoch = _counter(
        state["epoch"], "epoch", high=trainer.step_count, why="an epoch takes at least one step"
    )
    rows = len(dataset.x_train)
    trainer.batch_position = _counter(
        state["batch_position"], "batch_position", high=rows - 1, why=f"a row of the {rows} training rows"
    )
    _counter(
        trainer.optimizer.step_count, "optimizer.step", high=trainer.step_count, why="one update per step"
    )
    order = np.asarray(arrays["train.order"])
    if order.shape != (len(dataset.x_train),) or not np.array_equal(np.sort(order), np.arange(len(order))):
        raise StateError("bad_order", "train.order is not a permutation of the training set")
    trainer.order = order.astype(np.int64).copy()
    trainer.rng.bit_generator.state = _rng_state_from_json(state["rng"], trainer.rng)
    trainer.divergence = state.get("divergence")
    trainer.checkpoint_every = _counter(state["checkpoint_every"], "checkpoint_every", low=1)
    for name in HISTORIES:
        _check_history(name, state["histories"][name], arrays, getattr(trainer, name), trainer.step_count)
        width = getattr(trainer, name).width
        # The new trainer's empty history goes first: the restored one (usually of the same
        # size) reuses its memory instead of new pages (opening is mostly page faults).
        setattr(trainer, name, None)
        restored = SeriesHistory.restore(state["histories"][name], arrays, f"history.{name}")
        if restored.width != width:
            raise StateError(
                "bad_history",
                "history {name} has {found} columns, expected {expected}",
                name=name,
                found=restored.width,
                expected=width,
            )
        setattr(trainer, name, restored)
    if "latest.stats" in arrays:
        trainer.stats = np.array(arrays["latest.stats"], dtype=np.float64)
    trainer.histograms = {
        k[len("latest.histogram.") :]: np.array(v)
        for k, v in arrays.items()
        if k.startswith("latest.histogram.")
    }
    _restore_checkpoints(trainer, arrays, copy=copy)
    trainer.last_record = step_record_from_json(state.get("last_record"))
    return trainer


def step_record_from_json(saved: Any) -> StepRecord | None:
    """A step's scalars as :func:`step_record_to_json` wrote them (also the app's timeline
    checkpoints). A diverged run's loss is Inf or NaN: the session container spells those
    out in JSON and reads them back as floats."""
    if not saved:
        return None
    kinds = (int, float, float, bool, float, bool)  # StepRecord's fields, in order
    if not isinstance(saved, list) or len(saved) != len(kinds) or not all(map(_is_kind, saved, kinds)):
        names = ", ".join(field.name for field in dataclasses.fields(StepRecord))
        detail = f"last_record must list {names}"
        raise StateError("bad_last_record", "saved training state is inconsistent: {detail}", detail=detail)
    step, loss, grad_norm, clipped, learning_rate, finite = saved
    _counter(step, "last_record.step")
    return StepRecord(step, float(loss), float(grad_norm), bool(clipped), float(learning_rate), bool(finite))


def step_record_to_json(record: StepRecord | None) -> list[Any] | None:
    """Plain Python scalars (NaN and Inf stay floats; the container spells them out)."""
    if record is None:
        return None
    return [
        int(record.step),
        float(record.loss),
        float(record.grad_norm),
        bool(record.clipped),
        float(record.learning_rate),
        bool(record.finite),
    ]


def _is_kind(value: Any, kind: type) -> bool:
    """Booleans are booleans and never numbers; a whole number counts as a float."""
    if kind is bool:
        return isinstance(value, bool | np.bool_)
    allowed = (int, float) if kind is float else (int,)
    return isinstance(value, allowed) and not isinstance(value, bool | np.bool_)


def _copy_named(
    target: dict[str, np.ndarray], arrays: Mapping[str, np.ndarray], prefix: str, require_finite: bool
) -> None:
    for name, destination in target.items():
        key = prefix + name
        if key not in arrays:
            raise StateError("missing_array", "array {name} is missing", name=key)
        source = np.asarray(arrays[key])
        if source.shape != destination.shape:
            raise StateError(
                "shape_mismatch",
                "array {name} has shape {found}, the config needs {expected}",
                name=key,
                found=list(source.shape),
                expected=list(destination.shape),
            )
        if source.dtype != destination.dtype:  # the config's precision (a cast would drop parts)
            found, wanted = source.dtype.name, destination.dtype.name
            raise _inconsistent("bad_dtype", f"array {key} holds {found}; the config's precision is {wanted}")
        if require_finite and not all_finite(source):
            raise StateError("non_finite", "array {name} holds NaN or Inf", name=key)
        if source is not destination:  # an adopted parameter is the saved array itself
            np.copyto(destination, source)


def _handed_over_parameters(arrays: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The saved parameters the trainer can take as its own (:class:`Trainer`'s ``adopt``):
    arrays that own their memory (a stored session member as read), made writeable again.
    Others (a view of inflated bytes, part of a larger buffer) are copied as before."""
    handed, seen = {}, set()
    for key, array in arrays.items():
        if key.startswith("param.") and isinstance(array, np.ndarray) and array.flags.owndata:
            if id(array) in seen:  # one array given for two parameters: the second is copied
                continue
            seen.add(id(array))
            array.setflags(write=True)
            handed[key[len("param.") :]] = array
    return handed


def all_finite(array: np.ndarray) -> bool:
    """No NaN/Inf. For floats a sum is non-finite whenever a term is, so a finite sum
    settles it in one cheap pass; only an overflowing (or truly non-finite) sum is
    checked element-wise. Other dtypes as ``np.isfinite`` sees them."""
    if array.dtype.kind not in "fc" or array.size == 0:
        return bool(np.all(np.isfinite(array)))
    with np.errstate(all="ignore"):
        total = np.add.reduce(array, axis=None)
    return bool(np.isfinite(total)) or bool(np.isfinite(array).all())


def _restore_checkpoints(trainer: Trainer, arrays: Mapping[str, np.ndarray], *, copy: bool) -> None:
    """``checkpoint.steps`` and one flat parameter vector ``checkpoint.params.<k>`` per step,
    each of the network's size; none missing, none besides them."""
    steps = np.asarray(arrays["checkpoint.steps"])
    _check_steps(steps, "checkpoint.steps", trainer.step_count)
    if steps.shape[0] > len(arrays):  # before listing their names: each step needs an array
        detail = f"checkpoint.steps lists {steps.shape[0]} checkpoints; there are {len(arrays)} arrays"
        raise _inconsistent("missing_array", detail)
    size = sum(p.size for p in trainer.network.params.values())
    names = [f"{CHECKPOINT_PREFIX}{index}" for index in range(steps.shape[0])]
    known = {"checkpoint.steps", *names}
    unexpected = sorted(n for n in arrays if n.startswith("checkpoint.") and n not in known)
    if unexpected:
        detail = f"{unexpected[0]} is not one of the {len(names)} checkpoints of checkpoint.steps"
        raise _inconsistent("unexpected_array", detail)
    rows = []
    for name in names:
        if name not in arrays:
            raise StateError("missing_array", "array {name} is missing", name=name)
        row = np.asarray(arrays[name])
        if row.dtype != trainer.network.dtype:  # flat parameters, in the network's precision
            found, wanted = row.dtype.name, trainer.network.dtype.name
            raise _inconsistent(
                "bad_dtype", f"array {name} holds {found}; the config's precision is {wanted}"
            )
        if row.shape != (size,):
            raise StateError(
                "shape_mismatch",
                "array {name} has shape {found}, the config needs {expected}",
                name=name,
                found=list(row.shape),
                expected=[size],
            )
        rows.append(row)
    trainer.checkpoint_steps = [int(s) for s in steps]
    if copy or not _span_their_buffers(rows):
        trainer.checkpoints = [row.copy() for row in rows]
    else:  # handed over: read-only, never written (new checkpoints are new arrays)
        trainer.checkpoints = [_read_only(row) for row in rows]


def _read_only(array: np.ndarray) -> np.ndarray:
    view = array.view()
    view.setflags(write=False)
    return view


def _span_their_buffers(rows: list[np.ndarray]) -> bool:
    """Together all of each allocation under them: the checkpoints keep nothing else alive
    (schema 4: each its own array; an older file: the rows of one matrix). A numpy buffer,
    or the bytes a deflated session member was inflated into (with its small ``.npy``
    header); anything else is copied."""
    held: dict[int, list[Any]] = {}
    for row in rows:
        root = _root(row)
        entry = held.setdefault(id(root), [root, 0])
        entry[1] += row.nbytes
    return all(_spanned(root, nbytes) for root, nbytes in held.values())


def _root(array: np.ndarray) -> Any:
    """The object that owns ``array``'s memory."""
    root: Any = array
    while isinstance(root, np.ndarray) and root.base is not None:
        root = root.base
    return root.obj if isinstance(root, memoryview) else root


def _spanned(root: Any, nbytes: int) -> bool:
    if isinstance(root, np.ndarray):
        return root.nbytes == nbytes
    return isinstance(root, bytes | bytearray) and 0 <= len(root) - nbytes <= NPY_HEADER_SLACK


#: The last step counted exactly everywhere a step goes (float64 plot axes, JSON readers).
MAX_STEP = 2**53


def _counter(
    value: Any, name: str, *, low: int = 0, high: int = MAX_STEP, why: str = "steps count exactly to 2**53"
) -> int:
    """A whole number in ``low..high``; ``why`` says where the bound comes from, for the message."""
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < 0:
        raise StateError(
            "bad_counter", "{name} must be a non-negative integer, got {value!r}", name=name, value=value
        )
    if not low <= value <= high:
        raise _inconsistent("bad_counter", f"{name} is {value}, outside {low}..{high} ({why})")
    return int(value)


def _check_steps(steps: np.ndarray, name: str, step: int) -> None:
    """Recorded steps: whole numbers, increasing, none after the run's own step."""
    if steps.dtype.kind not in "iu" or steps.ndim != 1:
        raise _inconsistent("bad_steps", f"{name} holds {steps.dtype.name}, not a list of steps")
    if steps.size and (steps[0] < 0 or steps[-1] > step or np.any(np.diff(steps) <= 0)):
        raise _inconsistent("bad_steps", f"{name} must increase within 0..{step}, the run's step")


def _check_history(
    name: str, meta: Any, arrays: Mapping[str, np.ndarray], own: SeriesHistory, step: int
) -> None:
    """A history's bookkeeping, checked before :meth:`SeriesHistory.restore` allocates its
    capacity: no larger than this gradsim's, and no bucket after the run's step."""
    if not isinstance(meta, Mapping):
        raise _inconsistent("bad_history", f"history {name} is not an object")
    capacity = f"history {name} capacity"
    _counter(meta.get("capacity"), capacity, low=2, high=own.capacity, why="this gradsim's at most")
    steps = arrays.get(f"history.{name}.steps")
    if steps is not None:
        _check_steps(np.asarray(steps), f"history.{name}.steps", step)


def _inconsistent(code: str, detail: str) -> StateError:
    return StateError(code, "saved training state is inconsistent: {detail}", detail=detail)


def _jsonable_rng_state(rng: np.random.Generator) -> dict[str, Any]:
    """PCG64's state holds 128-bit integers: JSON keeps them exactly as decimal strings."""
    state = rng.bit_generator.state
    return {
        "bit_generator": state["bit_generator"],
        "state": {k: str(v) for k, v in state["state"].items()},
        "has_uint32": int(state["has_uint32"]),
        "uinteger": int(state["uinteger"]),
    }


def _rng_state_from_json(saved: Mapping[str, Any], rng: np.random.Generator) -> dict[str, Any]:
    expected = rng.bit_generator.state["bit_generator"]
    if saved.get("bit_generator") != expected:
        raise StateError(
            "bad_rng",
            "random generator {found!r} is not {expected}",
            found=saved.get("bit_generator"),
            expected=expected,
        )
    return {
        "bit_generator": expected,
        "state": {k: int(v) for k, v in saved["state"].items()},
        "has_uint32": int(saved["has_uint32"]),
        "uinteger": int(saved["uinteger"]),
    }
