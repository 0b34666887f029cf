"""The LeNet-5 page's words as pure functions of the numbers (Qt-free, tested alone), in the
current language. Class names arrive as the learner reads them (``gui.choices.class_names``)."""

from __future__ import annotations

import csv
import io
from typing import NamedTuple

from core.layers import Conv2d, Linear
from core.model import weighted_layer_names
from core.train import EpochEvent, StepEvent
from gui.tr import QT_TRANSLATE_NOOP, translate


def percent(p: float) -> str:
    """A probability for reading in rich text: "&lt;1%" (shown as "<1%") rather than a
    misleading "0%". A bare "<" would start a tag and swallow the rest of the line."""
    return "&lt;1%" if 0 < p < 0.005 else f"{p:.0%}"


def clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}" if seconds >= 3600 \
        else f"{seconds // 60}:{seconds % 60:02d}"


def progress_html(step: StepEvent, state: str) -> str:
    """Three short lines for the narrow run panel. ``state`` is "running", "paused", "stopped",
    "finished" or "failed"; speed and time left only mean something while running."""
    lines = [translate("LeNetPage", "epoch {epoch}/{epochs} · batch {step}/{steps}").format(
                 epoch=step.epoch, epochs=step.epochs, step=f"{step.step:,}",
                 steps=f"{step.steps:,}"),
             translate("LeNetPage", "loss {loss}").format(loss=f"{step.loss:.3f}")
             + (translate("LeNetPage", " · train accuracy {accuracy}").format(
                 accuracy=f"{step.accuracy:.1%}") if step.accuracy is not None else "")]
    if state == "running":
        lines.append(translate("LeNetPage", "{rate} images/s · {left} left").format(
            rate=f"{step.images_per_s:,.0f}", left=clock(step.eta_s)))
    else:
        lines.append(f"<b>{translate('LeNetPage', STATES[state])}</b>")
    return "<br>".join(lines)


STATES = {"running": QT_TRANSLATE_NOOP("LeNetPage", "running"),
          "paused": QT_TRANSLATE_NOOP("LeNetPage", "paused"),
          "stopped": QT_TRANSLATE_NOOP("LeNetPage", "stopped"),
          "finished": QT_TRANSLATE_NOOP("LeNetPage", "finished"),
          "failed": QT_TRANSLATE_NOOP("LeNetPage", "stopped by an error"),
          "idle": QT_TRANSLATE_NOOP("LeNetPage", "not started")}


def epoch_status(event: EpochEvent) -> str:
    test = "" if event.test_accuracy is None else translate(
        "LeNetPage", ", test loss {loss}, test accuracy {accuracy}").format(
        loss=f"{event.test_loss:.4f}", accuracy=f"{event.test_accuracy:.2%}")
    return translate("LeNetPage", "Epoch {epoch}: train loss {loss}{test} ({seconds} s)").format(
        epoch=event.epoch, loss=f"{event.train_loss:.4f}", test=test,
        seconds=f"{event.seconds:.1f}")


def weight_names(model) -> dict[str, str]:
    """Short names of the weights worth a gradient-norm curve: parameter name -> "conv1",
    "conv2", …, "fc1", "fc2", … in network order."""
    return {f"{i}.weight": name for i, name in weighted_layer_names(model).items()}


def prediction_html(what: str, class_names, probabilities) -> str:
    ranked = sorted(range(len(probabilities)), key=lambda i: -probabilities[i])
    best, second = ranked[0], ranked[1]
    return translate("LeNetPage", "{what}: the network says <b>{best}</b> ({best_p}); next: "
                                  "{second} ({second_p}).").format(
        what=what, best=class_names[best], best_p=percent(probabilities[best]),
        second=class_names[second], second_p=percent(probabilities[second]))


ARCHITECTURE_NOTE = QT_TRANSLATE_NOOP(
    "LeNetPage",
    "From <code>model.summary((1, 28, 28))</code> ({origin}). Output size of every convolution "
    "and pool: ⌊(H + 2p − d·(K − 1) − 1) / s⌋ + 1. MACs count multiply-accumulates of one "
    "image's forward pass (KW·KH·C·OC·OW·OH for a convolution, in·out for a Linear layer).")


class ParameterSplit(NamedTuple):
    total: int          # parameters of the whole network
    fc: int             # … of its Linear layers
    full_size: int      # … of convolutions whose kernels cover their whole input (1×1 output)
    full_size_names: tuple
    macs: int
    fc_macs: int


def parameter_split(model, rows) -> ParameterSplit:
    """Where a network's parameters sit: fully connected layers, and convolutions that are fully
    connected layers in disguise (their output is 1×1: each kernel sees the whole input)."""
    full = [(i, row) for i, (row, layer) in enumerate(zip(rows, model))
            if isinstance(layer, Conv2d) and row.output_shape[1:] == (1, 1)]
    fc = [row for row, layer in zip(rows, model) if isinstance(layer, Linear)]
    return ParameterSplit(sum(row.params for row in rows), sum(row.params for row in fc),
                          sum(row.params for _, row in full),
                          tuple(translate("LeNetPage", "layer {index}").format(index=i)
                                for i, _ in full),
                          sum(row.macs for row in rows), sum(row.macs for row in fc))


def split_html(split: ParameterSplit) -> str:
    """The fully connected layers' share of the parameters and of the work, in words."""
    text = translate(
        "LeNetPage", "<b>Fully connected layers</b> hold {fc} of the {total} parameters ({share}) "
        "but do only {macs} of the multiply-accumulates.").format(
        fc=f"{split.fc:,}", total=f"{split.total:,}", share=f"{split.fc / split.total:.0%}",
        macs=f"{split.fc_macs / split.macs:.0%}")
    if split.full_size:
        dense = split.fc + split.full_size
        text += translate(
            "LeNetPage", " The convolution at {layers} has kernels as large as its input (its "
            "output is 1×1): it is a fully connected layer written as a convolution. Counted "
            "with it, fully connected weights are {dense} ({share}) — most of the network.").format(
            layers=", ".join(split.full_size_names), dense=f"{dense:,}",
            share=f"{dense / split.total:.0%}")
    return text


def fc_demo_html(demo, what: str) -> str:
    """An FC layer and the same weights as a convolution, on one input: equal outputs."""
    c, h, w = demo.maps_shape
    shown = min(6, len(demo.fc_output))
    values = ", ".join(f"{v:.4f}" for v in demo.fc_output[:shown])
    again = ", ".join(f"{v:.4f}" for v in demo.conv_output[:shown])
    kind = translate("LeNetPage", "1×1 convolution") if (h, w) == (1, 1) else translate(
        "LeNetPage", "{size} convolution (full size)").format(size=f"{h}×{w}")
    return translate(
        "LeNetPage", "<b>Layer {index} as a {kind}</b>, on {what}: the Linear layer gives "
        "[{values}, …]; the same weights reshaped to {shape} as a Conv2d over the {maps} maps "
        "give [{again}, …] — largest difference {difference}.").format(
        index=demo.index, kind=kind, what=what, values=values,
        shape=f"{demo.conv.weight.data.shape[0]}×{c}×{h}×{w}", maps=f"{c}×{h}×{w}", again=again,
        difference=f"{demo.difference:.1e}")


def loss_csv(losses, smoothed) -> str:
    """The loss of every batch, with its smoothed curve, as a CSV table."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["batch", "loss", "smoothed_loss"])
    for i, (loss, smooth) in enumerate(zip(losses, smoothed), start=1):
        writer.writerow([i, f"{loss:.6g}", f"{smooth:.6g}"])
    return out.getvalue()


# --------------------------------------------------------------------------- the Why view


def region_name(row: float, col: float, shape: tuple) -> str:
    """Where (row, col) lies in an image of ``shape``, in words: "the top left", "the centre"…"""
    h, w = shape
    return translate("LeNetPage", REGIONS[min(int(3 * row / h), 2)][min(int(3 * col / w), 2)])


REGIONS = ((QT_TRANSLATE_NOOP("LeNetPage", "the top left"),
            QT_TRANSLATE_NOOP("LeNetPage", "the top centre"),
            QT_TRANSLATE_NOOP("LeNetPage", "the top right")),
           (QT_TRANSLATE_NOOP("LeNetPage", "the middle left"),
            QT_TRANSLATE_NOOP("LeNetPage", "the centre"),
            QT_TRANSLATE_NOOP("LeNetPage", "the middle right")),
           (QT_TRANSLATE_NOOP("LeNetPage", "the bottom left"),
            QT_TRANSLATE_NOOP("LeNetPage", "the bottom centre"),
            QT_TRANSLATE_NOOP("LeNetPage", "the bottom right")))


def answer_html(what: str, true_name: str | None, class_names, probabilities) -> str:
    """"Test image 12, a Shirt: the network says Coat (86%), then Shirt (10%), Pullover (3%).\""""
    ranked = sorted(range(len(probabilities)), key=lambda i: -probabilities[i])[:3]
    first, *rest = ranked
    truth = translate("LeNetPage", ", a <b>{name}</b>").format(name=true_name) if true_name \
        else ""
    verdict = "" if true_name is None else (
        translate("LeNetPage", " — right.") if class_names[first] == true_name else
        translate("LeNetPage", " — wrong."))
    others = ", ".join(f"{class_names[i]} ({percent(probabilities[i])})" for i in rest)
    return translate("LeNetPage", "{what}{truth}: the network says <b>{first}</b> ({first_p}), "
                                  "then {others}{verdict}").format(
        what=what, truth=truth, first=class_names[first], first_p=percent(probabilities[first]),
        others=others, verdict=verdict)


def occlusion_reading(class_name: str, base: float, drop: float, square: tuple,
                      shape: tuple) -> str:
    """What covering the image taught, from the square whose covering mattered most."""
    top, left, h, w = square
    where = region_name(top + h / 2, left + w / 2, shape)
    if drop <= 0.005:
        return translate("LeNetPage", "Covering any {size} square hardly changes <b>{name}</b> "
                                      "({base}): no single small part decides it.").format(
            size=f"{h}×{w}", name=class_name, base=percent(base))
    return translate("LeNetPage", "Covering rows {rows}, columns {cols} ({where}) lowers "
                                  "<b>{name}</b> the most: {base} → {after}.").format(
        rows=f"{top}–{top + h - 1}", cols=f"{left}–{left + w - 1}", where=where, name=class_name,
        base=percent(base), after=percent(base - drop))


def saliency_reading(class_name: str, saliency, shape: tuple) -> str:
    """Where the pixels that raise the class the most lie."""
    import numpy as np
    values = np.asarray(saliency)
    if not np.any(values > 0):
        return translate("LeNetPage", "No pixel raises <b>{name}</b>.").format(name=class_name)
    strongest = values >= np.quantile(values[values > 0], 0.9)
    rows, cols = np.nonzero(strongest)
    return translate("LeNetPage", "The pixels that raise <b>{name}</b> the most lie in "
                                  "{where}.").format(
        name=class_name, where=region_name(rows.mean(), cols.mean(), shape))


def nearest_reading(labels, class_names) -> str:
    """"Its 5 nearest training images: 4 Coat, 1 Shirt.\""""
    counts: dict[str, int] = {}
    for label in labels:
        counts[class_names[label]] = counts.get(class_names[label], 0) + 1
    parts = ", ".join(f"{n} {name}" for name, n in sorted(counts.items(), key=lambda kv: -kv[1]))
    return translate("LeNetPage", "Its {count} nearest training images, in the 84 features the "
                                  "last layer reads: {parts}.").format(count=len(labels),
                                                                       parts=parts)


# --------------------------------------------------------------------------- Inside, clicked


def activity_text(act, short: bool = False) -> str:
    """A stage's activity: "<br>31% dead" (a second line of a panel title), or the whole
    summary."""
    share = "" if act.dead is None and act.saturated is None else (
        translate("LeNetPage", "{share} dead").format(share=f"{act.dead:.0%}")
        if act.dead is not None else
        translate("LeNetPage", "{share} saturated").format(share=f"{act.saturated:.0%}"))
    if short:
        return f"<br>{share}" if share else ""
    whole = translate("LeNetPage", "mean {mean}, std {std}, values {low} … {high}").format(
        mean=f"{act.mean:.3g}", std=f"{act.std:.3g}", low=f"{act.low:.3g}", high=f"{act.high:.3g}")
    return whole + (f", {share}" if share else "")


def unit_text(index: int, kind: str, channel: int, position, value: float, field,
              act) -> str:
    """What one clicked unit is, and which input pixels it depends on."""
    where = translate("LeNetPage", "channel {channel} at {position}").format(
        channel=channel, position=position) if position is not None else translate(
        "LeNetPage", "unit {unit}").format(unit=channel)
    top, left, bottom, right = field.clipped()
    padding = translate("LeNetPage", ", {count} of them in the padding").format(
        count=field.in_padding) if field.in_padding else ""
    rows, cols = bottom - top + 1, right - left + 1
    whole = rows == field.input_size[0] and cols == field.input_size[1]
    sees = translate("LeNetPage", "the whole image") if whole else translate(
        "LeNetPage", "input rows {rows}, columns {cols} ({size} pixels{padding})").format(
        rows=f"{top}–{bottom}", cols=f"{left}–{right}", size=f"{rows}×{cols}", padding=padding)
    return translate("LeNetPage", "<b>Layer {index} ({kind})</b>, {where} = <b>{value}</b>. It "
                                  "depends on {sees}, outlined in green on the input. The layer: "
                                  "{activity}.").format(
        index=index, kind=kind, where=where, value=f"{value:.3g}", sees=sees,
        activity=activity_text(act))


def kernel_text(number: int, channel: int, shape, feature_map) -> str:
    c, kh, kw = shape
    channels = translate("LeNetPage", "{count} input channels of ").format(count=c) if c > 1 \
        else ""
    return translate(
        "LeNetPage", "<b>conv{number} kernel {channel}</b>: {channels}{size} weights. Sliding it "
        "over its input gives this {map} map (before BatchNorm and the activation), values {low} "
        "… {high}: red where the input matches the kernel's pattern.").format(
        number=number, channel=channel, channels=channels, size=f"{kh}×{kw}",
        map=f"{feature_map.shape[0]}×{feature_map.shape[1]}", low=f"{feature_map.min():.3g}",
        high=f"{feature_map.max():.3g}")
