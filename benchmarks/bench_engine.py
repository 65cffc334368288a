"""Training-step speed of the engine, as ratios against references measured in the same run.

    python -m benchmarks.bench_engine            # full table
    python -m benchmarks.bench_engine --quick    # fewer repeats

For each size (depth x width, batch) and precision it times:

* ``engine``: ``Trainer.step()`` with diagnostics on at the default cadence (scalars and
  per-layer gradient norms every step, full statistics every ``training.diagnostics_every``
  steps, the default 20);
* ``engine-nodiag``: the same trainer with the full statistics pass switched off
  (``diagnostics_every`` huge), to show what diagnostics cost;
* ``bare``: a hand-written numpy MLP step (ReLU, BCE on logits, SGD, preallocated
  buffers, no diagnostics) of the same shapes: the floor numpy can reach;
* ``torch``: the same network and step in PyTorch on the CPU when it is installed, timed
  in a separate process (torch's OpenMP threads spin and slow numpy in the same process).

Ratios > 1 mean "slower than the reference". Machines here are noisy: read the ratios,
not the absolute times (each is the median of several repeats).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

import numpy as np

from gradsim.engine.config import TRAINING_DEFAULTS  # noqa: E402

DEFAULT_CADENCE = TRAINING_DEFAULTS["diagnostics_every"]
SIZES = [(3, 8, 32), (10, 64, 256), (50, 64, 128), (10, 512, 512)]
N_SAMPLES = 2048


def _config(depth: int, width: int, batch: int, precision: str, cadence: int) -> dict:
    return {
        "data": {
            "kind": "teacher",
            "dim": 2 if width <= 8 else 32,
            "n_samples": N_SAMPLES,
            "seed": 0,
            "task": "binary",
            "test_fraction": 0.1,
        },
        "network": {"depth": depth, "width": width, "activation": "relu", "init": {"kind": "he_normal"}},
        "optimizer": {"kind": "sgd", "lr": 0.01},
        "training": {
            "batch_size": batch,
            "precision": precision,
            "diagnostics_every": cadence,
            "checkpoint_every": 10**6,
        },
    }


def _time(step, repeats: int, inner: int) -> float:
    for _ in range(max(3, inner // 5)):
        step()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(inner):
            step()
        samples.append((time.perf_counter() - start) / inner)
    return statistics.median(samples)


def time_engine(
    depth: int, width: int, batch: int, precision: str, cadence: int, repeats: int, inner: int
) -> float:
    from gradsim.engine.trainer import Trainer

    trainer = Trainer(_config(depth, width, batch, precision, cadence))
    return _time(trainer.step, repeats, inner)


def bare_step_factory(depth: int, width: int, batch: int, dtype: np.dtype, input_dim: int):
    """A minimal, careful numpy MLP step: the floor for the engine's arithmetic."""
    rng = np.random.default_rng(0)
    dims = [input_dim] + [width] * depth + [1]
    weights = [
        (rng.normal(size=(a, b)) * np.sqrt(2 / a)).astype(dtype)
        for a, b in zip(dims[:-1], dims[1:], strict=True)
    ]
    biases = [np.zeros(b, dtype=dtype) for b in dims[1:]]
    x_all = rng.normal(size=(N_SAMPLES, input_dim)).astype(dtype)
    y_all = (rng.random((N_SAMPLES, 1)) > 0.5).astype(dtype)
    acts = [np.empty((batch, d), dtype=dtype) for d in dims]
    lr = dtype.type(0.01)
    position = [0]

    def step() -> None:
        start = position[0]
        if start + batch > N_SAMPLES:
            start = 0
        position[0] = start + batch
        acts[0][...] = x_all[start : start + batch]
        y = y_all[start : start + batch]
        for i, (w, b) in enumerate(zip(weights, biases, strict=True)):
            np.matmul(acts[i], w, out=acts[i + 1])
            acts[i + 1] += b
            if i < len(weights) - 1:
                np.maximum(acts[i + 1], 0, out=acts[i + 1])
        z = acts[-1]
        grad = (1.0 / (1.0 + np.exp(-z)) - y) * dtype.type(1.0 / batch)
        for i in range(len(weights) - 1, -1, -1):
            gw = acts[i].T @ grad
            gb = grad.sum(axis=0)
            if i > 0:
                grad = grad @ weights[i].T
                grad *= acts[i] > 0
            weights[i] -= lr * gw
            biases[i] -= lr * gb

    return step


