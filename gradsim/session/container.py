"""The `.gradsim` container: a zip holding ``manifest.json`` and one ``arrays/<name>.npy`` per array.

Sessions are data, never code: a JSON manifest (format name, schema version,
app version, the engine's config and UI state, and a table of array names,
dtypes and shapes) beside numeric arrays as ``.npy`` members, never unpickled.
Schemas 1 and 2 kept the arrays in one ``arrays.npz`` member; those files still
open (the layout follows the manifest's ``schema_version``). The layout, limits
and error codes are documented in ``docs/session-format.md``.

Reading is two-phase (DESIGN.md, house style 7): *read* the members with every
size checked before it is trusted, *check* the format name and schema version,
*migrate* old files step by step (:mod:`gradsim.session.migrations`), then
*validate* the manifest's array table against the arrays. Every failure is a
:class:`SessionError` with a code; nothing is ever extracted to disk.

Writing is atomic (:mod:`gradsim.session.atomic`): a temporary file in the target's
folder, flushed and ``fsync``-ed, then ``os.replace``-d over the target, so the previous
file survives any failure.
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import os
import re
import struct
import time
import tokenize
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime
from typing import IO, Any, NamedTuple

import numpy as np

try:
    from zlib_ng.zlib_ng import crc32 as _fast_crc32
except ImportError:  # an environment installed before the dependency: correct, only slower
    _fast_crc32 = zlib.crc32

import gradsim
from gradsim.engine.errors import shown as _shown
from gradsim.engine.json_text import json_depth
from gradsim.engine.regular_file import open_regular
from gradsim.engine.state import all_finite
from gradsim.session import migrations
from gradsim.session.atomic import (  # noqa: F401 - remove_stale_*: the app imports them from here
    os_reason,
    remove_stale_session_temporaries,
    remove_stale_temporaries,
    write_atomically,
)
from gradsim.session.errors import SessionError
from gradsim.session.limits import DEFAULT_LIMITS, MAX_DEFLATED_BYTES, Limits

FORMAT_NAME = "gradsim-session"
SCHEMA_VERSION = migrations.SCHEMA_VERSION
MANIFEST_MEMBER = "manifest.json"
#: Schema 3 on: each array is its own member ``arrays/<name>.npy`` of the session zip.
ARRAY_FOLDER = "arrays/"
FIRST_MEMBER_SCHEMA = 3
#: Schemas 1 and 2: all arrays in this one member, itself a zip (an ``.npz``).
ARRAYS_MEMBER = "arrays.npz"

#: Manifest keys the container owns; a caller's values for them are replaced.
RESERVED_KEYS = ("format", "schema_version", "app_version", "created", "arrays")

#: dtypes by name: numbers and booleans every platform reads (no longdouble,
#: whose size differs between Linux and Windows; no strings, objects, records).
ALLOWED_DTYPES = frozenset(
    ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]
    + ["float16", "float32", "float64", "complex64", "complex128"]
)

#: An array name: safe as a zip member name and in any file system or URL.
ARRAY_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.:-]*\Z")

#: How the manifest spells a non-finite float (JSON has none): ``{"$float": "NaN"}``,
#: ``"Infinity"`` or ``"-Infinity"`` (schema 2; schema 1 files never held one).
NON_FINITE_KEY = "$float"
NON_FINITE_VALUES = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}

# zipfile computes every member's CRC-32, reading and writing, with its module's ``crc32``:
# zlib's, 1.2 GiB/s on the reference machine, as long as reading or writing the file itself
# (opening a session took 3.5x np.load, nearly all of it CRC). zlib-ng's gives the very same
# values 7x faster (SIMD folding), so zipfile is handed that one; nothing else changes.
zipfile.crc32 = _fast_crc32

_LOCAL_HEADER_MAGIC = b"PK\x03\x04"
_END_RECORD = struct.Struct("<4s4H2LH")  # end of central directory, 22 bytes
_END_MAGIC = b"PK\x05\x06"
_MAX_ZIP_COMMENT = 0xFFFF
_ZIP64_LOCATOR_MAGIC = b"PK\x06\x07"
_ZIP64_LOCATOR_SIZE = 20
_LOCAL_HEADER_SIZE = 30  # a member's local header, before its name and extra field
_LOCAL_LENGTHS_AT = 26  # where the local header gives those two lengths
_DIRECTORY_ENTRY_MAX = 1024  # bytes per directory entry, on average, that a real zip never exceeds
_ENCRYPTED_FLAGS = 0x01 | 0x40  # traditional and strong encryption
_PATCHED_FLAG = 0x20
_NPY_HEADER_SLACK = 64  # magic, version, length field and padding around the header dict
_SAMPLES, _SAMPLE_BYTES = 8, 1024  # pieces and bytes per piece when judging whether deflate pays
_DEFLATE_PAYS = 0.25  # deflate an array only if a sample shrinks to a quarter (see _deflate_pays)
_MOSTLY_ZERO = 0.5  # a sample with more nonzero bytes than this share is stored without trying
_DEFLATE_MIN_BYTES = 512  # smaller arrays are stored: deflate would win a few bytes
_DEFLATE_MAX_BYTES = MAX_DEFLATED_BYTES  # larger arrays are stored: deflating 280 MB took 30 s
_DEFLATE_LEVEL = 1  # zlib's fastest level: most of the gain on zero-heavy arrays, ~5x faster than 6

# What hostile bytes make zipfile / numpy raise. Narrow on purpose: a TypeError
# or AttributeError from our own code must surface in tests, not read as "corrupt".
_DECODE_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    struct.error,
    ValueError,  # includes UnicodeDecodeError
    OverflowError,
    NotImplementedError,
    RecursionError,
    SyntaxError,
    tokenize.TokenError,  # numpy re-tokenizes headers it cannot parse (Python 2 files)
)


# ----------------------------------------------------------------------------- public API


def save_container(
    path: str | os.PathLike[str],
    manifest: Mapping[str, Any],
    arrays: Mapping[str, np.ndarray],
    *,
    limits: Limits = DEFAULT_LIMITS,
) -> None:
    """Write a session atomically; the previous file at ``path`` survives any failure.

    The container fills ``format``, ``schema_version``, ``app_version``, ``created``
    and the ``arrays`` table itself. It refuses what :func:`load_container`
    would refuse (bad names, non-numeric dtypes, sizes past ``limits``), so a
    saved file always opens again.
    """
    shown = os.fsdecode(path)
    prepared = _prepare_arrays(arrays, shown, limits)
    manifest_bytes = _encode_manifest(_full_manifest(manifest, prepared), shown, limits)
    members = [_NpyMember.of(name, array) for name, array in prepared.items()]
    _check_total(shown, len(manifest_bytes), members, limits)
    write_atomically(path, lambda fh: _write_zip(fh, manifest_bytes, members), shown)


class Opened(NamedTuple):
    """A session file as :func:`open_container` read it."""

    manifest: dict[str, Any]  # migrated: its schema_version is this gradsim's
    arrays: dict[str, np.ndarray]  # read-only
    stored_schema: int  # the schema the file was written in


def load_container(
    path: str | os.PathLike[str], *, limits: Limits = DEFAULT_LIMITS
) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """Read, check, migrate and validate a session; return (manifest, read-only arrays)."""
    opened = open_container(path, limits=limits)
    return opened.manifest, opened.arrays


def open_container(path: str | os.PathLike[str], *, limits: Limits = DEFAULT_LIMITS) -> Opened:
    """:func:`load_container`, also saying which schema the file was written in (the
    manifest's own ``schema_version`` is the current one once migrated).

    Each array's bytes are read once, straight into the array's own memory, and
    CRC-checked once: the arrays cost their own size and little more (a deflated array
    is a view of the bytes inflated for it).
    """
    shown = os.fsdecode(path)
    with _open_archive(path, shown, limits) as (archive, fh):
        members = _checked_members(archive, shown, limits)
        manifest = _read_manifest_member(archive, members, shown, limits)
        _check_header(manifest, shown, allow_newer=False)
        stored_schema = manifest["schema_version"]
        arrays_at = _check_layout(members, stored_schema, shown)
        manifest = _decode_non_finite(manifest, shown)
        if arrays_at is None:  # schemas 1 and 2: one arrays.npz member, a zip of its own
            npz = _read_member(archive, members[ARRAYS_MEMBER], shown, limits.max_total_bytes)
            arrays = _read_npz(npz, shown, limits)
        else:
            checked = _checked_npy_members(arrays_at, ARRAY_FOLDER, shown, limits)
            arrays = _read_arrays(archive, fh, checked, shown, limits)
    manifest, arrays = migrations.migrate(manifest, arrays)
    _validate(manifest, arrays, shown, limits)
    for array in arrays.values():
        array.setflags(write=False)
    return Opened(manifest, arrays, stored_schema)


def read_manifest(
    path: str | os.PathLike[str], *, limits: Limits = DEFAULT_LIMITS, allow_newer: bool = False
) -> dict[str, Any]:
    """Only the manifest, as stored (not migrated), for ``gradsim info`` and previews.

    Cheap: the arrays are located but not read. With ``allow_newer`` a file
    from a newer gradsim is returned instead of refused, so ``info`` can say
    what it is; compare ``manifest["schema_version"]`` with :data:`SCHEMA_VERSION`.
    """
    shown = os.fsdecode(path)
    with _open_archive(path, shown, limits) as (archive, _):
        members = _checked_members(archive, shown, limits)
        manifest = _read_manifest_member(archive, members, shown, limits)
    _check_header(manifest, shown, allow_newer=allow_newer)
    if manifest["schema_version"] <= migrations.SCHEMA_VERSION:  # a newer file's layout is unknown
        _check_layout(members, manifest["schema_version"], shown)
    return _decode_non_finite(manifest, shown)


def require_finite(arrays: Mapping[str, np.ndarray], names: Iterable[str], what: str) -> None:
    """Refuse NaN/Inf in the named arrays (parameters, optimizer state).

    The container accepts NaN anywhere because histories legitimately hold it
    (a diverged run's loss); the engine calls this for arrays that must be
    finite. ``what`` names the file or part for the message. A name missing
    from ``arrays`` is the caller's bug and raises ``KeyError``.
    """
    for name in names:
        array = arrays[name]
        if not all_finite(array):
            raise SessionError("non_finite", what=what, name=name)


# ----------------------------------------------------------------------------- reading


@contextlib.contextmanager
def _open_archive(
    path: str | os.PathLike[str], shown: str, limits: Limits
) -> Iterator[tuple[zipfile.ZipFile, IO[bytes]]]:
    """The file as a ``zipfile.ZipFile`` (and the open file under it), its size and end
    record checked before the directory is parsed."""
    with _open_for_reading(path, shown) as fh:
        size = os.fstat(fh.fileno()).st_size
        if size == 0:
            raise SessionError("empty_file", path=shown)
        if size > limits.max_file_bytes:
            raise SessionError("file_too_large", path=shown, size=size, limit=limits.max_file_bytes)
        _check_end_record(fh, size, shown, limits, inner=False)
        with _decode_errors(shown, "zip directory"):
            archive = zipfile.ZipFile(fh)
        with archive:
            yield archive, fh


def _max_members(limits: Limits) -> int:
    """Most entries in the outer zip: one per array (schema 3) plus a few others."""
    return limits.max_arrays + limits.max_members


@contextlib.contextmanager
def _open_for_reading(path: str | os.PathLike[str], shown: str) -> Iterator[IO[bytes]]:
    """A regular file opened for reading (:func:`open_regular`: a named pipe or a device
    never blocks or streams forever); failures say "no such file" or "cannot be read (why)"."""
    try:
        fh = open_regular(path)
    except FileNotFoundError as exc:
        raise SessionError("not_found", path=shown) from exc
    except OSError as exc:
        raise SessionError("read_failed", path=shown, reason=os_reason(exc)) from exc
    with fh:
        yield fh


class _EndRecord(NamedTuple):
    entries: int
    directory_size: int
    zip64: bool


def _find_end_record(fh: IO[bytes], size: int) -> _EndRecord | None:
    """The zip's end-of-central-directory record, or None when the file has no valid end.

    The record must close the file (a download cut short loses it, and an
    earlier record, such as the one of a schema-2 ``arrays.npz`` stored inside, must
    not be taken for it) and its directory must end where the record starts
    (no data glued in front, no directory claimed elsewhere).
    """
    tail_length = min(size, _ZIP64_LOCATOR_SIZE + _END_RECORD.size + _MAX_ZIP_COMMENT)
    fh.seek(size - tail_length)
    tail = fh.read(tail_length)
    position = tail.rfind(_END_MAGIC)
    if position < 0 or len(tail) - position < _END_RECORD.size:
        return None
    fields = _END_RECORD.unpack_from(tail, position)
    entries, directory_size, directory_offset, comment_length = fields[4:]
    if position + _END_RECORD.size + comment_length != len(tail):
        return None
    if size - tail_length + position != directory_offset + directory_size:
        return None
    locator_at = position - _ZIP64_LOCATOR_SIZE
    zip64 = locator_at >= 0 and tail[locator_at : locator_at + 4] == _ZIP64_LOCATOR_MAGIC
    return _EndRecord(entries, directory_size, zip64)


def _check_end_record(fh: IO[bytes], size: int, shown: str, limits: Limits, *, inner: bool) -> None:
    """Refuse a zip by its end record, before ``zipfile`` parses the central directory.

    ``zipfile`` builds an object per directory entry, so a hostile directory of
    millions of entries would exhaust memory first. The count and the
    directory's size are checked here; zip64 records (which would let
    ``zipfile`` take its sizes from elsewhere) are refused, since no file within
    the limits needs them. ``inner`` selects the codes for a schema-2 ``arrays.npz``.
    """
    where = ARRAYS_MEMBER if inner else "zip"
    record = _find_end_record(fh, size)
    if record is None:
        if inner:
            raise SessionError("corrupt", path=shown, detail=f"{ARRAYS_MEMBER} is not a complete zip")
        fh.seek(0)
        raise SessionError("truncated" if fh.read(4) == _LOCAL_HEADER_MAGIC else "not_a_zip", path=shown)
    if record.zip64:
        raise SessionError("corrupt", path=shown, detail=f"{where}: zip64 records are not used")
    if inner and record.entries > limits.max_arrays:
        raise SessionError("too_many_arrays", path=shown, count=record.entries, limit=limits.max_arrays)
    if not inner and record.entries > _max_members(limits):
        raise SessionError(
            "too_many_members", path=shown, count=record.entries, expected=_max_members(limits)
        )
    if record.directory_size > max(record.entries, 1) * _DIRECTORY_ENTRY_MAX:
        detail = f"{where}: a {record.directory_size}-byte directory for {record.entries} entries"
        raise SessionError("corrupt", path=shown, detail=detail)


def _checked_members(archive: zipfile.ZipFile, shown: str, limits: Limits) -> dict[str, zipfile.ZipInfo]:
    """Every member, by name: safely named, listed once, plainly compressed, within limits,
    ``manifest.json`` among them. Which others belong is the schema's (:func:`_check_layout`)."""
    infos = archive.infolist()
    if len(infos) > _max_members(limits):
        raise SessionError("too_many_members", path=shown, count=len(infos), expected=_max_members(limits))
    for info in infos:
        if _unsafe_member_name(info.orig_filename):
            raise SessionError("unsafe_member_name", path=shown, name=_shown(info.orig_filename))
    found: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        name = info.orig_filename
        if name in found:
            raise SessionError("duplicate_member", path=shown, name=_shown(name))
        found[name] = info
    if MANIFEST_MEMBER not in found:
        raise SessionError("missing_member", path=shown, name=MANIFEST_MEMBER)
    for name, info in found.items():
        _check_member_header(info, name, shown)
    for name, info in found.items():
        limit = limits.max_manifest_bytes if name == MANIFEST_MEMBER else limits.max_total_bytes
        if info.file_size > limit:
            raise SessionError("too_large", path=shown, name=_shown(name), size=info.file_size, limit=limit)
    _check_sizes(found.items(), shown, limits, code="too_large")
    return found


def _check_sizes(
    members: Iterable[tuple[str, zipfile.ZipInfo]], shown: str, limits: Limits, *, code: str
) -> None:
    """The declared total within its cap; no deflated member larger than gradsim ever deflates
    or claiming more than deflate's ratio (all checked before anything is inflated).
    ``members`` are (name for errors, member); ``code`` is the error for a member too large."""
    members = list(members)
    total = sum(info.file_size for _, info in members)
    if total > limits.max_total_bytes:
        raise SessionError("file_too_large", path=shown, size=total, limit=limits.max_total_bytes)
    for name, info in members:
        if _deflated_too_large(info, limits):
            limit = limits.max_deflated_bytes
            raise SessionError(code, path=shown, name=_shown(name), size=info.file_size, limit=limit)
        _check_ratio(info, name, shown, limits)


def _check_layout(
    members: dict[str, zipfile.ZipInfo], version: int, shown: str
) -> list[zipfile.ZipInfo] | None:
    """The members the file's schema expects and no other: schemas 1 and 2 hold ``arrays.npz``
    (None is returned), schema 3 one ``arrays/<name>.npy`` per array (returned)."""
    if version < FIRST_MEMBER_SCHEMA:
        for name in members:
            if name not in (MANIFEST_MEMBER, ARRAYS_MEMBER):
                raise SessionError("unexpected_member", path=shown, name=_shown(name))
        if ARRAYS_MEMBER not in members:
            raise SessionError("missing_member", path=shown, name=ARRAYS_MEMBER)
        return None
    for name in members:
        if name != MANIFEST_MEMBER and not name.startswith(ARRAY_FOLDER):
            raise SessionError("unexpected_member", path=shown, name=_shown(name))
    return [info for name, info in members.items() if name != MANIFEST_MEMBER]


def _unsafe_member_name(name: str) -> bool:
    """Names an extracting tool could misuse: absolute, ``..``, backslashes, drives, NUL."""
    return (
        name.startswith(("/", "\\"))
        or "\\" in name
        or "\x00" in name
        or ".." in name.split("/")
        or re.match(r"[A-Za-z]:", name) is not None
        or not name.isprintable()
    )


def _check_member_header(info: zipfile.ZipInfo, name: str, shown: str) -> None:
    """Refuse encryption and any compression but stored/deflate before zipfile meets them."""
    if info.flag_bits & _ENCRYPTED_FLAGS:
        raise SessionError("encrypted", path=shown, name=_shown(name))
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) or (
        info.flag_bits & _PATCHED_FLAG
    ):
        method = info.compress_type
        raise SessionError("unsupported_compression", path=shown, name=_shown(name), method=method)


