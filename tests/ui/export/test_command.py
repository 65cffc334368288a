"""``gradsim export`` and ``gradsim animate`` headless (offscreen): files as asked, one-line errors."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtGui import QImage

from gradsim.app import export_main
from gradsim.ui.export.movie import video_available

pytestmark = pytest.mark.ui
PIL = pytest.importorskip("PIL.Image")


@pytest.fixture
def session_file(tmp_path):
    from gradsim.cli import main as cli_main

    path = tmp_path / "run.gradsim"
    assert cli_main(["run", "--config", "relu-he", "--steps", "24", "--out", str(path)]) == 0
    return path


def test_export_png_of_a_plot_at_size_and_scale(qapp, tmp_path, capsys):
    out = tmp_path / "loss.png"
    code = export_main(
        [
            "export",
            "relu-he",
            "--plot",
            "loss",
            "--out",
            str(out),
            "--size",
            "400x300",
            "--scale",
            "2",
            "--step",
            "10",
        ]
    )
    assert code == 0, capsys.readouterr().err
    image = QImage(str(out))
    assert (image.width(), image.height()) == (800, 600)
    # the run at step 10, not at its start: the picture of step 0 (no curve yet) differs
    start = tmp_path / "start.png"
    code = export_main(
        [
            "export",
            "relu-he",
            "--plot",
            "loss",
            "--out",
            str(start),
            "--size",
            "400x300",
            "--scale",
            "2",
            "--step",
            "0",
        ]
    )
    assert code == 0 and QImage(str(start)) != image


def test_export_svg_of_a_session(qapp, session_file, tmp_path):
    out = tmp_path / "flow.svg"
    assert (
        export_main(
            ["export", str(session_file), "--plot", "gradient-flow", "--format", "svg", "--out", str(out)]
        )
        == 0
    )
    root = ET.parse(out).getroot()
    assert root.tag.endswith("svg")
    assert len(list(root.iter("{http://www.w3.org/2000/svg}text"))) > 5


def test_export_window(qapp, tmp_path):
    out = tmp_path / "window.png"
    code = export_main(
        ["export", "relu-he", "--plot", "window", "--out", str(out), "--size", "1280x720", "--step", "3"]
    )
    assert code == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 720)


def test_animate_a_session_twice_gives_the_same_gif(qapp, session_file, tmp_path, capsys):
    from PIL import Image, ImageSequence

    paths = [tmp_path / "a.gif", tmp_path / "b.gif"]
    for path in paths:
        code = export_main(
            [
                "animate",
                str(session_file),
                "--view",
                "gradient-flow",
                "--out",
                str(path),
                "--size",
                "320x240",
                "--every",
                "8",
                "--fps",
                "20",
            ]
        )
        assert code == 0, capsys.readouterr().err
    assert paths[0].read_bytes() == paths[1].read_bytes()
    image = Image.open(paths[0])
    frames = list(ImageSequence.Iterator(image))
    assert image.size == (320, 240) and len(frames) == 4  # steps 0, 8, 16, 24
    assert {frame.info["duration"] for frame in frames} == {50}
    assert "4/4 frames" in capsys.readouterr().err  # the progress, off a terminal: plain lines


def test_animate_a_race(qapp, tmp_path):
    out = tmp_path / "race.gif"
    code = export_main(
        [
            "animate",
            "saddle-noise-escape",
            "--view",
            "landscape",
            "--out",
            str(out),
            "--size",
            "400x240",
            "--frames",
            "3",
        ]
    )
    assert code == 0
    from PIL import Image

    assert Image.open(out).size == (400, 240)


@pytest.mark.skipif(
    not video_available(), reason="the video extra (imageio, imageio-ffmpeg) is not installed"
)
def test_animate_mp4_decodes_the_same_twice(qapp, tmp_path):
    import imageio.v2 as imageio
    import numpy as np

    decoded = []
    for name in ("a.mp4", "b.mp4"):
        out = tmp_path / name
        args = [
            "animate",
            "relu-he",
            "--view",
            "loss",
            "--out",
            str(out),
            "--size",
            "321x241",
            "--frames",
            "3",
            "--steps",
            "12",
        ]
        assert export_main(args) == 0
        reader = imageio.get_reader(str(out))
        decoded.append([frame for frame in reader])
        reader.close()
    assert len(decoded[0]) == 3 and decoded[0][0].shape == (242, 322, 3)
    assert all(np.array_equal(a, b) for a, b in zip(*decoded, strict=True))


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["export", "no-such-thing", "--plot", "loss", "--out", "{tmp}/x.png"], "no session file, scenario"),
        (["export", "relu-he", "--plot", "loss", "--out", "{tmp}/x.png", "--size", "12"], "--size"),
        (["export", "relu-he", "--plot", "loss", "--out", "{tmp}/nowhere/x.png"], "folder does not exist"),
        (["export", "{tmp}/missing.gradsim", "--plot", "loss", "--out", "{tmp}/x.png"], "not found"),
        (["export", "{tmp}/bad.gradsim", "--plot", "loss", "--out", "{tmp}/x.png"], "bad.gradsim"),
        (["animate", "relu-he", "--view", "loss", "--out", "{tmp}/x.avi"], "gif, mp4"),
        (["animate", "relu-he", "--view", "stage", "--out", "{tmp}/x.gif"], "lesson"),
        (["animate", "ravine-momentum", "--view", "loss", "--out", "{tmp}/x.gif"], "landscape race"),
        (["animate", "relu-he", "--view", "sideways", "--out", "{tmp}/x.gif"], "invalid choice"),
    ],
)
def test_errors_are_one_line_and_exit_2(qapp, tmp_path, capsys, argv, words):
    (tmp_path / "bad.gradsim").write_bytes(b"not a zip")
    code = export_main([arg.replace("{tmp}", str(tmp_path)) for arg in argv])
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert len(err.splitlines()) == 1 and err.startswith("gradsim: error:") and words in err, err


def test_the_entry_point_dispatches_to_the_app_side(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "gradsim",
            "export",
            "relu-he",
            "--plot",
            "loss",
            "--out",
            str(tmp_path / "x.png"),
            "--step",
            "2",
            "--size",
            "320x240",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr
    assert QImage(str(tmp_path / "x.png")).width() == 320
    assert "propagateSizeHints" not in done.stderr


def test_a_session_with_a_timeline_replays_its_live_edits(qapp, relu_config, tmp_path):
    """A session saved by the app keeps its timeline: the replay applies the learning rate
    changed at step 5 and ends where the run ended."""
    import argparse

    from gradsim.engine.trainer import Trainer
    from gradsim.runner.training_loop import timeline_of
    from gradsim.session.io import save_session
    from gradsim.ui.export.replay import replay_snapshots
    from gradsim.ui.export.sources import resolve_source
    from gradsim.ui.sessions.controller import timeline_to_session

    trainer = Trainer(relu_config)
    timeline = timeline_of(trainer)
    trainer.run(5)
    timeline.edit(trainer, "learning_rate", {"lr": 0.5})
    trainer.run(7)
    meta, arrays = timeline_to_session(timeline)
    save_session(tmp_path / "edited.gradsim", trainer, arrays, ui={"timeline": meta})
    source = resolve_source(
        argparse.Namespace(source=str(tmp_path / "edited.gradsim"), variant=None, stage=None)
    )
    assert source.steps == 12
    _plan, snapshots = replay_snapshots(source.trainer, source.steps, every=6)
    frames = list(snapshots)
    assert [frame.step for frame in frames] == [0, 6, 12]
    assert frames[-1].learning_rate == pytest.approx(0.5)
    assert frames[-1].loss == trainer.snapshot().loss
