"""The diagnosis banner: names the current problem, shows its evidence and the remedies, in plain words.

It reads ``snapshot.diagnoses`` (most severe first, from :mod:`gradsim.engine.diagnosis`)
and words them through :mod:`gradsim.ui.common.wording`. On NaN/Inf it says where the first
non-finite value appeared (the loss, the gradient of which layer, the layer of the forward
pass) and at which step, and offers "Rewind to step k": the last checkpoint before the
blow-up began (the engine's ``rewind_to``), since a lower learning rate from the exploded
weights diverges again. The button emits ``rewindRequested(step, keep_branch)`` like the
timeline bar's "Rewind here"; the main window sends both to the worker. Further problems
are listed once per kind, their layers as ranges ("Symmetric units: layers 1–9").
Text is rebuilt only when the diagnosis changes, so drawing a frame costs nothing.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from gradsim.engine.diagnosis import Diagnosis
from gradsim.ui.common import theme, wording

SEVERITY = {
    "diverged": "error",
    "exploding": "error",
    "underflow": "warning",
    "vanishing": "warning",
    "dead_relu": "warning",
    "saturated": "warning",
    "symmetric": "warning",
}
ICONS = {"error": "⚠", "warning": "⚠", "ok": "✓", "idle": "▶"}


translate = QCoreApplication.translate


class DiagnosisBanner(QFrame):
    """A coloured strip: headline, evidence, remedies, and any further problems on one line."""

    rewindRequested = Signal("qint64", int)  # noqa: N815 - step, keep_branch (as TimelineBar's)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DiagnosisBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.icon = QLabel(self)
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.title = QLabel(self)
        self.title.setObjectName("DiagnosisTitle")
        self.evidence = QLabel(self)
        self.remedies = QLabel(self)
        self.others = QLabel(self)
        for label in (self.title, self.evidence, self.remedies, self.others):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.evidence.setTextFormat(Qt.TextFormat.PlainText)
        self.remedies.setTextFormat(Qt.TextFormat.RichText)
        self.others.setTextFormat(Qt.TextFormat.PlainText)
        self.rewind_button = QPushButton(self)
        self.rewind_button.setObjectName("bannerRewind")
        self.rewind_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.rewind_button.clicked.connect(self.rewind)
        self.rewind_button.hide()
        self.rewind_step: int | None = None
        headline = QHBoxLayout()
        headline.setContentsMargins(0, 0, 0, 0)
        headline.addWidget(self.title, 1)
        headline.addWidget(self.rewind_button, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addLayout(headline)
        text.addWidget(self.evidence)
        text.addWidget(self.remedies)
        text.addWidget(self.others)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.icon)
        layout.addLayout(text, 1)
        self._snapshot: Any = None
        self._key: object = object()
        self.diagnoses: tuple[Diagnosis, ...] = ()
        self.retranslate()

    # ------------------------------------------------------------------ drawing
    def show_snapshot(self, snapshot: Any) -> None:
        key = (snapshot.step == 0, _key(snapshot.diagnoses))
        self._snapshot = snapshot
        if key != self._key:
            self._key = key
            self._render()

    def clear(self) -> None:
        self._snapshot = None
        self._key = object()
        self._render()

    def _render(self) -> None:
        snapshot = self._snapshot
        self.diagnoses = tuple(snapshot.diagnoses) if snapshot is not None else ()
        if snapshot is None or (snapshot.step == 0 and not self.diagnoses):
            self._show("idle", wording.not_started_title(), wording.not_started_text(), [], [])
            return
        if not self.diagnoses:
            self._show("ok", wording.healthy_title(), wording.healthy_text(), [], [])
            return
        first, rest = self.diagnoses[0], self.diagnoses[1:]
        rewind = first.params.get("rewind_to") if first.code == "diverged" else None
        self._show(
            SEVERITY.get(first.code, "warning"),
            wording.diagnosis_title(first.code),
            wording.diagnosis_evidence(first),
            wording.remedies(first.code),
            wording.grouped_short(rest),
            rewind if rewind is not None and rewind < snapshot.step else None,
        )

    def _show(
        self,
        severity: str,
        title: str,
        evidence: str,
        remedies: list[str],
        others: list[str],
        rewind: int | None = None,
    ) -> None:
        self.severity = severity
        accent, tint = theme.severity_colours(theme.current_theme())[severity]
        self.setStyleSheet(
            f"#DiagnosisBanner {{ background: {tint}; border: 1px solid {accent}; "
            f"border-left: 6px solid {accent}; border-radius: 3px; }}"
            f"#DiagnosisBanner QLabel {{ background: transparent; border: none; }}"
            f"#DiagnosisTitle {{ color: {accent}; font-weight: bold; }}"
        )
        font = self.title.font()
        font.setPointSizeF(max(self.font().pointSizeF() * 1.3, 9.0))
        font.setBold(True)
        self.title.setFont(font)
        self.icon.setFont(font)
        self.icon.setText(ICONS[severity])
        self.icon.setStyleSheet(f"color: {accent};")
        self.title.setText(title)
        self.evidence.setText(evidence)
        if remedies:
            heading = translate("DiagnosisBanner", "What helps:")
            items = " · ".join(_escape(r) for r in remedies)
            self.remedies.setText(f"<b>{_escape(heading)}</b> {items}")
        self.remedies.setVisible(bool(remedies))
        self.rewind_step = rewind
        if rewind is not None:
            self.rewind_button.setText(
                translate("DiagnosisBanner", "Rewind to step {step}").format(step=f"{rewind:,}")
            )
        self.rewind_button.setVisible(rewind is not None)
        self.others.setText(
            translate("DiagnosisBanner", "Also: {problems}").format(problems="; ".join(others))
            if others
            else ""
        )
        self.others.setVisible(bool(others))

    @Slot()
    def rewind(self) -> bool:
        """Ask to go back to the step the button names (the main window sends it to the worker)."""
        if self.rewind_step is None:
            return False
        self.rewindRequested.emit(self.rewind_step, 0)
        return True

    def headline(self) -> str:
        """The text shown (title and evidence), for the status bar and tests."""
        return f"{self.title.text()} {self.evidence.text()}"

    # ------------------------------------------------------------------ words
    def retranslate(self) -> None:
        self.rewind_button.setToolTip(
            translate(
                "DiagnosisBanner",
                "Go back to the last checkpoint before the gradient left its usual range; the history "
                "after it is discarded. Then lower the learning rate or turn on clipping and train again.",
            )
        )
        self.setToolTip(
            translate(
                "DiagnosisBanner",
                "The diagnosis of the current training state, from the per-layer gradient norms "
                "and unit statistics, with the remedies the literature gives for it.",
            )
        )
        self._render()

    def apply_theme(self) -> None:
        self._render()


def _key(diagnoses: tuple[Diagnosis, ...]) -> tuple:
    """What the text depends on, rounded so that small wobbles of a ratio do not re-render."""
    parts = []
    for d in diagnoses:
        params = tuple(
            sorted((k, f"{v:.2g}" if isinstance(v, float) else str(v)) for k, v in d.params.items())
        )
        parts.append((d.code, params))
    return tuple(parts)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
