"""The frozen app's entry script (packaging/gradsim.spec): the ``gradsim`` command.

gradsim.__main__.main() calls multiprocessing.freeze_support() first, so when the app's
spawned training or race process starts this executable again, it becomes that worker
instead of a second window.
"""

import sys

from gradsim.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
