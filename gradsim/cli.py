"""The headless command line: train, inspect sessions, run optimizers on surfaces.

Every command prints a one-line error and exits non-zero on bad input (exit 2 for
usage and configuration errors, 1 for a file that cannot be read or written).
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
import time
from collections.abc import Sequence
from typing import Any, TextIO

from gradsim import __version__
from gradsim.engine.diagnosis import format_diagnosis
from gradsim.engine.errors import GradsimError

# load_config lived here and the README's Python API imported it from gradsim.cli: kept as a
# re-export so notebooks and scripts written for it keep working (new code: gradsim.shipped).
from gradsim.shipped import example_names, examples_dir, load_config

__all__ = ["COMMANDS", "build_parser", "load_config", "main"]

COMMANDS = ("run", "info", "trajectory", "surfaces", "examples")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="gradsim", description="Headless gradsim commands.")
    parser.add_argument("--version", action="version", version=f"gradsim {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="train a network headless and save a session")
    source = run.add_mutually_exclusive_group(required=True)
    source.add_argument("--config", help="a JSON config (see docs/config.md) or an example name")
    source.add_argument("--resume", help="a .gradsim session to continue")
    run.add_argument("--steps", type=int, required=True, help="training steps to run")
    run.add_argument("--out", help="where to save the session (.gradsim); default: the resumed file")
    run.add_argument("--metrics", help="write one CSV row per step (step, loss, grad_norm, clipped, lr)")
    run.add_argument("--quiet", action="store_true", help="no progress output")

    info = sub.add_parser("info", help="summarize a .gradsim session")
    info.add_argument("session")

    sub.add_parser("examples", help="list the example configs shipped with gradsim")

    from gradsim.landscapes.cli import add_landscape_commands

    add_landscape_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) if hasattr(args, "handler") else _dispatch(args))
    except GradsimError as error:
        print(f"gradsim: error: {error}", file=sys.stderr)
        return 2 if error.__class__.__name__ in ("ConfigError", "DataError") else 1
    except OSError as error:
        print(
            f"gradsim: error: {error.strerror or error}: {error.filename or ''}".rstrip(": "), file=sys.stderr
        )
        return 1
    except KeyboardInterrupt:
        print("gradsim: interrupted", file=sys.stderr)
        return 130


def _dispatch(args: argparse.Namespace) -> int:
    return {"run": _cmd_run, "info": _cmd_info, "examples": _cmd_examples}[args.command](args)


# --------------------------------------------------------------------------- run
def _cmd_run(args: argparse.Namespace) -> int:
    """Train and save; running out of memory is one line and exit 1, like a file error."""
    try:
        return _run(args)
    except MemoryError as error:
        print(f"gradsim: error: {_out_of_memory(error)}", file=sys.stderr)
        return 1


def _out_of_memory(error: MemoryError) -> str:
    """The engine's OutOfMemoryError says when and gives the config's estimate; any other
    MemoryError (numpy: "Unable to allocate 4.9 GiB for an array ...") is passed on."""
    from gradsim.engine.budget import OutOfMemoryError

    if isinstance(error, OutOfMemoryError):
        return str(error)
    detail = " ".join(str(error).split())
    return f"out of memory: {detail}" if detail else "out of memory"


def _run(args: argparse.Namespace) -> int:
    from gradsim.engine.trainer import Trainer
    from gradsim.session.io import load_session, save_session

    if args.steps < 0:
        raise SystemExit(_usage_error("--steps must be >= 0"))
    if args.resume:
        session = load_session(args.resume)
        trainer, extras = session.trainer, session.extras
        out = args.out or args.resume
    else:
        trainer, extras = Trainer(load_config(args.config)), {}
        if not args.out:
            raise SystemExit(_usage_error("--out is required with --config"))
        out = args.out
    metrics_file = open(args.metrics, "w", newline="") if args.metrics else None  # noqa: SIM115
    try:
        _train(trainer, args.steps, metrics_file, None if args.quiet else sys.stderr)
    finally:
        if metrics_file:
            metrics_file.close()
    save_session(out, trainer, **extras)
    last = trainer.last_record
    summary = f"saved {out}: step {trainer.step_count}"
    if last is not None:
        summary += f", loss {last.loss:.6g}"
    print(summary)
    for diagnosis in trainer.diagnoses():
        print(f"diagnosis: {format_diagnosis(diagnosis)}")
    return 0


def _usage_error(message: str) -> int:
    print(f"gradsim: error: {message}", file=sys.stderr)
    return 2


def _train(trainer: Any, steps: int, metrics: TextIO | None, progress: TextIO | None) -> None:
    writer = csv.writer(metrics) if metrics else None
    if writer:
        writer.writerow(["step", "loss", "grad_norm", "clipped", "learning_rate"])
    bar = ProgressBar(steps, progress) if progress else None
    for record in trainer.steps(steps):
        if writer:
            writer.writerow(
                [
                    record.step,
                    repr(record.loss),
                    repr(record.grad_norm),
                    int(record.clipped),
                    repr(record.learning_rate),
                ]
            )
        if bar:
            bar.update(record.step, record.loss)
    if bar:
        bar.finish()


class ProgressBar:
    """A progress bar on a terminal (steps/s, loss, ETA); plain lines every 10% otherwise."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total, self.stream = total, stream
        self.start = self.last_draw = time.monotonic()
        self.done = 0
        self.tty = stream.isatty()
        self.next_line = 0.1

    def update(self, step: int, loss: float) -> None:
        self.done += 1
        now = time.monotonic()
        fraction = self.done / self.total if self.total else 1.0
        if self.tty and now - self.last_draw < 0.1 and self.done < self.total:
            return
        if not self.tty and fraction < self.next_line and self.done < self.total:
            return
        self.last_draw = now
        rate = self.done / max(now - self.start, 1e-9)
        eta = (self.total - self.done) / rate if rate > 0 else math.inf
        text = f"step {step} ({100 * fraction:5.1f}%)  {rate:8.0f} steps/s  loss {loss:.4g}  ETA {eta:5.1f}s"
        if self.tty:
            width = 24
            filled = int(width * fraction)
            self.stream.write("\r[" + "#" * filled + "-" * (width - filled) + "] " + text)
        else:
            self.stream.write(text + "\n")
            self.next_line = math.floor(fraction * 10 + 1) / 10
        self.stream.flush()

    def finish(self) -> None:
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()


