"""Hostile and damaged `.gradsim` files, each built by hand, each refused with its own code.

Every test asserts a :class:`SessionError` with one specific code: the reader must
never crash with another exception, allocate what a header claims, run a pickle
or write anything to disk.
"""

from __future__ import annotations

import io
import json
import os
import struct
import tracemalloc
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from gradsim.session import container
from gradsim.session.container import load_container, read_manifest, save_container
from gradsim.session.errors import SessionError
from gradsim.session.io import load_session
from gradsim.session.limits import Limits, MiB
from gradsim.session.migrations import SCHEMA_VERSION
from tests.session.layouts import LAYOUTS, MEMBERS, NPZ, assemble, relaid

STORED, DEFLATED = zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED


# ----------------------------------------------------------------------------- builders


def npy_bytes(array: np.ndarray, *, allow_pickle: bool = False) -> bytes:
    buffer = io.BytesIO()
    np.lib.format.write_array(buffer, array, allow_pickle=allow_pickle)
    return buffer.getvalue()


def npy_with_header(header: dict, data: bytes = b"", version: tuple[int, int] = (1, 0)) -> bytes:
    """An .npy whose header says anything at all."""
    buffer = io.BytesIO()
    writer = {(1, 0): np.lib.format.write_array_header_1_0}.get(version)
    if writer is None:
        writer = np.lib.format.write_array_header_2_0
    writer(buffer, header)
    return buffer.getvalue() + data


def npy_raw_header(header: bytes) -> bytes:
    """A version 1.0 .npy with ``header`` as its (unchecked) header text."""
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header


def make_zip(members: list[tuple[str, bytes]], method: int = STORED) -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Duplicate name" is the point of some tests
        with zipfile.ZipFile(buffer, "w") as archive:
            for name, data in members:
                archive.writestr(zipfile.ZipInfo(name), data, compress_type=method)
    return buffer.getvalue()


def table(arrays: dict[str, np.ndarray]) -> dict:
    return {name: {"dtype": a.dtype.name, "shape": list(a.shape)} for name, a in arrays.items()}


def good_arrays() -> dict[str, np.ndarray]:
    return {"w": np.arange(6.0).reshape(2, 3), "step": np.array(3)}


def good_manifest(arrays: dict[str, np.ndarray] | None = None, **changes) -> dict:
    manifest = {
        "format": "gradsim-session",
        "schema_version": 1,
        "app_version": "0.1.0",
        "created": "2026-01-01T00:00:00+00:00",
        "arrays": table(good_arrays() if arrays is None else arrays),
        "config": {"lr": 0.1},
    }
    manifest.update(changes)
    return manifest


def session_bytes(
    manifest: dict | bytes | None = None,
    npz: bytes | None = None,
    *,
    method: int = STORED,
) -> bytes:
    """A session zip: the good manifest/npz unless replaced."""
    if manifest is None:
        manifest = good_manifest()
    if not isinstance(manifest, bytes):
        manifest = json.dumps(manifest).encode()
    if npz is None:
        npz = make_zip([(f"{n}.npy", npy_bytes(a)) for n, a in good_arrays().items()])
    return make_zip([("manifest.json", manifest), ("arrays.npz", npz)], method)


def session_with_npys(
    members: list[tuple[str, bytes]], manifest: dict | None = None, layout: str = NPZ
) -> bytes:
    """A session of these ``<name>.npy`` members: in ``arrays.npz`` (the manifest's schema 1),
    or each its own ``arrays/<name>.npy`` member (schema 3)."""
    manifest = good_manifest() if manifest is None else manifest
    if layout == MEMBERS:
        return assemble({**manifest, "schema_version": 3}, members, MEMBERS)
    return session_bytes(manifest, make_zip(members))


def good_npys() -> list[tuple[str, bytes]]:
    return [(f"{n}.npy", npy_bytes(a)) for n, a in good_arrays().items()]


