"""Render the documentation's screenshots from the real app, offscreen, so they stay current.

    .venv/bin/python scripts/make_screenshots.py [NAME ...]

Each image is one ``gradsim --screenshot`` run in its own process (the same code path a user
can call), written to ``docs/images/<name>.png``. The README, the user guide and the AppStream
metainfo (packaging/linux) point at these files. Run it after changing a panel's look.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"

# name -> the app's arguments (besides --screenshot): what the docs show.
SHOTS: dict[str, list[str]] = {
    "main-window": ["--scenario", "sigmoid-goes-deep", "--size", "1600x1000"],
    "window-en": ["--scenario", "sigmoid-goes-deep", "--size", "1280x720"],
    "window-zh_CN": ["--scenario", "sigmoid-goes-deep", "--size", "1280x720", "--language", "zh_CN"],
    "window-ru": ["--scenario", "sigmoid-goes-deep", "--size", "1280x720", "--language", "ru"],
    "lesson-presentation": [
        "--lesson", "vanishing-gradients", "--stage", "2", "--presentation", "--size", "1280x720",
    ],
    "lesson-presentation-ru": [
        "--lesson", "exploding-gradients", "--stage", "2", "--presentation", "--size", "1280x720",
        "--language", "ru",
    ],
    "landscape-race": ["--scenario", "ravine-momentum", "--size", "1600x1000"],
    "exploding-nan": ["--scenario", "exploding-to-nan", "--size", "1600x1000"],
}


def render(name: str, args: list[str]) -> Path:
    """One screenshot in a fresh process; raises with the app's message when it fails."""
    out = IMAGES / f"{name}.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", OPENBLAS_NUM_THREADS="1")
    cmd = [sys.executable, "-m", "gradsim", "--screenshot", str(out), *args]
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        raise SystemExit(f"{name}: gradsim exited {result.returncode}: {result.stderr.strip()[-2000:]}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help=f"which images (default all): {', '.join(SHOTS)}")
    names = parser.parse_args(argv).names or list(SHOTS)
    unknown = [name for name in names if name not in SHOTS]
    if unknown:
        parser.error(f"unknown image {unknown[0]!r}; choose from {', '.join(SHOTS)}")
    IMAGES.mkdir(parents=True, exist_ok=True)
    for name in names:
        start = time.perf_counter()
        out = render(name, SHOTS[name])
        size_kb = out.stat().st_size / 1024
        print(f"{out.relative_to(ROOT)}  {size_kb:.0f} KB  {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
