"""Exercises: the learner writes a lesson function, the app checks it on hidden cases.

Qt-free. What the GUI needs::

    from core import exercises as X

    X.exercise_ids() -> tuple[str, ...]              # in the lesson's order
    X.exercises() -> tuple[ExerciseInfo, ...]
    X.describe(exercise_id) -> ExerciseInfo         # title, statement (light HTML), skeleton,
                                                    # hints (2 levels), solution source, ...
    X.check(exercise_id, source, seed=0, time_limit=5.0, memory_mb=512, stopped=None) -> Report
    X.run_checks(...same) -> generator of Progress, then the Report (for the worker pattern)
    X.use_my_function(exercise_id, source, report) -> the core function's stand-in
                                                    # RUNS THE LEARNER'S CODE IN THIS PROCESS

The learner's code never runs in the caller's process during checks: see ``sandbox`` for what
the separate process does and does not protect against.

In the app's one worker pattern a check is a job like any other; the stop flag reaches the child
through ``stopped`` (polled ~50 times a second; the child is killed at once)::

    def job(context):
        yield from X.run_checks(exercise_id, source, stopped=lambda: context.stopped)

Each ``Progress`` names the case just finished (a ``CaseResult``: pass/fail and a one-line
reason); the ``Report`` comes last. For the picture of the first failing case, ``report.failure``
holds expected and got (arrays), the mask of differing cells, the first one's index and values,
and ``failure.plane()`` the 2-D slices to draw as heatmaps. ``report.error`` is a syntax error,
an error as the code loaded, or the first runtime error, with its ``line`` in the learner's
code; ``report.printed`` what it printed. Everything in a Report is plain data.
"""

from __future__ import annotations

from typing import NamedTuple

from .catalog import EXERCISES, Replacement, get
from .checks import (
    DEFAULT_MEMORY_MB,
    DEFAULT_TIME_LIMIT,
    CaseResult,
    Failure,
    LearnerError,
    Plane,
    Progress,
    Report,
    check,
    provided_source,
    run_checks,
    solution_source,
    source_digest,
)
from .use import use_my_function

__all__ = ["DEFAULT_MEMORY_MB", "DEFAULT_TIME_LIMIT", "CaseResult", "ExerciseInfo", "Failure",
           "LearnerError", "Plane", "Progress", "Replacement", "Report", "check", "describe",
           "exercise_ids", "exercises", "run_checks", "source_digest", "use_my_function"]


class ExerciseInfo(NamedTuple):
    """What the Exercises page shows of one exercise."""

    id: str
    number: int                   # 1, 2, ... in the lesson's order
    title: str
    lesson_idea: int              # the idea of the lesson it follows (a Lesson step after it)
    statement: str                # light HTML (<p>, <pre>, <code>, <b>, <i>, <ul>) with a worked
                                  # example
    skeleton: str                 # the starting code: signature, docstring, NotImplementedError
    hints: tuple[str, str]        # first a nudge, then nearly the answer
    solution: str                 # the reference solution (core.reference), runnable on its own
    functions: tuple[str, ...]    # the functions the learner writes
    provided: tuple[str, ...]     # reference functions the learner's code may call
    provided_source: str          # their source (what the checks run before the learner's code)
    replaces: Replacement | None  # where a passing solution can be used ("use my function")


def exercise_ids() -> tuple[str, ...]:
    return tuple(exercise.id for exercise in EXERCISES)


def describe(exercise_id: str) -> ExerciseInfo:
    """Everything to show for one exercise; ValueError naming the known ids if unknown."""
    exercise = get(exercise_id)
    return ExerciseInfo(exercise.id, EXERCISES.index(exercise) + 1, exercise.title,
                        exercise.lesson_idea, exercise.statement, exercise.skeleton,
                        exercise.hints, solution_source(exercise), exercise.functions,
                        exercise.provided, provided_source(exercise), exercise.replaces)


def exercises() -> tuple[ExerciseInfo, ...]:
    return tuple(describe(exercise.id) for exercise in EXERCISES)
