"""The live training plots: loss per batch (raw and smoothed), accuracy per epoch, and the
gradient norm of each layer's weights."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from gui.i18n import Translated, translate

SMOOTHING = 0.9  # exponential moving average of the batch loss (about 10 batches)
def quiet_grid(plot: pg.PlotWidget) -> None:
    """A grid on the major ticks only: the minor ones cluttered the plots and made every
    redraw several times slower (each grid line is an antialiased translucent line)."""
    plot.showGrid(x=True, y=True, alpha=0.3)
    for side in ("left", "bottom"):
        plot.getAxis(side).setStyle(maxTickLevel=0)


class Smoother:
    """The exponential moving average of the batch losses (about 10 batches), debiased at the
    start like Adam's moments, extended as the losses grow: every smoothed curve of the app."""

    def __init__(self):
        self.values: list[float] = []
        self._level = 0.0

    def extend(self, losses) -> np.ndarray:
        """The average at each of ``losses`` (the earlier ones as computed before)."""
        level = self._level
        for i in range(len(self.values), len(losses)):
            level = SMOOTHING * level + (1 - SMOOTHING) * losses[i]
            self.values.append(level / (1 - SMOOTHING ** (i + 1)))
        self._level = level
        return np.asarray(self.values[:len(losses)])


def smoothed(losses) -> np.ndarray:
    return Smoother().extend(losses)


