"""Benchmarks (run with `make bench`): start-up cost, map weight, the figure set at print scale against a
naive per-file loop, and the weight of each report page."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE_LIMIT_MB = 8


def cold(code: str, runs: int = 7) -> float:
    """Best wall time of ``code`` in a fresh interpreter."""
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    import solidarity_data as sd
    from solidarity_data import codebook as cb
    from solidarity_data import figures
    from solidarity_data.figures.theme import for_print, print_width
    from solidarity_data.rendering import IMAGE_FORMATS, write_figures
    from solidarity_data.report import build_page, page_name

    base = cold("import pandas")
    ours = cold("import solidarity_data as sd; sd.load()")
    print(f"start-up: import pandas {base:.2f} s; import solidarity_data + load {ours:.2f} s "
          f"({ours / base:.2f}× pandas; target ≤ 1.5×)")

    ds = sd.load()
    fig = figures.restrictions_map(ds)
    print(f"map figure JSON: {len(fig.to_json()) / 1000:.0f} kB with {len(fig.data[0].locations)} shapes "
          f"+ {len(fig.data[1].lon)} microstate markers (target ≤ 250 kB)")

    t = time.perf_counter()
    built = figures.build_figures(ds)
    build = time.perf_counter() - t
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        manifest = write_figures(built, Path(tmp) / "set", formats=IMAGE_FORMATS, progress=False)
        full = time.perf_counter() - t
        n = sum(len(m["files"]) for m in manifest)

        sample = [("restrictions_map", "png"), ("reprisal_types", "svg"), ("adoption_timeline", "pdf")]
        t = time.perf_counter()
        for name, fmt in sample:  # what a user without a kept-alive browser would do
            static = for_print(built[(name, "en")].static)
            static.write_image(Path(tmp) / f"naive-{name}.{fmt}", width=print_width(static),
                               scale=3 if fmt == "png" else 1)
        naive = (time.perf_counter() - t) / len(sample)
    per_image = full / n
    print(f"figure set: built {len(built)} figures in {build:.1f} s; {n} images at print scale in {full:.1f} s "
          f"(target < 60 s); naive: {naive:.2f} s per image; speed-up: {naive / per_image:.1f}× (target ≥ 5×)")

    for lang in cb.LANGS:
        size = len(build_page(ds, lang, built).encode("utf-8")) / 1e6
        print(f"report page {page_name(lang)}: {size:.1f} MB (target ≤ {PAGE_LIMIT_MB} MB)")


if __name__ == "__main__":
    main()
