"""Run an exercise's hidden cases on the learner's code (in a separate process) and say, case by
case, what is right and what is wrong.

``run_checks`` is a generator, in the shape of the app's other background work: it yields a
``Progress`` after each case the child process finishes and, last, the ``Report``. ``check``
runs it to the end and returns the Report. Both poll an optional ``stopped()`` callable about
50 times a second and kill the child at once when it returns True; closing the generator early
kills it too. Everything yielded is plain data (numbers, strings, small numpy arrays).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterator
from typing import NamedTuple

import numpy as np

from core import reference as R

from . import _wire
from .catalog import Case, Exercise, dims, get, message_fields
from .sandbox import POLL_S, Sandbox

RTOL, ATOL = 1e-6, 1e-9         # float64 answers: another summation order is ~1e-15 away
DEFAULT_TIME_LIMIT = 5.0        # seconds for the learner's code (all cases together)
DEFAULT_MEMORY_MB = 512         # address space above what Python and numpy use
MAX_SOURCE_CHARS = 200_000

# The reference's answers by (exercise, seed): a learner checks the same cases again and again.
_ANSWERS: dict[tuple[str, int], list] = {}


class LearnerError(NamedTuple):
    """An error in the learner's code, where it happened.

    kind: "syntax" (does not compile), "load" (its top level failed), "runtime" (a case
    failed), "missing" (the function is not defined), "not written" (it still raises
    NotImplementedError).
    """

    kind: str
    type: str                 # the exception's type, e.g. "IndexError"
    message: str
    line: int | None          # 1-based line of the learner's code, when known
    column: int | None        # syntax errors: 1-based column
    code: str                 # that line's text

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line else ""
        if self.kind in ("missing", "not written"):
            return where + self.message
        return f"{where}{self.type}: {self.message}" if self.type else where + self.message


class CaseResult(NamedTuple):
    index: int
    function: str
    description: str          # the case in one line: "x 2×3×7×5, w 4×3×3×2, stride 2"
    passed: bool
    reason: str               # one line; "" when passed
    seconds: float | None     # time the learner's function took on it
    warnings: tuple[str, ...] = ()   # numpy's warnings (an overflow in exp, ...)
    error: LearnerError | None = None


class Plane(NamedTuple):
    """2-D maps for the heatmaps: the image/channel holding the first difference."""

    index: tuple              # leading indices of the plane, e.g. (n, c)
    expected: np.ndarray      # 2-D
    got: np.ndarray | None    # 2-D, or None when the answer was not an array
    mask: np.ndarray | None   # 2-D bool, True where the cells differ (same shapes only)


class Failure(NamedTuple):
    """The first failing case, for its picture."""

    case: int
    description: str
    part: str                 # which returned value ("dweight"); "" for a single one
    expected: np.ndarray      # the right answer (a number is a 0-d array)
    got: np.ndarray | None    # the learner's, when it was numbers
    mask: np.ndarray | None   # expected.shape, True where the cells differ (same shapes only)
    first_index: tuple | None  # first differing cell
    expected_value: float | None
    got_value: float | None
    message: str              # the explanation: the case's reason
    inputs: dict              # the case's arguments by name

    def plane(self) -> Plane:
        """The 2-D slices to draw side by side (rows of 1-D answers; 1×1 for a number)."""
        expected = _as_2d_source(self.expected)
        lead = ()
        if expected.ndim > 2:
            lead = tuple(self.first_index[:-2]) if self.first_index else (0,) * (expected.ndim - 2)
        got = None if self.got is None else _as_2d_source(self.got)
        got_plane = None
        if got is not None:
            got_lead = lead if got.ndim == expected.ndim and self.mask is not None else \
                (0,) * max(0, got.ndim - 2)
            got_plane = _plane_of(got, got_lead)
        mask = None if self.mask is None else _plane_of(_as_2d_source(self.mask), lead)
        return Plane(lead, _plane_of(expected, lead), got_plane, mask)


def _as_2d_source(array) -> np.ndarray:
    array = np.asarray(array)
    return array.reshape(1, -1) if array.ndim < 2 else array


def _plane_of(array: np.ndarray, lead: tuple) -> np.ndarray:
    plane = array[lead] if lead else array
    while plane.ndim > 2:
        plane = plane[0]
    return plane


class Progress(NamedTuple):
    done: int                 # cases finished
    total: int
    case: CaseResult | None   # the one just finished


class Report(NamedTuple):
    exercise_id: str
    passed: bool              # every case passed, nothing killed, no error
    summary: str              # one line: "all 11 cases pass", "killed: took longer than 5 s"
    cases: tuple[CaseResult, ...]
    failure: Failure | None   # the first failing case's picture
    error: LearnerError | None  # a syntax or load error, or the first runtime error
    printed: str              # what the code printed (stdout and stderr), cut
    printed_more: int         # bytes of printed output left off
    seconds: float            # wall clock of the whole check
    killed: str | None        # "took longer than 5 s", "used more than 512 MB", "stopped"
    source_digest: str        # sha256 of the source checked (``use_my_function`` wants it)


def source_digest(source: str) -> str:
    return hashlib.sha256(source.encode("utf-8", errors="surrogatepass")).hexdigest()


def check(exercise_id: str, source_code: str, seed: int = 0,
          time_limit: float = DEFAULT_TIME_LIMIT, memory_mb: int = DEFAULT_MEMORY_MB,
          stopped: Callable[[], bool] | None = None, python: str | None = None) -> Report:
    """Run the exercise's hidden cases (drawn from ``seed``) on ``source_code`` in a separate
    process and return the Report. Blocks at most about time_limit plus the interpreter's
    start-up; ``stopped()`` returning True ends it at once (the Report says "stopped")."""
    report = None
    for item in run_checks(exercise_id, source_code, seed, time_limit, memory_mb, stopped,
                           python):
        report = item
    return report


def run_checks(exercise_id: str, source_code: str, seed: int = 0,
               time_limit: float = DEFAULT_TIME_LIMIT, memory_mb: int = DEFAULT_MEMORY_MB,
               stopped: Callable[[], bool] | None = None,
               python: str | None = None) -> Iterator[Progress | Report]:
    """As ``check``, as a generator: a Progress per finished case, then the Report."""
    exercise = get(exercise_id)
    started = time.monotonic()
    digest = source_digest(source_code)
    if len(source_code) > MAX_SOURCE_CHARS:
        error = LearnerError("syntax", "", f"the code is {len(source_code):,} characters long; "
                             f"at most {MAX_SOURCE_CHARS:,}", None, None, "")
        yield _report(exercise, [], {}, error, "", 0, started, None, digest, str(error))
        return
    cases = exercise.cases(seed)
    if len(_ANSWERS) > 64:
        _ANSWERS.clear()
    run = _Run(exercise, cases, memory_mb, _ANSWERS.setdefault((exercise.id, seed),
                                                               [None] * len(cases)))
    job = {"source": source_code, "provided": provided_source(exercise),
           "cases": [{"function": case.function, "args": [_wire.encode(a) for a in case.args],
                      "limit": _output_limit(case)} for case in cases]}
    with Sandbox(job, time_limit, memory_mb, python) as box:
        while not box.finished:
            for event in box.wait(POLL_S):
                progress = run.take(event)
                if progress is not None:
                    yield progress
            run.prepare_one()  # the reference's answers, while the child works
            if stopped is not None and stopped():
                box.kill("stopped")
    yield run.report(box, started, digest)


def provided_source(exercise: Exercise) -> str:
    """The reference functions the learner's code may call, as one .py text ("" if none)."""
    return R.runnable_source(exercise.provided) if exercise.provided else ""


