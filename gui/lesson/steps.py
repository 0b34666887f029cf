"""The lesson's steps, read from resources/lesson.json and checked for shape (Qt-free)."""

from __future__ import annotations

import json
from typing import NamedTuple

from core.data import _resources_dir

KINDS = ("number", "choice", "cells")


class Question(NamedTuple):
    kind: str                 # "number", "choice" or "cells"
    prompt: str
    answer: str | int         # the answer function's name (number, cells) or the option index
    args: dict = {}
    explain: str = ""         # template: {answer}, the args and the function's extra values
    tolerance: float = 0.0    # numbers: how far from the answer still counts as right
    options: tuple = ()       # choices: ({"text": …, "why": …}, …)


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


def load_steps(path=None) -> list[Step]:
    """Every step, in order (ValueError naming the step if the file is malformed)."""
    path = path or _resources_dir() / "lesson.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    steps = []
    for number, entry in enumerate(raw["steps"], start=1):
        try:
            question = Question(**{**entry["question"],
                                   "options": tuple(entry["question"].get("options", ()))})
            if question.kind not in KINDS:
                raise ValueError(f"question kind {question.kind!r} is not one of {KINDS}")
            if question.kind == "choice" and not 0 <= question.answer < len(question.options):
                raise ValueError("the answer must be the index of one of the options")
            steps.append(Step(**{**entry, "question": question}))
        except (KeyError, TypeError, ValueError) as err:
            raise ValueError(f"lesson step {number} ({entry.get('id', '?')}): {err}") from None
    ids = [step.id for step in steps]
    if len(set(ids)) != len(ids):
        raise ValueError(f"lesson step ids repeat: {ids}")
    return steps
