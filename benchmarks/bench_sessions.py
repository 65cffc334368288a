"""Session files: size, save and open time, as ratios against plain numpy in the same run.

    python -m benchmarks.bench_sessions            # median of 5 repeats
    python -m benchmarks.bench_sessions --quick    # median of 2 repeats

The session: a 50x256 ReLU network (50 hidden layers of width 256, ~3.3 M parameters) with
Adam (two moment arrays), trained a few real steps, then its histories filled directly
to 20,000 steps (every step's scalars and layer gradient norms, evaluations every 10 and
per-layer statistics every 50 steps, as the trainer records them) and its parameter
checkpoints filled to the trainer's bound. Training 20,000 steps of this net would take
tens of minutes; the files hold the same arrays either way. Saving and opening go through
the real ``save_session``/``load_session`` (atomic write, fsync, every check on load,
the Trainer rebuilt).

Reported, each in the same run and on the same folder:

* ``size``: file bytes / raw bytes of the arrays it holds (target <= 1.1);
* ``save``: ``save_session`` time / writing the same arrays with ``np.save`` into one file
  (flushed and fsync-ed like the session) (target <= 2);
* ``open``: ``load_session`` time / reading them back with ``np.load`` (target <= 2).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from gradsim.engine.state import trainer_state
from gradsim.engine.trainer import Trainer
from gradsim.session.io import load_session, save_session

HISTORY_STEPS = 20_000
CONFIG = {
    "name": "bench-50x256-adam",
    "data": {"kind": "circles", "n_samples": 400, "noise": 0.1, "seed": 0},
    "network": {"depth": 50, "width": 256, "activation": "relu", "init": {"kind": "he_normal"}},
    "optimizer": {"kind": "adam", "lr": 0.0005},
    "training": {"batch_size": 32, "seed": 0},
}


def build_trainer() -> Trainer:
    trainer = Trainer(CONFIG)
    trainer.run(3)
    rng = np.random.default_rng(0)
    start = trainer.step_count + 1
    depth = trainer.layer_grads.width
    for step in range(start, HISTORY_STEPS + 1):
        trainer.scalars.append(step, (rng.random(), rng.random(), 0.0, 0.0005))
        trainer.layer_grads.append(step, rng.random(depth))
        if step % 10 == 0:
            trainer.evaluation.append(step, rng.random(4))
        if step % 50 == 0:
            trainer.stats_history.append(step, rng.random(trainer.stats_history.width))
    for history in (trainer.scalars, trainer.layer_grads, trainer.evaluation, trainer.stats_history):
        history.flush()
    trainer.step_count = HISTORY_STEPS
    flat = trainer.flat_parameters()
    while len(trainer.checkpoints) < trainer.max_checkpoints:
        trainer.checkpoint_steps.append(trainer.checkpoint_steps[-1] + trainer.checkpoint_every)
        trainer.checkpoints.append(flat + rng.normal(0, 1e-3, flat.shape))
    return trainer


def numpy_save(path: Path, arrays: dict[str, np.ndarray]) -> None:
    with open(path, "wb") as handle:
        for value in arrays.values():
            np.save(handle, value, allow_pickle=False)
        handle.flush()
        os.fsync(handle.fileno())


def numpy_load(path: Path, count: int) -> list[np.ndarray]:
    with open(path, "rb") as handle:
        return [np.load(handle, allow_pickle=False) for _ in range(count)]


def timed(function, *args) -> float:
    started = time.perf_counter()
    function(*args)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2 repeats instead of 5")
    args = parser.parse_args(argv)
    repeats = 2 if args.quick else 5
    print("building the session (50x256, Adam, 20,000 steps of history)...", flush=True)
    trainer = build_trainer()
    _, arrays = trainer_state(trainer)
    raw = sum(value.nbytes for value in arrays.values())
    with tempfile.TemporaryDirectory(dir=os.environ.get("GRADSIM_BENCH_DIR")) as folder:
        session, plain = Path(folder) / "bench.gradsim", Path(folder) / "plain.npy"
        saves, loads, plain_saves, plain_loads = [], [], [], []
        for _ in range(repeats):  # interleaved, so drifting machine load hits both alike
            plain_saves.append(timed(numpy_save, plain, arrays))
            saves.append(timed(save_session, session, trainer))
            plain_loads.append(timed(numpy_load, plain, len(arrays)))
            loads.append(timed(load_session, session))
        size = session.stat().st_size
        opened = load_session(session).trainer
        assert opened.step_count == HISTORY_STEPS
        for name, value in trainer.network.params.items():
            assert np.array_equal(opened.network.params[name], value), name
    save, plain_save = statistics.median(saves), statistics.median(plain_saves)
    load, plain_load = statistics.median(loads), statistics.median(plain_loads)
    rows = [
        ("size", size / raw, 1.1, f"{size / 2**20:.1f} MiB file / {raw / 2**20:.1f} MiB of arrays"),
        ("save", save / plain_save, 2.0, f"{save * 1000:.0f} ms / np.save {plain_save * 1000:.0f} ms"),
        ("open", load / plain_load, 2.0, f"{load * 1000:.0f} ms / np.load {plain_load * 1000:.0f} ms"),
    ]
    print(f"{len(arrays)} arrays, {len(trainer.checkpoints)} checkpoints, median of {repeats}")
    failed = False
    for name, ratio, target, detail in rows:
        ok = ratio <= target
        failed |= not ok
        print(f"{name:5s} ratio {ratio:5.2f} (target <= {target}) {'ok' if ok else 'OVER'}   {detail}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
