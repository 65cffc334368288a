"""The panels the main window docks: where each class lives, its title, tooltip and drawing needs.

One table, so the window, the View menu, screenshot mode (``--panel NAME``), the frame
drawer's rates and the look-back all agree on the same names.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class PanelSpec:
    """A panel the window docks: where its class lives, its title and what it does."""

    name: str  # the --panel NAME of screenshot mode, and the dock's objectName
    module: str
    cls: str
    title: str  # marked with QT_TRANSLATE_NOOP("MainWindow", ...)
    tooltip: str
    takes_config: bool = False
    max_hz: float = 0.0  # draw at most this often while training (0: every frame)
    shows_state: bool = False  # draws the state at one step (not a history): can look back


PANELS: tuple[PanelSpec, ...] = (
    PanelSpec(
        "banner",
        "gradsim.ui.training.diagnosis_banner",
        "DiagnosisBanner",
        QT_TRANSLATE_NOOP("MainWindow", "Diagnosis"),
        QT_TRANSLATE_NOOP("MainWindow", "The current problem, its evidence and what helps."),
        shows_state=True,
    ),
    PanelSpec(
        "controls",
        "gradsim.ui.training.training_controls",
        "TrainingControls",
        QT_TRANSLATE_NOOP("MainWindow", "Training"),
        QT_TRANSLATE_NOOP(
            "MainWindow", "Play, step, reset, live learning rate and clipping, pause triggers."
        ),
    ),
    PanelSpec(
        "builder",
        "gradsim.ui.builder.panel",
        "BuilderPanel",
        QT_TRANSLATE_NOOP("MainWindow", "Network builder"),
        QT_TRANSLATE_NOOP("MainWindow", "Data, layers, initialization, loss and optimizer of the network."),
        takes_config=True,
    ),
    PanelSpec(
        "diagram",
        "gradsim.ui.training.network_diagram",
        "NetworkDiagram",
        QT_TRANSLATE_NOOP("MainWindow", "Network"),
        QT_TRANSLATE_NOOP("MainWindow", "Units and weights; colour edges by gradient to see it fade."),
        max_hz=15.0,
        shows_state=True,
    ),
    PanelSpec(
        "gradient_flow",
        "gradsim.ui.training.gradient_flow_panel",
        "GradientFlowPanel",
        QT_TRANSLATE_NOOP("MainWindow", "Gradient flow"),
        QT_TRANSLATE_NOOP("MainWindow", "Gradient norm of every layer over time (log scale)."),
    ),
    PanelSpec(
        "loss",
        "gradsim.ui.training.loss_panel",
        "LossPanel",
        QT_TRANSLATE_NOOP("MainWindow", "Loss and accuracy"),
        QT_TRANSLATE_NOOP("MainWindow", "Training and test loss and accuracy against the step."),
    ),
    PanelSpec(
        "decision",
        "gradsim.ui.training.decision_panel",
        "DecisionPanel",
        QT_TRANSLATE_NOOP("MainWindow", "Decision surface"),
        QT_TRANSLATE_NOOP("MainWindow", "The network's output over the input plane, with the data."),
        max_hz=10.0,
        shows_state=True,
    ),
    PanelSpec(
        "histograms",
        "gradsim.ui.training.histogram_panel",
        "HistogramPanel",
        QT_TRANSLATE_NOOP("MainWindow", "Histograms"),
        QT_TRANSLATE_NOOP("MainWindow", "Per-layer activations, pre-activations and gradients."),
        max_hz=5.0,
        shows_state=True,
    ),
    PanelSpec(
        "weights",
        "gradsim.ui.training.weights_panel",
        "WeightStatsPanel",
        QT_TRANSLATE_NOOP("MainWindow", "Weights and updates"),
        QT_TRANSLATE_NOOP("MainWindow", "Weight norm and update-to-weight ratio of every layer."),
        max_hz=10.0,
    ),
    PanelSpec(
        "activation_lab",
        "gradsim.ui.training.activation_lab",
        "ActivationLab",
        QT_TRANSLATE_NOOP("MainWindow", "Activation and init lab"),
        QT_TRANSLATE_NOOP("MainWindow", "f and f' with the layer's pre-activations; variance propagation."),
        max_hz=5.0,
        shows_state=True,
    ),
    PanelSpec(
        "landscape",
        "gradsim.ui.landscape.panel",
        "LandscapePanel",
        QT_TRANSLATE_NOOP("MainWindow", "Landscape"),
        QT_TRANSLATE_NOOP("MainWindow", "Optimizer races on loss surfaces; the network's own loss surface."),
    ),
)
PANEL_NAMES: tuple[str, ...] = tuple(spec.name for spec in PANELS)
