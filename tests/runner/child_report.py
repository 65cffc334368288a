"""What a spawned child reports about itself: the Qt modules in its ``sys.modules``.

Imported by the children the runner tests spawn (functions and objects are pickled by module
path), so it imports nothing but the standard library: whatever Qt a child reports was
loaded by the app's own code.
"""

from __future__ import annotations

import os
import sys
from typing import Any

QT_PACKAGES = ("PySide6", "shiboken6", "pyqtgraph", "PyQt5", "PyQt6", "PySide2", "qtpy")


def qt_modules() -> list[str]:
    """The Qt modules loaded in this interpreter, sorted."""
    return sorted(name for name in sys.modules if name.split(".")[0] in QT_PACKAGES)


def report_qt(trainer: Any) -> None:
    """Posted to the training process: the answer travels back on the pickled trainer."""
    trainer.reported_by = (os.getpid(), qt_modules())


class ReportingConnection:
    """Wraps the race child's pipe end: every message goes out with the child's Qt modules."""

    def __init__(self, connection: Any) -> None:
        self.connection = connection

    def send(self, message: Any) -> None:
        self.connection.send((message, qt_modules()))

    def close(self) -> None:
        self.connection.close()
