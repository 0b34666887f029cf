import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_bench_quick_json_runs_and_reports_every_section():
    result = subprocess.run([sys.executable, "-m", "core.bench", "--quick", "--json", "--no-torch"],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    cases = data["convolution"]
    assert len(cases) == 5 and all("fast" in c["seconds"] for c in cases)
    assert "depthwise" in cases[4]["case"] and cases[4]["macs"] == 9 * 32 * 56 * 56
    assert cases[1]["speedup"]["fast"] > 1  # naive ran on the small cases
    assert cases[0]["max_abs_diff"] < 1e-4
    assert [r["batch"] for r in data["train_step"]] == [1, 8, 64]
    assert all(r["numpy_ms"] > 0 and "torch_ms" not in r for r in data["train_step"])
