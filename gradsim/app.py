"""The desktop app's entry point: ``gradsim [config]`` and ``gradsim --screenshot out.png ...``.

``gradsim --scenario NAME [--variant V]`` opens a lecture scenario (docs/scenarios.md) and
``gradsim --lesson NAME [--stage K] [--presentation]`` a lesson at a stage (docs/lessons.md);
both work in screenshot mode too, which is how the gallery's thumbnails are made.

``gradsim`` alone opens the window with the ``relu-he`` example loaded, so Play trains at
once; ``gradsim cfg.json`` (or an example name) opens that config. Screenshot mode builds
the real main window (offscreen when there is no display), trains N steps through the
real worker thread, shows the named panel, saves a PNG of the whole window and exits 0;
a bad argument (an unknown option, scenario, lesson, variant or panel, a stage out of range,
a bad --size, a file that cannot be read or is not valid) is found before any window opens and
gives one line naming the valid choices and exit 2; a failure after that (training, writing the
PNG) gives one line and exit 1.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from gradsim import __version__
from gradsim.engine.errors import GradsimError
from gradsim.shipped import DEFAULT_CONFIG

LANGUAGE_CODES = ("en", "zh_CN", "ru")
DEFAULT_SIZE = "1600x1000"
SCREENSHOT_TIMEOUT_S = 600.0
EXPORT_COMMANDS = ("export", "animate")  # they render with Qt: run here, not in gradsim.cli


class UsageError(Exception):
    """Bad command-line input: printed as one line, exit 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gradsim",
        description="See why deep networks are hard to train. Without arguments: the app with relu-he.",
        epilog="Headless commands: gradsim run|info|examples|scenarios|lessons ... (see gradsim run --help).",
    )
    parser.add_argument("config_file", nargs="?", help="a config JSON, an example name or a .gradsim session")
    parser.add_argument("--config", dest="config_option", help="the same as the positional config")
    parser.add_argument("--screenshot", metavar="OUT.png", help="save a PNG of the main window and exit")
    parser.add_argument("--steps", type=int, default=None, help="training steps before the screenshot")
    parser.add_argument("--panel", help="the panel to bring to the front (screenshot mode)")
    parser.add_argument(
        "--size", help=f"window size WIDTHxHEIGHT, e.g. 1280x720 (a screenshot's default {DEFAULT_SIZE})"
    )
    parser.add_argument("--language", choices=LANGUAGE_CODES, help="interface language")
    parser.add_argument("--theme", choices=("light", "dark"), help="colour theme (screenshot mode)")
    parser.add_argument("--surface", help="landscape panel: the surface of a race")
    parser.add_argument("--race", help="landscape panel: optimizers to race, e.g. sgd,momentum,adam")
    parser.add_argument("--race-steps", type=int, default=150, help="landscape panel: steps of the race")
    parser.add_argument("--scenario", help="open a lecture scenario (gradsim scenarios lists them)")
    parser.add_argument("--variant", help="with --scenario: the variant to open (default: base)")
    parser.add_argument("--lesson", help="open a lesson (gradsim lessons lists them)")
    parser.add_argument("--stage", type=int, help="with --lesson: the stage to open, from 1 (default 1)")
    parser.add_argument("--presentation", action="store_true", help="with --lesson: the presentation view")
    parser.add_argument("--version", action="version", version=f"gradsim {__version__}")
    return parser


