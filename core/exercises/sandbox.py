"""Run a learner's code in a separate, limited process: the parent's side.

What the sandbox does
---------------------
- The code runs in a **separate process**, never in the app's: ``python -I -B`` (isolated mode:
  no ``PYTHON*`` environment variables, no user site-packages, not the app's directory on the
  path; no ``.pyc`` written), with a **minimal environment** (one BLAS thread, HOME and TMPDIR
  pointing into the scratch directory), its **working directory a fresh temporary scratch
  directory** that is removed afterwards, standard input closed, output to a file.
- A **wall-clock limit** on the learner's code (the interpreter's start-up has its own,
  ``STARTUP_S``): past it, the process and its process group are killed. The caller never
  blocks longer than that, and ``Sandbox.kill`` (or the ``stopped`` callable of ``check``)
  ends it at once.
- On POSIX, resource limits set by the child before the learner's code runs: address space
  (``RLIMIT_AS``: the given megabytes above what Python and numpy already use; Linux only),
  CPU seconds (``RLIMIT_CPU``, a backstop should the parent be gone), the size of any file
  written (``RLIMIT_FSIZE``, ``FILE_MB``), no new processes or threads (``RLIMIT_NPROC`` 0,
  Linux, ignored for root), no core dumps. On Linux the child is killed when the app ends
  (``PR_SET_PDEATHSIG``).
- An audit hook (``sys.addaudithook``, which Python code cannot remove) turns accidents into a
  PermissionError: writing, deleting, renaming or changing files outside the scratch directory,
  starting processes, sending signals, the network and ctypes. So ``import os;
  os.remove("/home/me/project/main.py")`` fails, and a relative path only ever reaches the
  scratch directory.

What it does NOT do
-------------------
It is **not a security boundary**. The code runs with the user's own rights: it can *read*
every file the user can, and audit hooks are not a sandbox (PEP 578 says so) — a determined
program can get around them, e.g. by corrupting the interpreter's memory through numpy. Memory
is not capped on macOS (no ``RLIMIT_AS``) nor on Windows, where only the wall-clock limit and
the audit hook apply. It protects the learner from their own mistakes (an endless loop, a huge
array, a stray ``os.remove``), not the machine from hostile code: run only code you would run
yourself.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

CHILD = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_child.py")
STARTUP_S = 30.0          # interpreter + numpy start-up; not counted in the time limit
POLL_S = 0.02             # how often a waiting caller looks at the child
FILE_MB = 16              # largest file the child may write (its printed output included)
RESULTS_BYTES = 64 << 20  # the most of the child's reports the parent reads
OUTPUT_CHARS = 4000       # printed text kept for the report
KILL_WAIT_S = 5.0


def minimal_environment(scratch: str) -> dict[str, str]:
    """What the child needs and nothing of the user's environment (no tokens, no proxies)."""
    env = {"PATH": os.defpath, "HOME": scratch, "TMPDIR": scratch, "TEMP": scratch,
           "TMP": scratch, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS",
                 "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS"):
        env[name] = "1"  # no BLAS threads: the child may not create any (RLIMIT_NPROC)
    # a Python that needs its library path (some builds), and what Windows cannot start without
    for name in ("LD_LIBRARY_PATH", "DYLD_LIBRARY_PATH", "SYSTEMROOT", "WINDIR", "PATHEXT"):
        if name in os.environ:
            env[name] = os.environ[name]
    if os.name == "nt":
        env["PATH"] = os.environ.get("PATH", "")  # DLLs are found through it
    return env


