"""``python main.py train``: train a network in the terminal, without a window (no Qt here)."""

from __future__ import annotations

import argparse
import os
import sys
import time

from . import data
from .train import (
    DEFAULTS,
    OPTIMIZERS,
    SCHEDULES,
    EpochEvent,
    FinishedEvent,
    StepEvent,
    TrainConfig,
    lenet_trainer,
    shallow_trainer,
)

RUN_OPTIONS = ("epochs", "batch_size", "lr", "optimizer", "schedule")  # defaults per model


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, no usage dump
        raise SystemExit(_fail(f"{message} (see --help)", code=2))


def _fail(message: str, code: int = 1) -> int:
    print(f"cnn-studio train: error: {message}", file=sys.stderr)
    return code


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be ≥ 1, got {value}")
    return value


def _positive_float(text: str) -> float:
    value = float(text)
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a positive number, got {text}")
    return value


def parse_args(argv) -> argparse.Namespace:
    parser = _Parser(prog="python main.py train",
                     description="Train LeNet-5 on Fashion-MNIST (or the lesson's tiny network) "
                                 "in the terminal.")
    parser.add_argument("--model", choices=DEFAULTS, default="lenet5")
    parser.add_argument("--epochs", type=_positive_int, help=_default("epochs"))
    parser.add_argument("--batch-size", type=_positive_int, help=_default("batch_size"))
    parser.add_argument("--lr", type=_positive_float, help=_default("lr"))
    parser.add_argument("--optimizer", choices=OPTIMIZERS,
                        help="momentum is SGD with momentum 0.9; " + _default("optimizer"))
    parser.add_argument("--schedule", choices=SCHEDULES,
                        help="learning rate over the run; " + _default("schedule"))
    parser.add_argument("--seed", type=int, default=DEFAULTS["lenet5"].seed,
                        help=f"default: {DEFAULTS['lenet5'].seed}")
    parser.add_argument("--train-size", type=_positive_int,
                        help="use only the first N training images")
    parser.add_argument("--data", metavar="DIR",
                        help="a folder of official (Fashion-)MNIST IDX files instead of the "
                             "bundled Fashion-MNIST")
    parser.add_argument("--save", metavar="PATH", help="save the trained model here (.npz)")
    args = parser.parse_args(argv)
    for name in RUN_OPTIONS:
        if getattr(args, name) is None:
            setattr(args, name, getattr(DEFAULTS[args.model], name))
    return args


def _default(name: str) -> str:
    lenet, shallow = (getattr(DEFAULTS[m], name) for m in ("lenet5", "shallow"))
    return f"default: {lenet} (shallow: {shallow})"


class _Progress:
    """A live one-line status on a terminal, redrawn at most 10 times a second."""

    def __init__(self, stream):
        self.stream, self.live, self.last = stream, stream.isatty(), 0.0

    def update(self, e: StepEvent) -> None:
        now = time.monotonic()
        if not self.live or (now - self.last < 0.1 and e.step != e.steps):
            return
        self.last = now
        acc = f"  acc {e.accuracy:6.2%}" if e.accuracy is not None else ""
        eta = f"{int(e.eta_s) // 60}:{int(e.eta_s) % 60:02d}"
        self.stream.write(f"\r  epoch {e.epoch}/{e.epochs}  batch {e.step}/{e.steps}  "
                          f"loss {e.loss:.4f}{acc}  {e.images_per_s:,.0f} img/s  ETA {eta} ")
        self.stream.flush()

    def clear(self) -> None:
        if self.live:
            self.stream.write("\r\033[K")
            self.stream.flush()


def main(argv=None) -> int:
    """Every way this can end is a line of text and an exit code, never a traceback."""
    try:
        return _train(parse_args(sys.argv[1:] if argv is None else argv))
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``| head -1``): say so once; Python's own flush at exit
        # would otherwise print a traceback into the closed pipe's place.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return _fail("the output was closed early (broken pipe)")
    except MemoryError:
        return _fail("out of memory: try a smaller --batch-size or --train-size")


def _train(args) -> int:
    try:
        config = TrainConfig(model=args.model, epochs=args.epochs, batch_size=args.batch_size,
                             lr=args.lr, optimizer=args.optimizer, schedule=args.schedule,
                             seed=args.seed, train_size=args.train_size)
    except ValueError as err:
        return _fail(str(err), 2)
    if config.model == "shallow":
        trainer = shallow_trainer(config)
        source = "two random 1×1×6×6 inputs (the lesson's tiny network)"
    else:
        try:
            train, test, source = _data(args.data)
        except (OSError, ValueError) as err:
            return _fail(f"cannot read the data: {err}")
        try:
            trainer = lenet_trainer(config, train, test)
        except ValueError as err:
            return _fail(str(err), 2)
        trainer.model.metadata["source"] = source
        source += f", {len(trainer.train.x):,} training / {len(trainer.test.x):,} test images"
    print(f"training {config.model} on {source}: {config.epochs} epochs, batch {config.batch_size}"
          f", {config.optimizer} lr {config.lr}, seed {config.seed}", flush=True)
    progress = _Progress(sys.stderr)
    last = None
    try:
        for event in trainer.run():
            if isinstance(event, StepEvent):
                progress.update(event)
            elif isinstance(event, EpochEvent):
                progress.clear()
                last = event
                test = "" if event.test_loss is None else (
                    f"  test loss {event.test_loss:.4f}  test accuracy {event.test_accuracy:.2%}")
                print(f"epoch {event.epoch:>3}/{event.epochs}  train loss {event.train_loss:.4f}"
                      f"{test}  {event.seconds:.1f} s", flush=True)
            elif isinstance(event, FinishedEvent) and event.reason != "completed":
                progress.clear()
                print(event.message, flush=True)
                if event.reason == "diverged":
                    return 1
    finally:
        progress.clear()
    if args.save:
        try:
            trainer.model.save(args.save)
        except OSError as err:
            return _fail(f"cannot save the model to {args.save}: {err}")
        print(f"saved the model to {args.save}")
    if last is not None and last.test_accuracy is not None:
        print(f"test accuracy: {last.test_accuracy:.2%}")
    elif last is not None:
        print(f"final loss: {last.train_loss:.4f}")
    return 0


def _data(folder):
    """(train, test, description) of the bundled set or an IDX folder; OSError / ValueError
    with the reason if it cannot be trained on."""
    if folder:
        train, test = (data.load_idx_folder(folder, s) for s in ("train", "test"))
        source = f"IDX files in {folder}"
    else:
        train, test = data.load_fashion_mnist("train"), data.load_fashion_mnist("test")
        source = "bundled Fashion-MNIST"
    try:
        data.check_trainable(train, test)
    except ValueError as err:
        raise ValueError(f"{source}: {err}") from None
    return train, test, source
