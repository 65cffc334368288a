"""The one JSON-able configuration of a training run, validated with messages that name the field.

``validate_config(raw)`` returns a *normalized* dict (every default filled in, the
``depth``/``width`` shorthand expanded into ``layers``): that dict is what sessions
save and what the app edits. Every error is a :class:`ConfigError` whose field
reads like ``network.layers[3].width`` (layers count from 1, as users do).
See docs/config.md for every key.
"""

from __future__ import annotations

import copy
import math
import sys
from collections.abc import Mapping
from typing import Any

from gradsim.engine.activations import make_activation
from gradsim.engine.budget import MemoryEstimate, check_memory
from gradsim.engine.clipping import validate_clipping
from gradsim.engine.datasets import DataShape, data_shape, validate_data_spec
from gradsim.engine.errors import ConfigError, shown
from gradsim.engine.initializers import validate_init_spec
from gradsim.engine.losses import LOSS_KINDS, default_loss_for_task
from gradsim.engine.network import PRECISIONS, LayerSpec, NetworkSpec
from gradsim.engine.normalization import NORM_KINDS
from gradsim.engine.optimizers import build_optimizer
from gradsim.engine.schedules import build_schedule

MAX_LAYERS = 200
MAX_WIDTH = 4096
#: Deepest nesting of objects and lists, the config itself being level 1 (a real config
#: has 5: config.network.layers[i].init). Deeper values are refused before any check
#: recurses through them, and a valid config always fits a session manifest (64 levels).
MAX_CONFIG_DEPTH = 32
_MEASURE_DEPTH_UP_TO = 10**6  # how far a too deep value is measured, for the message
TOP_LEVEL_KEYS = (
    "name",
    "description",
    "data",
    "network",
    "loss",
    "optimizer",
    "schedule",
    "clipping",
    "regularization",
    "training",
)
NETWORK_KEYS = (
    "layers",
    "depth",
    "width",
    "activation",
    "activation_params",
    "norm",
    "init",
    "bias_init",
    "residual_every",
    "output_init",
)
LAYER_KEYS = ("width", "activation", "activation_params", "norm", "init", "bias_init")
TRAINING_DEFAULTS: dict[str, Any] = {
    "batch_size": 32,
    "seed": 0,
    "precision": "float64",
    "diagnostics_every": 20,
    "checkpoint_every": 100,
    "lone_batch": "merge",
}
#: training.lone_batch: with BatchNorm, a last batch of one sample joins the previous batch
#: ("merge"), or is trained on alone as schema-1 sessions did ("keep", their migrated value).
LONE_BATCH_RULES = ("merge", "keep")
_SMALLEST_DATA = DataShape(n_train=1, n_test=0, input_dim=1, output_dim=1)  # a CSV before it is read


def validate_config(raw: Mapping[str, Any], *, memory: bool = True) -> dict[str, Any]:
    """Check every field and return the normalized configuration (a new dict).

    Then :func:`check_training_fits` on the data's shape as the spec gives it (a CSV's
    is known only from its file: the Trainer checks again with the real dataset).
    ``memory=False`` skips the memory budget (live edits of a run that already fits).
    """
    if not isinstance(raw, Mapping):
        raise ConfigError(
            "config", "not_an_object", "must be a JSON object, got {value}", value=type(raw).__name__
        )
    _check_values(raw)
    _no_unknown_keys(raw, TOP_LEVEL_KEYS, "config")
    config: dict[str, Any] = {
        "name": str(raw.get("name", "untitled")),
        "description": str(raw.get("description", "")),
        "data": validate_data_spec(raw.get("data", {"kind": "circles"})),
        "network": _validate_network(raw.get("network", {})),
        "optimizer": _validate_optimizer(raw.get("optimizer", {"kind": "sgd", "lr": 0.1})),
        "schedule": _validate_schedule(raw.get("schedule", {"kind": "constant"})),
        "clipping": _validate_clipping(raw.get("clipping", {"kind": "none"})),
        "regularization": _validate_regularization(raw.get("regularization", {})),
        "training": _validate_training(raw.get("training", {})),
    }
    loss = raw.get("loss", "auto")
    if loss != "auto" and loss not in LOSS_KINDS:
        raise ConfigError(
            "loss",
            "unknown_loss",
            "unknown loss '{value}'; choose auto, {allowed}",
            value=loss,
            allowed=", ".join(LOSS_KINDS),
        )
    config["loss"] = loss
    shape = data_shape(config["data"])
    _check_batchnorm_batches(config, shape)
    if memory:
        check_memory(config, shape or _SMALLEST_DATA)
    return config


