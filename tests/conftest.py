import os
from pathlib import Path

# GUI tests run without a display unless the caller chose a platform; the offscreen screen is
# made as large as a real one (its default, 800×800, would clamp every window).
SCREEN = Path(__file__).with_name("offscreen_screen.json")
if os.environ.setdefault("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN}"
