"""Round trips, atomic saves, migrations and the writer's refusals for `.gradsim` files."""

from __future__ import annotations

import errno
import io
import json
import os
import pickle
import re
import zipfile
import zlib
from datetime import datetime
from pathlib import Path

import numpy as np
import pytest

import gradsim
from gradsim.engine.errors import GradsimError
from gradsim.session import container, migrations
from gradsim.session.container import (
    FORMAT_NAME,
    SCHEMA_VERSION,
    json_depth,
    load_container,
    read_manifest,
    require_finite,
    save_container,
)
from gradsim.session.errors import MESSAGES, SessionError
from gradsim.session.limits import GiB, Limits
from tests.session.layouts import MEMBERS, NPZ, assemble, npy_bytes, take_apart


def sample_arrays() -> dict[str, np.ndarray]:
    """One array of every kind a session holds, with the awkward cases."""
    rng = np.random.default_rng(7)
    history = rng.normal(size=50)
    history[[3, 17]] = np.nan
    history[20] = np.inf
    return {
        "layers.0.weight": rng.normal(size=(4, 3)),
        "layers.0.bias": rng.normal(size=4).astype(np.float32),
        "half": rng.normal(size=(2, 5)).astype(np.float16),
        "history:loss": history,
        "step": np.array(12345, dtype=np.int64),
        "mask": rng.random(7) > 0.5,
        "rng_state": np.array([2**64 - 1, 0, 2**63], dtype=np.uint64),
        "scalar_f32": np.float32(1.5),
        "empty": np.zeros((0, 3)),
        "fortran": np.asfortranarray(np.arange(12, dtype=np.int32).reshape(3, 4)),
        "strided": np.arange(20.0)[::3],
        "big_endian": np.arange(4, dtype=">f8"),
        "complex": np.array([1 + 2j, np.nan], dtype=np.complex64),
        "file": np.ones(2),  # would clash with np.savez(file, ...)
        "allow_pickle": np.ones(2),  # and with np.savez(..., allow_pickle=...)
    }


def sample_manifest() -> dict:
    return {
        "config": {"layers": [{"width": 8, "activation": "tanh"}], "lr": 0.05, "seed": None},
        "ui": {"panel": "landscape", "zoom": [1.0, 2.5]},
        "notes": "梯度消失 / исчезающий градиент \u2014 ok",
    }


def assert_bit_identical(loaded: np.ndarray, original: np.ndarray) -> None:
    original = np.asarray(original)
    assert loaded.dtype == original.dtype
    assert loaded.shape == original.shape
    assert loaded.tobytes(order="A") == original.tobytes(order="A")


# ----------------------------------------------------------------------------- round trip


def test_round_trip_keeps_every_array_bit_identical(tmp_path: Path) -> None:
    path = tmp_path / "run.gradsim"
    arrays = sample_arrays()
    save_container(path, sample_manifest(), arrays)
    manifest, loaded = load_container(path)
    assert set(loaded) == set(arrays)
    for name, original in arrays.items():
        assert_bit_identical(loaded[name], original)
        assert not loaded[name].flags.writeable


def test_round_trip_manifest_fields(tmp_path: Path) -> None:
    path = tmp_path / "run.gradsim"
    save_container(path, sample_manifest(), sample_arrays())
    manifest, _ = load_container(path)
    assert manifest["format"] == FORMAT_NAME
    assert manifest["schema_version"] == SCHEMA_VERSION
    assert manifest["app_version"] == gradsim.__version__
    assert datetime.fromisoformat(manifest["created"]).tzinfo is not None
    for key, value in sample_manifest().items():
        assert manifest[key] == value
    assert manifest["arrays"]["layers.0.weight"] == {"dtype": "float64", "shape": [4, 3]}
    assert manifest["arrays"]["step"] == {"dtype": "int64", "shape": []}
    assert manifest["arrays"]["big_endian"] == {"dtype": "float64", "shape": [4]}


