"""The network builder's state and validation, without Qt.

The builder edits a *draft*: the normalized config (``validate_config`` output) in which
a number field may hold what the user typed when it is not a valid value yet (``0``,
``-1``, ``""``). Every edit replaces the draft with a new one (so an undo command just
stores two drafts), and :func:`validate_draft` checks it section by section, so every
section with a problem is named at once instead of only the first one:

* each settings section alone (``data``, ``optimizer``, ``schedule``, ``clipping``,
  ``regularization``, ``training``, ``loss``), the network settings, and each layer alone
  (its error field renumbered to the layer's place);
* then the whole config, the dataset it describes (a CSV file can fail to load) and
  whether the loss fits the dataset's task (as the trainer would find out).

Fields are addressed by *paths*: ``("network", "layers", 2, "width")`` is the width of
the third layer (the engine's message calls it ``network.layers[3].width``, counting
layers from 1 as users do).
"""

from __future__ import annotations

import copy
import json
import os
import re
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from gradsim.engine.activations import ACTIVATION_PARAMS
from gradsim.engine.config import network_spec, validate_config
from gradsim.engine.datasets import Dataset, dataset_defaults, make_dataset
from gradsim.engine.errors import ConfigError, DataError, GradsimError
from gradsim.engine.initializers import INIT_DEFAULTS
from gradsim.engine.optimizers import optimizer_defaults
from gradsim.engine.schedules import schedule_defaults

Path = tuple[Any, ...]
SETTINGS_SECTIONS = ("data", "optimizer", "schedule", "clipping", "regularization", "training")
DEFAULT_CLIP_MAX = 1.0
_PART = re.compile(r"([^.\[\]]+)|\[(-?\d+)\]")


def field_path(name: str) -> Path:
    """``"network.layers[3].width"`` -> ``("network", "layers", 2, "width")``.

    Layer numbers in messages count from 1; other indices (``betas[0]``) from 0.
    """
    parts: list[Any] = []
    for match in _PART.finditer(name):
        word, index = match.groups()
        if word is not None:
            parts.append(word)
        else:
            number = int(index)
            parts.append(number - 1 if parts and parts[-1] == "layers" else number)
    return tuple(parts)


def get_path(tree: Any, path: Path, default: Any = None) -> Any:
    node = tree
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return default
    return node


def with_path(tree: Mapping[str, Any], path: Path, value: Any) -> dict[str, Any]:
    """A deep copy of ``tree`` with ``path`` set to ``value``."""
    result = copy.deepcopy(dict(tree))
    node: Any = result
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = copy.deepcopy(value)
    return result


def config_to_draft(config: Mapping[str, Any]) -> dict[str, Any]:
    """The draft of a validated config: a copy, with a clipping limit kept for the form."""
    draft = copy.deepcopy(dict(config))
    draft["clipping"].setdefault("max", DEFAULT_CLIP_MAX)
    return draft


def layer_init_path(path: Path) -> Path:
    """Map a layer's init error path to the builder's single init form (all layers share it)."""
    if len(path) >= 4 and path[:2] == ("network", "layers") and path[3] in ("init", "bias_init"):
        return ("network", *path[3:])
    return path


# =========================================================================== datasets
class DatasetCache:
    """Built datasets by spec (and CSV modification time), so validation does not rebuild them."""

    def __init__(self, size: int = 4) -> None:
        self.size = size
        self._items: OrderedDict[str, Dataset | GradsimError] = OrderedDict()

    @staticmethod
    def _key(spec: Mapping[str, Any]) -> str:
        stamp: Any = None
        if spec.get("kind") == "csv":
            try:
                info = os.stat(spec["path"])
                stamp = (info.st_mtime_ns, info.st_size)
            except OSError:
                stamp = "missing"
        return json.dumps([spec, stamp], sort_keys=True, default=str)

    def get(self, spec: Mapping[str, Any]) -> Dataset:
        """The dataset of a validated spec; raises its DataError/ConfigError (also cached)."""
        key = self._key(spec)
        if key in self._items:
            self._items.move_to_end(key)
            item = self._items[key]
        else:
            try:
                item = make_dataset(spec)
            except (DataError, ConfigError) as error:
                item = error
            self._items[key] = item
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        if isinstance(item, GradsimError):
            raise item
        return item


