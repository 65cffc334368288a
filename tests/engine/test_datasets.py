"""Generated datasets: determinism, layout, balance, geometry, splits, validation."""

from __future__ import annotations

import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gradsim.engine.datasets import (
    DATASET_KINDS,
    PLANE_LIMIT,
    Dataset,
    dataset_defaults,
    dataset_field_info,
    make_dataset,
    validate_data_spec,
)
from gradsim.engine.errors import ConfigError, DataError

GENERATED = [kind for kind in DATASET_KINDS if kind not in ("digits", "csv")]
PLANE_2D = ["circles", "xor", "gaussians", "spiral", "moons"]
# (spec, task, input_dim, output_dim, n_classes)
LAYOUTS = [
    ({"kind": "circles"}, "binary", 2, 1, 2),
    ({"kind": "xor"}, "binary", 2, 1, 2),
    ({"kind": "gaussians"}, "binary", 2, 1, 2),
    ({"kind": "gaussians", "n_classes": 5}, "multiclass", 2, 5, 5),
    ({"kind": "spiral"}, "binary", 2, 1, 2),
    ({"kind": "spiral", "n_classes": 3}, "multiclass", 2, 3, 3),
    ({"kind": "moons"}, "binary", 2, 1, 2),
    ({"kind": "sine"}, "regression", 1, 1, 0),
    ({"kind": "plane"}, "regression", 2, 1, 0),
    ({"kind": "teacher"}, "binary", 32, 1, 2),
    ({"kind": "teacher", "task": "regression", "outputs": 3, "dim": 8}, "regression", 8, 3, 0),
    ({"kind": "mixture"}, "multiclass", 32, 4, 4),
    ({"kind": "mixture", "n_classes": 2, "dim": 40}, "binary", 40, 1, 2),
]


def all_x(ds: Dataset) -> np.ndarray:
    return np.vstack([ds.x_train, ds.x_test])


def all_labels(ds: Dataset) -> np.ndarray:
    """Class labels as a flat int array (binary y is (n, 1) float)."""
    y = np.concatenate([ds.y_train, ds.y_test])
    return y.reshape(len(y)).astype(np.int64) if ds.task == "binary" else y


def nearest_neighbour_accuracy(x: np.ndarray, labels: np.ndarray) -> float:
    """Leave-one-out 1-NN accuracy: high when the classes do not overlap."""
    d2 = ((x[:, None, :] - x[None, :, :]) ** 2).sum(axis=-1)
    np.fill_diagonal(d2, np.inf)
    return float((labels[d2.argmin(axis=1)] == labels).mean())


# --------------------------------------------------------------------------- layout
@pytest.mark.parametrize(("spec", "task", "d_in", "d_out", "k"), LAYOUTS)
def test_shapes_dtypes_and_task(spec, task, d_in, d_out, k):
    ds = make_dataset({**spec, "n_samples": 200})
    assert (ds.task, ds.input_dim, ds.output_dim, ds.n_classes) == (task, d_in, d_out, k)
    assert ds.x_train.dtype == np.float64 and ds.x_train.shape[1] == d_in
    assert len(ds.x_train) + len(ds.x_test) == 200
    assert len(ds.feature_names) == d_in
    if task == "multiclass":
        assert ds.y_train.dtype == np.int64 and ds.y_train.ndim == 1
        assert set(np.unique(ds.y_train)) == set(range(k))
        assert len(ds.label_names) == k
    elif task == "binary":
        assert ds.y_train.dtype == np.float64 and ds.y_train.shape == (len(ds.x_train), 1)
        assert set(np.unique(ds.y_train)) == {0.0, 1.0}
    else:
        assert ds.y_train.dtype == np.float64 and ds.y_train.shape == (len(ds.x_train), d_out)
    for x, y in ((ds.x_train, ds.y_train), (ds.x_test, ds.y_test)):
        assert len(x) == len(y)
        assert np.isfinite(x).all() and np.isfinite(y).all()