def _deflated_too_large(info: zipfile.ZipInfo, limits: Limits) -> bool:
    """A deflated member declaring more than gradsim ever deflates (checked before inflating)."""
    return info.compress_type == zipfile.ZIP_DEFLATED and info.file_size > limits.max_deflated_bytes


def _check_ratio(info: zipfile.ZipInfo, name: str, shown: str, limits: Limits) -> None:
    """Refuse a deflated member whose header claims more than deflate can ever inflate to."""
    if info.compress_type != zipfile.ZIP_DEFLATED:
        return
    if info.file_size > limits.max_deflate_ratio * max(info.compress_size, 1):
        ratio = info.file_size / max(info.compress_size, 1)
        ceiling = limits.max_deflate_ratio
        detail = f"{_shown(name)} claims to inflate {ratio:,.0f} times; deflate never passes {ceiling}"
        raise SessionError("corrupt", path=shown, detail=detail)


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, shown: str, cap: int) -> bytes:
    """The member's bytes, read once and CRC-checked once (by zipfile, as it reaches the end):
    at most its declared size (checked against ``cap`` first) plus one byte is ever inflated
    or read, so a header that understates the data costs nothing more."""
    name = info.orig_filename
    if info.file_size > cap:
        raise SessionError("too_large", path=shown, name=_shown(name), size=info.file_size, limit=cap)
    with _decode_errors(shown, name), archive.open(info) as stream:
        data = _read_bounded(stream, info.file_size)
    if len(data) > info.file_size:
        detail = f"{_shown(name)} holds more than the {info.file_size} bytes its header declares"
        raise SessionError("corrupt", path=shown, detail=detail)
    return data