@pytest.fixture(params=LAYOUTS)
def layout(request: pytest.FixtureRequest) -> str:
    """Array-level damage is refused the same in both layouts (schema 3 and schemas 1-2)."""
    return request.param


# ----------------------------------------------------------------------------- zip surgery


def header_offsets(data: bytes) -> dict[str, tuple[int, int]]:
    """Member name -> (local header offset, central directory header offset)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        position, infos = archive.start_dir, archive.infolist()
    offsets = {}
    for info in infos:
        assert data[position : position + 4] == b"PK\x01\x02"
        offsets[info.orig_filename] = (info.header_offset, position)
        lengths = struct.unpack_from("<3H", data, position + 28)
        position += 46 + sum(lengths)
    return offsets


# field -> (struct format, offset in the local header, offset in the central header)
FIELDS = {"flags": ("<H", 6, 8), "method": ("<H", 8, 10), "file_size": ("<L", 22, 24)}


def patch(data: bytes, name: str, field: str, value: int, *, local: bool = True) -> bytes:
    """Overwrite one header field of one member, in the central directory (and local header)."""
    fmt, local_at, central_at = FIELDS[field]
    out = bytearray(data)
    local_offset, central_offset = header_offsets(data)[name]
    struct.pack_into(fmt, out, central_offset + central_at, value)
    if local:
        struct.pack_into(fmt, out, local_offset + local_at, value)
    return bytes(out)


def rename(data: bytes, old: str, new: str) -> bytes:
    """Rename a member in place (same length), e.g. to slip a NUL byte into a name."""
    assert len(old) == len(new)
    return data.replace(old.encode(), new.encode())


# ----------------------------------------------------------------------------- assertions


@pytest.fixture
def write(tmp_path: Path) -> Callable[[bytes], Path]:
    def write(data: bytes) -> Path:
        path = tmp_path / "hostile.gradsim"
        path.write_bytes(data)
        return path

    return write


def refused(path: Path, code: str, limits: Limits | None = None, reader=load_container) -> SessionError:
    """Assert the reader raises SessionError(code); return it for further checks."""
    kwargs = {} if limits is None else {"limits": limits}
    with pytest.raises(SessionError) as caught:
        reader(path, **kwargs)
    assert caught.value.code == code, caught.value
    assert str(path) in str(caught.value) or code == "non_finite"
    return caught.value


def test_the_builders_make_a_valid_session(write) -> None:
    manifest, arrays = load_container(write(session_bytes()))
    assert manifest["config"] == {"lr": 0.1}
    assert np.array_equal(arrays["w"], good_arrays()["w"])


# ----------------------------------------------------------------------------- not a zip


def test_missing_file(tmp_path: Path) -> None:
    refused(tmp_path / "nope.gradsim", "not_found")


def test_a_folder_is_not_readable(tmp_path: Path) -> None:
    refused(tmp_path, "read_failed")


@pytest.mark.timeout(30)  # opening a named pipe waits for a writer: forever, before the fix
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
@pytest.mark.parametrize("reader", [load_container, read_manifest, load_session])
def test_a_named_pipe_is_refused_at_once(tmp_path: Path, reader) -> None:
    # The app's Open and drag-and-drop go through load_session too.
    path = tmp_path / "pipe.gradsim"
    os.mkfifo(path)
    err = refused(path, "read_failed", reader=reader)
    assert str(err) == f"{path}: cannot be read (is a named pipe, not a file)"


@pytest.mark.timeout(30)  # /dev/zero never ends: it used to be read until memory ran out
@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_a_device_is_refused_at_once() -> None:
    err = refused(Path("/dev/zero"), "read_failed", reader=load_session)
    assert str(err) == "/dev/zero: cannot be read (is a character device, not a file)"


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty_file"),
        (b"hello, I am a text file\n" * 10, "not_a_zip"),
        (np.random.default_rng(1).bytes(4096), "not_a_zip"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "not_a_zip"),
        (b"PK", "not_a_zip"),
        (b"PK\x05\x06" + bytes(18), "missing_member"),  # an empty zip
    ],
    ids=["empty", "text", "random", "png", "two-bytes", "empty-zip"],
)
def test_not_a_session_zip(write, data: bytes, code: str) -> None:
    refused(write(data), code)
    refused(write(data), code, reader=read_manifest)


def saved_session(tmp_path: Path) -> bytes:
    path = tmp_path / "good.gradsim"
    save_container(path, {"config": {"lr": 0.1}}, {"w": np.random.default_rng(0).normal(size=500)})
    return path.read_bytes()


@pytest.mark.parametrize("cut", [4, 30, 100, 0.5, -23, -22, -10, -1])
def test_truncated_file(tmp_path: Path, write, cut) -> None:
    data = saved_session(tmp_path)
    end = int(len(data) * cut) if isinstance(cut, float) else cut
    refused(write(data[:end]), "truncated")


def test_cut_right_after_the_stored_npz_is_truncated_not_a_strange_zip(tmp_path, write) -> None:
    data = relaid(saved_session(tmp_path), 2)  # schema 2: arrays.npz, a zip with its own end record
    inner_end = data.rfind(b"PK\x05\x06", 0, len(data) - 22)  # the npz's own end record
    assert inner_end > 0
    refused(write(data[: inner_end + 22]), "truncated")


def test_data_glued_before_the_zip(write) -> None:
    refused(write(b"MZ" + bytes(100) + session_bytes()), "not_a_zip")


def end_record_at(data: bytes) -> int:
    position = data.rfind(b"PK\x05\x06")
    assert position == len(data) - 22
    return position


def test_directory_claimed_larger_than_its_entries(write) -> None:
    data = session_bytes(good_manifest(notes="x" * 5000))
    end = end_record_at(data)
    record = bytearray(data[end:])
    struct.pack_into("<2L", record, 12, end, 0)  # directory: the whole file before the record
    refused(write(data[:end] + bytes(record)), "corrupt")


def test_zip64_end_records_are_refused(write) -> None:
    """A zip64 record would let zipfile take the directory's size from elsewhere."""
    data = session_bytes()
    end = end_record_at(data)
    entries, size, offset = struct.unpack_from("<H2L", data, end + 10)
    zip64_record = struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, 2, 2, 10**9, 0)
    locator = struct.pack("<4sLQL", b"PK\x06\x07", 0, end, 1)
    record = bytearray(data[end:])
    struct.pack_into("<L", record, 12, size + len(zip64_record) + len(locator))
    err = refused(write(data[:end] + zip64_record + locator + bytes(record)), "corrupt")
    assert "zip64" in err.params["detail"]