# =========================================================================== validation
@dataclass
class Validation:
    """What the draft is worth: a validated config (None if anything is wrong), the errors
    by path (message in English, from the engine), and the dataset when it could be built."""

    config: dict[str, Any] | None
    errors: dict[Path, str] = field(default_factory=dict)
    dataset: Dataset | None = None

    @property
    def valid(self) -> bool:
        return self.config is not None and not self.errors


def _renumbered(error: ConfigError, number: int) -> tuple[Path, str]:
    """A layer validated alone says ``layers[1]``; put its real number back."""
    name = str(error.params.get("field", ""))
    fixed = name.replace("network.layers[1]", f"network.layers[{number}]", 1)
    params = {**error.params, "field": fixed}
    try:
        message = error.template.format(**params)
    except (KeyError, IndexError, ValueError):
        message = str(error).replace("network.layers[1]", f"network.layers[{number}]", 1)
    return field_path(fixed), message


def _record(errors: dict[Path, str], path: Path, message: str) -> None:
    errors.setdefault(path, message)


def _attempt(errors: dict[Path, str], raw: Mapping[str, Any], layer_number: int | None = None) -> bool:
    try:
        validate_config(raw)
    except ConfigError as error:
        if layer_number is not None:
            path, message = _renumbered(error, layer_number)
        else:
            path, message = field_path(str(error.params.get("field", ""))), str(error)
        _record(errors, path, message)
        return False
    return True


def validate_draft(draft: Mapping[str, Any], datasets: DatasetCache | None = None) -> Validation:
    """Check every section of ``draft``; see the module docstring."""
    datasets = datasets or DatasetCache()
    errors: dict[Path, str] = {}
    for section in SETTINGS_SECTIONS:
        _attempt(errors, {section: draft.get(section)})
    _attempt(errors, {"loss": draft.get("loss")})
    network = dict(draft.get("network", {}))
    layers = network.pop("layers", [])
    _attempt(errors, {"network": {**network, "layers": []}})
    for number, layer in enumerate(layers, start=1):
        _attempt(errors, {"network": {"layers": [layer]}}, layer_number=number)
    dataset = _dataset(errors, draft, datasets)
    if errors:
        return Validation(None, errors, dataset)
    try:
        config = validate_config(draft)
    except ConfigError as error:  # cross-section limits (e.g. too many layers)
        errors[field_path(str(error.params.get("field", "")))] = str(error)
        return Validation(None, errors, dataset)
    if dataset is not None:
        try:
            network_spec(config, dataset.input_dim, dataset.output_dim, dataset.task)
        except ConfigError as error:
            errors[field_path(str(error.params.get("field", "loss")))] = str(error)
    if dataset is None or errors:
        return Validation(None, errors, dataset)
    return Validation(config, {}, dataset)


def _dataset(errors: dict[Path, str], draft: Mapping[str, Any], datasets: DatasetCache) -> Dataset | None:
    """The dataset of the draft's data section, or None (with its error recorded)."""
    if any(path[:1] == ("data",) for path in errors):
        return None
    try:
        spec = validate_config({"data": draft["data"]})["data"]
        return datasets.get(spec)
    except ConfigError as error:
        _record(errors, field_path(str(error.params.get("field", "data"))), str(error))
    except DataError as error:
        _record(errors, ("data",), str(error))
    return None


# =========================================================================== edits
LAYER_DEFAULT: dict[str, Any] = {
    "width": 8,
    "activation": "relu",
    "activation_params": {},
    "norm": "none",
    "init": {"kind": "he_normal", "mode": "fan_in", "slope": 0.0},
    "bias_init": {"kind": "zeros"},
}
_SHARED_INITS = ("init", "bias_init")


def apply_edit(draft: Mapping[str, Any], path: Path, value: Any) -> dict[str, Any]:
    """``draft`` with one field changed, plus what that field implies.

    * The network's ``init``/``bias_init`` apply to every layer (the builder has one
      initializer form; a loaded config with per-layer initializers is overwritten by it).
    * A new activation starts with its own default parameters.
    """
    result = with_path(draft, path, value)
    network = result["network"]
    if len(path) >= 2 and path[0] == "network" and path[1] in _SHARED_INITS:
        for layer in network["layers"]:
            layer[path[1]] = copy.deepcopy(network[path[1]])
    if len(path) == 4 and path[:2] == ("network", "layers") and path[3] == "activation":
        network["layers"][path[2]]["activation_params"] = dict(ACTIVATION_PARAMS.get(value, {}))
    return result


