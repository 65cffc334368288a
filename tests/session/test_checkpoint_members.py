"""Schema 4: each parameter checkpoint is its own array ``checkpoint.params.<k>``.

Schema 3 kept them as the rows of one matrix ``checkpoint.params``, which saving had to
stack into a new array first (211 MiB of the 278 MiB benchmark session, on every save).
The 3 -> 4 migration turns that matrix into row views; the frozen schema-3 file
(tests/session/fixtures/schema-v3.gradsim) must keep opening and resuming
(test_fixtures.py), and save again as schema 4.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import numpy as np
import pytest

from gradsim.cli import main
from gradsim.engine.trainer import Trainer
from gradsim.session.container import SCHEMA_VERSION, load_container, open_container, read_manifest
from gradsim.session.errors import SessionError
from gradsim.session.io import load_session, save_session
from tests.session.layouts import MEMBERS, assemble, npy_bytes, take_apart

FIXTURES = Path(__file__).parent / "fixtures"
V3 = FIXTURES / "schema-v3.gradsim"
CONFIG = {
    "data": {"kind": "circles", "n_samples": 60},
    "network": {"depth": 2, "width": 5},
    "optimizer": {"kind": "adam", "lr": 0.01},
    "training": {"batch_size": 20, "checkpoint_every": 3},
}


def stored_matrix(path: Path) -> np.ndarray:
    """Schema 3's checkpoint matrix, read with plain zipfile and numpy."""
    with zipfile.ZipFile(path) as archive:
        return np.load(io.BytesIO(archive.read("arrays/checkpoint.params.npy")))


def test_a_saved_session_holds_one_member_per_checkpoint(tmp_path: Path) -> None:
    trainer = Trainer(CONFIG)
    trainer.run(10)
    path = tmp_path / "run.gradsim"
    save_session(path, trainer)
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["schema_version"] == SCHEMA_VERSION >= 4
    count = len(trainer.checkpoints)
    assert count == 4  # steps 0, 3, 6, 9
    assert {f"arrays/checkpoint.params.{k}.npy" for k in range(count)} <= names
    assert "arrays/checkpoint.params.npy" not in names
    assert f"arrays/checkpoint.params.{count}.npy" not in names
    opened = load_session(path).trainer
    assert opened.checkpoint_steps == trainer.checkpoint_steps == [0, 3, 6, 9]
    for mine, theirs in zip(opened.checkpoints, trainer.checkpoints, strict=True):
        np.testing.assert_array_equal(mine, theirs)


def test_the_3_to_4_migration_turns_the_matrix_into_row_views() -> None:
    matrix = stored_matrix(V3)
    assert matrix.shape == (76, 84) and matrix.dtype == np.float32
    opened = open_container(V3)
    assert opened.stored_schema == 3 and opened.manifest["schema_version"] == SCHEMA_VERSION
    arrays, table = opened.arrays, opened.manifest["arrays"]
    assert "checkpoint.params" not in arrays and "checkpoint.params" not in table
    rows = [arrays[f"checkpoint.params.{k}"] for k in range(76)]
    assert "checkpoint.params.76" not in arrays
    for k, row in enumerate(rows):
        np.testing.assert_array_equal(row, matrix[k])
        assert table[f"checkpoint.params.{k}"] == {"dtype": "float32", "shape": [84]}
        assert not row.flags.writeable
    base = rows[0].base
    assert base is not None and all(row.base is base for row in rows)  # views, nothing copied


def test_a_schema_3_session_keeps_its_checkpoints_as_views_and_saves_again_as_schema_4(
    tmp_path: Path,
) -> None:
    session = load_session(V3)
    trainer = session.trainer
    assert session.schema_version == 3
    roots = {id(checkpoint.base.base) for checkpoint in trainer.checkpoints}
    assert len(roots) == 1  # all rows of the one matrix that was read, not 76 copies
    again = tmp_path / "again.gradsim"
    save_session(again, trainer, session.extra_arrays, **session.extras)
    assert read_manifest(again)["schema_version"] == SCHEMA_VERSION
    reopened = load_session(again)
    assert reopened.schema_version == SCHEMA_VERSION
    assert reopened.trainer.checkpoint_steps == trainer.checkpoint_steps
    matrix = stored_matrix(V3)
    for k, checkpoint in enumerate(reopened.trainer.checkpoints):
        np.testing.assert_array_equal(checkpoint, matrix[k])
        assert checkpoint.base is None or checkpoint.base.base is None  # an array of its own


def rebuilt_v3(tmp_path: Path, matrix: np.ndarray, table_shape: list[int] | None = None) -> Path:
    """The schema-3 fixture with another checkpoint matrix (and table entry)."""
    manifest, npys = take_apart(V3.read_bytes())
    npys["checkpoint.params.npy"] = npy_bytes(matrix)
    shape = list(matrix.shape) if table_shape is None else table_shape
    manifest["arrays"]["checkpoint.params"] = {"dtype": matrix.dtype.name, "shape": shape}
    path = tmp_path / "v3.gradsim"
    path.write_bytes(assemble(manifest, npys, MEMBERS))
    return path


def test_a_schema_3_matrix_that_is_not_2_d_is_left_for_the_engine_to_refuse(tmp_path: Path) -> None:
    path = rebuilt_v3(tmp_path, stored_matrix(V3).reshape(-1))
    manifest, arrays = load_container(path)  # the container reads it: a valid array
    assert "checkpoint.params" in arrays and "checkpoint.params.0" not in arrays
    with pytest.raises(SessionError) as caught:
        load_session(path)
    assert caught.value.code == "bad_state"
    assert "checkpoint.params is not one of the 76 checkpoints" in str(caught.value)


def test_a_schema_3_matrix_of_ten_million_empty_rows_is_not_made_ten_million_arrays(tmp_path: Path) -> None:
    """It weighs nothing (no limit stops it) and is left for the engine to refuse."""
    path = rebuilt_v3(tmp_path, np.zeros((10**7, 0)))
    manifest, arrays = load_container(path)
    assert arrays["checkpoint.params"].shape == (10**7, 0) and len(arrays) < 200
    with pytest.raises(SessionError) as caught:
        load_session(path)
    assert caught.value.code == "bad_state"


def test_a_schema_3_matrix_its_table_does_not_describe_is_a_shape_mismatch(tmp_path: Path) -> None:
    path = rebuilt_v3(tmp_path, stored_matrix(V3), table_shape=[76, 85])
    with pytest.raises(SessionError) as caught:
        load_container(path)
    assert caught.value.code == "shape_mismatch" and caught.value.params["name"] == "checkpoint.params"


@pytest.mark.parametrize("schema", [1, 2, 3])
def test_info_names_the_schema_the_file_was_written_in(schema: int, capsys) -> None:
    """It printed the migrated schema (the current one) for every file."""
    path = FIXTURES / f"schema-v{schema}.gradsim"
    assert load_session(path).schema_version == schema
    assert main(["info", str(path)]) == 0
    assert f", schema {schema})" in capsys.readouterr().out