@pytest.mark.parametrize("kind", GENERATED)
def test_same_spec_same_arrays_and_new_seed_new_arrays(kind):
    spec = {"kind": kind, "n_samples": 120, "seed": 3}
    first, again = make_dataset(spec).arrays(), make_dataset(dict(spec)).arrays()
    other = make_dataset({**spec, "seed": 4}).arrays()
    for key in first:
        np.testing.assert_array_equal(first[key], again[key])
    assert not np.array_equal(first["x_train"], other["x_train"])


@pytest.mark.parametrize("kind", GENERATED)
def test_arrays_are_read_only(kind):
    ds = make_dataset({"kind": kind, "n_samples": 50})
    for name, array in ds.arrays().items():
        assert not array.flags.writeable, name
        with pytest.raises(ValueError):
            array[0] = 0


def test_dataset_is_frozen():
    ds = make_dataset({"kind": "circles", "n_samples": 50})
    with pytest.raises(AttributeError):
        ds.name = "other"  # type: ignore[misc]


# --------------------------------------------------------------------------- balance, geometry
@pytest.mark.parametrize(
    "spec",
    [{"kind": k} for k in PLANE_2D + ["mixture", "teacher"]]
    + [{"kind": "spiral", "n_classes": 3}, {"kind": "gaussians", "n_classes": 7}],
)
def test_classes_are_balanced(spec):
    ds = make_dataset({**spec, "n_samples": 420})
    counts = np.bincount(all_labels(ds), minlength=ds.n_classes)
    expected = 420 / ds.n_classes
    assert counts.min() >= 0.9 * expected and counts.max() <= 1.1 * expected


@pytest.mark.parametrize("kind", PLANE_2D + ["sine", "plane"])
def test_clean_inputs_stay_in_the_plane(kind):
    x = all_x(make_dataset({"kind": kind, "noise": 0.0}))
    assert np.abs(x).max() <= PLANE_LIMIT
    assert np.abs(x).max() > 0.75 * PLANE_LIMIT  # uses most of the plane, not a corner


def test_circles_without_noise_are_separated_by_radius():
    ds = make_dataset({"kind": "circles", "noise": 0.0})
    radius = np.linalg.norm(all_x(ds), axis=1)
    labels = all_labels(ds)
    assert radius[labels == 1].max() < radius[labels == 0].min()


def test_xor_without_noise_is_the_sign_of_the_product():
    ds = make_dataset({"kind": "xor", "noise": 0.0})
    x = all_x(ds)
    np.testing.assert_array_equal(all_labels(ds), (x[:, 0] * x[:, 1] > 0).astype(np.int64))


def test_two_gaussians_without_noise_are_linearly_separable():
    ds = make_dataset({"kind": "gaussians", "noise": 0.0})
    x = all_x(ds)
    np.testing.assert_array_equal(all_labels(ds), (x.sum(axis=1) < 0).astype(np.int64))


@pytest.mark.parametrize("spec", [{"kind": "spiral"}, {"kind": "spiral", "n_classes": 3}, {"kind": "moons"}])
def test_curved_sets_without_noise_do_not_overlap(spec):
    ds = make_dataset({**spec, "noise": 0.0})
    assert nearest_neighbour_accuracy(all_x(ds), all_labels(ds)) >= 0.98


def test_noise_blurs_the_classes():
    clean = make_dataset({"kind": "spiral", "noise": 0.0})
    noisy = make_dataset({"kind": "spiral", "noise": 1.0})
    assert nearest_neighbour_accuracy(all_x(noisy), all_labels(noisy)) < 0.8
    # The clean points are reused: only the jitter changes with the noise setting.
    assert np.abs(all_x(noisy) - all_x(clean)).max() > 0.1


@pytest.mark.parametrize(
    ("kind", "function"),
    [
        ("sine", lambda x: np.sin(np.pi * x[:, :1])),
        ("plane", lambda x: x.sum(axis=1, keepdims=True) / 2),
    ],
)
def test_regression_without_noise_is_the_function(kind, function):
    ds = make_dataset({"kind": kind, "noise": 0.0})
    np.testing.assert_allclose(ds.y_train, function(ds.x_train))
    np.testing.assert_allclose(ds.y_test, function(ds.x_test))


