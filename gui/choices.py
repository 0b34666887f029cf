"""What the learner reads for each choice the core offers: one table per concept, keyed by the
core's own keys (a test checks they match), used by every page that shows the choice."""

from __future__ import annotations

# core.functional.CONV_METHODS
CONV_METHODS = {
    "fast": "fast (strided im2col, one batched GEMM)",
    "im2col": "im2col + GEMM (explicit loops)",
    "naive": "naive sliding window (7 loops)",
}
CONV_METHOD_TIPS = {
    "fast": "im2col built with strided views (no loops), then one matrix product: what training "
            "uses",
    "im2col": "the lesson's second method: copy every patch into a column with Python loops, "
              "then one matrix product",
    "naive": "the lesson's seven nested loops: one multiply at a time, in Python",
}
# core.timing.conv_call also knows PyTorch's conv2d, for the speed comparison
SPEED_METHODS = {"naive": "naive loops", "im2col": "im2col + GEMM", "fast": "fast (numpy)",
                 "torch": "PyTorch conv2d"}

# core.zoo.ACTIVATIONS
ACTIVATIONS = {"tanh": "tanh", "relu": "ReLU", "leaky_relu": "LeakyReLU", "sigmoid": "sigmoid"}
ACTIVATION_FORMULAS = {
    "relu": "max(0, x): cheap, and its gradient is 1 for every positive input.",
    "leaky_relu": "max(slope·x, x): negative inputs keep a small gradient.",
    "sigmoid": "1/(1 + e⁻ˣ) ∈ (0, 1): saturates — the gradient is at most 1/4 and vanishes "
               "for large |x|.",
    "tanh": "tanh(x) ∈ (−1, 1) is centred on 0 and saturates like the sigmoid "
            "(gradient ≤ 1).",
}

# core.zoo.POOLS
POOLS = {"max": "max", "avg": "average"}

# core.init.SCHEMES
INITS = {"xavier": "Xavier uniform", "xavier_normal": "Xavier normal", "he": "He normal",
         "normal": "N(0, 0.01²)"}
INIT_TIPS = {
    "xavier": "U(−a, a), a = √(6 / (fan_in + fan_out)): the lesson's choice, for tanh",
    "xavier_normal": "N(0, 2 / (fan_in + fan_out))",
    "he": "N(0, 2 / fan_in): made for ReLU",
    "normal": "small random numbers: deep networks start with vanishing signals",
}

# core.train.OPTIMIZERS and SCHEDULES
OPTIMIZERS = {"sgd": "SGD", "momentum": "SGD + momentum 0.9", "adam": "Adam"}
SCHEDULES = {"constant": "constant", "cosine": "cosine decay"}
