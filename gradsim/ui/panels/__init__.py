"""The main window's panels: each a QWidget constructible alone, drawing snapshots with ``show_snapshot``."""