def check_training_fits(config: Mapping[str, Any], shape: DataShape) -> MemoryEstimate:
    """BatchNorm's batch sizes and the memory budget on the real data (the Trainer calls it)."""
    _check_batchnorm_batches(config, shape)
    return check_memory(config, shape)


def _check_batchnorm_batches(config: Mapping[str, Any], shape: DataShape | None) -> None:
    """A batch of one sample gives BatchNorm zero variance: every gradient behind it is 0 and
    the running variance is dragged toward 0 (torch refuses such a batch). Mini-batches merge
    a last lone sample (Trainer); a batch size of 1 or a single training row is refused."""
    training = config["training"]
    if training["lone_batch"] == "keep" or all(l["norm"] != "batch" for l in config["network"]["layers"]):
        return
    if training["batch_size"] == 1:
        raise ConfigError(
            "training.batch_size",
            "batchnorm_batch_of_one",
            "BatchNorm needs at least 2 samples per training batch, got {value}",
            value=1,
        )
    if shape is not None and shape.n_train < 2:
        raise ConfigError(
            "data",
            "batchnorm_one_row",
            "BatchNorm needs at least 2 training rows, got {value}",
            value=shape.n_train,
        )


def network_spec(config: Mapping[str, Any], input_dim: int, output_dim: int, task: str) -> NetworkSpec:
    """The engine's NetworkSpec for a validated config and a dataset's shape."""
    net = config["network"]
    loss = config["loss"] if config["loss"] != "auto" else default_loss_for_task(task)
    _check_loss_fits_task(loss, task)
    layers = tuple(
        LayerSpec(
            width=layer["width"],
            activation=layer["activation"],
            activation_params=dict(layer["activation_params"]),
            norm=layer["norm"],
            init=dict(layer["init"]),
            bias_init=dict(layer["bias_init"]),
        )
        for layer in net["layers"]
    )
    return NetworkSpec(
        input_dim=input_dim,
        output_dim=output_dim,
        layers=layers,
        loss=loss,
        residual_every=net["residual_every"],
        output_init=dict(net["output_init"]),
        l1=config["regularization"]["l1"],
        l2=config["regularization"]["l2"],
        precision=config["training"]["precision"],
    )


def _check_loss_fits_task(loss: str, task: str) -> None:
    fits = {
        "bce": ("binary",),
        "softmax_ce": ("multiclass", "binary"),
        "mse": ("regression", "binary", "multiclass"),
    }
    if task not in fits[loss]:
        raise ConfigError(
            "loss", "loss_task_mismatch", "{loss} does not fit a {task} dataset", loss=loss, task=task
        )


# --------------------------------------------------------------------------- any value
def _check_values(raw: Mapping[str, Any]) -> None:
    """Refuse, before any field is checked, what the checks below cannot meet without an
    exception of their own: nesting past MAX_CONFIG_DEPTH (their messages show values,
    and ``repr`` recurses once per level) and integers beyond a float's range
    (``math.isfinite(10**400)`` raises OverflowError). Walked with a stack, not recursion.
    """
    stack: list[tuple[Any, int, tuple[Any, ...]]] = [(raw, 1, ())]
    while stack:
        value, depth, where = stack.pop()
        if isinstance(value, Mapping | list | tuple):
            if depth > MAX_CONFIG_DEPTH:
                raise ConfigError(
                    f"{_field_name(where)} (nesting depth)",
                    "too_deep",
                    "at most {limit}, got {value}",
                    limit=MAX_CONFIG_DEPTH,
                    value=depth - 1 + _depth(value),
                )
            items = value.items() if isinstance(value, Mapping) else enumerate(value, start=1)
            stack.extend((child, depth + 1, (where, key)) for key, child in items)
        elif _is_int(value) and not -_FLOAT_MAX <= value <= _FLOAT_MAX:
            raise ConfigError(
                _field_name(where),
                "not_finite",
                "must be a finite number, got {value}",
                value=_magnitude(value),
            )


_FLOAT_MAX = sys.float_info.max


def _depth(value: Any) -> int:
    """Levels of objects and lists in ``value`` (1 for a flat one), counted up to a cap."""
    deepest, stack = 0, [(value, 1)]
    while stack and deepest < _MEASURE_DEPTH_UP_TO:
        item, depth = stack.pop()
        if isinstance(item, Mapping | list | tuple):
            deepest = max(deepest, depth)
            children = item.values() if isinstance(item, Mapping) else item
            stack.extend((child, depth + 1) for child in children)
    return deepest