def _read_bounded(stream: IO[bytes], cap: int) -> bytes:
    """At most ``cap + 1`` bytes (a declared size is only a claim: one past ``cap`` shows the lie).

    One read call: zipfile reads a stored member straight from the file and inflates a
    deflated one only up to the amount asked for (its decompressor's output is capped at
    it), so nothing past the cap is produced, and the bytes are not copied again to join
    chunks.
    """
    return stream.read(cap + 1)


@contextlib.contextmanager
def _decode_errors(
    shown: str, where: str, errors: tuple[type[Exception], ...] = _DECODE_ERRORS
) -> Iterator[None]:
    """Turn what malformed bytes make zipfile/numpy raise into ``corrupt`` (cause kept)."""
    try:
        yield
    except MemoryError as exc:
        raise SessionError("out_of_memory", path=shown) from exc
    except errors as exc:
        detail = f"{_shown(where)}: {type(exc).__name__}: {_shown(str(exc))}"
        raise SessionError("corrupt", path=shown, detail=detail) from exc


def _read_manifest_member(
    archive: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo], shown: str, limits: Limits
) -> dict[str, Any]:
    """``manifest.json``, read and parsed (not yet checked or decoded)."""
    raw = _read_member(archive, members[MANIFEST_MEMBER], shown, limits.max_manifest_bytes)
    return _parse_manifest(raw, shown, limits)


