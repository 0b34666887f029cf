"""The app on a real X server (Xvfb) with Qt's xcb platform, which the offscreen tests never load:
`python -m gui.smoke` in a child process shows every page. Skipped without Xvfb, unless
CNN_STUDIO_REQUIRE_X11=1 (CI, which installs it) makes that a failure."""

import os
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 120  # s for one smoke run (it gives up by itself after 60 s)


@pytest.fixture(scope="module")
def x_display(tmp_path_factory):
    """A private Xvfb server (it picks a free display number itself): its DISPLAY."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        if os.environ.get("CNN_STUDIO_REQUIRE_X11") == "1":
            pytest.fail("Xvfb is not installed, and CNN_STUDIO_REQUIRE_X11=1 requires the X11 "
                        "smoke test (apt install xvfb)")
        pytest.skip("Xvfb is not installed (apt install xvfb)")
    log = tmp_path_factory.mktemp("xvfb") / "xvfb.log"
    read, write = os.pipe()
    with open(log, "wb") as errors:
        server = subprocess.Popen([xvfb, "-displayfd", str(write), "-screen", "0", "1280x800x24",
                                   "-nolisten", "tcp"], pass_fds=(write,),
                                  stdout=subprocess.DEVNULL, stderr=errors)
    os.close(write)
    try:
        number = _read_line(read, timeout=30)
        if not number.isdigit():
            pytest.fail(f"Xvfb did not start: {log.read_text(errors='replace')[-2000:]}")
        yield f":{number}"
    finally:
        os.close(read)
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)


def _read_line(fd: int, timeout: float) -> str:
    """What Xvfb writes to -displayfd once it accepts clients (the display number)."""
    text = b""
    while not text.endswith(b"\n"):
        if not select.select([fd], [], [], timeout)[0]:
            break
        chunk = os.read(fd, 64)
        if not chunk:
            break
        text += chunk
    return text.decode().strip()


def smoke(display, code=None):
    """`python -m gui.smoke` (or ``code``) on ``display``, with Qt left to choose its platform
    (tests/conftest.py sets offscreen for this process: not for the child)."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE")}
    env["DISPLAY"] = display
    command = ["-c", code] if code else ["-m", "gui.smoke"]
    return subprocess.run([sys.executable, *command], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=TIMEOUT)


def test_every_page_opens_on_a_real_x_server(x_display, window):
    keys = [page.key for page in window.pages]
    result = smoke(x_display)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("page ")]
    assert [line.split()[2].rstrip(":") for line in lines] == keys, result.stdout
    assert all("visible" in line and "grabbed" in line for line in lines)
    assert result.stdout.splitlines()[-1] == f"smoke: ok, {len(keys)} pages on xcb"


# A page that raises once on screen, and a run that takes too long, fail the smoke test.
BROKEN_PAGE = """
import sys
from gui.pages.pooling import PoolingPage
def show_event(self, event):
    raise RuntimeError("the pooling page is broken")
PoolingPage.showEvent = show_event
from gui import smoke
sys.exit(smoke.main())
"""
SLOW = "import sys\nfrom gui import smoke\nsmoke.TIMEOUT_MS = 1\nsys.exit(smoke.main())\n"


@pytest.mark.parametrize("code, reason", [
    (BROKEN_PAGE, "smoke: FAILED: an error was raised"),
    (SLOW, "smoke: FAILED: timed out after 0 s at"),
], ids=["a page raises", "too slow"])
def test_the_smoke_test_can_fail(x_display, code, reason):
    result = smoke(x_display, code)
    assert result.returncode == 1, result.stdout + result.stderr
    assert reason in result.stderr, result.stderr
    assert "smoke: ok" not in result.stdout


def test_it_refuses_to_run_offscreen():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-m", "gui.smoke"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=TIMEOUT)
    assert result.returncode == 2
    assert "this test is for X11 (xcb)" in result.stderr and "Traceback" not in result.stderr
