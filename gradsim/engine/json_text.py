"""How deep JSON text nests, counted without parsing it.

``json.loads`` recurses once per ``[``/``{`` level and dies near Python's recursion
limit, so JSON from outside (session manifests, config files) has its depth
counted first, in linear time, and is refused past a limit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import numpy as np

_CHUNK = 1 << 20

# A string literal, or an unterminated one running to the end of the text: every
# attempt at a quote succeeds without backtracking, so the scan stays linear (a
# pattern that can fail would retry from every later quote: quadratic on '"\\"\\"...').
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*\\?(?:"|\Z)', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


def json_depth(text: str) -> int:
    """Deepest ``[``/``{`` nesting in JSON ``text``.

    Drop string literals (brackets inside them do not count), keep the brackets,
    and track the running depth.
    """
    brackets = _NOT_BRACKET.sub("", _JSON_STRING.sub("", text)).encode("ascii")
    return max((int(running.max()) for _, running in _running_depths(brackets)), default=0)


def too_deep_at(text: str, limit: int) -> tuple[int, int] | None:
    """(line, column), counting from 1, of the first bracket nested deeper than ``limit``; else None.

    For messages that point at the place; :func:`json_depth` is the cheaper check.
    """
    if json_depth(text) <= limit:
        return None
    # Strings blanked to spaces, and one byte per character, keep every offset.
    blanked = _JSON_STRING.sub(lambda match: " " * len(match.group()), text)
    for start, running in _running_depths(blanked.encode("ascii", "replace")):
        past = np.flatnonzero(running > limit)
        if past.size:
            at = start + int(past[0])
            return text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)
    return None  # not reached: json_depth found a place


def _running_depths(codes: bytes) -> Iterator[tuple[int, np.ndarray]]:
    """(offset, depth after each byte) chunk by chunk: ``[``/``{`` +1, ``]``/``}`` -1, others 0."""
    depth = 0
    for start in range(0, len(codes), _CHUNK):
        chunk = np.frombuffer(codes, dtype=np.uint8, count=min(_CHUNK, len(codes) - start), offset=start)
        opening = (chunk == ord("[")) | (chunk == ord("{"))
        closing = (chunk == ord("]")) | (chunk == ord("}"))
        steps = opening.astype(np.int64) - closing
        running = depth + np.cumsum(steps)
        depth = int(running[-1])
        yield start, running