def solution_source(exercise: Exercise) -> str:
    """The reference solution: the exercise's functions from core.reference, with what they
    call, as a .py text that runs on its own."""
    return R.runnable_source(exercise.functions)


def _output_limit(case: Case) -> int:
    """Values an answer may have to be sent back (far more than any right answer)."""
    inputs = sum(np.size(a) for a in case.args if isinstance(a, np.ndarray))
    return 16 * inputs + 10_000


class _Run:
    """What the child has reported so far, turned into case results."""

    def __init__(self, exercise: Exercise, cases: list[Case], memory_mb: int, answers: list):
        self.exercise, self.cases, self.memory_mb = exercise, cases, memory_mb
        self.expected = answers  # the reference's, filled while the child works (and cached)
        self.results: dict[int, CaseResult] = {}
        self.failure: Failure | None = None
        self.error: LearnerError | None = None
        self.memory: str | None = None
        self.memory_case: int | None = None
        self.done = False
        self.answers: dict[int, object] = {}  # what the learner's code returned, by case

    def prepare_one(self) -> None:
        for index, value in enumerate(self.expected):
            if value is None:
                self._expected(index)
                return

    def _expected(self, index: int):
        if self.expected[index] is None:
            case = self.cases[index]
            self.expected[index] = _frozen(getattr(R, case.function)(*case.args))
        return self.expected[index]

    def take(self, event: dict) -> Progress | None:
        kind = event.get("event")
        if kind in ("syntax", "load_error"):
            self.error = _learner_error("syntax" if kind == "syntax" else "load",
                                        event.get("error"))
        elif kind == "memory":
            self.memory = str(event.get("message", ""))[:300]
            index = event.get("index")
            self.memory_case = index if isinstance(index, int) else None
        elif kind == "done":
            self.done = True
        elif kind == "case":
            result = self._case(event)
            if result is not None:
                self.results[result.index] = result
                return Progress(len(self.results), len(self.cases), result)
        return None

    def _case(self, event: dict) -> CaseResult | None:
        index = event.get("index")
        if not isinstance(index, int) or not 0 <= index < len(self.cases) \
                or index in self.results:
            return None
        case = self.cases[index]
        seconds = event.get("seconds")
        seconds = float(seconds) if isinstance(seconds, (int, float)) else None
        warnings = tuple(str(w)[:200] for w in event.get("warnings") or ())[:3]
        if event.get("error"):
            error = _learner_error("runtime", event["error"])
            if error.type == "missing":
                error = error._replace(kind="missing", type="", message=(
                    f"your code defines no function named {case.function}"))
            elif error.type == "NotImplementedError":
                error = error._replace(kind="not written", message=(
                    f"{case.function} still raises NotImplementedError: write its body"))
            if self.error is None:
                self.error = error
            return CaseResult(index, case.function, case.description, False, str(error),
                              seconds, warnings, error)
        try:
            got = _wire.decode(event.get("output"))
        except (ValueError, TypeError, KeyError):
            return CaseResult(index, case.function, case.description, False,
                              "the answer could not be read back", seconds, warnings)
        self.answers[index] = got
        passed, reason, detail = compare(self.exercise, case, self._expected(index), got)
        if not passed and self.failure is None:
            self.failure = Failure(index, case.description, message=reason,
                                   inputs=_inputs(self.exercise, case), **detail)
        return CaseResult(index, case.function, case.description, passed, reason, seconds,
                          warnings)

    def report(self, box: Sandbox, started: float, digest: str) -> Report:
        results = dict(self.results)
        killed = box.killed
        if self.memory is not None:
            killed = f"used more than {self.memory_mb} MB"
        running = next((i for i in range(len(self.cases)) if i not in results), None)
        for index in range(len(self.cases)):
            if index in results:
                continue
            case = self.cases[index]
            if self.error is not None and self.error.kind in ("syntax", "load"):
                reason = "not run: " + ("the code does not compile" if self.error.kind ==
                                        "syntax" else "the code failed before the checks")
            elif killed and index == (self.memory_case if self.memory is not None else running):
                reason = f"killed: {killed}" + (f" ({self.memory})" if self.memory else "")
            elif killed:
                reason = "not run (the checks were killed)"
            else:
                reason = "not run (the checker ended early)"
            results[index] = CaseResult(index, case.function, case.description, False, reason,
                                        None)
        self._name_the_mistake(results)
        summary = self._summary(box, results, killed, running)
        return _report(self.exercise, [results[i] for i in range(len(self.cases))],
                       {"failure": self.failure}, self.error, box.printed, box.printed_more,
                       started, killed, digest, summary,
                       passed=self.done and killed is None and self.error is None
                       and all(r.passed for r in results.values()))

    def _name_the_mistake(self, results: dict) -> None:
        """One case can fit two mistakes (at stride 1, forgetting the + 1 and multiplying the
        kernel by the dilation give the same size): the mistake that gives the learner's answer
        on EVERY case is the one made, and names it in every failing case it explains."""
        named: set[str] = set()
        for mistake in self.exercise.mistakes:
            if mistake.function in named:
                continue
            indices = [i for i in self.answers if self.cases[i].function == mistake.function]
            failing = [i for i in indices if not results[i].passed]
            if failing and all(_made(mistake, self.cases[i], self.answers[i], self.expected[i],
                                     must_differ=i in failing) for i in indices):
                named.add(mistake.function)
                for i in failing:
                    reason = _said(mistake, self.cases[i])
                    results[i] = results[i]._replace(reason=reason)
                    if self.failure is not None and self.failure.case == i:
                        self.failure = self.failure._replace(message=reason)

    def _summary(self, box, results, killed, running) -> str:
        total = len(self.cases)
        if self.error is not None and self.error.kind == "syntax":
            return f"syntax error at line {self.error.line}: {self.error.message}" \
                if self.error.line else f"syntax error: {self.error.message}"
        if self.error is not None and self.error.kind == "load":
            return f"your code failed as it was loaded: {self.error}"
        if killed == "stopped":
            return "stopped before the checks finished"
        if killed:
            where = self.memory_case if self.memory is not None else running
            during = f" (case {where + 1} of {total})" if where is not None else ""
            return f"killed: {killed}{during}"
        if not self.done:
            code = box.returncode
            how = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
            return f"the checks ended before the last case ({how}): did the code exit or crash?"
        failed = [r for r in results.values() if not r.passed]
        if failed and all(r.error is not None and r.error.kind in ("not written", "missing")
                          for r in failed):
            return f"not written yet: {failed[0].error.message}"
        return f"all {total} cases pass" if not failed else \
            f"{len(failed)} of {total} cases fail"


