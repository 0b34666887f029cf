"""The GUI's words for each choice cover exactly what the core offers."""

from core import functional as F
from core import init, train, zoo
from gui import choices


def test_every_core_choice_has_exactly_one_label():
    assert set(choices.CONV_METHODS) == set(F.CONV_METHODS) == set(choices.CONV_METHOD_TIPS)
    assert set(choices.SPEED_METHODS) == set(F.CONV_METHODS) | {"torch"}
    assert set(choices.ACTIVATIONS) == set(zoo.ACTIVATIONS) == set(choices.ACTIVATION_FORMULAS)
    assert set(choices.POOLS) == set(zoo.POOLS)
    assert set(choices.INITS) == set(init.SCHEMES) == set(choices.INIT_TIPS)
    assert set(choices.OPTIMIZERS) == set(train.OPTIMIZERS)
    assert set(choices.SCHEDULES) == set(train.SCHEDULES)


def test_the_cores_english_names_are_marked_for_translation():
    """Names the core gives in English (for the command line too) are marked here, word for word:
    a name changed in the core without its mark would stay English in every language."""
    from core import data, kernels

    assert set(choices.CLASS_NAMES) == set(data.FASHION_CLASSES)
    assert set(choices.PRESET_WORDS) == set(kernels.PRESETS) | set(kernels.DESCRIPTIONS.values())
    assert {p for p in kernels.PATTERNS if not p.startswith("arange")} == \
        set(choices.PATTERN_WORDS)
