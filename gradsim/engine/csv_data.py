"""Load a user's CSV file into numeric arrays, with errors that point at the line and column.

A teaching tool meets hand-made spreadsheets, so every problem becomes a
:class:`DataError` with a stable code and the place to fix it ("line 7, column x2:
'abc' is not a number") instead of a numpy traceback. The loader only turns text
into arrays; the train/test split and standardization live in
:mod:`gradsim.engine.datasets`, which treats a CSV like any other dataset.

Rules (also in the user docs):

* A regular file (not a named pipe, device or folder) of UTF-8 text (a byte-order
  mark is ignored), at most ``MAX_FILE_BYTES`` bytes and ``MAX_CELLS`` cells. The size
  is checked with ``os.stat`` before anything is read, and never more is read.
* The delimiter is ``,`` unless the first non-blank line has no comma but has ``;`` or a
  tab. Quoting follows the :mod:`csv` module (spaces after a delimiter are skipped, so
  ``1, "a, b"`` is two cells); cells are stripped of surrounding spaces. Blank lines
  are skipped; line numbers in messages are physical line numbers of the file
  (counting from 1, including blank lines and lines inside quoted cells).
* ``has_header="auto"``: the first row is a header when none of its cells is a number.
* Every row must have as many cells as the first row (header or not).
* Empty cells and ``NA``, ``N/A``, ``NaN``, ``null``, ``None``, ``?`` are missing values;
  gradsim does not impute, it reports the first one.
* Feature columns must be finite numbers. The target column may hold strings for
  classification; classes are sorted (numerically, or as text) and numbered 0..k-1.
* ``task="auto"``: an integer-valued numeric target with at most ``MAX_CLASSES``
  distinct values is classification (binary if 2), a string target is classification,
  anything else is regression.
"""

from __future__ import annotations

import csv
import io
import math
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from gradsim.engine.errors import ConfigError, DataError, shown
from gradsim.engine.regular_file import FileTooLargeError, read_regular

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_CELLS = 1_000_000
MAX_CLASSES = 20
MIN_ROWS = 4
CSV_TASKS = ("auto", "binary", "multiclass", "regression")
MISSING_MARKERS = frozenset({"", "na", "n/a", "nan", "null", "none", "?"})
_CELL_PREVIEW = 40


@dataclass(frozen=True)
class CsvData:
    """A whole CSV file as arrays, before any train/test split.

    ``y`` is ``(n,)`` int64 class labels for classification (``task`` "binary" or
    "multiclass") and ``(n, 1)`` float64 for regression. ``label_names`` are the class
    names in label order (the original cell text), or the target column's name.
    """

    x: np.ndarray
    y: np.ndarray
    task: str
    n_classes: int
    feature_names: tuple[str, ...]
    label_names: tuple[str, ...]


@dataclass(frozen=True)
class _Row:
    """One CSV record and the physical line it starts on (for messages)."""

    line: int
    cells: list[str]


# --------------------------------------------------------------------------- entry points
def load_csv(
    path: str | os.PathLike[str],
    target: int | str = -1,
    task: str = "auto",
    has_header: bool | str = "auto",
) -> CsvData:
    """Read and parse ``path``; see the module docstring for the rules."""
    return parse_csv_text(read_csv_text(path), target=target, task=task, has_header=has_header)


def read_csv_text(path: str | os.PathLike[str]) -> str:
    """The file's text, refusing missing, oversized, unreadable or non-UTF-8 files.

    Only a regular file is read (:func:`read_regular`: a named pipe or ``/dev/zero``
    is refused at once), its size is checked before reading, and the read stops
    past the limit whatever size the file reported.
    """
    shown = str(path)
    try:
        raw = read_regular(path, MAX_FILE_BYTES)
    except FileNotFoundError:
        raise DataError("csv_not_found", "file not found: {path}", path=shown) from None
    except OSError as err:  # a named pipe, a device, a folder, no permission
        raise _unreadable(shown, err) from None
    except FileTooLargeError as err:
        raise DataError(
            "csv_too_large",
            "{path} is {size_mb:.1f} MB; the limit is {limit_mb} MB",
            path=shown,
            size_mb=err.size / 2**20,
            limit_mb=MAX_FILE_BYTES // 2**20,
        ) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise DataError(
            "csv_not_utf8",
            "{path} is not UTF-8 text (bad byte at offset {offset}); save it as UTF-8 CSV",
            path=shown,
            offset=err.start,
        ) from None


