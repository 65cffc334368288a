"""Datasets: classic 2D toy sets, regression curves, higher-dimensional tasks, digits, a CSV.

A data spec is a small JSON-able dict (``{"kind": "spiral", "noise": 0.1, ...}``);
:func:`validate_data_spec` fills the defaults and names the bad field, and
:func:`make_dataset` turns it into a frozen :class:`Dataset`. Generation is
deterministic: everything is drawn from ``np.random.default_rng(spec["seed"])``, so a
session could rebuild the arrays from the spec alone (a CSV only while the file is
unchanged, which is why sessions store the arrays).

The input plane
    The 2D sets (circles, xor, gaussians, spiral, moons, plane) and sine draw their
    clean inputs inside ``[-PLANE_LIMIT, PLANE_LIMIT] = [-1, 1]`` on every axis: the
    geometry of TensorFlow Playground's ``[-6, 6]`` plane divided by 6. That scale
    suits a network without any preprocessing; the app draws the plane over
    ``[-1, 1]`` (plus a margin, since noise can push points slightly outside).

Noise
    ``noise`` is in ``[0, 1]``. For the 2D classification sets the inputs get Gaussian
    jitter of standard deviation ``NOISE_SCALE · noise = noise / 4`` (plane units);
    labels come from the clean geometry, so ``noise=0`` makes every 2D set separable
    and ``noise=1`` is about TensorFlow Playground's maximum ("50") for circles and
    xor. For sine and plane the same standard deviation is added to the targets
    (which span about ``[-1, 1]``). ``teacher``, ``mixture`` and ``digits`` document
    their own meaning in their generator below.

Labels
    binary: ``y`` is ``(n, 1)`` float64 of 0/1; multiclass: ``(n,)`` int64 in ``0..k-1``;
    regression: ``(n, m)`` float64. Class sizes of generated sets are equal (±1) and the
    train/test split is stratified, so every class appears in the training set.
"""

from __future__ import annotations

import math
import numbers
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

from gradsim.engine.csv_data import CSV_TASKS, load_csv
from gradsim.engine.errors import ConfigError, DataError

PLANE_LIMIT = 1.0
TASKS = ("binary", "multiclass", "regression")
DATASET_KINDS: tuple[str, ...] = (
    "circles",
    "xor",
    "gaussians",
    "spiral",
    "moons",
    "sine",
    "plane",
    "teacher",
    "mixture",
    "digits",
    "csv",
)
MAX_SAMPLES = 100_000
MAX_GENERATED_CELLS = 5_000_000
DIGITS_SAMPLES = 1797
ARRAY_KEYS = ("x_train", "y_train", "x_test", "y_test")
STAT_KEYS = ("input_mean", "input_std")
NOISE_SCALE = 0.25  # jitter std per unit of ``noise`` on the 2D sets and sine/plane
_RADIUS = 5.0 / 6.0  # Playground's radius 5 on the [-6, 6] plane
_BLOB_STD = 0.12  # spread of each Gaussian blob before noise
_BLOB_RING = 0.55  # distance of the blob centres from the origin


