"""Open the notebooks in a real JupyterLab, in headless Chromium with every outside host unreachable
(`make lab-check`):

1. each committed notebook opens without being marked modified (no metadata or output rewrite);
2. screenshots at 900 px and 1366 px of executed copies (figures drawn) land in build/lab-check/ for a
   person to look at: no figure, legend or label should be cut.

Exits 1 if a notebook opens modified.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "build" / "lab-check"
SHOWN = ("01_restrictions_q5", "03_reprisals")  # executed copies screenshotted with their figures


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _chromium(url: str, *args: str) -> str:
    browser = shutil.which("chromium") or "/usr/bin/chromium"
    cmd = [browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--virtual-time-budget=30000", *args, url]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=180).stdout


def _lab(folder: Path, port: int, state: Path) -> subprocess.Popen:
    cmd = [str(ROOT / ".venv" / "bin" / "jupyter"), "lab", "--no-browser", f"--port={port}", "--ServerApp.token=",
           "--ServerApp.password=", f"--notebook-dir={folder}", "--LabApp.news_url=None",
           f"--LabApp.workspaces_dir={state / 'workspaces'}", f"--LabApp.user_settings_dir={state / 'settings'}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(60):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return proc
        except OSError:
            time.sleep(1)
    proc.kill()
    raise SystemExit("JupyterLab did not start")


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        shown = OUT / "executed"  # inside the folder the server serves
        shown.mkdir(exist_ok=True)
        for name in SHOWN:  # executed copies, figures drawn, for the screenshots
            subprocess.run([str(ROOT / ".venv" / "bin" / "jupyter"), "nbconvert", "--to", "notebook", "--execute",
                            f"--output-dir={shown}", str(ROOT / "notebooks" / f"{name}.ipynb")],
                           check=True, capture_output=True, cwd=ROOT / "notebooks")
        port = _port()
        lab = _lab(ROOT, port, tmp / "state")
        try:
            for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
                url = f"http://127.0.0.1:{port}/lab/workspaces/check-{path.stem}/tree/notebooks/{path.name}?reset"
                dom = _chromium(url, "--window-size=1366,900", "--dump-dom")
                modified = "jp-mod-dirty lm-mod-closable" in dom
                print(f"{path.name}: {'MODIFIED on open' if modified else 'opens unmodified'}")
                if modified:
                    failures.append(path.name)
            for path in sorted(shown.glob("*.ipynb")):
                rel = path.relative_to(ROOT)
                for width in (900, 1366):
                    url = f"http://127.0.0.1:{port}/lab/workspaces/shot-{path.stem}-{width}/tree/{rel}?reset"
                    shot = OUT / f"{path.stem}-{width}.png"
                    _chromium(url, f"--window-size={width},2400", f"--screenshot={shot}")
                    print(f"screenshot: {shot}")
        finally:
            lab.kill()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
