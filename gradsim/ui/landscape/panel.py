"""The landscape panel: optimizers racing on analytic surfaces, and the network's own loss surface.

Two tabs:

* "Analytic surface" (:class:`~gradsim.ui.landscape.analytic.AnalyticLandscape`):
  saddle, cliff, ravine, plateau, the classic test functions or a typed formula; several
  optimizers race from a shared start (click or drag it), animated step by step with the
  gradient / velocity / per-coordinate step overlays, clipping events, divergence, a
  value-against-step plot and a table of results.
* "Network loss surface" (:class:`~gradsim.ui.landscape.network_slice_view.NetworkSliceView`):
  2-D slices of the trained network's loss (random filter-normalized directions or the
  PCA plane of its training path) and the 1-D interpolation from initial to current
  weights, computed in a worker thread on a copy of the weights.

Docking (the main window): ``LandscapePanel()``; ``set_trainer_provider(provider, release)``
with ``provider()`` returning the Trainer to slice, read on the GUI thread while training
is paused (or None), and ``release()`` called once the panel has copied it; optionally
``show_snapshot(snapshot)`` (marks a slice out of date) and ``retranslate()``;
``shutdown()`` before the application quits (also done on ``aboutToQuit``). Sessions:
``state()`` (JSON-able dict), ``arrays()`` (name -> ndarray) and ``restore(state, arrays)``.
Screenshot mode: :func:`configure_race`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from gradsim.engine.optimizers import OPTIMIZER_KINDS
from gradsim.landscapes.surfaces import surface_names
from gradsim.ui.landscape.analytic import AnalyticLandscape
from gradsim.ui.landscape.network_slice_view import NetworkSliceView
from gradsim.ui.landscape.race import suggested_settings

translate = QCoreApplication.translate

STATE_VERSION = 1
ARRAY_PREFIX = "network."


class LandscapePanel(QWidget):
    """The landscape panel (see the module docstring for how to dock it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget()
        self.analytic = AnalyticLandscape()
        self.network = NetworkSliceView()
        self.tabs.addTab(self.analytic, "")
        self.tabs.addTab(self.network, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.tabs)
        self.setMinimumSize(400, 360)
        self.retranslate()

    def retranslate(self) -> None:
        self.tabs.setTabText(0, translate("LandscapePanel", "Analytic surface"))
        self.tabs.setTabText(1, translate("LandscapePanel", "Network loss surface"))
        self.tabs.setTabToolTip(
            0,
            translate(
                "LandscapePanel",
                "Optimizers racing on 2-D surfaces that show why training is hard: saddles, "
                "cliffs, ravines, plateaus. Click to set the start; press Play.",
            ),
        )
        self.tabs.setTabToolTip(
            1,
            translate(
                "LandscapePanel",
                "The loss of the network you are training, on a plane through its current weights "
                "and along the line from its initial weights.",
            ),
        )
        self.analytic.retranslate()
        self.network.retranslate()

    # ------------------------------------------------------------------ main window hooks
    def set_trainer_provider(
        self, provider: Callable[[], Any] | None, release: Callable[[], Any] | None = None
    ) -> None:
        """``provider()`` -> the Trainer to slice (GUI thread, training paused) or None.

        The panel copies what it needs at once, on the GUI thread, then calls ``release()``
        (e.g. to resume training); its worker thread never sees the live Trainer."""
        self.network.set_trainer_provider(provider, release)

    def set_trainer(self, trainer: Any) -> None:
        """Slice this trainer (tests, notebooks): a provider that always returns it."""
        self.network.set_trainer(trainer)

    def show_snapshot(self, snapshot: Any) -> None:
        """Cheap: only remembers the training step (the slice says when it is out of date)."""
        self.network.show_snapshot(snapshot)

    def shutdown(self) -> None:
        """Stop the animation and the worker threads (waits for them)."""
        self.analytic.shutdown()
        self.network.shutdown()

    # ------------------------------------------------------------------ sessions
    def state(self) -> dict[str, Any]:
        """JSON-able: the surface, race settings, view, playback position and slice settings."""
        return {
            "version": STATE_VERSION,
            "tab": self.tabs.currentIndex(),
            "analytic": self.analytic.state(),
            "network": self.network.state(),
        }

    def arrays(self) -> dict[str, np.ndarray]:
        """The network slice on screen (``network.losses`` etc.); races are recomputed on restore."""
        return {ARRAY_PREFIX + name: value for name, value in self.network.arrays().items()}

    def restore(self, state: dict[str, Any], arrays: dict[str, np.ndarray] | None = None) -> None:
        arrays = arrays or {}
        version = int(state.get("version", STATE_VERSION))
        if version > STATE_VERSION:
            raise ValueError(f"landscape state version {version} is newer than this app ({STATE_VERSION})")
        if "analytic" in state:
            self.analytic.restore(state["analytic"])
        if "network" in state:
            network_arrays = {
                name[len(ARRAY_PREFIX) :]: value
                for name, value in arrays.items()
                if name.startswith(ARRAY_PREFIX)
            }
            self.network.restore(state["network"], network_arrays)
        self.tabs.setCurrentIndex(int(state.get("tab", 0)))


def configure_race(panel: LandscapePanel, surface: str, optimizers: Sequence[str], steps: int) -> None:
    """Show a finished race for screenshots and scripts, computed synchronously.

    ``gradsim --screenshot race.png --panel landscape --surface ravine --race sgd,momentum,adam
    --steps 150`` calls ``configure_race(panel, "ravine", ["sgd", "momentum", "adam"], 150)``.
    Each optimizer gets the learning rate suggested for the surface; the start is the
    surface's first default start. Raises ValueError for an unknown surface or optimizer.
    """
    names = [*surface_names(), "formula"]
    if surface not in names:
        raise ValueError(f"unknown surface {surface!r}; choose one of {', '.join(names)}")
    kinds = [kind.strip() for kind in optimizers if kind.strip()]
    unknown = [kind for kind in kinds if kind not in OPTIMIZER_KINDS]
    if unknown or not kinds:
        raise ValueError(f"unknown optimizer {unknown!r}; choose from {', '.join(OPTIMIZER_KINDS)}")
    if not isinstance(steps, int) or steps < 1:
        raise ValueError(f"steps must be a positive integer, got {steps!r}")
    analytic = panel.analytic
    analytic.pause()
    panel.tabs.setCurrentWidget(analytic)
    analytic.form.blockSignals(True)
    analytic.steps_spin.blockSignals(True)
    try:
        analytic.form.set_surface_name(surface)
        analytic.steps_spin.setValue(steps)
        if not analytic.apply_surface(reset_start=True):
            raise ValueError(f"surface {surface!r} could not be built")
        analytic.set_optimizer_settings(
            [suggested_settings(kind, analytic.surface, i) for i, kind in enumerate(kinds)]
        )
    finally:
        analytic.form.blockSignals(False)
        analytic.steps_spin.blockSignals(False)
    analytic.recompute(background=False)
    analytic.show_index(analytic.max_index())