def parse_csv_text(
    text: str,
    target: int | str = -1,
    task: str = "auto",
    has_header: bool | str = "auto",
) -> CsvData:
    """Parse CSV ``text`` (already decoded) into arrays; raises DataError on bad data.

    A ``target`` that names no column or a ``task`` the target cannot satisfy is a
    :class:`ConfigError` on ``data.target`` / ``data.task``: the setting, not the
    file, is what the user should change.
    """
    if task not in CSV_TASKS:
        raise ConfigError(
            "data.task",
            "invalid_choice",
            "must be one of {allowed}, got {value!r}",
            allowed=", ".join(CSV_TASKS),
            value=task,
        )
    records = _read_records(text)
    if not records:
        raise DataError("csv_empty", "the file is empty")
    header, rows = _split_header(records, has_header)
    width = len(header) if header is not None else len(rows[0].cells) if rows else 0
    _check_widths(rows, width)
    if len(rows) < MIN_ROWS:
        raise DataError(
            "csv_too_few_rows",
            "the file has {count} data rows; at least {minimum} are needed",
            count=len(rows),
            minimum=MIN_ROWS,
        )
    names = _column_names(header, width)
    target_index = _resolve_target(target, names)
    if width < 2:
        raise DataError("csv_no_features", "the file needs at least one feature column besides the target")
    feature_indices = [j for j in range(width) if j != target_index]
    x = _parse_features(rows, feature_indices, names)
    y, final_task, label_names = _parse_target(rows, target_index, names[target_index], task)
    return CsvData(
        x=x,
        y=y,
        task=final_task,
        n_classes=0 if final_task == "regression" else len(label_names),
        feature_names=tuple(names[j] for j in feature_indices),
        label_names=label_names,
    )


# --------------------------------------------------------------------------- reading records
def _unreadable(path: str, err: OSError) -> DataError:
    """A DataError for any OS-level failure (permissions, a directory, I/O errors)."""
    return DataError(
        "csv_unreadable", "cannot read {path}: {reason}", path=path, reason=err.strerror or str(err)
    )


def _guess_delimiter(text: str) -> str:
    """',' unless the first non-blank line clearly uses ';' or tabs (European exports)."""
    for line in text.splitlines():
        if line.strip():
            if "," not in line:
                for candidate in (";", "\t"):
                    if candidate in line:
                        return candidate
            return ","
    return ","


def _read_records(text: str) -> list[_Row]:
    """Non-blank CSV records with their starting line numbers, enforcing the cell cap."""
    text = text.removeprefix("\ufeff")
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=_guess_delimiter(text), skipinitialspace=True
    )
    records: list[_Row] = []
    cells_seen = 0
    previous_line = 0
    try:
        for cells in reader:
            start, previous_line = previous_line + 1, reader.line_num
            if not cells or (len(cells) == 1 and not cells[0].strip()):
                continue
            cells_seen += len(cells)
            if cells_seen > MAX_CELLS:
                raise DataError("csv_too_many_cells", "the file has more than {limit} cells", limit=MAX_CELLS)
            records.append(_Row(start, cells))
    except csv.Error as err:
        raise DataError(
            "csv_malformed", "line {line}: {reason}", line=reader.line_num, reason=shown(str(err))
        ) from None
    return records


def _split_header(records: list[_Row], has_header: bool | str) -> tuple[list[str] | None, list[_Row]]:
    """Separate the header row (if any) from the data rows."""
    if has_header == "auto":
        has_header = not any(_is_number(cell) for cell in records[0].cells)
    if has_header:
        return [cell.strip() for cell in records[0].cells], records[1:]
    return None, records


def _check_widths(rows: Sequence[_Row], width: int) -> None:
    """Reject the first row whose cell count differs; list the other bad lines in params."""
    bad = [row for row in rows if len(row.cells) != width]
    if bad:
        raise DataError(
            "csv_column_count",
            "line {line}: expected {expected} columns, found {actual}",
            line=bad[0].line,
            expected=width,
            actual=len(bad[0].cells),
            bad_lines=tuple(row.line for row in bad[:20]),
            bad_count=len(bad),
        )


def _column_names(header: list[str] | None, width: int) -> list[str]:
    """Header names, or ``col1``, ``col2``... for files without a header or blank names."""
    names = header if header is not None else [""] * width
    return [name or f"col{j + 1}" for j, name in enumerate(names)]


def _resolve_target(target: Any, names: list[str]) -> int:
    """The target column index from a name or a (possibly negative) index.

    Without a header the names are ``col1``, ``col2``..., so those work as targets too.
    """
    width = len(names)
    if isinstance(target, int) and not isinstance(target, bool):
        if -width <= target < width:
            return target % width
    elif isinstance(target, str) and target.strip() in names:
        return names.index(target.strip())
    raise ConfigError(
        "data.target",
        "csv_target_not_found",
        "no column {target!r} in the file; columns: {columns}",
        target=target,
        columns=shown(", ".join(names), 4 * _CELL_PREVIEW),
    )