def parse_size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d{2,5})\s*[xX×]\s*(\d{2,5})\s*", text or "")
    if not match:
        raise UsageError(f"--size must look like 1600x1000, got {text!r}")
    width, height = int(match.group(1)), int(match.group(2))
    if not (320 <= width <= 8192 and 240 <= height <= 8192):
        raise UsageError(f"--size {width}x{height} is outside 320x240 .. 8192x8192")
    return width, height


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] in EXPORT_COMMANDS:
        return export_main(args_list)
    parser = build_parser()
    try:
        args = _parse(parser, args_list)
        source = _source(args)
    except (UsageError, GradsimError, OSError) as error:  # what the command line names is wrong
        print(f"gradsim: error: {_one_line(error)}", file=sys.stderr)
        return 2
    try:
        if args.screenshot:
            return _screenshot(args, source)
        return _interactive(args, source)
    except UsageError as error:
        print(f"gradsim: error: {error}", file=sys.stderr)
        return 2
    except GradsimError as error:
        print(f"gradsim: error: {error}", file=sys.stderr)
        return 2 if type(error).__name__ in ("ConfigError", "DataError") else 1
    except OSError as error:
        print(
            f"gradsim: error: {error.strerror or error}: {error.filename or ''}".rstrip(": "), file=sys.stderr
        )
        return 1


def _one_line(error: BaseException) -> str:
    """An error as one line: an OSError's reason and file, any other message's lines joined."""
    if isinstance(error, OSError) and error.strerror:
        return f"{error.strerror}: {error.filename or ''}".rstrip(": ")
    return "; ".join(line.strip() for line in str(error).splitlines() if line.strip())


def smoke_test(argv: Sequence[str]) -> int:
    """``gradsim --smoke-test [OUT.png]``: open a lesson, train in the training process, save a
    PNG (gradsim/ui/shell/smoke_test.py), offscreen without a display; 0, else 1 and why."""
    if len(argv) > 1 or (argv and not argv[0].lower().endswith(".png")):
        print("gradsim: error: usage: gradsim --smoke-test [OUT.png]", file=sys.stderr)
        return 2
    import tempfile

    out = Path(argv[0]) if argv else Path(tempfile.mkdtemp(prefix="gradsim-smoke-")) / "smoke-test.png"
    started = time.monotonic()
    _application(offscreen=True)
    from gradsim.ui.shell.smoke_test import SmokeTestError, run_smoke_test

    try:
        run_smoke_test(out, report=lambda line: print(f"smoke test: {line}"))
    except (SmokeTestError, GradsimError, OSError) as error:
        print(f"gradsim: smoke test failed: {error}", file=sys.stderr)
        return 1
    print(f"smoke test: passed in {time.monotonic() - started:.1f} s")
    return 0


def export_main(argv: Sequence[str]) -> int:
    """``gradsim export|animate ...``: images and animations for slides (gradsim/ui/export/command.py),
    rendered offscreen; the window and the stage come from screenshot mode."""
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a script's export never opens a window
    _application(offscreen=True)
    from gradsim.ui.export.command import main as command_main

    return command_main(list(argv), window_for=_export_window)


def _export_window(app_args: list[str]) -> Any:
    """The main window as screenshot mode arranges it, for ``gradsim export --plot window`` and
    ``gradsim animate --view stage``; app-side errors become the command's one-line errors."""
    from gradsim.ui.export.command import UsageError as CommandUsageError

    try:
        args = _parse(build_parser(), app_args)
        return render_window(args, _source(args))
    except UsageError as error:
        raise CommandUsageError(str(error)) from None


