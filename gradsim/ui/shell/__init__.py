"""The main window around the panels: docks, menus, status bar, frame drawing, the training worker."""
