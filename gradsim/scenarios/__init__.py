"""Lecture scenarios: ready states with their story, shipped as data and checked as tests.

:mod:`~gradsim.scenarios.catalogue` finds, loads and validates the JSON recipes;
:mod:`~gradsim.scenarios.effects` runs one headless and checks the effect it claims.
Qt-free: the app, the command line and the tests use the same objects (docs/scenarios.md).
"""
