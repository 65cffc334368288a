"""Zip bombs: a few MB that inflate to gigabytes are refused cheaply, measured in a fresh process.

Each bomb is a `.gradsim` of at most about 5 MB whose deflated member holds up to 5 GiB
of zeros behind a header that declares some size, in both layouts (schema 3's one member
per array, and schemas 1-2's ``arrays.npz``); or a stored member claiming an array the
file does not hold. The reader must refuse it by what the
header declares (a deflated member larger than gradsim ever deflates, or a ratio past
deflate's own ceiling) before inflating anything, or stop one byte past the declared
size. Peak memory is measured in a child process (its own high-water mark, ``VmHWM``,
against its baseline after its imports), never inside pytest, whose memory is not the
reader's. Times are printed by ``python -m tests.session.test_zip_bombs``, not asserted.
"""

from __future__ import annotations

import io
import json
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import numpy as np
import pytest

from gradsim.session.limits import GiB, MiB

STORED, DEFLATED = 0, 8
BOMB_BYTES = 5 * GiB  # what each bomb inflates to
PEAK_LIMIT = 200 * MiB  # extra memory a refusal may cost


def deflated_zeros(size: int, level: int = 9) -> bytes:
    """A raw deflate stream of ``size`` zero bytes, built without deflating them all.

    After a full flush the compressor forgets its history, so every further MiB of zeros
    compresses to the same bytes: one such block is repeated.
    """
    block = MiB
    assert size % block == 0
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
    first = compressor.compress(bytes(block)) + compressor.flush(zlib.Z_FULL_FLUSH)
    repeated = compressor.compress(bytes(block)) + compressor.flush(zlib.Z_FULL_FLUSH)
    return first + repeated * (size // block - 1) + compressor.flush()


def raw_zip(members: list[tuple[str, int, bytes, int, int]]) -> bytes:
    """A zip of members given as (name, method, data as stored, CRC-32, declared size)."""
    local, central = bytearray(), bytearray()
    for name, method, data, crc, declared in members:
        encoded = name.encode()
        sizes = (crc, len(data), declared, len(encoded), 0)
        stamp = (method, 0, 0x21)  # method, time, date (1980-01-01)
        tail = (0, 0, 0, 0, len(local))  # comment, disk, attributes, offset of the local header
        central += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, *stamp, *sizes, *tail)
        central += encoded
        local += struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, *stamp, *sizes) + encoded + data
    count = len(members)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(central), len(local), 0)
    return bytes(local + central + end)


MANIFEST = json.dumps(
    {"format": "gradsim-session", "schema_version": 1, "app_version": "0.1.0", "arrays": {"w": {}}}
).encode()


def session_with(npz: tuple[int, bytes, int, int]) -> bytes:
    """A session whose arrays.npz member is (method, data, CRC, declared size)."""
    method, data, crc, declared = npz
    manifest = ("manifest.json", STORED, MANIFEST, zlib.crc32(MANIFEST), len(MANIFEST))
    return raw_zip([manifest, ("arrays.npz", method, data, crc, declared)])


MANIFEST_V3 = json.dumps(
    {"format": "gradsim-session", "schema_version": 3, "app_version": "0.2.0", "arrays": {"w": {}}}
).encode()


def member_session_with(npy: tuple[int, bytes, int, int]) -> bytes:
    """A schema-3 session whose one array member ``arrays/w.npy`` is (method, data, CRC, declared size)."""
    method, data, crc, declared = npy
    manifest = ("manifest.json", STORED, MANIFEST_V3, zlib.crc32(MANIFEST_V3), len(MANIFEST_V3))
    return raw_zip([manifest, ("arrays/w.npy", method, data, crc, declared)])


def npy_header(shape: tuple[int, ...]) -> bytes:
    """A float64 ``.npy`` header for ``shape`` (the data is not there)."""
    buffer = io.BytesIO()
    np.lib.format.write_array_header_1_0(buffer, {"descr": "<f8", "fortran_order": False, "shape": shape})
    return buffer.getvalue()


