"""Practice questions, spaced review and fading worked examples (gui.lesson.practice, .review,
.fading): Qt-free modules, so these tests use no widget. Every answer is checked against a
computation written here (loops, core.reference) and against PyTorch where it is importable."""

import itertools
import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from core import reference as ref
from gui.lesson import fading, practice, review
from gui.lesson.practice import concepts, generate, variant_count
from gui.lesson.review import BOX_DAYS, DAY, Card, Schedule
from gui.tr import Words

try:
    import torch
    import torch.nn.functional as TF
except ImportError:  # PyTorch is never a dependency: its cross-checks are skipped
    torch = None

ROOT = Path(__file__).resolve().parents[2]
SEEDS = range(300)


# --------------------------------------------------------------------------- reading texts


def tokens(text: str) -> set[str]:
    """The numbers a reader sees in ``text``, token by token: pieces between characters that
    are neither letters, digits, '.' nor ','; "2p" and "x2" are names, not numbers."""
    found = set()
    for piece in re.split(r"[^\w.,]", text):
        piece = piece.strip(".,")
        if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?|\d+(\.\d+)?|\.\d+", piece):
            found.add(piece)
    return found


def forms(value, tolerance: float = 0.0) -> set[str]:
    """The ways a page would write ``value`` (sign aside) that the checker would accept:
    "144", "1,444", "0.25", ".25", "0.250", and every rounding within ``tolerance``."""
    value = abs(float(value))
    written = set()
    if value.is_integer():
        written |= {str(int(value)), f"{int(value):,}"}
    for decimals in range(7):
        if abs(round(value, decimals) - value) <= tolerance + 1e-9:
            for text in (f"{value:.{decimals}f}", f"{value:,.{decimals}f}"):
                written.add(text)
                if "." in text:
                    written.add(text.rstrip("0").rstrip("."))
    written |= {text[1:] for text in written if text.startswith("0.")}  # ".25"
    return written - {""}


def says(text: str, value, tolerance: float = 0.0) -> bool:
    return bool(tokens(text) & forms(value, tolerance))


def signed_numbers(text: str) -> list[float]:
    return [float(t.replace("−", "-")) for t in re.findall(r"[−-]?\d+(?:\.\d+)?", text)]


def holds_in_order(text: str, values) -> bool:
    """Whether ``text`` writes the values of an array one after another (a matrix field)."""
    found, wanted = signed_numbers(text), [float(v) for v in np.ravel(values)]
    return any(found[i:i + len(wanted)] == wanted for i in range(len(found) - len(wanted) + 1))


def secrets(q):
    """(value, tolerance) of what a text shown before the reveal must not say."""
    if q.kind == "number":
        return [(q.answer, q.tolerance)]
    if q.kind == "choice":
        return [(q.given["values"][q.answer], 0.0)]
    return [(v, 0.0) for v in q.grid[q.answer]]


# --------------------------------------------------------------------------- independent answers


def positions(size: int, kernel: int, stride: int, padding: int, dilation: int = 1) -> int:
    """Where a window can start in the padded input, counted one by one."""
    span = (kernel - 1) * dilation + 1
    return sum(1 for start in range(0, size + 2 * padding, stride)
               if start + span <= size + 2 * padding)


def t64(values):
    return torch.tensor(np.asarray(values, np.float64))


def conv_output_size(q):
    g = q.given
    assert g["d"] * (g["k"] - 1) + 1 <= g["h"] + 2 * g["p"]  # the window fits: valid
    expected = positions(g["h"], g["k"], g["s"], g["p"], g["d"])
    if torch is not None:
        out = TF.conv2d(torch.zeros(1, 1, g["h"], g["h"]), torch.zeros(1, 1, g["k"], g["k"]),
                        stride=g["s"], padding=g["p"], dilation=g["d"])
        assert out.shape[-1] == expected
    return expected