# =========================================================================== Dataset
@dataclass(frozen=True, eq=False)
class Dataset:
    """Train and test arrays plus what the app needs to label them.

    ``eq=False`` because comparing numpy arrays with ``==`` is ambiguous; compare
    ``arrays()`` explicitly. Build instances with :meth:`from_arrays` (or
    :func:`make_dataset`), which validates and makes every array read-only: arrays are
    shared with snapshots, so nobody may modify them in place.

    ``input_mean``/``input_std`` are set when the inputs were standardized (CSV with
    ``standardize``): model inputs are ``(raw - input_mean) / input_std``, computed
    from the training rows only. Use :meth:`to_model_inputs`/:meth:`to_raw_inputs` to
    map the app's input plane.
    """

    name: str
    task: str
    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    n_classes: int
    feature_names: tuple[str, ...]
    label_names: tuple[str, ...] = ()
    input_mean: np.ndarray | None = field(default=None, repr=False)
    input_std: np.ndarray | None = field(default=None, repr=False)

    @property
    def input_dim(self) -> int:
        return int(self.x_train.shape[1])

    @property
    def output_dim(self) -> int:
        """Network outputs: 1 for binary, k for multiclass, m for regression."""
        if self.task == "multiclass":
            return self.n_classes
        return int(self.y_train.shape[1])

    def arrays(self) -> dict[str, np.ndarray]:
        """The arrays to store in a session file (``from_arrays`` reads them back)."""
        result = {key: getattr(self, key) for key in ARRAY_KEYS}
        if self.input_mean is not None and self.input_std is not None:
            result["input_mean"] = self.input_mean
            result["input_std"] = self.input_std
        return result

    def to_model_inputs(self, raw: np.ndarray) -> np.ndarray:
        """Map points in the data's original units to what the network sees."""
        raw = np.asarray(raw, dtype=np.float64)
        if self.input_mean is None or self.input_std is None:
            return raw
        return (raw - self.input_mean) / self.input_std

    def to_raw_inputs(self, x: np.ndarray) -> np.ndarray:
        """Inverse of :meth:`to_model_inputs`."""
        x = np.asarray(x, dtype=np.float64)
        if self.input_mean is None or self.input_std is None:
            return x
        return x * self.input_std + self.input_mean

    @classmethod
    def from_arrays(
        cls,
        name: str,
        task: str,
        n_classes: int,
        feature_names: tuple[str, ...] | list[str],
        arrays: Mapping[str, Any],
        label_names: tuple[str, ...] | list[str] = (),
    ) -> Dataset:
        """Validate shapes, dtypes, labels and finiteness; return read-only copies.

        Session files are user-editable, so a corrupted one must give a DataError
        rather than a broken dataset that fails later inside training.
        """
        if task not in TASKS:
            raise DataError(
                "dataset_task",
                "unknown task {task!r}; expected one of {allowed}",
                task=task,
                allowed=", ".join(TASKS),
            )
        _check_n_classes(task, n_classes)
        x_train, x_test = (_float_array(arrays, key, 2) for key in ("x_train", "x_test"))
        y_train, y_test = (_labels_array(arrays, key, task, n_classes) for key in ("y_train", "y_test"))
        _check_rows(x_train, y_train, x_test, y_test)
        features = _checked_names(feature_names, x_train.shape[1], "feature_names")
        outputs = n_classes if task != "regression" else y_train.shape[1]
        labels = (
            _checked_names(label_names, outputs, "label_names")
            if label_names
            else _default_label_names(task, outputs)
        )
        mean, std = _input_statistics(arrays, x_train.shape[1])
        return cls(
            name=str(name),
            task=task,
            x_train=_frozen(x_train),
            y_train=_frozen(y_train),
            x_test=_frozen(x_test),
            y_test=_frozen(y_test),
            n_classes=int(n_classes),
            feature_names=features,
            label_names=labels,
            input_mean=None if mean is None else _frozen(mean),
            input_std=None if std is None else _frozen(std),
        )


def _frozen(array: np.ndarray) -> np.ndarray:
    array.setflags(write=False)
    return array


def _bad_shape(key: str, expected: str, array: np.ndarray) -> DataError:
    return DataError(
        "dataset_array_shape",
        "{key} must have shape {expected}, got {shape}",
        key=key,
        expected=expected,
        shape=tuple(array.shape),
    )


def _numeric_array(arrays: Mapping[str, Any], key: str) -> np.ndarray:
    """``arrays[key]`` as a numeric ndarray (a copy), or a DataError."""
    if key not in arrays:
        raise DataError("dataset_missing_array", "the dataset has no {key} array", key=key)
    try:
        array = np.array(arrays[key])
        dtype = str(array.dtype)
    except (ValueError, TypeError):  # ragged lists and the like
        array, dtype = None, "ragged"
    if array is None or array.dtype.kind not in "biuf":
        raise DataError(
            "dataset_array_type", "{key} must be numeric, got dtype {dtype}", key=key, dtype=dtype
        )
    return array


def _float_array(arrays: Mapping[str, Any], key: str, ndim: int) -> np.ndarray:
    """A finite float64 copy with ``ndim`` dimensions."""
    array = _numeric_array(arrays, key).astype(np.float64)
    if array.ndim != ndim or (ndim == 2 and array.shape[1] < 1):
        raise _bad_shape(key, "(n, d)" if ndim == 2 else "(d,)", array)
    if not np.isfinite(array).all():
        raise DataError("dataset_non_finite", "{key} contains NaN or infinite values", key=key)
    return array


