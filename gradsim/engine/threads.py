"""How many threads numpy's BLAS may use for gradsim's small matrix products.

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
