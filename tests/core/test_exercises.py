"""The exercises: every reference solution passes its own checks, typical wrong solutions fail
with the message that names their mistake, and the learner's code runs in a separate, limited
process (killed at the time limit, stopped by the memory cap, kept out of the project's files)."""

import ast
import os
import pickle
import subprocess
import sys
import tempfile
import textwrap

import numpy as np
import pytest

from core import exercises as X
from core import functional as F
from core.exercises import _wire, catalog, sandbox

ORDER = ("output_size", "pad", "conv_naive", "im2col", "max_pool_forward", "max_pool_backward",
         "sigmoid", "linear_backward", "tiny_net_step")


def solution(exercise_id):
    return X.describe(exercise_id).solution


def first_failure(report):
    return next(case for case in report.cases if not case.passed)


# --------------------------------------------------------------------------- the catalogue


def test_the_exercises_follow_the_lesson():
    assert X.exercise_ids() == ORDER
    infos = X.exercises()
    assert [info.number for info in infos] == list(range(1, 10))
    for info in infos:
        assert info.title and "Example" in info.statement and len(info.hints) == 2
        assert all(len(hint) > 20 for hint in info.hints)
        assert info.hints[0] != info.hints[1]


@pytest.mark.parametrize("exercise_id", ORDER)
def test_skeletons_define_the_functions_and_raise_not_implemented(exercise_id):
    info = X.describe(exercise_id)
    tree = ast.parse(info.skeleton)
    defined = {node.name: node for node in tree.body if isinstance(node, ast.FunctionDef)}
    assert set(defined) == set(info.functions)
    for node in defined.values():
        assert ast.get_docstring(node)
        assert isinstance(node.body[-1], ast.Raise) and "NotImplementedError" in ast.unparse(
            node.body[-1])
        params = tuple(arg.arg for arg in node.args.args)
        assert params == catalog.get(exercise_id).params[node.name]


@pytest.mark.parametrize("exercise_id", ORDER)
def test_the_solution_and_provided_functions_run_on_their_own(exercise_id):
    info = X.describe(exercise_id)
    namespace: dict = {}
    exec(compile(info.solution, "<solution>", "exec"), namespace)
    assert all(callable(namespace[name]) for name in info.functions)
    provided: dict = {}
    exec(compile(info.provided_source, "<provided>", "exec"), provided)
    assert all(callable(provided[name]) for name in info.provided)


def test_unknown_exercise_names_the_known_ones():
    with pytest.raises(ValueError, match="conv_naive"):
        X.describe("conv3d")


@pytest.mark.parametrize("exercise_id", ORDER)
def test_cases_are_seeded(exercise_id):
    exercise = catalog.get(exercise_id)
    first, again, other = exercise.cases(0), exercise.cases(0), exercise.cases(1)
    assert [c.description for c in first] == [c.description for c in again]
    assert all(_same_args(a, b) for a, b in zip(first, again))
    assert not all(_same_args(a, b) for a, b in zip(first, other))


def _same_args(a, b):
    return len(a.args) == len(b.args) and all(
        np.array_equal(x, y) if isinstance(x, np.ndarray) else x == y
        for x, y in zip(a.args, b.args))