def _labels_array(arrays: Mapping[str, Any], key: str, task: str, n_classes: int) -> np.ndarray:
    """Targets in the layout of ``task`` (see the module docstring)."""
    if task == "regression":
        return _float_array(arrays, key, 2)
    if task == "binary":
        y = _float_array(arrays, key, 2)
        if y.shape[1] != 1:
            raise _bad_shape(key, "(n, 1)", y)
        if not np.isin(y, (0.0, 1.0)).all():
            raise DataError("dataset_labels", "{key} must hold only 0 and 1", key=key)
        return y
    y = _numeric_array(arrays, key)
    if y.ndim != 1:
        raise _bad_shape(key, "(n,)", y)
    if y.dtype.kind not in "iu":
        raise DataError(
            "dataset_array_type",
            "{key} must hold integer labels, got dtype {dtype}",
            key=key,
            dtype=str(y.dtype),
        )
    if y.size and (y.min() < 0 or y.max() >= n_classes):
        raise DataError("dataset_labels", "{key} labels must be in 0..{top}", key=key, top=n_classes - 1)
    return y.astype(np.int64)


def _check_n_classes(task: str, n_classes: Any) -> None:
    ok = (
        isinstance(n_classes, numbers.Integral)
        and not isinstance(n_classes, bool)
        and (
            (task == "binary" and n_classes == 2)
            or (task == "multiclass" and n_classes >= 2)
            or (task == "regression" and n_classes == 0)
        )
    )
    if not ok:
        raise DataError(
            "dataset_n_classes",
            "n_classes {value!r} does not fit a {task} dataset",
            value=n_classes,
            task=task,
        )


def _check_rows(x_train: np.ndarray, y_train: np.ndarray, x_test: np.ndarray, y_test: np.ndarray) -> None:
    """Matching row counts, at least one training row, same columns in train and test."""
    if x_train.shape[0] < 1 or x_train.shape[0] != y_train.shape[0]:
        raise DataError(
            "dataset_rows",
            "x_train has {x} rows and y_train {y}; need equal, >= 1",
            x=x_train.shape[0],
            y=y_train.shape[0],
        )
    if x_test.shape[0] != y_test.shape[0]:
        raise DataError(
            "dataset_rows",
            "x_test has {x} rows and y_test {y}; need equal",
            x=x_test.shape[0],
            y=y_test.shape[0],
        )
    if x_test.shape[1:] != x_train.shape[1:] or y_test.shape[1:] != y_train.shape[1:]:
        raise DataError("dataset_columns", "train and test arrays have different columns")


def _checked_names(names: Any, count: int, what: str) -> tuple[str, ...]:
    if isinstance(names, str) or not isinstance(names, Sequence) or len(names) != count:
        raise DataError("dataset_names", "{what} must list {count} names", what=what, count=count)
    return tuple(str(name) for name in names)


def _default_label_names(task: str, outputs: int) -> tuple[str, ...]:
    if task == "regression":
        return ("y",) if outputs == 1 else tuple(f"y{i + 1}" for i in range(outputs))
    return tuple(str(i) for i in range(outputs))


def _input_statistics(arrays: Mapping[str, Any], dim: int) -> tuple[np.ndarray | None, ...]:
    """The optional standardization statistics: both or neither, shape (d,), std > 0."""
    present = [key in arrays for key in STAT_KEYS]
    if not any(present):
        return None, None
    if not all(present):
        raise DataError(
            "dataset_missing_array",
            "the dataset has no {key} array",
            key=STAT_KEYS[present.index(False)],
        )
    mean, std = (_float_array(arrays, key, 1) for key in STAT_KEYS)
    for key, array in zip(STAT_KEYS, (mean, std), strict=True):
        if array.shape != (dim,):
            raise _bad_shape(key, f"({dim},)", array)
    if (std <= 0).any():
        raise DataError("dataset_statistics", "input_std must be positive")
    return mean, std


# =========================================================================== spec fields
@dataclass(frozen=True)
class _Field:
    """One spec key: its default, a checker that normalizes or raises, and UI hints."""

    default: Any
    check: Callable[[str, Any], Any]
    info: Mapping[str, Any]


def _int_in(where: str, value: Any, low: int, high: int) -> int:
    is_number = isinstance(value, numbers.Real) and not isinstance(value, bool)
    if not is_number or not math.isfinite(value) or value != int(value):
        raise ConfigError(where, "not_an_integer", "must be an integer, got {value!r}", value=value)
    if not low <= int(value) <= high:
        raise ConfigError(
            where,
            "out_of_range",
            "must be between {low} and {high}, got {value}",
            low=low,
            high=high,
            value=value,
        )
    return int(value)