def pool_output_size(q):
    g = q.given
    assert g["p"] <= g["k"] // 2  # PyTorch's rule for pooling padding
    expected = positions(g["h"], g["k"], g["s"], g["p"])
    if torch is not None:
        pool = TF.max_pool2d if g["mode"] == "max" else TF.avg_pool2d
        assert pool(torch.zeros(1, 1, g["h"], g["h"]), g["k"], g["s"], g["p"]).shape[-1] \
            == expected
    return expected


def conv_params(q):
    g = q.given
    expected = g["oc"] * g["c"] * g["k"] * g["k"] + (g["oc"] if g["bias"] else 0)
    if torch is not None:
        layer = torch.nn.Conv2d(g["c"], g["oc"], g["k"], bias=g["bias"])
        assert sum(p.numel() for p in layer.parameters()) == expected
    return expected


def linear_params(q):
    g = q.given
    expected = g["n_out"] * g["n_in"] + (g["n_out"] if g["bias"] else 0)
    if torch is not None:
        layer = torch.nn.Linear(g["n_in"], g["n_out"], bias=g["bias"])
        assert sum(p.numel() for p in layer.parameters()) == expected
    return expected


MACS_CHECKS = itertools.count()


def conv_macs(q):
    g = q.given
    side = positions(g["h"], g["k"], g["s"], g["p"])
    assert side >= 1
    expected = g["n"] * g["oc"] * side * side * g["c"] * g["k"] * g["k"]
    if torch is not None and next(MACS_CHECKS) % 5 == 0:  # PyTorch's counter is slow: 1 in 5
        from torch.utils.flop_counter import FlopCounterMode

        with FlopCounterMode(display=False) as counter:
            TF.conv2d(torch.zeros(g["n"], g["c"], g["h"], g["h"]),
                      torch.zeros(g["oc"], g["c"], g["k"], g["k"]), stride=g["s"], padding=g["p"])
        assert counter.get_total_flops() == 2 * expected  # a MAC is two FLOPs
    return expected


def padding_reads(q):
    g = q.given
    h, k, p = g["h"], g["k"], g["p"]
    assert 1 <= p < k <= h + 2 * p
    count = 0
    for top in range(h + 2 * p - k + 1):
        for left in range(h + 2 * p - k + 1):
            cells = [(top + i, left + j) for i in range(k) for j in range(k)]
            count += any(not (p <= r < p + h and p <= c < p + h) for r, c in cells)
    return count


def im2col_shape(q):
    g = q.given
    cols = ref.im2col(np.zeros((1, g["c"], g["h"], g["h"])), g["k"], g["s"], g["p"])
    rows, columns = cols.shape[1:]
    if torch is not None:
        unfolded = TF.unfold(torch.zeros(1, g["c"], g["h"], g["h"]), g["k"], padding=g["p"],
                             stride=g["s"])
        assert tuple(unfolded.shape[1:]) == (rows, columns)
    return rows if g["part"] == "rows" else columns


