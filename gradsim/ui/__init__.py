"""Everything Qt: the main window, the training worker, the panels.

Nothing outside this package (and :mod:`gradsim.app`) imports Qt or pyqtgraph; a test
enforces it. Importing this package stays light: submodules import Qt themselves.
"""