def _field_name(where: tuple[Any, ...]) -> str:
    """``network.layers[2].init`` from the walk's nested (parent, key) pairs, shortened."""
    parts: list[str] = []
    while where:
        where, key = where
        parts.append(f"[{key}]" if isinstance(key, int) else f".{key}")
    return shown("".join(reversed(parts)).lstrip(".") or "config", 80)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _magnitude(value: int) -> str:
    """An integer too large to print in full, as ``1e+400`` (mantissa and power of ten)."""
    power = math.floor(math.log10(abs(value)))
    mantissa = 10 ** (math.log10(abs(value)) - power)
    return f"{'-' if value < 0 else ''}{mantissa:.6g}e+{power}"


# --------------------------------------------------------------------------- network
def _validate_network(raw: Any) -> dict[str, Any]:
    if not isinstance(raw, Mapping):
        raise ConfigError("network", "not_an_object", "must be an object, got {value!r}", value=raw)
    _no_unknown_keys(raw, NETWORK_KEYS, "network")
    default_init = validate_init_spec(raw.get("init", {"kind": "he_normal"}), "network.init")
    default_bias = validate_init_spec(raw.get("bias_init", {"kind": "zeros"}), "network.bias_init")
    defaults = {
        "activation": raw.get("activation", "relu"),
        "activation_params": raw.get("activation_params", {}),
        "norm": raw.get("norm", "none"),
        "init": default_init,
        "bias_init": default_bias,
    }
    if "layers" in raw:
        if "depth" in raw or "width" in raw:
            raise ConfigError(
                "network", "layers_and_depth", "give either 'layers' or 'depth' and 'width', not both"
            )
        raw_layers = raw["layers"]
        if not isinstance(raw_layers, list):
            raise ConfigError(
                "network.layers", "not_a_list", "must be a list of layers, got {value!r}", value=raw_layers
            )
    else:
        depth = _int_in(raw.get("depth", 3), "network.depth", 0, MAX_LAYERS)
        width = _int_in(raw.get("width", 8), "network.width", 1, MAX_WIDTH)
        raw_layers = [{"width": width} for _ in range(depth)]
    if len(raw_layers) > MAX_LAYERS:
        raise ConfigError(
            "network.layers",
            "too_many_layers",
            "at most {limit} layers, got {value}",
            limit=MAX_LAYERS,
            value=len(raw_layers),
        )
    layers = [_validate_layer(layer, i + 1, defaults) for i, layer in enumerate(raw_layers)]
    residual = _int_in(raw.get("residual_every", 0), "network.residual_every", 0, MAX_LAYERS)
    output_init = validate_init_spec(raw.get("output_init", {"kind": "xavier_normal"}), "network.output_init")
    return {
        "layers": layers,
        "residual_every": residual,
        "output_init": output_init,
        "init": default_init,
        "bias_init": default_bias,
    }


def _validate_layer(raw: Any, number: int, defaults: Mapping[str, Any]) -> dict[str, Any]:
    where = f"network.layers[{number}]"
    if isinstance(raw, int) and not isinstance(raw, bool):
        raw = {"width": raw}
    if not isinstance(raw, Mapping):
        raise ConfigError(
            where, "not_an_object", 'must be an object like {{"width": 8}}, got {value!r}', value=raw
        )
    _no_unknown_keys(raw, LAYER_KEYS, where)
    if "width" not in raw:
        raise ConfigError(f"{where}.width", "missing", "is required")
    params = raw.get("activation_params", defaults["activation_params"])
    if not isinstance(params, Mapping):
        raise ConfigError(
            f"{where}.activation_params", "not_a_mapping", "must be a mapping, got {value!r}", value=params
        )
    layer = {
        "width": _int_in(raw["width"], f"{where}.width", 1, MAX_WIDTH),
        "activation": raw.get("activation", defaults["activation"]),
        "activation_params": dict(params),
        "norm": raw.get("norm", defaults["norm"]),
    }
    make_activation(layer["activation"], layer["activation_params"], f"{where}.activation")
    if layer["norm"] not in NORM_KINDS:
        raise ConfigError(
            f"{where}.norm",
            "unknown_norm",
            "unknown normalization '{value}'; choose one of {allowed}",
            value=layer["norm"],
            allowed=", ".join(NORM_KINDS),
        )
    layer["init"] = validate_init_spec(raw.get("init", defaults["init"]), f"{where}.init")
    layer["bias_init"] = validate_init_spec(raw.get("bias_init", defaults["bias_init"]), f"{where}.bias_init")
    if layer["bias_init"]["kind"] in ("identity", "orthogonal"):
        raise ConfigError(
            f"{where}.bias_init.kind",
            "bad_bias_init",
            "{value} makes no sense for a bias",
            value=layer["bias_init"]["kind"],
        )
    return layer