def bombs() -> dict[str, bytes]:
    """Each way to declare 5 GiB of deflated zeros (about 5 MB of file)."""
    five_gib = deflated_zeros(BOMB_BYTES)
    zeros_64, zeros_16 = deflated_zeros(64 * MiB), deflated_zeros(16 * MiB)
    inner = raw_zip([("w.npy", DEFLATED, five_gib, 0, GiB)])  # the .npy cap: an array of 1 GiB
    claim = npy_header((GiB // 8,))
    stored_claim = claim + bytes(4 * MiB)
    return {
        # arrays.npz declares just under the 2 GiB total: too large for a deflated member
        "npz_declares_2_gib": session_with((DEFLATED, five_gib, 0, 2 * GiB - MiB)),
        # declares 64 MiB (what gradsim may deflate), ratio 13: inflated only to 64 MiB + 1 byte
        "npz_declares_64_mib": session_with((DEFLATED, five_gib, zlib.crc32(bytes(64 * MiB)), 64 * MiB)),
        # declares 1 KiB: inflated to 1 KiB + 1 byte, then the CRC tells
        "npz_declares_1_kib": session_with((DEFLATED, five_gib, 0, 1024)),
        # an honest 64 MiB of zeros at level 9 (1,029 to 1): inflated, 64 MiB at most
        "npz_honest_64_mib": session_with((DEFLATED, zeros_64, zlib.crc32(bytes(64 * MiB)), 64 * MiB)),
        # 16 MiB of zeros declared as 64 MiB: past deflate's ratio, refused before inflating
        "npz_ratio_4000": session_with((DEFLATED, zeros_16, zlib.crc32(bytes(64 * MiB)), 64 * MiB)),
        # the bomb one level down: a stored arrays.npz whose w.npy declares 1 GiB
        "npy_declares_1_gib": session_with((STORED, inner, zlib.crc32(inner), len(inner))),
        # schema 3, each array its own member: the same bombs one member up
        "member_declares_2_gib": member_session_with((DEFLATED, five_gib, 0, 2 * GiB - MiB)),
        "member_declares_64_mib": member_session_with((DEFLATED, five_gib, 0, 64 * MiB)),
        "member_ratio_4000": member_session_with((DEFLATED, zeros_16, 0, 64 * MiB)),
        # a stored member whose header wants a 1 GiB array, with 4 MiB of data in the file
        "stored_member_claims_1_gib": member_session_with((STORED, stored_claim, 0, GiB + len(claim))),
    }


CHILD = """
import json, os, resource, sys, time
from gradsim.session.container import load_container
from gradsim.session.errors import SessionError

def peak_kib():
    # Linux: this process image's own high-water mark; ru_maxrss keeps the peak of the
    # process that started it (pytest's), which would hide up to that much here.
    if os.path.exists("/proc/self/status"):
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

baseline = peak_kib()
start = time.perf_counter()
try:
    load_container(sys.argv[1])
    code, message = "ok", ""
except SessionError as error:
    code, message = error.code, str(error)
seconds = time.perf_counter() - start
print(json.dumps({"code": code, "message": message, "seconds": seconds, "extra_kib": peak_kib() - baseline}))
"""


def refuse_in_child(path: Path) -> dict:
    """Open ``path`` in a fresh interpreter; its outcome, time and extra peak memory (KiB)."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def bomb_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bombs")
    paths = {}
    for name, data in bombs().items():
        assert len(data) < 6 * MiB
        paths[name] = folder / f"{name}.gradsim"
        paths[name].write_bytes(data)
    return paths


@pytest.mark.skipif(sys.platform == "win32", reason="resource.getrusage is POSIX")
@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("npz_declares_2_gib", "too_large"),
        ("npz_declares_64_mib", "corrupt"),
        ("npz_declares_1_kib", "corrupt"),
        ("npz_honest_64_mib", "corrupt"),
        ("npz_ratio_4000", "corrupt"),
        ("npy_declares_1_gib", "array_too_large"),
        ("member_declares_2_gib", "too_large"),
        ("member_declares_64_mib", "corrupt"),
        ("member_ratio_4000", "corrupt"),
        ("stored_member_claims_1_gib", "corrupt"),
    ],
)
def test_a_zip_bomb_is_refused_without_inflating_it(bomb_files: dict[str, Path], name: str, code: str):
    outcome = refuse_in_child(bomb_files[name])
    assert outcome["code"] == code, outcome
    assert outcome["extra_kib"] * 1024 < PEAK_LIMIT, outcome


def test_the_bomb_builder_makes_real_deflate_streams() -> None:
    data = deflated_zeros(4 * MiB)
    assert zlib.decompress(data, -15) == bytes(4 * MiB)
    assert len(deflated_zeros(BOMB_BYTES)) < 6 * MiB


if __name__ == "__main__":  # python -m tests.session.test_zip_bombs: the figures for the notes
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        for name, data in bombs().items():
            path = Path(folder) / f"{name}.gradsim"
            path.write_bytes(data)
            outcome = refuse_in_child(path)
            seconds, extra = outcome["seconds"], outcome["extra_kib"] / 1024
            print(f"{name:24s} {len(data) / MiB:4.1f} MB: {seconds:5.2f} s, +{extra:7.1f} MiB peak")
            print(f"    {outcome['message']}")
