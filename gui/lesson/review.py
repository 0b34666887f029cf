"""Spaced review: one Leitner card per concept, kept in the settings as a JSON text.

A card climbs one box per right answer and falls back to box 1 on a wrong one; box b comes back
BOX_DAYS[b] days after its last answer. Retrieval spaced out this way is what makes practice stick
(Roediger & Karpicke 2006; Dunlosky et al. 2013).

When a concept starts to come back:

- A concept the learner has never met is never due: the panel calls ``introduce(concept)`` when
  the lesson shows the idea. That puts the card in box 0, due one day later — the first review
  comes back spaced after the lesson, not massed right behind it. Introducing again changes
  nothing. Box 0 has no wait of its own (BOX_DAYS[0] = 0): a card there is due from the time set
  on it (``introduce``'s day later, or at once for a box-0 card read from older text).
- ``answered(concept, right)``: right moves the card up a box (at most the last) and due
  BOX_DAYS[new box] days from now; wrong moves it to box 1, due tomorrow. Practising a concept
  the lesson has not introduced introduces it.
- ``predicted(concept, right)``: a prediction made in the lesson before the answer is shown is
  counted apart (``predicted_right`` / ``predictions``, not ``right`` / ``tries``). A right one
  only introduces the concept (a good guess is not yet retrieval); a wrong one schedules a
  review as a wrong answer does: box 1, due tomorrow.

``due()`` lists the concepts due now, most overdue first. Times are seconds from the injected
``clock`` (``time.time`` by default), so tests move time by hand.

``to_text`` / ``from_text`` keep the schedule in a QSettings string. ``from_text`` trusts nothing:
text that is not JSON, wrong types, NaN, huge or negative numbers, unknown concepts — each bad
card is left out, and the rest is kept; it never raises.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable, Iterable, Mapping
from typing import NamedTuple

BOX_DAYS = (0, 1, 3, 7, 14, 30)   # box 0 is due at once
LAST_BOX = len(BOX_DAYS) - 1
DAY = 86_400.0                    # seconds
FORMAT = 1
MAX_TEXT = 1 << 20                # characters: a real schedule is a few kB
MAX_COUNT = 10**9                 # more answers than anyone gives: the text was tampered with
MAX_TIME = 1e11                   # seconds since 1970: the year 5138


class Card(NamedTuple):
    concept: str
    box: int = 0
    due: float = 0.0              # when it comes back (clock seconds)
    right: int = 0                # practice answers right, of ``tries``
    tries: int = 0
    predicted_right: int = 0      # lesson predictions right, of ``predictions``
    predictions: int = 0
    last: float = 0.0             # when it was last answered or predicted (0: never)


class Row(NamedTuple):
    """One line of the record table."""

    concept: str
    title: object                 # the title given to ``table`` (Words or str), else the concept
    box: int
    right: int
    tries: int
    predicted_right: int
    predictions: int
    due_in_days: float | None     # negative: overdue; None: not introduced yet


def known_concepts() -> tuple[str, ...]:
    """The concepts a schedule keeps: practice's, then the fading examples' own."""
    from gui.lesson.fading import fading_concepts
    from gui.lesson.practice import concepts

    return tuple(dict.fromkeys(concepts() + fading_concepts()))


class Schedule:
    """The Leitner cards of the concepts met so far."""

    def __init__(self, cards: dict[str, Card] | None = None,
                 clock: Callable[[], float] = time.time):
        self._clock = clock
        self._cards: dict[str, Card] = dict(cards or {})

    def __repr__(self):
        return f"Schedule({len(self._cards)} cards, {len(self.due())} due)"

    def now(self) -> float:
        return float(self._clock())

    def cards(self) -> dict[str, Card]:
        """A copy of every card (concepts introduced, practised or predicted)."""
        return dict(self._cards)

    def card(self, concept: str) -> Card:
        """The concept's card; a fresh box-0 card (not stored) if it was never met."""
        return self._cards.get(concept, Card(concept))

    def introduced(self, concept: str) -> bool:
        return concept in self._cards

    def introduce(self, concept: str) -> Card:
        """The lesson has shown ``concept``: its first review comes one day later. A concept
        met before keeps its card."""
        if concept not in self._cards:
            self._cards[concept] = Card(concept, 0, self.now() + BOX_DAYS[1] * DAY)
        return self._cards[concept]

    def due(self) -> list[str]:
        """Concepts due now, most overdue first (then in the order they were met)."""
        now = self.now()
        waiting = [card for card in self._cards.values() if card.due <= now]
        return [card.concept for card in sorted(waiting, key=lambda card: card.due)]

    def answered(self, concept: str, right: bool) -> Card:
        """A practice answer: right moves up a box, wrong back to box 1."""
        now = self.now()
        card = self.introduce(concept)
        box = min(card.box + 1, LAST_BOX) if right else 1
        card = card._replace(box=box, due=now + BOX_DAYS[box] * DAY, right=card.right + bool(right),
                             tries=card.tries + 1, last=now)
        self._cards[concept] = card
        return card

    def predicted(self, concept: str, right: bool) -> Card:
        """A prediction in the lesson: counted apart; a wrong one schedules a review tomorrow
        (box 1), a right one leaves the schedule as it was."""
        now = self.now()
        card = self.introduce(concept)
        card = card._replace(predicted_right=card.predicted_right + bool(right),
                             predictions=card.predictions + 1, last=now)
        if not right:
            card = card._replace(box=1, due=now + BOX_DAYS[1] * DAY)
        self._cards[concept] = card
        return card

    def table(self, titles: Mapping | None = None) -> list[Row]:
        """Rows for the record table: with ``titles`` (concept -> title, e.g. practice.title
        of each) one row per concept in its order, met or not; without, one per card met."""
        now = self.now()
        concepts: Iterable[str] = titles if titles is not None else _ordered(self._cards)
        rows = []
        for concept in concepts:
            card = self._cards.get(concept)
            stored = card is not None
            card = card or Card(concept)
            rows.append(Row(concept, titles[concept] if titles is not None else concept,
                            card.box, card.right, card.tries, card.predicted_right,
                            card.predictions, (card.due - now) / DAY if stored else None))
        return rows

    # ------------------------------------------------------------------ persistence

    def to_text(self) -> str:
        """The cards as one JSON text (for QSettings)."""
        cards = {concept: card._asdict() for concept, card in self._cards.items()}
        for fields in cards.values():
            del fields["concept"]
        return json.dumps({"format": FORMAT, "cards": cards}, sort_keys=True, allow_nan=False,
                          separators=(",", ":"))

    @classmethod
    def from_text(cls, text, clock: Callable[[], float] = time.time,
                  known: Iterable[str] | None = None) -> Schedule:
        """The schedule ``to_text`` wrote. Whatever the text holds, this returns a usable
        schedule: each card that is not valid — unknown concept (not in ``known``, by default
        ``known_concepts()``), a wrong type, a number that is NaN, infinite, negative or out of
        range — is left out; a due date further ahead than its box allows (a clock set back,
        an edited file) is brought back to now + its box's interval."""
        schedule = cls(clock=clock)
        data = _parse(text)
        cards = data.get("cards") if isinstance(data, dict) else None
        if not isinstance(cards, dict):
            return schedule
        known = set(known_concepts() if known is None else known)
        now = schedule.now()
        for concept, fields in cards.items():
            if concept in known:
                card = _card(concept, fields, now)
                if card is not None:
                    schedule._cards[concept] = card
        schedule._cards = {card.concept: card for card in _ordered(schedule._cards.values())}
        return schedule