# --------------------------------------------------------------------------- cells
def _preview(cell: str) -> str:
    """A cell (or a column or class name) for a message: one line, control characters
    escaped, shortened so a runaway cell (an unclosed quote runs to the end of the file)
    cannot flood the UI."""
    return shown(cell.strip(), _CELL_PREVIEW)


def _is_missing(cell: str) -> bool:
    return cell.strip().lower() in MISSING_MARKERS


def _is_number(cell: str) -> bool:
    """True for cells that parse as a float (including inf) and are not missing markers."""
    if _is_missing(cell):
        return False
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _parse_number(cell: str, line: int, column: str) -> float:
    """One finite float, or a DataError that says where and what is wrong."""
    where = {"line": line, "column": _preview(column), "cell": _preview(cell)}
    if _is_missing(cell):
        raise DataError("csv_missing_value", "line {line}, column {column}: missing value '{cell}'", **where)
    try:
        value = float(cell)
    except ValueError:
        raise DataError(
            "csv_non_numeric", "line {line}, column {column}: '{cell}' is not a number", **where
        ) from None
    if not math.isfinite(value):
        raise DataError(
            "csv_non_finite",
            "line {line}, column {column}: '{cell}' is not a finite number",
            **where,
        )
    return value


def _parse_features(rows: Sequence[_Row], indices: list[int], names: list[str]) -> np.ndarray:
    """The feature matrix, parsed row by row so the first bad cell in file order is reported."""
    x = np.empty((len(rows), len(indices)), dtype=np.float64)
    for i, row in enumerate(rows):
        for k, j in enumerate(indices):
            x[i, k] = _parse_number(row.cells[j], row.line, names[j])
    return x


# --------------------------------------------------------------------------- target
def _parse_target(
    rows: Sequence[_Row], index: int, column: str, task: str
) -> tuple[np.ndarray, str, tuple[str, ...]]:
    """Labels or values of the target column and the task they make."""
    cells = [row.cells[index] for row in rows]
    for row, cell in zip(rows, cells, strict=True):
        if _is_missing(cell):
            _parse_number(cell, row.line, column)  # raises csv_missing_value
    numeric = all(_is_number(cell) for cell in cells)
    if task == "regression" or (task == "auto" and numeric and not _looks_categorical(cells)):
        values = [_parse_number(cell, row.line, column) for row, cell in zip(rows, cells, strict=True)]
        return np.asarray(values, dtype=np.float64).reshape(-1, 1), "regression", (column,)
    return _class_labels(rows, cells, column, task, numeric)


def _looks_categorical(cells: list[str]) -> bool:
    """Integer-valued with at most MAX_CLASSES distinct values (the auto-task rule)."""
    values = {float(cell) for cell in cells}
    return len(values) <= MAX_CLASSES and all(math.isfinite(v) and v == int(v) for v in values)


def _class_labels(
    rows: Sequence[_Row], cells: list[str], column: str, task: str, numeric: bool
) -> tuple[np.ndarray, str, tuple[str, ...]]:
    """Map class cells to 0..k-1 (sorted) and check the class counts."""
    if numeric:
        keys: list[Any] = [_parse_number(c, r.line, column) for r, c in zip(rows, cells, strict=True)]
    else:
        keys = [cell.strip() for cell in cells]
    classes = sorted(set(keys))
    _check_class_count(len(classes), task, column)
    counts = Counter(keys)
    for row, key in zip(rows, keys, strict=True):
        if counts[key] < 2:
            raise DataError(
                "csv_class_too_small",
                "class '{label}' has only one sample (line {line}); every class needs at least 2",
                label=_preview(_label_name(key)),
                line=row.line,
            )
    index = {key: i for i, key in enumerate(classes)}
    labels = np.fromiter((index[key] for key in keys), dtype=np.int64, count=len(keys))
    final_task = "binary" if len(classes) == 2 and task in ("auto", "binary") else "multiclass"
    return labels, final_task, tuple(_label_name(key) for key in classes)


def _check_class_count(count: int, task: str, column: str) -> None:
    """Refuse a single class, more than MAX_CLASSES, or a forced binary task with k != 2."""
    if count < 2:
        raise DataError(
            "csv_single_class",
            "the target column {column} has a single value; there is nothing to learn",
            column=_preview(column),
        )
    if count > MAX_CLASSES:
        raise DataError(
            "csv_too_many_classes",
            "the target column {column} has {count} classes (at most {limit}); "
            "for a numeric target use task 'regression'",
            column=_preview(column),
            count=count,
            limit=MAX_CLASSES,
        )
    if task == "binary" and count != 2:
        raise ConfigError(
            "data.task",
            "csv_not_binary",
            "task 'binary' needs 2 classes, the target column {column} has {count}",
            column=_preview(column),
            count=count,
        )


def _label_name(key: Any) -> str:
    """A class name for the UI: numbers without a trailing '.0', strings as written."""
    return format(key, "g") if isinstance(key, float) else str(key)
