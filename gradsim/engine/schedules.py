"""Learning-rate schedules: closed forms of torch.optim.lr_scheduler, plus warmup.

``lr_at(step, base_lr)`` is a pure function of the step (counted from 0: the first
update uses ``lr_at(0, base_lr)``), so a resumed session needs no scheduler state.

Warmup (every kind, ``warmup_steps`` = W, default 0): for step < W the learning rate
is ``base_lr * (step + 1) / W`` (a linear ramp whose last warmup step reaches
base_lr); from step W on, the main schedule runs as if step W were its step 0::

    lr(step) = base_lr * (step + 1) / W          if step < W
    lr(step) = main(step - W, base_lr)            otherwise

Main schedules, with s = step - W:

* ``constant``:     base_lr
* ``step``:         base_lr * gamma ** floor(s / step_size)             (StepLR)
* ``exponential``:  base_lr * gamma ** s                                (ExponentialLR)
* ``cosine``:       eta_min + (base_lr - eta_min) * (1 + cos(pi * s / t_max)) / 2
  (CosineAnnealingLR's closed form; like torch it is periodic, so past t_max the
  rate climbs back towards base_lr, reaching it again at s = 2 t_max)

gamma is restricted to (0, 1]: these are decay schedules, and gamma > 1 would
overflow to an infinite rate within a few thousand steps.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any, ClassVar

from gradsim.engine.optimizers import check_int, check_keys, check_kind, check_number


@dataclass(frozen=True, kw_only=True)
class Schedule:
    """Constant learning rate (after the optional warmup); base of every schedule."""

    kind: ClassVar[str] = "constant"
    warmup_steps: int = 0

    def __post_init__(self) -> None:
        self._set("warmup_steps", check_int("schedule.warmup_steps", self.warmup_steps, low=0))

    def _set(self, name: str, value: Any) -> None:
        """Store the validated (plain Python) value in the frozen instance."""
        object.__setattr__(self, name, value)

    def lr_at(self, step: int, base_lr: float) -> float:
        """Learning rate of update number ``step`` (0-based)."""
        if step < 0:
            raise ValueError(f"step must be >= 0, got {step}")
        if step < self.warmup_steps:
            return base_lr * (step + 1) / self.warmup_steps
        return self._main(step - self.warmup_steps, base_lr)

    def _main(self, step: int, base_lr: float) -> float:
        return float(base_lr)

    def to_spec(self) -> dict[str, Any]:
        """JSON-able spec; ``build_schedule(s.to_spec()) == s``."""
        return {"kind": self.kind, **asdict(self)}


ConstantSchedule = Schedule


@dataclass(frozen=True, kw_only=True)
class StepSchedule(Schedule):
    """Multiply the rate by gamma every ``step_size`` steps (torch StepLR)."""

    kind: ClassVar[str] = "step"
    step_size: int = 100
    gamma: float = 0.1

    def __post_init__(self) -> None:
        super().__post_init__()
        self._set("step_size", check_int("schedule.step_size", self.step_size, low=1))
        self._set("gamma", _check_gamma(self.gamma))

    def _main(self, step: int, base_lr: float) -> float:
        return base_lr * self.gamma ** (step // self.step_size)


@dataclass(frozen=True, kw_only=True)
class ExponentialSchedule(Schedule):
    """Multiply the rate by gamma every step (torch ExponentialLR)."""

    kind: ClassVar[str] = "exponential"
    gamma: float = 0.99

    def __post_init__(self) -> None:
        super().__post_init__()
        self._set("gamma", _check_gamma(self.gamma))

    def _main(self, step: int, base_lr: float) -> float:
        return base_lr * self.gamma**step


@dataclass(frozen=True, kw_only=True)
class CosineSchedule(Schedule):
    """Half a cosine from base_lr down to eta_min over t_max steps (torch
    CosineAnnealingLR, closed form; periodic beyond t_max as in torch)."""

    kind: ClassVar[str] = "cosine"
    t_max: int = 1000
    eta_min: float = 0.0

    def __post_init__(self) -> None:
        super().__post_init__()
        self._set("t_max", check_int("schedule.t_max", self.t_max, low=1))
        self._set("eta_min", check_number("schedule.eta_min", self.eta_min, low=0.0))

    def _main(self, step: int, base_lr: float) -> float:
        cosine = (1 + math.cos(math.pi * step / self.t_max)) / 2
        return self.eta_min + (base_lr - self.eta_min) * cosine


def _check_gamma(gamma: Any) -> float:
    return check_number("schedule.gamma", gamma, low=0.0, high=1.0, low_open=True)


_CLASSES: dict[str, type[Schedule]] = {
    cls.kind: cls for cls in (Schedule, StepSchedule, ExponentialSchedule, CosineSchedule)
}
SCHEDULE_KINDS: tuple[str, ...] = tuple(_CLASSES)


def schedule_defaults(kind: str) -> dict[str, Any]:
    """Default settings of ``kind`` (``warmup_steps`` included), for building forms."""
    cls = _CLASSES[check_kind("schedule", {"kind": kind}, SCHEDULE_KINDS)]
    return cls().to_spec()


def build_schedule(spec: Mapping[str, Any] | None) -> Schedule:
    """Build from ``{"kind": "cosine", "t_max": 500, "warmup_steps": 20}``; None means
    constant. Missing settings take their defaults; unknown ones are refused."""
    if spec is None:
        return Schedule()
    cls = _CLASSES[check_kind("schedule", spec, SCHEDULE_KINDS)]
    settings = {key: value for key, value in spec.items() if key != "kind"}
    check_keys("schedule", settings, list(schedule_defaults(cls.kind))[1:])
    return cls(**settings)


__all__ = [
    "SCHEDULE_KINDS",
    "ConstantSchedule",
    "CosineSchedule",
    "ExponentialSchedule",
    "Schedule",
    "StepSchedule",
    "build_schedule",
    "schedule_defaults",
]
