"""Variants of one config that differ in a single setting: what a comparison trains side by side.

A comparison is data (``{"setting": "init", "values": ["xavier_normal", "he_normal"]}``):
the same JSON in a session, a lesson stage and the app's Compare dialog. Each value makes a
variant: the base config with that one setting changed, everything else (data, seed,
widths) kept, so the difference the variants show is the setting's and nothing else's.
Varying ``seed`` changes ``training.seed`` only: the data stay the same. The setting
``source`` compares whole runs instead: its values name them (``"current"``,
``"scenario:<name>"``, ``"session:<path>"``) and the app resolves each to a config (the
engine cannot read scenarios or sessions); each starts at step 0 from its own data and seed.

Qt-free and below the runner and the scenarios, which both read it (the lockstep loop
builds the variants, the lesson validator checks a stage's ``compare``). Errors are
:class:`~gradsim.engine.errors.ConfigError` naming the field, e.g.
``compare.values[1]: unknown init kind 'hee'; choose one of zeros, constant, ...``.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from gradsim.engine.activations import ACTIVATION_NAMES
from gradsim.engine.config import validate_config
from gradsim.engine.errors import ConfigError
from gradsim.engine.initializers import INIT_KINDS
from gradsim.engine.normalization import NORM_KINDS
from gradsim.engine.optimizers import OPTIMIZER_KINDS
from gradsim.engine.trainer import StepRecord, Trainer

#: The settings a comparison may vary, in the order the Compare dialog lists them.
SETTINGS: tuple[str, ...] = (
    "init",
    "activation",
    "norm",
    "residual_every",
    "optimizer",
    "lr",
    "clipping",
    "precision",
    "seed",
    "source",  # other runs: the current one, shipped scenarios, saved sessions (resolved by the app)
)
SOURCE_PREFIXES = ("scenario:", "session:")
MAX_SOURCE_CHARS = 4096
PRECISIONS: tuple[str, ...] = ("float64", "float32", "float16")
CHOICES: dict[str, tuple[str, ...]] = {
    "init": tuple(
        k for k in INIT_KINDS if k != "constant"
    ),  # constant needs its value: not a one-word choice
    "activation": tuple(a for a in ACTIVATION_NAMES if a != "maxout"),  # maxout changes the widths
    "norm": tuple(NORM_KINDS),
    "optimizer": tuple(OPTIMIZER_KINDS),
    "precision": PRECISIONS,
}
MIN_VARIANTS, MAX_VARIANTS = 2, 4
KEYS = ("setting", "values")


@dataclass(frozen=True)
class Comparison:
    """Which setting varies and its values, one variant each (2 to 4, all different)."""

    setting: str
    values: tuple[Any, ...]

    def to_json(self) -> dict[str, Any]:
        return {"setting": self.setting, "values": list(self.values)}

    def labels(self) -> tuple[str, ...]:
        """The values as the legend shows them (``none`` for clipping off, numbers short)."""
        return tuple(value_label(v) for v in self.values)


def value_label(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def parse_comparison(raw: Any, where: str = "compare") -> Comparison:
    """A comparison from JSON, every field checked (ConfigError names ``where.<field>``)."""
    if not isinstance(raw, Mapping):
        raise ConfigError(where, "bad_compare", "must be an object with 'setting' and 'values'")
    unknown = sorted(set(raw) - set(KEYS))
    if unknown:
        raise ConfigError(f"{where}.{unknown[0]}", "unknown_key", "unknown key; allowed: setting, values")
    setting = raw.get("setting")
    if setting not in SETTINGS:
        raise ConfigError(
            f"{where}.setting",
            "unknown_setting",
            "choose one of {allowed}, got {value!r}",
            allowed=", ".join(SETTINGS),
            value=setting,
        )
    values = raw.get("values")
    if not isinstance(values, list) or not MIN_VARIANTS <= len(values) <= MAX_VARIANTS:
        raise ConfigError(
            f"{where}.values",
            "bad_values",
            "must be a list of {low} to {high} values, got {value!r}",
            low=MIN_VARIANTS,
            high=MAX_VARIANTS,
            value=values,
        )
    checked = tuple(_value(setting, v, f"{where}.values[{i}]") for i, v in enumerate(values))
    if len(set(map(value_label, checked))) != len(checked):
        raise ConfigError(
            f"{where}.values", "duplicate_values", "must all differ, got {value!r}", value=values
        )
    return Comparison(setting, checked)


def _value(setting: str, value: Any, where: str) -> Any:
    if setting in CHOICES:
        if value not in CHOICES[setting]:
            raise ConfigError(
                where,
                "unknown_choice",
                "unknown {setting} {value!r}; choose one of {allowed}",
                setting=setting,
                value=value,
                allowed=", ".join(CHOICES[setting]),
            )
        return value
    if setting in ("residual_every", "seed"):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ConfigError(where, "bad_integer", "must be a whole number >= 0, got {value!r}", value=value)
        return value
    if setting == "source":
        ok = isinstance(value, str) and (value == "current" or value.startswith(SOURCE_PREFIXES))
        if not ok or len(value) > MAX_SOURCE_CHARS or value in ("scenario:", "session:"):
            raise ConfigError(
                where,
                "bad_source",
                "must be 'current', 'scenario:<name>' or 'session:<path>', got {value!r}",
                value=value if not isinstance(value, str) else value[:80],
            )
        return value
    if setting == "clipping" and value == "none":
        return value
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or value <= 0
    ):
        wanted = (
            "'none' or a positive maximum gradient norm" if setting == "clipping" else "a positive number"
        )
        raise ConfigError(where, "bad_number", "must be {wanted}, got {value!r}", wanted=wanted, value=value)
    return float(value)


def vary(config: Mapping[str, Any], setting: str, value: Any) -> dict[str, Any]:
    """``config`` (validated) with ``setting`` set to ``value`` in every place it applies,
    validated again (ConfigError when the combination is invalid, e.g. over the memory budget)."""
    varied = copy.deepcopy(dict(config))
    network = varied["network"]
    layers = network.get("layers", [])
    if setting == "init":
        network["init"] = {"kind": value}
        for layer in layers:
            layer["init"] = {"kind": value}
    elif setting == "activation":
        network["activation"] = value
        for layer in layers:
            layer["activation"], layer["activation_params"] = value, {}
    elif setting == "norm":
        network["norm"] = value
        for layer in layers:
            layer["norm"] = value
    elif setting == "residual_every":
        network["residual_every"] = int(value)
    elif setting == "optimizer":
        varied["optimizer"] = {"kind": value, "lr": varied["optimizer"]["lr"]}
    elif setting == "lr":
        varied["optimizer"]["lr"] = float(value)
    elif setting == "clipping":
        varied["clipping"] = {"kind": "none"} if value == "none" else {"kind": "norm", "max": float(value)}
    elif setting == "precision":
        varied["training"]["precision"] = value
    elif setting == "seed":
        varied["training"]["seed"] = int(value)
    elif setting == "source":
        if value != "current":
            raise ConfigError(
                "compare.values", "other_run", "{value!r} names another run, which the app opens", value=value
            )
    else:
        raise ConfigError("compare.setting", "unknown_setting", "cannot vary {value!r}", value=setting)
    return validate_config(varied)


def variant_configs(config: Mapping[str, Any], comparison: Comparison) -> list[dict[str, Any]]:
    """One validated config per value, in order (ConfigError names the value that fails)."""
    configs = []
    for i, value in enumerate(comparison.values):
        try:
            configs.append(vary(config, comparison.setting, value))
        except ConfigError as error:
            raise ConfigError(
                f"compare.values[{i}]",
                "bad_variant",
                "{value!r} makes an invalid config: {reason}",
                value=value,
                reason=str(error),
            ) from None
    return configs


def current_value(config: Mapping[str, Any], setting: str) -> Any:
    """The base config's value of ``setting`` (the Compare dialog offers it first)."""
    network, layers = config["network"], config["network"].get("layers") or [{}]
    first = layers[0]
    return {
        "init": (first.get("init") or network.get("init") or {}).get("kind"),
        "activation": first.get("activation", network.get("activation")),
        "norm": first.get("norm", network.get("norm", "none")),
        "residual_every": network.get("residual_every", 0),
        "optimizer": config["optimizer"]["kind"],
        "lr": config["optimizer"]["lr"],
        "clipping": config["clipping"].get("max", "none") if config["clipping"]["kind"] == "norm" else "none",
        "precision": config["training"]["precision"],
        "seed": config["training"]["seed"],
        "source": "current",
    }[setting]