def switch_kind(draft: Mapping[str, Any], section: Path, kind: str) -> dict[str, Any]:
    """``draft`` with the ``kind`` of ``section`` changed and its settings reset to that kind's
    defaults, keeping the settings that mean the same thing (learning rate, warmup, clipping
    limit, the data's noise, split and seed)."""
    old = get_path(draft, section, {}) or {}
    if section == ("optimizer",):
        new = {"kind": kind, **optimizer_defaults(kind)}
        new["lr"] = old.get("lr", new["lr"])
    elif section == ("schedule",):
        new = schedule_defaults(kind)
        new["warmup_steps"] = old.get("warmup_steps", 0)
    elif section == ("clipping",):
        new = {"kind": kind, "max": old.get("max", DEFAULT_CLIP_MAX)}
    elif section == ("data",):
        new = dataset_defaults(kind)
        for key in ("noise", "test_fraction", "seed"):
            if key in new and key in old:
                new[key] = old[key]
    elif section in (("network", "init"), ("network", "bias_init")):
        new = {"kind": kind, **copy.deepcopy(INIT_DEFAULTS[kind])}
    else:
        raise ValueError(f"no kind to switch at {section}")
    return apply_edit(draft, section, new)


def layers_of(draft: Mapping[str, Any]) -> list[dict[str, Any]]:
    return copy.deepcopy(list(draft["network"]["layers"]))


def with_layers(draft: Mapping[str, Any], layers: list[dict[str, Any]]) -> dict[str, Any]:
    return with_path(draft, ("network", "layers"), layers)


def new_layer(draft: Mapping[str, Any]) -> dict[str, Any]:
    """A layer like the last one (or the default layer with the network's initializers)."""
    layers = draft["network"]["layers"]
    if layers:
        return copy.deepcopy(layers[-1])
    layer = copy.deepcopy(LAYER_DEFAULT)
    for key in _SHARED_INITS:
        layer[key] = copy.deepcopy(draft["network"][key])
    return layer


def layer_operation(draft: Mapping[str, Any], operation: str, row: int) -> tuple[dict[str, Any], int]:
    """Apply a layer-table operation at ``row``; returns the new draft and the row to select.

    Operations: ``add`` (after ``row``, a copy of it; at the end if row < 0), ``remove``,
    ``duplicate``, ``up``, ``down``, ``all_width``, ``all_activation``, ``all_norm``
    (copy row's value to every layer).
    """
    layers = layers_of(draft)
    count = len(layers)
    inside = 0 <= row < count
    if operation == "add":
        at = row + 1 if inside else count
        layers.insert(at, copy.deepcopy(layers[row]) if inside else new_layer(draft))
        return with_layers(draft, layers), at
    if not inside:
        return dict(draft), row
    if operation == "remove":
        del layers[row]
        return with_layers(draft, layers), min(row, len(layers) - 1)
    if operation == "duplicate":
        layers.insert(row + 1, copy.deepcopy(layers[row]))
        return with_layers(draft, layers), row + 1
    if operation in ("up", "down"):
        other = row - 1 if operation == "up" else row + 1
        if not 0 <= other < count:
            return dict(draft), row
        layers[row], layers[other] = layers[other], layers[row]
        return with_layers(draft, layers), other
    if operation.startswith("all_"):
        keys = {
            "all_width": ("width",),
            "all_activation": ("activation", "activation_params"),
            "all_norm": ("norm",),
        }[operation]
        for layer in layers:
            for key in keys:
                layer[key] = copy.deepcopy(layers[row][key])
        return with_layers(draft, layers), row
    raise ValueError(f"unknown layer operation {operation!r}")


def field_name(path: Path) -> str:
    """The engine's name of a path: ``("network", "layers", 2, "width")`` -> ``network.layers[3].width``."""
    name = ""
    previous: Any = None
    for part in path:
        if isinstance(part, int):
            name += f"[{part + 1 if previous == 'layers' else part}]"
        else:
            name += f".{part}" if name else str(part)
        previous = part
    return name
