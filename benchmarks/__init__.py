"""gradsim's benchmarks: each reports ratios against a reference measured in the same run.

The ``--markdown`` interface (how ``docs/performance.md`` is written)
-----------------------------------------------------------------------

``.venv/bin/python -m benchmarks.make_performance_doc [--quick]`` writes
``docs/performance.md``: a header with the machine (``benchmarks.machine``), then one
section per benchmark, each produced by running, in its own subprocess,

    python -m benchmarks.bench_<name> --markdown [--quick]

Every ``benchmarks/bench_*.py`` therefore accepts ``--markdown`` (and ``--quick``, fewer
repeats) and, with it, prints to **stdout** only its Markdown section:

* a level-2 heading, ``## <what is measured>``, then one or two sentences saying how
  (what the reference is, repeats, medians);
* its table(s) as GitHub Markdown (``benchmarks.report.markdown_table``), times with the
  median and the spread (min-max) of the repeats where there are repeats;
* the ratios, and a ``Targets`` list with one line per target saying **met** or
  **missed** with the measured value (``benchmarks.report.target_line``);
* nothing about the machine (the generator prints it once at the top).

Progress and warnings go to **stderr**. Exit code 0 when it measured (a missed target is
not an error); non-zero only when it could not run, and the generator then puts the
failure and the end of stderr in the section instead. Sections appear in the order of
``make_performance_doc.SECTIONS``; a new ``bench_*.py`` is picked up automatically after them.
"""
