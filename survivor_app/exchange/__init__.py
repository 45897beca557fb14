"""Moving a record in and out of the app: the record JSON of FORMAT.md, CSV for spreadsheets and
a FHIR R4 bundle aligned with mCODE. No Qt, no storage."""

from collections.abc import Callable
from pathlib import Path

from survivor_app.domain import Record
from survivor_app.exchange.demo import demo_record
from survivor_app.exchange.record_file import ExchangeError, read_bounded
from survivor_app.exchange.record_reader import read_record
from survivor_app.exchange.record_writer import write_record


def _csv(record: Record) -> bytes:
    # CSV and FHIR are imported when first used, so the window starts without them.
    from survivor_app.exchange.csv_export import write_csv

    return write_csv(record)


def _fhir(record: Record) -> bytes:
    from survivor_app.exchange.fhir import write_fhir

    return write_fhir(record)


#: Every export, by the name the command line and the File ▸ Export menu use.
EXPORTERS: dict[str, Callable[[Record], bytes]] = {
    "json": write_record,
    "csv": _csv,
    "fhir": _fhir,
}


def export_files(kind: str, record: Record, target: Path) -> list[tuple[Path, bytes]]:
    """Every file an export in the format ``kind`` (of ``EXPORTERS``) writes to ``target``, with
    its bytes: the file itself and, for CSV of a record with marker results, the marker sheet
    beside it (``marker_csv.marker_sheet_path``). The callers write them."""
    files = [(target, EXPORTERS[kind](record))]
    if kind == "csv" and record.marker_results:
        from survivor_app.exchange.marker_csv import marker_sheet_path, write_marker_csv

        files.append((marker_sheet_path(target), write_marker_csv(record)))
    return files


__all__ = [
    "EXPORTERS",
    "ExchangeError",
    "demo_record",
    "export_files",
    "read_bounded",
    "read_record",
    "write_record",
]
