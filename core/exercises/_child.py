"""The exercise checker's child process: runs the learner's code on the cases, and nothing else.

Started by ``core.exercises.sandbox`` as ``python -I -B _child.py`` with a scratch directory as
its working directory, which holds ``job.json`` (the code and the cases). It reports, one JSON
object per line, to ``results.jsonl`` in that directory:

    {"event": "ready"}                         limits set; the time limit starts now
    {"event": "syntax", "error": {...}}        the code does not compile (then it stops)
    {"event": "load_error", "error": {...}}    running the code's top level failed (stops)
    {"event": "loaded", "seconds": s}
    {"event": "case", "index": i, "seconds": s, "output": <_wire>, "error": {...} | null,
     "warnings": [...]}                        one per case, in order
    {"event": "memory", "index": i | null, "message": "..."}   a MemoryError (then it stops)
    {"event": "done"}

What the code prints goes to the process's stdout, a file the parent reads. Standard library and
numpy only: this file is run by path and imports nothing of ``core``.
"""

import importlib.util
import json
import math
import os
import sys
import time
import traceback
import warnings

import numpy  # noqa: F401 - loaded before the memory cap and the audit hook, like the app's

LEARNER = "<your code>"
PROVIDED = "<provided>"


def load_wire():
    here = os.path.dirname(os.path.abspath(__file__))
    spec = importlib.util.spec_from_file_location("_exercise_wire",
                                                  os.path.join(here, "_wire.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def vm_size_bytes():
    """This process's virtual size now (Linux), or 0 where /proc is missing."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def limit_resources(job):
    """Caps that hold even if the parent is gone: memory (address space above what Python and
    numpy already use), CPU seconds, file size, no new processes, no core dumps (POSIX)."""
    try:
        import resource
    except ImportError:  # Windows: the parent's wall-clock kill is the only limit
        return

    def cap(which, value):
        try:
            resource.setrlimit(which, (value, value))
        except (ValueError, OSError):  # not supported here (macOS RLIMIT_AS), or above the hard
            pass

    if sys.platform.startswith("linux"):  # macOS does not enforce RLIMIT_AS
        cap(resource.RLIMIT_AS, vm_size_bytes() + job["memory_mb"] * 2**20)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    used = usage.ru_utime + usage.ru_stime
    cap(resource.RLIMIT_CPU, int(math.ceil(used + job["time_limit"])) + 2)
    cap(resource.RLIMIT_FSIZE, job["file_mb"] * 2**20)
    cap(resource.RLIMIT_CORE, 0)
    if sys.platform.startswith("linux") and hasattr(resource, "RLIMIT_NPROC"):
        cap(resource.RLIMIT_NPROC, 0)  # no fork, no threads (ignored for root)


def die_with_parent(parent_pid):
    """Linux: the kernel kills this process when the parent that started it ends."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(1, 9)  # PR_SET_PDEATHSIG, SIGKILL
    except (OSError, AttributeError):
        return
    if os.getppid() != parent_pid:  # the parent ended before prctl
        os._exit(3)


BLOCKED = {"os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork", "os.forkpty",
           "os.startfile", "os.kill", "os.killpg", "signal.pthread_kill", "os.symlink",
           "os.link", "pty.spawn"}
BLOCKED_PREFIXES = ("subprocess.", "socket.", "ctypes.", "urllib.", "http.client.", "ftplib.",
                    "smtplib.", "poplib.", "imaplib.", "telnetlib.", "webbrowser.", "_winapi.")
# events on a path, and where their dir_fd argument is (a path relative to an open directory:
# shutil.rmtree removes files so)
PATH_EVENTS = {"os.remove": 1, "os.rmdir": 1, "os.mkdir": 2, "os.chmod": 2, "os.chown": 3,
               "os.utime": 3, "shutil.rmtree": 1, "os.truncate": None, "os.chflags": None,
               "os.lchflags": None, "os.setxattr": None, "os.removexattr": None}
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_TRUNC


def guard_against_accidents(scratch):
    """An audit hook (it cannot be removed from Python) that refuses, with a PermissionError,
    writing, deleting or renaming outside the scratch directory, starting processes, sending
    signals, the network and ctypes. Against accidents, not attacks: see sandbox.py."""
    root = os.path.realpath(scratch)

    def inside(path, dir_fd=None):
        if isinstance(path, int):  # an already open file descriptor
            return True
        try:
            path = os.fsdecode(path)
            if dir_fd is not None and dir_fd != -1:  # CPython passes −1 for "no dir_fd"
                # relative to an open directory (shutil.rmtree works so): where is it?
                path = os.path.join(os.readlink(f"/proc/self/fd/{int(dir_fd)}"), path)
            real = os.path.realpath(path)
        except (TypeError, ValueError, OSError):
            return False
        return real == root or real.startswith(root + os.sep)

    def refuse(what):
        raise PermissionError(f"the exercise sandbox does not allow {what}")

    def hook(event, args):
        if event == "open":
            path, mode, flags = args
            writes = (isinstance(mode, str) and any(ch in mode for ch in "wax+")) or \
                (isinstance(flags, int) and flags & WRITE_FLAGS)
            if writes and not inside(path):
                refuse(f"writing {path!r}: only files in the scratch folder may be written")
        elif event in PATH_EVENTS:
            at = PATH_EVENTS[event]
            dir_fd = args[at] if at is not None and len(args) > at else None
            if not inside(args[0], dir_fd):
                refuse(f"{event} on {args[0]!r} outside the scratch folder")
        elif event == "os.rename":
            if not (inside(args[0], args[2]) and inside(args[1], args[3])):
                refuse(f"renaming {args[0]!r} to {args[1]!r} outside the scratch folder")
        elif event in BLOCKED or event.startswith(BLOCKED_PREFIXES):
            refuse(f"{event} in an exercise (no processes, signals, links, network or ctypes)")

    sys.addaudithook(hook)


def describe(error, lines):
    """Plain data for an exception: its type, message and the line of the learner's code it
    happened at (the innermost frame in that code)."""
    kind = type(error).__name__
    message = str(error)
    line = column = None
    if isinstance(error, SyntaxError) and error.filename == LEARNER:
        line, column, message = error.lineno, error.offset, error.msg
    else:
        for frame in traceback.extract_tb(error.__traceback__):
            if frame.filename == LEARNER:
                line = frame.lineno
    code = lines[line - 1].strip() if line and 0 < line <= len(lines) else ""
    return {"type": kind, "message": message[:500], "line": line, "column": column,
            "code": code[:200]}


def main():
    wire = load_wire()
    with open("job.json", encoding="utf-8") as file:
        job = json.load(file)
    results = open("results.jsonl", "a", encoding="utf-8")

    def emit(**event):
        results.write(json.dumps(event) + "\n")
        results.flush()

    try:
        sys.stdout.reconfigure(encoding="utf-8", errors="replace", line_buffering=True,
                               write_through=True)
        sys.stderr.reconfigure(encoding="utf-8", errors="replace", write_through=True)
    except (AttributeError, ValueError):
        pass
    limit_resources(job)
    die_with_parent(job["parent"])
    guard_against_accidents(os.getcwd())
    emit(event="ready")

    source = job["source"]
    lines = source.splitlines()
    namespace = {"__name__": "__exercise__", "__builtins__": __builtins__}
    exec(compile(job["provided"], PROVIDED, "exec"), namespace)
    try:
        code = compile(source, LEARNER, "exec")
    except (SyntaxError, ValueError) as error:  # ValueError: a NUL byte in the source
        emit(event="syntax", error=describe(error, lines))
        return
    start = time.perf_counter()
    try:
        exec(code, namespace)
    except MemoryError as error:
        emit(event="memory", index=None, message=str(error)[:300])
        return
    except BaseException as error:  # noqa: BLE001 - SystemExit too: reported, not obeyed
        emit(event="load_error", error=describe(error, lines))
        return
    emit(event="loaded", seconds=time.perf_counter() - start)

    for index, case in enumerate(job["cases"]):
        function = namespace.get(case["function"])
        if not callable(function):
            emit(event="case", index=index, seconds=0.0, output=None, warnings=[],
                 error={"type": "missing", "message": case["function"], "line": None,
                        "column": None, "code": ""})
            continue
        args = [wire.decode(arg) for arg in case["args"]]
        error = output = None
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            start = time.perf_counter()
            try:
                value = function(*args)
            except MemoryError as failure:
                emit(event="memory", index=index, message=str(failure)[:300])
                return
            except BaseException as failure:  # noqa: BLE001 - reported with its line
                error = describe(failure, lines)
            seconds = time.perf_counter() - start
        if error is None:
            try:
                output = wire.encode(value, case["limit"])
            except MemoryError as failure:
                emit(event="memory", index=index, message=str(failure)[:300])
                return
        said = []
        for warning in caught:
            text = f"{warning.category.__name__}: {warning.message}"
            if text not in said and len(said) < 3:
                said.append(text[:200])
        emit(event="case", index=index, seconds=seconds, output=output, error=error,
             warnings=said)
    emit(event="done")


if __name__ == "__main__":
    main()
