"""One feedback rule for every question, the lesson's and Practice's (Qt-free).

A right answer: "Right." and the worked answer. A first miss: "Not quite.", what was wrong in
the learner's answer (the picked option's why, a known mistake) and a hint that never holds the
answer; the learner tries again. A second miss: the answer and its working. A prediction, once
settled, stands beside the result; a skipped one says the answer was not predicted.
"""

from __future__ import annotations

from typing import NamedTuple

from gui.tr import translate

RIGHT, WRONG, NEUTRAL = "#2e7d32", "#c62828", "#34495e"
TRIES = 2  # the second miss shows the answer


class Feedback(NamedTuple):
    right: bool
    misses: int               # wrong answers so far, this one included
    given: str = ""           # the learner's answer, as said to them
    answer: str = ""          # the answer, as said
    hint: str = ""            # the rule with the question's numbers (never the answer)
    worked: str = ""          # the worked answer (HTML)
    why: str = ""             # what was wrong in the learner's answer, if known
    prediction: bool = False  # said beside the result once settled
    skipped: bool = False


def settled(feedback: Feedback) -> bool:
    """Whether the question is over: right, skipped, or missed twice (the answer shown)."""
    return feedback.right or feedback.skipped or feedback.misses >= TRIES


def say(feedback: Feedback) -> tuple[str, str]:
    """(HTML, colour of its headline) in the current language."""
    f = feedback._replace(answer=feedback.answer.rstrip("."))  # said inside a sentence
    if f.skipped:
        head, colour = translate("Lesson", "Skipped."), NEUTRAL
        body = [translate("Lesson", "The answer: {answer}.").format(answer=f.answer)
                if f.answer else "", f.worked]
    elif f.right:
        head, colour, body = translate("Lesson", "Right."), RIGHT, [f.worked]
    elif f.misses < TRIES:
        head, colour = translate("Lesson", "Not quite."), WRONG
        body = [f.why, f.hint, translate("Lesson", "Try again.")]
    else:
        head, colour = translate("Lesson", "Not quite."), WRONG
        body = [f.why, translate("Lesson", "The answer: {answer}.").format(answer=f.answer),
                f.worked]
    if f.prediction and settled(f) and not f.skipped:
        body.insert(0, translate("Lesson", "Your prediction: {given} · the result: {answer}.")
                    .format(given=f.given, answer=f.answer))
    text = " ".join(part for part in body if part)
    return f"<b style='color:{colour}'>{head}</b> {text}", colour


def said(value) -> str:
    """A number as the lesson says it: whole numbers with thousands separators, others to four
    significant digits."""
    value = float(value)
    return f"{int(value):,}" if value.is_integer() else f"{value:.4g}"