class VariantSet:
    """The variants of a comparison: one Trainer each, and their comparison (what is varied).

    Stands in for the Trainer where :class:`WorkerCore` and the controller touch it
    (``step_count``, ``record_statistics_now``, ``config``), and pickles whole (the
    training process receives it and sends it back for sessions).
    """

    def __init__(
        self,
        base_config: Mapping[str, Any],
        comparison: Comparison,
        trainers: Sequence[Trainer] | None = None,
        factory: Callable[[Mapping[str, Any]], Trainer] = Trainer,
    ) -> None:
        self.config = dict(base_config)
        self.comparison = comparison
        if trainers is None:
            trainers = [factory(config) for config in variant_configs(base_config, comparison)]
        if len(trainers) != len(comparison.values):
            raise ValueError(f"{len(comparison.values)} values need as many trainers, got {len(trainers)}")
        self.trainers: list[Trainer] = list(trainers)

    @property
    def labels(self) -> tuple[str, ...]:
        return self.comparison.labels()

    @property
    def step_count(self) -> int:
        return min(trainer.step_count for trainer in self.trainers)

    def record_statistics_now(self) -> bool:
        """Every variant takes the statistics sample of this step (True if any had to)."""
        return any([trainer.record_statistics_now() for trainer in self.trainers])

    def step(self, statistics: bool = False) -> list[StepRecord]:
        """One lockstep: every variant takes its next step, in order (``statistics``: each
        takes the statistics sample, as the last step of a Step N does)."""
        return [trainer.step(statistics=statistics) for trainer in self.trainers]

    def clear_divergence(self) -> None:
        for trainer in self.trainers:
            trainer.clear_divergence()
