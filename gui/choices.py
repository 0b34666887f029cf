"""What the learner reads for each choice the core offers: one table per concept, keyed by the
core's own keys (a test checks they match), used by every page that shows the choice. The texts
are English, marked for translation in the context "Choices" (``say`` translates one)."""

from __future__ import annotations

from gui.tr import QT_TRANSLATE_NOOP, translate


def say(text: str) -> str:
    """One of these texts (marked in the context "Choices") in the current language."""
    return translate("Choices", text)


# core.functional.CONV_METHODS
CONV_METHODS = {
    "fast": QT_TRANSLATE_NOOP("Choices", "fast (strided im2col, one batched GEMM)"),
    "im2col": QT_TRANSLATE_NOOP("Choices", "im2col + GEMM (explicit loops)"),
    "naive": QT_TRANSLATE_NOOP("Choices", "naive sliding window (7 loops)"),
}
CONV_METHOD_TIPS = {
    "fast": QT_TRANSLATE_NOOP("Choices", "im2col built with strided views (no loops), then one "
                              "matrix product: what training uses"),
    "im2col": QT_TRANSLATE_NOOP("Choices", "the lesson's second method: copy every patch into a "
                                "column with Python loops, then one matrix product"),
    "naive": QT_TRANSLATE_NOOP("Choices", "the lesson's seven nested loops: one multiply at a "
                               "time, in Python"),
}
# core.timing.conv_call also knows PyTorch's conv2d, for the speed comparison
SPEED_METHODS = {"naive": QT_TRANSLATE_NOOP("Choices", "naive loops"),
                 "im2col": QT_TRANSLATE_NOOP("Choices", "im2col + GEMM"),
                 "fast": QT_TRANSLATE_NOOP("Choices", "fast (numpy)"),
                 "torch": QT_TRANSLATE_NOOP("Choices", "PyTorch conv2d")}

# core.zoo.ACTIVATIONS (names of functions: the same in every language)
ACTIVATIONS = {"tanh": "tanh", "relu": "ReLU", "leaky_relu": "LeakyReLU", "sigmoid": "sigmoid"}
ACTIVATION_FORMULAS = {
    "relu": QT_TRANSLATE_NOOP("Choices", "max(0, x): cheap, and its gradient is 1 for every "
                              "positive input."),
    "leaky_relu": QT_TRANSLATE_NOOP("Choices", "max(slope·x, x): negative inputs keep a small "
                                    "gradient."),
    "sigmoid": QT_TRANSLATE_NOOP("Choices", "1/(1 + e⁻ˣ) ∈ (0, 1): saturates — the gradient is "
                                 "at most 1/4 and vanishes for large |x|."),
    "tanh": QT_TRANSLATE_NOOP("Choices", "tanh(x) ∈ (−1, 1) is centred on 0 and saturates like "
                              "the sigmoid (gradient ≤ 1)."),
}

# core.zoo.POOLS
POOLS = {"max": QT_TRANSLATE_NOOP("Choices", "max"),
         "avg": QT_TRANSLATE_NOOP("Choices", "average")}

# core.init.SCHEMES
INITS = {"xavier": QT_TRANSLATE_NOOP("Choices", "Xavier uniform"),
         "xavier_normal": QT_TRANSLATE_NOOP("Choices", "Xavier normal"),
         "he": QT_TRANSLATE_NOOP("Choices", "He normal"),
         "normal": "N(0, 0.01²)"}
INIT_TIPS = {
    "xavier": QT_TRANSLATE_NOOP("Choices", "U(−a, a), a = √(6 / (fan_in + fan_out)): the "
                                "lesson's choice, for tanh"),
    "xavier_normal": "N(0, 2 / (fan_in + fan_out))",
    "he": QT_TRANSLATE_NOOP("Choices", "N(0, 2 / fan_in): made for ReLU"),
    "normal": QT_TRANSLATE_NOOP("Choices", "small random numbers: deep networks start with "
                                "vanishing signals"),
}

# core.train.OPTIMIZERS and SCHEDULES
OPTIMIZERS = {"sgd": "SGD", "momentum": QT_TRANSLATE_NOOP("Choices", "SGD + momentum 0.9"),
              "adam": "Adam"}
SCHEDULES = {"constant": QT_TRANSLATE_NOOP("Choices", "constant"),
             "cosine": QT_TRANSLATE_NOOP("Choices", "cosine decay")}

# core.data.FASHION_CLASSES (the digits' names need no translation)
CLASS_NAMES = (
    QT_TRANSLATE_NOOP("Choices", "T-shirt/top"), QT_TRANSLATE_NOOP("Choices", "Trouser"),
    QT_TRANSLATE_NOOP("Choices", "Pullover"), QT_TRANSLATE_NOOP("Choices", "Dress"),
    QT_TRANSLATE_NOOP("Choices", "Coat"), QT_TRANSLATE_NOOP("Choices", "Sandal"),
    QT_TRANSLATE_NOOP("Choices", "Shirt"), QT_TRANSLATE_NOOP("Choices", "Sneaker"),
    QT_TRANSLATE_NOOP("Choices", "Bag"), QT_TRANSLATE_NOOP("Choices", "Ankle boot"),
)


def class_names(names) -> list[str]:
    """A data set's class names as the learner reads them (Fashion-MNIST's translated)."""
    return [say(name) for name in names]

# core.kernels.PATTERNS: the names in words (the arange ones are code)
PATTERN_WORDS = (QT_TRANSLATE_NOOP("Choices", "checkerboard"),
                 QT_TRANSLATE_NOOP("Choices", "gradient"),
                 QT_TRANSLATE_NOOP("Choices", "letter A"))

# core.kernels.PRESETS and DESCRIPTIONS, marked here (core stays Qt-free and English)
PRESET_WORDS = (
    QT_TRANSLATE_NOOP("Choices", "identity"), QT_TRANSLATE_NOOP("Choices", "box blur"),
    QT_TRANSLATE_NOOP("Choices", "gaussian"), QT_TRANSLATE_NOOP("Choices", "sharpen"),
    QT_TRANSLATE_NOOP("Choices", "sobel x"), QT_TRANSLATE_NOOP("Choices", "sobel y"),
    QT_TRANSLATE_NOOP("Choices", "laplacian"), QT_TRANSLATE_NOOP("Choices", "emboss"),
    QT_TRANSLATE_NOOP("Choices", "random normal"),
    QT_TRANSLATE_NOOP("Choices", "1 at the centre, 0 elsewhere: copies the input (shifted if the "
                                 "size is even)"),
    QT_TRANSLATE_NOOP("Choices", "the mean of the window: smooths"),
    QT_TRANSLATE_NOOP("Choices", "a bell-shaped weighted mean (σ = size/4): smooths, keeping "
                                 "edges softer"),
    QT_TRANSLATE_NOOP("Choices", "the centre minus its neighbours, plus itself: boosts local "
                                 "contrast"),
    QT_TRANSLATE_NOOP("Choices", "horizontal derivative: responds to vertical edges"),
    QT_TRANSLATE_NOOP("Choices", "vertical derivative: responds to horizontal edges"),
    QT_TRANSLATE_NOOP("Choices", "second derivative: responds to edges and spots in any "
                                 "direction"),
    QT_TRANSLATE_NOOP("Choices", "a diagonal derivative plus the centre: a raised-relief look"),
    QT_TRANSLATE_NOOP("Choices", "values from N(0, 1), as in the lesson: a random feature "
                                 "detector"),
)
