"""Optimizers: one implementation trains networks and moves a point on a 2D landscape.

Every rule is the one ``torch.optim`` documents (PyTorch 2.x, "Algorithm" boxes of
``torch.optim.SGD``, ``Adagrad``, ``RMSprop``, ``Adam`` and ``AdamW``), so what a
student sees here is what they will see in PyTorch. The tests compare against
``torch.optim`` over 50 steps (relative error 1e-10 in float64).

Why the precision handling: parameters may be float64, float32 or float16.

* float64/float32: the optimizer state has the parameter's dtype, and every scalar
  (lr, betas, bias corrections) is cast to that dtype before it touches an array,
  because under numpy 2 an ``np.float64`` scalar would promote a float32 array to
  float64 (and triple the step time).
* float16: numpy has no fast float16 arithmetic and float16 moments underflow, so
  the state and the arithmetic are float32; the result is written back into the
  float16 parameter. That write really rounds: an update smaller than half a float16
  ulp of the parameter is lost, which is one of the things the app teaches.

``step`` updates the parameter arrays in place (same objects, same dtype) and never
writes into the caller's gradient arrays.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

import numpy as np

from gradsim.engine.errors import ConfigError

# --------------------------------------------------------------------------------------
# Validation helpers (also used by clipping.py and schedules.py)
# --------------------------------------------------------------------------------------


def _interval(low: float | None, high: float | None, low_open: bool, high_open: bool) -> str:
    left = "(" if low_open or low is None else "["
    right = ")" if high_open or high is None else "]"
    low_text = "-inf" if low is None else f"{low:g}"
    high_text = "inf" if high is None else f"{high:g}"
    return f"{left}{low_text}, {high_text}{right}"


def check_number(
    field: str,
    value: Any,
    *,
    low: float | None = None,
    high: float | None = None,
    low_open: bool = False,
    high_open: bool = False,
) -> float:
    """Return ``value`` as a float after checking it is a finite real in the interval.

    Error codes: ``not_a_number``, ``not_finite``, ``not_positive`` (interval (0, inf)),
    ``negative`` ([0, inf)), ``out_of_range`` (any other interval, ``{interval}`` given).
    """
    if isinstance(value, bool) or not isinstance(value, int | float | np.integer | np.floating):
        raise ConfigError(field, "not_a_number", "must be a number, got {value!r}", value=value)
    number = float(value)
    if not math.isfinite(number):
        raise ConfigError(field, "not_finite", "must be a finite number, got {value}", value=value)
    too_low = low is not None and (number <= low if low_open else number < low)
    too_high = high is not None and (number >= high if high_open else number > high)
    if not (too_low or too_high):
        return number
    if low == 0 and high is None:
        if low_open:
            raise ConfigError(field, "not_positive", "must be a positive number, got {value}", value=value)
        raise ConfigError(field, "negative", "must be zero or a positive number, got {value}", value=value)
    interval = _interval(low, high, low_open, high_open)
    raise ConfigError(
        field,
        "out_of_range",
        "must be in {interval}, got {value}",
        value=value,
        interval=interval,
        low=low,
        high=high,
    )


def check_int(field: str, value: Any, *, low: int = 0) -> int:
    """Return ``value`` as an int after checking it is an integer >= ``low`` (codes
    ``not_an_integer``, ``too_small``)."""
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        raise ConfigError(field, "not_an_integer", "must be an integer, got {value!r}", value=value)
    if value < low:
        raise ConfigError(
            field, "too_small", "must be an integer >= {low}, got {value}", value=value, low=low
        )
    return int(value)


def check_bool(field: str, value: Any) -> bool:
    """Return ``value`` after checking it is a bool (code ``not_a_boolean``)."""
    if not isinstance(value, bool | np.bool_):
        raise ConfigError(field, "not_a_boolean", "must be true or false, got {value!r}", value=value)
    return bool(value)


def check_keys(section: str, given: Mapping[str, Any], allowed: Sequence[str]) -> None:
    """Refuse keys that are not settings of this kind (code ``unknown_key``)."""
    for key in given:
        if key not in allowed:
            raise ConfigError(
                f"{section}.{key}",
                "unknown_key",
                "unknown setting; allowed: {allowed}",
                allowed=", ".join(allowed),
            )


def check_kind(section: str, spec: Mapping[str, Any], kinds: Sequence[str]) -> str:
    """Return ``spec["kind"]`` after checking it is one of ``kinds`` (codes ``missing``,
    ``unknown_kind``)."""
    if not isinstance(spec, Mapping):
        raise ConfigError(section, "not_a_mapping", "must be a mapping, got {value!r}", value=spec)
    if "kind" not in spec:
        raise ConfigError(
            f"{section}.kind", "missing", "is missing; allowed: {allowed}", allowed=", ".join(kinds)
        )
    kind = spec["kind"]
    if kind not in kinds:
        raise ConfigError(
            f"{section}.kind",
            "unknown_kind",
            "unknown kind {value!r}; allowed: {allowed}",
            value=kind,
            allowed=", ".join(kinds),
        )
    return kind


def _check_betas(value: Any) -> tuple[float, float]:
    field = "optimizer.betas"
    if isinstance(value, str | bytes) or not isinstance(value, Sequence) or len(value) != 2:
        raise ConfigError(
            field,
            "not_a_pair",
            "must be a pair of numbers [beta1, beta2], got {value!r}",
            value=value,
        )
    beta1 = check_number(f"{field}[0]", value[0], low=0.0, high=1.0, high_open=True)
    beta2 = check_number(f"{field}[1]", value[1], low=0.0, high=1.0, high_open=True)
    return beta1, beta2


# --------------------------------------------------------------------------------------
# Working storage: the parameters of one compute dtype as one flat array
# --------------------------------------------------------------------------------------


def _compute_dtype(param: np.ndarray) -> np.dtype:
    return np.dtype(np.float32) if param.dtype == np.float16 else param.dtype


def _filled(shape: tuple[int, ...], value: float, dtype: np.dtype) -> np.ndarray:
    return np.zeros(shape, dtype) if value == 0 else np.full(shape, value, dtype)


class _Slot:
    """The parameters of one dtype, seen by the update rules as one flat vector.

    Why flat: a rule is ~12 numpy calls, and on small arrays each call's fixed cost
    dominates; a 50-layer network has 102 parameter arrays, so a rule per array cost
    1200 calls per step (20% of a 50x64 Adam step, measured). Flat, a rule is 12 calls on
    one vector plus one call per array to gather the gradients and apply the update
    (torch's ``foreach`` implementation does the same). Elementwise the arithmetic is
    unchanged, so results are bit-identical to a rule per array.

    The state buffers, ``grad_buf`` and ``tmp`` are flat arrays of the compute dtype;
    ``state_views(name)`` gives each parameter's part in its shape. The parameters
    themselves stay the caller's arrays: a single parameter of the compute dtype is
    updated in place and keeps its shape (a landscape point; a block of racers, one per
    row, whose learning rates broadcast as a column); several are gathered and updated
    array by array; float16 ones through a float32 copy ``theta`` that is written back
    (the rounding is real, module docstring).
    """

    __slots__ = ("params", "members", "dtype", "theta", "grad_buf", "tmp", "state", "_views", "_direct")

    def __init__(
        self, params: Sequence[np.ndarray], members: list[int], names: Sequence[str], fill: Mapping[str, Any]
    ):
        self.params = list(params)
        self.members = members
        self.dtype = _compute_dtype(self.params[0])
        single = len(self.params) == 1
        # one parameter keeps its shape (a block of racers broadcasts one lr per row)
        shape = self.params[0].shape if single else (sum(p.size for p in self.params),)
        #: updated in place: the one parameter itself
        self._direct = single and self.params[0].dtype == self.dtype
        if self._direct:
            self.theta: np.ndarray | None = self.params[0]
        else:
            self.theta = np.empty(shape, self.dtype) if self.params[0].dtype != self.dtype else None
        self.grad_buf = np.empty(shape, self.dtype)
        self.tmp = np.empty(shape, self.dtype)
        # zero state through calloc (np.zeros): no page is touched until the first update
        self.state = {name: _filled(shape, fill.get(name, 0.0), self.dtype) for name in names}
        self._make_views()

    def _make_views(self) -> None:
        self._views = {name: self._split(buffer) for name, buffer in self.state.items()}
        self._views["tmp"] = self._split(self.tmp)
        if self.theta is not None and not self._direct:
            self._views["theta"] = self._split(self.theta)

    def __getstate__(self) -> dict[str, Any]:
        # The views are not kept: a copy or a pickle would turn each into an array of its
        # own, no longer a part of its flat buffer (the step would then add a stale ``tmp``
        # to the parameters). They are made again from the copied buffers.
        return {name: getattr(self, name) for name in self.__slots__ if name != "_views"}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            setattr(self, name, value)
        self._make_views()

    def _split(self, flat: np.ndarray) -> list[np.ndarray]:
        if len(self.params) == 1:
            return [flat]
        views, offset = [], 0
        for param in self.params:
            views.append(flat[offset : offset + param.size].reshape(param.shape))
            offset += param.size
        return views

    def owned_arrays(self) -> list[np.ndarray]:
        """The arrays this slot allocated (the memory estimate counts them)."""
        own = [self.grad_buf, self.tmp, *self.state.values()]
        return own + ([self.theta] if self.theta is not None and not self._direct else [])

    def state_views(self, name: str) -> list[np.ndarray]:
        """Each parameter's part of state buffer ``name``, in the parameter's shape."""
        return self._views[name]

    def load(self) -> None:
        """float16: fill the float32 copy the rule updates."""
        if self.theta is not None and not self._direct:
            for param, view in zip(self.params, self._views["theta"], strict=True):
                np.copyto(view, param)

    def grad(self, grads: Sequence[np.ndarray]) -> np.ndarray:
        """The gradients as the slot's vector of the compute dtype (the caller's array when
        there is one of the right dtype, else gathered into ``grad_buf``)."""
        if len(self.params) == 1:
            if grads[0].dtype == self.dtype:
                return grads[0]
            np.copyto(self.grad_buf, grads[0], casting="same_kind")
            return self.grad_buf
        np.concatenate(grads, axis=None, out=self.grad_buf, casting="same_kind")
        return self.grad_buf

    def add_coupled_decay(self, grad: np.ndarray, wd: Any) -> np.ndarray:
        """g + wd*theta (L2 penalty folded into the gradient), into ``grad_buf``."""
        if self.theta is not None:
            np.multiply(self.theta, wd, out=self.tmp)
        else:
            np.concatenate(self.params, axis=None, out=self.tmp)
            self.tmp *= wd
        return np.add(grad, self.tmp, out=self.grad_buf)

    def scale(self, factor: Any) -> None:
        """theta *= factor (AdamW's decoupled decay)."""
        if self.theta is not None:
            self.theta *= factor
        else:
            for param in self.params:
                param *= factor

    def add(self, delta: np.ndarray) -> None:
        """theta += delta, the step, into the parameters (``delta`` is ``tmp``)."""
        if self._direct:
            self.theta += delta
        elif self.theta is not None:
            self.theta += delta
            for param, view in zip(self.params, self._views["theta"], strict=True):
                np.copyto(param, view, casting="same_kind")
        else:
            for param, view in zip(self.params, self._views["tmp"], strict=True):
                param += view


_FLOAT64 = np.dtype(np.float64)
_FLOAT_DTYPES = (np.dtype(np.float16), np.dtype(np.float32), np.dtype(np.float64))


def _check_params(params: Sequence[np.ndarray]) -> list[np.ndarray]:
    checked = list(params)
    for index, param in enumerate(checked):
        if not isinstance(param, np.ndarray) or param.dtype not in _FLOAT_DTYPES:
            raise TypeError(f"params[{index}] must be a float16/32/64 numpy array")
        if not param.flags.writeable:
            raise ValueError(f"params[{index}] is read-only; the optimizer updates it in place")
    return checked


# --------------------------------------------------------------------------------------
# Base class
# --------------------------------------------------------------------------------------


class Optimizer:
    """Common machinery: validation, dtype handling, state save/load, the step loop.

    Subclasses declare ``kind``, ``defaults`` (every user-settable hyperparameter,
    ``lr`` included), optionally ``fixed`` (values implied by the kind), and implement
    ``_validate``, ``_state_names``, ``_constants`` and ``_update``.
    """

    kind: ClassVar[str]
    defaults: ClassVar[Mapping[str, Any]]
    fixed: ClassVar[Mapping[str, Any]] = {}
    display_names: ClassVar[Mapping[str, str]] = {}

    def __init__(self, params: Sequence[np.ndarray], lr: float | None = None, **hyper: Any):
        check_keys("optimizer", hyper, [key for key in self.defaults if key != "lr"])
        self.lr = check_number(
            "optimizer.lr", self.defaults["lr"] if lr is None else lr, low=0.0, low_open=True
        )
        merged = {**self.defaults, **self.fixed, **hyper}
        merged.pop("lr")
        self.hyper: dict[str, Any] = self._validate(merged)
        self.params: list[np.ndarray] = _check_params(params)
        self.step_count = 0
        fill = self._initial_fill()
        names = self._state_names()
        groups: dict[np.dtype, list[int]] = {}  # one slot per parameter dtype
        for index, param in enumerate(self.params):
            groups.setdefault(param.dtype, []).append(index)
        self._slots = [
            _Slot([self.params[i] for i in members], members, names, fill) for members in groups.values()
        ]
        #: where each parameter's state is: (slot, position in the slot)
        self._where = [(slot, k) for slot in self._slots for k in range(len(slot.members))]
        self._where.sort(key=lambda place: place[0].members[place[1]])
        self._shapes = [param.shape for param in self.params]
        self._cast: dict[np.dtype, dict[str, Any]] = {}
        self._cast_lr: float | None = None

    # -- to implement -------------------------------------------------------------------

    def _validate(self, hyper: dict[str, Any]) -> dict[str, Any]:
        raise NotImplementedError

    def _state_names(self) -> tuple[str, ...]:
        """Names of the per-parameter state buffers this configuration uses."""
        raise NotImplementedError

    def _initial_fill(self) -> dict[str, float]:
        """Initial value of state buffers that do not start at zero."""
        return {}

    def _constants(self, lr: float, t: int) -> dict[str, float]:
        """Python-float scalars of step ``t``; cast once per compute dtype by ``step``."""
        raise NotImplementedError

    def _update(self, slot: _Slot, grad: np.ndarray, c: dict) -> None:
        """One step of the rule on ``slot``'s flat parameters, with the flat gradient ``grad``
        (never written to) and the step's constants ``c`` in the slot's dtype."""
        raise NotImplementedError

    #: whether ``_constants`` depends on the step number (else they are cached per lr)
    constants_follow_step: ClassVar[bool] = False

    # -- public API ------------------------------------------------------------------

    def step(self, grads: Sequence[np.ndarray], lr: float | None = None) -> None:
        """Apply one update to every parameter, in place.

        ``lr`` overrides the base learning rate for this step only (a schedule feeds
        it; 0 is allowed, e.g. the end of a cosine schedule).
        """
        if len(grads) != len(self.params):
            raise ValueError(f"expected {len(self.params)} gradients, got {len(grads)}")
        step_lr = self.lr if lr is None else check_number("optimizer.lr", lr, low=0.0)
        grads = [grad if type(grad) is np.ndarray else np.asarray(grad) for grad in grads]
        if [grad.shape for grad in grads] != self._shapes:
            for index, (grad, shape) in enumerate(zip(grads, self._shapes, strict=True)):
                if grad.shape != shape:
                    raise ValueError(f"gradient {index} has shape {grad.shape}, parameter {shape}")
        with np.errstate(all="ignore"):  # non-finite gradients: the trainer reports them
            self.apply(grads, step_lr)

    def apply(self, grads: Sequence[np.ndarray], lr: float | np.ndarray) -> None:
        """``step`` without its checks, for a caller that checked once what it hands over
        (the landscape race: the same gradient arrays every step, learning rates validated
        up front), under the caller's floating-point error state. ``lr`` may also be an
        array broadcasting against the parameters, e.g. one learning rate per row when
        each row of a parameter is a different racer."""
        self.step_count += 1
        if self.constants_follow_step or type(lr) is not float:
            cast = self._cast_constants(self._constants(lr, self.step_count))
        elif lr == self._cast_lr:
            cast = self._cast
        else:  # cached for the last learning rate only: a schedule changes it
            cast = self._cast = self._cast_constants(self._constants(lr, self.step_count))
            self._cast_lr = lr
        if len(self._slots) == 1:  # the usual case, without a list per step
            slot = self._slots[0]
            slot.load()
            self._update(slot, slot.grad(grads), cast[slot.dtype])
            return
        for slot in self._slots:
            slot.load()
            self._update(slot, slot.grad([grads[i] for i in slot.members]), cast[slot.dtype])

    def _cast_constants(self, constants: dict[str, Any]) -> dict[np.dtype, dict[str, Any]]:
        """The step's constants in each compute dtype: a float64 scalar or array would
        promote a float32 array (module docstring). For float64 the Python floats and
        float64 arrays are used as they are (the same numbers, without the conversions)."""
        return {
            slot.dtype: constants
            if slot.dtype == _FLOAT64
            else {k: slot.dtype.type(v) for k, v in constants.items()}
            for slot in self._slots
        }

    def state_arrays(self, *, copy: bool = True) -> dict[str, np.ndarray]:
        """Copies of everything needed to resume bit-identically; with ``copy=False`` the
        live state as views (a session save writes them out before the next step: copying
        would double the state's memory and time for nothing).

        Names are ``"<buffer>.<param index>"`` (e.g. ``"exp_avg.0"``) plus ``"step"``,
        a 0-d int64 array.
        """
        arrays = {"step": np.array(self.step_count, dtype=np.int64)}
        for index, (slot, k) in enumerate(self._where):
            for name in slot.state:
                view = slot.state_views(name)[k]
                arrays[f"{name}.{index}"] = view.copy() if copy else view
        return arrays

    def slot_state_arrays(self) -> dict[str, np.ndarray]:
        """The live state as whole buffers, as a session saves it (schema 5): ``"step"`` and
        ``"slot<j>.<buffer>"``, slot ``j``'s flat buffer (one slot per parameter dtype, in
        the order of the parameters). One array per buffer instead of one per parameter, so
        that opening can take the array it read as the buffer instead of copying it part by
        part (:meth:`load_state_arrays`). Valid until the next step."""
        arrays = {"step": np.array(self.step_count, dtype=np.int64)}
        for j, slot in enumerate(self._slots):
            arrays.update({f"{SLOT_PREFIX}{j}.{name}": buffer for name, buffer in slot.state.items()})
        return arrays

    def load_state_arrays(self, arrays: Mapping[str, np.ndarray], *, adopt: bool = False) -> None:
        """Restore ``state_arrays()`` (copied into each parameter's part) or
        ``slot_state_arrays()`` output; all names and shapes are checked first (against the
        live state, not a copy of it: opening a session spent a third of its rebuild copying
        the state only to read its shapes). With ``adopt`` the caller hands the arrays over:
        a whole buffer that owns its memory, C-contiguous, aligned and of the slot's dtype
        becomes the slot's buffer (a session's member as read; copying it faulted in every
        page of the buffer a second time), others are copied."""
        whole = any(name.startswith(SLOT_PREFIX) for name in arrays)
        expected = self.slot_state_arrays() if whole else self.state_arrays(copy=False)
        for name in arrays:
            if name not in expected:
                raise ConfigError(
                    f"optimizer.state.{name}",
                    "state_unexpected",
                    "is not part of this optimizer's state; expected: {expected}",
                    expected=", ".join(expected),
                )
        for name, reference in expected.items():
            _check_state_array(name, arrays.get(name), reference)
        self.step_count = int(arrays["step"])
        if whole:
            self._load_whole(arrays, adopt)
            return
        for index, (slot, k) in enumerate(self._where):
            for name in slot.state:
                np.copyto(slot.state_views(name)[k], arrays[f"{name}.{index}"], casting="same_kind")

    def _load_whole(self, arrays: Mapping[str, np.ndarray], adopt: bool) -> None:
        taken: set[int] = set()  # one array given for two buffers: the second is copied
        for j, slot in enumerate(self._slots):
            for name in slot.state:
                source = arrays[f"{SLOT_PREFIX}{j}.{name}"]
                if adopt and id(source) not in taken and _adoptable(source, slot.dtype):
                    taken.add(id(source))
                    source.setflags(write=True)
                    slot.state[name] = source
                else:
                    np.copyto(slot.state[name], source, casting="same_kind")
            slot._make_views()

    def display_state(self, index: int = 0) -> dict[str, np.ndarray]:
        """Copies of parameter ``index``'s state for the landscape overlays
        (``{"velocity": ...}`` for momentum, ``{"exp_avg": ..., "exp_avg_sq": ...}``...)."""
        return {name: view.copy() for name, view in self.state_buffers(index).items()}

    def state_buffers(self, index: int = 0) -> dict[str, np.ndarray]:
        """Parameter ``index``'s state under its display names, as live views (read them,
        do not write: a race records them every step without copying twice)."""
        slot, k = self._where[index]
        return {self.display_names.get(name, name): slot.state_views(name)[k] for name in slot.state}

    def hyperparameters(self) -> dict[str, Any]:
        """JSON-able settings: ``build_optimizer(opt.hyperparameters(), params)`` rebuilds it."""
        settings: dict[str, Any] = {"kind": self.kind, "lr": self.lr}
        for key in self.defaults:
            if key != "lr":
                value = self.hyper[key]
                settings[key] = list(value) if isinstance(value, tuple) else value
        return settings

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.hyperparameters()})"