def _frozen(answer):
    """A cached answer is shared by every Report that shows it: read-only."""
    if isinstance(answer, tuple):
        return tuple(_frozen(part) for part in answer)
    if isinstance(answer, np.ndarray):
        answer.setflags(write=False)
    return answer


def _report(exercise, cases, extra, error, printed, printed_more, started, killed, digest,
            summary, passed=False) -> Report:
    return Report(exercise.id, passed, summary, tuple(cases), extra.get("failure"), error,
                  printed, printed_more, time.monotonic() - started, killed, digest)


def _learner_error(kind: str, data) -> LearnerError:
    data = data if isinstance(data, dict) else {}

    def number(key):
        value = data.get(key)
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    return LearnerError(kind, str(data.get("type", ""))[:100], str(data.get("message", ""))[:500],
                        number("line"), number("column"), str(data.get("code", ""))[:200])


def _inputs(exercise: Exercise, case: Case) -> dict:
    return {name: value for name, value in zip(exercise.params[case.function], case.args)
            if value is None or isinstance(value, (np.ndarray, int, float, tuple))}


# --------------------------------------------------------------------------- comparing


def compare(exercise: Exercise, case: Case, expected, got) -> tuple[bool, str, dict]:
    """(passed, one-line reason, the picture's fields) for the learner's answer ``got``."""
    if exercise.parts:
        parts = exercise.parts
        if not isinstance(got, tuple) or len(got) != len(parts):
            reason = (f"return the {len(parts)} values ({', '.join(parts)}) as a tuple; you "
                      f"returned {_what(got)}")
            return False, _mistaken(exercise, case, got, expected) or reason, \
                _picture(expected[0], None)
        for part, right, answer in zip(parts, expected, got):
            passed, reason, detail = _compare_value(exercise, case, part, right, answer)
            if not passed:
                said = reason if reason.startswith(part) else f"{part}: {reason}"
                return False, _mistaken(exercise, case, got, expected) or said, detail
        return True, "", {}
    passed, reason, detail = _compare_value(exercise, case, "", expected, got)
    if passed:
        return True, "", {}
    return False, _mistaken(exercise, case, got, expected) or reason, detail


