"""``gradsim export`` and ``gradsim animate``: still images and animations from a script.

    gradsim export SOURCE --plot loss|gradient-flow|decision|landscape|window --format png|svg
                   --out F [--size WxH] [--step K] [--scale S] [--theme light|dark]
    gradsim animate SOURCE --view gradient-flow|loss|decision|landscape|stage --out F.gif|F.mp4
                   [--frames N] [--fps F] [--size WxH] [--steps N] [--every K] [--scale S]

SOURCE is a session file (``.gradsim``), a scenario (``gradsim scenarios``), a lesson
(``gradsim lessons``, for ``--view stage``) or a config (an example name or a JSON file). They
render with Qt, so the app's entry point runs them (offscreen without a display); the window
and the stage come from the app's screenshot mode through ``window_for`` (this package sits
below the shell and cannot build a main window itself). Errors are one line and exit 2;
a failure to write is exit 1.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from PySide6.QtCore import qInstallMessageHandler

from gradsim.engine.errors import GradsimError
from gradsim.ui.export.errors import ExportError
from gradsim.ui.export.sources import Source, UsageError, resolve_source

__all__ = ["COMMANDS", "UsageError", "build_parser", "main", "resolve_source"]

COMMANDS = ("export", "animate")
STILL_PLOTS = ("loss", "gradient-flow", "decision", "landscape", "window")
DEFAULT_SIZE = (960, 540)
DEFAULT_FPS = 10.0

#: Builds the main window offscreen from screenshot-mode arguments (gradsim.app gives it).
WindowFor = Callable[[list[str]], Any]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="gradsim", description="Images and animations for slides.")
    commands = parser.add_subparsers(dest="command", required=True)
    still = commands.add_parser("export", help="a plot or the window to PNG or SVG")
    _common(still)
    still.add_argument("--plot", required=True, choices=STILL_PLOTS)
    still.add_argument("--format", choices=("png", "svg"), help="default: the extension of --out")
    still.add_argument("--step", type=int, help="the training step (or race step) to show")
    movie = commands.add_parser("animate", help="a training run or a race to GIF or MP4")
    _common(movie)
    from gradsim.ui.export.views import ANIMATION_VIEWS

    movie.add_argument("--view", required=True, choices=ANIMATION_VIEWS)
    movie.add_argument("--frames", type=int, help="how many frames (default 60, or all with --every)")
    movie.add_argument("--fps", type=float, default=DEFAULT_FPS, help="frames a second (1 to 50)")
    movie.add_argument("--steps", type=int, help="train or replay this far (default: the run's own)")
    movie.add_argument("--every", type=int, help="one frame every K steps")
    return parser


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", help="a .gradsim session, a scenario, a lesson or a config")
    parser.add_argument("--out", required=True, help="the file to write")
    parser.add_argument("--size", help="WIDTHxHEIGHT of the picture before --scale (default 960x540)")
    parser.add_argument("--scale", type=float, default=1.0, help="pixels per point: 2 for slides")
    parser.add_argument("--theme", choices=("light", "dark"), default="light")
    parser.add_argument("--variant", help="a scenario's variant (default: base)")
    parser.add_argument("--stage", type=int, help="a lesson's stage, from 1 (default 1)")
    parser.add_argument("--language", choices=("en", "zh_CN", "ru"), default="en")


def parse_size(text: str | None) -> tuple[int, int]:
    if text is None:
        return DEFAULT_SIZE
    match = re.fullmatch(r"\s*(\d{1,5})\s*[xX×]\s*(\d{1,5})\s*", text)
    if not match:
        raise UsageError(f"--size must look like 960x540, got {text!r}")
    width, height = int(match.group(1)), int(match.group(2))
    if not (64 <= width <= 8192 and 64 <= height <= 8192):
        raise UsageError(f"--size {width}x{height} is outside 64x64 .. 8192x8192")
    return width, height


def main(argv: Sequence[str], window_for: WindowFor, stream: TextIO | None = None) -> int:
    """Run ``export`` or ``animate`` (``argv`` starts with the command); the exit code."""
    parser = build_parser()

    def fail(message: str) -> None:
        raise UsageError(message)

    parser.error = fail  # type: ignore[method-assign]
    for sub in parser._subparsers._group_actions[0].choices.values():  # argparse keeps them here
        sub.error = fail  # type: ignore[method-assign]
    previous = quiet_offscreen_warning()
    try:
        args = parser.parse_args(list(argv))
        _check(args)
        _apply_look(args)
        if args.command == "export":
            path = export_still(args, window_for)
            print(f"saved {path}", file=stream or sys.stdout)
        else:
            path, count = animate(args, window_for, stream or sys.stderr)
            print(f"saved {path}: {count} frames", file=stream or sys.stdout)
        return 0
    except UsageError as error:
        print(f"gradsim: error: {error}", file=sys.stderr)
        return 2
    except ExportError as error:
        print(f"gradsim: error: {error}", file=sys.stderr)
        return 1 if error.code in ("not_written", "video_failed") else 2
    except GradsimError as error:  # an unreadable session, a refused config
        print(f"gradsim: error: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(
            f"gradsim: error: {error.strerror or error}: {error.filename or ''}".rstrip(": "), file=sys.stderr
        )
        return 2
    finally:
        qInstallMessageHandler(previous)


def quiet_offscreen_warning() -> Any:
    """Keep the offscreen platform's "does not support propagateSizeHints()" off a script's
    terminal (Qt says it for every window; it means nothing here). Other messages pass."""

    def handler(mode: Any, context: Any, message: str) -> None:
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    return qInstallMessageHandler(handler)  # the previous handler, put back when done


def _check(args: argparse.Namespace) -> None:
    args.size_wh = parse_size(args.size)
    if not 0.25 <= args.scale <= 8:
        raise UsageError(f"--scale must be between 0.25 and 8, got {args.scale}")
    for name in ("step", "steps", "frames", "every"):
        value = getattr(args, name, None)
        if value is not None and value < (0 if name in ("step", "steps") else 1):
            raise UsageError(
                f"--{name} must be {'>= 0' if name in ('step', 'steps') else '>= 1'}, got {value}"
            )
    if not Path(args.out).parent.is_dir():
        raise UsageError(f"folder does not exist: {Path(args.out).parent}")


def _apply_look(args: argparse.Namespace) -> None:
    """The theme (the projector's light theme by default) and the language of the texts."""
    from gradsim.ui.common import theme, wording

    theme.apply_preferences(theme.Preferences(theme=args.theme))
    if args.language != "en":
        args.switcher = wording.LanguageSwitcher()  # kept alive with args while rendering
        args.switcher.apply(args.language)


# ============================================================================ export
def export_still(args: argparse.Namespace, window_for: WindowFor) -> Path:
    source = resolve_source(args)
    out = Path(args.out)
    fmt = args.format or out.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg"):
        raise UsageError(f"--out must end in .png or .svg (or give --format), got {out.name!r}")
    if args.plot == "window":
        return _export_window(args, source, window_for, out, fmt)
    if args.plot == "landscape":
        frames = _race_frames(source, args, frames=1)
        index = frames.plan.end if args.step is None else min(args.step, frames.plan.end)
        try:
            frames.draw(index)
            return _save(frames.widget, out, fmt, args)
        finally:
            frames.close()
    from gradsim.ui.export.views import last_snapshot, offscreen, settle, training_panel

    trainer = _network(source, args.plot)
    snapshot = last_snapshot(
        trainer, source.steps if args.step is None else args.step, args.plot == "decision"
    )
    panel = offscreen(training_panel(args.plot), args.size_wh)
    try:
        panel.show_snapshot(snapshot)
        settle()
        return _save(panel, out, fmt, args)
    finally:
        panel.close()
        panel.deleteLater()


def _save(widget: Any, out: Path, fmt: str, args: argparse.Namespace) -> Path:
    """A PNG of exactly --size x --scale pixels (a panel laid out larger is scaled down), or an SVG."""
    from gradsim.ui.export.images import exact_size, render_image, save_widget

    if fmt == "svg":
        return save_widget(widget, out, fmt)
    if not exact_size(render_image(widget, args.scale), args.size_wh, args.scale).save(str(out), "PNG"):
        raise ExportError("not_written", path=str(out))
    return out


def _export_window(
    args: argparse.Namespace, source: Source, window_for: WindowFor, out: Path, fmt: str
) -> Path:

    steps = source.steps if args.step is None else args.step
    window = window_for(_window_args(args, source, steps))
    try:
        return _save(window, out, fmt, args)
    finally:
        window.close()
        window.deleteLater()


def _window_args(
    args: argparse.Namespace, source: Source, steps: int, presentation: bool = False
) -> list[str]:
    width, height = args.size_wh
    extra = ["--presentation"] if presentation else []
    return [
        *source.window_args,
        *extra,
        "--screenshot",
        "unused.png",  # screenshot mode: offscreen, no dialogs, trained through the real worker
        "--steps",
        str(steps),
        "--size",
        f"{max(width, 320)}x{max(height, 240)}",
        "--theme",
        args.theme,
        "--language",
        args.language,
    ]


def _network(source: Source, what: str) -> Any:
    if source.trainer is None:
        raise UsageError(f"{source.label} is a landscape race: --{what} needs a network (try landscape)")
    return source.trainer


def _race_frames(
    source: Source, args: argparse.Namespace, frames: int | None, every: int | None = None
) -> Any:
    from gradsim.ui.export.views import RaceFrames

    if source.landscape is None:
        raise UsageError(f"{source.label} has no landscape race")
    return RaceFrames(source.landscape, args.size_wh, args.scale, frames=frames, every=every)


# ============================================================================ animate
def animate(args: argparse.Namespace, window_for: WindowFor, stream: TextIO) -> tuple[Path, int]:
    from gradsim.ui.export.movie import check_movie, write_movie
    from gradsim.ui.export.views import StageFrames, TrainingFrames

    check_movie(args.out, args.fps)  # before any work: a missing extra is said at once
    source = resolve_source(args)
    window = None
    if args.view == "landscape":
        frames: Any = _race_frames(source, args, args.frames, args.every)
    elif args.view == "stage":
        if not source.lesson:
            raise UsageError(
                "--view stage shows a lesson's stage: give a lesson (gradsim lessons lists them)"
            )
        window = window_for(_window_args(args, source, 0, presentation=True))
        if source.trainer is None:
            raise UsageError(
                f"{source.label}, stage {args.stage or 1} is a landscape stage: use --view landscape"
            )
        steps = source.steps if args.steps is None else args.steps
        frames = StageFrames(
            window,
            window.controller.trainer_copy(),
            args.scale,
            steps=steps,
            frames=args.frames,
            every=args.every,
        )
    else:
        steps = source.steps if args.steps is None else args.steps
        trainer = _network(source, "view " + args.view)
        frames = TrainingFrames(
            trainer, args.view, args.size_wh, args.scale, steps=steps, frames=args.frames, every=args.every
        )
    bar = TerminalProgress(stream, f"{args.view} -> {Path(args.out).name}")
    try:
        count = write_movie(frames, frames.count, args.out, args.fps, progress=bar.update)
    finally:
        bar.finish()
        if window is not None:
            window.close()
            window.deleteLater()
    return Path(args.out), count


class TerminalProgress:
    """Frames done, as a bar redrawn in place on a terminal, or a line every 25% otherwise."""

    def __init__(self, stream: TextIO, label: str) -> None:
        self.stream, self.label = stream, label
        self.tty = hasattr(stream, "isatty") and stream.isatty()
        self.start = time.monotonic()
        self.next_line = 0.25
        self.drawn = False

    def update(self, done: int, total: int) -> bool:
        fraction = done / total if total else 1.0
        if self.tty:
            filled = int(30 * fraction)
            rate = done / max(time.monotonic() - self.start, 1e-9)
            self.stream.write(
                f"\r{self.label} [{'#' * filled}{'.' * (30 - filled)}] {done}/{total} {rate:5.1f} frames/s"
            )
            self.stream.flush()
            self.drawn = True
        elif fraction >= self.next_line or done == total:
            self.stream.write(f"{self.label}: {done}/{total} frames\n")
            self.next_line = fraction + 0.25
        return True

    def finish(self) -> None:
        if self.tty and self.drawn:
            self.stream.write("\n")
            self.stream.flush()