# ----------------------------------------------------------------------------- members


def test_missing_members(write) -> None:
    good = json.dumps(good_manifest()).encode()
    refused(write(make_zip([("arrays.npz", make_zip([]))])), "missing_member")
    refused(write(make_zip([("manifest.json", good)])), "missing_member")
    refused(write(make_zip([("manifest.json", good)])), "missing_member", reader=read_manifest)


def test_extra_member(write) -> None:
    data = make_zip(
        [("manifest.json", json.dumps(good_manifest()).encode()), ("arrays.npz", make_zip([]))]
        + [("readme.txt", b"hi")]
    )
    refused(write(data), "unexpected_member")


def test_duplicate_member(write) -> None:
    manifest = json.dumps(good_manifest()).encode()
    data = make_zip([("manifest.json", manifest), ("arrays.npz", make_zip([])), ("manifest.json", b"{}")])
    refused(write(data), "duplicate_member")


def test_too_many_members_refused_before_the_directory_is_read(write, monkeypatch) -> None:
    """A session has one member per array plus a few: max_arrays + max_members (24 here)."""
    data = make_zip([(f"m{i}", b"") for i in range(100)])
    limits = Limits(max_arrays=16, max_members=8)

    def no_zipfile(*args, **kwargs):
        raise AssertionError("the central directory was parsed")

    monkeypatch.setattr(container.zipfile, "ZipFile", no_zipfile)
    err = refused(write(data), "too_many_members", limits)
    assert err.params["count"] == 100 and err.params["expected"] == 24