def _parse_manifest(raw: bytes, shown: str, limits: Limits) -> dict[str, Any]:
    """UTF-8 JSON object, depth counted before parsing, NaN/Infinity refused."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SessionError("bad_encoding", path=shown) from exc
    if json_depth(text) > limits.max_json_depth:
        raise SessionError("json_too_deep", path=shown, limit=limits.max_json_depth)
    try:
        value = json.loads(text, parse_constant=_refuse_constant)
    except RecursionError as exc:
        raise SessionError("json_too_deep", path=shown, limit=limits.max_json_depth) from exc
    except ValueError as exc:  # JSONDecodeError, and ints past Python's digit limit
        raise SessionError("bad_json", path=shown, detail=_shown(str(exc))) from exc
    if not isinstance(value, dict):
        raise SessionError("manifest_not_object", path=shown, found=_json_type(value))
    return value


def _refuse_constant(name: str) -> Any:
    """NaN and Infinity are not JSON; gradsim never writes them, so they mean damage."""
    raise ValueError(f"{name} is not valid JSON")


def _json_type(value: Any) -> str:
    """The JSON name of a parsed value's type, for messages."""
    for kind, name in ((list, "array"), (str, "string"), (bool, "boolean"), (type(None), "null")):
        if isinstance(value, kind):
            return name
    return "number"


