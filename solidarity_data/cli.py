"""Command line: `solidarity-data validate|build|summary|figures|report|profile|template|import-sheet|codebook`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _load(args):
    from .dataset import load

    return load(args.data)


def _wrote(paths) -> int:
    for p in paths:
        print(f"wrote {p}")
    return 0


MAX_PRINTED = 1000  # problems printed at most; the count after them says how many there were


def _cmd_validate(args) -> int:
    from .dataset import DEFAULT_DATA_DIR, validate_paths

    paths = [Path(p) for p in args.paths] or [DEFAULT_DATA_DIR / "countries"]
    problems, n_files = validate_paths(paths)[:2]
    for p in problems[:MAX_PRINTED]:
        print(p, file=sys.stderr)
    if len(problems) > MAX_PRINTED:
        print(f"… {len(problems) - MAX_PRINTED} more not shown", file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) in {n_files} file(s)", file=sys.stderr)
        return 1
    print(f"ok: {n_files} file(s) valid")
    return 0


def _cmd_build(args) -> int:
    from .files import atomic_folder
    from .release import write_release

    ds, out = _load(args), Path(args.out)
    with atomic_folder(out, ds.version) as tmp:
        written = write_release(ds, tmp)
    return _wrote(out / p.name for p in written)


def _cmd_codebook(args) -> int:
    from . import codebook
    from .files import atomic_write

    return _wrote([atomic_write(Path(args.out), codebook.to_markdown())])


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _cmd_figures(args) -> int:
    from . import codebook as cb
    from .figures import build_figures
    from .rendering import ExportError, write_figures

    langs, only = _split(args.lang), args.only or None
    for bad in set(langs) - set(cb.LANGS):
        raise ExportError(f"unknown language {bad!r}; expected some of: {', '.join(cb.LANGS)}")
    ds = _load(args)
    try:
        built = build_figures(ds, langs, only)
    except KeyError as e:
        raise ExportError(e.args[0]) from None
    manifest = write_figures(built, Path(args.out), formats=_split(args.format), version=ds.version)
    n = sum(len(m["files"]) for m in manifest)
    print(f"wrote {n} files for {len(manifest)} figure(s) under {args.out} (manifest: {args.out}/figures.json)")
    return 0


def _cmd_report(args) -> int:
    from .report import build_report

    summary = build_report(_load(args), Path(args.out))
    print(f"report {summary['version']} written to {args.out} in {summary['seconds']} s: "
          f"{summary['data_files']} data files, {summary['figure_files']} figure files, pages "
          + ", ".join(summary["pages"]))
    return 0


def _cmd_summary(args) -> int:
    import datetime as dt

    from .indicators import summary

    print(summary(_load(args), args.year or dt.date.today().year), end="")
    return 0


def _cmd_profile(args) -> int:
    from .report.profile import write_profile

    return _wrote(write_profile(_load(args), args.iso3.upper(), args.lang, Path(args.out)))


def _cmd_template(args) -> int:
    from .sheets import write_template

    return _wrote(write_template(Path(args.out), args.lang))


def _cmd_import_sheet(args) -> int:
    from .dataset import DEFAULT_DATA_DIR
    from .sheets import import_sheet

    countries_dir = Path(args.data) / "countries" if args.data else DEFAULT_DATA_DIR / "countries"
    result = import_sheet(Path(args.file), countries_dir, dry_run=args.dry_run,
                          accept_conflicts=args.accept_conflicts)
    if args.dry_run:
        print(result.diff(), end="")
    for label, lines, stream in (("added", result.added, sys.stdout), ("source added", result.sourced, sys.stdout),
                                 ("skipped", result.skipped, sys.stdout), ("conflict", result.conflicts, sys.stderr)):
        for line in lines:
            print(f"{label}: {line}", file=stream)
    verb = "would change" if args.dry_run else "changed"
    print(f"{verb} {len(result.changed)} file(s)" + (" (dry run: nothing written)" if args.dry_run else ""))
    return 0


def _figure_names() -> list[str]:
    from .figures import FIGURE_SET

    return list(FIGURE_SET)


def _parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(prog="solidarity-data", description=__doc__)
    parser.add_argument("--version", action="version", version=f"solidarity-data {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    def command(name, func, help, data=True):
        p = sub.add_parser(name, help=help)
        if data:
            p.add_argument("--data", default=None, help="data folder (default: the repository's data/)")
        p.set_defaults(func=func)
        return p

    p = command("validate", _cmd_validate, "validate country files (default: data/countries)", data=False)
    p.add_argument("paths", nargs="*", help="files or folders")
    p = command("build", _cmd_build, "write the release tables (CSV, XLSX, datapackage.json)")
    p.add_argument("--out", default="build/data", help="output folder (default: build/data)")
    p = command("figures", _cmd_figures, "export the figure set (html/png/svg/pdf in en/fr/es)")
    p.add_argument("--out", default="build/figures")
    p.add_argument("--lang", default="en,fr,es", help="comma-separated: en,fr,es")
    p.add_argument("--format", default="html,png,svg,pdf", help="comma-separated: html,png,svg,pdf")
    p.add_argument("--only", nargs="*", metavar="NAME",
                   help="figure names (default: the whole set): " + ", ".join(_figure_names()))
    p = command("report", _cmd_report, "the main job: data release, figure set and report pages")
    p.add_argument("--out", default="build/report")
    p = command("summary", _cmd_summary, "index class distribution, top and bottom ranks, sensitivity")
    p.add_argument("--year", type=int, default=None, help="panel year (default: this year)")
    p = command("profile", _cmd_profile, "country profile: a translated, self-contained page (and its PDF)")
    p.add_argument("--iso3", required=True)
    p.add_argument("--lang", default="en", help="en, fr or es")
    p.add_argument("--out", default="build/profiles")
    p = command("template", _cmd_template, "coding sheet for submissions (.xlsx, or a folder for CSV)", data=False)
    p.add_argument("--lang", default="en", help="en, fr or es")
    p.add_argument("--out", required=True, help="FILE.xlsx, or a folder for the CSV variant")
    p = command("import-sheet", _cmd_import_sheet, "validate a filled sheet and merge it into the country files")
    p.add_argument("file", help="the .xlsx workbook or CSV folder")
    p.add_argument("--dry-run", action="store_true", help="print the change, write nothing")
    p.add_argument("--accept-conflicts", action="store_true",
                   help="merge although the sheet disagrees with coded values (the coded values are kept)")
    p = command("codebook", _cmd_codebook, "write docs/codebook.md from the codebook module", data=False)
    p.add_argument("--out", default="docs/codebook.md")
    return parser


def main(argv: list[str] | None = None) -> int:
    from .problems import UserError

    args = _parser().parse_args(argv)
    try:
        return args.func(args)
    except OSError as e:  # an unwritable or full output folder, a file where a folder belongs
        print(f"error: {e.filename or ''}: {e.strerror or e}", file=sys.stderr)
        print("1 problem(s); nothing written", file=sys.stderr)
        return 1
    except UserError as e:  # bad input or set-up: one line per problem, no traceback
        for p in e.problems:
            print(p if len(e.problems) > 1 or not isinstance(p, str) else f"error: {p}", file=sys.stderr)
        print(f"{len(e.problems)} problem(s); nothing written", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
