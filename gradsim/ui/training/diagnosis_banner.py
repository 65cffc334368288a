"""The diagnosis banner: names the current problem, shows its evidence and the remedies, in plain words.

It reads ``snapshot.diagnoses`` (most severe first, from :mod:`gradsim.engine.diagnosis`)
and words them through :mod:`gradsim.ui.common.wording`. On NaN/Inf it says where the first
non-finite value appeared (the loss, or the gradient of which layer) and at which step.
Text is rebuilt only when the diagnosis changes, so drawing a frame costs nothing.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from gradsim.engine.diagnosis import Diagnosis
from gradsim.ui.common import theme, wording

SEVERITY = {
    "diverged": "error",
    "exploding": "error",
    "vanishing": "warning",
    "dead_relu": "warning",
    "saturated": "warning",
    "symmetric": "warning",
}
ICONS = {"error": "⚠", "warning": "⚠", "ok": "✓", "idle": "▶"}


translate = QCoreApplication.translate


class DiagnosisBanner(QFrame):
    """A coloured strip: headline, evidence, remedies, and any further problems on one line."""

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
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.title)
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
        self._show(
            SEVERITY.get(first.code, "warning"),
            wording.diagnosis_title(first.code),
            wording.diagnosis_evidence(first),
            wording.remedies(first.code),
            [wording.diagnosis_short(d) for d in rest],
        )

    def _show(self, severity: str, title: str, evidence: str, remedies: list[str], others: list[str]) -> None:
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
            items = " · ".join(_escape(r) for r in remedies)
            self.remedies.setText(f"<b>{_escape(translate('DiagnosisBanner', 'What helps:'))}</b> {items}")
        self.remedies.setVisible(bool(remedies))
        self.others.setText(
            translate("DiagnosisBanner", "Also: {problems}").format(problems="; ".join(others))
            if others
            else ""
        )
        self.others.setVisible(bool(others))

    def headline(self) -> str:
        """The text shown (title and evidence), for the status bar and tests."""
        return f"{self.title.text()} {self.evidence.text()}"

    # ------------------------------------------------------------------ words
    def retranslate(self) -> None:
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
