"""The LeNet-5 page's words are pure functions of the numbers: tested without Qt."""

import subprocess
import sys
from pathlib import Path

import numpy as np

from core.explain import receptive_field
from core.inside import Activity
from core.train import EpochEvent, StepEvent
from core.zoo import lenet5
from gui.pages.lenet import text

ROOT = Path(__file__).resolve().parents[2]


def test_the_text_module_needs_no_qt():
    code = ("import sys, gui.pages.lenet.text; "
            "sys.exit('PySide6' in sys.modules or 'pyqtgraph' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0


def step(**changes):
    values = dict(epoch=2, epochs=10, step=50, steps=938, global_step=988, loss=0.4213,
                  accuracy=0.8512, images_per_s=5123.0, eta_s=125.0)
    return StepEvent(**(values | changes))


def test_progress_shows_speed_and_time_left_only_while_running():
    running = text.progress_html(step(), "running")
    assert "epoch 2/10 · batch 50/938" in running and "train accuracy 85.1%" in running
    assert "5,123 images/s · 2:05 left" in running
    paused = text.progress_html(step(), "paused")
    assert "<b>paused</b>" in paused and "left" not in paused and "images/s" not in paused
    assert text.clock(3725) == "1:02:05"


def test_a_tiny_probability_does_not_cut_the_line_short():
    """"(<1%)" in rich text started a tag that swallowed the rest of the Why header."""
    from PySide6.QtGui import QTextDocument
    html = text.answer_html("Test image 1", "Shirt", ["Coat", "Shirt", "Bag"],
                            [0.99, 0.001, 0.009])
    document = QTextDocument()
    document.setHtml(html)
    assert document.toPlainText().endswith("then Bag (1%), Shirt (<1%) — wrong.")


def test_percent_never_reads_a_misleading_zero():
    assert text.percent(0.001) == "&lt;1%" and text.percent(0) == "0%" and text.percent(0.86) == \
        "86%"


def test_answer_names_the_top_three_and_says_right_or_wrong():
    names = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
             "Sneaker", "Bag", "Ankle boot"]
    p = np.full(10, 0.001)
    p[[4, 6, 2]] = [0.86, 0.1, 0.031]
    html = text.answer_html("Test image 7", "Shirt", names, p)
    assert html == ("Test image 7, a <b>Shirt</b>: the network says <b>Coat</b> (86%), then "
                    "Shirt (10%), Pullover (3%) — wrong.")
    assert text.answer_html("Your drawing", None, names, p).endswith("Pullover (3%)")


def test_readings_are_computed_from_the_numbers():
    assert text.region_name(2, 14, (28, 28)) == "the top centre"
    assert text.region_name(14, 14, (28, 28)) == "the centre"
    assert text.region_name(26, 1, (28, 28)) == "the bottom left"
    assert text.occlusion_reading("Coat", 0.86, 0.45, (0, 12, 4, 4), (28, 28)) == (
        "Covering rows 0–3, columns 12–15 (the top centre) lowers <b>Coat</b> the most: "
        "86% → 41%.")
    assert "hardly changes" in text.occlusion_reading("Coat", 0.9, 0.001, (0, 0, 4, 4),
                                                      (28, 28))
    saliency = np.zeros((28, 28))
    saliency[20:24, 2:5] = 1
    assert text.saliency_reading("Bag", saliency, (28, 28)).endswith("the bottom left.")
    assert text.nearest_reading([4, 4, 6, 4, 4], ["c"] * 4 + ["Coat", "x", "Shirt"]) == (
        "Its 5 nearest training images, in the 84 features the last layer reads: 4 Coat, "
        "1 Shirt.")


def test_unit_text_says_which_pixels_a_unit_depends_on():
    field = receptive_field(lenet5(rng=0), 0, 0, 0)
    act = Activity(0.1, 0.5, -1.0, 1.0, None, 0.12)
    html = text.unit_text(2, "Tanh", 3, (0, 0), 0.731, field, act)
    assert "channel 3 at (0, 0) = <b>0.731</b>" in html
    assert "input rows 0–2, columns 0–2 (3×3 pixels, 16 of them in the padding)" in html
    assert "12% saturated" in html
    assert text.activity_text(act, short=True) == "<br>12% saturated"


def test_epoch_status_and_weight_names():
    event = EpochEvent(3, 10, 0.41234, 0.85, 0.45, 0.8321, seconds=12.34)
    assert text.epoch_status(event) == ("Epoch 3: train loss 0.4123, test loss 0.4500, test "
                                        "accuracy 83.21% (12.3 s)")
    assert list(text.weight_names(lenet5(rng=0)).values()) == ["conv1", "conv2", "conv3",
                                                                 "fc1", "fc2"]
    assert text.loss_csv([1.0, 0.5], [1.0, 0.75]) == \
        "batch,loss,smoothed_loss\n1,1,1\n2,0.5,0.75\n"
