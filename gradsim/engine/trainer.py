"""The training loop: one object every face drives (app worker, CLI, tests, notebooks).

``Trainer(config)`` builds the dataset, the network, the optimizer and the schedule
from a validated config. ``step()`` does one update and records the cheap scalars;
every ``training.diagnostics_every`` steps it also records the per-layer statistics.
``steps(n)`` is a generator of step records, so a worker can pause or cancel between
yields. ``snapshot()`` builds an immutable picture for the GUI at its own rate.

Determinism: one seeded ``numpy.random.Generator`` drives mini-batch order and
activation noise; initialization uses a second generator seeded from the same seed.
Same config and seed give bit-identical runs, and :mod:`gradsim.engine.state`
saves and restores everything (the generator's state included) so a resumed run
continues bit-identically.

Non-finite values: when the loss, a gradient or BatchNorm's new running statistics
would be NaN/Inf, the step is rejected: nothing changes (parameters, running statistics,
optimizer state, random generator, batch order and position, epoch) except the step
counter and the histories, which record the attempt; ``divergence`` records where it
happened first. The same step on the same state fails again (the learning rate does not
enter the failing forward and backward pass), so the user rewinds or undoes an edit to go on.

Statistics: the per-layer statistics, histograms and evaluation are a *sample* taken
every ``training.diagnostics_every`` steps (steps 1, 21, 41, ... by default), so after 1000
steps they would describe step 981. A pause must show the step it paused at:
``step(statistics=True)`` takes the sample on a step known to be the last before a pause
(Step N, a rewind's target), and :meth:`Trainer.record_statistics_now` takes it after the
fact (the user's pause, a trigger) from the pass the last step left in the network's cache.
A sample reads the parameters and that cache only: it draws nothing from the random
generator and changes no parameter, so a run that paused anywhere continues exactly as one
that never paused; it only adds a record to the statistics and evaluation histories.

Batches: a seeded shuffle per epoch. With BatchNorm a batch of one sample has zero
variance (every gradient behind it is 0), so ``training.lone_batch = "merge"`` (the
default) adds an epoch's last lone sample to the batch before it; ``"keep"`` is the
schema-1 behaviour that old sessions resume with. Memory: the config's estimate is
checked against the budget on the real dataset (:mod:`gradsim.engine.budget`), and a
MemoryError that still happens becomes :class:`~gradsim.engine.budget.OutOfMemoryError`,
one readable line with the estimate; a step that runs out of memory changes nothing.

Speed: ``step()`` and ``run()`` run numpy's BLAS single-threaded (measured here: 3.3x
faster on the small products of these networks than numpy's default of one thread per
core), scoped to the call: the caller's setting is back before ``step()`` or ``run()``
returns and whenever ``steps()`` yields (:class:`gradsim.engine.runtime.BlasScope`).
Opt out with ``trainer.blas_threads = None`` (or ``GRADSIM_BLAS_THREADS=off``). The first
Trainer of a process also tunes glibc's allocator as the CLI does (``GRADSIM_TUNE_ALLOCATOR=off``
skips it; :mod:`gradsim.engine.runtime`).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from gradsim.engine.budget import (
    CHECKPOINT_BYTES,
    EVALUATION_CAPACITY,
    EVALUATION_SAMPLES,
    MAX_CHECKPOINTS,
    MIN_CHECKPOINTS,
    STATS_CAPACITY,
    OutOfMemoryError,
)
from gradsim.engine.clipping import apply_clipping
from gradsim.engine.config import check_training_fits, network_spec, validate_config
from gradsim.engine.datasets import Dataset, DataShape, make_dataset
from gradsim.engine.diagnosis import (
    THRESHOLDS,
    Diagnosis,
    DiagnosisInput,
    blowup_onset,
    diagnose,
    first_nonfinite,
    rewind_target,
)
from gradsim.engine.diagnostics import (
    GRAD_LOG_RANGE,
    HISTOGRAM_RANGE,
    LAYER_STAT_NAMES,
    exact_zero_gradients,
    gradient_norms_per_layer,
    identical_units,
    layer_histograms,
    layer_statistics,
)
from gradsim.engine.errors import ConfigError
from gradsim.engine.history import SeriesHistory
from gradsim.engine.losses import accuracy, predictions
from gradsim.engine.network import Network, NetworkSpec
from gradsim.engine.optimizers import build_optimizer
from gradsim.engine.runtime import BlasScope, blas_thread_setting, tune_allocator_once
from gradsim.engine.schedules import build_schedule
from gradsim.engine.snapshot import Snapshot, frozen, frozen_dict

SCALAR_NAMES: tuple[str, ...] = ("loss", "grad_norm", "clipped", "learning_rate")
EVALUATION_NAMES: tuple[str, ...] = ("train_loss", "test_loss", "train_accuracy", "test_accuracy")
SNAPSHOT_WEIGHT_LIMIT = 50_000  # parameters; larger nets send no weight matrices to the diagram


@dataclass(frozen=True)
class StepRecord:
    """What one step did (cheap scalars only)."""

    step: int  # the number of completed steps after this one
    loss: float
    grad_norm: float
    clipped: bool
    learning_rate: float
    finite: bool


def _zero_initialized(spec: NetworkSpec) -> NetworkSpec:
    """``spec`` with every initializer "zeros": no random draw, and the zero pages
    stay untouched until the restored values are written (lazy allocation)."""
    zeros = {"kind": "zeros"}
    layers = tuple(dataclasses.replace(layer, init=zeros, bias_init=zeros) for layer in spec.layers)
    return dataclasses.replace(spec, layers=layers, output_init=zeros)


class Trainer:
    """A training run: config -> dataset, network, optimizer, schedule, histories."""

    def __init__(
        self,
        config: Mapping[str, Any],
        dataset: Dataset | None = None,
        *,
        initialize: bool = True,
        adopt: Mapping[str, np.ndarray] | None = None,
    ) -> None:
        """``initialize=False`` (for :func:`gradsim.engine.state.restore_trainer`, which
        overwrites them): parameters start at zero instead of a random draw, and no
        initial checkpoint is taken. ``adopt``: writeable arrays the network takes as its
        parameters where name, shape, dtype and C order fit (a session's, just read: not
        copied again); the caller checks their values."""
        self.config = validate_config(config)
        #: BLAS threads while this trainer computes; None leaves BLAS alone (module docstring)
        self.blas_threads: int | None = blas_thread_setting()
        tune_allocator_once()
        self.dataset = dataset if dataset is not None else make_dataset(self.config["data"])
        self.spec = network_spec(
            self.config, self.dataset.input_dim, self.dataset.output_dim, self.dataset.task
        )
        d = self.dataset
        shape = DataShape(len(d.x_train), len(d.x_test), d.input_dim, d.output_dim)
        self.memory = check_training_fits(self.config, shape)
        try:
            self._build(initialize, adopt or {})
        except MemoryError as error:
            raise OutOfMemoryError("building the network", self.memory) from error

    def _build(self, initialize: bool, adopt: Mapping[str, np.ndarray]) -> None:
        seed = self.config["training"]["seed"]
        build_spec = self.spec if initialize else _zero_initialized(self.spec)
        self.network = Network(build_spec, np.random.default_rng([seed, 1]))
        self.network.spec = self.spec
        for name, own in self.network.params.items():  # before the optimizer takes them
            given = adopt.get(name)
            if (
                given is not None
                and (given.shape, given.dtype) == (own.shape, own.dtype)
                and (given.flags.c_contiguous and given.flags.writeable)
            ):
                self.network.params[name] = given
        self.rng = np.random.default_rng([seed, 2])
        self.optimizer = build_optimizer(self.config["optimizer"], self.network.param_list())
        self.schedule = build_schedule(self.config["schedule"])
        self.step_count = 0
        self.epoch = 0
        self.batch_position = 0
        self.order = np.arange(len(self.dataset.x_train))
        self.merge_lone_batch = self.config["training"]["lone_batch"] == "merge" and any(
            layer.norm == "batch" for layer in self.spec.layers
        )
        self.divergence: dict[str, Any] | None = None
        self.last_record: StepRecord | None = None
        self.pass_step: int | None = None  # the step whose forward/backward pass is in the cache
        self._init_histories()
        self._init_checkpoints(take_first=initialize)

    # ------------------------------------------------------------------ setup
    def _init_histories(self) -> None:
        depth = self.network.depth
        self.scalars = SeriesHistory(len(SCALAR_NAMES))
        self.layer_grads = SeriesHistory(depth + 1)
        self.evaluation = SeriesHistory(len(EVALUATION_NAMES), capacity=EVALUATION_CAPACITY)
        self.stats_history = SeriesHistory(max(depth, 1) * len(LAYER_STAT_NAMES), capacity=STATS_CAPACITY)
        self.stats: np.ndarray | None = None
        self.histograms: dict[str, np.ndarray] = {}
        #: exactly-0 weight-gradient entries per layer at the last statistics sample (float16/32)
        self.zero_gradients: np.ndarray | None = None

    def _init_checkpoints(self, take_first: bool = True) -> None:
        size = sum(p.size for p in self.network.params.values()) * self.network.dtype.itemsize
        fitting = min(MAX_CHECKPOINTS, CHECKPOINT_BYTES // max(size, 1))
        self.max_checkpoints = int(max(MIN_CHECKPOINTS, fitting))
        self.checkpoint_every = self.config["training"]["checkpoint_every"]
        self.checkpoint_steps: list[int] = []
        self.checkpoints: list[np.ndarray] = []
        if take_first:
            self._checkpoint()

    # ------------------------------------------------------------------ data
    @property
    def batch_size(self) -> int:
        n = len(self.dataset.x_train)
        size = self.config["training"]["batch_size"]
        return n if size <= 0 or size >= n else size

    def _next_batch(self) -> tuple[np.ndarray, np.ndarray]:
        x, y = self.dataset.x_train, self.dataset.y_train
        n, size = len(x), self.batch_size
        if size == n:
            return x, y
        if self.batch_position == 0:
            self.order = self.rng.permutation(n)
        end = self.batch_position + size
        if self.merge_lone_batch and end == n - 1:
            end = n  # BatchNorm: the epoch's last lone sample joins this batch
        index = self.order[self.batch_position : end]
        self.batch_position = end
        if self.batch_position >= n:
            self.batch_position = 0
            self.epoch += 1
        return x[index], y[index]

    # ------------------------------------------------------------------ training
    def step(self, statistics: bool = False) -> StepRecord:
        """One update. Non-finite loss, gradient or running statistics: the step changes
        nothing but the counter and the histories, and ``divergence`` is set (module docstring).

        ``statistics=True`` takes the statistics sample on this step even off the cadence
        (the last step before a pause): the same sample, update ratios included."""
        with BlasScope(self.blas_threads):
            return self._step(statistics)

    def _step(self, statistics: bool) -> StepRecord:
        cadence = statistics or self.step_count % self.config["training"]["diagnostics_every"] == 0
        position = (self.rng.bit_generator.state, self.batch_position, self.epoch, self.order)
        self.pass_step = None
        try:
            before = self._weights_copy() if cadence else None
            loss, grads, layer_norms, report, running, logits = self._compute()
        except MemoryError as error:
            self._return_to(position)
            raise OutOfMemoryError(f"at step {self.step_count + 1}", self.memory) from error
        lr = float(self.schedule.lr_at(self.step_count, self.optimizer.lr))
        problem = first_nonfinite(
            loss,
            np.append(layer_norms, report.pre_clip_norm),
            self.step_count + 1,
            running,
            forward_finite=None if math.isfinite(loss) else self._forward_finite(logits),
        )
        if problem is None:
            self.optimizer.step(grads, lr=lr)
            self.network.set_buffers(running)
        else:
            self._return_to(position)
            if self.divergence is None:
                self.divergence = problem
        self.step_count += 1
        self.pass_step = self.step_count
        record = StepRecord(self.step_count, loss, report.pre_clip_norm, report.fired, lr, problem is None)
        self.scalars.append(self.step_count, (loss, report.pre_clip_norm, float(report.fired), lr))
        self.layer_grads.append(self.step_count, layer_norms)
        if cadence:
            self._record_statistics(before)
        if self.step_count % self.checkpoint_every == 0:
            self._checkpoint()
        self.last_record = record
        return record

    def _compute(self) -> tuple[float, list[np.ndarray], np.ndarray, Any, dict[str, np.ndarray], np.ndarray]:
        """Forward and backward on the next batch: (loss, gradients, per-layer gradient norms,
        clipping report, the running statistics this batch would give, logits); nothing applied."""
        x, y = self._next_batch()
        if self.batch_size == len(self.dataset.x_train):
            self.epoch += 1
        with np.errstate(all="ignore"):
            loss, logits = self.network.loss_and_gradients(
                x, y, rng=self.rng, train=True, update_running=False, input_grad=False
            )
            running = self.network.next_running_statistics()
            grads = self.network.grad_list()
            layer_norms, total_norm = gradient_norms_per_layer(self.network)
            report = apply_clipping(grads, self.config["clipping"], total_norm)
        return loss, grads, layer_norms, report, running, logits

    def _forward_finite(self, logits: np.ndarray) -> list[bool]:
        """Whether each hidden layer's output, then the logits, of the last pass are all finite."""
        outputs = [layer.output for layer in self.network.cache[: self.network.depth]]
        return [bool(a is None or np.isfinite(a).all()) for a in outputs] + [bool(np.isfinite(logits).all())]

    def _return_to(self, position: tuple[dict[str, Any], int, int, np.ndarray]) -> None:
        """Undo what drawing a batch changed: the generator (shuffle, activation noise),
        the position in the epoch, the epoch and its order."""
        rng_state, self.batch_position, self.epoch, self.order = position
        self.rng.bit_generator.state = rng_state

    def steps(self, n: int | None = None) -> Iterator[StepRecord]:
        """Yield after every step (forever when ``n`` is None): pause or cancel between yields."""
        done = 0
        while n is None or done < n:
            yield self.step()
            done += 1

    def run(self, n: int) -> StepRecord | None:
        """Run ``n`` steps; return the last record (one BLAS scope around them all)."""
        with BlasScope(self.blas_threads):
            for _ in range(n):
                self._step(False)
        return self.last_record if n else None

    def record_statistics_now(self) -> bool:
        """Take a statistics sample of the current step if the last one is older (at a pause).

        The sample is the cadence's (per-layer statistics and histograms from the pass of the
        last step, still in the network's cache, and the evaluation of the current
        parameters), except the update ratios, which need the weights before that step: they
        are NaN in this sample (``step(statistics=True)`` measures them when the pause is
        known in advance). Nothing else changes: no random draw, no parameter. Returns whether
        a sample was taken; none is when the last sample is of this step already, or when the
        cache does not hold this step's pass (a restored session, a rewind to a checkpoint,
        a weight edited since).
        """
        if self.step_count == 0 or self.pass_step != self.step_count:
            return False
        if self.last_statistics_step() >= self.step_count:
            return False
        self._record_statistics(None)
        return True

    def last_statistics_step(self) -> int:
        """The step of the newest statistics sample (-1 if none): every sample is evaluated."""
        history = self.evaluation
        return int(history.steps[history.count - 1]) if history.count else -1

    def _weights_copy(self) -> dict[str, np.ndarray]:
        return {
            f"layers.{i}.W": self.network.params[f"layers.{i}.W"].copy() for i in range(self.network.depth)
        }

    def _record_statistics(self, before: dict[str, np.ndarray] | None) -> None:
        pre_activations: list[np.ndarray] = []
        with np.errstate(all="ignore"):
            # the evaluation first: its pre-activations (more samples than a batch) give the
            # dead fractions, measured once
            evaluation = self.evaluate(collect=pre_activations, limit=EVALUATION_SAMPLES)
            self.stats = layer_statistics(self.network, before, dead_on=pre_activations)
            self.histograms = layer_histograms(self.network)
            self.zero_gradients = exact_zero_gradients(self.network)
        if self.network.depth:
            self.stats_history.append(self.step_count, self.stats.reshape(-1))
        self.evaluation.append(self.step_count, [evaluation[name] for name in EVALUATION_NAMES])

    def evaluate(self, collect: list[np.ndarray] | None = None, limit: int | None = None) -> dict[str, float]:
        """Loss and accuracy on the training and test sets, in evaluation mode.

        ``limit`` evaluates only the first ``limit`` samples of each set (the dataset's
        order is already random and fixed), which keeps the diagnostics cadence cheap.
        """
        d, kind = self.dataset, self.spec.loss
        n = limit or None
        x_train, y_train, x_test, y_test = d.x_train[:n], d.y_train[:n], d.x_test[:n], d.y_test[:n]
        with np.errstate(all="ignore"):
            train_loss, train_logits = self.network.evaluate(x_train, y_train, collect)
            result = {"train_loss": train_loss, "train_accuracy": accuracy(kind, train_logits, y_train)}
            if len(x_test):
                test_loss, test_logits = self.network.evaluate(x_test, y_test)
                result.update(test_loss=test_loss, test_accuracy=accuracy(kind, test_logits, y_test))
            else:
                result.update(test_loss=math.nan, test_accuracy=math.nan)
        return result

    # ------------------------------------------------------------------ checkpoints
    def _checkpoint(self) -> None:
        """Keep the flattened parameters every k steps; thin by half when full (PCA slices)."""
        if self.checkpoint_steps and self.checkpoint_steps[-1] == self.step_count:
            return
        if len(self.checkpoints) >= self.max_checkpoints:
            self.checkpoints = self.checkpoints[::2]
            self.checkpoint_steps = self.checkpoint_steps[::2]
            self.checkpoint_every *= 2
        self.checkpoints.append(self.flat_parameters())
        self.checkpoint_steps.append(self.step_count)

    def flat_parameters(self) -> np.ndarray:
        return np.concatenate([p.reshape(-1) for p in self.network.params.values()]).copy()

    # ------------------------------------------------------------------ live edits
    def set_learning_rate(self, lr: float) -> None:
        """Change the base learning rate from the next step (validated like the config)."""
        config = dict(self.config)
        config["optimizer"] = {**self.config["optimizer"], "lr": lr}
        self.config = validate_config(config, memory=False)
        self.optimizer.lr = self.config["optimizer"]["lr"]

    def set_clipping(self, spec: Mapping[str, Any]) -> None:
        config = dict(self.config)
        config["clipping"] = dict(spec)
        self.config = validate_config(config, memory=False)

    def set_weight(self, name: str, index: tuple[int, ...], value: float) -> None:
        """Edit one parameter entry (TensorFlow Playground's "what one bad weight does")."""
        if name not in self.network.params:
            raise ConfigError("weight.name", "unknown_parameter", "no parameter named {value!r}", value=name)
        array = self.network.params[name]
        if len(index) != array.ndim or not all(0 <= i < n for i, n in zip(index, array.shape, strict=True)):
            raise ConfigError(
                "weight.index",
                "bad_index",
                "index {value} is outside {shape}",
                value=list(index),
                shape=list(array.shape),
            )
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value):
            raise ConfigError(
                "weight.value", "not_a_number", "must be a finite number, got {value!r}", value=value
            )
        array[index] = value
        self.pass_step = None  # the cached pass no longer belongs to these weights

    def clear_divergence(self) -> None:
        self.divergence = None

    # ------------------------------------------------------------------ reading
    def diagnoses(self) -> list[Diagnosis]:
        window = int(THRESHOLDS["exploding_window"])
        recent = self.scalars.values_since(self.step_count - window)
        recent_norms = recent[:, SCALAR_NAMES.index("grad_norm")] if len(recent) else np.zeros(0)
        symmetric = tuple(i for i in range(self.network.depth) if identical_units(self.network, i))
        evidence = DiagnosisInput(
            layer_grad_norms=self.layer_grads.values_since(self.step_count - window + 1),
            recent_total_norms=recent_norms,
            stats=self.stats,
            stat_names=LAYER_STAT_NAMES,
            activations=tuple(layer.activation for layer in self.spec.layers),
            divergence=self.divergence,
            symmetric_layers=symmetric if self.step_count > 0 else (),
            # the sample of the current statistics (a rewind to step 0 clears both)
            zero_gradients=self.zero_gradients if self.stats is not None else None,
            precision=self.spec.precision,
        )
        found = diagnose(evidence)
        if found and found[0].code == "diverged":
            found[0] = Diagnosis("diverged", {**found[0].params, **self.blowup()})
        return found

    def blowup(self) -> dict[str, int]:
        """After a divergence: ``onset``, the step its blow-up began, and ``rewind_to``, the last
        checkpoint before it (:func:`gradsim.engine.diagnosis.rewind_target`); {} without one."""
        if not self.divergence:
            return {}
        step = int(self.divergence["step"])
        history = self.scalars.arrays("scalars")
        norms = history["scalars.last"][:, SCALAR_NAMES.index("grad_norm")]
        onset = blowup_onset(history["scalars.steps"], norms, step)
        return {"onset": onset, "rewind_to": rewind_target(onset, self.checkpoint_steps)}

    def decision_grid(self, resolution: int = 60, padding: float = 0.1) -> dict[str, np.ndarray]:
        """The network's prediction over the input plane (2D) or line (1D), for the decision map.

        2D: ``xs``, ``ys`` and ``values`` (resolution x resolution, indexed [x, y]); 1D: ``xs``
        and ``values`` (the fitted curve, one column per output). Other inputs: empty.
        """
        if self.dataset.input_dim == 1:
            return self._fit_curve(resolution * 4, padding)
        if self.dataset.input_dim != 2:
            return {}
        x = self.dataset.x_train
        low, high = x.min(axis=0), x.max(axis=0)
        span = np.maximum(high - low, 1e-9)
        low, high = low - padding * span, high + padding * span
        xs = np.linspace(low[0], high[0], resolution)
        ys = np.linspace(low[1], high[1], resolution)
        gx, gy = np.meshgrid(xs, ys, indexing="ij")
        points = np.column_stack([gx.ravel(), gy.ravel()])
        with np.errstate(all="ignore"):
            logits = self.network.forward(points, train=False, keep_cache=False).astype(np.float64)
        values = predictions(self.spec.loss, logits)
        if self.spec.loss == "softmax_ce":
            values = np.argmax(values, axis=1) + np.max(values, axis=1) * 0.999
        else:
            values = values[:, 0]
        return {"xs": xs, "ys": ys, "values": values.reshape(resolution, resolution)}

    def _fit_curve(self, resolution: int, padding: float) -> dict[str, np.ndarray]:
        x = self.dataset.x_train[:, 0]
        span = max(float(x.max() - x.min()), 1e-9)
        xs = np.linspace(x.min() - padding * span, x.max() + padding * span, resolution)
        with np.errstate(all="ignore"):
            logits = self.network.forward(xs[:, None], train=False, keep_cache=False).astype(np.float64)
        values = predictions(self.spec.loss, logits)
        return {"xs": xs, "values": values[:, 0] if values.shape[1] == 1 else values}

    def snapshot(self, include_decision: bool = True, include_matrices: bool = True) -> Snapshot:
        """An immutable picture of the run for the GUI (copies, read-only).

        ``include_matrices=False`` leaves out the weight and gradient matrices (small nets
        only ever carry them): the training loop refreshes them at the rate of the panels
        that draw them (:attr:`gradsim.runner.training_loop.Pacing.matrices_hz`)."""
        include_weights = include_matrices and self.network.n_parameters() <= SNAPSHOT_WEIGHT_LIMIT
        weights = (
            {k: v for k, v in self.network.params.items() if k.endswith(".W")} if include_weights else {}
        )
        grads = {k: v for k, v in self.network.grads.items() if k.endswith(".W")} if include_weights else {}
        data = {}
        if self.dataset.input_dim == 2 and include_decision or self.dataset.input_dim == 1:
            data = {"x": self.dataset.x_train, "y": self.dataset.y_train}
        record = self.last_record
        return Snapshot(
            step=self.step_count,
            epoch=self.epoch,
            loss=record.loss if record else math.nan,
            learning_rate=record.learning_rate if record else self.optimizer.lr,
            depth=self.network.depth,
            layer_widths=tuple(layer.width for layer in self.spec.layers),
            activations=tuple(layer.activation for layer in self.spec.layers),
            scalar_names=SCALAR_NAMES,
            scalars=self.scalars.arrays("scalars"),
            layer_grads=self.layer_grads.arrays("layer_grads"),
            evaluation_names=EVALUATION_NAMES,
            evaluation=self.evaluation.arrays("evaluation"),
            stat_names=LAYER_STAT_NAMES,
            stats=frozen(self.stats),
            stats_history=self.stats_history.arrays("stats", bands=False),  # drawn as last values only
            histograms=frozen_dict(self.histograms),
            histogram_ranges={
                "activation": HISTOGRAM_RANGE,
                "pre_activation": HISTOGRAM_RANGE,
                "log10_grad": GRAD_LOG_RANGE,
            },
            diagnoses=tuple(self.diagnoses()),
            divergence=dict(self.divergence) if self.divergence else None,
            weights=frozen_dict(weights),
            grads=frozen_dict(grads),
            decision=frozen_dict(self.decision_grid()) if include_decision else {},
            data=frozen_dict(data),
            task=self.dataset.task,
            train_samples=int(self.dataset.x_train.shape[0]),
        )
