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
