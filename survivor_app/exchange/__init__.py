"""Moving a record in and out of the app: the record JSON of FORMAT.md, CSV for spreadsheets and
a FHIR R4 bundle aligned with mCODE. No Qt, no storage."""

from collections.abc import Callable

from survivor_app.domain import Record
from survivor_app.exchange.csv_export import write_csv
from survivor_app.exchange.demo import demo_record
from survivor_app.exchange.fhir import write_fhir
from survivor_app.exchange.record_file import ExchangeError, read_bounded
from survivor_app.exchange.record_reader import read_record
from survivor_app.exchange.record_writer import write_record

#: Every export, by the name the command line and the File ▸ Export menu use.
EXPORTERS: dict[str, Callable[[Record], bytes]] = {
    "json": write_record,
    "csv": write_csv,
    "fhir": write_fhir,
}

__all__ = [
    "EXPORTERS",
    "ExchangeError",
    "demo_record",
    "read_bounded",
    "read_record",
    "write_csv",
    "write_fhir",
    "write_record",
]
