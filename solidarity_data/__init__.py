"""solidarity-data: laws that facilitate or restrict cross-border civil-society solidarity, and reprisals.

    import solidarity_data as sd
    ds = sd.load()

Heavy libraries (plotly, geopandas, kaleido) are imported only when a figure, map or export is asked for.
"""

from importlib.metadata import PackageNotFoundError, version as _version

from .dataset import Dataset, load  # noqa: F401

try:
    __version__ = _version("solidarity-data")
except PackageNotFoundError:  # running from a source tree without install
    __version__ = "0.0.0"

__all__ = ["Dataset", "load", "__version__"]