class Sandbox:
    """One run of the child process on one job (see ``_child.py`` for the job and the events).

    Use as a context manager; ``wait(timeout)`` returns the events that arrived and enforces
    the limits; ``kill(reason)`` ends the child; leaving the block kills it if still running,
    reads what it printed and removes the scratch directory.

    After the block: ``killed`` (why it was killed, or None), ``returncode``, ``printed`` (the
    first ``OUTPUT_CHARS`` characters of its output), ``printed_more`` (bytes left off),
    ``seconds`` (wall clock), ``scratch`` (the removed directory's path).
    """

    def __init__(self, job: dict, time_limit: float = 5.0, memory_mb: int = 512,
                 python: str | None = None):
        if not time_limit > 0 or not memory_mb > 0:
            raise ValueError(f"time_limit and memory_mb must be positive, got {time_limit}, "
                             f"{memory_mb}")
        self.python = python or sys.executable
        if not self.python:
            raise RuntimeError("no Python interpreter to run the checks in (sys.executable "
                               "is empty)")
        self.job = dict(job, time_limit=float(time_limit), memory_mb=int(memory_mb),
                        file_mb=FILE_MB, parent=os.getpid())
        self.time_limit = float(time_limit)
        self.memory_mb = int(memory_mb)
        self.scratch: str | None = None
        self.process: subprocess.Popen | None = None
        self.killed: str | None = None
        self.returncode: int | None = None
        self.printed, self.printed_more = "", 0
        self.seconds = 0.0
        self._started = self._ready = None
        self._results = None
        self._pending = b""
        self._read_bytes = 0
        self._drained = False  # the child has ended and its last reports were read

    # ------------------------------------------------------------------ lifetime

    def __enter__(self) -> Sandbox:
        self.scratch = tempfile.mkdtemp(prefix="cnn-studio-check-")
        try:
            with open(os.path.join(self.scratch, "job.json"), "w", encoding="utf-8") as file:
                json.dump(self.job, file)
            open(os.path.join(self.scratch, "results.jsonl"), "wb").close()
            self._results = open(os.path.join(self.scratch, "results.jsonl"), "rb")
            with open(os.path.join(self.scratch, "output.txt"), "wb") as output:
                options = {"start_new_session": True} if os.name == "posix" else {
                    "creationflags": getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0)
                    | getattr(subprocess, "CREATE_NO_WINDOW", 0)}
                self._started = time.monotonic()
                self.process = subprocess.Popen(
                    [self.python, "-I", "-B", CHILD], cwd=self.scratch,
                    env=minimal_environment(self.scratch), stdin=subprocess.DEVNULL,
                    stdout=output, stderr=subprocess.STDOUT, **options)
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc) -> None:
        try:
            if self.process is not None:
                if self.process.poll() is None:
                    self.kill(self.killed or "stopped")
                self.returncode = self.process.returncode
                self.seconds = time.monotonic() - self._started
        finally:
            if self._results is not None:
                self._results.close()
            if self.scratch is not None:
                self._read_output()
                if sys.version_info >= (3, 12):
                    shutil.rmtree(self.scratch, onexc=_make_writable_and_retry)
                else:
                    shutil.rmtree(self.scratch, onerror=_make_writable_and_retry)

    @property
    def finished(self) -> bool:
        """Whether the child has ended AND ``wait`` has returned everything it reported."""
        return self.process is None or self._drained

    @property
    def ready(self) -> bool:
        """Whether the child has started the learner's part (the time limit runs from then)."""
        return self._ready is not None

    def kill(self, reason: str) -> None:
        """End the child (and anything in its process group) now; ``reason`` is reported."""
        if self.process is None or self.process.poll() is not None:
            return
        self.killed = self.killed or reason
        try:
            if os.name == "posix":
                os.killpg(self.process.pid, signal.SIGKILL)
            else:
                self.process.kill()
        except (ProcessLookupError, PermissionError):
            pass
        try:
            self.process.wait(KILL_WAIT_S)
        except subprocess.TimeoutExpired:  # a zombie the kernel is slow to reap: give up
            pass

    # ------------------------------------------------------------------ waiting

    def wait(self, timeout: float = POLL_S) -> list[dict]:
        """Wait up to ``timeout`` seconds for the child; return the events it reported since
        the last call. Kills the child past its limits."""
        if self.process.poll() is None:
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                pass
        events = self._read_events()
        now = time.monotonic()
        if any(event.get("event") == "ready" for event in events) and self._ready is None:
            self._ready = now
        if self.process.poll() is None:
            if self._ready is None and now - self._started > STARTUP_S:
                self.kill(f"did not start within {STARTUP_S:g} s")
            elif self._ready is not None and now - self._ready > self.time_limit:
                self.kill(f"took longer than {self.time_limit:g} s")
            elif self._read_bytes > RESULTS_BYTES:
                self.kill(f"reported more than {RESULTS_BYTES >> 20} MB")
        if self.process.poll() is not None:
            events += self._read_events()  # what it wrote just before it ended
            self._drained = True
        return events

    def _read_events(self) -> list[dict]:
        if self._results is None or self._read_bytes > RESULTS_BYTES:
            return []
        chunk = self._results.read(RESULTS_BYTES + 1 - self._read_bytes)
        self._read_bytes += len(chunk)
        *lines, self._pending = (self._pending + chunk).split(b"\n")
        events = []
        for line in lines:
            try:
                event = json.loads(line.decode("utf-8"))
            except (UnicodeDecodeError, ValueError):
                event = {"event": "garbled"}
            events.append(event if isinstance(event, dict) else {"event": "garbled"})
        return events

    def _read_output(self) -> None:
        path = os.path.join(self.scratch, "output.txt")
        try:
            size = os.path.getsize(path)
            with open(path, "rb") as file:
                head = file.read(OUTPUT_CHARS * 4)
        except OSError:
            return
        text = head.decode("utf-8", errors="replace")
        kept = text[:OUTPUT_CHARS]
        self.printed = kept
        self.printed_more = max(0, size - len(kept.encode("utf-8", errors="replace")))


def _make_writable_and_retry(function, path, _error):
    """shutil.rmtree's error handler: a read-only directory left by the learner's code."""
    try:
        os.chmod(os.path.dirname(path), 0o700)
        os.chmod(path, 0o700)
        function(path)
    except OSError:
        pass
