"""`pip install .` must carry every package and data file the app opens (CI installs it so)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _listed(name: str) -> str:
    text = (ROOT / "pyproject.toml").read_text()
    return re.search(rf"^{name} = (\[.*?\])", text, re.M | re.S).group(1)


def test_every_package_is_installed():
    listed = set(re.findall(r'"([\w.]+)"', _listed("packages")))
    found = {".".join(init.parent.relative_to(ROOT).parts)
             for top in ("core", "gui") for init in (ROOT / top).rglob("__init__.py")}
    assert found <= listed, f"missing from pyproject's packages: {sorted(found - listed)}"


def test_the_resources_the_app_reads_are_package_data():
    patterns = re.findall(r'"([^"]+)"', _listed("cnn_studio_resources"))
    for needed in ("lesson.json", "fashion_mnist/SOURCE.md"):
        assert any(Path(needed).match(pattern) for pattern in patterns), needed