def _picture(expected, got, part="", mask=None, first=None, right=None, wrong=None) -> dict:
    return {"part": part, "expected": np.asarray(expected), "got": got, "mask": mask,
            "first_index": first, "expected_value": right, "got_value": wrong}


def _compare_value(exercise, case, part, expected, got) -> tuple[bool, str, dict]:
    if isinstance(expected, (int, np.integer)) and not isinstance(expected, bool):
        return _compare_whole(expected, got)
    expected = np.asarray(expected, dtype=np.float64)
    if got is None:
        return False, "your function returned None — did you forget `return`?", \
            _picture(expected, None, part)
    if isinstance(got, _wire.Other):
        return False, f"you returned a {got.type_name}, not numbers", \
            _picture(expected, None, part)
    if isinstance(got, _wire.TooBig):
        return False, (f"you returned an array of shape {dims(got.shape)}, far larger than the "
                       f"answer's {dims(expected.shape)}"), _picture(expected, None, part)
    if isinstance(got, tuple):
        return False, f"you returned {len(got)} values; return one array", \
            _picture(expected, None, part)
    answer = np.asarray(got)
    if expected.ndim == 0 and answer.size == 1:
        answer = answer.reshape(())  # a loss returned as a 1-element array is fine
    if answer.shape != expected.shape:
        words = exercise.shape_words(case, part, expected.shape, answer.shape) \
            if exercise.shape_words else None
        return False, words or (f"you returned shape {dims(answer.shape)}; the answer's is "
                                f"{dims(expected.shape)}"), \
            _picture(expected, answer.astype(np.float64), part)
    answer = answer.astype(np.float64)
    differ = ~np.isclose(answer, expected, rtol=RTOL, atol=ATOL, equal_nan=True)
    if not differ.any():
        return True, "", {}
    first = tuple(int(i) for i in np.argwhere(differ)[0])
    right, wrong = float(expected[first]), float(answer[first])
    where = f" at [{', '.join(map(str, first))}]" if first else ""
    count = int(differ.sum())
    reason = (f"expected {right:.6g}, got {wrong:.6g}" if expected.size == 1 else
              f"{count} of {expected.size} values differ; first{where}: expected {right:.6g}, "
              f"got {wrong:.6g}")
    return False, reason, _picture(expected, answer, part, differ, first, right, wrong)


