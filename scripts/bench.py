"""Benchmarks (run with `make bench`): start-up cost, map weight, and the figure-set export.

Last line: `figure set: N images in S s; naive: T s per image; speed-up: R×`.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def cold(code: str, runs: int = 3) -> float:
    """Best wall time of ``code`` in a fresh interpreter."""
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    import solidarity_data as sd
    from solidarity_data import export, figures

    base = cold("import pandas")
    ours = cold("import solidarity_data as sd; sd.load()")
    print(f"start-up: import pandas {base:.2f} s; import solidarity_data + load {ours:.2f} s "
          f"({ours / base:.2f}× pandas; target ≤ 1.5×)")

    ds = sd.load()
    fig = figures.restrictions_map(ds)
    print(f"map figure JSON: {len(fig.to_json()) / 1000:.0f} kB with {len(fig.data[0].locations)} shapes "
          f"+ {len(fig.data[1].lon)} microstate markers (target ≤ 250 kB)")

    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        manifest = export.export_figures(ds, Path(tmp) / "set", formats=export.IMAGE_FORMATS, progress=False)
        full = time.perf_counter() - t
        n = sum(len(m["files"]) for m in manifest)

        sample = [("restrictions_map", "png"), ("reprisal_types", "svg"), ("adoption_timeline", "pdf")]
        t = time.perf_counter()
        for name, fmt in sample:  # what a user without a kept-alive browser would do
            figures.make(ds, name, "en").write_image(Path(tmp) / f"naive-{name}.{fmt}")
        naive = (time.perf_counter() - t) / len(sample)
    per_image = full / n
    print(f"figure set: {n} images in {full:.1f} s; naive: {naive:.2f} s per image; "
          f"speed-up: {naive / per_image:.1f}×")


if __name__ == "__main__":
    main()