def _check_header(manifest: dict[str, Any], shown: str, *, allow_newer: bool) -> None:
    """Right format name, and a schema version this gradsim can read (or migrate)."""
    found = manifest.get("format")
    if found != FORMAT_NAME:
        raise SessionError("not_gradsim", path=shown, found=_shown(found))
    version = manifest.get("schema_version")
    if type(version) is not int or version < 1:
        raise SessionError("bad_schema_version", path=shown, found=_shown(version))
    if version > migrations.SCHEMA_VERSION and not allow_newer:
        app_version = manifest.get("app_version")
        raise SessionError(
            "newer_schema",
            path=shown,
            found=version,
            supported=migrations.SCHEMA_VERSION,
            app_version=_shown(app_version) if isinstance(app_version, str) else "?",
        )


def _read_npz(raw: bytes, shown: str, limits: Limits) -> dict[str, np.ndarray]:
    """Schemas 1 and 2: every ``.npy`` of the ``arrays.npz`` member, a zip inside the zip."""
    buffer = io.BytesIO(raw)
    _check_end_record(buffer, len(raw), shown, limits, inner=True)
    with _decode_errors(shown, ARRAYS_MEMBER):
        archive = zipfile.ZipFile(buffer)
    with archive:
        members = _checked_npy_members(archive.infolist(), "", shown, limits)
        return _read_arrays(archive, buffer, members, shown, limits)


def _read_arrays(
    archive: zipfile.ZipFile,
    fh: IO[bytes],
    members: dict[str, zipfile.ZipInfo],
    shown: str,
    limits: Limits,
) -> dict[str, np.ndarray]:
    """Each array from its checked ``.npy`` member (``fh`` is the file under ``archive``)."""
    arrays = {}
    end = fh.seek(0, io.SEEK_END)
    for name, info in members.items():
        if info.compress_type == zipfile.ZIP_STORED:
            arrays[name] = _read_stored_npy(archive, fh, end, info, name, shown, limits)
        else:
            data = _read_member(archive, info, shown, _npy_cap(limits))
            arrays[name] = _parse_npy(data, name, shown, limits)
    return arrays


def _read_stored_npy(
    archive: zipfile.ZipFile,
    fh: IO[bytes],
    end: int,
    info: zipfile.ZipInfo,
    name: str,
    shown: str,
    limits: Limits,
) -> np.ndarray:
    """A stored ``.npy`` member read as ``np.load`` reads a file: its header first, checked,
    then the data straight into a new array of numpy's own, once, and the member's CRC
    computed on those very bytes.

    Why not ``zipfile``'s ``read``: it returns Python ``bytes``, whose memory (small pages)
    took twice as long to fill here as numpy's (huge pages), and a view of them would stay
    read-only. zipfile still checks the member's local header against the directory; only
    the data's offset is taken from that header (its name and extra-field lengths), and a
    member claiming more bytes than the file holds (``end``) is refused before the array
    is made.
    """
    with _decode_errors(shown, info.orig_filename):
        archive.open(info).close()  # zipfile: the local header agrees with the directory
        fh.seek(info.header_offset + _LOCAL_LENGTHS_AT)
        name_length, extra_length = struct.unpack("<2H", fh.read(4))
        start = info.header_offset + _LOCAL_HEADER_SIZE + name_length + extra_length
        fh.seek(start)
    if info.compress_size != info.file_size or start + info.file_size > end:
        detail = f"{_shown(info.orig_filename)} claims {info.file_size} bytes the file does not hold"
        raise SessionError("corrupt", path=shown, detail=detail)
    with _decode_errors(shown, f"{name}.npy", errors=(Exception,)):  # see _parse_npy
        shape, dtype, fortran_order = _npy_header(fh, limits)
    header_size = fh.tell() - start
    _check_npy_size(shape, dtype, info.file_size - header_size, name, shown, limits)
    array = np.empty(shape, dtype, order="F" if fortran_order else "C")
    data = array.reshape(-1, order="A").view(np.uint8)  # the array's memory, in file order
    with _decode_errors(shown, info.orig_filename):
        got = fh.readinto(data)
        fh.seek(start)
        header = fh.read(header_size)
    if got != data.nbytes:
        raise SessionError("truncated", path=shown)
    if _fast_crc32(data, _fast_crc32(header)) != info.CRC:
        raise SessionError("corrupt", path=shown, detail=f"{_shown(info.orig_filename)}: bad CRC-32")
    return array


