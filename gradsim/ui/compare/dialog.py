"""Compare…: which setting to vary and its 2 to 4 values, starting from the current config.

A choice setting (initialization, activation, normalization, optimizer, precision) lists its
choices as check boxes, the current one checked first; a number setting (learning rate,
clipping, residual every, seed) takes values separated by commas; "Other runs" lists this run,
the shipped network scenarios and saved sessions added with "Add a saved session…" (each
starts at step 0 of its own config). Whatever is entered is
checked by the engine's own parser (:func:`gradsim.engine.variants.parse_comparison`) and
by building each variant's config, so the OK button is enabled only for a comparison that
will run, and the reason is shown in words otherwise.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gradsim.engine.errors import GradsimError
from gradsim.engine.variants import (
    CHOICES,
    MAX_VARIANTS,
    SETTINGS,
    Comparison,
    current_value,
    parse_comparison,
    value_label,
    variant_configs,
)
from gradsim.ui.common import dialogs as dialog_module
from gradsim.ui.common import wording
from gradsim.ui.compare.sources import network_scenarios, source_configs, source_name
from gradsim.ui.compare.text import setting_name, value_name

translate = QCoreApplication.translate
#: A second value offered next to the current one, so OK works at once.
SUGGESTED: dict[str, Any] = {
    "init": "he_normal",
    "activation": "relu",
    "norm": "batch",
    "residual_every": 2,
    "optimizer": "adam",
    "lr": 0.1,
    "clipping": 1.0,
    "precision": "float32",
    "seed": 1,
    "source": "current",
}


class CompareDialog(QDialog):
    """Choose the comparison; :meth:`comparison` is the result (None while invalid)."""

    def __init__(
        self,
        config: Mapping[str, Any],
        parent: QWidget | None = None,
        *,
        dialogs: dialog_module.DialogService | None = None,
        language: str = "en",
    ) -> None:
        super().__init__(parent)
        self.config = dict(config)
        self.dialogs = dialogs or dialog_module.service()
        self.language = language
        self.runs = QListWidget()  # "source": this run, scenarios, sessions (checkable)
        self.add_session = QPushButton()
        self.add_session.clicked.connect(self._on_add_session)
        self.runs.itemChanged.connect(self._check)
        self.setting_combo = QComboBox()
        for setting in SETTINGS:
            self.setting_combo.addItem("", setting)
        self.choices = QWidget()
        self.choice_grid = QGridLayout(self.choices)
        self.choice_grid.setContentsMargins(0, 0, 0, 0)
        self.checks: dict[Any, QCheckBox] = {}
        self.values_edit = QLineEdit()
        self.values_label = QLabel()
        self.setting_label = QLabel()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setObjectName("compareProblem")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.setting_label, self.setting_combo)
        form.addRow(self.values_label, self.values_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.choices)
        layout.addWidget(self.runs)
        layout.addWidget(self.add_session)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setting_combo.currentIndexChanged.connect(self._on_setting)
        self.values_edit.textChanged.connect(self._check)
        self.retranslate()
        self._on_setting()

    @property
    def setting(self) -> str:
        return str(self.setting_combo.currentData())

    def set_setting(self, setting: str) -> None:
        self.setting_combo.setCurrentIndex(SETTINGS.index(setting))

    @Slot()
    def _on_setting(self) -> None:
        setting = self.setting
        current = current_value(self.config, setting)
        for check in self.checks.values():
            self.choice_grid.removeWidget(check)
            check.deleteLater()
        self.checks = {}
        is_choice, is_runs = setting in CHOICES, setting == "source"
        self.choices.setVisible(is_choice)
        self.runs.setVisible(is_runs)
        self.add_session.setVisible(is_runs)
        self.values_edit.setVisible(not is_choice and not is_runs)
        self.values_label.setVisible(not is_choice and not is_runs)
        if is_runs:
            self._fill_runs()
        elif is_choice:
            ordered = [current, *(c for c in CHOICES[setting] if c != current)]
            for i, choice in enumerate(ordered):
                check = QCheckBox(value_name(setting, choice))
                check.setChecked(choice in (current, SUGGESTED[setting]))
                check.toggled.connect(self._check)
                self.checks[choice] = check
                self.choice_grid.addWidget(check, i // 3, i % 3)
        else:
            second = SUGGESTED[setting] if SUGGESTED[setting] != current else current * 10
            self.values_edit.setText(f"{value_label(current)}, {value_label(second)}")
        self._check()

    def _fill_runs(self) -> None:
        self.runs.blockSignals(True)
        self.runs.clear()
        self._add_run("current", checked=True)
        for scenario in network_scenarios():
            self._add_run(f"scenario:{scenario.name}", checked=False)
        self.runs.blockSignals(False)

    def _add_run(self, value: str, *, checked: bool) -> None:
        item = QListWidgetItem(source_name(value, self.language))
        item.setData(Qt.ItemDataRole.UserRole, value)
        item.setToolTip(value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.runs.addItem(item)

    @Slot()
    def _on_add_session(self) -> None:
        path = self.dialogs.open_file(
            self, translate("Comparison", "Compare with a saved session"), "", "gradsim (*.gradsim)"
        )
        if path:
            self.add_session_path(path)

    def add_session_path(self, path: str) -> None:
        """A saved session joins the runs, checked."""
        self._add_run(f"session:{path}", checked=True)
        self._check()

    def values(self) -> list[Any]:
        """The values entered, in order (numbers parsed; an unreadable entry kept as text)."""
        if self.setting == "source":
            items = [self.runs.item(i) for i in range(self.runs.count())]
            return [
                i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked
            ]
        if self.setting in CHOICES:
            return [choice for choice, check in self.checks.items() if check.isChecked()]
        values: list[Any] = []
        for part in self.values_edit.text().split(","):
            text = part.strip()
            if not text:
                continue
            try:
                number = float(text)
                values.append(
                    int(number)
                    if self.setting in ("seed", "residual_every") and number.is_integer()
                    else number
                )
            except ValueError:
                values.append(text)
        return values

    def comparison(self) -> Comparison | None:
        """The comparison entered, or None (the reason is shown)."""
        try:
            comparison = parse_comparison({"setting": self.setting, "values": self.values()})
            if comparison.setting == "source":
                source_configs(comparison.values, self.config)
            else:
                variant_configs(self.config, comparison)
        except GradsimError as error:
            self.problem.setText(wording.error_message(error))
            return None
        self.problem.setText("")
        return comparison

    @Slot()
    def _check(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.comparison() is not None)

    def retranslate(self) -> None:
        self.setWindowTitle(translate("Comparison", "Compare variants"))
        self.intro.setText(
            translate(
                "Comparison",
                "Train 2 to {most} copies of the current network side by side, in lockstep, that "
                "differ in one setting only: same data, same seed (unless the seed is what varies).",
            ).format(most=MAX_VARIANTS)
        )
        self.setting_label.setText(translate("Comparison", "Vary:"))
        self.values_label.setText(translate("Comparison", "Values (comma-separated):"))
        self.values_edit.setToolTip(
            translate("Comparison", "Clipping: 'none' turns it off; a number is the maximum gradient norm.")
        )
        self.add_session.setText(translate("Comparison", "Add a saved session…"))
        for i, setting in enumerate(SETTINGS):
            self.setting_combo.setItemText(i, setting_name(setting))
        self.problem.setAlignment(Qt.AlignmentFlag.AlignLeft)