#: ``slot<j>.<buffer>``: a slot's whole state buffer (:meth:`Optimizer.slot_state_arrays`)
SLOT_PREFIX = "slot"


def _adoptable(array: Any, dtype: np.dtype) -> bool:
    """An array that can become a state buffer as it is: its own memory, laid out as the
    slot's buffers (C order, aligned, native dtype) and the slot's dtype."""
    if type(array) is not np.ndarray or array.dtype != dtype:
        return False
    flags = array.flags
    return flags.owndata and flags.c_contiguous and flags.aligned


def _check_state_array(name: str, array: Any, reference: np.ndarray) -> None:
    field = f"optimizer.state.{name}"
    if array is None:
        raise ConfigError(field, "state_missing", "is missing from the saved optimizer state")
    array = np.asarray(array)
    if array.shape != reference.shape:
        raise ConfigError(
            field,
            "state_shape",
            "has shape {shape}, expected {expected}",
            shape=array.shape,
            expected=reference.shape,
        )
    wanted = "iu" if name == "step" else "fiu"
    if array.dtype.kind not in wanted or (name == "step" and int(array) < 0):
        raise ConfigError(field, "state_dtype", "has an unusable type {dtype}", dtype=str(array.dtype))


# --------------------------------------------------------------------------------------
# SGD family
# --------------------------------------------------------------------------------------