def max_pool_winners(q):
    g = q.given
    grid, k = g["grid"], g["k"]
    assert sorted(grid.ravel()) == list(range(1, grid.size + 1))  # a permutation: no ties
    expected = ref.max_pool2d_backward(np.ones((1, 1, grid.shape[0] // k, grid.shape[1] // k)),
                                       grid[None, None], k)[0, 0] != 0
    if torch is not None:
        x = t64(grid).requires_grad_()
        TF.max_pool2d(x[None, None], k).sum().backward()
        assert np.array_equal(x.grad.numpy() != 0, expected)
    # the worked answer lists the winners, window by window
    winners = ref.max_pool2d(grid[None, None], k)[0, 0].ravel()
    assert str(q.worked).endswith("= " + ", ".join(str(int(v)) for v in winners))
    return expected


def avg_pool_value(q):
    window, k = q.given["window"], q.given["k"]
    assert window.shape == (k, k)
    expected = sum(float(v) for v in window.ravel()) / (k * k)
    if torch is not None:
        assert abs(TF.avg_pool2d(t64(window)[None, None], k).item() - expected) < 1e-12
    return expected


def activation_slope(q):
    g = q.given
    x, name = g["x"], g["activation"]
    if name == "sigmoid":
        expected = ref.sigmoid_derivative(np.array(x))
        numeric = (ref.sigmoid(np.array(x + 1e-6)) - ref.sigmoid(np.array(x - 1e-6))) / 2e-6
    elif name == "tanh":
        expected = ref.tanh_derivative(np.array(x))
        numeric = (np.tanh(x + 1e-6) - np.tanh(x - 1e-6)) / 2e-6
    elif name == "relu":
        expected = numeric = 1.0 if x > 0 else 0.0
    else:
        expected = numeric = 1.0 if x > 0 else g["negative_slope"]
    assert abs(float(expected) - float(numeric)) < 1e-6
    if torch is not None:
        t = torch.tensor(float(x), dtype=torch.float64, requires_grad=True)
        function = {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu,
                    "leaky": lambda v: TF.leaky_relu(v, g["negative_slope"])}[name]
        function(t).backward()
        assert abs(t.grad.item() - float(expected)) < 1e-12
    if q.kind == "choice":
        values = g["values"]
        assert len(values) == len(q.options) == len(q.why) and len(set(values)) == len(values)
        assert [str(o) for o in q.options] == [practice.number(v) for v in values]
        return values.index(float(expected))
    return float(expected)


def linear_backward(q):
    g = q.given
    x, w, dout = g["x"], g["w"], g["dout"]
    if g["part"] == "dW":
        i, j = g["at"]
        expected = dout[i] * x[j]
    else:
        (j,) = g["at"]
        expected = sum(dout[i] * w[i, j] for i in range(len(dout)))
    if torch is not None:
        tx, tw = t64(x).requires_grad_(), t64(w).requires_grad_()
        (tx @ tw.T).backward(t64(dout))
        grad = tw.grad[g["at"]] if g["part"] == "dW" else tx.grad[g["at"]]
        assert grad.item() == expected
    return expected


def conv_weight_grad(q):
    x, delta, (a, b) = q.given["x"], q.given["delta"], q.given["at"]
    expected = sum(delta[i, j] * x[a + i, b + j] for i in range(2) for j in range(2))
    if torch is not None:
        w = torch.zeros(1, 1, 2, 2, dtype=torch.float64, requires_grad=True)
        TF.conv2d(t64(x)[None, None], w).backward(t64(delta)[None, None])
        assert w.grad[0, 0, a, b].item() == expected
    return expected


def output_delta(q):
    y_hat, y = q.given["y_hat"], q.given["y"]
    expected = (y_hat - y) * y_hat * (1 - y_hat)
    if torch is not None:
        z = torch.tensor(np.log(y_hat / (1 - y_hat)), requires_grad=True)
        (0.5 * (y - torch.sigmoid(z)) ** 2).backward()
        assert abs(z.grad.item() - expected) < 1e-12
    return expected


def sgd_step(q):
    w, g, lr = q.given["w"], q.given["g"], q.given["lr"]
    expected = w - lr * g
    if torch is not None:
        t = torch.tensor([w], dtype=torch.float64, requires_grad=True)
        t.grad = torch.tensor([g], dtype=torch.float64)
        torch.optim.SGD([t], lr=lr).step()
        assert abs(t.item() - expected) < 1e-12
    return expected


EXPECTED = {f.__name__: f for f in (
    conv_output_size, pool_output_size, conv_params, linear_params, conv_macs, padding_reads,
    im2col_shape, max_pool_winners, avg_pool_value, activation_slope, linear_backward,
    conv_weight_grad, output_delta, sgd_step)}


# --------------------------------------------------------------------------- practice


def test_the_modules_need_no_qt():
    code = ("import sys\nimport gui.lesson.practice, gui.lesson.review, gui.lesson.fading\n"
            "bad = [m for m in sys.modules if m.split('.')[0] in "
            "('PySide6', 'shiboken6', 'pyqtgraph')]\nprint(bad)\nsys.exit(1 if bad else 0)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_concepts_follow_the_lesson_and_have_titles():
    assert set(concepts()) == set(EXPECTED)
    assert concepts()[:3] == ("conv_params", "conv_output_size", "conv_macs")
    assert concepts()[-1] == "sgd_step"
    titles = [str(practice.title(c)) for c in concepts()]
    assert len(set(titles)) == len(titles) and all(0 < len(t) <= 32 for t in titles)
    with pytest.raises(ValueError, match="no practice concept"):
        generate("nonsense", np.random.default_rng(0))


@pytest.mark.parametrize("concept", list(EXPECTED))
def test_every_variant_is_answered_right_and_explained_without_giving_it_away(concept):
    for seed in SEEDS:
        q = generate(concept, np.random.default_rng(seed))
        where = (concept, seed, str(q.prompt))
        assert q.concept == concept and q.kind in ("number", "choice", "cells"), where
        expected = EXPECTED[concept](q)
        if q.kind == "number":
            assert abs(q.answer - expected) <= 1e-9, (where, q.answer, expected)
            assert practice.is_right(q, expected) and not practice.is_right(q, None)
        elif q.kind == "choice":
            assert q.answer == expected, where
        else:
            assert q.answer.dtype == bool and np.array_equal(q.answer, expected), where
            assert q.grid.shape == q.answer.shape
        prompt, hint, worked = str(q.prompt), str(q.hint), str(q.worked)
        assert len(prompt) <= 220, (where, len(prompt))
        assert hint and worked
        # a first miss never shows the answer: not the hint, not a mistake's note, not the
        # "why" of a wrong option
        shown_early = [hint] + [str(text) for _, text in q.mistakes]
        shown_early += [str(w) for i, w in enumerate(q.why) if i != q.answer]
        for text in shown_early:
            for value, tolerance in secrets(q):
                assert not says(text, value, tolerance), (where, text, value)
        # the worked answer ends with it
        if q.kind == "number":
            tail = worked.rsplit("= ", 1)[-1]
            assert tail.lstrip("−") in forms(q.answer, q.tolerance), (where, worked)
            magnitude = float(tail.lstrip("−").replace(",", ""))
            assert tail.startswith("−") == (q.answer < 0 and magnitude != 0), (where, worked)
        elif q.kind == "choice":
            assert worked.endswith("= " + str(q.options[q.answer])), (where, worked)
        # each typical mistake is wrong, and is recognised as itself
        for value, text in q.mistakes:
            assert not practice.is_right(q, value), (where, value)
            assert practice.mistake(q, value) == text
        # the prompt shows the numbers the question is about
        for name, value in q.given.items():
            if isinstance(value, np.ndarray) and name != "grid":
                assert holds_in_order(prompt, value), (where, name)
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                assert says(prompt, value), (where, name, value)


def test_a_mistake_is_named_and_a_right_answer_is_not_one():
    rng = np.random.default_rng(5)
    q = next(q for q in (generate("conv_output_size", rng) for _ in range(200))
             if q.given["p"] > 0 and q.given["s"] == 1 and q.given["d"] == 1)
    g = q.given
    once = (g["h"] + g["p"] - g["k"]) // g["s"] + 1   # the padding counted on one side only
    if once != q.answer:
        assert "padding once" in str(practice.mistake(q, once))
    assert practice.mistake(q, q.answer) is None and practice.mistake(q, None) is None
    assert practice.mistake(q, 10_000) is None   # not a typical mistake: the hint is shown


def test_the_variants_are_many_and_really_different():
    """One test for all concepts (each test costs the suite's garbage checks): every concept
    has at least 50 variants, and 200 seeds meet at least min(50, count) different ones."""
    short = {}
    for concept in concepts():
        count = variant_count(concept)
        keys = set()
        for seed in range(200):
            q = generate(concept, np.random.default_rng(seed))
            keys.add((str(q.prompt), None if q.grid is None else q.grid.tobytes()))
        if count < 50 or len(keys) < min(50, count):
            short[concept] = (count, len(keys))
    assert short == {}


def test_a_small_space_is_counted_exactly():
    """Where the space is small, drawing long enough meets every variant: as many as
    variant_count says, no more."""
    for concept in ("activation_slope", "padding_reads", "linear_params", "output_delta",
                    "conv_params"):
        seen = {str(generate(concept, np.random.default_rng(seed)).prompt)
                for seed in range(6000)}
        assert len(seen) == variant_count(concept), concept


def test_the_average_pooling_count_matches_every_window_of_one_size(monkeypatch):
    """The count by sums equals a question built for each of the 10,000 windows of 2×2."""
    monkeypatch.setattr(practice, "AVG_WINDOWS", (2,))
    clean = 0
    for values in np.ndindex(*(practice.AVG_VALUES,) * 4):
        q = practice._avg_pool_value(2, np.array(values, np.float64).reshape(2, 2))
        clean += not says(str(q.hint), q.answer, q.tolerance)
    assert practice._count_average() == clean and 9_000 < clean < 10_000


def test_numbers_are_written_as_a_page_writes_them():
    assert practice.number(1444) == "1,444" and practice.number(-3) == "−3"
    assert practice.number(0.25) == "0.25" and practice.number(-0.00001, 3) == "0.000"
    assert practice.matrix(np.array([[1, -2], [0, 3]])) == "[[1, −2], [0, 3]]"
    assert practice.numbers_in("OH = (H + 2p − 1) // 2 with H = 1,444, x = −0.5, d·3") == \
        [1.0, 2.0, 1444.0, 0.5, 3.0]


# --------------------------------------------------------------------------- review


class Clock:
    def __init__(self, now: float = 1_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now

    def days(self, days: float) -> None:
        self.now += days * DAY


def test_a_concept_comes_back_only_after_the_lesson_introduced_it():
    clock = Clock()
    schedule = Schedule(clock=clock)
    assert schedule.due() == [] and not schedule.introduced("conv_macs")
    assert schedule.card("conv_macs") == Card("conv_macs")
    card = schedule.introduce("conv_macs")
    assert card.box == 0 and card.due == clock.now + DAY and card.tries == 0
    clock.days(0.5)
    assert schedule.introduce("conv_macs") == card   # seeing the step again changes nothing
    clock.now = card.due - 1
    assert schedule.due() == []
    clock.now = card.due
    assert schedule.due() == ["conv_macs"]


def test_boxes_climb_on_right_answers_and_fall_to_one_on_a_wrong_one():
    clock = Clock()
    schedule = Schedule(clock=clock)
    schedule.introduce("sgd_step")
    boxes = []
    for answer in range(7):
        clock.days(40)                    # whatever is due by now
        card = schedule.answered("sgd_step", True)
        boxes.append(card.box)
        assert card.due == clock.now + BOX_DAYS[card.box] * DAY   # exactly the box's interval
        assert card.last == clock.now and card.right == card.tries == answer + 1
        clock.now = card.due - 1
        assert "sgd_step" not in schedule.due()
        clock.now = card.due
        assert schedule.due() == ["sgd_step"]
    assert boxes == [1, 2, 3, 4, 5, 5, 5]
    card = schedule.answered("sgd_step", False)
    assert (card.box, card.due, card.right, card.tries) == (1, clock.now + DAY, 7, 8)
    card = schedule.answered("sgd_step", True)
    assert card.box == 2 and card.due == clock.now + 3 * DAY


def test_practising_an_unseen_concept_introduces_it():
    clock = Clock()
    schedule = Schedule(clock=clock)
    card = schedule.answered("conv_params", False)
    assert schedule.introduced("conv_params")
    assert (card.box, card.due, card.right, card.tries) == (1, clock.now + DAY, 0, 1)


def test_the_most_overdue_comes_first():
    clock = Clock()
    schedule = Schedule(clock=clock)
    for concept in ("conv_params", "sgd_step", "conv_macs", "output_delta"):
        schedule.introduce(concept)
        clock.days(1)
    schedule.answered("conv_macs", True)        # box 1: due in a day, after the others
    clock.days(3)
    assert schedule.due() == ["conv_params", "sgd_step", "output_delta", "conv_macs"]


def test_predictions_are_counted_apart_and_a_wrong_one_brings_a_review():
    clock = Clock()
    schedule = Schedule(clock=clock)
    card = schedule.predicted("max_pool_winners", True)
    assert schedule.introduced("max_pool_winners")
    assert (card.box, card.due, card.predicted_right, card.predictions, card.tries) == \
        (0, clock.now + DAY, 1, 1, 0)
    for _ in range(3):
        clock.days(40)
        schedule.answered("max_pool_winners", True)
    before = schedule.card("max_pool_winners")
    clock.days(1)
    card = schedule.predicted("max_pool_winners", True)      # a right one: same schedule
    assert (card.box, card.due) == (before.box, before.due) and card.predictions == 2
    card = schedule.predicted("max_pool_winners", False)     # a wrong one: back tomorrow
    assert (card.box, card.due) == (1, clock.now + DAY)
    assert (card.predicted_right, card.predictions, card.right, card.tries) == (2, 3, 3, 3)


def test_the_table_shows_every_concepts_record():
    clock = Clock()
    schedule = Schedule(clock=clock)
    schedule.answered("conv_macs", True)
    schedule.predicted("conv_macs", False)
    clock.days(2)
    titles = {c: practice.title(c) for c in concepts()}
    rows = schedule.table(titles)
    assert [row.concept for row in rows] == list(concepts())
    macs = rows[concepts().index("conv_macs")]
    assert (macs.box, macs.right, macs.tries, macs.predicted_right, macs.predictions) == \
        (1, 1, 1, 0, 1)
    assert macs.due_in_days == pytest.approx(-1.0) and str(macs.title) == "MACs"
    assert rows[0].due_in_days is None                   # never met: no due date
    assert [row.concept for row in schedule.table()] == ["conv_macs"]


def test_the_schedule_survives_its_text():
    clock = Clock()
    schedule = Schedule(clock=clock)
    for concept, right in (("conv_params", True), ("conv_macs", False), ("im2col_index", True)):
        schedule.answered(concept, right)
        clock.days(0.3)
    schedule.predicted("output_delta", True)
    schedule.introduce("sgd_step")
    text = schedule.to_text()
    again = Schedule.from_text(text, clock=clock)
    assert again.cards() == schedule.cards() and again.due() == schedule.due()
    assert again.to_text() == text and isinstance(json.loads(text), dict)


def good_card(**changes) -> dict:
    card = {"box": 2, "due": 1_000_500.0, "right": 2, "tries": 3, "predicted_right": 0,
            "predictions": 1, "last": 999_000.0}
    card.update(changes)
    return card


def cards_text(**cards) -> str:
    return json.dumps({"format": 1, "cards": cards})


HOSTILE = {
    "empty": "",
    "not JSON": "{cards: nope",
    "a list": "[1, 2, 3]",
    "null": "null",
    "cards a list": json.dumps({"cards": [good_card()]}),
    "card a number": cards_text(conv_macs=5),
    "box a string": cards_text(conv_macs=good_card(box="2")),
    "box a bool": cards_text(conv_macs=good_card(box=True)),
    "box negative": cards_text(conv_macs=good_card(box=-1)),
    "box past the last": cards_text(conv_macs=good_card(box=99)),
    "due NaN": '{"cards": {"conv_macs": {"box": 1, "due": NaN}}}',
    "due infinite": '{"cards": {"conv_macs": {"box": 1, "due": 1e999}}}',
    "count a huge number": '{"cards": {"conv_macs": {"tries": ' + "9" * 5000 + "}}}",
    "count negative": cards_text(conv_macs=good_card(tries=-3, right=-4)),
    "more right than tries": cards_text(conv_macs=good_card(right=5, tries=2)),
    "unknown concept": cards_text(not_a_concept=good_card()),
    "nested deep": "[" * 100_000 + "]" * 100_000,
    "too long": cards_text(conv_macs=good_card(), padding="x" * (2 << 20)),
    "not text": b'{"cards": {}}',
    "none": None,
}


def test_hostile_text_gives_a_usable_schedule():
    assert len(HOSTILE) >= 10
    for name, text in HOSTILE.items():
        clock = Clock()
        schedule = Schedule.from_text(text, clock=clock)
        assert schedule.cards() == {} and schedule.due() == [], name
        schedule.answered("conv_macs", True)     # and it works on
        assert Schedule.from_text(schedule.to_text(), clock=clock).cards() == \
            schedule.cards(), name


def test_a_partly_bad_text_keeps_its_good_cards_and_a_far_due_date_comes_back():
    clock = Clock()
    text = cards_text(conv_macs=good_card(), sgd_step=good_card(box=-1), mystery=good_card(),
                      conv_params=good_card(box=1, due=1e10),     # a clock set back, an edit
                      output_delta={"box": 3})                    # missing fields: defaults
    schedule = Schedule.from_text(text, clock=clock)
    assert set(schedule.cards()) == {"conv_macs", "conv_params", "output_delta"}
    assert schedule.card("conv_macs") == Card("conv_macs", **good_card())
    assert schedule.card("conv_params").due == clock.now + BOX_DAYS[1] * DAY
    assert schedule.card("output_delta") == Card("output_delta", box=3)
    assert schedule.due() == ["output_delta"]    # due 0: long overdue
    kept = Schedule.from_text(text, clock=clock, known=["conv_macs"])
    assert set(kept.cards()) == {"conv_macs"}


# --------------------------------------------------------------------------- fading


def test_levels_move_up_when_right_and_down_when_wrong():
    assert fading.LEVELS == 3
    assert [fading.next_level(level, True) for level in range(3)] == [1, 2, 2]
    assert [fading.next_level(level, False) for level in range(3)] == [0, 0, 1]


@pytest.mark.parametrize("concept", fading.fading_concepts())
def test_blanks_fade_one_step_then_all(concept):
    picked = set()
    for seed in range(200):
        rng = np.random.default_rng(seed)
        worked = fading.worked_example(concept, rng)
        last = len(worked.lines) - 1
        assert fading.blanks(worked, 0, rng) == ()
        one = fading.blanks(worked, 1, rng)
        assert len(one) == 1 and 0 <= one[0] < last      # never the answer line
        picked.add((last, one[0]))
        assert fading.blanks(worked, 2, rng) == tuple(range(last + 1))
    # every step but the last gets its turn
    for last in {last for last, _ in picked}:
        assert {i for n, i in picked if n == last} == set(range(last)), (concept, last)
    with pytest.raises(ValueError, match="level"):
        fading.blanks(worked, 3, rng)


def check_output_size(worked):
    g = worked.given
    h, k, p, s, d = g["h"], g["k"], g["p"], g["s"], g["d"]
    padded = len([0] * p + [1] * h + [0] * p)
    taps = [i * d for i in range(k)]
    span = taps[-1] - taps[0] + 1
    moves = 0
    while (moves + 1) * s + span <= padded:
        moves += 1
    expected = [padded, span, padded - span, moves, positions(h, k, s, p, d)]
    assert expected[2] // s == moves and moves + 1 == expected[4]   # the steps lead on
    if torch is not None:
        out = TF.conv2d(torch.zeros(1, 1, h, h), torch.zeros(1, 1, k, k), stride=s, padding=p,
                        dilation=d)
        assert out.shape[-1] == expected[4]
    return expected


def check_im2col_index(worked):
    g = worked.given
    c, h, k, p, s, row, col = (g[n] for n in ("c", "h", "k", "p", "s", "row", "col"))
    x = np.arange(1, c * h * h + 1, dtype=np.float64).reshape(1, c, h, h)
    side = positions(h, k, s, p)
    column = {}
    for oh in range(side):
        for ow in range(side):
            column[len(column)] = (oh, ow)
    row_of = {}
    for channel in range(c):
        for i in range(k):
            for j in range(k):
                row_of[len(row_of)] = (channel, i, j)
    (oh, ow), (channel, i, j) = column[col], row_of[row]
    in_row, in_col = oh * s - p + i, ow * s - p + j
    inside = 0 <= in_row < h and 0 <= in_col < h
    number = int(x[0, channel, in_row, in_col]) if inside else 0
    assert number == ref.im2col(x, k, s, p)[0, row, col]
    if torch is not None:
        assert TF.unfold(t64(x), k, padding=p, stride=s)[0, row, col].item() == number
    return [oh, ow, channel, i, j, in_row, in_col, number]


def check_conv_backward(worked):
    g = worked.given
    delta = g["delta"]
    if g["part"] == "dW":
        x, (a, b) = g["x"], g["at"]
        products = [delta[i, j] * x[a + i, b + j] for i in range(2) for j in range(2)]
        if torch is not None:
            w = torch.zeros(1, 1, 2, 2, dtype=torch.float64, requires_grad=True)
            TF.conv2d(t64(x)[None, None], w).backward(t64(delta)[None, None])
            assert w.grad[0, 0, a, b].item() == sum(products)
    else:
        weight, (r, c) = g["weight"], g["at"]
        products = [delta[oh, ow] * weight[r - oh, c - ow] for oh in range(2) for ow in range(2)
                    if 0 <= r - oh < 2 and 0 <= c - ow < 2]
        if torch is not None:
            x = torch.zeros(1, 1, 3, 3, dtype=torch.float64, requires_grad=True)
            TF.conv2d(x, t64(weight)[None, None]).backward(t64(delta)[None, None])
            assert x.grad[0, 0, r, c].item() == sum(products)
    return products + [sum(products)]


CHECKS = {"conv_output_size": check_output_size, "im2col_index": check_im2col_index,
          "conv_backward": check_conv_backward}


@pytest.mark.parametrize("concept", fading.fading_concepts())
def test_every_worked_step_is_right_and_leads_to_the_answer(concept):
    parts = set()
    for seed in SEEDS:
        worked = fading.worked_example(concept, np.random.default_rng(seed))
        expected = CHECKS[concept](worked)
        values = [line.value for line in worked.lines]
        assert values == expected, (concept, seed, values, expected)
        assert worked.lines[-1].value == worked.answer and worked.concept == concept
        assert len(str(worked.prompt)) <= 220
        for line in worked.lines:
            assert isinstance(line.label, Words) and str(line.label)
        parts.add(worked.given.get("part"))
    if concept == "conv_backward":
        assert parts == {"dW", "dx"}


def test_the_fading_concepts_have_titles_and_known_names():
    assert fading.fading_concepts() == ("conv_output_size", "im2col_index", "conv_backward")
    assert str(fading.title("im2col_index")) == "im2col indexing"
    assert set(fading.fading_concepts()) <= set(review.known_concepts())
    with pytest.raises(ValueError, match="no worked example"):
        fading.worked_example("nonsense", np.random.default_rng(0))
