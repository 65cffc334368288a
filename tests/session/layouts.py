"""Both layouts of a `.gradsim` zip, taken apart and rebuilt by tests.

Schema 3 stores each array as its own member ``arrays/<name>.npy``; schemas 1 and 2 stored
them all in one ``arrays.npz`` member (a zip inside the zip). The reader picks the layout
by the manifest's ``schema_version``, so tests that damage or rewrite a file rebuild it in
the layout they mean.
"""

from __future__ import annotations

import io
import json
import warnings
import zipfile
from typing import Any

import numpy as np

MEMBERS, NPZ = "members", "npz"  # schema 3, schemas 1-2
LAYOUTS = (MEMBERS, NPZ)
ARRAY_FOLDER = "arrays/"


def npy_bytes(array: np.ndarray) -> bytes:
    """What ``np.save`` writes for ``array``."""
    buffer = io.BytesIO()
    np.lib.format.write_array(buffer, array, allow_pickle=False)
    return buffer.getvalue()


def zip_of(members: list[tuple[str, bytes]], method: int = zipfile.ZIP_STORED) -> bytes:
    """A zip of (name, bytes), duplicates allowed (some tests need them)."""
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Duplicate name"
        with zipfile.ZipFile(buffer, "w") as archive:
            for name, data in members:
                archive.writestr(zipfile.ZipInfo(name), data, compress_type=method)
    return buffer.getvalue()


def layout_of(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return NPZ if "arrays.npz" in archive.namelist() else MEMBERS


def take_apart(data: bytes) -> tuple[dict[str, Any], dict[str, bytes]]:
    """(manifest, {``<array name>.npy``: member bytes}) of a valid file of either layout."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        names = archive.namelist()
        if "arrays.npz" in names:
            with zipfile.ZipFile(io.BytesIO(archive.read("arrays.npz"))) as inner:
                return manifest, {info.filename: inner.read(info) for info in inner.infolist()}
        npys = {
            name.removeprefix(ARRAY_FOLDER): archive.read(name) for name in names if name != "manifest.json"
        }
        return manifest, npys


def assemble(
    manifest: Any,
    npys: list[tuple[str, bytes]] | dict[str, bytes] | bytes,
    layout: str,
    method: int = zipfile.ZIP_STORED,
) -> bytes:
    """A session zip in ``layout`` from a manifest (any JSON value, or raw bytes) and
    ``<name>.npy`` members (duplicates allowed), or, for the npz layout, the npz's bytes."""
    text = manifest if isinstance(manifest, bytes) else json.dumps(manifest).encode()
    items = list(npys.items()) if isinstance(npys, dict) else npys
    if layout == NPZ:
        npz = npys if isinstance(npys, bytes) else zip_of(items)
        return zip_of([("manifest.json", text), ("arrays.npz", npz)], method)
    assert not isinstance(npys, bytes)
    return zip_of([("manifest.json", text)] + [(ARRAY_FOLDER + name, data) for name, data in items], method)


def relaid(data: bytes, version: int) -> bytes:
    """The same file with ``schema_version`` set to ``version`` and laid out as that schema's writer did."""
    manifest, npys = take_apart(data)
    return assemble({**manifest, "schema_version": version}, npys, NPZ if version < 3 else MEMBERS)
