"""The headless command line: train, inspect sessions, run optimizers on surfaces, list and
run the lecture scenarios and lessons.

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

COMMANDS = ("run", "info", "trajectory", "surfaces", "examples", "scenarios", "lessons")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="gradsim", description="Headless gradsim commands.")
    parser.add_argument("--version", action="version", version=f"gradsim {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="train a network headless and save a session")
    source = run.add_mutually_exclusive_group(required=True)
    source.add_argument("--config", help="a JSON config (see docs/config.md) or an example name")
    source.add_argument("--resume", help="a .gradsim session to continue")
    source.add_argument("--scenario", help="a lecture scenario (gradsim scenarios) or a scenario file")
    run.add_argument(
        "--steps", type=int, help="training steps to run (required but with --scenario: its own steps)"
    )
    run.add_argument("--variant", help="with --scenario: the variant to train (default: base)")
    run.add_argument(
        "--check", action="store_true", help="with --scenario: check its effect (exit 1 if it does not hold)"
    )
    run.add_argument("--csv", help="with a landscape --scenario: write the race (one row per racer and step)")
    run.add_argument("--out", help="where to save the session (.gradsim); default: the resumed file")
    run.add_argument("--metrics", help="write one CSV row per step (step, loss, grad_norm, clipped, lr)")
    run.add_argument("--quiet", action="store_true", help="no progress output")

    info = sub.add_parser("info", help="summarize a .gradsim session")
    info.add_argument("session")

    sub.add_parser("examples", help="list the example configs shipped with gradsim")
    sub.add_parser("scenarios", help="list the lecture scenarios (gradsim --scenario NAME opens one)")
    sub.add_parser("lessons", help="list the lessons (gradsim --lesson NAME [--stage K] presents one)")

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
    commands = {
        "run": _cmd_run,
        "info": _cmd_info,
        "examples": _cmd_examples,
        "scenarios": _cmd_scenarios,
        "lessons": _cmd_lessons,
    }
    return commands[args.command](args)


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
    from gradsim.session.io import load_session

    if args.steps is not None and args.steps < 0:
        raise SystemExit(_usage_error("--steps must be >= 0"))
    if args.scenario:
        return _run_scenario(args)
    for option in ("variant", "check", "csv"):
        if getattr(args, option):
            return _usage_error(f"--{option} works with --scenario only")
    if args.steps is None:
        return _usage_error("--steps is required with --config and --resume")
    if args.resume:
        session = load_session(args.resume)
        trainer, extras = session.trainer, session.extras
        out = args.out or args.resume
    else:
        trainer, extras = Trainer(load_config(args.config)), {}
        if not args.out:
            return _usage_error("--out is required with --config")
        out = args.out
    metrics_file = open(args.metrics, "w", newline="") if args.metrics else None  # noqa: SIM115
    try:
        _train(trainer, args.steps, metrics_file, None if args.quiet else sys.stderr)
    finally:
        if metrics_file:
            metrics_file.close()
    _save_and_report(out, trainer, extras)
    return 0


def _save_and_report(out: str, trainer: Any, extras: dict[str, Any]) -> None:
    from gradsim.session.io import save_session

    save_session(out, trainer, **extras)
    last = trainer.last_record
    summary = f"saved {out}: step {trainer.step_count}"
    if last is not None:
        summary += f", loss {last.loss:.6g}"
    print(summary)
    for diagnosis in trainer.diagnoses():
        print(f"diagnosis: {format_diagnosis(diagnosis)}")


def _run_scenario(args: argparse.Namespace) -> int:
    """``run --scenario``: train a network variant and save it, check the effect, or save a race."""
    from gradsim.scenarios.catalogue import BASE, find_scenario

    scenario = find_scenario(args.scenario)
    variant = args.variant or BASE
    if variant not in scenario.variant_names():
        return _usage_error(
            f"{scenario.name} has no variant {variant!r}; choose one of {', '.join(scenario.variant_names())}"
        )
    steps = scenario.steps if args.steps is None else args.steps
    if scenario.kind == "landscape":
        if args.out or args.metrics:
            return _usage_error(
                f"{scenario.name} is a landscape scenario (an optimizer race, no network to save): "
                f"open it with 'gradsim --scenario {scenario.name}', check it with --check "
                "or save its race with --csv FILE"
            )
        if not args.csv and not args.check:
            return _usage_error(
                f"{scenario.name} is a landscape scenario: give --csv FILE to save its race, "
                f"--check to check its effect, or open it with 'gradsim --scenario {scenario.name}'"
            )
        if args.csv:
            _write_race_csv(args.csv, scenario, variant, steps)
    else:
        if args.csv:
            return _usage_error("--csv is for landscape scenarios; use --metrics for a network")
        if not args.out and not args.check:
            return _usage_error("--out (or --check) is required with --scenario")
        if args.out:
            from gradsim.engine.trainer import Trainer

            trainer = Trainer(scenario.config(variant))
            metrics_file = open(args.metrics, "w", newline="") if args.metrics else None  # noqa: SIM115
            try:
                _train(trainer, steps, metrics_file, None if args.quiet else sys.stderr)
            finally:
                if metrics_file:
                    metrics_file.close()
            _save_and_report(args.out, trainer, {})
    if args.check:
        from gradsim.scenarios.effects import run_effect

        result = run_effect(scenario, steps=args.steps)
        print(result.report())
        return 0 if result.holds else 1
    return 0


def _write_race_csv(path: str, scenario: Any, variant: str, steps: int) -> None:
    """The race of a landscape scenario's variant, as the landscape panel runs it."""
    from gradsim.scenarios.race_run import run_race

    _surface, trajectories = run_race(scenario.landscape(variant)["analytic"], steps)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["racer", "optimizer", "step", "x", "y", "value", "grad_norm"])
        for index, run in enumerate(trajectories):
            kind = run.optimizer.get("kind", "?")
            for t in range(run.steps_taken + 1):
                x, y = run.positions[t]
                writer.writerow(
                    [
                        index,
                        kind,
                        t,
                        repr(float(x)),
                        repr(float(y)),
                        repr(float(run.values[t])),
                        repr(float(run.grad_norms[t])),
                    ]
                )
    finals = ", ".join(
        f"{run.optimizer.get('kind', '?')} f={float(run.values[run.steps_taken]):.4g}" for run in trajectories
    )
    print(f"saved {path}: {scenario.name} ({variant}), {len(trajectories)} racers, {steps} steps: {finals}")


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


def _cmd_scenarios(args: argparse.Namespace) -> int:
    from gradsim.scenarios.catalogue import list_scenarios

    for scenario in list_scenarios():
        variants = ", ".join(v.name for v in scenario.variants)
        extra = f" [variants: {variants}]" if variants else ""
        print(
            f"{scenario.number:2d}  {scenario.name:26s} {scenario.kind:9s} {scenario.steps:5d} steps  "
            f"{scenario.text('title')}{extra}"
        )
    return 0


def _cmd_lessons(args: argparse.Namespace) -> int:
    from gradsim.scenarios.lessons import list_lessons

    for lesson in list_lessons():
        print(f"{lesson.number:2d}  {lesson.name:26s} {len(lesson):2d} stages  {lesson.text('title')}")
        for index, stage in enumerate(lesson.stages, start=1):
            print(f"      {index:2d}. {stage.text('title')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