def _ordered(cards):
    """Cards (or concepts) in the lesson's order, others after them by name."""
    order = {concept: index for index, concept in enumerate(known_concepts())}

    def key(item):
        concept = item if isinstance(item, str) else item.concept
        return order.get(concept, len(order)), concept

    return sorted(cards, key=key)


def _parse(text):
    if not isinstance(text, str) or len(text) > MAX_TEXT:
        return None
    try:
        return json.loads(text)
    except (ValueError, RecursionError):  # not JSON, a number too long to read, nested deep
        return None


def _count(value) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_COUNT:
        return None
    return value


def _time(value) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    value = float(value)
    return value if math.isfinite(value) and 0 <= value <= MAX_TIME else None


def _card(concept: str, fields, now: float) -> Card | None:
    """A valid card from stored fields (missing ones take their defaults), or None."""
    if not isinstance(fields, dict):
        return None
    default = Card(concept)
    box = _count(fields.get("box", default.box))
    counts = [_count(fields.get(name, 0)) for name in
              ("right", "tries", "predicted_right", "predictions")]
    due, last = _time(fields.get("due", default.due)), _time(fields.get("last", default.last))
    if box is None or box > LAST_BOX or None in counts or due is None or last is None:
        return None
    right, tries, predicted_right, predictions = counts
    if right > tries or predicted_right > predictions:
        return None
    due = min(due, now + BOX_DAYS[max(box, 1)] * DAY)
    return Card(concept, box, due, right, tries, predicted_right, predictions, last)