def _checked_npy_members(
    infos: list[zipfile.ZipInfo], folder: str, shown: str, limits: Limits
) -> dict[str, zipfile.ZipInfo]:
    """Array name -> member ``<folder><valid name>.npy``: no duplicates, sizes within limits."""
    if len(infos) > limits.max_arrays:
        raise SessionError("too_many_arrays", path=shown, count=len(infos), limit=limits.max_arrays)
    members: dict[str, zipfile.ZipInfo] = {}
    cap = _npy_cap(limits)
    for info in infos:
        member = info.orig_filename
        name = member.removeprefix(folder).removesuffix(".npy")
        if not member.startswith(folder) or not member.endswith(".npy") or not _valid_name(name, limits):
            raise SessionError("bad_array_name", path=shown, name=_shown(member))
        if name in members:
            raise SessionError("duplicate_array", path=shown, name=name)
        _check_member_header(info, f"{ARRAYS_MEMBER}/{member}" if not folder else member, shown)
        if info.file_size > cap:
            raise SessionError("array_too_large", path=shown, name=name, size=info.file_size, limit=cap)
        members[name] = info
    # gradsim deflates a member only when that pays; np.savez_compressed (schema 2) deflates them all
    _check_sizes(members.items(), shown, limits, code="array_too_large")
    return members


def _npy_cap(limits: Limits) -> int:
    """Largest ``.npy`` member: the largest array plus its header."""
    return limits.max_array_bytes + limits.max_npy_header_bytes + _NPY_HEADER_SLACK


def _parse_npy(data: bytes, name: str, shown: str, limits: Limits) -> np.ndarray:
    """A deflated member's bytes: the ``.npy`` header checked, then the data viewed, not copied."""
    stream = io.BytesIO(data)
    # numpy evaluates the header as a Python literal and checks it with code that meets
    # any type (a bytes key makes its sorted() raise TypeError): whatever it raises, the
    # header is malformed.
    with _decode_errors(shown, f"{name}.npy", errors=(Exception,)):
        shape, dtype, fortran_order = _npy_header(stream, limits)
    _check_npy_size(shape, dtype, len(data) - stream.tell(), name, shown, limits)
    # The header is checked and the length is exact: the array is a read-only view of the
    # bytes just read (np.load would copy every byte once more); object dtypes never get here.
    with _decode_errors(shown, f"{name}.npy"):
        flat = np.frombuffer(data, dtype=dtype, count=math.prod(shape), offset=stream.tell())
        array = flat.reshape(shape, order="F" if fortran_order else "C")
    return array


def _check_npy_size(
    shape: tuple[int, ...], dtype: np.dtype, stored: int, name: str, shown: str, limits: Limits
) -> None:
    """Before any array is made: an allowed dtype (object means a pickle), a size within
    the cap, and exactly as many data bytes in the member (``stored``) as the header needs."""
    _check_dtype(dtype, name, shown, reading=True)
    if any(extent < 0 for extent in shape):
        raise SessionError("corrupt", path=shown, detail=f"array '{name}' has shape {shape}")
    size = math.prod(shape) * dtype.itemsize
    if size > limits.max_array_bytes:
        raise SessionError("array_too_large", path=shown, name=name, size=size, limit=limits.max_array_bytes)
    if stored != size:
        detail = f"array '{name}' holds {stored} bytes of data; its header needs {size}"
        raise SessionError("corrupt", path=shown, detail=detail)


def _npy_header(stream: IO[bytes], limits: Limits) -> tuple[tuple[int, ...], np.dtype, bool]:
    """(shape, dtype, Fortran order) from a ``.npy`` header, leaving ``stream`` at the first data byte."""
    version = np.lib.format.read_magic(stream)
    readers = {
        (1, 0): np.lib.format.read_array_header_1_0,
        (2, 0): np.lib.format.read_array_header_2_0,
    }
    if version not in readers:
        raise ValueError(f".npy format version {version} is not read by gradsim")
    shape, fortran_order, dtype = readers[version](stream, max_header_size=limits.max_npy_header_bytes)
    return shape, dtype, bool(fortran_order)


def _validate(manifest: dict[str, Any], arrays: dict[str, np.ndarray], shown: str, limits: Limits) -> None:
    """The manifest's array table and the arrays agree in names, dtypes and shapes."""
    table = manifest.get("arrays")
    if not isinstance(table, dict):
        raise SessionError("bad_array_table", path=shown, where="arrays")
    for name, entry in table.items():
        if not _valid_name(name, limits):
            raise SessionError("bad_array_name", path=shown, name=_shown(name))
        _check_table_entry(name, entry, shown)
    missing = sorted(set(table) - set(arrays))
    if missing:
        raise SessionError("missing_array", path=shown, name=missing[0])
    unexpected = sorted(set(arrays) - set(table))
    if unexpected:
        raise SessionError("unexpected_array", path=shown, name=unexpected[0])
    for name, array in arrays.items():
        _check_dtype(array.dtype, name, shown, reading=True)
        expected = table[name]
        if array.dtype.name != expected["dtype"]:
            raise SessionError(
                "dtype_mismatch", path=shown, name=name, found=array.dtype.name, expected=expected["dtype"]
            )
        if list(array.shape) != expected["shape"]:
            raise SessionError(
                "shape_mismatch", path=shown, name=name, found=list(array.shape), expected=expected["shape"]
            )


