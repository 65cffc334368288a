"""The member layout (schema 3 on): each array is its own ``arrays/<name>.npy`` member, read once,
CRC-checked once.

What is particular to it: the layout must match the file's schema (schemas 1-2 keep
``arrays.npz``), a stored array member is read straight into the array (its CRC checked on
those bytes, its local header checked by zipfile, its size against the file), and old
files still open and save again in it. Array-level damage common to both layouts is
in test_hostile_files.py (its ``layout`` fixture), zip bombs in test_zip_bombs.py.
"""

from __future__ import annotations

import io
import json
import struct
import zipfile
import zlib
from pathlib import Path

import numpy as np
import pytest

from gradsim.session.container import SCHEMA_VERSION, load_container, read_manifest, save_container
from gradsim.session.errors import SessionError
from tests.session.layouts import MEMBERS, NPZ, assemble, npy_bytes, relaid, take_apart

FIXTURES = Path(__file__).parent / "fixtures"


def arrays() -> dict[str, np.ndarray]:
    rng = np.random.default_rng(3)
    return {
        "w": rng.normal(size=(40, 30)),
        "fortran": np.asfortranarray(rng.normal(size=(5, 7)).astype(np.float32)),
        "zeros": np.zeros(50_000),  # deflated: the other path
        "step": np.array(9),
    }


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    path = tmp_path / "run.gradsim"
    save_container(path, {"notes": "layout"}, arrays())
    return path


def refused(path: Path, code: str, reader=load_container) -> SessionError:
    with pytest.raises(SessionError) as caught:
        reader(path)
    assert caught.value.code == code, caught.value
    return caught.value


