"""Lecture mode: lessons presented like slides (stage by stage), the presentation view, the
projector theme, the lecturer's keys and the presenter window (issue 13).

The lesson model is Qt-free (:mod:`gradsim.scenarios.lessons`); this group applies a stage
to the main window through the window's own paths (configs, the worker's commands, the
landscape panel's restore, the docks), given the window: it imports no panel group and no
shell module (the ``ui`` contract places it beside training, builder and landscape).
"""
