"""Out to slides: plots to PNG (at a scale) and SVG, the window or the stage to PNG, the
clipboard, animations of a run or a race to GIF and MP4, histories and race tables to CSV,
and the ``gradsim export`` / ``gradsim animate`` commands (docs/export.md).

Public entry point for scripts and smoke tests:
``gradsim.ui.export.images.export_plot(window, plot, path, fmt, scale)``.
"""
