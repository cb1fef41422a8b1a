"""Writing files so that nothing is ever left half-done. Ground floor: imports only ``problems``.

``atomic_write`` writes a file through a temporary file renamed into place; ``atomic_folder`` builds
a whole output folder beside its target and swaps it in at the end, so a killed or failed build leaves
the previous folder intact (or none), never old files beside new ones.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

from .problems import UserError

MARKER = ".solidarity-data-output"  # written last in every output folder; only such folders are replaced


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask



@contextlib.contextmanager
def atomic_path(path: Path):
    """Yield a temporary path beside ``path``; rename it into place only if the block succeeds."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    os.chmod(tmp, 0o666 & ~_umask())  # mkstemp creates 0600; published files are readable like any other
    try:
        yield Path(tmp)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def atomic_write(path: Path, data: str | bytes) -> Path:
    """Write text or bytes to ``path`` atomically."""
    with atomic_path(path) as tmp:
        tmp.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return Path(path)


class OutputFolderError(UserError):
    """An output folder that must not be replaced (a file, or a folder of someone else's files)."""


def check_output_folder(path: Path) -> None:
    """Refuse to replace anything but a missing or empty folder, or one this package wrote."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise OutputFolderError(f"{path} exists and is not a folder; give a folder for the output")
    if path.is_dir() and any(path.iterdir()) and not (path / MARKER).exists():
        raise OutputFolderError(f"{path} holds files this command did not write; give a new or empty folder "
                                f"(an earlier output folder is recognised by its {MARKER} file)")


@contextlib.contextmanager
def atomic_folder(path: Path, version: str = ""):
    """Yield an empty temporary folder beside ``path``; when the block succeeds, the marker file is
    written last and the folder replaces ``path`` (the old one is removed only after the new one is in
    place). On failure, or if killed, ``path`` is left as it was."""
    path = Path(path)
    check_output_folder(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"))
    os.chmod(tmp, 0o777 & ~_umask())
    try:
        yield tmp
        (tmp / MARKER).write_text(f"solidarity-data {version}\n", encoding="utf-8")
        old = None
        if path.exists():
            old = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}.", suffix=".old"))
            os.replace(path, old / "previous")
        os.replace(tmp, path)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise



def atomic_write_many(files: dict[Path, str | bytes]) -> list[Path]:
    """Write several files so that all change or none does: each is first staged beside its target;
    only when every one is staged are they renamed into place, and if a rename fails, the files
    already replaced get their old content back."""
    staged: list[tuple[Path, Path, bytes | None]] = []  # (target, temporary file, old bytes or None)
    try:
        for path, data in files.items():
            path = Path(path)
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            with os.fdopen(fd, "wb") as f:
                f.write(data.encode("utf-8") if isinstance(data, str) else data)
            os.chmod(tmp, 0o666 & ~_umask())
            staged.append((path, Path(tmp), path.read_bytes() if path.exists() else None))
        done = []
        try:
            for path, tmp, _ in staged:
                os.replace(tmp, path)
                done.append(path)
        except BaseException:
            for path, _, old in staged:
                if path in done:
                    atomic_write(path, old) if old is not None else path.unlink(missing_ok=True)
            raise
    finally:
        for _, tmp, _ in staged:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
    return [path for path, _, _ in staged]
