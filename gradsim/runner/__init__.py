"""The app's training runtime, Qt-free: the training loop and the spawned processes.

* :mod:`gradsim.runner.training_loop`: the loop both training backends run (command
  channel, pacing, latest-wins frames, the pause protocol);
* :mod:`gradsim.runner.training_process`: the training process ("turbo"): its entry point
  and the parent's end of its pipes;
* :mod:`gradsim.runner.race_process`: the entry point of a long optimizer race's process.

Nothing here imports Qt (an import-linter contract and ``tests/runner`` check it): a spawned
child imports its target by module path, and with it only this package, the engine and the
landscape lab. The Qt adapters (the QThread worker, the QTimer polling the pipes, the
signals) live in :mod:`gradsim.ui.shell.worker` and :mod:`gradsim.ui.landscape.worker`. Not to be
confused with :mod:`gradsim.engine.runtime` (BLAS threads and the allocator).
"""