# --------------------------------------------------------------------------- the rest
def _validate_optimizer(raw: Any) -> dict[str, Any]:
    """The optimizer's own constructor validates; its settings come back complete."""
    _require_object(raw, "optimizer")
    return build_optimizer(raw, []).hyperparameters()


def _validate_schedule(raw: Any) -> dict[str, Any]:
    _require_object(raw, "schedule")
    return build_schedule(raw).to_spec()


def _validate_clipping(raw: Any) -> dict[str, Any]:
    _require_object(raw, "clipping")
    kind, limit = validate_clipping(raw)
    return {"kind": kind} if limit is None else {"kind": kind, "max": limit}


def _require_object(raw: Any, where: str) -> None:
    if not isinstance(raw, Mapping):
        raise ConfigError(where, "not_an_object", "must be an object, got {value!r}", value=raw)


def _validate_regularization(raw: Any) -> dict[str, float]:
    if not isinstance(raw, Mapping):
        raise ConfigError("regularization", "not_an_object", "must be an object, got {value!r}", value=raw)
    _no_unknown_keys(raw, ("l1", "l2"), "regularization")
    return {key: _float_at_least(raw.get(key, 0.0), f"regularization.{key}", 0.0) for key in ("l1", "l2")}


def _validate_training(raw: Any) -> dict[str, Any]:
    if not isinstance(raw, Mapping):
        raise ConfigError("training", "not_an_object", "must be an object, got {value!r}", value=raw)
    _no_unknown_keys(raw, tuple(TRAINING_DEFAULTS), "training")
    merged = {**TRAINING_DEFAULTS, **raw}
    batch = merged["batch_size"]
    merged["batch_size"] = 0 if batch in (None, "full") else _int_in(batch, "training.batch_size", 0, 10**6)
    merged["seed"] = _int_in(merged["seed"], "training.seed", 0, 2**63 - 1)
    if not isinstance(merged["precision"], str) or merged["precision"] not in PRECISIONS:
        raise ConfigError(
            "training.precision",
            "unknown_precision",
            "choose one of {allowed}, got {value!r}",
            value=merged["precision"],
            allowed=", ".join(PRECISIONS),
        )
    merged["diagnostics_every"] = _int_in(merged["diagnostics_every"], "training.diagnostics_every", 1, 10**6)
    merged["checkpoint_every"] = _int_in(merged["checkpoint_every"], "training.checkpoint_every", 1, 10**7)
    if merged["lone_batch"] not in LONE_BATCH_RULES:
        raise ConfigError(
            "training.lone_batch",
            "unknown_lone_batch",
            "choose one of {allowed}, got {value!r}",
            value=merged["lone_batch"],
            allowed=", ".join(LONE_BATCH_RULES),
        )
    return merged


def _no_unknown_keys(raw: Mapping[str, Any], allowed: tuple[str, ...], where: str) -> None:
    for key in raw:
        if key not in allowed:
            raise ConfigError(
                f"{where}.{key}",
                "unknown_key",
                "unknown setting; allowed: {allowed}",
                allowed=", ".join(allowed),
            )


def _int_in(value: Any, where: str, low: int, high: int) -> int:
    is_number = isinstance(value, (int, float)) and not isinstance(value, bool)
    if not is_number or not math.isfinite(value) or value != int(value):
        raise ConfigError(where, "not_an_integer", "must be an integer, got {value!r}", value=value)
    value = int(value)
    if not low <= value <= high:
        raise ConfigError(
            where,
            "out_of_range",
            "must be between {low} and {high}, got {value}",
            low=low,
            high=high,
            value=value if abs(value) < 10**18 else _magnitude(value),
        )
    return value


def _float_at_least(value: Any, where: str, low: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ConfigError(where, "not_a_number", "must be a finite number, got {value!r}", value=value)
    if value < low:
        raise ConfigError(where, "out_of_range", "must be >= {low}, got {value}", low=low, value=value)
    return float(value)


def with_changes(config: Mapping[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    """A validated copy of ``config`` with dotted-path ``changes`` applied (``optimizer.lr``)."""
    result = copy.deepcopy(dict(config))
    for path, value in changes.items():
        target = result
        *parents, last = path.split(".")
        for part in parents:
            target = target[part]
        target[last] = value
    return validate_config(result)
