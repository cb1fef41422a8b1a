"""Where things live. Ground floor: imports nothing from the package.

The repository's folders (data, notebooks, licences) sit beside the package; ``SOLIDARITY_DATA_DIR``
and ``SOLIDARITY_DATA_CACHE`` move the data and the parsed-file cache.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
ROOT = PACKAGE.parent
DATA_DIR = Path(os.environ.get("SOLIDARITY_DATA_DIR", ROOT / "data"))
GEO_DIR = ROOT / "data" / "geo"
NOTEBOOKS = ROOT / "notebooks"
PACKAGE_DATA = PACKAGE / "data"
CACHE_DIR = Path(os.environ.get("SOLIDARITY_DATA_CACHE", Path.home() / ".cache" / "solidarity-data"))