def _parse(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace:
    """argparse, but usage errors become UsageError (one line) instead of SystemExit."""

    def fail(message: str) -> None:
        raise UsageError(message)

    parser.error = fail  # type: ignore[method-assign]
    args = parser.parse_args(argv)
    if args.config_file and args.config_option:
        raise UsageError("give the config once: positional or --config")
    if args.steps is not None and args.steps < 0:
        raise UsageError(f"--steps must be >= 0, got {args.steps}")
    if not args.screenshot:
        for option in ("steps", "panel", "theme", "surface", "race"):
            if getattr(args, option) is not None:
                raise UsageError(f"--{option} works with --screenshot only")
    if (args.scenario or args.lesson) and (args.config_file or args.config_option):
        raise UsageError("give a config, a --scenario or a --lesson, not several")
    if args.scenario and args.lesson:
        raise UsageError("give --scenario or --lesson, not both")
    for option, needs in (("variant", "scenario"), ("stage", "lesson"), ("presentation", "lesson")):
        if getattr(args, option) not in (None, False) and not getattr(args, needs):
            raise UsageError(f"--{option} works with --{needs} only")
    args.size_wh = parse_size(args.size or DEFAULT_SIZE)
    return args


def _source(args: argparse.Namespace) -> dict[str, Any]:
    """Load and validate what to open before any window exists (errors stay one line)."""
    from gradsim.engine.config import validate_config
    from gradsim.shipped import load_config

    if args.scenario:
        return _scenario_source(args)
    if args.lesson:
        return _lesson_source(args)
    name = args.config_file or args.config_option or DEFAULT_CONFIG
    if name.endswith(".gradsim"):
        return {"session": _load_session(name), "path": name}
    try:
        raw = load_config(name)
    except GradsimError as error:
        if error.code != "config_not_found":
            raise
        from gradsim.shipped import example_names

        raise UsageError(
            f"{name}: no such config file or example; examples: {', '.join(example_names())}"
        ) from None
    return {"config": validate_config(raw)}


def _scenario_source(args: argparse.Namespace) -> dict[str, Any]:
    """A scenario and its variant; the window starts from its config (a network scenario)."""
    from gradsim.engine.config import validate_config
    from gradsim.scenarios.catalogue import BASE, find_scenario
    from gradsim.shipped import load_config

    scenario = find_scenario(args.scenario)
    variant = args.variant or BASE
    if variant not in scenario.variant_names():
        raise UsageError(
            f"{scenario.name} has no variant {variant!r}; choose one of {', '.join(scenario.variant_names())}"
        )
    config = (
        scenario.config(variant)
        if scenario.kind == "network"
        else validate_config(load_config(DEFAULT_CONFIG))
    )
    return {"config": config, "scenario": scenario, "variant": variant}


def _lesson_source(args: argparse.Namespace) -> dict[str, Any]:
    """A lesson and its stage (from 0 inside, from 1 on the command line)."""
    from gradsim.engine.config import validate_config
    from gradsim.scenarios.lessons import find_lesson
    from gradsim.shipped import load_config

    lesson = find_lesson(args.lesson)
    stage = 1 if args.stage is None else args.stage
    if not 1 <= stage <= len(lesson):
        raise UsageError(f"--stage must be 1 to {len(lesson)} for {lesson.name}, got {stage}")
    state = lesson.stage_state(stage - 1)
    config = state.config if state.kind == "network" else validate_config(load_config(DEFAULT_CONFIG))
    return {"config": config, "lesson": lesson, "stage": stage - 1}


def _open_lecture(window: Any, source: dict[str, Any], args: argparse.Namespace, *, screenshot: bool) -> None:
    """Put the window at the scenario or lesson stage of ``source`` (after the layout is set)."""
    if "scenario" in source:
        from gradsim.ui.lecture.gallery_open import open_scenario

        if not open_scenario(window, source["scenario"], source["variant"], finish_race=screenshot):
            raise UsageError(f"could not open the scenario {source['scenario'].name}")
        return
    if "lesson" not in source:
        return
    open_lesson = getattr(window, "open_lesson", None)
    if open_lesson is None:  # a window without lecture mode: the stage's state and panels
        if args.presentation:
            raise UsageError("this gradsim has no presentation view yet")
        from gradsim.ui.lecture.gallery_open import finish_landscape_race, show_view

        state = source["lesson"].stage_state(source["stage"])
        if state.kind == "landscape" and "landscape" in window.panels:
            window.panels["landscape"].restore(state.landscape)
            if screenshot:
                finish_landscape_race(window.panels["landscape"])
        show_view(window, state.view)
        return
    # a screenshot enters the presentation view inside the window of the requested size
    if not open_lesson(source["lesson"], source["stage"], presentation=args.presentation and not screenshot):
        raise UsageError(f"could not open the lesson {source['lesson'].name}")
    if screenshot:
        if args.presentation:
            window.lecture.set_presentation(True, full_screen=False)
        _wait_for_stage(window)


def _wait_for_stage(window: Any) -> None:
    """Let the stage's actions (train N steps, a race...) finish before the grab."""
    from PySide6.QtCore import QCoreApplication

    player = getattr(getattr(window, "lecture", None), "player", None)
    deadline = time.monotonic() + SCREENSHOT_TIMEOUT_S
    while player is not None and getattr(player, "busy", False) and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.005)
    if player is not None and getattr(player, "busy", False):
        raise UsageError(f"the stage's actions did not finish within {SCREENSHOT_TIMEOUT_S:.0f} s")


