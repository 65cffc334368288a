"""PySide6-Essentials 6.12.0 on Python 3.11 crashed after ~570 emits of a Signal carrying True
from Python ("Fatal Python error: bool_dealloc": each emit dropped a reference to True).
The crash aborts the interpreter, so the emits run in a subprocess; a fixed PySide6 exits 0.
"""

import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.ui

SCRIPT = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QCoreApplication, QObject, Signal

    class Emitter(QObject):
        flag = Signal(bool)

    app = QCoreApplication([])
    received = []
    emitter = Emitter()
    emitter.flag.connect(received.append)
    before = sys.getrefcount(True)
    for _ in range(10_000):
        emitter.flag.emit(True)
    for _ in range(100):
        emitter.flag.emit(False)
    assert len(received) == 10_100 and received[0] is True and received[-1] is False, len(received)
    print("ok", before, sys.getrefcount(True))
    """
)


def test_emitting_true_10000_times_does_not_crash():
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120, env=None
    )
    assert result.returncode == 0, f"exit {result.returncode}: {result.stderr[-2000:]}"
    assert result.stdout.startswith("ok"), result.stdout
    assert "bool_dealloc" not in result.stderr
