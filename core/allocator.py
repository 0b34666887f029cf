"""Keep freed memory inside the process (glibc only), so training does not page-fault.

A training step allocates dozens of activation and gradient arrays of 0.1–5 MB and frees them a
moment later. glibc's malloc hands blocks that large back to the operating system on free (mmap /
heap trimming), so the next step's arrays arrive as fresh pages that fault in one by one: about
600 page faults per LeNet-5 step at batch 64, 2–5 ms of a 10 ms step on the development machine.
Raising the two thresholds keeps the memory for reuse, as PyTorch's caching allocator does.

A thread other than the main one (the GUI trains in one) gets an arena of its own from glibc,
made of heaps of at most 64 MiB that are trimmed on free regardless: the page faults come back and
an epoch took 15–25 % longer in a thread than in the main thread. One arena for the whole process
keeps the reuse there too; with one training thread and the GUI thread, its lock is uncontended.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
_M_ARENA_MAX = -8
_THRESHOLD = 256 * 1024 * 1024  # blocks up to 256 MiB come from (and return to) the heap
_tuned = False


def keep_freed_memory() -> bool:
    """Ask glibc to keep freed blocks for reuse. Idempotent; False where it does not apply."""
    global _tuned
    if _tuned:
        return True
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):  # not glibc (musl has no mallopt)
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    _tuned = all(mallopt(option, value) for option, value in (
        (_M_MMAP_THRESHOLD, _THRESHOLD), (_M_TRIM_THRESHOLD, 2 * _THRESHOLD), (_M_ARENA_MAX, 1)))
    return _tuned
