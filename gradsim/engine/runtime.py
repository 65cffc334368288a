"""Process settings that make numpy fast on gradsim's small arrays: BLAS threads, allocator.

BLAS threads:

OpenBLAS starts a team of threads for every product. For the matrices gradsim
multiplies (batch 32-512, widths 8-512) that costs more than it gains, and on a
busy two-core machine (the app's GUI thread plus the training worker) it collapsed
a 256x64 @ 64x64 product from 56 us to 7.7 ms in a measurement here. The app and
the CLI therefore run BLAS single-threaded; a notebook user can call this too.
``threadpoolctl`` does it after numpy is loaded, which an environment variable
cannot.
"""

from __future__ import annotations

import os

DEFAULT_BLAS_THREADS = 1


def limit_blas_threads(threads: int | None = None) -> int:
    """Limit BLAS to ``threads`` (default: $GRADSIM_BLAS_THREADS or 1); return the limit."""
    from threadpoolctl import threadpool_limits

    if threads is None:
        threads = int(os.environ.get("GRADSIM_BLAS_THREADS", DEFAULT_BLAS_THREADS))
    threadpool_limits(limits=max(1, threads), user_api="blas")
    return threads


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
