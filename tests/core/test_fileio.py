"""Saving keeps what the user had: permissions, read-only files, long names, no litter."""

import os
import stat
import subprocess
import sys

import pytest

from core.fileio import atomic_file


def write(path, data=b"new"):
    with atomic_file(path) as f:
        f.write(data)


def test_saving_over_a_file_keeps_its_permissions(tmp_path):
    path = tmp_path / "private.npz"
    path.write_bytes(b"old")
    os.chmod(path, 0o600)
    write(path)
    assert path.read_bytes() == b"new" and stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_new_file_gets_the_usual_permissions(tmp_path):
    umask = os.umask(0o022)
    try:
        write(tmp_path / "fresh.csv")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "fresh.csv").stat().st_mode) == 0o644


def test_a_read_only_file_is_refused_and_kept(tmp_path):
    path = tmp_path / "keep.npz"
    path.write_bytes(b"precious")
    os.chmod(path, 0o444)
    with pytest.raises(PermissionError, match="read-only"):
        write(path)
    assert path.read_bytes() == b"precious"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.npz"]


def test_a_long_legal_name_is_saved(tmp_path):
    path = tmp_path / ("m" * 247 + ".npz")  # 251 characters: legal, but no room for suffixes
    write(path)
    assert path.read_bytes() == b"new"


def test_a_folder_is_not_overwritten(tmp_path):
    (tmp_path / "model.npz").mkdir()
    with pytest.raises(IsADirectoryError):
        write(tmp_path / "model.npz")


def test_part_files_of_killed_processes_are_removed_on_the_next_save(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    stale = tmp_path / f".model.npz.{dead}.0123abcd.part"
    stale.write_bytes(b"half a model")
    alive = tmp_path / f".other.npz.{os.getppid()}.89abcdef.part"  # a live process's file
    alive.write_bytes(b"being written")
    unrelated = tmp_path / ".notes.part"
    unrelated.write_bytes(b"not ours")
    write(tmp_path / "model.npz")
    assert not stale.exists() and alive.exists() and unrelated.exists()


def test_an_error_while_writing_leaves_the_old_file_and_no_part(tmp_path):
    path = tmp_path / "model.npz"
    path.write_bytes(b"old")
    with pytest.raises(MemoryError):
        with atomic_file(path) as f:
            f.write(b"half")
            raise MemoryError
    assert path.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["model.npz"]
