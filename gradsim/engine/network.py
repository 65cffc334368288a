"""A fully-connected network with exact backpropagation, in plain numpy.

Hidden layer i computes, on a batch ``a_prev`` of shape (n, fan_in)::

    z_i = a_prev @ W_i + b_i          (linear; (fan_in, width * pieces) weights)
    h_i = norm_i(z_i)                 (BatchNorm / LayerNorm / identity)
    f_i = act_i(h_i)                  (activation; maxout reduces pieces -> width)
    a_i = f_i + skip(a_{i-k})         (only at the end of a residual block of k layers)

and the output layer gives logits ``z_out = a_L @ W_out + b_out``. ``skip`` is the
identity when the widths match and a learned projection ``a @ P`` otherwise.

Precision: parameters, activations and gradients are *stored* in the network's
dtype. In float16 mode every stored array is rounded to float16 (so a gradient below
6e-8 really becomes 0, as on a half-precision accelerator) while the arithmetic is
done in float32, because numpy has no float16 matrix multiply.

The forward pass keeps what the diagnostics need (pre-activations, activations and
the backpropagated gradients per layer) in ``self.cache``: nothing is recomputed to
plot them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from gradsim.engine.activations import Activation, make_activation
from gradsim.engine.initializers import init_bias, init_weight
from gradsim.engine.losses import loss_and_grad, loss_value
from gradsim.engine.normalization import next_running, norm_backward, norm_forward

PRECISIONS: dict[str, np.dtype] = {
    "float64": np.dtype(np.float64),
    "float32": np.dtype(np.float32),
    "float16": np.dtype(np.float16),
}


@dataclass(frozen=True)
class LayerSpec:
    width: int
    activation: str = "relu"
    activation_params: dict[str, Any] = field(default_factory=dict)
    norm: str = "none"
    init: dict[str, Any] = field(
        default_factory=lambda: {"kind": "he_normal", "mode": "fan_in", "slope": 0.0}
    )
    bias_init: dict[str, Any] = field(default_factory=lambda: {"kind": "zeros"})


@dataclass(frozen=True)
class NetworkSpec:
    input_dim: int
    output_dim: int
    layers: tuple[LayerSpec, ...]
    loss: str = "bce"
    residual_every: int = 0
    output_init: dict[str, Any] = field(default_factory=lambda: {"kind": "xavier_normal", "gain": 1.0})
    l1: float = 0.0
    l2: float = 0.0
    precision: str = "float64"


@dataclass
class LayerCache:
    """What one forward/backward pass leaves behind for diagnostics, per hidden layer."""

    pre_activation: np.ndarray | None = None  # h_i: the activation's input
    activation: np.ndarray | None = None  # f_i: the activation's output
    output: np.ndarray | None = None  # a_i: the layer's output (after the residual add)
    grad_output: np.ndarray | None = None  # dL/da_i
    internals: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class _LayerNames:
    """The parameter names of hidden layer i, formatted once (the passes look them up per layer)."""

    W: str
    b: str
    gamma: str
    beta: str
    P: str | None  # the residual projection, if the layer has one
    learned: tuple[tuple[str, str], ...]  # (activation's short name, parameter name)

    @classmethod
    def of(cls, i: int, act: Activation, params: dict[str, np.ndarray]) -> _LayerNames:
        prefix = f"layers.{i}."
        learned = tuple((name, prefix + name) for name in act.n_learned(0))
        projection = prefix + "P" if prefix + "P" in params else None
        return cls(prefix + "W", prefix + "b", prefix + "gamma", prefix + "beta", projection, learned)


class Network:
    """Parameters in a named, ordered dict; gradients in a parallel dict of the same arrays' shapes."""

    def __init__(self, spec: NetworkSpec, rng: np.random.Generator) -> None:
        self.spec = spec
        self.dtype = PRECISIONS[spec.precision]
        self.compute_dtype = np.dtype(np.float32) if self.dtype == np.float16 else self.dtype
        self.activations: list[Activation] = [
            make_activation(layer.activation, layer.activation_params, f"layers[{i + 1}].activation")
            for i, layer in enumerate(spec.layers)
        ]
        self.params: dict[str, np.ndarray] = {}
        self.buffers: dict[str, np.ndarray] = {}
        self._skip_source: dict[int, int] = self._residual_blocks()
        self._build(rng)
        # np.zeros, not zeros_like: calloc'd pages are faulted in by the first backward pass,
        # not while a session opens (8,000 page faults of an open's ~14,000, measured)
        self.grads: dict[str, np.ndarray] = {k: np.zeros(v.shape, v.dtype) for k, v in self.params.items()}
        self.cache: list[LayerCache] = [LayerCache() for _ in spec.layers]
        self.input_grad: np.ndarray | None = None
        self._half = self.dtype == np.float16
        self._names = [_LayerNames.of(i, act, self.params) for i, act in enumerate(self.activations)]

    # ---------------------------------------------------------------- building
    def _residual_blocks(self) -> dict[int, int]:
        """Map the last layer of each residual block to its block input (-1 = the network input)."""
        k = self.spec.residual_every
        if k <= 0:
            return {}
        return {end: end - k for end in range(k - 1, len(self.spec.layers), k)}

    def _build(self, rng: np.random.Generator) -> None:
        fan_in = self.spec.input_dim
        for i, (layer, act) in enumerate(zip(self.spec.layers, self.activations, strict=True)):
            wide = layer.width * act.pieces
            self._add(f"layers.{i}.W", init_weight(layer.init, (fan_in, wide), rng))
            self._add(f"layers.{i}.b", init_bias(layer.bias_init, wide, rng))
            if layer.norm != "none":
                self._add(f"layers.{i}.gamma", np.ones(wide))
                self._add(f"layers.{i}.beta", np.zeros(wide))
            if layer.norm == "batch":
                self.buffers[f"layers.{i}.running_mean"] = np.zeros(wide, dtype=self.dtype)
                self.buffers[f"layers.{i}.running_var"] = np.ones(wide, dtype=self.dtype)
            for name, value in act.init_learned(layer.width, self.dtype).items():
                self._add(f"layers.{i}.{name}", value)
            if i in self._skip_source:
                source_width = self._width_of(self._skip_source[i])
                if source_width != layer.width:
                    proj = {"kind": "xavier_normal", "gain": 1.0}
                    self._add(f"layers.{i}.P", init_weight(proj, (source_width, layer.width), rng))
            fan_in = layer.width
        self._add("out.W", init_weight(self.spec.output_init, (fan_in, self.spec.output_dim), rng))
        self._add("out.b", np.zeros(self.spec.output_dim))

    def _width_of(self, index: int) -> int:
        return self.spec.input_dim if index < 0 else self.spec.layers[index].width

    def _add(self, name: str, value: np.ndarray) -> None:
        self.params[name] = np.ascontiguousarray(value, dtype=self.dtype)

    @property
    def depth(self) -> int:
        return len(self.spec.layers)

    def weight_names(self) -> list[str]:
        """Names of the matrices that L1/L2 penalize (weights and projections, not biases)."""
        return [n for n in self.params if n.endswith((".W", ".P"))]

    def n_parameters(self) -> int:
        return int(sum(p.size for p in self.params.values()))

    # ---------------------------------------------------------------- helpers
    def _c(self, array: np.ndarray) -> np.ndarray:
        """View a stored array (a parameter, a gradient) in the compute dtype: the array
        itself, except in float16 mode."""
        return array.astype(self.compute_dtype, copy=False) if self._half else array

    def _store(self, array: np.ndarray) -> np.ndarray:
        """Round to the storage precision (a no-op except in float16 mode), keep compute dtype."""
        if self._half:
            return array.astype(np.float16).astype(np.float32)
        return array

    # ---------------------------------------------------------------- forward
    def forward(
        self,
        x: np.ndarray,
        train: bool = True,
        rng: np.random.Generator | None = None,
        keep_cache: bool = True,
        collect: list[np.ndarray] | None = None,
        update_running: bool = True,
    ) -> np.ndarray:
        """Logits for a batch. ``train`` selects batch statistics and activation noise.

        ``collect`` (a list) receives every layer's pre-activation, e.g. to count dead
        units over the whole training set without disturbing the training cache.
        A training pass that keeps its cache updates BatchNorm's running statistics,
        unless ``update_running`` is False: then :meth:`next_running_statistics` gives
        the update and :meth:`set_buffers` applies it (after the trainer's checks).
        """
        network_input = a = self._store(x.astype(self.compute_dtype, copy=False))
        outputs: list[np.ndarray] = []
        params, half, compute = self.params, self._half, self.compute_dtype
        layers = zip(self.activations, self._names, self.spec.layers, strict=True)
        for i, (act, names, layer) in enumerate(layers):
            z = a @ self._c(params[names.W])
            z += self._c(params[names.b])
            if half:
                z = self._store(z)
            internals: dict[str, Any] = {"input": a}
            if layer.norm != "none":
                h, internals["norm"] = norm_forward(
                    layer.norm,
                    z,
                    self._c(params[names.gamma]),
                    self._c(params[names.beta]),
                    self._running(i),
                    train,
                    update_running=train and keep_cache and update_running,
                )
                h = self._store(h)
            else:
                h = z
            if collect is not None:
                collect.append(h)
            f, internals["act"] = act.forward(h, self._learned(i), rng, train)
            if f.dtype != compute:
                f = f.astype(compute)
            if half:
                f = self._store(f)
            out = f
            if i in self._skip_source:
                source = self._skip_source[i]
                skip_in = network_input if source < 0 else outputs[source]
                internals["skip_input"] = skip_in
                projected = skip_in @ self._c(params[names.P]) if names.P is not None else skip_in
                out = self._store(f + projected)
            outputs.append(out)
            if keep_cache:
                cache = self.cache[i]
                cache.pre_activation, cache.activation, cache.output = h, f, out
                cache.internals = internals
            a = out
        logits = a @ self._c(self.params["out.W"])
        logits += self._c(self.params["out.b"])
        logits = self._store(logits)
        if keep_cache:
            self._last_hidden = a
        return logits

    def _running(self, i: int) -> dict[str, np.ndarray] | None:
        if self.spec.layers[i].norm != "batch":
            return None
        return {
            "mean": self.buffers[f"layers.{i}.running_mean"],
            "var": self.buffers[f"layers.{i}.running_var"],
        }

    def next_running_statistics(self) -> dict[str, np.ndarray]:
        """The BatchNorm buffers after the last training forward pass, as new arrays
        (named like ``buffers``); nothing is written. Empty without BatchNorm."""
        result: dict[str, np.ndarray] = {}
        for i, layer in enumerate(self.spec.layers):
            if layer.norm != "batch":
                continue
            mean, var = next_running(self._running(i), self.cache[i].internals["norm"])
            result[f"layers.{i}.running_mean"] = mean
            result[f"layers.{i}.running_var"] = var
        return result

    def set_buffers(self, values: dict[str, np.ndarray]) -> None:
        """Write buffer values (e.g. from :meth:`next_running_statistics`) into the buffers."""
        for name, value in values.items():
            np.copyto(self.buffers[name], value)

    def _learned(self, i: int) -> dict[str, np.ndarray]:
        """The activation's learned parameters (PReLU's slopes) by short name; mostly none."""
        learned = self._names[i].learned
        return {short: self._c(self.params[name]) for short, name in learned} if learned else {}

    # ---------------------------------------------------------------- backward
    def backward(self, grad_logits: np.ndarray, input_grad: bool = True) -> None:
        """Fill ``self.grads`` from dL/dlogits, using the cache of the last training forward.

        ``input_grad=False`` skips dL/dx (``self.input_grad`` becomes None): training does
        not need it, and at the first layer it is one matrix product of its own."""
        params, half, compute = self.params, self._half, self.compute_dtype
        g = self._store(grad_logits.astype(compute, copy=False))
        self._weight_grad("out.W", self._last_hidden, g)
        self._bias_grad("out.b", g)
        grad_a = self._store(g @ self._c(params["out.W"]).T)
        pending: dict[int, np.ndarray] = {}
        for i in range(self.depth - 1, -1, -1):
            cache, names = self.cache[i], self._names[i]
            if i in pending:
                grad_a = self._store(grad_a + pending.pop(i))
            cache.grad_output = grad_a
            internals = cache.internals
            if i in self._skip_source:
                self._skip_backward(i, grad_a, internals["skip_input"], pending)
            grad_h, learned_grads = self.activations[i].backward(grad_a, internals["act"], self._learned(i))
            for short, name in names.learned:
                self._set_grad(name, learned_grads[short])
            if grad_h.dtype != compute:
                grad_h = grad_h.astype(compute)
            if half:
                grad_h = self._store(grad_h)
            if self.spec.layers[i].norm != "none":
                grad_z, grad_gamma, grad_beta = norm_backward(
                    grad_h, internals["norm"], self._c(params[names.gamma])
                )
                self._set_grad(names.gamma, grad_gamma)
                self._set_grad(names.beta, grad_beta)
                grad_z = self._store(grad_z)
            else:
                grad_z = grad_h
            self._weight_grad(names.W, internals["input"], grad_z)
            self._bias_grad(names.b, grad_z)
            if i or input_grad:
                grad_a = self._store(grad_z @ self._c(params[names.W]).T)
        if not input_grad:
            self.input_grad = None
            return
        if -1 in pending:
            grad_a = self._store(grad_a + pending.pop(-1))
        self.input_grad = grad_a

    def _skip_backward(
        self, i: int, grad_a: np.ndarray, skip_input: np.ndarray, pending: dict[int, np.ndarray]
    ) -> None:
        source = self._skip_source[i]
        name = f"layers.{i}.P"
        if name in self.params:
            self._set_grad(name, skip_input.T @ grad_a)
            grad_skip = grad_a @ self._c(self.params[name]).T
        else:
            grad_skip = grad_a
        pending[source] = pending[source] + grad_skip if source in pending else grad_skip

    def _weight_grad(self, name: str, a: np.ndarray, grad: np.ndarray) -> None:
        """dL/dW = a^T grad, written straight into the preallocated gradient when dtypes allow."""
        target = self.grads[name]
        if target.dtype == grad.dtype == a.dtype:
            np.matmul(a.T, grad, out=target)
        else:
            self._set_grad(name, a.T @ grad)

    def _bias_grad(self, name: str, grad: np.ndarray) -> None:
        target = self.grads[name]
        if target.dtype == grad.dtype:
            np.add.reduce(grad, axis=0, out=target)  # np.sum's reduction, without its wrapper
        else:
            self._set_grad(name, grad.sum(axis=0))

    def _set_grad(self, name: str, value: np.ndarray) -> None:
        # Casting into the preallocated array rounds to the storage dtype (float16 underflow).
        np.copyto(self.grads[name], value, casting="unsafe")

    # ---------------------------------------------------------------- loss
    def regularization(self) -> float:
        """L1 and L2 penalties: l1 * sum|W| + l2/2 * sum W^2 over weight matrices (coupled)."""
        total = 0.0
        for name in self.weight_names():
            w = self.params[name]
            if self.spec.l1:
                total += self.spec.l1 * float(np.sum(np.abs(w), dtype=np.float64))
            if self.spec.l2:
                total += 0.5 * self.spec.l2 * float(np.sum(np.square(w, dtype=np.float64)))
        return total

    def _add_regularization_grads(self) -> None:
        if not (self.spec.l1 or self.spec.l2):
            return
        for name in self.weight_names():
            w = self._c(self.params[name])
            extra = np.zeros_like(w)
            if self.spec.l1:
                extra += self.compute_dtype.type(self.spec.l1) * np.sign(w)
            if self.spec.l2:
                extra += self.compute_dtype.type(self.spec.l2) * w
            self._set_grad(name, self._c(self.grads[name]) + extra)

    def loss_and_gradients(
        self,
        x: np.ndarray,
        y: np.ndarray,
        rng: np.random.Generator | None = None,
        train: bool = True,
        update_running: bool = True,
        input_grad: bool = True,
    ) -> tuple[float, np.ndarray]:
        """One forward and backward pass: (data loss + penalty, logits); gradients in ``self.grads``
        (and dL/dx in ``self.input_grad`` unless ``input_grad`` is False)."""
        logits = self.forward(x, train=train, rng=rng, update_running=update_running)
        data_loss, grad_logits = loss_and_grad(self.spec.loss, logits, y)
        self.backward(grad_logits, input_grad)
        self._add_regularization_grads()
        return data_loss + self.regularization(), logits

    def evaluate(
        self, x: np.ndarray, y: np.ndarray, collect: list[np.ndarray] | None = None
    ) -> tuple[float, np.ndarray]:
        """Loss (without penalty) and logits in evaluation mode, leaving the training cache alone."""
        logits = self.forward(x, train=False, keep_cache=False, collect=collect)
        return loss_value(self.spec.loss, logits, y), logits

    def param_list(self) -> list[np.ndarray]:
        return list(self.params.values())

    def grad_list(self) -> list[np.ndarray]:
        return list(self.grads.values())
