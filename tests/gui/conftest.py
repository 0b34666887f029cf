import gc

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings

from gui.app import collect_garbage_in_gui_thread, configure_pyqtgraph


@pytest.fixture(scope="session", autouse=True)
def isolated_app(qapp, tmp_path_factory):
    """Settings go to a temporary folder under a test organisation, never the user's."""
    QCoreApplication.setOrganizationName("CNN Studio Tests")
    QCoreApplication.setApplicationName("CNN Studio Tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path_factory.mktemp("settings")))
    configure_pyqtgraph()
    collect_garbage_in_gui_thread(qapp)  # as the app does: collections in this thread only
    return qapp


@pytest.fixture(autouse=True)
def nothing_left_to_the_garbage_collector(isolated_app):
    """Fails a test that leaves a live Qt object reachable only through a reference cycle: the
    cyclic collector would destroy it whenever it runs, in whatever thread (see PITFALLS.md).
    Runs after pytest-qt has closed and deleteLater'd the test's widgets."""
    gc.collect()
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        gc.collect()
        garbage = list(gc.garbage)
        live = sorted({type(o).__qualname__ for o in garbage
                       if isinstance(o, QObject) and shiboken6.isValid(o)})
        where = cycle_through_our_code(garbage) if live else ""
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        del garbage
        gc.collect()
    assert not live, f"Qt objects left to the cyclic garbage collector: {', '.join(live)}{where}"


def cycle_through_our_code(garbage: list) -> str:
    """A reference cycle among ``garbage`` through one of the app's objects, as a chain of
    types (to tell where to break it)."""
    ids = {id(o) for o in garbage}
    for start in (o for o in garbage if type(o).__module__.startswith(("gui", "core"))):
        before, queue = {id(start): None}, [start]
        while queue:
            current = queue.pop(0)
            for nxt in gc.get_referents(current):
                if nxt is start:
                    chain = [current]
                    while before[id(chain[-1])] is not None:
                        chain.append(before[id(chain[-1])])
                    names = [type(o).__qualname__ for o in reversed(chain)]
                    return "; a cycle: " + " -> ".join([*names, names[0]])
                if id(nxt) in ids and id(nxt) not in before:
                    before[id(nxt)] = current
                    queue.append(nxt)
    return ""


@pytest.fixture
def fresh_settings():
    QSettings().clear()
    yield
    QSettings().clear()


@pytest.fixture
def window(qtbot, fresh_settings, monkeypatch, tmp_path):
    from gui.main_window import MainWindow

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # no runs of other tests
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


TEST_IMAGES = 2000


@pytest.fixture
def fewer_test_images(monkeypatch):
    """The first 2,000 bundled test images instead of 10,000: in short training runs the
    evaluation after each epoch would take most of the time."""
    from core import data

    load = data.load_fashion_mnist

    def first_test_images(split="train"):
        loaded = load(split)
        return data.Split(loaded.images[:TEST_IMAGES], loaded.labels[:TEST_IMAGES]) \
            if split == "test" else loaded

    monkeypatch.setattr(data, "load_fashion_mnist", first_test_images)


@pytest.fixture
def small_data(monkeypatch):
    """The first 3,000 bundled training and 500 test images: work over the whole training set
    (the Why view's pass over every image's features) then takes a moment, on any machine."""
    from core import data

    load = data.load_fashion_mnist

    def first_images(split="train"):
        loaded = load(split)
        count = 3000 if split == "train" else 500
        return data.Split(loaded.images[:count], loaded.labels[:count])

    monkeypatch.setattr(data, "load_fashion_mnist", first_images)
