"""solidarity-data: laws that facilitate or restrict cross-border civil-society solidarity, and reprisals.

    import solidarity_data as sd
    ds = sd.load()

Heavy libraries (plotly, geopandas, kaleido) are imported only when a figure, map or export is asked for.
"""

from .dataset import Dataset, load, validate  # noqa: F401

__version__ = "0.2.0"  # pyproject reads it from here; CITATION.cff repeats it (a test compares them)

__all__ = ["Dataset", "load", "validate", "__version__", "codebook", "countries", "figures", "geo", "release", "report",
           "sheets"]

_LAZY = {"codebook", "countries", "figures", "geo", "release", "report", "sheets"}


def __getattr__(name):
    """Import heavy submodules (figures → plotly, geo → geopandas) only when first used."""
    if name in _LAZY:
        import importlib

        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'solidarity_data' has no attribute {name!r}")
