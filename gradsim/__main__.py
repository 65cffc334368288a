"""Entry point: ``gradsim`` opens the app; ``gradsim run|info|...`` runs the headless CLI."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    from gradsim.engine.runtime import limit_blas_threads, tune_allocator

    limit_blas_threads()
    tune_allocator()
    from gradsim.cli import COMMANDS

    if args and (args[0] in COMMANDS or args[0] in ("--version", "-h", "--help")):
        from gradsim.cli import main as cli_main

        return cli_main(args)
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


if __name__ == "__main__":
    sys.exit(main())