def test_convolution_cases_include_the_edge_cases():
    cases = catalog.get("conv_naive").cases(0)
    shapes = [(c.args[0].shape, c.args[1].shape, c.args[3], c.args[4]) for c in cases]
    assert any(p > 0 for *_, p in shapes)
    assert any(p > w[2] // 2 for _, w, _, p in shapes)                 # padding > kernel/2
    assert any(s == 2 for _, _, s, _ in shapes)
    assert any(x[2] != x[3] for x, *_ in shapes)                       # non-square input
    assert any(w[2] != w[3] for _, w, *_ in shapes)                    # non-square kernel
    assert any(x[0] > 1 for x, *_ in shapes) and any(x[1] > 1 for x, *_ in shapes)
    assert any(c.args[5] == 2 for c in cases) and any(c.args[2] is not None for c in cases)


def test_max_pool_cases_have_ties_and_overlapping_windows():
    for exercise_id in ("max_pool_forward", "max_pool_backward"):
        cases = catalog.get(exercise_id).cases(0)
        tied = overlapping = False
        for case in cases:
            x, kernel, stride = case.args[-3:]
            stride = kernel if stride is None else stride
            overlapping |= stride < kernel
            for n, c in np.ndindex(x.shape[:2]):
                for row in range(0, x.shape[2] - kernel + 1, stride):
                    for col in range(0, x.shape[3] - kernel + 1, stride):
                        window = x[n, c, row:row + kernel, col:col + kernel]
                        tied |= np.sum(window == window.max()) > 1
        assert tied and overlapping
        assert any(case.args[-3].shape[0] > 1 for case in cases)


# --------------------------------------------------------------------------- right solutions


@pytest.mark.parametrize("exercise_id", ORDER)
def test_every_reference_solution_passes_its_own_checks(exercise_id):
    report = X.check(exercise_id, solution(exercise_id))
    assert report.passed, (report.summary, [c.reason for c in report.cases if not c.passed])
    assert report.summary == f"all {len(report.cases)} cases pass"
    assert report.failure is None and report.error is None and report.killed is None
    assert all(case.seconds is not None for case in report.cases)


CONV_LOOPS = '''
import numpy as np


def conv2d_naive(x, weight, bias=None, stride=1, padding=0, dilation=1):
    N, C, H, W = x.shape
    OC, _, KH, KW = weight.shape
    OH = {oh}
    OW = {ow}
    xp = {pad}
    out = np.zeros((N, OC, OH, OW))
    for n in range({batch}):
        for row in range(OH):
            for col in range(OW):
                for oc in range(OC):
                    total = 0.0 if bias is None else {bias}
                    for c in range(C):
                        for i in range(KH):
                            for j in range(KW):
                                total += (xp[n, c, row * stride + i * {step},
                                             col * stride + j * {step}] * {w})
                    out[n, oc, row, col] = total
    return out
'''


def conv_loops(**changes):
    """A learner's seven-loop convolution, right or with one change."""
    parts = dict(oh="conv_output_size(H, KH, stride, padding, dilation)",
                 ow="conv_output_size(W, KW, stride, padding, dilation)", pad="pad2d(x, padding)",
                 batch="N", bias="bias[oc]", step="dilation", w="weight[oc, c, i, j]")
    parts.update(changes)
    return CONV_LOOPS.format(**parts)


def test_a_learners_seven_loops_pass():
    report = X.check("conv_naive", conv_loops())
    assert report.passed, report.summary


def test_an_overflowing_sigmoid_passes_with_a_warning():
    naive = ("import numpy as np\n\ndef sigmoid(x):\n    return 1 / (1 + np.exp(-x))\n\n"
             "def sigmoid_derivative(x):\n    s = sigmoid(x)\n    return s * (1 - s)\n")
    report = X.check("sigmoid", naive)
    assert report.passed
    assert any("overflow" in warning for case in report.cases for warning in case.warnings)


# --------------------------------------------------------------------------- wrong solutions

POOL_BACKWARD = '''
import numpy as np


def max_pool2d_backward(dout, x, kernel_size, stride=None):
    k = kernel_size
    s = k if stride is None else stride
    dx = np.zeros(x.shape)
    N, C, OH, OW = dout.shape
    for n in range(N):
        for c in range(C):
            for row in range(OH):
                for col in range(OW):
                    window = x[n, c, row*s:row*s+k, col*s:col*s+k]
                    target = dx[n, c, row*s:row*s+k, col*s:col*s+k]
{body}
    return dx
'''

POOL_FORWARD = '''
import numpy as np


def max_pool2d(x, kernel_size, stride=None):
    k = kernel_size
    s = {stride}
    N, C, H, W = x.shape
    OH, OW = (H - k) // s + 1, (W - k) // s + 1
    out = np.zeros((N, C, OH, OW))
    for row in range(OH):
        for col in range(OW):
            out[:, :, row, col] = x[:, :, row*s:row*s+k, col*s:col*s+k].{reduce}
    return out
'''

STRIDE = "k if stride is None else stride"

MAX_FROM_ZERO = '''
import numpy as np


def max_pool2d(x, kernel_size, stride=None):
    k = kernel_size
    s = k if stride is None else stride
    N, C, H, W = x.shape
    out = np.zeros((N, C, (H - k) // s + 1, (W - k) // s + 1))
    for n, c, row, col in np.ndindex(out.shape):
        best = 0
        for i in range(k):
            for j in range(k):
                best = max(best, x[n, c, row*s + i, col*s + j])
        out[n, c, row, col] = best
    return out
'''

IM2COL = '''
import numpy as np


def im2col(x, kernel_size, stride=1, padding=0):
    KH, KW = kernel_size
    N, C, H, W = x.shape
    OH = conv_output_size(H, KH, {stride}, padding)
    OW = conv_output_size(W, KW, {stride}, padding)
    xp = pad2d(x, padding)
    cols = np.zeros({shape})
    for row in range(OH):
        for col in range(OW):
            patch = xp[{images}, :, row*{stride}:row*{stride}+KH, col*{stride}:col*{stride}+KW]
            {store}
    return cols
'''


def im2col(**changes):
    parts = dict(stride="stride", shape="(N, C * KH * KW, OH * OW)", images=":",
                 store="cols[:, :, row * OW + col] = patch.reshape(N, -1)")
    parts.update(changes)
    return IM2COL.format(**parts)


TINY = '''
import numpy as np


def tiny_net_step(x, y, w1, w2, lr):
    z1 = conv2d_naive(x[None, None], w1[None, None])[0, 0]
    s = sigmoid(z1)
    pooled = max_pool2d(s[None, None], 2)[0, 0].reshape(4)
    z2 = w2 @ pooled
    y_hat = sigmoid(z2)[0]
    loss = 0.5 * (y - y_hat) ** 2
    delta2 = {error} * {slope2}
    grad_w2 = delta2 * pooled[None]
    dpooled = (delta2 * w2[0]).reshape(1, 1, 2, 2)
    ds = {unpool}
    delta1 = ds * {slope1}
    grad_w1 = conv2d_naive(x[None, None], delta1{flip}[None, None])[0, 0]
    return w1 {sign} lr * grad_w1, w2 {sign} lr * grad_w2, loss
'''


def tiny(**changes):
    parts = dict(error="(y_hat - y)", slope2="y_hat * (1 - y_hat)", slope1="s * (1 - s)",
                 unpool="max_pool2d_backward(dpooled, s[None, None], 2)[0, 0]", flip="", sign="-")
    parts.update(changes)
    return TINY.format(**parts)


def size(expression):
    return ("def conv_output_size(size, kernel, stride=1, padding=0, dilation=1):\n"
            f"    return {expression}\n")


def pad(body):
    return "import numpy as np\n\n\ndef pad2d(x, padding):\n" + textwrap.indent(body, "    ")


def sigmoid(derivative, forward="1 / (1 + np.exp(-x))"):
    return (f"import numpy as np\n\n\ndef sigmoid(x):\n    return {forward}\n\n\n"
            f"def sigmoid_derivative(x):\n    return {derivative}\n")


def linear(dx="dout @ weight", dweight="dout.T @ x", dbias="dout.sum(axis=0)"):
    return (f"import numpy as np\n\n\ndef linear_backward(dout, x, weight):\n"
            f"    dx = {dx}\n    return dx, {dweight}, {dbias}\n")


WRONG = {
    "output_size": [
        (size("(size + 2*padding - dilation*(kernel - 1) - 1) // stride"), "forget the + 1"),
        (size("(size + padding - dilation*(kernel - 1) - 1) // stride + 1"), "both sides"),
        (size("(size + 2*padding - dilation*kernel) // stride + 1"), "not dilation·kernel"),
        (size("(size + 2*padding - dilation*(kernel - 1) - 1) / stride + 1"), "use //"),
        (size("(size + 2*padding - kernel) // stride + 1"), "did you use the dilation?"),
    ],
    "pad": [
        (pad("return np.pad(x, ((0, 0), (0, 0), (padding, 0), (padding, 0)))\n"), "on top AND"),
        (pad("return np.pad(x, padding)\n"), "batch or channel axis too"),
        (pad("p = padding\nreturn np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)), "
             "constant_values=1)\n"), "must be zeros"),
        (pad("n, c, h, w = x.shape\nout = np.zeros((n, c, h + 2*padding, w + 2*padding))\n"
             "out[:, :, :h, :w] = x\nreturn out\n"), "sit in the middle"),
    ],
    "conv_naive": [
        (conv_loops(w="weight[oc, c, KH - 1 - i, KW - 1 - j]"),
         "true convolution (kernel flipped)"),
        (conv_loops(pad="x", oh="conv_output_size(H, KH, stride, 0, dilation)",
                    ow="conv_output_size(W, KW, stride, 0, dilation)"), "— did you pad?"),
        (conv_loops(oh="(H + 2*padding - dilation*(KH - 1) - 1) // stride",
                    ow="(W + 2*padding - dilation*(KW - 1) - 1) // stride"), "off by one?"),
        (conv_loops(bias="0.0"), "the bias is missing"),
        (conv_loops(batch="1"), "only the first image"),
        (conv_loops(step="1"), "taps are 2 cells apart"),
    ],
    "im2col": [
        (im2col(shape="(1, C * KH * KW, OH * OW)", images="0",
                store="cols[0, :, row * OW + col] = patch.reshape(-1)"), "the batch has"),
        (im2col(store="cols[:, :, row * OW + col] = patch.transpose(0, 2, 3, 1).reshape(N, -1)"),
         "channel first"),
        (im2col(shape="(N, OH * OW, C * KH * KW)",
                store="cols[:, row * OW + col] = patch.reshape(N, -1)"), "transposed"),
        (im2col(stride="1"), "did you use the stride?"),
        (im2col(store="cols[:, :, col * OH + row] = patch.reshape(N, -1)"), "row by row"),
    ],
    "max_pool_forward": [
        (POOL_FORWARD.format(stride=STRIDE, reduce="max(axis=(0, 2, 3))"),
         "mixes the images of the batch"),
        (POOL_FORWARD.format(stride=STRIDE, reduce="mean(axis=(2, 3))"), "that is average pooling"),
        (MAX_FROM_ZERO, "never below 0"),
        (POOL_FORWARD.format(stride="k", reduce="max(axis=(2, 3))"), "did you use the stride?"),
    ],
    "max_pool_backward": [
        (POOL_BACKWARD.format(body="                    target += dout[n, c, row, col]"),
         "every cell of the window got the gradient"),
        (POOL_BACKWARD.format(body="                    target += dout[n, c, row, col] * "
                                   "(window == window.max())"), "every tied cell"),
        (POOL_BACKWARD.format(body="                    i, j = divmod(np.argmax(window), k)\n"
                                   "                    dx[n, c, row*s + i, col*s + j] = "
                                   "dout[n, c, row, col]"), "must ADD their gradients"),
        (POOL_BACKWARD.format(body="                    flat = window.ravel()[::-1]\n"
                                   "                    i, j = divmod(flat.size - 1 - "
                                   "np.argmax(flat), k)\n"
                                   "                    dx[n, c, row*s + i, col*s + j] += "
                                   "dout[n, c, row, col]"), "went to the last winner"),
        (POOL_BACKWARD.format(body="                    target += dout[n, c, row, col] / k / k"),
         "average pooling's backward"),
    ],
    "sigmoid": [
        (sigmoid("x * (1 - x)"), "taken at the OUTPUT"),
        (sigmoid("sigmoid(x)"), "that is σ itself"),
        (sigmoid("sigmoid(x) * (1 - x)"), "mixes the output and the input"),
        (sigmoid("sigmoid(x) * (1 - sigmoid(x))", forward="1 / (1 + np.exp(x))"), "that is σ(−x)"),
    ],
    "linear_backward": [
        (linear(dbias="dout.mean(axis=0)"), "dbias is averaged over the batch"),
        (linear(dweight="x.T @ dout"), "dweight: you returned"),
        (linear(dx="dout @ weight.T"), "line 5: ValueError: matmul"),
        (linear(dweight="np.outer(dout[0], x[0])"), "only the first sample"),
    ],
    "tiny_net_step": [
        (tiny(error="2 * (y_hat - y)"), "twice the lesson's"),
        (tiny(slope2="z2[0] * (1 - z2[0])", slope1="z1 * (1 - z1)"), "taken at the wrong value"),
        (tiny(unpool="np.kron(dpooled[0, 0], np.ones((2, 2)))"), "every cell of each window"),
        (tiny(sign="+"), "moved up the gradient"),
        (tiny(flip="[::-1, ::-1]"), "∂E/∂w1 is flipped"),
    ],
}


@pytest.mark.parametrize("exercise_id, source, message",
                         [(e, s, m) for e, items in WRONG.items() for s, m in items],
                         ids=[f"{e}-{m}" for e, items in WRONG.items() for _, m in items])
def test_typical_wrong_solutions_fail_with_the_message_naming_the_mistake(exercise_id, source,
                                                                         message):
    report = X.check(exercise_id, source)
    assert not report.passed and report.killed is None
    failing = [case for case in report.cases if not case.passed]
    assert failing and message in failing[0].reason, failing[0].reason
    assert report.failure is not None or report.error is not None
    assert "\n" not in failing[0].reason  # one line


def test_every_exercise_catches_at_least_three_mistakes():
    assert set(WRONG) == set(ORDER)
    assert all(len(items) >= 3 for items in WRONG.values())


def test_the_shape_mismatch_is_explained_in_words_with_its_picture():
    report = X.check("conv_naive", conv_loops(pad="x",
                                              oh="conv_output_size(H, KH, stride, 0, dilation)",
                                              ow="conv_output_size(W, KW, stride, 0, dilation)"))
    failure = report.failure
    case = report.cases[failure.case]
    assert failure.message == case.reason
    assert "you returned 3×3; with padding 1 the output is 5×5 — did you pad?" in case.reason
    assert failure.got.shape == (2, 2, 3, 3) and failure.expected.shape == (2, 2, 5, 5)
    assert failure.mask is None
    plane = failure.plane()
    assert plane.expected.shape == (5, 5) and plane.got.shape == (3, 3) and plane.mask is None
    assert failure.inputs["padding"] == 1 and failure.inputs["x"].shape == (2, 1, 5, 5)


def test_the_first_failing_case_has_the_differing_cells_for_its_picture():
    report = X.check("conv_naive", conv_loops(w="weight[oc, c, KH - 1 - i, KW - 1 - j]"))
    failure = report.failure
    assert failure.case == 0 and failure.description.endswith("(the worked example)")
    assert failure.mask.shape == failure.expected.shape == failure.got.shape == (1, 1, 2, 3)
    np.testing.assert_array_equal(failure.mask, ~np.isclose(failure.got, failure.expected))
    assert failure.mask[failure.first_index]
    assert failure.first_index == tuple(np.argwhere(failure.mask)[0])
    assert failure.expected_value == failure.expected[failure.first_index] == 2.0
    assert failure.got_value == failure.got[failure.first_index]
    plane = failure.plane()
    assert plane.index == (0, 0) and plane.expected.shape == plane.mask.shape == (2, 3)
    pickle.loads(pickle.dumps(report))  # plain data: it can cross threads and processes


def test_a_syntax_error_is_reported_at_its_line():
    source = ("def conv_output_size(size, kernel, stride=1, padding=0, dilation=1):\n"
              "    span = dilation * (kernel - 1) + 1\n"
              "    return (size + 2 * padding - span) // stride +* 1\n")
    report = X.check("output_size", source)
    assert report.error.kind == "syntax" and report.error.line == 3
    assert report.error.code.startswith("return (size")
    assert report.summary.startswith("syntax error at line 3")
    assert all(case.reason.startswith("not run") for case in report.cases)


def test_a_runtime_error_is_reported_at_its_line_in_the_learners_code():
    report = X.check("conv_naive", conv_loops(step="stride"))  # the lesson's bug
    error = report.error
    lines = conv_loops(step="stride").splitlines()
    assert error.kind == "runtime" and error.type == "IndexError"
    assert lines[error.line - 1].strip().startswith("total += (xp[n, c, row * stride")
    assert first_failure(report).reason.startswith(f"line {error.line}: IndexError")


def test_an_error_as_the_code_loads_and_a_missing_function():
    report = X.check("pad", "import numpy as np\nscale = 1 / 0\n")
    assert report.error.kind == "load" and report.error.line == 2
    assert "ZeroDivisionError" in report.summary
    report = X.check("pad", "def pad(x, p):\n    return x\n")
    assert "defines no function named pad2d" in first_failure(report).reason
    report = X.check("pad", "def pad2d(x, padding):\n    x + padding\n")
    assert "did you forget `return`?" in first_failure(report).reason


def test_answers_that_are_not_the_right_kind_of_value_are_named():
    report = X.check("pad", "import numpy as np\n\ndef pad2d(x, padding):\n"
                            "    return np.zeros(10**6)\n")
    assert "far larger than the answer's" in first_failure(report).reason
    report = X.check("pad", "def pad2d(x, padding):\n    return 'padded'\n")
    assert first_failure(report).reason == "you returned a str, not numbers"
    report = X.check("output_size", size("[size]"))
    assert "return a whole number" in first_failure(report).reason


def test_a_wrong_number_has_a_one_cell_picture():
    forgot_one = size("(size + 2*padding - dilation*(kernel - 1) - 1) // stride")
    failure = X.check("output_size", forgot_one).failure
    assert failure.expected.shape == () and failure.expected_value == 28.0
    assert failure.got_value == 27.0
    plane = failure.plane()
    assert plane.expected.shape == plane.got.shape == plane.mask.shape == (1, 1)


def test_the_untouched_skeleton_says_it_is_not_written():
    report = X.check("sigmoid", X.describe("sigmoid").skeleton)
    assert report.summary.startswith("not written yet")
    assert report.error.kind == "not written"


# --------------------------------------------------------------------------- the process


def test_progress_comes_case_by_case_then_the_report():
    items = list(X.run_checks("linear_backward", solution("linear_backward")))
    *progress, report = items
    assert isinstance(report, X.Report) and report.passed
    assert [p.done for p in progress] == list(range(1, len(report.cases) + 1))
    assert all(p.total == len(report.cases) and p.case.passed for p in progress)


def test_an_endless_loop_is_killed_at_the_time_limit():
    source = "def conv_output_size(size, kernel, stride=1, padding=0, dilation=1):\n" \
             "    while True:\n        pass\n"
    report = X.check("output_size", source, time_limit=0.5)
    assert report.killed == "took longer than 0.5 s"
    assert report.summary == "killed: took longer than 0.5 s (case 1 of 20)"
    assert report.cases[0].reason == "killed: took longer than 0.5 s"
    assert all(c.reason == "not run (the checks were killed)" for c in report.cases[1:])
    assert 0.5 <= report.seconds < 0.5 + sandbox.STARTUP_S


def test_a_sleep_at_the_top_level_is_killed_too():
    report = X.check("pad", "import time\ntime.sleep(60)\n", time_limit=0.3)
    assert report.killed == "took longer than 0.3 s" and not report.passed


def test_a_huge_allocation_is_stopped_by_the_memory_cap():
    if not sys.platform.startswith("linux"):
        pytest.skip("RLIMIT_AS caps memory on Linux only")
    source = ("import numpy as np\n\n\ndef pad2d(x, padding):\n"
              "    big = np.ones(40_000_000)  # 320 MB\n    return big\n")
    report = X.check("pad", source, memory_mb=100)
    assert report.killed == "used more than 100 MB"
    assert report.summary == "killed: used more than 100 MB (case 1 of 9)"
    assert report.cases[0].reason.startswith("killed: used more than 100 MB (Unable to allocate")
    small = source.replace("40_000_000", "1_000_000").replace("return big", "return np.pad("
                           "x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))")
    assert X.check("pad", small, memory_mb=100).passed  # 8 MB fit under the cap


def test_what_the_code_prints_is_captured_and_cut():
    source = solution("output_size") + "\nprint('loaded')\n" + \
        "import sys\nprint('to stderr', file=sys.stderr)\n"
    report = X.check("output_size", source)
    assert report.passed and "loaded" in report.printed and "to stderr" in report.printed
    loud = solution("output_size") + "\nprint('x' * 100_000)\n"
    report = X.check("output_size", loud)
    assert len(report.printed) == sandbox.OUTPUT_CHARS and report.printed_more > 90_000


def test_the_scratch_directory_is_the_working_directory_and_is_removed(tmp_path):
    source = solution("pad") + textwrap.dedent("""
        import os
        with open("note.txt", "w") as note:  # allowed: inside the scratch directory
            note.write("hello")
        print("cwd=" + os.getcwd())
        print("files=" + ",".join(sorted(os.listdir("."))))
    """)
    report = X.check("pad", source)
    assert report.passed, report.summary
    cwd = report.printed.split("cwd=")[1].splitlines()[0]
    assert os.path.basename(cwd).startswith("cnn-studio-check-")
    assert os.path.realpath(os.path.dirname(cwd)) == os.path.realpath(tempfile.gettempdir())
    assert "note.txt" in report.printed
    assert not os.path.exists(cwd)


def test_files_outside_the_scratch_directory_are_not_removed_or_written(tmp_path, monkeypatch):
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me")
    monkeypatch.chdir(tmp_path)  # the app's own directory: relative paths must not reach it
    source = solution("pad") + textwrap.dedent(f"""
        import os
        for attempt in (lambda: os.remove({str(precious)!r}), lambda: os.remove("precious.txt"),
                        lambda: open({str(tmp_path / "new.txt")!r}, "w"),
                        lambda: os.rename("job.json", {str(tmp_path / "moved.json")!r})):
            try:
                attempt()
            except OSError as error:
                print(type(error).__name__, error)
    """)
    report = X.check("pad", source)
    assert report.passed
    assert precious.read_text() == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["precious.txt"]
    assert report.printed.count("PermissionError") == 3
    assert "FileNotFoundError" in report.printed  # "precious.txt" is looked for in the scratch


def test_an_unguarded_remove_is_reported_at_its_line(tmp_path):
    precious = tmp_path / "main.py"
    precious.write_text("print('the app')")
    report = X.check("pad", f"import os\n\nos.remove({str(precious)!r})\n")
    assert precious.exists()
    assert report.error.kind == "load" and report.error.type == "PermissionError"
    assert report.error.line == 3


def test_processes_are_refused():
    source = solution("pad") + "\nimport subprocess\nsubprocess.run(['true'])\n"
    report = X.check("pad", source)
    assert report.error.type == "PermissionError" and "subprocess" in report.error.message


def test_reading_is_not_prevented_the_sandbox_is_not_a_security_boundary(tmp_path):
    """As sandbox.py says: the code runs with the user's rights and can read their files."""
    secret = tmp_path / "secret.txt"
    secret.write_text("readable")
    report = X.check("pad", solution("pad") + f"\nprint(open({str(secret)!r}).read())\n")
    assert report.passed and "readable" in report.printed


def test_the_environment_is_minimal(monkeypatch):
    monkeypatch.setenv("CNN_STUDIO_TEST_TOKEN", "s3cret")
    report = X.check("pad", solution("pad") + "\nimport os\nprint(sorted(os.environ.items()))\n")
    assert "s3cret" not in report.printed and "OPENBLAS_NUM_THREADS" in report.printed


def test_exit_is_reported_not_obeyed():
    report = X.check("pad", "import sys\nsys.exit(3)\n")
    assert report.error.type == "SystemExit" and report.error.line == 2
    report = X.check("pad", "import os\n\ndef pad2d(x, padding):\n    os._exit(0)\n")
    assert report.summary.startswith("the checks ended before the last case")
    assert not report.passed


def test_a_stop_request_ends_the_child_at_once():
    source = "import time\ntime.sleep(60)\n"
    report = X.check("pad", source, time_limit=60, stopped=lambda: True)
    assert report.killed == "stopped" and report.summary == "stopped before the checks finished"
    assert report.seconds < 30


def test_closing_the_generator_kills_the_child_and_removes_its_directory(monkeypatch):
    started = []

    class Recorded(subprocess.Popen):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            started.append(self)

    monkeypatch.setattr(sandbox.subprocess, "Popen", Recorded)
    scratch = []
    make_directory = tempfile.mkdtemp
    monkeypatch.setattr(sandbox.tempfile, "mkdtemp",
                        lambda **kwargs: scratch.append(make_directory(**kwargs)) or scratch[-1])
    source = ("import time\n\ndef conv_output_size(size, kernel, stride=1, padding=0, "
              "dilation=1):\n    if padding == 0:\n        time.sleep(60)\n"
              "    return (size + 2 * padding - dilation * (kernel - 1) - 1) // stride + 1\n")
    checks = X.run_checks("output_size", source, time_limit=60)
    progress = next(checks)
    assert progress.done == 1 and progress.case.passed
    child = started[0]
    assert child.poll() is None and os.path.isdir(scratch[0])
    checks.close()
    assert child.poll() is not None
    assert not os.path.exists(scratch[0])


def test_what_the_child_reported_just_before_it_ended_is_never_lost():
    """Regression: a child ending between two looks used to lose its last reports (the run
    read as "ended before the last case")."""
    exercise = catalog.get("pad")
    case = exercise.cases(0)[0]
    job = {"source": solution("pad"), "provided": "",
           "cases": [{"function": case.function, "args": [_wire.encode(a) for a in case.args],
                      "limit": 1000}]}
    with sandbox.Sandbox(job) as box:
        box.process.wait(60)
        assert not box.finished
        events = box.wait(0)
        assert box.finished
    assert [event["event"] for event in events] == ["ready", "loaded", "case", "done"]


def test_code_far_too_long_is_refused_without_a_process():
    report = X.check("pad", "#" * 300_000)
    assert not report.passed and "characters long" in report.summary


# --------------------------------------------------------------------------- use my function


def test_a_passing_convolution_stands_in_for_the_core_one():
    source = solution("conv_naive")
    report = X.check("conv_naive", source)
    conv2d = X.use_my_function("conv_naive", source, report)
    rng = np.random.default_rng(0)
    x = rng.standard_normal((2, 4, 7, 6)).astype(np.float32)
    weight = rng.standard_normal((6, 2, 3, 3)).astype(np.float32)
    bias = rng.standard_normal(6).astype(np.float32)
    for window in (dict(stride=2, padding=1), dict(padding="same", groups=2),
                   dict(padding=(1, 2), padding_mode="reflect", dilation=2, groups=2)):
        w = weight if window.get("groups") == 2 else rng.standard_normal(
            (6, 4, 3, 3)).astype(np.float32)
        out = conv2d(x, w, bias, **window)
        assert out.dtype == np.float32
        np.testing.assert_allclose(out, F.conv2d(x, w, bias, **window), rtol=1e-5, atol=1e-5)
    assert conv2d(x[0], weight, None, groups=2).shape == (6, 5, 4)
    with pytest.raises(ValueError, match="one stride for both axes"):
        conv2d(x, weight, bias, stride=(2, 1), groups=2)
    assert X.describe("conv_naive").replaces.function == "core.functional.conv2d"


def test_im2col_pooling_and_sigmoid_stand_in_for_theirs():
    rng = np.random.default_rng(1)
    x = rng.standard_normal((2, 3, 7, 6)).astype(np.float32)
    used = {}
    for exercise_id in ("im2col", "max_pool_forward", "sigmoid"):
        source = solution(exercise_id)
        used[exercise_id] = X.use_my_function(exercise_id, source, X.check(exercise_id, source))
    np.testing.assert_array_equal(used["im2col"](x, (3, 2), 2, (1, 0)),
                                  F.im2col(x, (3, 2), 2, (1, 0)))
    np.testing.assert_array_equal(used["max_pool_forward"](x, 3, 2, 1),
                                  F.max_pool2d(x, 3, 2, 1))
    np.testing.assert_allclose(used["sigmoid"](x), F.sigmoid(x), rtol=1e-6)
    assert used["sigmoid"](x).dtype == np.float32
    with pytest.raises(ValueError, match="no dilation"):
        used["im2col"](x, 3, dilation=2)


def test_only_code_that_passed_can_be_used():
    source = solution("conv_naive")
    passed = X.check("conv_naive", source)
    failed = X.check("conv_naive", conv_loops(bias="0.0"))
    with pytest.raises(ValueError, match="passed its checks"):
        X.use_my_function("conv_naive", conv_loops(bias="0.0"), failed)
    with pytest.raises(ValueError, match="passed its checks"):
        X.use_my_function("conv_naive", source + "\n# edited since\n", passed)
    with pytest.raises(ValueError, match="no page"):
        X.use_my_function("pad", solution("pad"), X.check("pad", solution("pad")))
