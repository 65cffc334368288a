"""Write docs/performance.md from the benchmarks, in one command.

    .venv/bin/python -m benchmarks.make_performance_doc            # full repeats (tens of minutes)
    .venv/bin/python -m benchmarks.make_performance_doc --quick    # fewer repeats
    .venv/bin/python -m benchmarks.make_performance_doc --only engine landscapes

Each ``benchmarks/bench_*.py`` runs in its own subprocess with ``--markdown`` and prints
its section (the interface is described in ``benchmarks/__init__.py``); this script puts
the machine on top and the sections after it, in ``SECTIONS`` order, then any other
``bench_*.py`` found. A benchmark that fails leaves its error in its section.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.machine import machine_markdown

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "performance.md"
SECTIONS = ["engine", "landscapes", "sessions", "gui"]
TIMEOUT_SECONDS = 3600


def discover() -> list[str]:
    """Benchmark names (``bench_<name>.py``), SECTIONS first."""
    found = sorted(p.stem.removeprefix("bench_") for p in (ROOT / "benchmarks").glob("bench_*.py"))
    return [name for name in SECTIONS if name in found] + [name for name in found if name not in SECTIONS]


def run_section(name: str, quick: bool) -> str:
    """One benchmark's Markdown section, or a section saying why it could not run."""
    command = [sys.executable, "-m", f"benchmarks.bench_{name}", "--markdown"]
    command += ["--quick"] if quick else []
    print(f"running {' '.join(command[1:])}", file=sys.stderr, flush=True)
    start = time.perf_counter()
    try:
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        return f"## bench_{name}\n\nDid not finish within {TIMEOUT_SECONDS} s."
    print(f"  {time.perf_counter() - start:.0f} s, exit {done.returncode}", file=sys.stderr, flush=True)
    if done.returncode != 0 or not done.stdout.strip():
        tail = "\n".join(done.stderr.strip().splitlines()[-15:])
        return f"## bench_{name}\n\nCould not run (exit {done.returncode}):\n\n```\n{tail}\n```"
    return done.stdout.strip()


def _load() -> str:
    try:
        return ", ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def render(sections: list[str], quick: bool, started: str, machine: str) -> str:
    """The whole document."""
    mode = " --quick" if quick else ""
    cores = os.cpu_count() or 1
    head = (
        "# Performance\n\n"
        f"Written by `.venv/bin/python -m benchmarks.make_performance_doc{mode}` "
        f"(finished {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}).\n"
        "Do not edit by hand: run it again.\n"
        "Every number that matters is a ratio against a reference measured in the same run,\n"
        "because the machines here are shared and noisy: read the ratios and their spread,\n"
        "not the absolute times.\n\n"
        "## Machine\n\n" + machine + f"\n- load average (1, 5, 15 min) at the end: {_load()} "
        f"(a load above {cores} means other work shared the {cores} cores: the absolute times are slower "
        "and the spreads wider than on a quiet machine)\n"
        f"- started {started}"
    )
    return "\n\n".join([head, *sections]) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats in every benchmark")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="only these (e.g. engine gui)")
    parser.add_argument("--output", type=Path, default=DOC, help="default docs/performance.md")
    args = parser.parse_args(argv)
    names = [n for n in discover() if not args.only or n in args.only]
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    machine = machine_markdown()  # its load average is the one at the start
    sections = [run_section(name, args.quick) for name in names]
    args.output.write_text(render(sections, args.quick, started, machine), encoding="utf-8")
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
