"""Command line: `solidarity-data validate|build|codebook|...`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _cmd_validate(args) -> int:
    from .dataset import DEFAULT_DATA_DIR, validate_paths

    paths = [Path(p) for p in args.paths] or [DEFAULT_DATA_DIR / "countries"]
    problems, n_files = validate_paths(paths)
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) in {n_files} file(s)", file=sys.stderr)
        return 1
    print(f"ok: {n_files} file(s) valid")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="solidarity-data", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("validate", help="validate country files (default: data/countries)")
    p.add_argument("paths", nargs="*", help="files or folders")
    p.set_defaults(func=_cmd_validate)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