def test_container_keys_replace_the_callers(tmp_path: Path) -> None:
    path = tmp_path / "run.gradsim"
    fake = {"format": "other", "schema_version": 99, "app_version": "9", "arrays": {"x": 1}}
    save_container(path, fake, {"w": np.zeros(2)})
    manifest, _ = load_container(path)
    assert manifest["format"] == FORMAT_NAME
    assert manifest["schema_version"] == SCHEMA_VERSION
    assert manifest["arrays"] == {"w": {"dtype": "float64", "shape": [2]}}


def test_numpy_scalars_in_the_manifest_become_numbers(tmp_path: Path) -> None:
    path = tmp_path / "run.gradsim"
    save_container(path, {"config": {"lr": np.float32(0.5), "n": np.int64(3)}}, {})
    assert read_manifest(path)["config"] == {"lr": 0.5, "n": 3}


def test_read_manifest_matches_load(tmp_path: Path) -> None:
    path = tmp_path / "run.gradsim"
    save_container(path, sample_manifest(), sample_arrays())
    assert read_manifest(path) == load_container(path)[0]


def test_read_manifest_does_not_read_the_arrays(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "run.gradsim"
    save_container(path, sample_manifest(), sample_arrays())

    def fail(*args, **kwargs):
        raise AssertionError("the arrays were read")

    monkeypatch.setattr(container, "_read_arrays", fail)
    monkeypatch.setattr(container, "_read_npz", fail)
    assert read_manifest(path)["notes"] == sample_manifest()["notes"]


def test_string_path_and_overwrite(tmp_path: Path) -> None:
    path = str(tmp_path / "run.gradsim")
    save_container(path, {"notes": "first"}, {"w": np.zeros(3)})
    save_container(path, {"notes": "second"}, {"w": np.ones(3)})
    manifest, arrays = load_container(path)
    assert manifest["notes"] == "second"
    assert_bit_identical(arrays["w"], np.ones(3))


def test_each_array_is_its_own_member_exactly_as_np_save_writes_it(tmp_path: Path) -> None:
    """Schema 3: ``manifest.json`` first, then ``arrays/<name>.npy`` per array, in order;
    any zip tool and ``np.load`` read them."""
    path = tmp_path / "run.gradsim"
    arrays = sample_arrays()
    save_container(path, {}, arrays)
    with zipfile.ZipFile(path) as archive:
        assert archive.namelist() == ["manifest.json"] + [f"arrays/{name}.npy" for name in arrays]
        for name, array in arrays.items():
            member = archive.read(f"arrays/{name}.npy")
            assert member == npy_bytes(np.asarray(array)), name
            assert_bit_identical(np.load(io.BytesIO(member), allow_pickle=False), array)


def compress_types(path: Path) -> dict[str, int]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: info.compress_type for info in archive.infolist()}


def test_arrays_are_deflated_only_when_it_pays(tmp_path: Path) -> None:
    noisy = tmp_path / "noisy.gradsim"
    save_container(noisy, {}, {"w": np.random.default_rng(0).normal(size=300_000)})
    assert compress_types(noisy) == {
        "manifest.json": zipfile.ZIP_DEFLATED,
        "arrays/w.npy": zipfile.ZIP_STORED,
    }
    zeros = tmp_path / "zeros.gradsim"
    save_container(zeros, {}, {"w": np.zeros(300_000), "tiny": np.zeros(3)})
    assert compress_types(zeros)["arrays/w.npy"] == zipfile.ZIP_DEFLATED
    assert compress_types(zeros)["arrays/tiny.npy"] == zipfile.ZIP_STORED  # a few bytes to win
    assert zeros.stat().st_size < 100_000
    assert_bit_identical(load_container(zeros)[1]["w"], np.zeros(300_000))


