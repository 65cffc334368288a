"""Frames sent as changes: decoded frames equal the frames sent, byte for byte, whatever the
histories did in between (rows appended, buckets merged, NaN/Inf, a rewind, a reset, a new
run), for a training frame and a comparison frame alike; a receiver that lost the base gets
nothing wrong and recovers with a whole frame; arrays handed on stay read-only."""

from __future__ import annotations

import dataclasses
import pickle

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from gradsim.engine.diagnosis import Diagnosis
from gradsim.engine.history import SeriesHistory
from gradsim.engine.snapshot import Snapshot, frozen, frozen_dict
from gradsim.runner.frame_delta import DeltaReceiver, DeltaSender, Tail, common_rows, decode, encode
from gradsim.runner.lockstep import ComparisonSnapshot
from gradsim.runner.training_loop import Frame
from gradsim.runner.training_process import PICKLE_PROTOCOL


def assert_same(sent: object, got: object, where: str = "frame") -> None:
    """Equal structure, arrays equal byte for byte (NaN and -0.0 included) and read-only."""
    if isinstance(sent, np.ndarray):
        assert isinstance(got, np.ndarray), where
        assert got.dtype == sent.dtype and got.shape == sent.shape, where
        assert got.tobytes() == sent.tobytes(), where
        assert not got.flags.writeable, f"{where} is writeable"
    elif dataclasses.is_dataclass(sent):
        assert type(got) is type(sent), where
        for item in dataclasses.fields(sent):
            assert_same(getattr(sent, item.name), getattr(got, item.name), f"{where}.{item.name}")
    elif isinstance(sent, dict):
        assert isinstance(got, dict) and got.keys() == sent.keys(), where
        for key in sent:
            assert_same(sent[key], got[key], f"{where}[{key!r}]")
    elif isinstance(sent, tuple):
        assert type(got) is type(sent) and len(got) == len(sent), where
        for i, (a, b) in enumerate(zip(sent, got, strict=True)):
            assert_same(a, b, f"{where}[{i}]")
    elif isinstance(sent, float) and np.isnan(sent):
        assert isinstance(got, float) and np.isnan(got), where
    else:
        assert got == sent, where


class Run:
    """The histories of a small fake run, snapshotted like Trainer.snapshot does."""

    def __init__(self, depth: int, capacity: int, seed: int) -> None:
        self.depth = depth
        self.step = 0
        self.rng = np.random.default_rng(seed)
        self.scalars = SeriesHistory(4, capacity)
        self.layer_grads = SeriesHistory(depth + 1, capacity)
        self.stats = SeriesHistory(depth * 3, capacity)
        self.weights = {f"layers.{i}.W": self.rng.normal(size=(3, 3)) for i in range(depth)}

    def advance(self, steps: int, special: float | None) -> None:
        for _ in range(steps):
            self.step += 1
            row = self.rng.normal(size=4)
            if special is not None and self.rng.random() < 0.3:
                row[self.rng.integers(4)] = special
            self.scalars.append(self.step, row)
            self.layer_grads.append(self.step, self.rng.lognormal(size=self.depth + 1))
            if self.step % 3 == 0:
                self.stats.append(self.step, self.rng.normal(size=self.depth * 3))
        self.weights = {name: w + 0.01 for name, w in self.weights.items()}

    def rewind(self, step: int) -> None:
        for history in (self.scalars, self.layer_grads, self.stats):
            history.truncate(step)
        self.step = step

    def snapshot(self, decision: dict[str, np.ndarray]) -> Snapshot:
        histogram = frozen(self.rng.integers(0, 9, size=(self.depth, 5)).astype(np.float64))
        return Snapshot(
            step=self.step,
            epoch=self.step // 10,
            loss=float("nan") if self.step % 7 == 0 else float(self.rng.random()),
            learning_rate=0.1,
            depth=self.depth,
            layer_widths=(3,) * self.depth,
            activations=("relu",) * self.depth,
            scalar_names=("loss", "grad_norm", "clipped", "learning_rate"),
            scalars=self.scalars.arrays("scalars"),
            layer_grads=self.layer_grads.arrays("layer_grads"),
            evaluation_names=(),
            evaluation={},
            stat_names=("a", "b", "c"),
            stats=frozen(self.rng.normal(size=(self.depth, 3))),
            stats_history=self.stats.arrays("stats"),
            histograms={"activation": histogram},
            histogram_ranges={"activation": (-3.0, 3.0)},
            diagnoses=(Diagnosis("vanishing", {"layers": [1, 2]}),),
            divergence={"what": "loss", "value": "NaN", "step": self.step} if self.step % 5 == 0 else None,
            weights=frozen_dict(self.weights),
            decision=decision,
        )


