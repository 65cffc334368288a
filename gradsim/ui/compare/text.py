"""Words of a comparison: the settings it may vary and their values, translated.

Values are named as the builder names them (:mod:`gradsim.ui.common.config_text`), so
"He (normal)" reads the same in the legend as in the layer table.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from gradsim.engine.variants import value_label
from gradsim.ui.common import config_text

translate = QCoreApplication.translate
CONTEXT = "Comparison"

SETTING_NAMES: dict[str, str] = {
    "init": QT_TRANSLATE_NOOP("Comparison", "Initialization"),
    "activation": QT_TRANSLATE_NOOP("Comparison", "Activation"),
    "norm": QT_TRANSLATE_NOOP("Comparison", "Normalization"),
    "residual_every": QT_TRANSLATE_NOOP("Comparison", "Residual connections (every k layers, 0 = off)"),
    "optimizer": QT_TRANSLATE_NOOP("Comparison", "Optimizer"),
    "lr": QT_TRANSLATE_NOOP("Comparison", "Learning rate"),
    "clipping": QT_TRANSLATE_NOOP("Comparison", "Gradient clipping (max norm)"),
    "precision": QT_TRANSLATE_NOOP("Comparison", "Precision"),
    "seed": QT_TRANSLATE_NOOP("Comparison", "Training seed"),
    "source": QT_TRANSLATE_NOOP("Comparison", "Other runs (scenarios, saved sessions)"),
}
_TABLES = {
    "init": config_text.INITS,
    "activation": config_text.ACTIVATIONS,
    "norm": config_text.NORMS,
    "optimizer": config_text.OPTIMIZERS,
    "precision": config_text.PRECISIONS,
}


def setting_name(setting: str) -> str:
    entry = SETTING_NAMES.get(setting)
    return translate(CONTEXT, entry) if entry else setting


def value_name(setting: str, value: Any, language: str = "en") -> str:
    """A value as the legend names it (a translated choice, a number, clipping off, or a run
    in ``language``)."""
    if setting == "source":
        from gradsim.ui.compare.sources import source_name  # reads scenarios: only when asked

        return source_name(str(value), language)
    if setting in _TABLES:
        return config_text.label(_TABLES[setting], value)
    if setting == "clipping":
        if value == "none":
            return translate("Comparison", "no clipping")
        return translate("Comparison", "norm ≤ {max}").format(max=value_label(value))
    if setting == "residual_every":
        if value == 0:
            return translate("Comparison", "no residuals")
        return translate("Comparison", "residual every {k}").format(k=value)
    if setting == "seed":
        return translate("Comparison", "seed {seed}").format(seed=value)
    if setting == "lr":
        return translate("Comparison", "lr {lr}").format(lr=value_label(value))
    return value_label(value)
