import math
import threading

import numpy as np
import pytest

from core import data
from core.losses import CrossEntropyLoss
from core.optim import Adam
from core.train import (
    ActivationsEvent,
    EpochEvent,
    FinishedEvent,
    PausedEvent,
    Samples,
    StepEvent,
    TrainConfig,
    Trainer,
    lenet_trainer,
    shallow_trainer,
)


@pytest.fixture(scope="module")
def fashion():
    train, test = data.load_fashion_mnist("train"), data.load_fashion_mnist("test")
    return data.Split(train.images[:2000], train.labels[:2000]), \
        data.Split(test.images[:500], test.labels[:500])


def _trainer(fashion, **kw):
    config = TrainConfig(**({"epochs": 1, "train_size": 256, "batch_size": 32} | kw))
    return lenet_trainer(config, *fashion)


def _steps(events):
    return [e for e in events if isinstance(e, StepEvent)]


def test_first_loss_is_about_ln_10(fashion):
    first = next(_trainer(fashion).run())
    assert isinstance(first, StepEvent) and abs(first.loss - math.log(10)) < 0.1


def test_twenty_examples_overfit():
    train = data.load_fashion_mnist("test")
    twenty = data.Split(train.images[:20], train.labels[:20])
    trainer = lenet_trainer(TrainConfig(epochs=60, batch_size=20, optimizer="adam", lr=0.01),
                            twenty, twenty)
    epochs = [e for e in trainer.run() if isinstance(e, EpochEvent)]
    assert epochs[-1].test_loss < 0.05 and epochs[-1].test_accuracy == 1.0


def test_events_of_a_full_run(fashion):
    trainer = _trainer(fashion, epochs=2, snapshot_every=4)
    events = list(trainer.run())
    steps = _steps(events)
    assert [s.step for s in steps[:8]] == list(range(1, 9)) and steps[-1].global_step == 16
    assert all(s.steps == 8 and s.epochs == 2 for s in steps)
    assert steps[-1].eta_s == 0 and steps[0].images_per_s > 0
    assert dict(steps[0].grad_norms)["0.weight"] > 0
    epochs = [e for e in events if isinstance(e, EpochEvent)]
    assert [e.epoch for e in epochs] == [1, 2]
    last = epochs[-1]
    assert last.confusion.shape == (10, 10) and last.confusion.sum() == 500
    assert np.trace(last.confusion) / 500 == pytest.approx(last.test_accuracy)
    assert last.predictions.shape == (500,)
    snaps = [e for e in events if isinstance(e, ActivationsEvent)]
    assert len(snaps) == 4 and snaps[0].inside.input.shape == (1, 28, 28)
    assert [s.output.shape for s in snaps[0].inside.stages] == \
        [r.output_shape for r in trainer.model.summary((1, 28, 28))]
    assert events[-1] == FinishedEvent("completed", events[-1].message, 2, 16)
    assert trainer.model.training  # back in training mode after evaluation


def test_activation_snapshots_are_copies(fashion):
    trainer = _trainer(fashion)
    snap = trainer.activations()
    before = snap.inside.stages[0].output.copy()
    next(trainer.run())  # a training step changes the weights and the layer caches
    np.testing.assert_array_equal(snap.inside.stages[0].output, before)


def test_stop_is_honoured_before_the_next_batch(fashion):
    trainer = _trainer(fashion)
    run = trainer.run()
    assert isinstance(next(run), StepEvent)
    trainer.stop()
    finished = next(run)
    assert finished.reason == "stopped" and finished.global_step == 1
    with pytest.raises(StopIteration):
        next(run)


def test_stop_from_another_thread(fashion):
    trainer = _trainer(fashion)
    run = trainer.run()
    next(run)
    stopper = threading.Thread(target=trainer.stop)
    stopper.start()
    stopper.join()
    assert next(run).reason == "stopped"


def test_pause_step_and_resume(fashion):
    trainer = _trainer(fashion)
    run = trainer.run()
    assert next(run).global_step == 1
    trainer.pause()
    assert trainer.paused
    assert next(run) == PausedEvent(1) and next(run) == PausedEvent(1)  # no progress
    trainer.step_once()
    assert next(run).global_step == 2          # exactly one batch through
    assert next(run) == PausedEvent(2)
    trainer.resume()
    assert next(run).global_step == 3
    trainer.pause()
    trainer.stop()                              # stop wins over pause
    assert next(run).reason == "stopped"


