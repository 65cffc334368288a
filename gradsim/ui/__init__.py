"""Everything Qt: the main window, the training worker, the panels.

Nothing outside this package (and :mod:`gradsim.app`) imports Qt or pyqtgraph; the import
contracts in pyproject.toml and tests/test_architecture.py enforce it. The Qt-free half of
training (the loop, the spawned processes) is :mod:`gradsim.runner`; here are its Qt
adapters. Importing this package stays light: submodules import Qt themselves.
"""
