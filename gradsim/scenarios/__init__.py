"""Lecture scenarios and lessons: ready states with their story, shipped as data and checked as tests.

:mod:`~gradsim.scenarios.catalogue` finds, loads and validates the scenario recipes;
:mod:`~gradsim.scenarios.effects` runs one headless and checks the effect it claims.
:mod:`~gradsim.scenarios.lessons` loads lessons (stages presented like slides, with actions
from :mod:`~gradsim.scenarios.lesson_actions`) and keeps one in a session's ``lecture``
section; :mod:`~gradsim.scenarios.lesson_run` runs a stage headless and checks its claims.
Qt-free: the app, the command line and the tests use the same objects (docs/scenarios.md,
docs/lessons.md).
"""