def test_nan_loss_stops_training_and_restores_the_last_finite_weights(fashion):
    # ReLU is unbounded, so a huge learning rate overflows float32 within a few batches.
    trainer = _trainer(fashion, optimizer="sgd", lr=1e6, activation="relu", batchnorm=False,
                       dropout=0.0, epochs=3)
    def state():
        return {k: v.copy() for k, v in trainer.model.state_dict().items()}

    after = {0: state()}  # weights after each number of updates
    for event in trainer.run():
        if isinstance(event, StepEvent):
            after[event.global_step] = state()
    finished = event
    assert finished.reason == "diverged" and "learning rate" in finished.message
    # Batch k + 1 met a non-finite loss with the weights after k updates; the last finite loss
    # came from the weights after k − 1 updates, and those are what the model holds now.
    k = finished.global_step
    for name, value in trainer.model.state_dict().items():
        np.testing.assert_array_equal(value, after[k - 1][name], err_msg=name)
        assert np.all(np.isfinite(value))


def test_runs_are_deterministic_for_a_seed(fashion):
    def losses(seed):
        return [e.loss for e in _steps(_trainer(fashion, seed=seed).run())]

    assert losses(3) == losses(3)
    assert losses(3) != losses(4)


def test_the_lessons_tiny_network_trains_and_its_loss_falls():
    trainer = shallow_trainer(TrainConfig(model="shallow", epochs=100, batch_size=1, lr=0.01,
                                          optimizer="sgd", seed=0))
    losses = [e.train_loss for e in trainer.run() if isinstance(e, EpochEvent)]
    assert len(losses) == 100 and losses[-1] < losses[0]
    assert all(b <= a + 1e-6 for a, b in zip(losses, losses[1:]))


def test_config_validation():
    with pytest.raises(ValueError, match="optimizer must be one of"):
        TrainConfig(optimizer="rmsprop")
    with pytest.raises(ValueError, match="learning rate must be a positive number"):
        TrainConfig(lr=0)
    with pytest.raises(ValueError, match="epochs must be ≥ 1, got 0"):
        TrainConfig(epochs=0)


def test_trainer_with_plain_samples():
    rng = np.random.default_rng(0)
    x = rng.standard_normal((40, 1, 28, 28)).astype(np.float32)
    y = rng.integers(0, 10, 40)
    from core import zoo
    model = zoo.lenet5(rng=0)
    trainer = Trainer(model, CrossEntropyLoss(), Adam(model.parameters()), Samples(x, y),
                      Samples(x, y), epochs=1, batch_size=16)
    kinds = [type(e).__name__ for e in trainer.run()]
    assert kinds == ["StepEvent"] * 3 + ["EpochEvent", "FinishedEvent"]


def test_time_spent_paused_is_left_out_of_speed_and_eta(fashion, monkeypatch):
    """A learner who pauses for a minute must not read "ETA 169:41" afterwards."""
    from core import train as train_module

    now = [0.0]
    monkeypatch.setattr(train_module, "_clock", lambda: now[0])
    trainer = _trainer(fashion, epochs=2, train_size=64, batch_size=32)  # 2 steps per epoch
    train_batch = trainer._train_batch

    def one_second(index):
        now[0] += 1.0
        return train_batch(index)

    trainer._train_batch = one_second  # each batch "takes" one second
    run = trainer.run()
    first = next(run)
    trainer.pause()
    assert isinstance(next(run), PausedEvent)
    now[0] += 600.0                   # ten minutes paused
    trainer.resume()
    second = next(run)
    assert isinstance(first, StepEvent) and isinstance(second, StepEvent)
    # two batches in two seconds of training: two to go, about two seconds left
    assert second.eta_s == pytest.approx(2.0, rel=0.01)
    assert second.images_per_s == pytest.approx(32.0, rel=0.01)
    epoch = next(e for e in run if isinstance(e, EpochEvent))
    assert epoch.seconds == pytest.approx(2.0, rel=0.01)


@pytest.mark.parametrize("batchnorm, steps", [(True, 2), (False, 3)])
def test_a_last_batch_of_one_image_is_dropped_only_under_batchnorm(fashion, batchnorm, steps):
    trainer = _trainer(fashion, train_size=65, batch_size=32, batchnorm=batchnorm)
    events = list(trainer.run())
    assert [s.step for s in _steps(events)] == list(range(1, steps + 1))
    assert all(s.steps == steps for s in _steps(events))
    assert events[-1].reason == "completed"


def test_batchnorm_with_batches_of_one_is_refused_with_the_reason(fashion):
    with pytest.raises(ValueError, match="BatchNorm needs at least 2 images per batch"):
        _trainer(fashion, batch_size=1)
    _trainer(fashion, batch_size=1, batchnorm=False)  # without BatchNorm it is fine


def test_epochs_report_how_sure_the_network_was_of_each_test_answer(fashion):
    trainer = _trainer(fashion)
    last = [e for e in trainer.run() if isinstance(e, EpochEvent)][-1]
    trainer.model.eval()
    logits = trainer.model.forward(trainer.test.prepare(trainer.test.x[:20])).astype(np.float64)
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    np.testing.assert_allclose(last.confidences[:20], (e / e.sum(axis=1, keepdims=True)).max(1),
                               rtol=1e-5)
    assert last.confidences.shape == (500,) and np.all(last.confidences >= 0.1)