def _check_table_entry(name: str, entry: Any, shown: str) -> None:
    """``{"dtype": str, "shape": [non-negative ints]}``."""
    where = f"arrays.{name}"
    if not isinstance(entry, dict):
        raise SessionError("bad_array_table", path=shown, where=where)
    if not isinstance(entry.get("dtype"), str):
        raise SessionError("bad_array_table", path=shown, where=f"{where}.dtype")
    shape = entry.get("shape")
    if not isinstance(shape, list) or not all(type(extent) is int and extent >= 0 for extent in shape):
        raise SessionError("bad_array_table", path=shown, where=f"{where}.shape")


# ----------------------------------------------------------------------------- writing


def _prepare_arrays(arrays: Mapping[str, np.ndarray], shown: str, limits: Limits) -> dict[str, np.ndarray]:
    """Check names, dtypes and sizes exactly as the reader will."""
    if len(arrays) > limits.max_arrays:
        raise SessionError("too_many_arrays", path=shown, count=len(arrays), limit=limits.max_arrays)
    prepared = {}
    for name, value in arrays.items():
        if not isinstance(name, str) or not _valid_name(name, limits):
            raise SessionError("bad_array_name", path=shown, name=_shown(name))
        if not isinstance(value, np.ndarray | np.generic):
            raise SessionError("dtype_not_allowed", path=shown, name=name, dtype=type(value).__name__)
        array = np.asarray(value)
        _check_dtype(array.dtype, name, shown, reading=False)
        if array.nbytes > limits.max_array_bytes:
            raise SessionError(
                "array_too_large", path=shown, name=name, size=array.nbytes, limit=limits.max_array_bytes
            )
        prepared[name] = array
    return prepared


def _full_manifest(manifest: Mapping[str, Any], arrays: Mapping[str, np.ndarray]) -> dict[str, Any]:
    """The container's keys first, then the caller's (reserved keys replaced)."""
    full: dict[str, Any] = {
        "format": FORMAT_NAME,
        "schema_version": migrations.SCHEMA_VERSION,
        "app_version": gradsim.__version__,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "arrays": {
            name: {"dtype": array.dtype.name, "shape": list(array.shape)} for name, array in arrays.items()
        },
    }
    full.update((key, value) for key, value in manifest.items() if key not in RESERVED_KEYS)
    return full


def _encode_manifest(manifest: dict[str, Any], shown: str, limits: Limits) -> bytes:
    """UTF-8 JSON with NaN/Inf spelled out (:func:`_encode_non_finite`), refusing non-JSON
    values and what the reader would refuse."""
    try:
        spelled = _encode_non_finite(manifest)
        text = json.dumps(spelled, ensure_ascii=False, allow_nan=False, indent=1, default=_to_json)
        data = text.encode("utf-8")  # fails on lone surrogates
    except RecursionError as exc:
        raise SessionError("json_too_deep", path=shown, limit=limits.max_json_depth) from exc
    except (TypeError, ValueError) as exc:
        raise SessionError("manifest_not_serializable", path=shown, detail=_shown(str(exc))) from exc
    if json_depth(text) > limits.max_json_depth:
        raise SessionError("json_too_deep", path=shown, limit=limits.max_json_depth)
    if len(data) > limits.max_manifest_bytes:
        raise SessionError(
            "too_large", path=shown, name=MANIFEST_MEMBER, size=len(data), limit=limits.max_manifest_bytes
        )
    return data


def _encode_non_finite(value: Any) -> Any:
    """``value`` with every NaN/Inf float (numpy's too) written as ``{"$float": "NaN"}``.

    JSON has no NaN or Infinity, but a diverged run's last step holds them and must
    still save (schema 2). A caller's own one-key ``{"$float": ...}`` object would read
    back as a number, so it is refused rather than silently changed.
    """
    if isinstance(value, np.floating):
        value = value.item()
    if isinstance(value, float):
        if math.isfinite(value):
            return value
        return {NON_FINITE_KEY: "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")}
    if isinstance(value, Mapping):
        if len(value) == 1 and NON_FINITE_KEY in value:
            raise TypeError(f"a one-key object {{{NON_FINITE_KEY!r}: ...}} is reserved for NaN and Infinity")
        return {key: _encode_non_finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_encode_non_finite(item) for item in value]
    return value


def _decode_non_finite(value: Any, shown: str) -> Any:
    """The manifest as written: every ``{"$float": name}`` back to its float (any schema)."""
    if isinstance(value, dict):
        if len(value) == 1 and NON_FINITE_KEY in value:
            name = value[NON_FINITE_KEY]
            if isinstance(name, str) and name in NON_FINITE_VALUES:
                return NON_FINITE_VALUES[name]
            raise SessionError("bad_json", path=shown, detail=f"{NON_FINITE_KEY} is {_shown(name)}")
        return {key: _decode_non_finite(item, shown) for key, item in value.items()}
    if isinstance(value, list):
        return [_decode_non_finite(item, shown) for item in value]
    return value


def _to_json(value: Any) -> Any:
    """numpy scalars become Python numbers; arrays belong in ``arrays``, not the manifest."""
    if isinstance(value, np.generic):
        return value.item()
    raise TypeError(f"{type(value).__name__} is not JSON (arrays go in the arrays mapping)")