class SGD(Optimizer):
    """Stochastic gradient descent with optional momentum, dampening, Nesterov, L2.

    torch.optim.SGD (docs "Algorithm"), with g_t the gradient, mu the momentum,
    tau the dampening, lambda the weight decay, gamma the learning rate::

        g_t = g_t + lambda * theta_{t-1}                  (if lambda != 0)
        b_t = g_t                                          (t = 1)
        b_t = mu * b_{t-1} + (1 - tau) * g_t               (t > 1)
        g_t = g_t + mu * b_t  (Nesterov)  or  g_t = b_t    (if mu != 0)
        theta_t = theta_{t-1} - gamma * g_t

    Nesterov needs mu > 0 and tau = 0, as in torch.
    """

    kind = "sgd"
    defaults = {
        "lr": 1e-3,
        "momentum": 0.0,
        "dampening": 0.0,
        "nesterov": False,
        "weight_decay": 0.0,
    }
    display_names = {"momentum_buffer": "velocity"}

    def _validate(self, hyper: dict[str, Any]) -> dict[str, Any]:
        out = {
            "momentum": check_number(
                "optimizer.momentum", hyper["momentum"], low=0.0, high=1.0, high_open=True
            ),
            "dampening": check_number("optimizer.dampening", hyper["dampening"], low=0, high=1),
            "nesterov": check_bool("optimizer.nesterov", hyper["nesterov"]),
            "weight_decay": check_number("optimizer.weight_decay", hyper["weight_decay"], low=0),
        }
        if out["nesterov"] and out["momentum"] == 0:
            raise ConfigError(
                "optimizer.momentum",
                "nesterov_needs_momentum",
                "Nesterov momentum needs momentum > 0, got {value}",
                value=out["momentum"],
            )
        if out["nesterov"] and out["dampening"] != 0:
            raise ConfigError(
                "optimizer.dampening",
                "nesterov_needs_zero_dampening",
                "Nesterov momentum needs dampening 0, got {value}",
                value=out["dampening"],
            )
        return out

    def _state_names(self) -> tuple[str, ...]:
        return ("momentum_buffer",) if self.hyper["momentum"] != 0 else ()

    def _constants(self, lr: float, t: int) -> dict[str, float]:
        h = self.hyper
        return {
            "neg_lr": -lr,
            "mu": h["momentum"],
            "keep": 1.0 - h["dampening"],
            "wd": h["weight_decay"],
        }

    def _update(self, slot: _Slot, grad: np.ndarray, c: dict) -> None:
        h, tmp = self.hyper, slot.tmp
        if h["weight_decay"] != 0:
            grad = slot.add_coupled_decay(grad, c["wd"])
        direction = grad
        if h["momentum"] != 0:
            direction = self._momentum(slot, grad, c)
        np.multiply(direction, c["neg_lr"], out=tmp)
        slot.add(tmp)

    def _momentum(self, slot: _Slot, grad: np.ndarray, c: dict) -> np.ndarray:
        buf, tmp = slot.state["momentum_buffer"], slot.tmp
        if self.step_count == 1:
            np.copyto(buf, grad)
        else:
            buf *= c["mu"]
            if self.hyper["dampening"] != 0:
                np.multiply(grad, c["keep"], out=tmp)
                buf += tmp
            else:
                buf += grad
        if not self.hyper["nesterov"]:
            return buf
        np.multiply(buf, c["mu"], out=tmp)
        return np.add(grad, tmp, out=tmp)