# --------------------------------------------------------------------------- info
def _cmd_info(args: argparse.Namespace) -> int:
    from gradsim.session.io import load_session

    session = load_session(args.session)
    trainer = session.trainer
    config = trainer.config
    layers = config["network"]["layers"]
    print(f"session: {args.session}")
    print(f"config: {config['name']}  (gradsim {session.app_version}, schema {session.schema_version})")
    print(
        f"data: {trainer.dataset.name} ({trainer.dataset.task}), {len(trainer.dataset.x_train)} train / "
        f"{len(trainer.dataset.x_test)} test samples, {trainer.dataset.input_dim} inputs"
    )
    arch = " -> ".join(
        f"{layer['width']} {layer['activation']}"
        + (f"+{layer['norm']}norm" if layer["norm"] != "none" else "")
        for layer in layers
    )
    print(
        f"network: {trainer.dataset.input_dim} -> {arch} -> {trainer.dataset.output_dim} "
        f"({trainer.network.n_parameters()} parameters, {config['training']['precision']})"
    )
    print(f"optimizer: {json.dumps(config['optimizer'])}")
    print(f"steps: {trainer.step_count}, epoch {trainer.epoch}")
    last = trainer.last_record
    if last is not None:
        skipped = "" if last.finite else " (not applied: not finite)"
        print(f"final loss: {last.loss:.6g}, gradient norm {last.grad_norm:.6g}{skipped}")
    if trainer.divergence:
        print(f"divergence: {_divergence_text(trainer.divergence)}")
    evaluation = trainer.evaluate()
    print(
        f"train loss {evaluation['train_loss']:.6g}, test loss {evaluation['test_loss']:.6g}, "
        f"test accuracy {evaluation['test_accuracy']:.3f}"
    )
    found = trainer.diagnoses()
    print("diagnosis: " + ("; ".join(format_diagnosis(d) for d in found) if found else "healthy"))
    return 0


def _divergence_text(divergence: dict[str, Any]) -> str:
    """Where a run first went NaN/Inf, and what the trainer does about it since."""
    what, value, step = divergence.get("what", "?"), divergence.get("value", "?"), divergence.get("step", "?")
    return (
        f"the {what} became {value} at step {step} (a step whose loss or gradient is NaN or Inf "
        "changes nothing and fails again from the same state: rewind to an earlier step, then lower "
        "the learning rate or clip gradients)"
    )


def _cmd_examples(args: argparse.Namespace) -> int:
    for name in example_names():
        description = load_config(str(examples_dir() / f"{name}.json")).get("description", "")
        print(f"{name:20s} {description}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
