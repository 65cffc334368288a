"""Session files: size, save and open time, as ratios against plain numpy in the same run.

    python -m benchmarks.bench_sessions              # median of 7 repeats
    python -m benchmarks.bench_sessions --quick      # median of 5 repeats
    python -m benchmarks.bench_sessions --markdown   # its section of docs/performance.md

The session: a 50x256 ReLU network (50 hidden layers of width 256, ~3.3 M parameters) with
Adam (two moment arrays), trained a few real steps, then its histories filled directly
to 20,000 steps (every step's scalars and layer gradient norms, evaluations every 10 and
per-layer statistics every 50 steps, as the trainer records them) and its parameter
checkpoints filled to the trainer's bound. Training 20,000 steps of this net would take
tens of minutes; the files hold the same arrays either way. Saving and opening go through
the real ``save_session``/``load_session`` (atomic write, fsync, every check on load,
the Trainer rebuilt), as the app and the CLI do.

Reported, each a ratio of two times measured back to back in the same repeat (the order
alternates between repeats, so a machine busy with other work weighs on both alike), as
the median and the spread (min-max) of the repeats:

* ``size``: file bytes / raw bytes of the arrays it holds (target <= 1.1);
* ``save``: ``save_session`` / writing the same arrays with ``np.save`` into one file,
  flushed and fsync-ed like the session (target <= 2);
* ``open``: ``load_session`` / reading them back with ``np.load`` (target <= 2);
* ``memory``: the extra peak memory of opening the session in a fresh process / the
  arrays' bytes (target <= 2: the arrays plus at most about one copy of them), with the
  page faults of that open (on a virtual machine ~10 us each: most of what opening costs
  beyond reading the file is new memory first touched).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from benchmarks.report import markdown_table, median_spread, target_line
from gradsim.engine.state import trainer_state
from gradsim.engine.trainer import Trainer
from gradsim.session.container import load_container
from gradsim.session.io import load_session, save_session

HISTORY_STEPS = 20_000
CONFIG = {
    "name": "bench-50x256-adam",
    "data": {"kind": "circles", "n_samples": 400, "noise": 0.1, "seed": 0},
    "network": {"depth": 50, "width": 256, "activation": "relu", "init": {"kind": "he_normal"}},
    "optimizer": {"kind": "adam", "lr": 0.0005},
    "training": {"batch_size": 32, "seed": 0},
}
TARGETS = {"size": 1.1, "save": 2.0, "open": 2.0, "memory": 2.0}

# Opens a session in a fresh interpreter: its own peak (VmHWM, Linux; ru_maxrss would carry
# this process's peak into the child) above its baseline after the imports.
MEMORY_CHILD = """
import json, resource, sys
from gradsim.session.io import load_session

def high_water_kib():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))

