"""Make the Scenarios gallery's thumbnails from the real app, offscreen.

For each shipped scenario: the app's screenshot mode (``gradsim --screenshot ... --scenario
NAME``: the real main window, the scenario opened as the gallery opens it, trained through
the real worker for the scenario's steps, a landscape race run to its end), then the first
panel of the scenario's ``view`` (the surface plot for a landscape), alone in the window, is grabbed, cut to
16:10 and scaled to 320x200 into ``resources/scenarios/thumbnails/<name>.png``.

    .venv/bin/python scripts/make_thumbnails.py                 # all 19 (a few minutes)
    .venv/bin/python scripts/make_thumbnails.py ravine-momentum # some

Run it again after changing a scenario or a panel's look, and commit the PNGs.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from gradsim import app  # noqa: E402
from gradsim.scenarios.catalogue import list_scenarios  # noqa: E402
from gradsim.ui.lecture.gallery_open import THUMBNAIL_SIZE, thumbnail_path, thumbnails_dir  # noqa: E402

WINDOW_SIZE = "960x600"
SKIPPED_PANELS = ("banner", "controls")  # texts, not pictures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="scenarios to render (default: all)")
    parser.add_argument("--language", default="en", choices=app.LANGUAGE_CODES)
    options = parser.parse_args(argv)
    scenarios = [s for s in list_scenarios() if not options.names or s.name in options.names]
    unknown = set(options.names) - {s.name for s in scenarios}
    if unknown:
        print(f"make_thumbnails: unknown scenario(s): {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    thumbnails_dir().mkdir(parents=True, exist_ok=True)
    for scenario in scenarios:
        started = time.monotonic()
        steps = scenario.effect.quick_steps or scenario.steps if scenario.kind == "network" else 0
        path = thumbnail_path(scenario.name)
        render(scenario, steps, options.language, str(path))
        size_kb, seconds = path.stat().st_size / 1024, time.monotonic() - started
        print(f"{path.name}: {steps} steps, {size_kb:.0f} KB, {seconds:.1f} s")
    return 0


def render(scenario, steps: int, language: str, out: str) -> None:
    from PySide6.QtCore import QRect, Qt

    argv = ["--screenshot", out, "--scenario", scenario.name, "--size", WINDOW_SIZE, "--steps", str(steps)]
    argv += ["--language", language, "--theme", "light"]
    args = app._parse(app.build_parser(), argv)
    window = app.render_window(args, app._source(args))
    try:
        image = grab_subject(window, scenario).toImage()
        width, height = THUMBNAIL_SIZE
        # cut the middle to 16:10, then scale
        w, h = image.width(), image.height()
        if w * height > h * width:
            cut = h * width // height
            image = image.copy(QRect((w - cut) // 2, 0, cut, h))
        else:
            cut = w * height // width
            image = image.copy(QRect(0, (h - cut) // 2, w, cut))
        image = image.scaled(
            width, height, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        if not image.save(out, "PNG", 9):
            raise OSError(f"could not write {out}")
    finally:
        window.close()
        window.deleteLater()


def grab_subject(window, scenario):
    """The picture that says the most: the surface plot of a race, else the first view panel."""
    if scenario.kind == "landscape":
        return window.panels["landscape"].analytic.view.grab()
    for name in scenario.view:
        if name not in SKIPPED_PANELS and name in window.docks:
            for other, dock in window.docks.items():  # the panel alone fills the window
                if other != name:
                    dock.hide()
            window.timeline_dock.hide()
            app._settle(window)
            return window.docks[name].widget().grab()
    return window.grab()


if __name__ == "__main__":
    sys.exit(main())