@pytest.mark.parametrize(
    "name", ["../x", "/abs", "a\\b", "C:/x", "ok/../../x", "..\\..\\x", "\\\\server\\share"]
)
def test_path_traversal_names_are_refused_and_nothing_is_extracted(
    tmp_path: Path, monkeypatch, name: str
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    path = work / "hostile.gradsim"
    data = make_zip(
        [("manifest.json", json.dumps(good_manifest()).encode()), (name, b"owned")]
        + [("arrays.npz", make_zip([(f"{n}.npy", npy_bytes(a)) for n, a in good_arrays().items()]))]
    )
    path.write_bytes(data)
    before = sorted(str(p) for p in tmp_path.rglob("*"))
    refused(path, "unsafe_member_name")
    assert sorted(str(p) for p in tmp_path.rglob("*")) == before


def test_nul_byte_in_a_member_name(write) -> None:
    # A member named "manifest.json\0.exe", which zipfile shortens to "manifest.json".
    data = make_zip(
        [("manifest.jsonX.exe", json.dumps(good_manifest()).encode())]
        + [("arrays.npz", make_zip([(f"{n}.npy", npy_bytes(a)) for n, a in good_arrays().items()]))]
    )
    data = rename(data, "manifest.jsonX.exe", "manifest.json\x00.exe")
    refused(write(data), "unsafe_member_name")


# ----------------------------------------------------------------------------- compression, CRC


@pytest.mark.parametrize("method", [zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA])
def test_compression_methods_other_than_deflate(write, method: int) -> None:
    err = refused(write(session_bytes(method=method)), "unsupported_compression")
    assert err.params["method"] == method


def test_unknown_compression_method(write) -> None:
    data = patch(session_bytes(), "manifest.json", "method", 99)
    err = refused(write(data), "unsupported_compression")
    assert err.params["method"] == 99


def test_encrypted_member(write) -> None:
    refused(write(patch(session_bytes(), "arrays.npz", "flags", 0x1)), "encrypted")


def test_bad_crc(write) -> None:
    data = session_bytes()  # stored, so the manifest's text is in the file as is
    at = data.index(b'"lr": 0.1')
    data = data[:at] + b'"lr": 0.2' + data[at + 9 :]
    err = refused(write(data), "corrupt")
    assert isinstance(err.__cause__, zipfile.BadZipFile)


def test_broken_deflate_stream(write) -> None:
    data = bytearray(session_bytes(method=DEFLATED))
    local, _ = header_offsets(bytes(data))["manifest.json"]
    start = local + 30 + len("manifest.json")
    data[start : start + 8] = b"\xff" * 8
    err = refused(write(bytes(data)), "corrupt")
    assert err.__cause__ is not None


def test_local_header_disagreeing_with_the_directory(write) -> None:
    data = session_bytes()
    local, _ = header_offsets(data)["manifest.json"]
    data = data[: local + 30] + b"Manifest.json" + data[local + 30 + 13 :]
    refused(write(data), "corrupt")


# ----------------------------------------------------------------------------- zip bombs


def test_manifest_bomb_refused_by_its_declared_size(write) -> None:
    bomb = b'{"notes": "' + b" " * (20 * MiB) + b'"}'
    data = session_bytes(bomb, method=DEFLATED)
    assert len(data) < 100_000
    err = refused(write(data), "too_large")
    assert err.params["name"] == "manifest.json"


def test_npz_bomb_refused_by_its_declared_size(write) -> None:
    data = session_bytes(npz=bytes(20 * MiB), method=DEFLATED)
    assert len(data) < 100_000
    refused(write(data), "too_large", Limits(max_total_bytes=1 * MiB))


def test_total_uncompressed_size_is_capped(write) -> None:
    manifest = json.dumps(good_manifest(notes="x" * 600_000)).encode()
    data = session_bytes(manifest, make_zip([("pad.npy", bytes(600_000))]), method=DEFLATED)
    limits = Limits(max_manifest_bytes=MiB, max_total_bytes=MiB)
    refused(write(data), "file_too_large", limits)


def test_file_on_disk_larger_than_any_session(write) -> None:
    data = session_bytes() + bytes(3 * MiB)
    refused(write(data), "file_too_large", Limits(max_total_bytes=1))


def test_a_header_that_understates_the_size_does_not_get_more_read(write) -> None:
    # The directory says 10 bytes; zipfile stops there and the CRC exposes the lie.
    data = patch(session_bytes(method=DEFLATED), "manifest.json", "file_size", 10)
    refused(write(data), "corrupt")


def test_a_header_that_overstates_the_size_is_refused(write) -> None:
    data = patch(session_bytes(), "manifest.json", "file_size", 2**31)
    refused(write(data), "too_large")


class Endless(io.RawIOBase):
    """A member stream that never ends, whatever its header said."""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        buffer[:] = b"\x00" * len(buffer)
        return len(buffer)


def test_bounded_reader_stops_past_the_cap() -> None:
    data = container._read_bounded(Endless(), 5 * MiB)
    assert len(data) == 5 * MiB + 1


def test_a_member_longer_than_its_header_says_is_cut_off(write, monkeypatch) -> None:
    # Read one byte past the declared size, not past the cap: a lying header costs nothing more.
    path = write(session_bytes())
    declared = len(json.dumps(good_manifest()).encode())
    lengths: list[int] = []

    class Counted(io.BufferedReader):
        def read(self, size: int | None = -1) -> bytes:
            data = super().read(size)
            lengths.append(len(data))
            return data

    monkeypatch.setattr(zipfile.ZipFile, "open", lambda self, *a, **k: Counted(Endless()))
    err = refused(path, "corrupt", Limits(max_manifest_bytes=MiB))
    assert f"more than the {declared} bytes its header declares" in err.params["detail"]
    assert lengths == [declared + 1]


# ----------------------------------------------------------------------------- manifest.json


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (b"{not json", "bad_json"),
        (b"", "bad_json"),
        (b'{"format": "gradsim-session", "lr": NaN}', "bad_json"),
        (b'{"x": Infinity}', "bad_json"),
        (b'{"n": ' + b"9" * 5000 + b"}", "bad_json"),
        ("\ufeff{}".encode(), "bad_json"),
        (b"[]", "manifest_not_object"),
        (b"3", "manifest_not_object"),
        (b'"text"', "manifest_not_object"),
        (b"null", "manifest_not_object"),
        (b'{"notes": "caf\xe9"}', "bad_encoding"),
        ("{}".encode("utf-16"), "bad_encoding"),
        (b"[" * 10_000 + b"]" * 10_000, "json_too_deep"),
        (b'{"a": ' + b"[" * 64 + b"]" * 64 + b"}", "json_too_deep"),
    ],
    ids=[
        "garbage", "empty", "nan", "infinity", "huge-int", "bom", "array", "number", "string",
        "null", "latin-1", "utf-16", "10000-levels", "65-levels",
    ],
)  # fmt: skip
def test_bad_manifest(write, text: bytes, code: str) -> None:
    path = write(session_bytes(text))
    refused(path, code)
    refused(path, code, reader=read_manifest)