def test_sine_periods_scale_the_frequency():
    ds = make_dataset({"kind": "sine", "noise": 0.0, "periods": 3.0})
    np.testing.assert_allclose(ds.y_train, np.sin(3 * np.pi * ds.x_train))


def _teacher_targets(n_samples: int, seed: int, dim: int, outputs: int) -> dict[bytes, np.ndarray]:
    spec = {"kind": "teacher", "task": "regression", "noise": 0.0, "seed": seed, "dim": dim}
    ds = make_dataset({**spec, "outputs": outputs, "n_samples": n_samples})
    x, y = np.concatenate([ds.x_train, ds.x_test]), np.concatenate([ds.y_train, ds.y_test])
    return {row.tobytes(): target for row, target in zip(x, y, strict=True)}


@pytest.mark.parametrize(("seed", "dim", "outputs"), [(0, 32, 1), (1, 8, 3), (2, 3, 2), (3, 64, 1)])
def test_teacher_is_fixed_by_the_seed_not_the_sample_count(seed, dim, outputs):
    """The same seed labels the same input the same way whatever ``n_samples``.

    Inputs are drawn after the teacher, so the 100 inputs of the small set are among the
    300 of the large one; on them the two sets' targets (each standardized over its own
    samples) must be the same function up to a positive scale and a shift."""
    small = _teacher_targets(100, seed, dim, outputs)
    large = _teacher_targets(300, seed, dim, outputs)
    shared = [key for key in small if key in large]
    assert len(shared) == 100
    a = np.array([small[key] for key in shared])
    b = np.array([large[key] for key in shared])
    for column in range(outputs):
        design = np.column_stack([a[:, column], np.ones(len(shared))])
        (slope, shift), *_ = np.linalg.lstsq(design, b[:, column], rcond=None)
        assert slope > 0
        np.testing.assert_allclose(slope * a[:, column] + shift, b[:, column], rtol=0, atol=1e-9)
    assert np.std(b, axis=0) == pytest.approx(np.ones(outputs), rel=0.3)  # a real spread, not a constant


def test_teacher_binary_without_noise_is_exactly_balanced():
    counts = np.bincount(all_labels(make_dataset({"kind": "teacher", "noise": 0.0})))
    assert counts.tolist() == [200, 200]


def test_mixture_inputs_have_unit_scale():
    x = all_x(make_dataset({"kind": "mixture", "dim": 64, "n_samples": 1000}))
    assert 0.7 < x.std() < 1.3


# --------------------------------------------------------------------------- split
@pytest.mark.parametrize("fraction", [0.0, 0.1, 0.25, 0.5, 0.9])
@pytest.mark.parametrize("kind", ["circles", "sine", "mixture"])
def test_test_fraction_sets_the_test_size(kind, fraction):
    ds = make_dataset({"kind": kind, "n_samples": 200, "test_fraction": fraction})
    assert len(ds.x_test) == round(200 * fraction)
    assert len(ds.x_train) == 200 - round(200 * fraction)


def test_split_is_stratified():
    ds = make_dataset({"kind": "gaussians", "n_classes": 4, "n_samples": 400})
    assert np.bincount(ds.y_train).tolist() == [80, 80, 80, 80]
    assert np.bincount(ds.y_test).tolist() == [20, 20, 20, 20]


def test_train_and_test_rows_are_disjoint():
    ds = make_dataset({"kind": "moons", "n_samples": 300})
    rows = {tuple(row) for row in ds.x_train}
    assert not any(tuple(row) in rows for row in ds.x_test)


