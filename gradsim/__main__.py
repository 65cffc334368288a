"""Entry point: ``gradsim`` opens the app; ``gradsim run|info|...`` runs the headless CLI;
``gradsim --smoke-test [OUT.png]`` checks an installed or frozen app (docs/packaging.md)."""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Sequence

APP_COMMANDS = ("export", "animate")  # headless too, but drawn with Qt: the app side runs them


def main(argv: Sequence[str] | None = None) -> int:
    # First thing: in a frozen app the spawned training and race processes start this same
    # executable, and freeze_support() turns them into workers instead of a second app
    # (a no-op outside a frozen app; PyInstaller's runtime hook makes it work on Linux too).
    multiprocessing.freeze_support()
    args = list(sys.argv[1:] if argv is None else argv)
    from gradsim.engine.runtime import limit_blas_threads, tune_allocator

    limit_blas_threads()
    tune_allocator()
    from gradsim.cli import COMMANDS

    if args and (args[0] in COMMANDS or args[0] == "--version"):
        from gradsim.cli import main as cli_main

        return cli_main(args)
    if args and args[0] in APP_COMMANDS:  # they render with Qt (gradsim/ui/export/command.py)
        from gradsim.app import export_main

        return export_main(args)
    if args and args[0] in ("-h", "--help"):
        print_help()
        return 0
    from gradsim.display_check import xcb_problem

    problem = xcb_problem()
    if problem is not None:
        print(f"gradsim: {problem}", file=sys.stderr)
        return 1
    if args and args[0] == "--smoke-test":
        from gradsim.app import smoke_test

        return smoke_test(args[1:])
    try:
        from gradsim.app import main as app_main
    except ImportError as error:  # the GUI is optional for the engine, not for the app
        print(
            f"gradsim: the app cannot start ({error}); the headless commands work: "
            "gradsim run --config relu-he --steps 500 --out run.gradsim",
            file=sys.stderr,
        )
        return 1
    return app_main(args)


def print_help() -> None:
    """The app's options, then the headless commands: one ``--help`` for both faces."""
    from gradsim.app import build_parser
    from gradsim.cli import build_parser as build_cli_parser

    parser = build_parser()
    parser.epilog = None  # its one-line pointer to the commands is replaced by the full list
    print(parser.format_help().rstrip())
    print("\nchecking an installation:")
    print("  --smoke-test [OUT.png]  open a lesson, train 10 steps in the training process, save a PNG")
    print("\nheadless commands (gradsim COMMAND --help for each):")
    for action in build_cli_parser()._subparsers._group_actions:  # argparse keeps them here
        for choice in action._choices_actions:
            print(f"  {choice.dest:12s} {choice.help}")
    print("  export       a plot or the window to PNG or SVG (gradsim export --help)")
    print("  animate      a training run or a race to GIF or MP4 (gradsim animate --help)")


if __name__ == "__main__":
    sys.exit(main())