def test_members_are_deflated_at_the_fast_level(tmp_path: Path) -> None:
    """writestr(ZipInfo) ignores ZipFile(compresslevel=...): each member must carry level 1."""
    path = tmp_path / "levels.gradsim"
    data = np.arange(200_000) % 7  # compressible, but level 1 and level 6 differ in size
    save_container(path, {"notes": "x" * 1000}, {"w": data})
    with zipfile.ZipFile(path) as archive:
        assert [info.compress_type for info in archive.infolist()] == [zipfile.ZIP_DEFLATED] * 2
        for info in archive.infolist():
            name = info.filename
            raw = archive.read(name)
            packer = zlib.compressobj(1, zlib.DEFLATED, -15)
            level_one = len(packer.compress(raw) + packer.flush())
            assert info.compress_size == level_one, name


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_saved_file_permissions_follow_umask_and_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "run.gradsim"
    old_umask = os.umask(0o027)
    try:
        save_container(path, {}, {})
    finally:
        os.umask(old_umask)
    assert path.stat().st_mode & 0o777 == 0o640
    path.chmod(0o604)
    save_container(path, {}, {})
    assert path.stat().st_mode & 0o777 == 0o604


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_saving_through_a_symlink_replaces_its_target(tmp_path: Path) -> None:
    target = tmp_path / "real.gradsim"
    link = tmp_path / "link.gradsim"
    save_container(target, {"notes": "old"}, {})
    link.symlink_to(target)
    save_container(link, {"notes": "new"}, {})
    assert link.is_symlink()
    assert read_manifest(target)["notes"] == "new"


# ----------------------------------------------------------------------------- atomic save


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "run.gradsim")


@pytest.fixture
def existing(tmp_path: Path) -> tuple[Path, bytes]:
    path = tmp_path / "run.gradsim"
    save_container(path, {"notes": "the old file"}, {"w": np.arange(5.0)})
    return path, path.read_bytes()


def fail_with(error: BaseException):
    def fail(*args, **kwargs):
        raise error

    return fail


@pytest.mark.parametrize(
    "target",
    [
        (os, "replace"),
        (os, "fsync"),
        (zipfile.ZipFile, "writestr"),
    ],
    ids=["replace", "fsync", "write"],
)
def test_failed_save_keeps_the_old_file(existing, monkeypatch, target) -> None:
    path, before = existing
    monkeypatch.setattr(*target, fail_with(OSError(errno.ENOSPC, "No space left on device")))
    with pytest.raises(SessionError) as caught:
        save_container(path, {"notes": "new"}, {"w": np.ones(5)})
    monkeypatch.undo()
    assert caught.value.code == "write_failed"
    assert path.read_bytes() == before
    assert leftovers(path.parent) == []
    assert load_container(path)[0]["notes"] == "the old file"


def test_write_failed_names_the_path_and_the_reason(existing, monkeypatch) -> None:
    path, _ = existing
    monkeypatch.setattr(os, "replace", fail_with(OSError(errno.EACCES, "Permission denied")))
    with pytest.raises(SessionError) as caught:
        save_container(path, {}, {})
    err = caught.value
    assert err.code == "write_failed"
    assert err.params == {"path": str(path), "reason": "Permission denied"}
    assert str(path) in str(err) and "Permission denied" in str(err)
    assert isinstance(err.__cause__, OSError)