def _is_landscape(source: dict[str, Any]) -> bool:
    if "scenario" in source:
        return source["scenario"].kind == "landscape"
    if "lesson" in source:
        return source["lesson"].stages[source["stage"]].kind == "landscape"
    return False


def _load_session(path: str) -> Any:
    if not Path(path).exists():
        raise UsageError(f"session file not found: {path}")
    try:
        from gradsim.session.io import load_session
    except ImportError:
        raise UsageError("this gradsim cannot open .gradsim sessions yet") from None
    return load_session(path)


def _panel_name(name: str | None) -> str | None:
    from gradsim.ui.shell.main_window import PANEL_NAMES

    if name is None:
        return None
    key = name.strip().lower().replace("-", "_").replace(" ", "_")
    if key not in PANEL_NAMES:
        raise UsageError(f"unknown panel {name!r}; choose one of {', '.join(PANEL_NAMES)}")
    return key


def _application(offscreen: bool) -> Any:
    if offscreen and not os.environ.get("QT_QPA_PLATFORM") and not _has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName("gradsim")
        QCoreApplication.setApplicationName("gradsim")
        app = QApplication([sys.argv[0] if sys.argv else "gradsim"])
    if not QCoreApplication.organizationName():
        QCoreApplication.setOrganizationName("gradsim")
    if QCoreApplication.applicationName() in ("", "python", "python3"):
        QCoreApplication.setApplicationName("gradsim")
    QCoreApplication.setApplicationVersion(__version__)
    _set_window_icon(app)
    import pyqtgraph as pg  # after the QApplication exists

    pg.setConfigOptions(antialias=False, useOpenGL=False)
    from gradsim.ui.common.gui_garbage import collect_in_gui_thread

    collect_in_gui_thread()  # never a widget destroyed by another thread's collection
    return app


def _set_window_icon(app: Any) -> None:
    """The application icon (resources/icons, rendered by Qt's SVG icon engine) on every window:
    the task bar shows it even without the desktop entry of packaging/linux."""
    from PySide6.QtGui import QIcon

    from gradsim.shipped import icons_dir

    if app.windowIcon().isNull():
        app.setWindowIcon(QIcon(str(icons_dir() / "gradsim.svg")))


def _has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _window(source: dict[str, Any], persist: bool) -> Any:
    from gradsim.ui.common.dialogs import ConsoleDialogs
    from gradsim.ui.shell.main_window import MainWindow

    # Screenshot mode never waits for a click: its dialogs print to stderr.
    dialogs = None if persist else ConsoleDialogs()
    if "session" in source:
        session = source["session"]
        window = MainWindow(session.trainer.config, persist=persist, dialogs=dialogs)
        window.sessions.adopt(session, source["path"])  # title, notes, view state; not modified
    else:
        window = MainWindow(source["config"], persist=persist, dialogs=dialogs)
    return window


def _interactive(args: argparse.Namespace, source: dict[str, Any]) -> int:
    app = _application(offscreen=False)
    window = _window(source, persist=True)
    window.set_language(args.language or window.initial_language(), remember=args.language is not None)
    if args.size:  # e.g. a projector's 1280x720, to rehearse a lecture on a larger screen
        window.resize(*args.size_wh)
    window.show()
    _open_lecture(window, source, args, screenshot=False)
    if "session" not in source and "scenario" not in source and "lesson" not in source:
        window.offer_recovery()  # an autosave left by a crash or kill
    return int(app.exec())