def member_offsets(data: bytes, name: str) -> tuple[int, int]:
    """(local header offset, data offset) of a member."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(name)
    name_length, extra_length = struct.unpack_from("<2H", data, info.header_offset + 26)
    return info.header_offset, info.header_offset + 30 + name_length + extra_length


def test_the_writer_stores_the_member_layout_and_reads_every_array_back(saved: Path) -> None:
    manifest, loaded = load_container(saved)
    assert manifest["schema_version"] == SCHEMA_VERSION >= 4
    with zipfile.ZipFile(saved) as archive:
        methods = {info.filename: info.compress_type for info in archive.infolist()}
    assert methods["arrays/w.npy"] == zipfile.ZIP_STORED
    assert methods["arrays/zeros.npy"] == zipfile.ZIP_DEFLATED
    for name, array in arrays().items():
        got = loaded[name]
        assert got.dtype == array.dtype and got.shape == array.shape and not got.flags.writeable
        assert got.tobytes(order="A") == array.tobytes(order="A"), name
    assert loaded["fortran"].flags.f_contiguous
    # a stored array is numpy's own memory, exactly the array's bytes: nothing else kept alive
    assert loaded["w"].base is None and loaded["w"].nbytes == 40 * 30 * 8


def test_a_stored_array_with_a_flipped_data_byte_fails_its_crc(saved: Path) -> None:
    data = bytearray(saved.read_bytes())
    _, start = member_offsets(bytes(data), "arrays/w.npy")
    data[start + 200] ^= 0x01  # inside the float data, past the .npy header
    saved.write_bytes(bytes(data))
    err = refused(saved, "corrupt")
    assert "CRC" in err.params["detail"]


def test_a_deflated_array_with_a_wrong_crc_is_corrupt(saved: Path) -> None:
    data = bytearray(saved.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("arrays/zeros.npy")
        central = archive.start_dir + bytes(data[archive.start_dir :]).index(b"arrays/zeros.npy") - 46
    for crc_at in (info.header_offset + 14, central + 16):  # local and central headers
        struct.pack_into("<L", data, crc_at, info.CRC ^ 1)
    saved.write_bytes(bytes(data))
    err = refused(saved, "corrupt")
    assert "CRC" in err.params["detail"]


def test_a_local_header_naming_another_member_is_corrupt(saved: Path) -> None:
    data = saved.read_bytes()
    local, _ = member_offsets(data, "arrays/w.npy")
    data = data[: local + 30] + b"arrays/v.npy" + data[local + 30 + 12 :]
    saved.write_bytes(data)
    refused(saved, "corrupt")


def test_a_stored_member_claiming_more_than_the_file_holds_is_refused_before_allocating(
    saved: Path,
) -> None:
    """Both sizes of the member (compressed and not, local and central) say 1 GiB."""
    data = bytearray(saved.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("arrays/w.npy")
        central = archive.start_dir + bytes(data[archive.start_dir :]).index(b"arrays/w.npy") - 46
    claim = 2**30
    struct.pack_into("<2L", data, info.header_offset + 18, claim, claim)
    struct.pack_into("<2L", data, central + 20, claim, claim)
    saved.write_bytes(bytes(data))
    err = refused(saved, "corrupt")
    assert "does not hold" in err.params["detail"]


def test_a_file_cut_inside_an_array_is_truncated(saved: Path) -> None:
    data = saved.read_bytes()
    _, start = member_offsets(data, "arrays/w.npy")
    saved.write_bytes(data[: start + 500])
    refused(saved, "truncated")


def appended(data: bytes, member: tuple[str, bytes]) -> bytes:
    buffer = io.BytesIO(data)
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr(*member)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("version", "extra", "code"),
    [
        (3, ("arrays.npz", b"PK\x05\x06" + bytes(18)), "unexpected_member"),  # schema 2's member in 3
        (3, ("notes.txt", b"hello"), "unexpected_member"),
        (3, ("arrays/w.txt", b"hello"), "bad_array_name"),
        (2, ("arrays/x.npy", npy_bytes(np.zeros(2))), "unexpected_member"),  # schema 3's in 2
    ],
)
def test_each_schema_has_its_own_members(saved: Path, version: int, extra, code: str) -> None:
    manifest, npys = take_apart(relaid(saved.read_bytes(), version))
    layout = NPZ if version < 3 else MEMBERS
    saved.write_bytes(appended(assemble(manifest, npys, layout), extra))
    refused(saved, code)
    if code == "unexpected_member":  # previews check the layout too
        refused(saved, code, reader=read_manifest)


def test_schema_2_without_its_npz_is_missing_a_member(saved: Path) -> None:
    manifest, _ = take_apart(saved.read_bytes())
    saved.write_bytes(assemble({**manifest, "schema_version": 2}, {}, MEMBERS))
    refused(saved, "missing_member")


def test_a_missing_array_member_is_a_missing_array(saved: Path) -> None:
    manifest, npys = take_apart(saved.read_bytes())
    del npys["w.npy"]
    saved.write_bytes(assemble(manifest, npys, MEMBERS))
    err = refused(saved, "missing_array")
    assert err.params["name"] == "w"


def test_a_schema_2_file_reads_the_same_and_saves_again_in_the_member_layout(tmp_path: Path) -> None:
    """The 2 -> 3 migration: the frozen schema-2 file's content, unchanged, in the new layout
    (and 3 -> 4: its checkpoint matrix as one array per row)."""
    manifest, old = load_container(FIXTURES / "schema-v2.gradsim")
    assert manifest["schema_version"] == SCHEMA_VERSION  # migrated
    again = tmp_path / "again.gradsim"
    caller_keys = {k: v for k, v in manifest.items() if k not in ("format", "schema_version", "created")}
    save_container(again, caller_keys, old)
    with zipfile.ZipFile(again) as archive:
        names = archive.namelist()
        stored = json.loads(archive.read("manifest.json"))
    assert "arrays.npz" not in names and f"arrays/{next(iter(old))}.npy" in names
    assert stored["schema_version"] == SCHEMA_VERSION
    manifest_again, new = load_container(again)
    assert manifest_again["config"] == manifest["config"] and manifest_again["state"] == manifest["state"]
    assert new.keys() == old.keys()
    for name, array in old.items():
        assert new[name].dtype == array.dtype and new[name].shape == array.shape, name
        assert new[name].tobytes(order="A") == array.tobytes(order="A"), name


def test_zipfile_computes_the_same_crc_with_the_faster_function() -> None:
    """The container hands zipfile zlib-ng's CRC-32: every value must be zlib's, so files
    written here open anywhere and files from anywhere open here (importing the container,
    above, made the swap)."""
    rng = np.random.default_rng(1)
    for size in (0, 1, 7, 4096, 1_000_003):
        data = rng.integers(0, 256, size, dtype=np.uint8).tobytes()
        assert zipfile.crc32(data) == zlib.crc32(data)
        assert zipfile.crc32(data[size // 2 :], zipfile.crc32(data[: size // 2])) == zlib.crc32(data)