baseline, faults = high_water_kib(), resource.getrusage(resource.RUSAGE_SELF).ru_minflt
trainer = load_session(sys.argv[1]).trainer
faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt - faults
print(json.dumps({"extra_kib": high_water_kib() - baseline, "faults": faults, "step": trainer.step_count}))
"""


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


def numpy_save_atomically(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """``np.save`` as the session saves: into a new file beside the target, fsync-ed, then
    renamed over it (what atomicity costs, apart from the format)."""
    temporary = path.with_name(path.name + ".tmp")
    numpy_save(temporary, arrays)
    os.replace(temporary, path)


def numpy_load(path: Path, count: int) -> list[np.ndarray]:
    with open(path, "rb") as handle:
        return [np.load(handle, allow_pickle=False) for _ in range(count)]


Times = tuple[float, float]  # (wall, CPU of this process) seconds


def timed(function: Callable[..., object], *args: object) -> Times:
    """Wall time, and this process's CPU time: on a machine busy with other work the wall
    time swings with the scheduler, the CPU time much less."""
    started, cpu = time.perf_counter(), time.process_time()
    function(*args)
    return time.perf_counter() - started, time.process_time() - cpu


def pair(first: Callable[[], Times], second: Callable[[], Times], flip: bool) -> tuple[Times, Times]:
    """Both times, measured back to back; ``flip`` runs the second first."""
    if flip:
        b = second()
        return first(), b
    a = first()
    return a, second()


def open_memory(session: Path) -> tuple[float, int]:
    """Extra peak memory (bytes) and page faults of opening ``session`` in a fresh interpreter."""
    done = subprocess.run(
        [sys.executable, "-c", MEMORY_CHILD, str(session)],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    found = json.loads(done.stdout)
    return found["extra_kib"] * 1024, found["faults"]


def measure(repeats: int) -> dict[str, object]:
    """Every sample of every ratio, and what they were measured on."""
    print("building the session (50x256, Adam, 20,000 steps of history)...", file=sys.stderr, flush=True)
    trainer = build_trainer()
    _, arrays = trainer_state(trainer)
    raw = sum(value.nbytes for value in arrays.values())
    samples: dict[str, list[float]] = {"save": [], "open": [], "np.save": [], "np.load": []}
    samples.update({"save ratio": [], "open ratio": [], "collect": [], "container": []})
    samples.update(
        {"np.save atomic": [], "save ratio atomic": [], "save cpu ratio": [], "open cpu ratio": []}
    )
    with tempfile.TemporaryDirectory(dir=os.environ.get("GRADSIM_BENCH_DIR")) as folder:
        session, plain = Path(folder) / "bench.gradsim", Path(folder) / "plain.npy"
        save_session(session, trainer)  # warm up: the first write of a file costs extra
        numpy_save(plain, arrays)
        for repeat in range(repeats):
            flip = repeat % 2 == 1
            print(f"repeat {repeat + 1}/{repeats}", file=sys.stderr, flush=True)
            mine, theirs = pair(
                lambda: timed(save_session, session, trainer), lambda: timed(numpy_save, plain, arrays), flip
            )
            samples["save"].append(mine[0])
            samples["np.save"].append(theirs[0])
            samples["save ratio"].append(mine[0] / theirs[0])
            samples["save cpu ratio"].append(mine[1] / theirs[1])
            atomic = timed(numpy_save_atomically, plain, arrays)[0]
            samples["np.save atomic"].append(atomic)
            samples["save ratio atomic"].append(mine[0] / atomic)
            mine, theirs = pair(
                lambda: timed(load_session, session), lambda: timed(numpy_load, plain, len(arrays)), flip
            )
            samples["open"].append(mine[0])
            samples["np.load"].append(theirs[0])
            samples["open ratio"].append(mine[0] / theirs[0])
            samples["open cpu ratio"].append(mine[1] / theirs[1])
            # where the time goes: gathering the trainer's arrays, reading the file alone
            samples["collect"].append(timed(trainer_state, trainer)[0])
            samples["container"].append(timed(load_container, session)[0])
        size = session.stat().st_size
        opened = load_session(session).trainer
        assert opened.step_count == HISTORY_STEPS
        for name, value in trainer.network.params.items():
            assert np.array_equal(opened.network.params[name], value), name
        memory, faults = [], []
        if os.path.exists("/proc/self/status"):
            print("opening in a fresh process for its peak memory...", file=sys.stderr, flush=True)
            for _ in range(3):
                peak, count = open_memory(session)
                memory.append(peak / raw)
                faults.append(count)
    return {
        "arrays": len(arrays),
        "raw": raw,
        "size": size,
        "repeats": repeats,
        "samples": samples,
        "memory": memory,
        "faults": faults,
    }


def ratios(result: dict[str, object]) -> dict[str, float]:
    """The medians compared with the targets."""
    samples = result["samples"]
    return {
        "size": result["size"] / result["raw"],
        "save": statistics.median(samples["save ratio"]),
        "open": statistics.median(samples["open ratio"]),
        "memory": statistics.median(result["memory"]) if result["memory"] else None,
    }


def milliseconds(seconds: list[float]) -> str:
    return f"{median_spread(seconds, 0, 1000.0)} ms"


def plain_report(result: dict[str, object]) -> str:
    samples, found = result["samples"], ratios(result)
    ms = 1000.0
    lines = [f"{result['arrays']} arrays, median (min-max) of {result['repeats']} repeats, order alternating"]
    details = {
        "size": f"{result['size'] / 2**20:.1f} MiB file / {result['raw'] / 2**20:.1f} MiB of arrays",
        "save": f"{median_spread(samples['save'], 0, ms)} ms / np.save {milliseconds(samples['np.save'])}"
        f" (written atomically {milliseconds(samples['np.save atomic'])}: "
        f"ratio {median_spread(samples['save ratio atomic'])})",
        "open": f"{median_spread(samples['open'], 0, ms)} ms / np.load {milliseconds(samples['np.load'])}",
        "memory": f"peak while opening, in a fresh process: {median_spread(result['memory'])} x the arrays"
        f" ({median_spread(result['faults'], 0)} page faults)",
    }
    lines.append(
        f"(of save: trainer_state {milliseconds(samples['collect'])}; "
        f"of open: load_container {milliseconds(samples['container'])}; CPU-time ratios: "
        f"open {median_spread(samples['open cpu ratio'])}, save {median_spread(samples['save cpu ratio'])})"
    )
    spreads = {
        "save": median_spread(samples["save ratio"]),
        "open": median_spread(samples["open ratio"]),
        "memory": median_spread(result["memory"]),
    }
    for name, ratio in found.items():
        if ratio is None:
            lines.append(f"{name:6s} not measured here (needs /proc/self/status)")
            continue
        verdict = "ok" if ratio <= TARGETS[name] else "OVER"
        shown = spreads.get(name, f"{ratio:.2f}")
        lines.append(f"{name:6s} {shown:18s} (target <= {TARGETS[name]}) {verdict:4s}  {details[name]}")
    return "\n".join(lines)


def markdown_report(result: dict[str, object]) -> str:
    samples, found = result["samples"], ratios(result)
    ms = 1000.0
    rows = [
        ["open", median_spread(samples["open"], 0, ms), median_spread(samples["np.load"], 0, ms)]
        + [median_spread(samples["open ratio"]), "<= 2"],
        ["save", median_spread(samples["save"], 0, ms), median_spread(samples["np.save"], 0, ms)]
        + [median_spread(samples["save ratio"]), "<= 2"],
        ["save, against np.save written atomically", median_spread(samples["save"], 0, ms)]
        + [median_spread(samples["np.save atomic"], 0, ms), median_spread(samples["save ratio atomic"]), ""],
    ]
    mib = 2**20
    memory = median_spread(result["memory"])
    collect, container = median_spread(samples["collect"], 0, ms), median_spread(samples["container"], 0, ms)
    lines = [
        "## Session files: open and save against numpy",
        "",
        f"A 50x256 ReLU network with Adam and 20,000 steps of history ({result['arrays']} arrays, "
        f"{result['raw'] / mib:.1f} MiB) opened with `load_session` and saved with `save_session` "
        "(atomic write, fsync, every check, the Trainer rebuilt), each timed back to back with "
        "`np.load` / `np.save` of the same arrays in one file (fsync-ed too), the order "
        f"alternating; median (min-max) of {result['repeats']} repeats, ratios taken per repeat.",
        "",
        markdown_table(["operation", "gradsim (ms)", "numpy (ms)", "ratio", "target"], rows),
        "",
        f"File: {result['size'] / mib:.1f} MiB for {result['raw'] / mib:.1f} MiB of arrays "
        f"(ratio {found['size']:.3f}). Peak memory of opening in a fresh process: "
        f"{memory} x the arrays' bytes; that open takes {median_spread(result['faults'], 0)} page faults.",
        "",
        f"Where the time goes: of saving, gathering the trainer's arrays (`trainer_state`: its own "
        f"arrays, one per checkpoint, nothing copied) takes {collect} ms, the rest is the atomic "
        f"write; of opening, reading the file (`load_container`) takes {container} ms, the rest "
        "is rebuilding the Trainer (its histories and the buffers it writes while opening: "
        "new memory that `np.load` does not allocate; the parameters, the optimizer's "
        "state buffers and the checkpoints are the arrays read). "
        f"In CPU time of the process (which other work on the machine disturbs less), opening "
        f"takes {median_spread(samples['open cpu ratio'])} x np.load's and saving "
        f"{median_spread(samples['save cpu ratio'])} x np.save's. "
        "The last row writes `np.save`'s file as the session is written (a new file, fsync-ed, "
        "renamed over the old one): what atomicity itself costs on this machine.",
        "",
        "Targets:",
        "",
        target_line("open / np.load", found["open"], "<=", TARGETS["open"]),
        target_line("save / np.save", found["save"], "<=", TARGETS["save"]),
        target_line("file size / arrays", found["size"], "<=", TARGETS["size"]),
        target_line("peak memory of opening / arrays", found["memory"], "<=", TARGETS["memory"]),
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5 repeats instead of 7")
    parser.add_argument("--markdown", action="store_true", help="print the section for docs/performance.md")
    args = parser.parse_args(argv)
    result = measure(5 if args.quick else 7)
    print(markdown_report(result) if args.markdown else plain_report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