class Momentum(SGD):
    """SGD with heavy-ball momentum (torch.optim.SGD, momentum 0.9 by default).

    b_t = mu*b_{t-1} + (1 - tau)*g_t (b_1 = g_1); theta_t = theta_{t-1} - gamma*b_t.
    """

    kind = "momentum"
    defaults = {"lr": 1e-3, "momentum": 0.9, "dampening": 0.0, "weight_decay": 0.0}
    fixed = {"nesterov": False}


class Nesterov(SGD):
    """SGD with Nesterov momentum (torch.optim.SGD, nesterov=True, momentum 0.9).

    b_t = mu*b_{t-1} + g_t (b_1 = g_1); theta_t = theta_{t-1} - gamma*(g_t + mu*b_t).
    """

    kind = "nesterov"
    defaults = {"lr": 1e-3, "momentum": 0.9, "weight_decay": 0.0}
    fixed = {"nesterov": True, "dampening": 0.0}


# --------------------------------------------------------------------------------------
# Adaptive methods
# --------------------------------------------------------------------------------------


class Adagrad(Optimizer):
    """Adagrad (Duchi et al. 2011), exactly torch.optim.Adagrad::

        g_t = g_t + lambda * theta_{t-1}                  (if lambda != 0)
        clr = gamma / (1 + (t - 1) * eta)                 (eta = lr_decay)
        sum_t = sum_{t-1} + g_t^2                         (sum_0 = initial_accumulator_value)
        theta_t = theta_{t-1} - clr * g_t / (sqrt(sum_t) + eps)

    With eps = 1e-10 and sum_0 = 0 the first step is ~ gamma * sign(g).
    """

    kind = "adagrad"
    constants_follow_step = True  # the learning rate decays with t
    defaults = {
        "lr": 1e-2,
        "lr_decay": 0.0,
        "weight_decay": 0.0,
        "initial_accumulator_value": 0.0,
        "eps": 1e-10,
    }

    def _validate(self, hyper: dict[str, Any]) -> dict[str, Any]:
        init = "initial_accumulator_value"
        return {
            "lr_decay": check_number("optimizer.lr_decay", hyper["lr_decay"], low=0),
            "weight_decay": check_number("optimizer.weight_decay", hyper["weight_decay"], low=0),
            init: check_number(f"optimizer.{init}", hyper[init], low=0),
            "eps": check_number("optimizer.eps", hyper["eps"], low=0, low_open=True),
        }

    def _state_names(self) -> tuple[str, ...]:
        return ("sum",)

    def _initial_fill(self) -> dict[str, float]:
        return {"sum": self.hyper["initial_accumulator_value"]}

    def _constants(self, lr: float, t: int) -> dict[str, float]:
        h = self.hyper
        clr = lr / (1 + (t - 1) * h["lr_decay"])
        return {"neg_clr": -clr, "eps": h["eps"], "wd": h["weight_decay"]}

    def _update(self, slot: _Slot, grad: np.ndarray, c: dict) -> None:
        total, tmp = slot.state["sum"], slot.tmp
        if self.hyper["weight_decay"] != 0:
            grad = slot.add_coupled_decay(grad, c["wd"])
        np.multiply(grad, grad, out=tmp)
        total += tmp
        np.sqrt(total, out=tmp)
        tmp += c["eps"]
        np.divide(grad, tmp, out=tmp)
        tmp *= c["neg_clr"]
        slot.add(tmp)


