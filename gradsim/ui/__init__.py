"""Everything Qt: the main window, the training worker, the panels.

Grouped by what a user sees: ``training`` (the views of a run), ``builder`` (the network
builder), ``landscape`` (races and loss slices); ``shell`` (the main window, its menus, docks
and status bar, the frame drawer, the training worker) and ``sessions`` (File menu of
sessions, autosave) hold them; ``common`` is what every group shares (theme, plotting,
wording, dialogs, form fields). The ``ui`` contract in pyproject.toml keeps that order.

Nothing outside this package (and :mod:`gradsim.app`) imports Qt or pyqtgraph; the import
contracts in pyproject.toml and tests/test_architecture.py enforce it. The Qt-free half of
training (the loop, the spawned processes) is :mod:`gradsim.runner`; here are its Qt
adapters. Importing this package stays light: submodules import Qt themselves.
"""