def time_bare(depth: int, width: int, batch: int, precision: str, repeats: int, inner: int) -> float:
    input_dim = 2 if width <= 8 else 32
    step = bare_step_factory(depth, width, batch, np.dtype(precision), input_dim)
    return _time(step, repeats, inner)


TORCH_SNIPPET = r"""
import json, sys, time, statistics
import torch
depth, width, batch, precision, repeats, inner = json.loads(sys.argv[1])
torch.manual_seed(0)
torch.set_num_threads(max(1, torch.get_num_threads()))
dtype = {"float64": torch.float64, "float32": torch.float32}[precision]
input_dim = 2 if width <= 8 else 32
layers = []
d = input_dim
for _ in range(depth):
    layers += [torch.nn.Linear(d, width), torch.nn.ReLU()]
    d = width
layers.append(torch.nn.Linear(d, 1))
model = torch.nn.Sequential(*layers).to(dtype)
opt = torch.optim.SGD(model.parameters(), lr=0.01)
loss_fn = torch.nn.BCEWithLogitsLoss()
x_all = torch.randn(2048, input_dim, dtype=dtype)
y_all = (torch.rand(2048, 1) > 0.5).to(dtype)
pos = [0]
def step():
    s = pos[0] if pos[0] + batch <= 2048 else 0
    pos[0] = s + batch
    opt.zero_grad(set_to_none=True)
    loss = loss_fn(model(x_all[s:s + batch]), y_all[s:s + batch])
    loss.backward()
    opt.step()
for _ in range(max(3, inner // 5)):
    step()
samples = []
for _ in range(repeats):
    t = time.perf_counter()
    for _ in range(inner):
        step()
    samples.append((time.perf_counter() - t) / inner)
print(json.dumps(statistics.median(samples)))
"""


def time_torch(depth: int, width: int, batch: int, precision: str, repeats: int, inner: int) -> float | None:
    try:
        import importlib.util

        if importlib.util.find_spec("torch") is None:
            return None
    except ImportError:
        return None
    env = {**os.environ, "OMP_WAIT_POLICY": "PASSIVE"}
    args = json.dumps([depth, width, batch, precision, repeats, inner])
    out = subprocess.run(
        [sys.executable, "-c", TORCH_SNIPPET, args], capture_output=True, text=True, env=env, timeout=600
    )
    if out.returncode != 0:
        return None
    return float(out.stdout.strip().splitlines()[-1])


def _inner(depth: int, width: int, batch: int) -> int:
    work = depth * width * width * batch
    return int(np.clip(2e8 / max(work, 1), 5, 400))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    parser.add_argument("--precision", choices=["float64", "float32", "both"], default="both")
    parser.add_argument(
        "--blas-threads",
        type=int,
        default=None,
        help="BLAS threads for numpy (default: gradsim's own setting, 1)",
    )
    args = parser.parse_args(argv)
    from gradsim.engine.runtime import limit_blas_threads, tune_allocator

    threads = limit_blas_threads(args.blas_threads)
    tune_allocator()
    print(f"numpy BLAS threads: {threads}; torch: its default intra-op threads")
    repeats = 3 if args.quick else 7
    precisions = ["float64", "float32"] if args.precision == "both" else [args.precision]
    header = (
        f"{'size (depth x width, batch)':30s} {'prec':8s} {'engine ms':>10s} {'bare ms':>9s} "
        f"{'torch ms':>9s} {'eng/bare':>9s} {'diag cost':>10s} {'eng/torch':>10s}"
    )
    print(header)
    print("-" * len(header))
    for precision in precisions:
        for depth, width, batch in SIZES:
            inner = _inner(depth, width, batch)
            engine = time_engine(depth, width, batch, precision, DEFAULT_CADENCE, repeats, inner)
            nodiag = time_engine(depth, width, batch, precision, 10**6, repeats, inner)
            bare = time_bare(depth, width, batch, precision, repeats, inner)
            torch_time = time_torch(depth, width, batch, precision, repeats, inner)
            torch_text = f"{torch_time * 1e3:9.3f}" if torch_time else f"{'n/a':>9s}"
            ratio_torch = f"{engine / torch_time:10.2f}" if torch_time else f"{'n/a':>10s}"
            print(
                f"{f'{depth}x{width}, batch {batch}':30s} {precision:8s} "
                f"{engine * 1e3:10.3f} {bare * 1e3:9.3f} "
                f"{torch_text} {engine / bare:9.2f} {engine / nodiag - 1:+10.0%} {ratio_torch}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
