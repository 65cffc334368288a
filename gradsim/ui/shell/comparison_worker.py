"""The GUI's handle on a comparison (gradsim/ui/compare/): the training controller, running a
lockstep loop. It lives in the shell beside the worker it extends; the window hands it to
the comparison (``install_comparison(window, ComparisonController)``), which imports no shell.

A comparison is trained as one run is (:class:`~gradsim.ui.shell.worker.TrainingController`:
commands, pauses, the 60 Hz poll of the newest frame, signals in the GUI thread), always in
a training process of its own (:class:`~gradsim.runner.training_process.ProcessBackend`
with :class:`~gradsim.runner.lockstep.LockstepLoop`): N variants must not share the GUI's
interpreter, and the main run's process stays free.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from gradsim.runner.lockstep import LockstepLoop, VariantSet
from gradsim.runner.training_loop import Pacing, TrainerFactory, default_factory
from gradsim.runner.training_process import PROCESS_PACING, ProcessBackend
from gradsim.ui.shell.worker import TrainingController


class ComparisonController(TrainingController):
    """``frameReady`` carries frames whose snapshot is a :class:`ComparisonSnapshot`."""

    def __init__(
        self,
        variants: VariantSet,
        parent: QObject | None = None,
        *,
        factory: TrainerFactory = default_factory,
        pacing: Pacing | None = None,
    ) -> None:
        super().__init__(variants, parent, factory=factory, pacing=pacing, backend="process")  # type: ignore[arg-type]

    def _start(self, kind: str, trainer: object) -> ProcessBackend:  # type: ignore[override]
        pacing = self.pacing or PROCESS_PACING
        return ProcessBackend(trainer, self.factory, pacing, loop_type=LockstepLoop)  # type: ignore[arg-type]

    def set_backend(self, kind: str, timeout_s: float = 10.0) -> None:
        """A comparison always trains in its own process."""