def test_json_recursion_error_is_caught_even_without_the_depth_check(write) -> None:
    deep = b"[" * 100_000 + b"]" * 100_000
    refused(write(session_bytes(deep)), "json_too_deep", Limits(max_json_depth=10**9))


@pytest.mark.timeout(60)
def test_escaped_quotes_do_not_make_the_depth_scan_quadratic(write) -> None:
    """Quadratic scanning would hang for hours; pytest-timeout fails it (no wall-clock assert)."""
    refused(write(session_bytes(b'{"a": "' + b'\\"' * 2_000_000)), "bad_json")


def test_brackets_inside_strings_do_not_count_as_depth(write) -> None:
    manifest = good_manifest(notes="[" * 1000 + '"{' * 100)
    assert load_container(write(session_bytes(manifest)))[0]["notes"] == manifest["notes"]


def test_manifest_larger_than_the_cap(write) -> None:
    manifest = good_manifest(notes="x" * 5000)
    refused(write(session_bytes(manifest)), "too_large", Limits(max_manifest_bytes=4096))


@pytest.mark.parametrize("value", ["gradsim", "GRADSIM-SESSION", None, 1, ["gradsim-session"]])
def test_wrong_format_name(write, value) -> None:
    refused(write(session_bytes(good_manifest(format=value))), "not_gradsim")


