"""The ``survivor-app`` command line: the window is one subcommand among the others.

Everything it prints to a terminal goes through ``visible``: a control character in a stored
name, a path or a refused value is shown as its escape, so that no escape sequence of a record
(such as OSC 52, which writes the clipboard) reaches the terminal raw."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from survivor_app import paths
from survivor_app.domain import json_escape, visible

if TYPE_CHECKING:
    from survivor_app.domain import Spot
    from survivor_app.storage import RecordStore

# Each command imports what it uses when it runs, so that none (the window least of all) waits
# for the modules of the others: reading reports, exchange formats, the rules' text.

PROG = "survivor-app"


class CommandError(Exception):
    """A problem the person can fix; the message is one plain line."""


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage mistake in one line instead of the usage block."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {visible(message)} (see '{PROG} --help')\n")


class _ShowVersion(argparse.Action):
    """``--version``: the installed version, looked up only when asked for (reading the
    package's metadata costs more than the rest of the start of a command)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        kwargs.update(nargs=0, default=argparse.SUPPRESS)
        super().__init__(option_strings, dest, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kwargs: object) -> None:
        from importlib import metadata

        print(f"{PROG} {metadata.version('survivor-app')}")
        parser.exit()


def _say(line: str) -> None:
    """Print one line for the person, every control character in it escaped."""
    print(visible(line))


def _read_bytes(path: Path) -> bytes:
    from survivor_app.exchange import read_bounded

    try:
        return read_bounded(path)
    except FileNotFoundError:
        raise CommandError(f"{path}: there is no such file") from None
    except IsADirectoryError:
        raise CommandError(f"{path}: this is a folder, not a file") from None
    except OSError as error:
        raise CommandError(f"{path}: cannot be read ({error.strerror})") from None


def _write_output(path: Path, data: bytes, *, record: Path) -> None:
    if str(path) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    _write_outputs([(path, data)], record=record)


def _write_outputs(files: list[tuple[Path, bytes]], *, record: Path) -> None:
    """Write files all or none, never over the record itself."""
    from survivor_app.files import write_private_files

    for path, _ in files:
        if path.resolve() == record.resolve():
            raise CommandError(f"{path}: this is the record itself; choose another file to write")
    try:
        write_private_files(files)
    except OSError as error:
        # The files share a folder: the first names it; none of them was written.
        none = "; neither file was written" if len(files) > 1 else ""
        raise CommandError(f"{files[0][0]}: cannot be written ({error.strerror}){none}") from None


def _open_existing(path: Path) -> RecordStore:
    from survivor_app.storage import RecordLockedError, RecordNotWritableError, RecordStore

    try:
        return RecordStore.open(path, create=False)
    except (RecordLockedError, RecordNotWritableError):
        # Open in the window, or in a folder or file that cannot be written to: a command that
        # only reads may still read it.
        return RecordStore.open(path, read_only=True)


def _cmd_demo(args: argparse.Namespace) -> int:
    # Never the person's own record by default: the example goes only where it is told to.
    if not args.record:
        raise CommandError("demo: give --record PATH, a new file to write the example record to")
    from survivor_app.exchange import demo_record
    from survivor_app.storage import RecordStore

    record = demo_record()
    with RecordStore.open(paths.record_path(args.record)) as store:
        if not store.is_empty():
            raise CommandError(
                f"{store.path}: this record already holds data; choose a new file for the example"
            )
        store.replace_content(record)
    _say(f"Wrote the example record to {store.path}")
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    from survivor_app.changes import import_record, write_now
    from survivor_app.exchange import ExchangeError, read_record
    from survivor_app.storage import RecordStore

    # Read and check the whole file before the record is even opened: a bad file changes nothing.
    source = Path(args.file)
    try:
        record = read_record(_read_bytes(source))
    except ExchangeError as error:
        # A whole-file problem reads better after the file's name than after "(file)".
        raise CommandError(f"{source}: {error.message if not error.path else error}") from None
    with RecordStore.open(paths.record_path(args.record)) as store:
        if not store.is_empty() and not args.replace:
            raise CommandError(
                f"{store.path}: this record already holds data; "
                "add --replace to swap all of it (a backup is made first)"
            )
        backup = import_record(store, record, write_now(store))
    if backup is not None:
        _say(f"Backed up the record to {backup}")
    _say(f"Imported {args.file} into {store.path}")
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from survivor_app.exchange import export_files

    with _open_existing(paths.record_path(args.record)) as store:
        record = store.load()
    if record is None:
        raise CommandError(f"{store.path}: this record is empty; there is nothing to export")
    (first, data), *beside = export_files(args.format, record, Path(args.output))
    if str(first) == "-" and beside:
        # Standard output holds the scans' sheet alone, so the note goes to the error output.
        print(
            f"{PROG}: the marker results go in a sheet of their own; "
            "give -o FILE to write it beside the scans' sheet",
            file=sys.stderr,
        )
        beside = []
    if not beside:
        _write_output(first, data, record=store.path)
        return 0
    for path, _ in beside:
        # -o names the scans' sheet; the marker sheet beside it was never named, so an old file
        # of that name is replaced only when asked.
        if path.exists() and not args.force:
            raise CommandError(
                f"{path}: already exists; add --force to replace it with the marker results"
            )
    _write_outputs([(first, data), *beside], record=store.path)
    for path, _ in beside:
        _say(f"Wrote the marker results to {path}")
    return 0


def _cmd_periods(args: argparse.Namespace) -> int:
    with _open_existing(paths.record_path(args.record)) as store:
        record = store.load()
    if record is None:
        raise CommandError(f"{store.path}: this record is empty; add a cancer and a scan first")
    if args.json:
        from survivor_app.exchange.periods_json import periods_document

        # The same JSON value: JSON itself escapes only the first 32 characters.
        sys.stdout.write(visible(periods_document(record), json_escape))
    else:
        from survivor_app.terminal import periods_text

        sys.stdout.write(visible(periods_text(record)))
    return 0


def _cmd_read_report(args: argparse.Namespace) -> int:
    from survivor_app.reading import read_report, reading_document
    from survivor_app.terminal import reading_text

    text = _report_text(args.file)
    record = getattr(args, "record", None)
    if record == "":
        raise CommandError("--record: give the path of a record, not an empty one")
    if args.cancer == "":
        raise CommandError("--cancer: give the id of one of the record's cancers, not an empty one")
    record_given = record is not None or args.cancer is not None
    spots = _cancer_spots(args) if record_given else ()
    reading = read_report(text, spots)
    if args.json:
        sys.stdout.write(visible(reading_document(reading), json_escape))
    else:
        sys.stdout.write(visible(reading_text(reading, spots)))
    return 0


def _report_text(name: str) -> str:
    """The text of a report file, or of standard input for ``-``."""
    from survivor_app.exchange import ExchangeError
    from survivor_app.exchange.record_file import LARGEST_FILE_BYTES

    if name == "-":
        data = sys.stdin.buffer.read(LARGEST_FILE_BYTES + 1)
    else:
        try:
            data = _read_bytes(Path(name))
        except ExchangeError:  # a file larger than any report: refused unread, or read bounded
            raise CommandError(_too_large(name)) from None
    if len(data) > LARGEST_FILE_BYTES:
        raise CommandError(_too_large(name))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CommandError(
            f"{name}: this is not text in UTF-8 (byte {error.start}); save the report as plain text"
        ) from None


def _too_large(name: str) -> str:
    return f"{name}: the report is larger than 64 MB; paste only its text"


def _cancer_spots(args: argparse.Namespace) -> tuple[Spot, ...]:
    """The spots of the cancer the report is about, from the record (given by --record, else
    the record the app uses)."""
    path = paths.record_path(getattr(args, "record", None))
    if not path.exists():
        raise CommandError(
            f"{path}: there is no record here to match spots from; give --record PATH"
        )
    with _open_existing(path) as store:
        record = store.load()
    if record is None or not record.cancers:
        raise CommandError(f"{store.path}: this record has no cancer yet, so no spots to match")
    ids = ", ".join(cancer.id for cancer in record.cancers)
    if args.cancer is None:
        if len(record.cancers) > 1:
            raise CommandError(f"{store.path}: give --cancer ID, one of: {ids}")
        cancer_id = record.cancers[0].id
    elif any(cancer.id == args.cancer for cancer in record.cancers):
        cancer_id = args.cancer
    else:
        raise CommandError(f"{store.path}: there is no cancer {args.cancer!r}; its cancers: {ids}")
    return tuple(spot for spot in record.spots if spot.cancer_id == cancer_id)


def _cmd_backup(args: argparse.Namespace) -> int:
    from survivor_app.storage import BackupFolder

    with _open_existing(paths.record_path(args.record)) as store:
        backup = BackupFolder(store.path).make(store, "by-hand")
    _say(str(backup))
    return 0


def _cmd_restore(args: argparse.Namespace) -> int:
    from survivor_app.storage import BackupFolder

    record = paths.record_path(args.record)
    before = BackupFolder(record).restore(Path(args.backup))
    _say(f"Kept the record as it was in {before}")
    _say(f"Restored {args.backup} into {record}")
    return 0


def _cmd_summary(args: argparse.Namespace) -> int:
    from survivor_app.report.content import SummaryError, build_summaries
    from survivor_app.report.paper import PAPER_NAMES, Paper, default_paper

    with _open_existing(paths.record_path(args.record)) as store:
        record = store.load()
    if record is None:
        raise CommandError(f"{store.path}: this record is empty; there is nothing to summarise")
    try:
        summaries = build_summaries(record, args.cancer, today=dt.date.today())
    except SummaryError as error:
        raise CommandError(f"{store.path}: {error}") from None
    paper = Paper(args.paper) if args.paper else default_paper()
    # Qt is imported only here; the summary is drawn without a screen.
    from survivor_app.report.render import summary_pdf

    _write_output(Path(args.output), summary_pdf(summaries, paper), record=store.path)
    if args.output != "-":
        _say(f"Wrote the summary on {PAPER_NAMES[paper]} paper to {args.output}")
    return 0


def _cmd_window(args: argparse.Namespace) -> int:
    # Qt is imported only here, so every other command stays fast and works without a screen.
    from survivor_app.gui.app import run

    explicit = bool(args.record or os.environ.get(paths.RECORD_VARIABLE))
    return run(paths.record_path(args.record), explicit=explicit)


class _ExportFormats:
    """The choices of ``export --format``: the exporters' names, looked up only when the export
    command is read or its usage shown."""

    def __contains__(self, name: object) -> bool:
        return name in _exporter_names()

    def __iter__(self) -> Iterator[str]:
        return iter(_exporter_names())


def _exporter_names() -> list[str]:
    from survivor_app.exchange import EXPORTERS

    return sorted(EXPORTERS)


RECORD_HELP = "the record file (default: $SURVIVOR_APP_RECORD, else your data folder)"


def _add_record_option(command: argparse.ArgumentParser) -> None:
    # SUPPRESS keeps a --record given before the subcommand instead of resetting it to None.
    command.add_argument("--record", metavar="PATH", help=RECORD_HELP, default=argparse.SUPPRESS)


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, for ``main`` and for the tests."""
    parser = _Parser(
        prog=PROG,
        description="Survivorship Tracker: your own record of scans and what your doctors said.",
    )
    parser.add_argument("--version", action=_ShowVersion, help="show the version and exit")
    parser.add_argument("--record", metavar="PATH", help=RECORD_HELP)
    parser.set_defaults(handler=_cmd_window)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser)

    demo = commands.add_parser("demo", help="write the example record to a new file")
    # Given here or before the command (survivor-app --record PATH demo); never a default.
    demo.add_argument(
        "--record", metavar="PATH", help="where to write it", default=argparse.SUPPRESS
    )
    demo.set_defaults(handler=_cmd_demo)

    importing = commands.add_parser("import", help="import a record JSON file, all or nothing")
    importing.add_argument("file", metavar="FILE.json")
    _add_record_option(importing)
    importing.add_argument(
        "--replace", action="store_true", help="swap the whole content of a record that has data"
    )
    importing.set_defaults(handler=_cmd_import)

    export = commands.add_parser("export", help="export the record as JSON, CSV or FHIR")
    formats = export.add_argument("--format", default="json")
    # Given after add_argument, which would list them (and so import the exporters) at once.
    formats.choices = _ExportFormats()
    _add_record_option(export)
    export.add_argument("-o", "--output", metavar="OUT", required=True, help="file to write, or -")
    export.add_argument(
        "--force",
        action="store_true",
        help="replace the marker sheet written beside a CSV file if it exists",
    )
    export.set_defaults(handler=_cmd_export)

    periods = commands.add_parser("periods", help="print every cancer's periods and questions")
    _add_record_option(periods)
    periods.add_argument("--json", action="store_true", help="print the JSON of FORMAT.md §4")
    periods.set_defaults(handler=_cmd_periods)

    reading = commands.add_parser(
        "read-report",
        help="find the sizes in a radiology report's text and match them to a cancer's spots",
    )
    reading.add_argument("file", metavar="FILE", help="the report as a text file, or - to paste")
    reading.add_argument(
        "--record",
        metavar="PATH",
        help="the record whose spots to match",
        default=argparse.SUPPRESS,
    )
    reading.add_argument("--cancer", metavar="ID", help="the cancer whose spots to match")
    reading.add_argument("--json", action="store_true", help="print JSON (see docs/read-report.md)")
    reading.set_defaults(handler=_cmd_read_report)

    backup = commands.add_parser("backup", help="back the record up now into its backups folder")
    _add_record_option(backup)
    backup.set_defaults(handler=_cmd_backup)

    restore = commands.add_parser(
        "restore", help="restore a backup, after backing up the record as it is now"
    )
    restore.add_argument("backup", metavar="BACKUP", help="a backup file, e.g. from backups/")
    _add_record_option(restore)
    restore.set_defaults(handler=_cmd_restore)

    summary = commands.add_parser(
        "summary",
        help="write the printed summary as a PDF: each cancer from a new page, or just one",
    )
    _add_record_option(summary)
    summary.add_argument(
        "-o", "--output", metavar="OUT.pdf", required=True, help="file to write, or -"
    )
    summary.add_argument("--cancer", metavar="ID", help="only this cancer (default: every cancer)")
    summary.add_argument(
        "--paper",
        choices=["a4", "letter"],
        help="paper size (default: from your locale, Letter in the US and Canada, else A4)",
    )
    summary.set_defaults(handler=_cmd_summary)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; every problem is one line on stderr and exit status 2."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except CommandError as error:
        _fail(str(error))
    except KeyboardInterrupt:
        _fail("stopped")
    except Exception as error:  # a person never sees a traceback, even for a bug of ours
        if _is_plain(error):
            _fail(str(error))
        _fail(f"something unexpected went wrong ({error!r})")


def _is_plain(error: Exception) -> bool:
    """True for a problem with a file or a record, whose message is for the person."""
    from survivor_app.exchange import ExchangeError
    from survivor_app.storage import RecordError

    return isinstance(error, (ExchangeError, RecordError))


def _fail(message: str) -> NoReturn:
    first_line = " ".join(visible(message).split())
    print(f"{PROG}: {first_line}", file=sys.stderr)
    raise SystemExit(2)
