"""Process settings that make numpy fast on gradsim's small arrays: BLAS threads, allocator.

BLAS threads:

OpenBLAS starts a team of threads for every product. For the matrices gradsim
multiplies (batch 32-512, widths 8-512) that costs more than it gains, and on a
busy two-core machine (the app's GUI thread plus the training worker) it collapsed
a 256x64 @ 64x64 product from 56 us to 7.7 ms in a measurement here; a ``Trainer``
driven from a plain script ran 3.3x slower with numpy's default 2 threads.

So BLAS runs single-threaded while gradsim works, without the user doing anything:
the app and the CLI limit it for the whole process (:func:`limit_blas_threads`),
and a :class:`~gradsim.engine.trainer.Trainer` limits it only while it trains
(:class:`BlasScope` around each ``step()`` and each ``run()``), restoring the
caller's setting before it returns or yields, so a notebook's own numpy code keeps
its threads. ``threadpoolctl`` does it after numpy is loaded, which an environment
variable cannot. Opting out: ``GRADSIM_BLAS_THREADS=off`` (or a number of threads)
for the process, or ``trainer.blas_threads = None`` for one trainer.

Allocator: the first ``Trainer`` of a process also keeps large temporaries in glibc's
heap (:func:`tune_allocator`, as the app and the CLI do; 8-26% more steps/s measured on
a 10x64 batch-256 network). It is process-wide and only changes when freed memory goes
back to the system; ``GRADSIM_TUNE_ALLOCATOR=off`` skips it.
"""

from __future__ import annotations

import os
import threading
from typing import Any

DEFAULT_BLAS_THREADS = 1
_OFF = ("off", "none", "0")


def blas_thread_setting() -> int | None:
    """The BLAS threads gradsim uses: $GRADSIM_BLAS_THREADS (a number, or "off" to leave
    BLAS alone: None), else ``DEFAULT_BLAS_THREADS``."""
    text = os.environ.get("GRADSIM_BLAS_THREADS", "").strip().lower()
    if not text:
        return DEFAULT_BLAS_THREADS
    if text in _OFF:
        return None
    return max(1, int(text))


def limit_blas_threads(threads: int | None = None) -> int | None:
    """Limit BLAS to ``threads`` for the whole process (default: :func:`blas_thread_setting`);
    return the limit (None: opted out, nothing changed)."""
    if threads is None:
        threads = blas_thread_setting()
    if threads is None:
        return None
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=max(1, threads), user_api="blas")
    return threads


_blas_lock = threading.Lock()
_blas_depth = 0
_blas_saved: list[tuple[Any, int]] = []
_blas_libraries: list[Any] | None = None


def blas_libraries() -> list[Any]:
    """threadpoolctl's controllers of the loaded BLAS libraries, found once per process:
    creating a ``ThreadpoolController`` scans every loaded library (too slow per step);
    setting a cached controller's threads is a ctypes call of a few microseconds."""
    global _blas_libraries
    if _blas_libraries is None:
        from threadpoolctl import ThreadpoolController

        _blas_libraries = list(ThreadpoolController().select(user_api="blas").lib_controllers)
    return _blas_libraries


class BlasScope:
    """``with BlasScope(1):`` runs its block with at most 1 BLAS thread, then restores
    the caller's setting. Nested and concurrent scopes share one process-wide count:
    the outermost sets the limit, the last to leave restores it. ``threads=None``
    changes nothing (the opt-out). A limit already lower than ``threads`` is kept."""

    __slots__ = ("threads",)

    def __init__(self, threads: int | None = DEFAULT_BLAS_THREADS) -> None:
        self.threads = threads

    def __enter__(self) -> BlasScope:
        global _blas_depth
        if self.threads is None:
            return self
        with _blas_lock:
            if _blas_depth == 0:
                for library in blas_libraries():
                    current = library.get_num_threads()
                    if current is not None and current > self.threads:
                        library.set_num_threads(self.threads)
                        _blas_saved.append((library, current))
            _blas_depth += 1
        return self

    def __exit__(self, *exc: object) -> None:
        global _blas_depth
        if self.threads is None:
            return
        with _blas_lock:
            _blas_depth -= 1
            if _blas_depth == 0:
                for library, threads in _blas_saved:
                    library.set_num_threads(threads)
                _blas_saved.clear()


def tune_allocator() -> bool:
    """Keep large temporaries in glibc's heap instead of fresh mmap'd pages; False without glibc.

    By default glibc serves arrays above ~128 KiB with new mmap'd pages and trims the
    heap on free, so every batch-sized temporary of a forward pass costs page faults:
    measured here, that was half the time of a 31x31 network slice. Same effect as
    starting Python with MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=134217728.
    """
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    try:
        mallopt = ctypes.CDLL(name or "libc.so.6").mallopt
    except (OSError, AttributeError):
        return False
    m_trim_threshold, m_mmap_threshold = -1, -3
    return bool(mallopt(m_mmap_threshold, 32 * 2**20)) and bool(mallopt(m_trim_threshold, 128 * 2**20))


_allocator_tuned = False


def tune_allocator_once() -> bool:
    """:func:`tune_allocator` the first time it is called in a process (each Trainer calls
    it), unless $GRADSIM_TUNE_ALLOCATOR is "off"; whether the allocator is tuned."""
    global _allocator_tuned
    if not _allocator_tuned and os.environ.get("GRADSIM_TUNE_ALLOCATOR", "").strip().lower() not in _OFF:
        _allocator_tuned = tune_allocator()
    return _allocator_tuned