COLOURS = ("#1565c0", "#2e7d32", "#6a1b9a", "#e65100", "#c62828", "#00838f")
class TrainingPlots(Translated, QWidget):
    """Created once; ``show_*`` only update data. Ranges stay fixed during a run (set by
    ``start_run``) so the axes are not laid out again at every redraw."""

    def __init__(self):
        super().__init__()
        self.loss_plot = pg.PlotWidget()
        self.loss_plot.setObjectName("loss_plot")
        quiet_grid(self.loss_plot)
        self.loss_plot.setDownsampling(mode="peak")
        self.loss_plot.setClipToView(True)
        self.raw_curve = self.loss_plot.plot(pen=pg.mkPen("#b3cde8"))  # opaque: cheap to draw
        self.smooth_curve = self.loss_plot.plot(pen=pg.mkPen("#0d47a1", width=2))
        # the newest batch as a dot: a single stepped batch shows, a line of one point would not
        self.last_point = self.loss_plot.plot(pen=None, symbol="o", symbolSize=7,
                                              symbolBrush="#0d47a1", symbolPen=None)
        self.accuracy_plot = pg.PlotWidget()
        self.accuracy_plot.setObjectName("accuracy_plot")
        self.accuracy_legend = self.accuracy_plot.addLegend(offset=(-5, -5),
                                                            brush=(255, 255, 255, 200))
        quiet_grid(self.accuracy_plot)
        self.train_acc_curve, self.test_acc_curve = (
            self.accuracy_plot.plot(pen=pg.mkPen(colour, width=2), symbol="o",
                                    symbolBrush=colour, symbolPen=colour)
            for colour in ("#1565c0", "#e65100"))
        self.grad_plot = pg.PlotWidget()
        self.grad_plot.setObjectName("grad_plot")
        self.grad_plot.setLogMode(y=True)
        self.grad_curves: dict[str, pg.PlotDataItem] = {}
        bottom = QHBoxLayout()
        bottom.addWidget(self.accuracy_plot)
        bottom.addWidget(self.grad_plot)
        layout = QVBoxLayout(self)
        layout.addWidget(self.loss_plot, 1)
        layout.addLayout(bottom, 1)
        self.clear()

    def retranslate(self) -> None:
        self.loss_plot.setTitle(translate("TrainingPlots", "Loss per batch (faint) and smoothed"))
        self.accuracy_plot.setTitle(translate("TrainingPlots", "Accuracy per epoch"))
        for plot, axis in ((self.loss_plot, translate("TrainingPlots", "batch")),
                           (self.accuracy_plot, translate("TrainingPlots", "epoch")),
                           (self.grad_plot, translate("TrainingPlots", "batch"))):
            plot.setLabel("bottom", axis)
        self.accuracy_legend.clear()
        self.accuracy_legend.addItem(self.train_acc_curve, translate("TrainingPlots", "train"))
        self.accuracy_legend.addItem(self.test_acc_curve, translate("TrainingPlots", "test"))
        self._grad_title()

    def _grad_title(self) -> None:
        """The gradient plot's title; its second line names the layers in their colours (a
        legend would cover the curves)."""
        title = translate("TrainingPlots", "Gradient norm per layer (log scale)")
        if self.grad_curves:
            title += "<br>" + " ".join(f"<span style='color:{COLOURS[k % len(COLOURS)]}'>{n}"
                                       "</span>" for k, n in enumerate(self.grad_curves))
        self.grad_plot.setTitle(title)

    def clear(self) -> None:
        for curve in (self.raw_curve, self.smooth_curve, self.last_point, self.train_acc_curve,
                      self.test_acc_curve):
            curve.setData([], [])
        for curve in self.grad_curves.values():
            self.grad_plot.removeItem(curve)
        self.grad_curves = {}
        self.retranslate()
        self.smoother = Smoother()
        self._loss_top = 0.0
        self._batches_shown = 0
        self._last_batch = 0

    def start_run(self, total_steps: int, total_epochs: int) -> None:
        """The run will end at batch ``total_steps`` and epoch ``total_epochs``: the batch axis
        grows towards it in a few steps (so stepped batches are visible at once), the epoch axis
        is set once."""
        self._last_batch = total_steps
        self.accuracy_plot.setXRange(0.5, total_epochs + 0.5)
        step = max(1, total_epochs // 10)  # whole epochs only
        self.accuracy_plot.getAxis("bottom").setTicks(
            [[(e, str(e)) for e in range(step, total_epochs + 1, step)]])
        self._show_batches(0)

    def _show_batches(self, count: int) -> None:
        """The batch axis spans twice the batches trained (at least 50), never past the run's
        end; it only grows, so it is laid out again a dozen times per run at most."""
        wanted = max(50, 2 * count)
        if self._last_batch:
            wanted = min(wanted, max(self._last_batch, count))
        if wanted > self._batches_shown:
            self._batches_shown = wanted
            for plot in (self.loss_plot, self.grad_plot):
                plot.setXRange(0, wanted, padding=0.01)

    def show_losses(self, losses) -> None:
        if not losses:
            return
        x = np.arange(1, len(losses) + 1)
        y = np.asarray(losses)
        top = 1.05 * float(y.max())
        if top > self._loss_top:  # grow the range in steps, not at every batch
            self._loss_top = max(top, 1.5 * self._loss_top)
            self.loss_plot.setYRange(0, self._loss_top, padding=0)
        self.raw_curve.setData(x, y)
        self.smooth_curve.setData(x, self.smoother.extend(losses))
        self.last_point.setData(x[-1:], y[-1:])
        self._show_batches(len(losses))

    def show_accuracy(self, train, test) -> None:
        epochs = np.arange(1, len(train) + 1)
        self.train_acc_curve.setData(epochs, train)
        self.test_acc_curve.setData(epochs[:len(test)], test)

    def show_grad_norms(self, steps, norms: dict) -> None:
        """``norms``: layer name (e.g. "conv1") -> norms at ``steps``. The names, in their
        colours, make the second line of the title (a legend would cover the curves)."""
        for i, (name, values) in enumerate(norms.items()):
            curve = self.grad_curves.get(name)
            if curve is None:
                curve = self.grad_plot.plot(pen=pg.mkPen(COLOURS[i % len(COLOURS)], width=2))
                self.grad_curves[name] = curve
                self._grad_title()
            curve.setData(steps[:len(values)], values)