def _screenshot(args: argparse.Namespace, source: dict[str, Any]) -> int:
    out = Path(args.screenshot)
    if out.suffix.lower() != ".png":
        raise UsageError(f"--screenshot writes a PNG; the file name must end in .png, got {out.name!r}")
    if not out.parent.exists():
        raise UsageError(f"folder does not exist: {out.parent}")
    window = render_window(args, source)
    try:
        if not window.save_screenshot(str(out)):
            print(f"gradsim: error: could not write {out}", file=sys.stderr)
            return 1
        return 0
    finally:
        window.close()
        window.deleteLater()


def render_window(args: argparse.Namespace, source: dict[str, Any]) -> Any:
    """Screenshot mode up to the grab: the window offscreen, trained and arranged (the caller
    grabs it, then closes it). scripts/make_thumbnails.py grabs one panel of it."""
    panel = _panel_name(args.panel)
    _application(offscreen=True)
    window = _window(source, persist=False)
    try:
        if args.theme:
            window.set_preferences(theme_name=args.theme)
        window.set_language(args.language or "en", remember=False)
        window.resize(*args.size_wh)
        window.arrange_default_layout()  # the default layout, fitted to the requested size
        window.show()
        _open_lecture(window, source, args, screenshot=True)
        _train_through_worker(window, _screenshot_steps(args, source))
        if args.surface or args.race:
            _configure_race(window, args)
            panel = panel or "landscape"
        if panel is not None:
            window.show_panel(panel)
        if panel == "landscape" or (panel is None and _is_landscape(source)):
            for name, dock in window.docks.items():  # a race needs the room: alone under the banner
                if name not in ("banner", "landscape"):
                    dock.hide()
        _settle(window)
    except BaseException:
        window.close()
        window.deleteLater()
        raise
    return window


def _screenshot_steps(args: argparse.Namespace, source: dict[str, Any]) -> int:
    """--steps, else a network scenario's own steps, 0 for a lesson stage or landscape, else 200."""
    if args.steps is not None:
        return args.steps
    if "scenario" in source:
        return source["scenario"].steps if source["scenario"].kind == "network" else 0
    if "lesson" in source:
        return 0
    return 200


def _configure_race(window: Any, args: argparse.Namespace) -> None:
    """Run the landscape panel's race to the end so the screenshot shows it."""
    from gradsim.ui.landscape.panel import configure_race

    if "landscape" not in window.panels:
        raise UsageError("the landscape panel is not available")
    if args.race_steps < 1:
        raise UsageError(f"--race-steps must be >= 1, got {args.race_steps}")
    optimizers = [name.strip() for name in (args.race or "sgd,momentum,adam").split(",") if name.strip()]
    try:
        configure_race(window.panels["landscape"], args.surface or "ravine", optimizers, args.race_steps)
    except ValueError as error:
        raise UsageError(str(error)) from None


def _train_through_worker(window: Any, steps: int) -> None:
    """Step the real worker thread ``steps`` times and wait (events keep flowing) until it pauses."""
    from PySide6.QtCore import QCoreApplication

    controller = window.controller
    errors: list[str] = []
    controller.failed.connect(errors.append)
    if steps > 0:
        controller.step(steps)
    deadline = time.monotonic() + SCREENSHOT_TIMEOUT_S
    while controller.running and not errors and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.005)
    if errors:
        raise UsageError(f"training failed: {errors[-1].strip().splitlines()[-1]}")
    if controller.running:
        raise UsageError(f"training did not finish {steps} steps within {SCREENSHOT_TIMEOUT_S:.0f} s")


def _settle(window: Any, seconds: float = 0.3) -> None:
    """Let the last frame reach every panel and the layout settle before grabbing."""
    from PySide6.QtCore import QCoreApplication

    controller = window.controller
    controller.refresh()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.01)


if __name__ == "__main__":
    sys.exit(main())