class RMSprop(Optimizer):
    """RMSprop (Hinton's lecture 6e), exactly torch.optim.RMSprop::

        g_t = g_t + lambda * theta_{t-1}                  (if lambda != 0)
        v_t = alpha * v_{t-1} + (1 - alpha) * g_t^2
        centered:  a_t = alpha * a_{t-1} + (1 - alpha) * g_t;  v~_t = v_t - a_t^2
        denom = sqrt(v~_t) + eps                          (v~_t = v_t if not centered)
        momentum > 0:  b_t = mu * b_{t-1} + g_t / denom;  theta_t = theta_{t-1} - gamma * b_t
        otherwise:     theta_t = theta_{t-1} - gamma * g_t / denom

    No bias correction, so the first step is ~ gamma / sqrt(1 - alpha) = 10 gamma.
    One departure: v~_t is clamped at 0 before the square root, so that float rounding
    (v~ is >= 0 in exact arithmetic) cannot produce NaN where torch would.
    """

    kind = "rmsprop"
    defaults = {
        "lr": 1e-2,
        "alpha": 0.99,
        "eps": 1e-8,
        "weight_decay": 0.0,
        "momentum": 0.0,
        "centered": False,
    }

    def _validate(self, hyper: dict[str, Any]) -> dict[str, Any]:
        return {
            "alpha": check_number("optimizer.alpha", hyper["alpha"], low=0, high=1, high_open=True),
            "eps": check_number("optimizer.eps", hyper["eps"], low=0, low_open=True),
            "weight_decay": check_number("optimizer.weight_decay", hyper["weight_decay"], low=0),
            "momentum": check_number("optimizer.momentum", hyper["momentum"], low=0, high=1, high_open=True),
            "centered": check_bool("optimizer.centered", hyper["centered"]),
        }

    def _state_names(self) -> tuple[str, ...]:
        names = ["square_avg"]
        if self.hyper["centered"]:
            names.append("grad_avg")
        if self.hyper["momentum"] != 0:
            names.append("momentum_buffer")
        return tuple(names)

    def _constants(self, lr: float, t: int) -> dict[str, float]:
        h = self.hyper
        return {
            "neg_lr": -lr,
            "alpha": h["alpha"],
            "one_minus_alpha": 1 - h["alpha"],
            "eps": h["eps"],
            "mu": h["momentum"],
            "wd": h["weight_decay"],
        }

    def _update(self, slot: _Slot, grad: np.ndarray, c: dict) -> None:
        state, tmp = slot.state, slot.tmp
        if self.hyper["weight_decay"] != 0:
            grad = slot.add_coupled_decay(grad, c["wd"])
        square_avg = state["square_avg"]
        square_avg *= c["alpha"]
        np.multiply(grad, grad, out=tmp)
        tmp *= c["one_minus_alpha"]
        square_avg += tmp
        if self.hyper["centered"]:
            self._centered_denominator(state["grad_avg"], square_avg, grad, tmp, c)
        else:
            np.sqrt(square_avg, out=tmp)
        tmp += c["eps"]
        np.divide(grad, tmp, out=tmp)
        if self.hyper["momentum"] != 0:
            buf = state["momentum_buffer"]
            buf *= c["mu"]
            buf += tmp
            np.multiply(buf, c["neg_lr"], out=tmp)
        else:
            tmp *= c["neg_lr"]
        slot.add(tmp)

    @staticmethod
    def _centered_denominator(
        grad_avg: np.ndarray, square_avg: np.ndarray, grad: np.ndarray, out: np.ndarray, c: dict
    ) -> None:
        """out = sqrt(max(v - a^2, 0)) after a = alpha*a + (1-alpha)*g."""
        grad_avg *= c["alpha"]
        np.multiply(grad, c["one_minus_alpha"], out=out)
        grad_avg += out
        np.multiply(grad_avg, grad_avg, out=out)
        np.subtract(square_avg, out, out=out)
        np.maximum(out, 0, out=out)
        np.sqrt(out, out=out)


