"""Step-by-step upgrades of old session files to the current schema.

Every change to what a `.gradsim` file holds bumps :data:`SCHEMA_VERSION` and adds
one function to :data:`MIGRATIONS` that turns a version-``v`` file into a
version-``v + 1`` file. Old files are read by chaining the steps (glue and
Orange do the same), so each step stays small and is written once, against
the format it knows; nothing ever needs to understand two versions back.

A step receives the manifest (a fresh dict it may change) and the arrays
(read-only numpy arrays: build new ones instead of writing into them) and
returns both. It must keep the manifest's ``"arrays"`` table in step with the
arrays it adds, renames or drops; :func:`migrate` writes the new
``schema_version`` itself. A step may raise ``SessionError`` for a file it
cannot convert; any other exception is a bug in the step and is not hidden.

Keep a frozen file of every schema version under ``tests/`` that must keep
loading.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from gradsim.session.limits import MAX_ARRAYS

#: The schema this gradsim writes and the newest it reads.
SCHEMA_VERSION = 5

Migration = Callable[[dict, dict[str, np.ndarray]], tuple[dict, dict[str, np.ndarray]]]


def _v1_to_v2(manifest: dict, arrays: dict[str, np.ndarray]) -> tuple[dict, dict[str, np.ndarray]]:
    """Schema 2 merges an epoch's last batch of one sample into the batch before it when
    BatchNorm is on (``training.lone_batch = "merge"``). Schema 1 trained on it alone: its
    sessions get ``"keep"`` so they resume exactly as they would have. (Schema 2 also spells
    out NaN/Inf in the manifest's JSON; schema-1 files hold none there, so nothing to do.)
    Sessions always hold a normalized config (with ``training``); anything else is left
    as it is, for the engine to judge (``bad_config``)."""
    config = manifest.get("config")
    training = config.get("training") if isinstance(config, dict) else None
    if isinstance(training, dict):
        training["lone_batch"] = "keep"
    return manifest, arrays


def _v2_to_v3(manifest: dict, arrays: dict[str, np.ndarray]) -> tuple[dict, dict[str, np.ndarray]]:
    """Schema 3 changes only where the arrays lie in the zip: each in its own member
    ``arrays/<name>.npy`` instead of all in one ``arrays.npz`` (a zip inside the zip,
    which cost a second read, a second CRC and a copy of every byte). The container reads
    both layouts by the file's schema, so the content moves over as it is: same names,
    dtypes, shapes and manifest. Saving the session again writes schema 3."""
    return manifest, arrays


#: Schema 3's checkpoints: one (checkpoints, parameters) matrix. Schema 4: a row each.
_V3_CHECKPOINTS = "checkpoint.params"


def _v3_to_v4(manifest: dict, arrays: dict[str, np.ndarray]) -> tuple[dict, dict[str, np.ndarray]]:
    """Schema 4 keeps each parameter checkpoint as its own array ``checkpoint.params.<k>``
    instead of the rows of one matrix ``checkpoint.params``: saving stacked them into a new
    matrix first (a copy of the largest part of a session, 211 MiB of a 278 MiB benchmark
    session, on every save). The matrix's rows become those arrays (views, nothing copied).
    A matrix that is not 2-D, that its table entry does not describe, or with more rows
    than a file may hold arrays (a hostile (10**7, 0) matrix weighs nothing and would
    become ten million arrays) is left as it is for the container's validation and the
    engine to refuse."""
    table = manifest.get("arrays")
    matrix = arrays.get(_V3_CHECKPOINTS)
    if not isinstance(table, dict) or matrix is None or matrix.ndim != 2:
        return manifest, arrays
    if len(arrays) - 1 + matrix.shape[0] > MAX_ARRAYS:
        return manifest, arrays
    if table.get(_V3_CHECKPOINTS) != {"dtype": matrix.dtype.name, "shape": list(matrix.shape)}:
        return manifest, arrays
    del table[_V3_CHECKPOINTS]
    arrays = {name: array for name, array in arrays.items() if name != _V3_CHECKPOINTS}
    for index, row in enumerate(matrix):
        name = f"{_V3_CHECKPOINTS}.{index}"
        arrays[name] = row
        table[name] = {"dtype": row.dtype.name, "shape": list(row.shape)}
    return manifest, arrays


def _v4_to_v5(manifest: dict, arrays: dict[str, np.ndarray]) -> tuple[dict, dict[str, np.ndarray]]:
    """Schema 5 saves the optimizer state as its whole flat buffers ``optimizer.slot<j>.<buffer>``
    (one per buffer and parameter dtype) instead of one array per parameter
    ``optimizer.<buffer>.<k>``: opening takes such an array as the buffer, where it copied
    every parameter's part into it (faulting in all its pages a second time, then dropping
    the arrays read). Which parameters share a buffer, and in which order, is the
    optimizer's rule, so the session layer does not rebuild the buffers: the engine still
    reads the per-parameter names (``Optimizer.load_state_arrays`` takes either form and
    checks each) and copies them, as before. Nothing changes here; saving again writes
    schema 5."""
    return manifest, arrays


#: version v -> the step from v to v + 1.
MIGRATIONS: dict[int, Migration] = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4, 4: _v4_to_v5}


def migrate(manifest: dict, arrays: dict[str, np.ndarray]) -> tuple[dict, dict[str, np.ndarray]]:
    """Bring a file's manifest and arrays from its ``schema_version`` to :data:`SCHEMA_VERSION`.

    The caller has already checked that the version is an int between 1 and
    :data:`SCHEMA_VERSION`. A gap in :data:`MIGRATIONS` is a bug in gradsim
    (a test asserts the registry is complete), so it raises ``LookupError``.
    """
    version = manifest["schema_version"]
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise LookupError(f"no migration registered from schema {version}")
        manifest, arrays = step(manifest, arrays)
        version += 1
        manifest["schema_version"] = version
    return manifest, arrays
