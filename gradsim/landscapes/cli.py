"""The landscape commands of the headless CLI: ``gradsim trajectory`` and ``gradsim surfaces``.

::

    gradsim surfaces
    gradsim trajectory --surface ravine --param kappa=100 --optimizer momentum \\
        --lr 0.03 --momentum 0.67 --start -2 0.3 --steps 200 --csv run.csv

``trajectory`` writes one CSV row per *position*: a header ``step,x,y,value,grad_norm``
then rows for step 0 (the start) to the last step, so a completed run of N steps has
N + 1 rows (a run that stopped early at step t has t + 1: the last row is where it blew
up). It prints a one-line summary. Every number is read as text and checked here, so a
bad number, an unknown surface or optimizer gives ``gradsim: error: ...`` on one line and
exit status 2 (the errors are ConfigErrors, which ``gradsim.cli.main`` reports).
"""

from __future__ import annotations

import argparse
import csv
import math
from typing import Any

from gradsim.engine.errors import ConfigError
from gradsim.engine.optimizers import OPTIMIZER_KINDS, optimizer_defaults

DEFAULT_STEPS = 100


def add_landscape_commands(subparsers: Any) -> None:
    """Register ``trajectory`` and ``surfaces`` on the CLI's subparsers (each sets
    ``handler``)."""
    traj = subparsers.add_parser(
        "trajectory",
        help="run an optimizer on an analytic surface and write its path as CSV",
        description="Run one of gradsim's optimizers on a 2-D surface (see 'gradsim surfaces').",
    )
    traj.add_argument("--surface", help="surface name (see 'gradsim surfaces'), or 'formula'")
    traj.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="K=V",
        help="a surface parameter, e.g. kappa=100 (repeatable); "
        "for 'formula': formula=TEXT, view=X0,X1,Y0,Y1",
    )
    traj.add_argument("--optimizer", help=f"one of {', '.join(OPTIMIZER_KINDS)}")
    for flag, text in (
        ("--lr", "learning rate (default: the optimizer's)"),
        ("--momentum", "momentum (sgd, momentum, nesterov, rmsprop)"),
        ("--beta1", "Adam's beta1"),
        ("--beta2", "Adam's beta2"),
        ("--eps", "epsilon (adagrad, rmsprop, adam, adamw)"),
        ("--clip-norm", "clip the gradient's norm to this value"),
        ("--noise", "std of Gaussian noise added to the gradient (plays SGD)"),
        ("--bound", "stop when |x| or |y| exceeds this"),
    ):
        traj.add_argument(flag, metavar="X", help=text)
    traj.add_argument("--seed", metavar="N", help="seed of the gradient noise (default 0)")
    traj.add_argument(
        "--start", nargs=2, metavar=("X", "Y"), help="start point (default: the surface's first)"
    )
    traj.add_argument("--steps", metavar="N", help=f"number of steps (default {DEFAULT_STEPS})")
    traj.add_argument("--csv", metavar="PATH", help="write step,x,y,value,grad_norm rows (steps + 1 rows)")
    traj.set_defaults(handler=run_trajectory_command)

    surfaces = subparsers.add_parser("surfaces", help="list the analytic surfaces")
    surfaces.set_defaults(handler=list_surfaces_command)


# --------------------------------------------------------------------------- parsing
def parse_number(field: str, text: Any) -> float:
    """A finite float from command-line text (ConfigError naming ``field`` otherwise)."""
    try:
        value = float(text)
    except (TypeError, ValueError):
        raise ConfigError(field, "not_a_number", "must be a number, got {value!r}", value=text) from None
    if not math.isfinite(value):
        raise ConfigError(field, "not_finite", "must be a finite number, got {value!r}", value=text)
    return value


def parse_integer(field: str, text: Any, low: int = 0) -> int:
    try:
        value = int(str(text).strip())
    except ValueError:
        raise ConfigError(field, "not_an_integer", "must be an integer, got {value!r}", value=text) from None
    if value < low:
        raise ConfigError(
            field, "too_small", "must be an integer >= {low}, got {value}", low=low, value=value
        )
    return value


def parse_surface_params(surface: str, items: list[str]) -> dict[str, Any]:
    """``["kappa=100", ...]`` -> ``{"kappa": 100.0}``; a formula's text and view stay special."""
    params: dict[str, Any] = {}
    for item in items:
        key, sep, text = item.partition("=")
        key = key.strip()
        if not sep or not key:
            raise ConfigError(
                "--param", "not_key_value", "must look like NAME=VALUE, got {value!r}", value=item
            )
        if surface == "formula" and key == "formula":
            params[key] = text
        elif surface == "formula" and key == "view":
            params[key] = tuple(parse_number(f"--param view[{i}]", v) for i, v in enumerate(text.split(",")))
        else:
            params[key] = parse_number(f"--param {key}", text)
    return params


