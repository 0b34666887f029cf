"""The launcher (`python main.py`, the `cnn-studio` command): its options, and the one line it
prints instead of a window that cannot open. Qt is never loaded for --help, --version, train or
export."""

import ctypes
import re
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

import pytest

from gui import launcher

ROOT = Path(__file__).resolve().parents[2]

# main.py run as a user would, then the Qt modules it imported (on stderr, after everything).
RUNNER = ("import sys, runpy; sys.argv = ['main.py'] + sys.argv[1:]\n"
          "try:\n    runpy.run_path('main.py', run_name='__main__')\n"
          "finally:\n"
          "    qt = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6',"
          " 'pyqtgraph')]\n"
          "    print('QT-MODULES', qt, file=sys.stderr)\n")


def run_main(*args):
    return subprocess.run([sys.executable, "-c", RUNNER, *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def errors(result) -> list[str]:
    return [line for line in result.stderr.splitlines()
            if line.strip() and not line.startswith("QT-MODULES")]


def test_help_prints_usage_and_never_loads_qt():
    result = run_main("--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: cnn-studio")
    assert "--lang {en,ko}" in result.stdout and "train" in result.stdout
    assert "cnn-studio export MODEL --to DIR" in result.stdout
    assert "QT-MODULES []" in result.stderr and not errors(result)


def test_version_is_the_distributions():
    result = run_main("--version")
    assert result.returncode == 0 and "QT-MODULES []" in result.stderr, result.stderr
    assert result.stdout == f"cnn-studio {metadata.version('cnn-studio')}\n"


def test_version_of_a_checkout_that_is_not_installed(monkeypatch):
    def not_installed(name):
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "version", not_installed)
    found = re.search(r'^version = "(.+)"', (ROOT / "pyproject.toml").read_text(), re.M)
    assert launcher.version() == found.group(1)


def test_train_help_is_the_training_commands():
    result = run_main("train", "--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: python main.py train")
    assert "--epochs" in result.stdout and "QT-MODULES []" in result.stderr


@pytest.mark.parametrize("args, text", [
    (["--lang", "xx"], "cnn-studio: error: --lang takes en or ko, not 'xx'"),
    (["--lang"], "cnn-studio: error: --lang takes en or ko, not ''"),
    (["--lang", "-style", "fusion"], "cnn-studio: error: --lang takes en or ko, not ''"),
    (["trian"], "cnn-studio: error: unknown command 'trian' (did you mean 'train'?)"),
    (["exprot"], "cnn-studio: error: unknown command 'exprot' (did you mean 'export'?)"),
    (["--lang", "ko", "fly"], "cnn-studio: error: unknown command 'fly'; run without"),
])
def test_usage_errors_are_one_line_and_exit_2(args, text):
    result = run_main(*args)
    assert result.returncode == 2
    assert len(errors(result)) == 1 and errors(result)[0].startswith(text), result.stderr
    assert "QT-MODULES []" in result.stderr


@pytest.mark.parametrize("argv, launch", [
    ([], (None, [], None)),
    (["--lang", "ko", "-style", "fusion"], (None, ["-style", "fusion"], "ko")),
    (["-style", "fusion", "--lang=en", "-reverse"], (None, ["-style", "fusion", "-reverse"],
                                                     "en")),
    (["train", "--lang", "xx", "--epochs", "3", "--", "x"],
     ("train", ["--lang", "xx", "--epochs", "3", "--", "x"], None)),
    (["--lang", "ko", "train", "--help"], ("train", ["--help"], "ko")),
    (["export", "lenet.npz", "--to", "out", "--force"],
     ("export", ["lenet.npz", "--to", "out", "--force"], None)),
])
def test_what_is_started(argv, launch):
    """The window gets every argument but the launcher's (they go to Qt); a command gets
    every argument after it, unchanged."""
    assert launcher.parse(argv) == launch


# ---------------------------------------------------------------- export for PyTorch


@pytest.fixture
def saved_model(tmp_path):
    """A LeNet-5 model file as `train --save` writes it (untrained: the export does not care)."""
    from core import zoo
    model = zoo.lenet5(rng=0)
    model.metadata.update(normalizer={"mean": 0.286, "std": 0.353},
                          source="bundled Fashion-MNIST")
    model.save(tmp_path / "lenet.npz")
    return tmp_path / "lenet.npz"


def test_export_writes_the_files_for_pytorch_and_never_loads_qt(saved_model, tmp_path):
    out = tmp_path / "for pytorch"
    result = run_main("export", str(saved_model), "--to", str(out))
    assert result.returncode == 0, result.stderr
    assert "QT-MODULES []" in result.stderr and not errors(result)
    names = ["model.safetensors", "model.py", "predict.py", "README.md", "example.png"]
    assert sorted(p.name for p in out.iterdir()) == sorted(names)
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"wrote {out}: model.safetensors (") and len(lines) == 2
    assert lines[1] == f"next: cd {out} && python predict.py example.png   (needs torch, " \
                       "safetensors and pillow)"
    # the bundled data's class names, taken from the model's source
    assert '"T-shirt/top", "Trouser"' in (out / "model.py").read_text("utf-8")
    # again: the files are there; with --force they are replaced
    again = run_main("export", str(saved_model), "--to", str(out))
    assert again.returncode == 1 and errors(again) == [
        f"cnn-studio export: error: {out} already holds model.safetensors, model.py, "
        "predict.py, README.md, example.png: choose another folder, or replace them (--force)"]
    assert run_main("export", str(saved_model), "--to", str(out), "--force").returncode == 0