def test_missing_format_name(write) -> None:
    manifest = good_manifest()
    del manifest["format"]
    refused(write(session_bytes(manifest)), "not_gradsim")


@pytest.mark.parametrize("value", ["1", 1.0, True, 0, -1, None, [1], "missing"])
def test_bad_schema_version(write, value) -> None:
    manifest = good_manifest(schema_version=value)
    if value == "missing":
        del manifest["schema_version"]
    refused(write(session_bytes(manifest)), "bad_schema_version")


@pytest.mark.parametrize("app_version", ["9.0.0", 42, None])
def test_newer_schema(write, app_version) -> None:
    newer = SCHEMA_VERSION + 1
    manifest = good_manifest(schema_version=newer, app_version=app_version)
    err = refused(write(session_bytes(manifest)), "newer_schema")
    assert f"needs gradsim schema {newer}" in str(err) and f"reads up to {SCHEMA_VERSION}" in str(err)


# ----------------------------------------------------------------------------- arrays.npz


def test_npz_that_is_not_a_zip(write) -> None:
    refused(write(session_bytes(npz=b"not an npz at all")), "corrupt")


class Marker:
    """Unpickling this would create a folder: proof that a pickle ran."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self):
        return (os.mkdir, (str(self.path),))


def test_pickled_object_array_is_refused_and_never_unpickled(tmp_path: Path, write, layout) -> None:
    marker = tmp_path / "pickle-ran"
    evil = np.array([Marker(marker)], dtype=object)
    data = session_with_npys(
        [("w.npy", npy_bytes(evil, allow_pickle=True))],
        good_manifest({"w": np.zeros(1)}) | {"arrays": {"w": {"dtype": "object", "shape": [1]}}},
        layout,
    )
    refused(write(data), "pickled_object")
    assert not marker.exists()


@pytest.mark.parametrize(
    "array",
    [
        np.array(["text"]),
        np.array([b"bytes"]),
        np.zeros(2, dtype=[("x", "f8"), ("y", "i4")]),
        np.array(["2020-01-01"], dtype="datetime64[D]"),
        np.array([1], dtype="timedelta64[s]"),
        np.zeros(2, dtype="V8"),
        np.zeros(2, dtype=np.longdouble),
    ],
    ids=["str", "bytes", "record", "datetime", "timedelta", "void", "longdouble"],
)
def test_non_numeric_dtypes(write, array: np.ndarray, layout) -> None:
    if array.dtype.name == "float64":
        pytest.skip("longdouble is float64 on this platform")
    data = session_with_npys([("w.npy", npy_bytes(array))], good_manifest({"w": array}), layout)
    refused(write(data), "dtype_not_allowed")


def test_array_header_claiming_terabytes_is_refused_before_allocating(write, layout) -> None:
    huge = npy_with_header({"descr": "<f8", "fortran_order": False, "shape": (10**6, 10**6)}, bytes(64))
    path = write(session_with_npys([("w.npy", huge)], layout=layout))
    tracemalloc.start()
    try:
        refused(path, "array_too_large")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5 * MiB


def test_array_cap_is_configurable(write, layout) -> None:
    arrays = {"w": np.zeros(1000)}
    data = session_with_npys([("w.npy", npy_bytes(arrays["w"]))], good_manifest(arrays), layout)
    err = refused(write(data), "array_too_large", Limits(max_array_bytes=4000))
    assert err.params["size"] == 8000


NESTED_SHAPE_HEADER = b"{'descr': '<f8', 'fortran_order': False, 'shape': %s}" % (
    b"(" * 50 + b"1," + b")," * 49 + b")"
)


@pytest.mark.parametrize(
    ("npy", "cause"),
    [
        (npy_with_header({"descr": "<f8", "fortran_order": False, "shape": (1000,)}, bytes(8)), None),
        (npy_bytes(np.zeros(3)) + b"trailing", None),
        (npy_with_header({"descr": "<f8", "fortran_order": False, "shape": (-1,)}, bytes(8)), None),
        (npy_raw_header(b"[1, 2, 3]\n"), ValueError),
        (b"NOT NUMPY" + bytes(100), ValueError),
        (b"\x93NUMPY\x03\x00" + bytes(100), ValueError),
        (b"\x93NUMPY\x02\x00" + struct.pack("<I", 2**32 - 1) + b"{}", ValueError),
        (npy_raw_header(NESTED_SHAPE_HEADER), ValueError),
        (b"", ValueError),
        # numpy's parser sorts the keys: a bytes or int key raised TypeError past the reader
        (npy_raw_header(b"{'descr': '<f8', b'fortran_order': False, 'shape': (1,), }\n"), TypeError),
        (npy_raw_header(b"{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 3: 4}\n"), TypeError),
    ],
    ids=[
        "short-data", "trailing-data", "negative-dim", "header-not-dict", "bad-magic",
        "version-3", "header-length-lies", "nested-shape", "empty", "bytes-key", "int-key",
    ],
)  # fmt: skip
def test_damaged_npy(write, npy: bytes, cause, layout) -> None:
    err = refused(write(session_with_npys([("w.npy", npy)], layout=layout)), "corrupt")
    if cause is not None:
        assert isinstance(err.__cause__, cause)


@pytest.mark.parametrize("member", ["../evil.npy", "w.txt", "a b.npy", ".npy", "dir/w.npy", "w"])
def test_bad_array_member_names(write, member: str, layout) -> None:
    # schema 3: "arrays/../evil.npy" is caught earlier, as an unsafe member name
    code = "unsafe_member_name" if layout == MEMBERS and ".." in member else "bad_array_name"
    refused(write(session_with_npys([(member, npy_bytes(np.zeros(2)))], layout=layout)), code)


def test_duplicate_array(write, layout) -> None:
    npys = [("w.npy", npy_bytes(np.zeros(2))), ("w.npy", npy_bytes(np.ones(2)))]
    code = "duplicate_member" if layout == MEMBERS else "duplicate_array"  # "arrays/w.npy" twice
    refused(write(session_with_npys(npys, good_manifest({"w": np.zeros(2)}), layout)), code)


def test_too_many_arrays(write, layout) -> None:
    arrays = {f"a{i}": np.zeros(1) for i in range(20)}
    npys = [(f"{n}.npy", npy_bytes(a)) for n, a in arrays.items()]
    data = session_with_npys(npys, good_manifest(arrays), layout)
    refused(write(data), "too_many_arrays", Limits(max_arrays=10))
    load_container(write(data))


def test_npz_member_bomb(write) -> None:
    npz = make_zip([("w.npy", bytes(20 * MiB))], DEFLATED)
    refused(write(session_bytes(npz=npz)), "array_too_large", Limits(max_array_bytes=MiB))


def test_npz_member_compression_and_encryption(write) -> None:
    npys = [(f"{n}.npy", npy_bytes(a)) for n, a in good_arrays().items()]
    bz2 = make_zip(npys, zipfile.ZIP_BZIP2)
    refused(write(session_bytes(npz=bz2)), "unsupported_compression")
    locked = patch(make_zip(npys), "w.npy", "flags", 0x1)
    refused(write(session_bytes(npz=locked)), "encrypted")


def test_npz_member_bad_crc(write) -> None:
    npz = bytearray(make_zip([(f"{n}.npy", npy_bytes(a)) for n, a in good_arrays().items()]))
    at = npz.index(np.arange(6.0).tobytes())
    npz[at] ^= 0xFF
    refused(write(session_bytes(npz=bytes(npz))), "corrupt")


def test_npz_written_by_savez_compressed_is_read(write) -> None:
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **good_arrays())
    manifest, arrays = load_container(write(session_bytes(npz=buffer.getvalue())))
    assert np.array_equal(arrays["w"], good_arrays()["w"])


# ----------------------------------------------------------------------------- manifest vs arrays


def with_table(edit, layout: str) -> bytes:
    manifest = good_manifest()
    edit(manifest["arrays"])
    return session_with_npys(good_npys(), manifest, layout)


@pytest.mark.parametrize(
    ("edit", "code"),
    [
        (lambda t: t.pop("w"), "unexpected_array"),
        (lambda t: t.update(extra={"dtype": "float64", "shape": [1]}), "missing_array"),
        (lambda t: t["w"].update(shape=[3, 2]), "shape_mismatch"),
        (lambda t: t["w"].update(shape=[6]), "shape_mismatch"),
        (lambda t: t["step"].update(shape=[1]), "shape_mismatch"),
        (lambda t: t["w"].update(dtype="float32"), "dtype_mismatch"),
        (lambda t: t["w"].update(dtype="object"), "dtype_mismatch"),
        (lambda t: t["w"].update(shape=[2, -3]), "bad_array_table"),
        (lambda t: t["w"].update(shape=[True, 3]), "bad_array_table"),
        (lambda t: t["w"].update(shape=[2.0, 3]), "bad_array_table"),
        (lambda t: t["w"].update(shape="2x3"), "bad_array_table"),
        (lambda t: t["w"].pop("shape"), "bad_array_table"),
        (lambda t: t["w"].update(dtype=8), "bad_array_table"),
        (lambda t: t.update(w=[2, 3]), "bad_array_table"),
        (lambda t: t.update({"../x": {"dtype": "float64", "shape": [1]}}), "bad_array_name"),
    ],
)
def test_array_table_must_match_the_arrays(write, edit, code: str, layout) -> None:
    refused(write(with_table(edit, layout)), code)


@pytest.mark.parametrize("value", [None, [], "w", 3, "missing"])
def test_array_table_must_be_an_object(write, value, layout) -> None:
    manifest = good_manifest()
    manifest["arrays"] = value
    if value == "missing":
        del manifest["arrays"]
    refused(write(session_with_npys(good_npys(), manifest, layout)), "bad_array_table")


def test_nan_in_arrays_is_legal_and_require_finite_flags_it(write, layout) -> None:
    arrays = {"w": np.array([1.0, np.nan]), "history": np.array([np.inf])}
    npys = [(f"{n}.npy", npy_bytes(a)) for n, a in arrays.items()]
    data = session_with_npys(npys, good_manifest(arrays), layout)
    _, loaded = load_container(write(data))
    with pytest.raises(SessionError) as caught:
        container.require_finite(loaded, ["w"], "parameters")
    assert caught.value.code == "non_finite"
