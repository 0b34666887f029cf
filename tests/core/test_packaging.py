"""`pip install .` must carry every package and data file the app opens (CI installs it so)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _listed(name: str) -> str:
    text = (ROOT / "pyproject.toml").read_text()
    return re.search(rf"^{name} = (\[.*?\])", text, re.M | re.S).group(1)


def test_every_package_is_installed():
    """Every folder of modules is a package (with ``__init__.py``: a namespace package would
    import from a checkout and be left out of the wheel) and is listed."""
    listed = set(re.findall(r'"([\w.]+)"', _listed("packages")))
    folders = {module.parent for top in ("core", "gui") for module in (ROOT / top).rglob("*.py")
               if "__pycache__" not in module.parts}
    without = sorted(str(f.relative_to(ROOT)) for f in folders if not (f / "__init__.py").exists())
    assert not without, f"folders of modules without __init__.py: {without}"
    found = {".".join(folder.relative_to(ROOT).parts) for folder in folders}
    assert found <= listed, f"missing from pyproject's packages: {sorted(found - listed)}"


def test_the_resources_the_app_reads_are_package_data():
    patterns = re.findall(r'"([^"]+)"', _listed("cnn_studio_resources"))
    for needed in ("lesson.json", "fashion_mnist/SOURCE.md", "i18n/cnn_studio_ko.qm"):
        assert any(Path(needed).match(pattern) for pattern in patterns), needed