def test_interrupted_save_cleans_up_and_reraises(existing, monkeypatch) -> None:
    path, before = existing
    monkeypatch.setattr(os, "fsync", fail_with(KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        save_container(path, {}, {})
    assert path.read_bytes() == before
    assert leftovers(path.parent) == []


def test_save_into_a_missing_folder_fails_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "no" / "such" / "folder" / "run.gradsim"
    with pytest.raises(SessionError) as caught:
        save_container(path, {}, {})
    assert caught.value.code == "create_failed"  # no previous file to speak of
    assert str(caught.value).endswith("no file was created")
    assert "No such file" in caught.value.params["reason"]


# ----------------------------------------------------------------------------- writer refusals


@pytest.mark.parametrize("name", ["", "a/b", "../x", "a b", "ü", ".hidden", "a\\b", "x" * 201, 3, None])
def test_save_refuses_bad_array_names(tmp_path: Path, name) -> None:
    path = tmp_path / "run.gradsim"
    with pytest.raises(SessionError) as caught:
        save_container(path, {}, {name: np.zeros(2)})
    assert caught.value.code == "bad_array_name"
    assert not path.exists()


@pytest.mark.parametrize(
    "value",
    [
        np.array([{"a": 1}], dtype=object),
        np.array(["text"]),
        np.array([b"bytes"]),
        np.array(["2020-01-01"], dtype="datetime64[D]"),
        np.zeros(2, dtype=[("x", "f8"), ("y", "i4")]),
        np.zeros(2, dtype=np.longdouble) if np.dtype(np.longdouble).itemsize > 8 else "skip",
        [1.0, 2.0],
    ],
    ids=["object", "str", "bytes", "datetime", "record", "longdouble", "list"],
)
def test_save_refuses_non_numeric_arrays(tmp_path: Path, value) -> None:
    if isinstance(value, str):
        pytest.skip("longdouble is float64 on this platform")
    path = tmp_path / "run.gradsim"
    with pytest.raises(SessionError) as caught:
        save_container(path, {}, {"w": value})
    assert caught.value.code == "dtype_not_allowed"
    assert not path.exists()


@pytest.mark.parametrize(
    ("manifest", "code"),
    [
        ({"lr": {"$float": "NaN"}}, "manifest_not_serializable"),  # reserved: it would read back as NaN
        ({"weights": np.zeros(3)}, "manifest_not_serializable"),
        ({"when": datetime(2020, 1, 1)}, "manifest_not_serializable"),
        ({"text": "\ud800"}, "manifest_not_serializable"),
        ({(1, 2): "tuple key"}, "manifest_not_serializable"),
    ],
    ids=["reserved-float-object", "array", "datetime", "surrogate", "tuple-key"],
)
def test_save_refuses_manifests_json_cannot_hold(tmp_path: Path, manifest, code) -> None:
    path = tmp_path / "run.gradsim"
    with pytest.raises(SessionError) as caught:
        save_container(path, manifest, {})
    assert caught.value.code == code
    assert not path.exists()


def nested(depth: int) -> list:
    value: list = []
    for _ in range(depth - 1):
        value = [value]
    return value


def test_save_refuses_what_the_reader_would_refuse(tmp_path: Path) -> None:
    path = tmp_path / "run.gradsim"
    cases = [
        ({"deep": nested(64)}, {}, Limits(), "json_too_deep"),  # 64 + the manifest object
        ({"deep": nested(5000)}, {}, Limits(), "json_too_deep"),  # json.dumps recursion
        ({"notes": "x" * 2000}, {}, Limits(max_manifest_bytes=1000), "too_large"),
        ({}, {"w": np.zeros(200)}, Limits(max_array_bytes=1000), "array_too_large"),
        ({}, {"w": np.zeros(200)}, Limits(max_total_bytes=1000), "too_large"),
        ({}, {"a": np.zeros(60), "b": np.zeros(60)}, Limits(max_total_bytes=1200), "file_too_large"),
        ({}, {f"a{i}": np.zeros(1) for i in range(4)}, Limits(max_arrays=3), "too_many_arrays"),
    ]
    for manifest, arrays, limits, code in cases:
        with pytest.raises(SessionError) as caught:
            save_container(path, manifest, arrays, limits=limits)
        assert caught.value.code == code, (code, caught.value)
        assert not path.exists()


def test_limits_must_stay_within_plain_zip_sizes() -> None:
    with pytest.raises(ValueError):
        Limits(max_total_bytes=4 * GiB)
    assert Limits().max_file_bytes < 4 * GiB


def test_deepest_manifest_that_saves_also_loads(tmp_path: Path) -> None:
    path = tmp_path / "run.gradsim"
    save_container(path, {"deep": nested(63)}, {})
    assert json_depth(json.dumps(load_container(path)[0])) == 64


# ----------------------------------------------------------------------------- header checks


def rewrite_manifest(path: Path, edit) -> None:
    """Rewrite a saved file's manifest through ``edit(manifest) -> manifest``, laid out as
    the writer of its (new) schema version did (``arrays.npz`` before schema 3)."""
    manifest, npys = take_apart(path.read_bytes())
    edited = edit(manifest)
    path.write_bytes(assemble(edited, npys, NPZ if edited["schema_version"] < 3 else MEMBERS))


def test_newer_schema_says_what_is_needed(tmp_path: Path) -> None:
    path = tmp_path / "run.gradsim"
    save_container(path, {}, {})
    rewrite_manifest(path, lambda m: {**m, "schema_version": 7, "app_version": "3.2.0"})
    for read in (load_container, read_manifest):
        with pytest.raises(SessionError) as caught:
            read(path)
        err = caught.value
        assert err.code == "newer_schema"
        assert err.params["found"] == 7 and err.params["supported"] == SCHEMA_VERSION
        assert "needs gradsim schema 7" in str(err) and "3.2.0" in str(err)
    assert read_manifest(path, allow_newer=True)["schema_version"] == 7


# ----------------------------------------------------------------------------- migrations


def test_migration_registry_is_complete() -> None:
    assert sorted(migrations.MIGRATIONS) == list(range(1, migrations.SCHEMA_VERSION))


def fake_registry(monkeypatch, calls: list[str]) -> None:
    """Schema 3 with steps v1->v2 (rename an array) and v2->v3 (add a config key)."""

    def v1_to_v2(manifest, arrays):
        calls.append(f"1->2 from {manifest['schema_version']}")
        arrays = dict(arrays)
        arrays["weights"] = arrays.pop("w")
        manifest["arrays"]["weights"] = manifest["arrays"].pop("w")
        return manifest, arrays

    def v2_to_v3(manifest, arrays):
        calls.append(f"2->3 from {manifest['schema_version']}")
        assert "weights" in arrays  # the previous step ran first
        manifest["config"] = {**manifest.get("config", {}), "precision": "float64"}
        return manifest, arrays

    monkeypatch.setattr(migrations, "MIGRATIONS", {1: v1_to_v2, 2: v2_to_v3})
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 3)


def test_migrate_applies_every_step_in_order(monkeypatch) -> None:
    calls: list[str] = []
    fake_registry(monkeypatch, calls)
    manifest = {"schema_version": 1, "arrays": {"w": {"dtype": "float64", "shape": [2]}}}
    manifest, arrays = migrations.migrate(manifest, {"w": np.zeros(2)})
    assert calls == ["1->2 from 1", "2->3 from 2"]
    assert manifest["schema_version"] == 3
    assert manifest["config"] == {"precision": "float64"}
    assert list(arrays) == ["weights"]


def test_loading_a_v1_file_runs_the_migrations(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "old.gradsim"
    save_container(path, {"config": {"lr": 0.1}}, {"w": np.arange(3.0)})
    rewrite_manifest(path, lambda m: {**m, "schema_version": 1})  # as a schema-1 gradsim wrote it
    calls: list[str] = []
    fake_registry(monkeypatch, calls)
    manifest, arrays = load_container(path)
    assert calls == ["1->2 from 1", "2->3 from 2"]
    assert manifest["schema_version"] == 3
    assert manifest["config"] == {"lr": 0.1, "precision": "float64"}
    assert_bit_identical(arrays["weights"], np.arange(3.0))
    assert not arrays["weights"].flags.writeable
    assert read_manifest(path)["schema_version"] == 1  # previews see the file as stored


def test_a_v2_file_starts_at_its_own_step(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "v2.gradsim"
    save_container(path, {}, {"weights": np.arange(3.0)})
    rewrite_manifest(path, lambda m: {**m, "schema_version": 2})
    calls: list[str] = []
    fake_registry(monkeypatch, calls)
    assert load_container(path)[0]["schema_version"] == 3
    assert calls == ["2->3 from 2"]


def test_a_gap_in_the_registry_is_a_bug_not_a_file_error(monkeypatch) -> None:
    monkeypatch.setattr(migrations, "MIGRATIONS", {})
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 2)
    with pytest.raises(LookupError):
        migrations.migrate({"schema_version": 1}, {})


def test_a_migration_that_breaks_the_table_is_caught_by_validation(tmp_path, monkeypatch) -> None:
    path = tmp_path / "old.gradsim"
    save_container(path, {}, {"w": np.zeros(2)})
    rewrite_manifest(path, lambda m: {**m, "schema_version": 1})
    monkeypatch.setattr(migrations, "MIGRATIONS", {1: lambda m, a: (m, {"w": np.zeros(3)})})
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 2)
    with pytest.raises(SessionError) as caught:
        load_container(path)
    assert caught.value.code == "shape_mismatch"


# ----------------------------------------------------------------------------- helpers


def test_require_finite() -> None:
    arrays = {"w": np.array([1.0, np.nan]), "b": np.ones(2), "n": np.arange(3), "c": np.array([1j])}
    require_finite(arrays, ["b", "n", "c"], "parameters")
    with pytest.raises(SessionError) as caught:
        require_finite(arrays, ["b", "w"], "parameters")
    err = caught.value
    assert err.code == "non_finite"
    assert str(err) == "parameters: array 'w' holds NaN or Inf"
    with pytest.raises(SessionError):
        require_finite({"c": np.array([complex(0, np.inf)])}, ["c"], "state")


@pytest.mark.parametrize(
    ("text", "depth"),
    [
        ("1", 0),
        ("{}", 1),
        ('{"a": [1, {"b": []}]}', 4),
        ('{"a": "[[[[{{{{"}', 1),
        ('{"a": "\\"[[["}', 1),
        ('["\\\\", [[]]]', 3),
        ('["a", "[[' + "\\" * 5, 1),  # unterminated string, trailing backslashes
        ('[["\\"]' + "]", 2),  # an escaped quote does not close the string
        ("[" * 3000 + "]" * 3000, 3000),
        ("[" * (1 << 21) + "]" * (1 << 21), 1 << 21),  # crosses the chunk size
    ],
)
def test_json_depth(text: str, depth: int) -> None:
    assert json_depth(text) == depth


@pytest.mark.timeout(60)
def test_json_depth_is_linear_on_hostile_quotes() -> None:
    """A regex that can fail retries at every quote; 16 MB of '\\"' would then take hours.

    A hang fails through pytest-timeout; the test asserts no wall-clock time.
    """
    assert json_depth('"' + '\\"' * 1_000_000) == 0
    assert json_depth('["' + "\\" * 1_000_001) == 1


def test_session_error_is_the_documented_gradsim_error() -> None:
    err = SessionError("truncated", path="a.gradsim")
    assert isinstance(err, GradsimError)
    assert err.code == "truncated" and err.params == {"path": "a.gradsim"}
    assert str(err) == MESSAGES["truncated"].format(path="a.gradsim")


def test_an_unknown_code_still_makes_a_readable_error() -> None:
    err = SessionError("brand_new", path="a.gradsim", detail="d")
    assert err.code == "brand_new" and str(err).startswith("a.gradsim: brand_new")


def test_session_error_survives_pickling() -> None:
    err = SessionError("newer_schema", path="a.gradsim", found=3, supported=1, app_version="2.0")
    copy = pickle.loads(pickle.dumps(err))
    assert type(copy) is SessionError
    assert (copy.code, copy.params, str(copy)) == (err.code, err.params, str(err))


def test_every_code_raised_has_a_template_and_is_documented() -> None:
    folder = Path(container.__file__).parent  # every session module, the engine layer's too
    source = "".join(p.read_text(encoding="utf-8") for p in folder.glob("*.py"))
    raised = set(re.findall(r'SessionError\(\s*"(\w+)"', source))
    assert raised <= set(MESSAGES)
    doc = Path(__file__).parents[2] / "docs" / "session-format.md"
    errors_section = doc.read_text(encoding="utf-8").split("## Errors")[1].split("\n## ")[0]
    documented = set(re.findall(r"^\| `(\w+)` \|", errors_section, flags=re.MULTILINE))
    assert documented == set(MESSAGES)


def test_every_template_formats_with_its_own_fields() -> None:
    for code, template in MESSAGES.items():
        fields = set(re.findall(r"{(\w+)", template))
        err = SessionError(code, **{field: "X" for field in fields})
        assert "{" not in str(err), code