# --------------------------------------------------------------------------- validation
@pytest.mark.parametrize("kind", DATASET_KINDS)
def test_defaults_list_the_kind_and_validate(kind):
    defaults = dataset_defaults(kind)
    assert defaults["kind"] == kind
    assert set(dataset_field_info(kind)) == set(defaults) - {"kind"}
    if kind == "csv":
        with pytest.raises(ConfigError) as err:
            validate_data_spec(defaults)
        assert err.value.params["field"] == "data.path"
    else:
        assert validate_data_spec(defaults) == defaults
        assert validate_data_spec({"kind": kind}) == defaults


def test_validation_normalizes_numbers_and_returns_a_new_dict():
    spec = {"kind": "circles", "noise": 0, "n_samples": 300.0}
    result = validate_data_spec(spec)
    assert result["noise"] == 0.0 and isinstance(result["noise"], float)
    assert result["n_samples"] == 300 and isinstance(result["n_samples"], int)
    assert spec == {"kind": "circles", "noise": 0, "n_samples": 300.0}


@pytest.mark.parametrize(
    ("spec", "field", "code"),
    [
        ({"kind": "circles", "noise": 2.0}, "data.noise", "out_of_range"),
        ({"kind": "circles", "noise": -0.1}, "data.noise", "out_of_range"),
        ({"kind": "circles", "noise": "lots"}, "data.noise", "not_a_number"),
        ({"kind": "circles", "noise": float("nan")}, "data.noise", "not_a_number"),
        ({"kind": "circles", "n_samples": 5}, "data.n_samples", "out_of_range"),
        ({"kind": "circles", "n_samples": 10.5}, "data.n_samples", "not_an_integer"),
        ({"kind": "circles", "n_samples": True}, "data.n_samples", "not_an_integer"),
        ({"kind": "circles", "test_fraction": 1.0}, "data.test_fraction", "out_of_range"),
        ({"kind": "circles", "seed": -1}, "data.seed", "out_of_range"),
        ({"kind": "circles", "n_classes": 3}, "data.n_classes", "unknown_key"),
        ({"kind": "spiral", "n_classes": 11}, "data.n_classes", "out_of_range"),
        ({"kind": "mixture", "n_classes": 20, "n_samples": 30}, "data.n_samples", "too_few_samples"),
        ({"kind": "mixture", "dim": 1024, "n_samples": 10_000}, "data.n_samples", "too_large"),
        ({"kind": "teacher", "task": "multiclass"}, "data.task", "invalid_choice"),
        ({"kind": "csv", "path": "a.csv", "standardize": 1}, "data.standardize", "invalid_choice"),
        ({"kind": "csv", "path": "a.csv", "has_header": "yes"}, "data.has_header", "invalid_choice"),
        ({"kind": "csv", "path": "a.csv", "target": 1.5}, "data.target", "invalid_target"),
        ({"kind": "csv", "path": ""}, "data.path", "missing"),
        ({"kind": "csv", "path": "a.csv", "noise": 0.1}, "data.noise", "unknown_key"),
        ({"kind": "swirl"}, "data.kind", "unknown_kind"),
        ({"kind": ["circles"]}, "data.kind", "unknown_kind"),
        ({"noise": 0.1}, "data.kind", "missing"),
    ],
)
def test_validation_errors_name_the_field(spec, field, code):
    with pytest.raises(ConfigError) as err:
        validate_data_spec(spec)
    assert err.value.code == code
    assert err.value.params["field"] == field
    assert str(err.value).startswith(field + ":")


def test_unknown_kind_and_key_list_the_allowed_ones():
    with pytest.raises(ConfigError) as err:
        validate_data_spec({"kind": "swirl"})
    assert all(kind in str(err.value) for kind in DATASET_KINDS)
    with pytest.raises(ConfigError) as err:
        validate_data_spec({"kind": "spiral", "arms": 3})
    assert "n_classes" in str(err.value) and "noise" in str(err.value)


def test_spec_must_be_a_mapping():
    with pytest.raises(ConfigError) as err:
        validate_data_spec(["circles"])  # type: ignore[arg-type]
    assert err.value.params["field"] == "data"


SPEC_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=5),
)


