"""The lesson's steps, read from resources/lesson.json and checked field by field (Qt-free).

A step that is not right is left out with one line naming it and the field; the others stay. A
file that cannot be read at all gives no steps and one line: the app starts either way.
"""

from __future__ import annotations

import json
import string
from pathlib import Path
from typing import NamedTuple

from core.data import _resources_dir
from gui.lesson import fading, practice

KINDS = ("number", "choice", "cells")
STEP_KINDS = ("idea", "experiment", "claim")
MAX_BYTES = 4 << 20


class Question(NamedTuple):
    kind: str                 # "number", "choice" or "cells"
    prompt: str
    answer: str | int         # the answer function's name, or a choice's option index
    args: dict = {}
    explain: str = ""         # the worked answer: {answer}, the args, the function's extras
    tolerance: float = 0.0    # numbers: how far from the answer still counts as right
    options: tuple = ()       # choices: ({"text": …, "why": …}, …); "why" says plainly why
    #                           this option is or is not right, without naming the right one
    hint: str = ""            # after a first miss: the rule with these numbers, never the answer


class Step(NamedTuple):
    id: str
    kind: str                 # "idea", "experiment" (the lesson's) or "claim" (one to test)
    title: str
    text: str                 # HTML; {names} are facts the app reads from the page
    formula: str
    page: str                 # the key of the page it sets up
    config: dict              # fields of that page's Config (the rest: defaults)
    view: dict                # which tab, and page-specific views (e.g. a window position)
    question: Question
    setup: dict = {}          # other pages this step needs as they are: {page key: fields}
    veil: tuple = ()          # parts of the page covered until the learner has predicted
    reveal: str = ""          # said once the prediction is in (it may quote the result)
    after: dict = {}          # settings of the page applied then (e.g. show the derivatives)
    concepts: tuple = ()      # Practice concepts it meets: the first records the prediction
    giveaway: tuple = ()      # texts that would give the answer away before Check (tests)


def load_steps(path=None) -> tuple[list[Step], list[str]]:
    """Every usable step, in order, and one line per step left out (or for a file that cannot
    be read at all)."""
    path = Path(path or _resources_dir() / "lesson.json")
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ValueError(f"{path.stat().st_size:,} bytes, more than a lesson holds")
        raw = json.loads(path.read_text(encoding="utf-8"))
        entries = raw["steps"]
        if not isinstance(entries, list):
            raise ValueError("'steps' is not a list")
    except (OSError, ValueError, KeyError, TypeError, RecursionError) as err:
        return [], [f"the lesson file {path.name} cannot be read ({type(err).__name__}: {err})"]
    steps, problems, ids = [], [], set()
    for number, entry in enumerate(entries, start=1):
        name = entry.get("id") if isinstance(entry, dict) else None
        name = name if isinstance(name, str) and name else f"number {number}"
        try:
            step = _step(entry)
            if step.id in ids:
                raise ValueError(f"id {step.id!r} is used by an earlier step")
        except (KeyError, TypeError, ValueError) as err:
            problems.append(f"lesson step {name} left out: {_reason(err)}")
            continue
        ids.add(step.id)
        steps.append(step)
    return steps, problems


def _reason(err: Exception) -> str:
    return f"no field {err}" if isinstance(err, KeyError) else str(err)


def _step(entry) -> Step:
    if not isinstance(entry, dict):
        raise ValueError("not an object")
    question = entry["question"]
    if not isinstance(question, dict):
        raise ValueError("question: not an object")
    question = Question(**{**question, "options": tuple(question.get("options", ()))})
    step = Step(**{**entry, "question": question,
                   **{name: tuple(entry.get(name, ())) for name in ("veil", "giveaway",
                                                                     "concepts")}})
    for field in ("id", "title", "text", "formula", "page", "reveal"):
        _text(getattr(step, field), field)
    if not all(isinstance(part, str) for part in (*step.veil, *step.giveaway, *step.concepts)):
        raise ValueError("veil, giveaway and concepts: lists of texts")
    unknown = set(step.concepts) - set(practice.concepts()) - set(fading.fading_concepts())
    if unknown:
        raise ValueError(f"concepts: no Practice concept {sorted(unknown)[0]!r}")
    for field in ("config", "view", "setup", "after"):
        if not isinstance(getattr(step, field), dict):
            raise ValueError(f"{field}: not an object")
    if step.kind not in STEP_KINDS:
        raise ValueError(f"kind {step.kind!r} is not one of {STEP_KINDS}")
    if question.kind not in KINDS:
        raise ValueError(f"question kind {question.kind!r} is not one of {KINDS}")
    _text(question.prompt, "question.prompt")
    _text(question.explain, "question.explain")
    _text(question.hint, "question.hint")
    if not isinstance(question.args, dict):
        raise ValueError("question.args: not an object")
    if question.kind == "choice":
        if not question.options or not all(
                isinstance(o, dict) and set(o) == {"text", "why"} for o in question.options):
            raise ValueError("question.options: each needs a text and a why")
        for option in question.options:
            _text(option["text"], "question.options.text")
            _text(option["why"], "question.options.why")
        if not isinstance(question.answer, str) and (
                isinstance(question.answer, bool) or not isinstance(question.answer, int)
                or not 0 <= question.answer < len(question.options)):
            raise ValueError("question.answer: the index of one of the options, or the name "
                             "of an answer function")
    elif not isinstance(question.answer, str):
        raise ValueError("question.answer: the name of an answer function")
    if isinstance(question.tolerance, bool) or not isinstance(question.tolerance, (int, float)) \
            or not question.tolerance >= 0:
        raise ValueError(f"question.tolerance {question.tolerance!r} is not a number ≥ 0")
    return step


def _text(value, field: str) -> None:
    """A text of the lesson: a string whose {fields} the app can fill."""
    if not isinstance(value, str):
        raise ValueError(f"{field}: not a text")
    try:
        list(string.Formatter().parse(value))
    except ValueError as err:
        raise ValueError(f"{field}: {err} (a brace that opens or closes nothing)") from None


def fields(text: str) -> set[str]:
    """The {names} a lesson text quotes."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}