SPECIALS = st.sampled_from([None, float("nan"), float("inf"), float("-inf"), -0.0])
OPERATIONS = st.lists(
    st.one_of(
        st.tuples(st.just("advance"), st.integers(0, 40), SPECIALS),
        st.tuples(st.just("rewind"), st.floats(0, 1)),
        st.tuples(st.just("reset"), st.integers(1, 3)),
        st.tuples(st.just("lose_base")),
        st.tuples(st.just("new_decision")),
    ),
    min_size=1,
    max_size=30,
)


def _send(sender: DeltaSender, receiver: DeltaReceiver, frame: Frame) -> Frame | None:
    """Through the pipe as the process backend sends it (pickled); a lost base asks for a whole frame."""
    packed = pickle.loads(pickle.dumps(sender.pack(frame), protocol=PICKLE_PROTOCOL))
    got = receiver.unpack(packed)
    if got is None:
        sender.forget()
    return got


@given(OPERATIONS, st.integers(1, 3), st.sampled_from([2, 4, 8]), st.integers(1, 4), st.integers(0, 99))
def test_decoded_frames_equal_the_frames_sent(operations, depth, capacity, variants, seed):
    """Random histories (capacity 2-8, so buckets merge often), NaN/Inf/-0.0, rewinds, resets
    (a new run of another depth: new shapes), receivers that lost their base; one run or
    a comparison of ``variants`` runs (variants == 1: a training frame)."""
    runs = [Run(depth, capacity, seed + i) for i in range(variants)]
    decision = frozen_dict({"values": np.arange(6.0).reshape(2, 3)})
    sender, receiver = DeltaSender(small_bytes=0), DeltaReceiver()  # small arrays as changes too
    for serial, operation in enumerate(operations, start=1):
        kind = operation[0]
        if kind == "advance":
            for run in runs:
                run.advance(operation[1], operation[2])
        elif kind == "rewind":
            for run in runs:
                run.rewind(int(operation[1] * run.step))
        elif kind == "reset":
            runs = [Run(operation[1], capacity, seed + 10 + i) for i in range(variants)]
        elif kind == "lose_base":
            receiver = DeltaReceiver()  # e.g. a parent that dropped a frame
        else:
            decision = frozen_dict({"values": np.arange(6.0).reshape(2, 3) + serial})
        snapshots = tuple(run.snapshot(decision) for run in runs)
        content = snapshots[0]
        if variants > 1:
            content = ComparisonSnapshot(runs[0].step, "init", ("a",) * variants, snapshots)
        frame = Frame(content, 1.5, serial)  # type: ignore[arg-type]
        got = _send(sender, receiver, frame)
        if got is None:  # the lost base was noticed: the next frame comes whole and decodes
            assert kind == "lose_base"
            got = _send(sender, receiver, frame)
        assert got is not None
        assert_same(frame, got)


def test_histories_that_only_grew_travel_as_their_new_rows():
    run = Run(depth=2, capacity=64, seed=0)
    run.advance(30, None)
    decision = frozen_dict({"values": np.zeros((2, 3))})
    first = Frame(run.snapshot(decision), 0.0, 1)
    run.advance(2, None)
    second = Frame(run.snapshot(decision), 0.0, 2)
    encoded = encode(second, first, small_bytes=0)
    steps = encoded.snapshot.scalars["scalars.steps"]
    assert isinstance(steps, Tail)
    assert steps.keep == 30 and len(steps.rows) == 2  # the 30 rows sent before are kept
    assert encoded.snapshot.decision["values"].rows.size == 0  # unchanged: nothing but a count
    small = encode(second, first).snapshot.scalars["scalars.steps"]  # 256 bytes: cheaper sent whole
    assert small is second.snapshot.scalars["scalars.steps"]
    whole = len(pickle.dumps(second, protocol=PICKLE_PROTOCOL))
    assert len(pickle.dumps(encoded, protocol=PICKLE_PROTOCOL)) < whole / 2
    decoded = decode(encoded, first)
    assert decoded.snapshot.decision["values"] is first.snapshot.decision["values"]  # the same array
    assert_same(second, decoded)


def test_rows_compare_as_bytes():
    nan_rows = np.array([[np.nan, 1.0], [np.inf, 2.0], [0.0, 3.0]])
    assert common_rows(nan_rows, nan_rows.copy()) == 3  # NaN equals NaN as bytes
    other = nan_rows.copy()
    other[2, 0] = -0.0  # equal as a float, not as bytes
    assert common_rows(other, nan_rows) == 2
    assert common_rows(nan_rows[:1], nan_rows) == 1
    assert common_rows(np.array([True, False, True]), np.array([True, True, True])) == 1
    assert common_rows(np.zeros((0, 3)), np.zeros((4, 3))) == 0