def optimizer_spec_from_args(args: argparse.Namespace) -> dict[str, Any]:
    """The optimizer spec the options describe (the optimizer validates it when built)."""
    if not args.optimizer:
        raise ConfigError(
            "--optimizer",
            "missing",
            "is required; choose one of {allowed}",
            allowed=", ".join(OPTIMIZER_KINDS),
        )
    kind = args.optimizer
    defaults = optimizer_defaults(kind)  # ConfigError for an unknown optimizer
    spec: dict[str, Any] = {"kind": kind}
    for option, key in (("lr", "lr"), ("momentum", "momentum"), ("eps", "eps")):
        text = getattr(args, option)
        if text is not None:
            spec[key] = parse_number(f"--{option}", text)
    if args.beta1 is not None or args.beta2 is not None:
        if "betas" not in defaults:
            raise ConfigError(
                "--beta1", "not_applicable", "{kind} has no betas (adam and adamw have)", kind=kind
            )
        beta1, beta2 = defaults["betas"]
        if args.beta1 is not None:
            beta1 = parse_number("--beta1", args.beta1)
        if args.beta2 is not None:
            beta2 = parse_number("--beta2", args.beta2)
        spec["betas"] = [beta1, beta2]
    return spec


# --------------------------------------------------------------------------- commands
def run_trajectory_command(args: argparse.Namespace) -> int:
    from gradsim.landscapes.surfaces import make_surface
    from gradsim.landscapes.trajectories import minima, run_trajectory, summarize

    if not args.surface:
        raise ConfigError("--surface", "missing", "is required (see 'gradsim surfaces')")
    spec = optimizer_spec_from_args(args)
    surface = make_surface(args.surface, **parse_surface_params(args.surface, args.param))
    if args.start is not None:
        start = (parse_number("--start x", args.start[0]), parse_number("--start y", args.start[1]))
    else:
        start = surface.starts[0]
    steps = DEFAULT_STEPS if args.steps is None else parse_integer("--steps", args.steps)
    clipping = None
    if args.clip_norm is not None:
        clipping = {"kind": "norm", "max": parse_number("--clip-norm", args.clip_norm)}
    noise = 0.0 if args.noise is None else parse_number("--noise", args.noise)
    seed = 0 if args.seed is None else parse_integer("--seed", args.seed)
    bound = None if args.bound is None else parse_number("--bound", args.bound)
    run = run_trajectory(
        surface, spec, start, steps, clipping=clipping, noise_std=noise, seed=seed, bound=bound
    )
    if args.csv:
        write_trajectory_csv(args.csv, run)
    summary = summarize(run, surface)
    x, y = run.final_position
    text = (
        f"{run.label} on {surface.name}: {run.steps_taken} steps, {run.stop_reason}; "
        f"final ({x:.6g}, {y:.6g}) value {summary.final_value:.6g}, path length {summary.path_length:.4g}"
    )
    if summary.reached_minimum is not None:
        m = minima(surface)[summary.reached_minimum]
        text += f"; reached the minimum at ({m.x:.6g}, {m.y:.6g}) at step {summary.steps_to_converge}"
    print(text)
    return 0


def write_trajectory_csv(path: str, run: Any) -> None:
    """step, x, y, value, grad_norm for steps 0..steps_taken (full float precision)."""
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["step", "x", "y", "value", "grad_norm"])
        for t in range(run.steps_taken + 1):
            x, y = run.positions[t]
            writer.writerow(
                [
                    t,
                    repr(float(x)),
                    repr(float(y)),
                    repr(float(run.values[t])),
                    repr(float(run.grad_norms[t])),
                ]
            )


def list_surfaces_command(args: argparse.Namespace) -> int:
    from gradsim.landscapes.surfaces import surface_info, surface_names

    for name in (*surface_names(), "formula"):
        title, _, defaults = surface_info(name)
        settings = " ".join(f"{k}={_show(v)}" for k, v in defaults.items()) or "(no parameters)"
        print(f"{name:16s} {title:32s} {settings}")
    return 0


def _show(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else repr(value)


__all__ = [
    "add_landscape_commands",
    "list_surfaces_command",
    "optimizer_spec_from_args",
    "parse_integer",
    "parse_number",
    "parse_surface_params",
    "run_trajectory_command",
    "write_trajectory_csv",
]