class Adam(Optimizer):
    """Adam (Kingma & Ba 2015), exactly torch.optim.Adam (L2 weight decay coupled)::

        g_t = g_t + lambda * theta_{t-1}                  (if lambda != 0)
        m_t = beta1 * m_{t-1} + (1 - beta1) * g_t
        v_t = beta2 * v_{t-1} + (1 - beta2) * g_t^2
        amsgrad:  v_t^max = max(v_{t-1}^max, v_t), used in place of v_t below
        bc1 = 1 - beta1^t;  bc2 = 1 - beta2^t
        theta_t = theta_{t-1} - (gamma / bc1) * m_t / (sqrt(v_t) / sqrt(bc2) + eps)

    The first step is gamma per coordinate (for any nonzero gradient). Kingma & Ba's
    bound gamma * (1 - beta1) / sqrt(1 - beta2) (~3.16 gamma with the defaults) holds
    only approximately: with steadily growing gradients a step can exceed it (5.4 gamma
    measured on a plateau); the provable Cauchy-Schwarz bound tends to ~7.3 gamma.
    Either way the step does not depend on the gradient's size: clipping does not
    limit Adam's step.
    """

    kind = "adam"
    constants_follow_step = True  # the bias corrections
    defaults = {
        "lr": 1e-3,
        "betas": (0.9, 0.999),
        "eps": 1e-8,
        "weight_decay": 0.0,
        "amsgrad": False,
    }
    decoupled: ClassVar[bool] = False

    def _validate(self, hyper: dict[str, Any]) -> dict[str, Any]:
        return {
            "betas": _check_betas(hyper["betas"]),
            "eps": check_number("optimizer.eps", hyper["eps"], low=0, low_open=True),
            "weight_decay": check_number("optimizer.weight_decay", hyper["weight_decay"], low=0),
            "amsgrad": check_bool("optimizer.amsgrad", hyper["amsgrad"]),
        }

    def _state_names(self) -> tuple[str, ...]:
        base = ("exp_avg", "exp_avg_sq")
        return (*base, "max_exp_avg_sq") if self.hyper["amsgrad"] else base

    def _constants(self, lr: float, t: int) -> dict[str, float]:
        h = self.hyper
        beta1, beta2 = h["betas"]
        bias_correction1 = 1 - beta1**t
        bias_correction2 = 1 - beta2**t
        return {
            "beta1": beta1,
            "one_minus_beta1": 1 - beta1,
            "beta2": beta2,
            "one_minus_beta2": 1 - beta2,
            "neg_step_size": -(lr / bias_correction1),
            "bc2_sqrt": bias_correction2**0.5,
            "eps": h["eps"],
            "wd": h["weight_decay"],
            "decay_factor": 1 - lr * h["weight_decay"],
        }

    def _update(self, slot: _Slot, grad: np.ndarray, c: dict) -> None:
        state, tmp = slot.state, slot.tmp
        if self.hyper["weight_decay"] != 0:
            if self.decoupled:
                slot.scale(c["decay_factor"])
            else:
                grad = slot.add_coupled_decay(grad, c["wd"])
        exp_avg, exp_avg_sq = state["exp_avg"], state["exp_avg_sq"]
        exp_avg *= c["beta1"]
        np.multiply(grad, c["one_minus_beta1"], out=tmp)
        exp_avg += tmp
        exp_avg_sq *= c["beta2"]
        np.multiply(grad, grad, out=tmp)
        tmp *= c["one_minus_beta2"]
        exp_avg_sq += tmp
        second = exp_avg_sq
        if self.hyper["amsgrad"]:
            second = np.maximum(state["max_exp_avg_sq"], exp_avg_sq, out=state["max_exp_avg_sq"])
        np.sqrt(second, out=tmp)
        tmp /= c["bc2_sqrt"]
        tmp += c["eps"]
        np.divide(exp_avg, tmp, out=tmp)
        tmp *= c["neg_step_size"]
        slot.add(tmp)


