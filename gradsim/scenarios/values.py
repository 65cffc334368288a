"""The type and range checks every scenario, lesson and landscape-state field starts from.

Their own module so that validation.py and landscape_state.py (which validation imports)
share one copy.
"""

from __future__ import annotations

import math
from typing import Any

from gradsim.scenarios.errors import FieldError


def is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def check_int_in(value: Any, where: str, low: int, high: int) -> None:
    if not is_int(value) or not low <= value <= high:
        raise FieldError(
            where,
            "out_of_range",
            "must be an integer from {low} to {high}, got {value!r}",
            low=low,
            high=high,
            value=value,
        )
