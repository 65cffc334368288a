"""Temporary files of killed saves are cleaned on the next save; a save in progress never is."""

from __future__ import annotations

import errno
import fcntl
import os
import signal
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import numpy as np
import pytest

from gradsim.session.atomic import remove_stale_session_temporaries, remove_stale_temporaries
from gradsim.session.container import load_container, save_container
from gradsim.session.errors import SessionError

ROOT = Path(__file__).resolve().parents[2]

# Saves a session and stops for good in the middle of writing it, as a kill -9 would find it.
STALLED_SAVE = textwrap.dedent(
    """
    import sys, time
    import numpy as np
    from gradsim.session import container

    def stalled(fh, manifest_bytes, members):
        fh.write(members[0].data[:1000])
        fh.flush()
        print("writing", flush=True)
        time.sleep(600)

    container._write_zip = stalled
    container.save_container(sys.argv[1], {"notes": "never finished"}, {"w": np.zeros(100_000)})
    """
)


def start_stalled_save(target: Path) -> subprocess.Popen:
    child = subprocess.Popen(
        [sys.executable, "-c", STALLED_SAVE, str(target)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "writing"
    return child


def kill(child: subprocess.Popen) -> None:
    child.send_signal(signal.SIGKILL)
    assert child.wait(30) == -signal.SIGKILL


def temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_killed_saves_leave_temporaries_that_the_next_save_removes(tmp_path: Path) -> None:
    target = tmp_path / "lecture.gradsim"
    for _ in range(3):
        kill(start_stalled_save(target))  # each save removes what the previous kill left
    orphans = temporaries(tmp_path)
    assert len(orphans) == 1 and orphans[0].startswith(".lecture.gradsim.")
    assert not target.exists()
    save_container(target, {"notes": "saved"}, {"w": np.ones(3)})
    assert temporaries(tmp_path) == []
    assert load_container(target)[0]["notes"] == "saved"


def test_a_save_in_progress_in_another_process_is_never_removed(tmp_path: Path) -> None:
    target = tmp_path / "shared.gradsim"
    child = start_stalled_save(target)
    try:
        (in_progress,) = temporaries(tmp_path)
        save_container(target, {"notes": "mine"}, {"w": np.ones(3)})
        assert remove_stale_temporaries(target) == []
        assert remove_stale_session_temporaries(tmp_path) == []
        assert temporaries(tmp_path) == [in_progress], "the other process's save was taken"
        assert child.poll() is None
    finally:
        kill(child)
    assert remove_stale_temporaries(target) == [str(tmp_path / in_progress)]
    assert load_container(target)[0]["notes"] == "mine"


def test_a_temporary_locked_in_this_process_is_kept(tmp_path: Path) -> None:
    target = tmp_path / "run.gradsim"
    temporary = tmp_path / ".run.gradsim.abcd1234.tmp"
    with open(temporary, "wb") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)  # as this window's own save holds it
        assert remove_stale_temporaries(target) == []
        assert temporary.exists()
    assert remove_stale_temporaries(target) == [str(temporary)]


def test_only_gradsims_own_temporaries_of_that_target_are_removed(tmp_path: Path) -> None:
    target = tmp_path / "run.gradsim"
    ours = tmp_path / ".run.gradsim.k3_9xqzw.tmp"
    kept = [
        ".other.gradsim.k3_9xqzw.tmp",  # another target's: left to its own saves
        ".run.gradsim.tmp",  # not mkstemp's naming
        ".run.gradsim.ABCDEFGH.tmp",
        ".run.gradsim.abcdefghi.tmp",
        "run.gradsim.abcdefgh.tmp",
        ".run.gradsim.abcdefgh.tmp~",
        "notes.tmp",
    ]
    for name in [ours.name, *kept]:
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / ".run.gradsim.linkxxxx.tmp").symlink_to(tmp_path / "notes.tmp")  # a link is never ours
    os.mkfifo(tmp_path / ".run.gradsim.fifoxxxx.tmp")
    assert remove_stale_temporaries(target) == [str(ours)]
    assert sorted(kept + [".run.gradsim.linkxxxx.tmp", ".run.gradsim.fifoxxxx.tmp"]) == sorted(
        p.name for p in tmp_path.iterdir()
    )
    assert remove_stale_session_temporaries(tmp_path) == [str(tmp_path / ".other.gradsim.k3_9xqzw.tmp")]


def test_temporaries_are_cleaned_next_to_the_real_file_behind_a_link(tmp_path: Path) -> None:
    real_folder, link_folder = tmp_path / "real", tmp_path / "links"
    real_folder.mkdir()
    link_folder.mkdir()
    (real_folder / "data.gradsim").write_bytes(b"")
    link = link_folder / "shortcut.gradsim"
    link.symlink_to(real_folder / "data.gradsim")
    stale = real_folder / ".data.gradsim.abcdefgh.tmp"
    stale.write_bytes(b"x")
    decoy = link_folder / ".shortcut.gradsim.abcdefgh.tmp"  # not a temporary of the real target
    decoy.write_bytes(b"x")
    save_container(link, {}, {"w": np.ones(2)})
    assert not stale.exists() and decoy.exists()
    assert link.is_symlink() and load_container(link)[1]["w"].tolist() == [1.0, 1.0]


@pytest.mark.parametrize("existed", [True, False])
def test_a_refused_save_words_what_happened_to_the_previous_file(tmp_path, monkeypatch, existed) -> None:
    """A read-only folder (simulated: CI runs as root, where chmod does not stop writes)."""
    target = tmp_path / "run.gradsim"
    if existed:
        save_container(target, {}, {})

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(SessionError) as caught:
        save_container(target, {}, {})
    message = str(caught.value)
    assert "Permission denied" in message
    if existed:
        assert caught.value.code == "write_failed" and message.endswith("the previous file is unchanged")
    else:
        assert caught.value.code == "create_failed" and message.endswith("no file was created")