class AdamW(Adam):
    """AdamW (Loshchilov & Hutter 2019), exactly torch.optim.AdamW: Adam whose weight
    decay is decoupled from the gradient and applied first::

        theta_{t-1} = theta_{t-1} * (1 - gamma * lambda)
        ... then the Adam update above with g_t unchanged.
    """

    kind = "adamw"
    defaults = {**Adam.defaults, "weight_decay": 1e-2}
    decoupled = True


# --------------------------------------------------------------------------------------
# Registry
# --------------------------------------------------------------------------------------

_CLASSES: dict[str, type[Optimizer]] = {
    cls.kind: cls for cls in (SGD, Momentum, Nesterov, Adagrad, RMSprop, Adam, AdamW)
}
OPTIMIZER_KINDS: tuple[str, ...] = tuple(_CLASSES)


def optimizer_class(kind: str) -> type[Optimizer]:
    """The class implementing ``kind`` (ConfigError for an unknown kind)."""
    return _CLASSES[check_kind("optimizer", {"kind": kind}, OPTIMIZER_KINDS)]


def optimizer_defaults(kind: str) -> dict[str, Any]:
    """Default settings of ``kind`` (``lr`` included; pairs as lists), for building forms."""
    defaults = optimizer_class(kind).defaults
    return {key: list(v) if isinstance(v, tuple) else v for key, v in defaults.items()}


def build_optimizer(spec: Mapping[str, Any], params: Sequence[np.ndarray]) -> Optimizer:
    """Build from ``{"kind": "adam", "lr": 0.001, ...}``; missing settings take defaults."""
    cls = optimizer_class(check_kind("optimizer", spec, OPTIMIZER_KINDS))
    settings = {key: value for key, value in spec.items() if key != "kind"}
    return cls(params, **settings)


__all__: list[str] = [
    "OPTIMIZER_KINDS",
    "SGD",
    "Adagrad",
    "Adam",
    "AdamW",
    "Momentum",
    "Nesterov",
    "Optimizer",
    "RMSprop",
    "build_optimizer",
    "check_bool",
    "check_int",
    "check_keys",
    "check_kind",
    "check_number",
    "optimizer_class",
    "optimizer_defaults",
]