def _float_in(where: str, value: Any, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(value):
        raise ConfigError(where, "not_a_number", "must be a finite number, got {value!r}", value=value)
    if not low <= float(value) <= high:
        raise ConfigError(
            where,
            "out_of_range",
            "must be between {low} and {high}, got {value}",
            low=low,
            high=high,
            value=value,
        )
    return float(value)


def _one_of(where: str, value: Any, choices: tuple[Any, ...]) -> Any:
    # Compare with type too: True == 1 must not pass as a choice.
    for choice in choices:
        if type(value) is type(choice) and value == choice:
            return choice
    raise ConfigError(
        where,
        "invalid_choice",
        "must be one of {allowed}, got {value!r}",
        allowed=", ".join(map(str, choices)),
        value=value,
    )


def _path(where: str, value: Any) -> str:
    if isinstance(value, os.PathLike):
        value = os.fspath(value)
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(where, "missing", "is required: the path of a CSV file, got {value!r}", value=value)
    return value


def _target(where: str, value: Any) -> int | str:
    if isinstance(value, str) and value.strip():
        return value.strip()
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return int(value)
    raise ConfigError(
        where,
        "invalid_target",
        "must be a column name or index (-1 is the last column), got {value!r}",
        value=value,
    )


def _int_field(default: int, low: int, high: int) -> _Field:
    return _Field(default, partial(_int_in, low=low, high=high), {"type": "int", "min": low, "max": high})


def _float_field(default: float, low: float, high: float) -> _Field:
    return _Field(default, partial(_float_in, low=low, high=high), {"type": "float", "min": low, "max": high})


def _choice_field(default: Any, choices: tuple[Any, ...]) -> _Field:
    return _Field(default, partial(_one_of, choices=choices), {"type": "choice", "choices": choices})


def _sampled(n: int = 400, low: int = 10, high: int = MAX_SAMPLES, noise: float = 0.1) -> dict[str, _Field]:
    """Keys shared by generated sets."""
    return {
        "n_samples": _int_field(n, low, high),
        "noise": _float_field(noise, 0.0, 1.0),
        **_split_fields(),
    }


def _split_fields() -> dict[str, _Field]:
    return {"test_fraction": _float_field(0.2, 0.0, 0.9), "seed": _int_field(0, 0, 2**63 - 1)}


_FIELDS: dict[str, dict[str, _Field]] = {
    "circles": _sampled(),
    "xor": _sampled(),
    "gaussians": {**_sampled(), "n_classes": _int_field(2, 2, 10)},
    "spiral": {**_sampled(), "n_classes": _int_field(2, 2, 10)},
    "moons": _sampled(),
    "sine": {**_sampled(), "periods": _float_field(1.0, 0.25, 10.0)},
    "plane": _sampled(),
    "teacher": {
        **_sampled(),
        "dim": _int_field(32, 1, 1024),
        "hidden": _int_field(16, 1, 256),
        "task": _choice_field("binary", ("binary", "regression")),
        "outputs": _int_field(1, 1, 16),
    },
    "mixture": {
        **_sampled(),
        "dim": _int_field(32, 2, 1024),
        "n_classes": _int_field(4, 2, 20),
        "clusters": _int_field(2, 1, 8),
    },
    "digits": _sampled(n=DIGITS_SAMPLES, low=20, high=DIGITS_SAMPLES, noise=0.0),
    "csv": {
        "path": _Field("", _path, {"type": "path"}),
        "target": _Field(-1, _target, {"type": "column"}),
        "task": _choice_field("auto", CSV_TASKS),
        "standardize": _choice_field(True, (True, False)),
        "has_header": _choice_field("auto", ("auto", True, False)),
        **_split_fields(),
    },
}


def dataset_defaults(kind: str) -> dict[str, Any]:
    """The default spec of ``kind`` (the UI builds its form from it; keys in form order).

    For "csv" the ``path`` default is empty and must be filled in before validation.
    """
    fields = _fields_of(kind)
    return {"kind": kind, **{key: f.default for key, f in fields.items()}}


def dataset_field_info(kind: str) -> dict[str, dict[str, Any]]:
    """Type and range of each key of ``kind`` (min/max, choices) for building UI widgets."""
    return {key: dict(f.info) for key, f in _fields_of(kind).items()}


def _fields_of(kind: Any) -> dict[str, _Field]:
    if not isinstance(kind, str) or kind not in _FIELDS:
        raise ConfigError(
            "data.kind",
            "unknown_kind",
            "unknown dataset kind {value!r}; choose one of {allowed}",
            value=kind,
            allowed=", ".join(DATASET_KINDS),
        )
    return _FIELDS[kind]


def validate_data_spec(spec: Mapping[str, Any]) -> dict[str, Any]:
    """Return a new, complete spec (defaults filled, numbers normalized) or raise ConfigError.

    Errors name the key as ``data.<key>``; an unknown kind or key lists the allowed
    ones, so a typo in a hand-written config is easy to fix.
    """
    if not isinstance(spec, Mapping):
        raise ConfigError("data", "not_an_object", "must be an object, got {value!r}", value=spec)
    if "kind" not in spec:
        raise ConfigError(
            "data.kind",
            "missing",
            "is required; choose one of {allowed}",
            allowed=", ".join(DATASET_KINDS),
        )
    kind = spec["kind"]
    fields = _fields_of(kind)
    for key in spec:
        if key != "kind" and key not in fields:
            raise ConfigError(
                f"data.{key}",
                "unknown_key",
                "unknown setting for kind {kind!r}; allowed: {allowed}",
                kind=kind,
                allowed=", ".join(fields),
            )
    result: dict[str, Any] = {"kind": kind}
    for key, f in fields.items():
        result[key] = f.check(f"data.{key}", spec[key]) if key in spec else f.default
    if kind == "csv" and "path" not in spec:
        _path("data.path", "")
    _check_sizes(result)
    return result


def _check_sizes(spec: Mapping[str, Any]) -> None:
    """Cross-key limits: two samples per class, and a cap on generated array size."""
    n = spec.get("n_samples")
    if n is None:
        return
    classes = spec.get("n_classes", 10 if spec["kind"] == "digits" else 2)
    if n < 2 * classes:
        raise ConfigError(
            "data.n_samples",
            "too_few_samples",
            "needs at least {minimum} samples for {classes} classes, got {value}",
            minimum=2 * classes,
            classes=classes,
            value=n,
        )
    if n * spec.get("dim", 2) > MAX_GENERATED_CELLS:
        raise ConfigError(
            "data.n_samples",
            "too_large",
            "n_samples x dim must be at most {limit}, got {value}",
            limit=MAX_GENERATED_CELLS,
            value=n * spec.get("dim", 2),
        )


# =========================================================================== making datasets
@dataclass(frozen=True)
class _Raw:
    """A generated or loaded set before the split: ``y`` is class labels or targets."""

    x: np.ndarray
    y: np.ndarray
    task: str
    n_classes: int
    feature_names: tuple[str, ...]
    label_names: tuple[str, ...]


def make_dataset(spec: Mapping[str, Any]) -> Dataset:
    """Validate ``spec`` and build its dataset; the same spec always gives the same arrays."""
    spec = validate_data_spec(spec)
    rng = np.random.default_rng(spec["seed"])
    if spec["kind"] == "csv":
        data = load_csv(spec["path"], spec["target"], spec["task"], spec["has_header"])
        raw = _Raw(data.x, data.y, data.task, data.n_classes, data.feature_names, data.label_names)
        name = Path(spec["path"]).stem or "csv"
        return _finish(name, raw, spec["test_fraction"], rng, standardize=spec["standardize"])
    raw = _GENERATORS[spec["kind"]](spec, rng)
    return _finish(spec["kind"], raw, spec["test_fraction"], rng)


@dataclass(frozen=True)
class DataShape:
    """Rows and widths of a dataset, known from its spec before it is generated."""

    n_train: int
    n_test: int
    input_dim: int
    output_dim: int


def data_shape(spec: Mapping[str, Any]) -> DataShape | None:
    """The shape ``make_dataset(spec)`` gives, without generating anything (``spec`` validated).

    Why: a config is checked (memory budget, BatchNorm batch sizes) before its data exists.
    Exact for regression and for the sets with equal class sizes; for ``teacher`` (binary)
    and ``digits`` the stratified split can move a row or two. None for a CSV: only its
    file knows.
    """
    kind = spec["kind"]
    if kind == "csv":
        return None
    n = spec["n_samples"]
    inputs = {"sine": 1, "teacher": spec.get("dim"), "mixture": spec.get("dim"), "digits": 64}.get(kind, 2)
    if kind in ("sine", "plane") or (kind == "teacher" and spec["task"] == "regression"):
        n_test = min(math.floor(n * spec["test_fraction"] + 0.5), n - 1)
        outputs = spec["outputs"] if kind == "teacher" else 1
        return DataShape(n - n_test, n_test, inputs, outputs)
    classes = spec["n_classes"] if kind in ("gaussians", "spiral", "mixture") else 2
    classes = 10 if kind == "digits" else classes
    sizes = np.asarray(_class_sizes(n, classes))
    wanted = min(math.floor(n * spec["test_fraction"] + 0.5), n - 1)
    n_test = int(np.minimum(_allocate(list(sizes), wanted), sizes - 1).sum())
    return DataShape(n - n_test, n_test, inputs, 1 if classes == 2 else classes)


def _finish(
    name: str, raw: _Raw, test_fraction: float, rng: np.random.Generator, standardize: bool = False
) -> Dataset:
    """Split (stratified for classification), optionally standardize, validate and freeze."""
    strata = None if raw.task == "regression" else raw.y
    train, test = _split_indices(len(raw.x), strata, test_fraction, rng)
    y = raw.y.reshape(-1, 1).astype(np.float64) if raw.task == "binary" else raw.y
    arrays = {
        "x_train": raw.x[train],
        "y_train": y[train],
        "x_test": raw.x[test],
        "y_test": y[test],
    }
    if standardize:
        arrays.update(_standardized(arrays["x_train"], arrays["x_test"]))
    return Dataset.from_arrays(
        name, raw.task, raw.n_classes, raw.feature_names, arrays, label_names=raw.label_names
    )


def _standardized(x_train: np.ndarray, x_test: np.ndarray) -> dict[str, np.ndarray]:
    """Z-score with training statistics only (the test set must not leak into training).

    Constant columns keep a scale of 1 so they become 0 instead of NaN.
    """
    mean = x_train.mean(axis=0)
    std = x_train.std(axis=0)
    std = np.where(std > 1e-12 * np.maximum(1.0, np.abs(mean)), std, 1.0)
    return {
        "x_train": (x_train - mean) / std,
        "x_test": (x_test - mean) / std,
        "input_mean": mean,
        "input_std": std,
    }


def _allocate(sizes: list[int], total: int) -> np.ndarray:
    """Split ``total`` across groups in proportion to ``sizes`` (largest remainder)."""
    sizes_arr = np.asarray(sizes, dtype=np.int64)
    exact = sizes_arr * total / max(1, int(sizes_arr.sum()))
    shares = np.floor(exact).astype(np.int64)
    order = np.argsort(-(exact - shares), kind="stable")
    shares[order[: total - int(shares.sum())]] += 1
    return shares


def _split_indices(
    n: int, strata: np.ndarray | None, test_fraction: float, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """Shuffled train/test indices with ``floor(n * test_fraction + 0.5)`` test rows.

    Stratified by class so small classes are in both sets; every class keeps at least
    one training row.
    """
    n_test = min(math.floor(n * test_fraction + 0.5), n - 1)
    if strata is None:
        order = rng.permutation(n)
        return order[n_test:], order[:n_test]
    groups = [rng.permutation(np.flatnonzero(strata == c)) for c in np.unique(strata)]
    sizes = [len(g) for g in groups]
    quotas = np.minimum(_allocate(sizes, n_test), np.asarray(sizes) - 1)
    test = np.concatenate([g[:q] for g, q in zip(groups, quotas, strict=True)])
    train = np.concatenate([g[q:] for g, q in zip(groups, quotas, strict=True)])
    return rng.permutation(train), rng.permutation(test)


# --------------------------------------------------------------------------- generators
def _class_sizes(n: int, k: int) -> list[int]:
    """Equal class sizes (the first ``n % k`` classes get one more)."""
    return [n // k + (1 if i < n % k else 0) for i in range(k)]


def _class_labels(sizes: list[int]) -> np.ndarray:
    return np.repeat(np.arange(len(sizes), dtype=np.int64), sizes)


def _jitter(x: np.ndarray, std: float, rng: np.random.Generator) -> np.ndarray:
    """Add Gaussian noise; always draws, so changing ``noise`` keeps the clean points."""
    return x + std * rng.standard_normal(x.shape)


def _plane_jitter(x: np.ndarray, spec: Mapping[str, Any], rng: np.random.Generator) -> np.ndarray:
    """Jitter with the 2D sets' noise scale (see the module docstring)."""
    return _jitter(x, NOISE_SCALE * spec["noise"], rng)


def _polar(radius: np.ndarray, angle: np.ndarray) -> np.ndarray:
    return np.column_stack([radius * np.cos(angle), radius * np.sin(angle)])


def _classification(x: np.ndarray, labels: np.ndarray, k: int, names: tuple[str, ...] = ("x1", "x2")) -> _Raw:
    task = "binary" if k == 2 else "multiclass"
    return _Raw(x, labels, task, k, names, tuple(str(i) for i in range(k)))


def _regression(x: np.ndarray, y: np.ndarray, names: tuple[str, ...]) -> _Raw:
    labels = ("y",) if y.shape[1] == 1 else tuple(f"y{i + 1}" for i in range(y.shape[1]))
    return _Raw(x, y, "regression", 0, names, labels)


def _circles(spec: Mapping[str, Any], rng: np.random.Generator) -> _Raw:
    """Class 1 inside radius 0.5·R, class 0 on the ring 0.7·R..R (R = 5/6), as in Playground."""
    sizes = _class_sizes(spec["n_samples"], 2)
    radius = np.concatenate(
        [rng.uniform(0.7 * _RADIUS, _RADIUS, sizes[0]), rng.uniform(0.0, 0.5 * _RADIUS, sizes[1])]
    )
    angle = rng.uniform(0.0, 2 * np.pi, spec["n_samples"])
    x = _plane_jitter(_polar(radius, angle), spec, rng)
    return _classification(x, _class_labels(sizes), 2)


def _xor(spec: Mapping[str, Any], rng: np.random.Generator) -> _Raw:
    """Class 1 in quadrants I and III, class 0 in II and IV, kept 0.05 away from the axes."""
    sizes = _class_sizes(spec["n_samples"], 2)
    labels = _class_labels(sizes)
    x = rng.uniform(0.05, 0.9, (len(labels), 2)) * rng.choice([-1.0, 1.0], size=(len(labels), 1))
    x[labels == 0, 1] *= -1.0
    return _classification(_plane_jitter(x, spec, rng), labels, 2)


def _gaussians(spec: Mapping[str, Any], rng: np.random.Generator) -> _Raw:
    """k round blobs (std 0.12) on a ring of radius 0.55; k=2 puts them at ±(0.39, 0.39)."""
    k = spec["n_classes"]
    labels = _class_labels(_class_sizes(spec["n_samples"], k))
    centres = _polar(np.full(k, _BLOB_RING), np.pi / 4 + 2 * np.pi * np.arange(k) / k)
    x = centres[labels] + _BLOB_STD * rng.standard_normal((len(labels), 2))
    return _classification(_plane_jitter(x, spec, rng), labels, k)


def _spiral(spec: Mapping[str, Any], rng: np.random.Generator) -> _Raw:
    """k interleaved arms turning 1.75 times out to radius R = 5/6 (Playground's spiral)."""
    k = spec["n_classes"]
    labels = _class_labels(_class_sizes(spec["n_samples"], k))
    u = rng.uniform(0.0, 1.0, len(labels))
    angle = 1.75 * 2 * np.pi * u + 2 * np.pi * labels / k
    x = _polar(_RADIUS * u, angle)
    return _classification(_plane_jitter(x, spec, rng), labels, k)


def _moons(spec: Mapping[str, Any], rng: np.random.Generator) -> _Raw:
    """scikit-learn's two moons, centred and scaled by 1/1.5 into x in [-1, 1], y in [-0.5, 0.5]."""
    labels = _class_labels(_class_sizes(spec["n_samples"], 2))
    theta = rng.uniform(0.0, np.pi, len(labels))
    upper = np.column_stack([np.cos(theta), np.sin(theta)])
    lower = np.column_stack([1.0 - np.cos(theta), 0.5 - np.sin(theta)])
    x = (np.where((labels == 0)[:, None], upper, lower) - [0.5, 0.25]) / 1.5
    return _classification(_plane_jitter(x, spec, rng), labels, 2)


def _sine(spec: Mapping[str, Any], rng: np.random.Generator) -> _Raw:
    """y = sin(pi * periods * x) on x in [-1, 1]: ``periods`` full waves across the plane."""
    x = rng.uniform(-1.0, 1.0, (spec["n_samples"], 1))
    y = np.sin(np.pi * spec["periods"] * x)
    return _regression(x, _plane_jitter(y, spec, rng), ("x",))


def _plane(spec: Mapping[str, Any], rng: np.random.Generator) -> _Raw:
    """y = (x1 + x2) / 2 on the square [-1, 1]^2 (Playground's linear regression set)."""
    x = rng.uniform(-1.0, 1.0, (spec["n_samples"], 2))
    y = x.sum(axis=1, keepdims=True) / 2.0
    return _regression(x, _plane_jitter(y, spec, rng), ("x1", "x2"))


def _teacher(spec: Mapping[str, Any], rng: np.random.Generator) -> _Raw:
    """Inputs N(0, I_dim) through a random tanh teacher with one hidden layer.

    The teacher's weights are drawn first, so they do not depend on ``n_samples``.
    Outputs are standardized over the samples; regression targets get ``noise`` added,
    binary labels are ``z + noise·N(0,1) > 0`` with z centred on the median (balanced).
    ``outputs`` only matters for regression.
    """
    dim, hidden = spec["dim"], spec["hidden"]
    outputs = spec["outputs"] if spec["task"] == "regression" else 1
    w1 = rng.standard_normal((dim, hidden)) * (2.0 / math.sqrt(dim))
    b1 = 0.5 * rng.standard_normal(hidden)
    w2 = rng.standard_normal((hidden, outputs)) / math.sqrt(hidden)
    x = rng.standard_normal((spec["n_samples"], dim))
    out = np.tanh(x @ w1 + b1) @ w2
    scale = np.where(out.std(axis=0) > 0, out.std(axis=0), 1.0)
    names = tuple(f"x{i + 1}" for i in range(dim))
    if spec["task"] == "regression":
        return _regression(x, _jitter((out - out.mean(axis=0)) / scale, spec["noise"], rng), names)
    z = _jitter((out[:, 0] - np.median(out[:, 0])) / scale[0], spec["noise"], rng)
    return _Raw(x, (z > 0).astype(np.int64), "binary", 2, names, ("0", "1"))


def _mixture(spec: Mapping[str, Any], rng: np.random.Generator) -> _Raw:
    """Each class is a mixture of ``clusters`` Gaussian clusters in ``dim`` dimensions.

    Centres are N(0, 32/dim·I), so two centres are about 8 apart whatever ``dim``;
    clusters have std ``1 + 4·noise`` per axis. Inputs are divided by their expected
    std so every coordinate has unit scale.
    """
    k, clusters, dim = spec["n_classes"], spec["clusters"], spec["dim"]
    spread = math.sqrt(32.0 / dim)
    centres = spread * rng.standard_normal((k * clusters, dim))
    labels = _class_labels(_class_sizes(spec["n_samples"], k))
    which = labels * clusters + rng.integers(0, clusters, len(labels))
    sigma = 1.0 + 4.0 * spec["noise"]
    noisy = centres[which] + sigma * rng.standard_normal((len(labels), dim))
    x = noisy / math.hypot(spread, sigma)
    return _classification(x, labels, k, tuple(f"x{i + 1}" for i in range(dim)))


def _digits(spec: Mapping[str, Any], rng: np.random.Generator) -> _Raw:
    """scikit-learn's 8x8 digits (bundled, no download), pixels scaled to [0, 1].

    ``n_samples`` below 1797 takes a class-stratified random subset; ``noise`` is the
    standard deviation of Gaussian jitter on the pixels.
    """
    try:
        from sklearn.datasets import load_digits
    except ImportError:
        raise DataError(
            "digits_needs_sklearn", "digits needs scikit-learn: pip install gradsim[digits]"
        ) from None
    bunch = load_digits()
    x_all = np.asarray(bunch.data, dtype=np.float64) / 16.0
    y_all = np.asarray(bunch.target, dtype=np.int64)
    groups = [rng.permutation(np.flatnonzero(y_all == c)) for c in range(10)]
    shares = _allocate([len(g) for g in groups], spec["n_samples"])
    pick = np.sort(np.concatenate([g[:s] for g, s in zip(groups, shares, strict=True)]))
    x = _jitter(x_all[pick], spec["noise"], rng)
    names = tuple(f"px{r}_{c}" for r in range(8) for c in range(8))
    return _Raw(x, y_all[pick], "multiclass", 10, names, tuple(str(i) for i in range(10)))


_GENERATORS: dict[str, Callable[[Mapping[str, Any], np.random.Generator], _Raw]] = {
    "circles": _circles,
    "xor": _xor,
    "gaussians": _gaussians,
    "spiral": _spiral,
    "moons": _moons,
    "sine": _sine,
    "plane": _plane,
    "teacher": _teacher,
    "mixture": _mixture,
    "digits": _digits,
}
