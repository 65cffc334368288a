"""Markdown pieces shared by the benchmarks' ``--markdown`` sections (see ``benchmarks/__init__``)."""

from __future__ import annotations

import operator
import statistics
from collections.abc import Sequence

_COMPARE = {"<=": operator.le, ">=": operator.ge, "<": operator.lt, ">": operator.gt}


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A GitHub Markdown table; numbers right-aligned, text left-aligned (by the first row)."""
    first = rows[0] if rows else [""] * len(headers)
    align = ["---:" if isinstance(cell, (int, float)) or _looks_numeric(cell) else ":---" for cell in first]
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def _looks_numeric(cell: object) -> bool:
    text = str(cell).strip().lstrip("+-~").split(" ")[0].rstrip("x%×")
    try:
        float(text)
    except ValueError:
        return False
    return True


def median_spread(samples: Sequence[float], digits: int = 2, scale: float = 1.0) -> str:
    """``median (min-max)`` of the repeats, e.g. ``1.23 (1.10-1.41)``: the spread is the noise."""
    values = [s * scale for s in samples]
    if not values:
        return "n/a"
    med = statistics.median(values)
    if len(values) == 1:
        return f"{med:.{digits}f}"
    return f"{med:.{digits}f} ({min(values):.{digits}f}-{max(values):.{digits}f})"


def target_met(value: float, op: str, threshold: float) -> bool:
    """Whether ``value op threshold`` holds (op one of <=, >=, <, >)."""
    return bool(_COMPARE[op](value, threshold))


def target_line(name: str, value: float | None, op: str, threshold: float, unit: str = "") -> str:
    """One line of a section's ``Targets`` list: ``- name: 1.23 (target <= 2): **met**``."""
    if value is None:
        return f"- {name}: not measured (target {op} {threshold:g}{unit})"
    verdict = "**met**" if target_met(value, op, threshold) else "**missed**"
    return f"- {name}: {value:.2f}{unit} (target {op} {threshold:g}{unit}): {verdict}"
