"""Animations from the replay of a run or a race: GIF frames, size and delays, MP4 (with the
video extra), byte-identical repeats, and replays that equal the run."""

from __future__ import annotations

import numpy as np
import pytest

from gradsim.engine.trainer import Trainer
from gradsim.ui.export.errors import ExportError
from gradsim.ui.export.movie import even_sized, gif_delay_ms, video_available, write_movie
from gradsim.ui.export.replay import plan_frames, replay_snapshots
from gradsim.ui.export.views import RaceFrames, TrainingFrames

pytestmark = pytest.mark.ui
PIL = pytest.importorskip("PIL.Image")


def _gif(path):
    from PIL import Image, ImageSequence

    image = Image.open(path)
    frames = [(frame.size, frame.info.get("duration")) for frame in ImageSequence.Iterator(image)]
    return image, frames


def _trainer(relu_config) -> Trainer:
    return Trainer(relu_config)


def test_gif_of_the_gradient_flow(qapp, relu_config, tmp_path):
    frames = TrainingFrames(_trainer(relu_config), "gradient-flow", (330, 250), steps=40, frames=5)
    assert frames.plan.frame_steps == (0, 10, 20, 30, 40)
    done = []
    written = write_movie(
        frames, frames.count, tmp_path / "flow.gif", fps=12, progress=lambda d, t: done.append((d, t)) or True
    )
    assert written == 5 and done[-1] == (5, 5)
    image, gif = _gif(tmp_path / "flow.gif")
    assert image.n_frames == 5
    assert {size for size, _ in gif} == {(330, 250)}
    assert {delay for _, delay in gif} == {80}  # 1000/12 ms rounded to the GIF's 10 ms


def test_gif_delays_never_below_20_ms():
    assert gif_delay_ms(50) == 20
    assert gif_delay_ms(10) == 100
    assert gif_delay_ms(30) == 30


def test_two_exports_of_a_run_are_byte_identical(qapp, relu_config, tmp_path):
    trainer = _trainer(relu_config)
    trainer.run(15)
    for name in ("a", "b"):
        frames = TrainingFrames(trainer, "loss", (320, 240), steps=15, frames=3)
        write_movie(frames, frames.count, tmp_path / f"{name}.gif", fps=10)
    assert (tmp_path / "a.gif").read_bytes() == (tmp_path / "b.gif").read_bytes()
    assert trainer.step_count == 15  # the replay trained a copy


def test_the_replay_equals_the_run(relu_config):
    trainer = _trainer(relu_config)
    trainer.run(12)
    plan, snapshots = replay_snapshots(trainer, 12, every=4)
    assert plan.frame_steps == (0, 4, 8, 12)
    last = list(snapshots)[-1]
    assert last.step == 12 and last.loss == trainer.snapshot().loss


def test_the_replay_applies_the_timelines_live_edits(relu_config):
    from gradsim.runner.training_loop import timeline_of

    trainer = _trainer(relu_config)
    timeline = timeline_of(trainer)
    trainer.run(5)
    timeline.edit(trainer, "learning_rate", {"lr": 0.5})
    trainer.run(5)
    _plan, snapshots = replay_snapshots(trainer, 10, frames=2)
    last = list(snapshots)[-1]
    assert last.learning_rate == pytest.approx(0.5)
    assert last.loss == trainer.snapshot().loss


def test_plans():
    assert plan_frames(0, 100, frames=3).frame_steps == (0, 50, 100)
    assert plan_frames(0, 100, frames=1).frame_steps == (100,)  # a still image shows the end
    assert plan_frames(0, 10, every=4).frame_steps == (0, 4, 8, 10)
    assert plan_frames(0, 10, frames=2, every=3).frame_steps == (0, 3)
    assert len(plan_frames(0, 1000).frame_steps) == 60


def test_race_gif(qapp, tmp_path):
    from gradsim.scenarios.catalogue import find_scenario

    frames = RaceFrames(find_scenario("ravine-momentum").landscape(), (400, 240), frames=4)
    assert frames.count == 4
    write_movie(frames, frames.count, tmp_path / "race.gif", fps=5)
    image, gif = _gif(tmp_path / "race.gif")
    assert image.size == (400, 240) and 2 <= image.n_frames <= 4  # identical frames merge
    assert all(delay >= 200 for _, delay in gif)


def test_cancel_removes_the_partial_file(qapp, relu_config, tmp_path):
    frames = TrainingFrames(_trainer(relu_config), "decision", (320, 240), steps=20, frames=4)
    with pytest.raises(ExportError, match="cancelled"):
        write_movie(frames, frames.count, tmp_path / "x.gif", fps=10, progress=lambda done, total: done < 2)
    assert not (tmp_path / "x.gif").exists()


def test_even_sizes_for_h264():
    frame = np.zeros((241, 321, 3), dtype=np.uint8)
    assert even_sized(frame).shape == (242, 322, 3)
    assert even_sized(np.zeros((4, 6, 3), dtype=np.uint8)).shape == (4, 6, 3)


def test_bad_movie_requests(tmp_path):
    with pytest.raises(ExportError, match="gif, mp4"):
        write_movie([], 0, tmp_path / "x.avi", fps=10)
    with pytest.raises(ExportError, match="1 to 50"):
        write_movie([], 0, tmp_path / "x.gif", fps=100)


@pytest.mark.skipif(
    not video_available(), reason="the video extra (imageio, imageio-ffmpeg) is not installed"
)
def test_mp4_with_odd_sizes_is_padded_and_decodes(qapp, relu_config, tmp_path):
    import imageio.v2 as imageio

    frames = TrainingFrames(_trainer(relu_config), "gradient-flow", (331, 251), steps=20, frames=4)
    write_movie(frames, frames.count, tmp_path / "flow.mp4", fps=8)
    reader = imageio.get_reader(str(tmp_path / "flow.mp4"))
    decoded = [frame for frame in reader]
    reader.close()
    assert len(decoded) == 4
    assert decoded[0].shape == (252, 332, 3)


def test_mp4_without_the_extra_says_so(monkeypatch, tmp_path):
    import gradsim.ui.export.movie as movie

    monkeypatch.setattr(movie, "video_available", lambda: False)
    with pytest.raises(ExportError, match=r"gradsim\[video\]"):
        write_movie([], 0, tmp_path / "x.mp4", fps=10)