class _NpyMember(NamedTuple):
    """One array as its ``arrays/<name>.npy`` member: the ``.npy`` header and the data bytes
    in file order, a view of the array whenever it is contiguous (saving copies nothing)."""

    name: str
    header: bytes
    data: np.ndarray  # 1-D uint8

    @classmethod
    def of(cls, name: str, array: np.ndarray) -> _NpyMember:
        """The bytes ``np.save`` writes for ``array``, header and data apart."""
        fields = np.lib.format.header_data_from_array_1_0(array)
        header = io.BytesIO()
        try:
            np.lib.format.write_array_header_1_0(header, fields)
        except ValueError:  # a header past 64 KiB (thousands of dimensions): version 2.0
            header = io.BytesIO()
            np.lib.format.write_array_header_2_0(header, fields)
        flat = array.ravel(order="F" if fields["fortran_order"] else "C")  # a view when contiguous
        return cls(f"{ARRAY_FOLDER}{name}.npy", header.getvalue(), flat.view(np.uint8))

    @property
    def size(self) -> int:
        return len(self.header) + self.data.nbytes


def _check_total(shown: str, manifest_size: int, members: list[_NpyMember], limits: Limits) -> None:
    """The reader's caps on one member and on the sum of all members."""
    for member in members:
        if member.size > limits.max_total_bytes:
            limit = limits.max_total_bytes
            raise SessionError("too_large", path=shown, name=member.name, size=member.size, limit=limit)
    total = manifest_size + sum(member.size for member in members)
    if total > limits.max_total_bytes:
        raise SessionError("file_too_large", path=shown, size=total, limit=limits.max_total_bytes)


def _deflate_pays(data: np.ndarray) -> bool:
    """Whether deflating an array's bytes (at level 1) shrinks them to a quarter, judged from
    a sample: eight 1 KiB pieces spread over it (a layer of zeros at the start must not speak
    for the rest).

    Floats (parameters, optimizer state, histories) shrink by a third at best, even with
    many exact zeros, and deflating them took 10x ``np.save``'s time here: they are stored.
    What shrinks to a quarter is mostly zero bytes (zeros, counters, small integers, masks,
    quantized data), so a sample with few zero bytes is stored without trying. Tiny members
    are stored: a few bytes to win.
    """
    if not _DEFLATE_MIN_BYTES <= data.nbytes <= _DEFLATE_MAX_BYTES:
        return False
    step = max(data.nbytes // _SAMPLES, _SAMPLE_BYTES)
    sample = np.concatenate([data[start : start + _SAMPLE_BYTES] for start in range(0, data.nbytes, step)])
    if np.count_nonzero(sample) > _MOSTLY_ZERO * sample.nbytes:
        return False
    return len(zlib.compress(sample, _DEFLATE_LEVEL)) <= _DEFLATE_PAYS * sample.nbytes


def _write_zip(fh: IO[bytes], manifest_bytes: bytes, members: list[_NpyMember]) -> None:
    """manifest.json first (deflated), so previews find it at the start; then one member per array."""
    with zipfile.ZipFile(fh, "w") as archive:
        # writestr(ZipInfo) ignores ZipFile's compresslevel (it deflated at 6): pass it per member.
        manifest_info = _member_info(MANIFEST_MEMBER, zipfile.ZIP_DEFLATED)
        archive.writestr(manifest_info, manifest_bytes, compresslevel=_DEFLATE_LEVEL)
        for member in members:
            _write_npy(archive, member)


def _write_npy(archive: zipfile.ZipFile, member: _NpyMember) -> None:
    """A stored member is streamed from the array's own memory (zipfile computes its CRC on
    the way); a compressible one is deflated at level 1."""
    if _deflate_pays(member.data):
        data = member.header + member.data.tobytes()
        archive.writestr(_member_info(member.name, zipfile.ZIP_DEFLATED), data, compresslevel=_DEFLATE_LEVEL)
        return
    info = _member_info(member.name, zipfile.ZIP_STORED)
    info.file_size = member.size  # known in advance: no zip64 fields (the reader refuses them)
    with archive.open(info, "w") as stream:
        stream.write(member.header)
        stream.write(member.data)


def _member_info(name: str, method: int) -> zipfile.ZipInfo:
    """A member stamped with the local time (zip cannot hold dates before 1980)."""
    stamp = max(time.localtime()[:6], (1980, 1, 1, 0, 0, 0))
    info = zipfile.ZipInfo(name, date_time=stamp)
    info.compress_type = method
    info.external_attr = 0o644 << 16  # rw-r--r-- for whoever unzips it by hand
    return info


# ----------------------------------------------------------------------------- shared checks


def _valid_name(name: Any, limits: Limits) -> bool:
    """``[A-Za-z0-9_][A-Za-z0-9_.:-]*``, not longer than the limit."""
    return isinstance(name, str) and len(name) <= limits.max_name_length and bool(ARRAY_NAME.match(name))


def _check_dtype(dtype: np.dtype, name: str, shown: str, *, reading: bool) -> None:
    """Numbers and booleans only; an object dtype in a file means a pickle, never loaded."""
    if reading and dtype.hasobject:
        raise SessionError("pickled_object", path=shown, name=name)
    if dtype.name not in ALLOWED_DTYPES or dtype.fields is not None or dtype.subdtype is not None:
        raise SessionError("dtype_not_allowed", path=shown, name=name, dtype=_shown(str(dtype)))