@settings(max_examples=150, deadline=None)
@given(
    kind=st.one_of(st.sampled_from(DATASET_KINDS), st.text(max_size=6)),
    extra=st.dictionaries(
        st.sampled_from(["n_samples", "noise", "seed", "n_classes", "dim", "task", "path", "x"]),
        SPEC_VALUES,
        max_size=4,
    ),
)
def test_validation_never_fails_with_another_exception(kind, extra):
    try:
        result = validate_data_spec({"kind": kind, **extra})
    except ConfigError as err:
        assert err.params["field"].startswith("data")
    else:
        assert set(result) == set(dataset_defaults(kind))


# --------------------------------------------------------------------------- from_arrays
def test_from_arrays_round_trips():
    ds = make_dataset({"kind": "spiral", "n_classes": 3, "n_samples": 90})
    back = Dataset.from_arrays(ds.name, ds.task, ds.n_classes, ds.feature_names, ds.arrays(), ds.label_names)
    for key, array in ds.arrays().items():
        np.testing.assert_array_equal(back.arrays()[key], array)
        assert back.arrays()[key].dtype == array.dtype
    assert (back.task, back.output_dim, back.label_names) == ("multiclass", 3, ds.label_names)


def test_from_arrays_copies_and_freezes_its_input():
    arrays = {
        "x_train": np.zeros((4, 2)),
        "y_train": np.array([[0.0], [1.0], [0.0], [1.0]]),
        "x_test": np.zeros((0, 2)),
        "y_test": np.zeros((0, 1)),
    }
    ds = Dataset.from_arrays("toy", "binary", 2, ("a", "b"), arrays)
    arrays["x_train"][0, 0] = 5.0  # the caller's array stays writable and separate
    assert ds.x_train[0, 0] == 0.0 and not ds.x_train.flags.writeable
    assert ds.label_names == ("0", "1")


GOOD = {
    "x_train": np.zeros((4, 2)),
    "y_train": np.array([0, 1, 2, 1]),
    "x_test": np.zeros((1, 2)),
    "y_test": np.array([2]),
}


@pytest.mark.parametrize(
    ("task", "n_classes", "changes", "code"),
    [
        ("ternary", 3, {}, "dataset_task"),
        ("multiclass", 1, {}, "dataset_n_classes"),
        ("regression", 3, {}, "dataset_n_classes"),
        ("multiclass", 3, {"x_test": None}, "dataset_missing_array"),
        ("multiclass", 3, {"x_train": np.array([["a", "b"]] * 4)}, "dataset_array_type"),
        ("multiclass", 3, {"x_train": np.zeros(4)}, "dataset_array_shape"),
        ("multiclass", 3, {"x_train": np.full((4, 2), np.nan)}, "dataset_non_finite"),
        ("multiclass", 3, {"y_train": np.array([0, 1, 3, 1])}, "dataset_labels"),
        ("multiclass", 3, {"y_train": np.array([0.0, 1.0, 2.0, 1.0])}, "dataset_array_type"),
        ("multiclass", 3, {"y_train": np.array([0, 1, 2])}, "dataset_rows"),
        ("multiclass", 3, {"x_test": np.zeros((1, 3))}, "dataset_columns"),
        ("multiclass", 3, {"input_mean": np.zeros(2)}, "dataset_missing_array"),
        ("multiclass", 3, {"input_mean": np.zeros(3), "input_std": np.ones(3)}, "dataset_array_shape"),
    ],
)
def test_from_arrays_rejects_bad_arrays(task, n_classes, changes, code):
    arrays = {**GOOD, **changes}
    arrays = {key: value for key, value in arrays.items() if value is not None}
    with pytest.raises(DataError) as err:
        Dataset.from_arrays("bad", task, n_classes, ("a", "b"), arrays)
    assert err.value.code == code