@pytest.mark.parametrize("args, code, text", [
    (["export"], 2, "cnn-studio export: error: the following arguments are required: MODEL, "
                    "--to (see --help)"),
    (["export", "{tmp}/nope.npz", "--to", "{tmp}/out"], 1,
     "cnn-studio export: error: cannot read the model: "),
    (["export", "{tmp}/lenet.npz", "--to", "{tmp}/lenet.npz"], 1,
     "cnn-studio export: error: {tmp}/lenet.npz is a file, not a folder"),
])
def test_export_failures_are_one_line(saved_model, tmp_path, args, code, text):
    result = run_main(*(arg.format(tmp=tmp_path) for arg in args))
    assert result.returncode == code, result.stderr
    assert len(errors(result)) == 1, result.stderr
    assert errors(result)[0].startswith(text.format(tmp=tmp_path))
    assert "QT-MODULES []" in result.stderr and result.stdout == ""


# ---------------------------------------------------------------- Qt's X11 libraries

LDD_MISSING = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibxkbcommon-x11.so.0 => not found
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => /lib/x86_64-linux-gnu/libxcb-icccm.so.4 (0x00007f0c)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/plugins/platforms/../../lib/libQt6XcbQpa.so.6 (0x7f)
\tlibxcb-cursor.so.0 => not found
\tlibsomething-new.so.7 => not found
"""
LDD_ALL_THERE = "\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f)\n"


@pytest.fixture
def x11_session(monkeypatch):
    """An X11 desktop (no Wayland), and a window that is only pretended to open."""
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("DISPLAY", ":0")
    for name in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE"):
        monkeypatch.delenv(name, raising=False)
    opened = []
    monkeypatch.setattr(launcher, "_open_window", lambda *args: opened.append(args) or 0)
    return opened


def test_missing_x11_libraries_are_named_with_their_packages_in_one_line(
        x11_session, monkeypatch, capsys):
    monkeypatch.setattr(launcher, "_ldd", lambda files: LDD_MISSING)
    assert launcher.main(["--lang", "en"]) == 1
    assert x11_session == []  # no window tried
    lines = capsys.readouterr().err.splitlines()
    assert lines == ["cnn-studio: error: Qt cannot open a window: missing libxkbcommon-x11.so.0, "
                     "libxcb-cursor.so.0, libsomething-new.so.7 — on Debian/Ubuntu: "
                     "sudo apt install libxkbcommon-x11-0 libxcb-cursor0"]


def test_the_window_opens_when_nothing_is_missing(x11_session, monkeypatch, capsys):
    monkeypatch.setattr(launcher, "_ldd", lambda files: LDD_ALL_THERE)
    assert launcher.main(["--lang", "ko", "-style", "fusion"]) == 0
    assert x11_session == [(["-style", "fusion"], "ko")]
    assert capsys.readouterr().err == ""


def test_the_check_is_only_for_x11(x11_session, monkeypatch):
    monkeypatch.setattr(launcher, "_ldd", lambda files: LDD_MISSING)
    for name, value in (("QT_QPA_PLATFORM", "offscreen"), ("QT_QPA_PLATFORM", "wayland"),
                        ("WAYLAND_DISPLAY", "wayland-0"), ("XDG_SESSION_TYPE", "wayland")):
        with monkeypatch.context() as env:
            env.setenv(name, value)
            assert launcher.main([]) == 0, (name, value)
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb:nograb")
    assert launcher.main([]) == 1


def test_without_ldd_the_loader_names_the_first_missing_library(monkeypatch, tmp_path):
    plugin = tmp_path / "libqxcb.so"
    monkeypatch.setattr(launcher.shutil, "which", lambda name: None)

    def cannot_load(message):
        def load(path):
            raise OSError(message)
        return load

    monkeypatch.setattr(ctypes, "CDLL", cannot_load(
        "libxcb-cursor.so.0: cannot open shared object file: No such file or directory"))
    assert launcher.missing_xcb_libraries(plugin) == ["libxcb-cursor.so.0"]
    # An error that names no missing library (or only the plugin itself): go on.
    monkeypatch.setattr(ctypes, "CDLL", cannot_load(f"{plugin}: invalid ELF header"))
    assert launcher.missing_xcb_libraries(plugin) == []
    monkeypatch.setattr(ctypes, "CDLL", cannot_load(
        f"{plugin}: cannot open shared object file: No such file or directory"))
    assert launcher.missing_xcb_libraries(plugin) == []


def test_when_it_cannot_tell_the_app_starts(monkeypatch, tmp_path):
    monkeypatch.setattr(launcher.importlib.util, "find_spec", lambda name: None)
    assert launcher.xcb_plugin() is None and launcher.missing_xcb_libraries() == []
    assert launcher._ldd([tmp_path / "no-such-file.so"]) is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt's xcb plugin: Linux only")
def test_on_this_machine_it_reports_only_what_is_truly_missing():
    plugin = launcher.xcb_plugin()
    assert plugin is not None, "PySide6's xcb plugin not found where the launcher looks"
    start = time.perf_counter()
    missing = launcher.missing_xcb_libraries()
    assert time.perf_counter() - start < 1.0  # ~0.05 s: it runs before every start
    for name in missing:
        with pytest.raises(OSError):
            ctypes.CDLL(name)
    if not missing:  # then the plugin loads (in a child: it pulls in Qt's libraries)
        code = f"import ctypes; ctypes.CDLL({str(plugin)!r})"
        load = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              timeout=60)
        assert load.returncode == 0, load.stderr


def test_the_readme_installs_every_package_the_check_may_ask_for():
    """The README's apt line and the launcher's table name the same packages (the table also
    knows a few that Qt 6 no longer needs but older wheels did)."""
    readme = (ROOT / "README.md").read_text("utf-8")
    line = re.search(r"<!-- xcb-packages.*?^sudo apt install ([^\n]+)$", readme, re.M | re.S)
    assert line, "no apt line for Qt's X11 libraries in the README"
    listed = set(line.group(1).split())
    assert listed <= set(launcher.XCB_PACKAGES.values())
    needed = set(launcher.XCB_PACKAGES.values()) - {"libxcb-xinerama0", "libopengl0", "libglx0",
                                                    "libglvnd0"}
    assert needed <= listed, sorted(needed - listed)


def test_qt_needs_nothing_the_table_does_not_know():
    """Every library that Qt's X11 plugin and the Qt libraries under it take from the system has
    a package in the table, so that a missing one comes with the command that installs it."""
    plugin = launcher.xcb_plugin()
    if plugin is None or not sys.platform.startswith("linux"):
        pytest.skip("PySide6's xcb plugin is not here")
    lib = plugin.parents[2] / "lib"
    needed = set()
    for library in (plugin, *(lib / f"libQt6{name}.so.6" for name in
                              ("XcbQpa", "Gui", "Core", "Widgets", "DBus", "OpenGL"))):
        needed |= _needed(library)
    bundled = {name for name in needed if (lib / name).exists()}  # Qt's own, ICU
    # glibc, the C++ runtime, zlib, zstd: in every Debian/Ubuntu system ("required" packages).
    basic = {name for name in needed
             if re.match(r"(ld-linux.*|lib(c|m|dl|rt|pthread|gcc_s|stdc\+\+|z|zstd))\.so", name)}
    unknown = needed - bundled - basic - set(launcher.XCB_PACKAGES)
    assert not unknown, sorted(unknown)


def _needed(library: Path) -> set[str]:
    """The libraries an ELF file names as DT_NEEDED."""
    try:
        out = subprocess.run(["objdump", "-p", str(library)], capture_output=True, text=True,
                             timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        pytest.skip("no objdump")
    return set(re.findall(r"^\s*NEEDED\s+(\S+)", out, re.M))