def _compare_whole(expected, got) -> tuple[bool, str, dict]:
    """An answer that must be a whole number (an output size)."""
    picture = _picture(expected, None)
    value = got
    if isinstance(got, np.ndarray) and got.ndim == 0:
        value = got[()]
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.integer,
                                                                     np.floating)):
        return False, f"return a whole number; you returned {_what(got)}", picture
    picture = _picture(expected, np.asarray(float(value)), right=float(expected),
                       wrong=float(value), mask=np.asarray(True), first=())
    if isinstance(value, (float, np.floating)):
        if float(value).is_integer():
            return False, (f"you returned {float(value):g} as a float; an output size is a whole "
                           "number — use // (floor division)"), picture
        return False, (f"you returned {float(value):.4g}, not a whole number — use // (floor "
                       "division)"), picture
    if int(value) == int(expected):
        return True, "", {}
    return False, f"you returned {int(value)}; the output has {int(expected)}", picture


def _what(got) -> str:
    if got is None:
        return "None"
    if isinstance(got, tuple):
        return f"{len(got)} values"
    if isinstance(got, _wire.Other):
        return f"a {got.type_name}"
    if isinstance(got, _wire.TooBig):
        return f"an array of shape {dims(got.shape)}"
    if isinstance(got, (bool, int, float, np.generic)):
        return f"the number {got}"
    return f"an array of shape {dims(np.shape(got))}"


def _mistaken(exercise: Exercise, case: Case, got, expected=None) -> str | None:
    """The message of the first typical mistake whose answer on this case, different from the
    right one, equals the learner's."""
    if expected is None:
        expected = getattr(R, case.function)(*case.args)
    for mistake in exercise.mistakes:
        if mistake.function == case.function and _made(mistake, case, got, expected, True):
            return _said(mistake, case)
    return None


def _made(mistake, case: Case, got, expected, must_differ: bool) -> bool:
    """Whether the learner's answer is the mistake's on this case (a mistake that cannot
    happen on the case, or gives the right answer, says nothing against it unless
    ``must_differ``)."""
    try:
        wrong = mistake.wrong(*case.args)
    except Exception:  # noqa: BLE001 - a mistake that cannot happen on this case
        return not must_differ
    if must_differ and _same(wrong, expected):
        return False
    return _same(wrong, got)


def _said(mistake, case: Case) -> str:
    try:
        return mistake.message.format(**message_fields(case))
    except (KeyError, IndexError, ValueError):
        return mistake.message


def _same(wrong, got) -> bool:
    if isinstance(wrong, tuple):
        return isinstance(got, tuple) and len(got) == len(wrong) and \
            all(_same(w, g) for w, g in zip(wrong, got))
    if got is None or isinstance(got, (tuple, _wire.Other, _wire.TooBig)):
        return False
    wrong, got = np.asarray(wrong, dtype=np.float64), np.asarray(got)
    if got.dtype.kind not in "biuf":
        return False
    if wrong.shape != got.shape and not (wrong.size == got.size == 1):
        return False
    return bool(np.allclose(got.astype(np.float64).reshape(wrong.shape), wrong, rtol=RTOL,
                            atol=ATOL, equal_nan=True))
