"""Command line: `solidarity-data validate|build|codebook|...`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _cmd_validate(args) -> int:
    from .dataset import DEFAULT_DATA_DIR, validate_paths

    paths = [Path(p) for p in args.paths] or [DEFAULT_DATA_DIR / "countries"]
    problems, n_files, _ = validate_paths(paths)
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) in {n_files} file(s)", file=sys.stderr)
        return 1
    print(f"ok: {n_files} file(s) valid")
    return 0


def _load(args):
    from .dataset import load

    return load(args.data)


def _cmd_build(args) -> int:
    from .export import write_release

    ds = _load(args)
    for path in write_release(ds, Path(args.out)):
        print(f"wrote {path}")
    return 0


def _cmd_codebook(args) -> int:
    from . import codebook
    from .export import atomic_write

    atomic_write(Path(args.out), codebook.to_markdown())
    print(f"wrote {args.out}")
    return 0


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _cmd_figures(args) -> int:
    from .export import ExportError, export_figures

    ds = _load(args)
    try:
        manifest = export_figures(ds, Path(args.out), langs=_split(args.lang), formats=_split(args.format),
                                  only=args.only or None)
    except ExportError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    n = sum(len(m["files"]) for m in manifest)
    print(f"wrote {n} files for {len(manifest)} figure(s) under {args.out} (manifest: {args.out}/figures.json)")
    return 0


def _cmd_report(args) -> int:
    from .export import ExportError
    from .report import build_report

    ds = _load(args)
    try:
        summary = build_report(ds, Path(args.out))
    except ExportError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    print(f"report {summary['version']} written to {args.out} in {summary['seconds']} s: "
          f"{summary['data_files']} data files, {summary['figure_files']} figure files, pages "
          + ", ".join(summary["pages"]))
    return 0


def _cmd_profile(args) -> int:
    from .notebooks import country_profile

    ds = _load(args)
    try:
        paths = country_profile(ds, args.iso3.upper(), args.lang, Path(args.out))
    except ValueError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    for p in paths:
        print(f"wrote {p}")
    return 0


def _cmd_template(args) -> int:
    from .sheets import SheetError, write_template

    try:
        paths = write_template(Path(args.out), args.lang)
    except SheetError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    for p in paths:
        print(f"wrote {p}")
    return 0


def _cmd_import_sheet(args) -> int:
    from .dataset import DEFAULT_DATA_DIR
    from .sheets import SheetError, import_sheet

    countries_dir = Path(args.data) / "countries" if args.data else DEFAULT_DATA_DIR / "countries"
    try:
        result = import_sheet(Path(args.file), countries_dir, dry_run=args.dry_run)
    except SheetError as e:
        for p in e.problems:
            print(p, file=sys.stderr)
        print(f"{len(e.problems)} problem(s); nothing written", file=sys.stderr)
        return 1
    if args.dry_run:
        print(result.diff(), end="")
    for line in result.added:
        print(f"added: {line}")
    for line in result.sourced:
        print(f"source added: {line}")
    for line in result.skipped:
        print(f"skipped: {line}")
    for line in result.conflicts:
        print(f"conflict: {line}", file=sys.stderr)
    verb = "would change" if args.dry_run else "changed"
    print(f"{verb} {len(result.changed)} file(s)" + (" (dry run: nothing written)" if args.dry_run else ""))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="solidarity-data", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("validate", help="validate country files (default: data/countries)")
    p.add_argument("paths", nargs="*", help="files or folders")
    p.set_defaults(func=_cmd_validate)
    p = sub.add_parser("build", help="write the release tables (CSV, XLSX, datapackage.json)")
    p.add_argument("--out", default="build/data", help="output folder (default: build/data)")
    p.add_argument("--data", default=None, help="data folder (default: the repository's data/)")
    p.set_defaults(func=_cmd_build)
    p = sub.add_parser("figures", help="export the figure set (html/png/svg/pdf in en/fr/es)")
    p.add_argument("--out", default="build/figures")
    p.add_argument("--lang", default="en,fr,es", help="comma-separated: en,fr,es")
    p.add_argument("--format", default="html,png,svg,pdf", help="comma-separated: html,png,svg,pdf")
    p.add_argument("--only", nargs="*", help="figure names (default: the whole set)")
    p.add_argument("--data", default=None, help="data folder (default: the repository's data/)")
    p.set_defaults(func=_cmd_figures)
    p = sub.add_parser("report", help="the main job: data release, figure set and report pages")
    p.add_argument("--out", default="build/report")
    p.add_argument("--data", default=None, help="data folder (default: the repository's data/)")
    p.set_defaults(func=_cmd_report)
    p = sub.add_parser("profile", help="country profile notebook and its HTML (papermill + nbconvert)")
    p.add_argument("--iso3", required=True)
    p.add_argument("--lang", default="en", help="en, fr or es")
    p.add_argument("--out", default="build/profiles")
    p.add_argument("--data", default=None, help="data folder (default: the repository's data/)")
    p.set_defaults(func=_cmd_profile)
    p = sub.add_parser("template", help="coding sheet for questionnaire submissions (.xlsx, or a CSV folder)")
    p.add_argument("--lang", default="en", help="en, fr or es")
    p.add_argument("--out", required=True, help="FILE.xlsx, or a folder for the CSV variant")
    p.set_defaults(func=_cmd_template)
    p = sub.add_parser("import-sheet", help="validate a filled sheet and merge it into the country files")
    p.add_argument("file", help="the .xlsx workbook or CSV folder")
    p.add_argument("--dry-run", action="store_true", help="print the change, write nothing")
    p.add_argument("--data", default=None, help="data folder (default: the repository's data/)")
    p.set_defaults(func=_cmd_import_sheet)
    p = sub.add_parser("codebook", help="write docs/codebook.md from the codebook module")
    p.add_argument("--out", default="docs/codebook.md")
    p.set_defaults(func=_cmd_codebook)
    args = parser.parse_args(argv)
    from .problems import DataError

    try:
        return args.func(args)
    except DataError as e:  # bad data: one line per problem, no traceback
        for p in e.problems:
            print(p, file=sys.stderr)
        print(f"{len(e.problems)} problem(s); nothing written", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
