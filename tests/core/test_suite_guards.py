"""The suite's own guards: a hung test fails the run (it never stalls CI), and an empty run is a
failure too."""

import subprocess
import sys
import textwrap


def run_pytest(tmp_path, code: str, *options) -> subprocess.CompletedProcess:
    (tmp_path / "test_case.py").write_text(textwrap.dedent(code))
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           "-o", "timeout_method=thread", *options, str(tmp_path)],
                          capture_output=True, text=True, timeout=120, cwd=tmp_path)


def test_a_hung_test_fails_the_run_with_every_threads_stack(tmp_path):
    done = run_pytest(tmp_path, """
        import threading

        def test_waits_forever():
            threading.Event().wait()  # a deadlock, as a thread that never ends would cause
    """, "--timeout=2")
    assert done.returncode != 0
    said = done.stdout + done.stderr
    assert "Timeout" in said and "in test_waits_forever" in said and "Stack of MainThread" in said


def test_a_run_that_collects_nothing_fails(tmp_path):
    done = run_pytest(tmp_path, "")
    assert done.returncode == 5  # pytest's "no tests collected": .ci/run fails on it
