"""Make the Scenarios gallery's thumbnails from the real app, offscreen, in each language.

For each shipped scenario and interface language: the app's screenshot mode (``gradsim
--screenshot ... --scenario NAME --language L``: the real main window, the scenario opened as
the gallery opens it, trained through the real worker for the scenario's steps, a landscape
race run to its end), then the first panel of the scenario's ``view`` (the surface plot for a
landscape), alone in the window, is grabbed, cut to 16:10, scaled to 320x200 and stored with a
palette of its 256 most frequent colours (a third of the full-colour file's size, no visible
change) into ``resources/scenarios/thumbnails/<name>.png`` (English) or
``<name>.<language>.png`` (zh_CN, ru).

    .venv/bin/python scripts/make_thumbnails.py                      # all 19 x 3 (~10 minutes)
    .venv/bin/python scripts/make_thumbnails.py ravine-momentum      # one, in the three languages
    .venv/bin/python scripts/make_thumbnails.py --language ru        # all 19 in Russian

Run it again after changing a scenario, a panel's look or its texts, and commit the PNGs.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from gradsim import app  # noqa: E402
from gradsim.scenarios.catalogue import list_scenarios  # noqa: E402
from gradsim.ui.lecture.gallery import thumbnail_file  # noqa: E402
from gradsim.ui.lecture.gallery_open import THUMBNAIL_SIZE, thumbnails_dir  # noqa: E402

WINDOW_SIZE = "960x600"
SKIPPED_PANELS = ("banner", "controls")  # texts, not pictures
PALETTE_COLOURS = 256


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="scenarios to render (default: all)")
    parser.add_argument(
        "--language", action="append", choices=app.LANGUAGE_CODES, help="a language (default: all three)"
    )
    options = parser.parse_args(argv)
    scenarios = [s for s in list_scenarios() if not options.names or s.name in options.names]
    unknown = set(options.names) - {s.name for s in scenarios}
    if unknown:
        print(f"make_thumbnails: unknown scenario(s): {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    thumbnails_dir().mkdir(parents=True, exist_ok=True)
    total = 0
    for scenario in scenarios:
        steps = scenario.effect.quick_steps or scenario.steps if scenario.kind == "network" else 0
        for language in options.language or app.LANGUAGE_CODES:
            started = time.monotonic()
            path = thumbnail_file(scenario.name, language)
            render(scenario, steps, language, str(path))
            size, seconds = path.stat().st_size, time.monotonic() - started
            total += size
            print(f"{path.name}: {steps} steps, {size / 1024:.0f} KB, {seconds:.1f} s", flush=True)
    print(f"{total / 1024:.0f} KB in all")
    return 0


def render(scenario, steps: int, language: str, out: str) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent, QRect, Qt

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
        if not with_palette(image).save(out, "PNG", 9):
            raise OSError(f"could not write {out}")
    finally:
        window.language.apply("en")  # its translators are the application's: the next window starts clean
        window.close()
        window.deleteLater()
        # delete it now: windows left for the interpreter's exit crash pyqtgraph's teardown
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def with_palette(image):
    """``image`` as 8-bit indexed colour over its most frequent colours (each other pixel takes
    the nearest): plots are mostly flat colours, so this keeps the look at a third of the size."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = np.frombuffer(rgb.constBits(), np.uint32, count=rgb.width() * rgb.height()) & 0xFFFFFF
    values, counts = np.unique(pixels, return_counts=True)
    table = [int(value) | 0xFF000000 for value in values[np.argsort(counts)[::-1][:PALETTE_COLOURS]]]
    return rgb.convertToFormat(QImage.Format.Format_Indexed8, table, Qt.ImageConversionFlag.ThresholdDither)


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
