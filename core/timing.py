"""Timing convolutions: the median time of one call, and the Speed page's measurement.

``measure_methods`` reports typed items through a callback so it can run anywhere: in a thread,
or in a child process that a GUI terminates when the learner cancels.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from . import functional as F

REPORTS_PER_S = 20  # progress of the naive loop, at most this often


def seconds_per_call(fn, min_time: float = 0.3, max_calls: int = 10_000) -> float:
    """Median time of one call, over repeated calls filling at least ``min_time``."""
    times = []
    start = time.perf_counter()
    while len(times) < max_calls and (time.perf_counter() - start < min_time or len(times) < 3):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
        if times[0] > min_time:  # one call is already long (the naive loop): once is enough
            break
    return statistics.median(times)


@dataclass(frozen=True)
class MethodStarted:
    method: str
    index: int   # 0-based position among the methods measured
    count: int


@dataclass(frozen=True)
class MethodProgress:
    fraction: float  # of the whole measurement, 0..1


@dataclass(frozen=True)
class MethodTimed:
    method: str
    seconds: float   # per call


def conv_call(method: str, x: np.ndarray, w: np.ndarray, padding: int) -> Callable[[], object]:
    """A no-argument function computing the convolution with ``method``: "naive", "im2col",
    "fast" or "torch" (``torch.nn.functional.conv2d``, imported only when asked for)."""
    if method == "torch":
        import torch

        tx, tw = torch.from_numpy(x), torch.from_numpy(w)

        def call():
            with torch.no_grad():
                return torch.nn.functional.conv2d(tx, tw, padding=padding)
        return call
    if method not in F.CONV_METHODS:
        raise ValueError(f"unknown method {method!r}; choose from "
                         f"{', '.join(F.CONV_METHODS)}, torch")
    return lambda: F.CONV_METHODS[method](x, w, padding=padding)


def measure_methods(report: Callable[[object], None], x_shape: tuple, w_shape: tuple,
                    padding: int, methods, min_time: float = 0.3) -> None:
    """Time each of ``methods`` on random float32 input of these shapes, in order.

    ``report`` receives a ``MethodStarted`` before each method, ``MethodProgress`` while the naive
    loop runs (at most REPORTS_PER_S times a second), and a ``MethodTimed`` after each.
    """
    rng = np.random.default_rng(0)
    x = rng.standard_normal(x_shape).astype(np.float32)
    w = rng.standard_normal(w_shape).astype(np.float32)
    methods = list(methods)
    last_report = 0.0
    for index, method in enumerate(methods):
        report(MethodStarted(method, index, len(methods)))
        if method == "naive":
            def progress(done, total, index=index):
                nonlocal last_report
                now = time.monotonic()
                if now - last_report >= 1 / REPORTS_PER_S:
                    last_report = now
                    report(MethodProgress((index + done / total) / len(methods)))

            start = time.perf_counter()
            F.conv2d_naive(x, w, padding=padding, progress=progress)
            seconds = time.perf_counter() - start
        else:
            seconds = seconds_per_call(conv_call(method, x, w, padding), min_time)
        report(MethodTimed(method, seconds))
