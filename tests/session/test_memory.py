"""Opening a session holds the arrays and about nothing more, measured in a fresh process.

The peak is the child's own high-water mark (``VmHWM`` in ``/proc/self/status``, which
starts anew with the process image), against its baseline after the imports; never
inside pytest, whose memory is not the reader's (and whose peak ``ru_maxrss`` would carry
into a child). Schema 3 reads each array once into its own memory; schemas 1-2 read
``arrays.npz`` whole first, then its members: about twice the arrays.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from gradsim.session.container import save_container
from gradsim.session.limits import MiB
from tests.session.layouts import relaid

pytestmark = pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="VmHWM is Linux's")

CHILD = """
import json, sys
from gradsim.session.container import load_container

def high_water_kib():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))

baseline = high_water_kib()
manifest, arrays = load_container(sys.argv[1])
extra = high_water_kib() - baseline
print(json.dumps({"extra_bytes": extra * 1024, "array_bytes": sum(a.nbytes for a in arrays.values())}))
"""


def open_in_child(path: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def make_sessions(folder: Path) -> dict[int, Path]:
    """The same 72 MiB of random arrays as schema 3 and as schema 2 laid them out."""
    rng = np.random.default_rng(0)
    arrays = {f"a{i}": rng.normal(size=3 * MiB) for i in range(3)}  # 24 MiB each, stored
    arrays["steps"] = np.arange(1_000_000)  # deflated
    path = folder / "v3.gradsim"
    save_container(path, {}, arrays)
    old = folder / "v2.gradsim"
    old.write_bytes(relaid(path.read_bytes(), 2))
    return {3: path, 2: old}


@pytest.fixture(scope="module")
def sessions(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    return make_sessions(tmp_path_factory.mktemp("memory"))


def test_opening_schema_3_holds_the_arrays_and_little_more(sessions: dict[int, Path]) -> None:
    outcome = open_in_child(sessions[3])
    assert outcome["array_bytes"] > 72 * MiB
    assert outcome["extra_bytes"] < 1.2 * outcome["array_bytes"], outcome


def test_opening_schema_2_holds_at_most_one_more_copy(sessions: dict[int, Path]) -> None:
    outcome = open_in_child(sessions[2])
    assert outcome["extra_bytes"] < 2.2 * outcome["array_bytes"], outcome


if __name__ == "__main__":  # python -m tests.session.test_memory: the figures for the notes
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        for version, path in make_sessions(Path(folder)).items():
            outcome = open_in_child(path)
            ratio = outcome["extra_bytes"] / outcome["array_bytes"]
            print(
                f"schema {version}: peak +{outcome['extra_bytes'] / MiB:.1f} MiB = {ratio:.2f} x the arrays"
            )
