"""Python's cycle collector runs in the GUI thread only, on a timer.

Automatic collection runs in whichever thread happens to allocate when a threshold is
crossed. In a training thread or the activation lab's variance-propagation thread it can
destroy a widget caught in a reference cycle off the GUI thread: Qt's destructor locks the
object's mutexes, then PySide waits for the GIL that the GUI thread holds while it waits for
one of those mutexes. The process hangs; a GUI test run hung so (a ``QWidget`` deleted from
the "variance-propagation" thread). pyqtgraph's :class:`GarbageCollector` is the known
remedy: automatic collection off, the same generational thresholds checked by a GUI-thread
``QTimer``.
"""

from __future__ import annotations

import gc

from pyqtgraph.util.garbage_collector import GarbageCollector

#: seconds between checks of the collector's thresholds (pyqtgraph's default)
CHECK_INTERVAL = 1.0

_collector: GarbageCollector | None = None


def collect_in_gui_thread() -> GarbageCollector:
    """Turn automatic collection off and collect from a timer of this (the GUI) thread; once."""
    global _collector  # noqa: PLW0603 - one collector per process
    if _collector is None or not _collector.timer.isActive():
        _collector = GarbageCollector(interval=CHECK_INTERVAL)
    return _collector


def collect_automatically_again() -> None:
    """Stop the timer, collect what is left here, and give collection back to Python (tests)."""
    global _collector  # noqa: PLW0603
    if _collector is not None:
        _collector.timer.stop()
        _collector = None
    gc.collect()
    gc.enable()