def test_from_arrays_checks_binary_labels_and_names():
    arrays = {**GOOD, "y_train": np.array([[0.0], [1.0], [0.5], [1.0]]), "y_test": np.zeros((1, 1))}
    with pytest.raises(DataError) as err:
        Dataset.from_arrays("bad", "binary", 2, ("a", "b"), arrays)
    assert err.value.code == "dataset_labels"
    with pytest.raises(DataError) as err:
        Dataset.from_arrays("bad", "multiclass", 3, ("a",), GOOD)
    assert err.value.code == "dataset_names"


# --------------------------------------------------------------------------- digits
def test_digits_without_scikit_learn_explains_how_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "sklearn", None)
    monkeypatch.setitem(sys.modules, "sklearn.datasets", None)
    with pytest.raises(DataError) as err:
        make_dataset({"kind": "digits"})
    assert err.value.code == "digits_needs_sklearn"
    assert "pip install gradsim[digits]" in str(err.value)


def test_digits_with_scikit_learn():
    pytest.importorskip("sklearn")
    ds = make_dataset({"kind": "digits", "n_samples": 500})
    assert (ds.task, ds.input_dim, ds.output_dim) == ("multiclass", 64, 10)
    assert len(ds.x_train) + len(ds.x_test) == 500
    assert ds.x_train.min() >= 0.0 and ds.x_train.max() <= 1.0
    assert np.bincount(all_labels(ds), minlength=10).min() >= 45


# --------------------------------------------------------------------------- csv kind
def write_csv(tmp_path, text: str, name: str = "data.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_csv_kind_standardizes_with_training_statistics(tmp_path):
    rng = np.random.default_rng(1)
    rows = [f"{100 + 10 * a:.6f},{-3 + 0.1 * b:.6f},{int(a > 0)}" for a, b in rng.normal(size=(60, 2))]
    path = write_csv(tmp_path, "height,weight,label\n" + "\n".join(rows) + "\n", "people.csv")
    ds = make_dataset({"kind": "csv", "path": str(path), "test_fraction": 0.25})
    assert ds.name == "people" and ds.feature_names == ("height", "weight")
    np.testing.assert_allclose(ds.x_train.mean(axis=0), 0.0, atol=1e-12)
    np.testing.assert_allclose(ds.x_train.std(axis=0), 1.0)
    assert ds.input_mean is not None and ds.input_std is not None
    assert ds.input_mean[0] == pytest.approx(100, abs=5)
    raw_test = ds.to_raw_inputs(ds.x_test)
    np.testing.assert_allclose(ds.to_model_inputs(raw_test), ds.x_test)
    assert set(np.round(raw_test[:, 1], 6)) <= {float(r.split(",")[1]) for r in rows}
    back = Dataset.from_arrays(ds.name, ds.task, ds.n_classes, ds.feature_names, ds.arrays())
    np.testing.assert_array_equal(back.input_std, ds.input_std)


def test_csv_kind_without_standardize_keeps_raw_values(tmp_path):
    path = write_csv(tmp_path, "a,b,y\n" + "".join(f"{i},{2 * i},{i % 2}\n" for i in range(10)))
    ds = make_dataset({"kind": "csv", "path": path, "standardize": False, "test_fraction": 0.0})
    assert ds.input_mean is None and "input_mean" not in ds.arrays()
    assert sorted(ds.x_train[:, 0]) == list(range(10))
    np.testing.assert_array_equal(ds.to_model_inputs(ds.x_train), ds.x_train)


def test_csv_kind_with_string_classes_is_stratified(tmp_path):
    labels = ["cat", "dog", "eel"] * 4
    text = "".join(f"{i},{i % 5},{label}\n" for i, label in enumerate(labels))
    ds = make_dataset({"kind": "csv", "path": write_csv(tmp_path, text), "test_fraction": 0.25})
    assert (ds.task, ds.n_classes, ds.label_names) == ("multiclass", 3, ("cat", "dog", "eel"))
    assert np.bincount(ds.y_test).tolist() == [1, 1, 1]


def test_csv_kind_reports_a_missing_file(tmp_path):
    with pytest.raises(DataError) as err:
        make_dataset({"kind": "csv", "path": str(tmp_path / "nope.csv")})
    assert err.value.code == "csv_not_found"
