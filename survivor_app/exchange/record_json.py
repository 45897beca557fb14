"""The whole record as JSON in the exchange format of FORMAT.md: reading versions 1 and 2 (whose
spots must all have a size, until spots without one arrive) with every check of §2 and §3, all or
nothing, and writing version 1 back byte for byte the same."""

from __future__ import annotations

import datetime as dt
import enum
import json
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import NoReturn, TypeVar

from survivor_app.domain import (
    STATED_STATUSES,
    TENTHS_PER_MM,
    Area,
    Cancer,
    Measurement,
    Person,
    Problem,
    Question,
    Record,
    RecurrenceType,
    Scan,
    ScanKind,
    Spot,
    Statement,
    Status,
    TextRule,
    Treatment,
    TreatmentKind,
    check_date,
    check_size,
    mm_number,
    visible,
)
from survivor_app.domain import record_rules as rules
from survivor_app.domain.words import shorten

FORMAT_NAME = "survivor-record"
FORMAT_VERSION = 1
#: The newest version import reads: version 2 adds spots without a size (``"sized": false``).
READ_VERSION = 2

#: How an error about the whole file shows its place, where other errors show a JSON path.
WHOLE_FILE = "(file)"
#: The largest file import reads: a record of 30 years is about 6 MB, and reading needs many
#: times the file in memory.
LARGEST_FILE_BYTES = 64 * 1024 * 1024

# [0-9] rather than \d, which would also match digits of other scripts.
_DATE_PATTERN = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_ONE_DECIMAL = Decimal("0.1")
# Long texts and numbers are cut short when a message quotes them.
_QUOTE_LENGTH = 60

_Choice = TypeVar("_Choice", bound=enum.Enum)
_Item = TypeVar("_Item")


class ExchangeError(ValueError):
    """A file that cannot be imported: ``path`` names the place ("" for the whole file)."""

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        self.message = message
        super().__init__(f"{path or WHOLE_FILE}: {message}")


class _JsonObject(dict[str, object]):
    """A JSON object as parsed, remembering keys it held more than once (json keeps the last)."""

    __slots__ = ("repeated",)

    def __init__(self, pairs: list[tuple[str, object]]) -> None:
        super().__init__(pairs)
        seen: set[str] = set()
        repeated: list[str] = []
        for key, _ in pairs:
            if key in seen and key not in repeated:
                repeated.append(key)
            seen.add(key)
        self.repeated = tuple(repeated)


@dataclass(frozen=True, slots=True)
class _NotANumber:
    """NaN or Infinity as written in the file, kept so the error can name where it stands."""

    text: str


def read_bounded(path: Path) -> bytes:
    """The bytes of a file to import, or ExchangeError when it is larger than a record can be;
    no more than that is ever read (OSError when the file cannot be read)."""
    with path.open("rb") as file:
        # The size a file says it has refuses it unread; the bounded read catches the rest
        # (a file that grows, or a device with no size such as /dev/zero).
        if os.fstat(file.fileno()).st_size > LARGEST_FILE_BYTES:
            _refuse_size()
        data = file.read(LARGEST_FILE_BYTES + 1)
    _check_size(data)
    return data


def read_record(data: bytes, *, today: dt.date | None = None) -> Record:
    """The record a JSON file holds, or ExchangeError naming the first place that is wrong."""
    _check_size(data)
    document = _parse(data)
    return _RecordReader(dt.date.today() if today is None else today).read(document)


def write_record(record: Record) -> bytes:
    """The record as JSON, UTF-8 with a final newline: the same record gives the same bytes."""
    document = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "person": {
            "name": record.person.name,
            "birth_date": _iso(record.person.birth_date),
            "notes": record.person.notes,
        },
        "cancers": [
            {
                "id": cancer.id,
                "name": cancer.name,
                "primary_site": cancer.primary_site,
                "diagnosed_on": _iso(cancer.diagnosed_on),
                "notes": cancer.notes,
            }
            for cancer in record.cancers
        ],
        "spots": [
            {
                "id": spot.id,
                "cancer": spot.cancer_id,
                "name": spot.name,
                "location": spot.location,
                "area": spot.area.value,
                "lymph_node": spot.lymph_node,
            }
            for spot in record.spots
        ],
        "scans": [
            {
                "id": scan.id,
                "cancer": scan.cancer_id,
                "date": scan.date.isoformat(),
                "kind": scan.kind.value,
                "facility": scan.facility,
                "no_evidence_of_disease": scan.no_evidence_of_disease,
                "new_baseline": scan.new_baseline,
                "notes": scan.notes,
                "measurements": [
                    {
                        "spot": measurement.spot_id,
                        "size_mm": _mm(measurement.size_tenths),
                        "too_small": measurement.too_small,
                        "uncertain": measurement.uncertain,
                    }
                    for measurement in scan.measurements
                ],
            }
            for scan in record.scans
        ],
        "statements": [
            {
                "id": statement.id,
                "cancer": statement.cancer_id,
                "date": statement.date.isoformat(),
                "clinician": statement.clinician,
                "text": statement.text,
                "status": None if statement.status is None else statement.status.value,
                "recurrence_type": (
                    None if statement.recurrence_type is None else statement.recurrence_type.value
                ),
            }
            for statement in record.statements
        ],
        "treatments": [
            {
                "id": treatment.id,
                "cancer": treatment.cancer_id,
                "kind": treatment.kind.value,
                "name": treatment.name,
                "start": treatment.start.isoformat(),
                "end": _iso(treatment.end),
            }
            for treatment in record.treatments
        ],
        "questions": [
            {
                "id": question.id,
                "cancer": question.cancer_id,
                "text": question.text,
                "asked_on": _iso(question.asked_on),
                "answer": question.answer,
            }
            for question in record.questions
        ],
    }
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _iso(date: dt.date | None) -> str | None:
    return None if date is None else date.isoformat()


def _mm(tenths: int | None) -> float | None:
    # A tenth divided by ten prints with exactly one decimal (400 → 40.0, 92 → 9.2).
    return None if tenths is None else mm_number(tenths)


def _check_size(data: bytes) -> None:
    if len(data) > LARGEST_FILE_BYTES:
        _refuse_size()


def _refuse_size() -> NoReturn:
    raise ExchangeError(
        "",
        f"the file is larger than {LARGEST_FILE_BYTES // (1024 * 1024)} MB, so it cannot be "
        "a record (a record of 30 years is about 6 MB)",
    )


def _parse(data: bytes) -> object:
    """The JSON value in the file, with numbers kept exact as Decimal."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ExchangeError(
            "", "the file is not UTF-8 text; save it as UTF-8 and try again"
        ) from None
    if "\x00" in text:
        # UTF-16 without a byte order mark decodes as UTF-8 when it is plain English.
        raise ExchangeError(
            "", "the file is not UTF-8 text (it looks like UTF-16); save it as UTF-8 and try again"
        )
    if not text.strip():
        raise ExchangeError("", "the file is empty")
    try:
        return json.loads(
            text,
            object_pairs_hook=_JsonObject,
            parse_float=Decimal,
            parse_int=Decimal,
            parse_constant=_NotANumber,
        )
    except json.JSONDecodeError as error:
        raise ExchangeError(
            "",
            f"the file is not valid JSON (line {error.lineno}, column {error.colno}: "
            f"{error.msg[:1].lower()}{error.msg[1:]})",
        ) from None
    except RecursionError:
        raise ExchangeError("", "the file is nested too deeply to be a record") from None


def _key(path: str, key: str) -> str:
    return f"{path}.{_shown(key)}" if path else _shown(key)


def _item(path: str, index: int) -> str:
    return f"{path}[{index}]"


def _shown(text: str) -> str:
    """Text safe to print, cut to a readable length: a control character or a lone surrogate
    (from a ``\\ud800`` escape) is shown as its escape."""
    return shorten(visible(text), _QUOTE_LENGTH)


def _describe(value: object) -> str:
    """A JSON value as a person would recognise it in their file."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        # A number of ten million digits is read exactly, but never repeated in full.
        return _shown(str(value))
    if isinstance(value, _NotANumber):
        return value.text
    if isinstance(value, str):
        return f"'{_shown(value)}'"
    if isinstance(value, list):
        return "a list"
    return "an object"


def _fields(
    value: object, path: str, known: tuple[str, ...], required: tuple[str, ...]
) -> _JsonObject:
    """The object at ``path`` once its keys are checked: none twice, none unknown, none missing."""
    if not isinstance(value, _JsonObject):
        raise ExchangeError(path, f"{_describe(value)} is not an object {{…}}")
    if value.repeated:
        raise ExchangeError(_key(path, value.repeated[0]), "this key appears more than once")
    for key in value:
        if key not in known:
            raise ExchangeError(_key(path, key), "unknown key")
    for key in required:
        if key not in value:
            raise ExchangeError(_key(path, key), "this key is missing")
    return value


def _list(fields: _JsonObject, key: str, path: str) -> list[object]:
    value = fields[key]
    if not isinstance(value, list):
        raise ExchangeError(_key(path, key), f"{_describe(value)} is not a list [...]")
    return value


def _text(
    fields: _JsonObject, key: str, path: str, rule: TextRule, *, default: str | None = None
) -> str:
    """A text that keeps the record's ``rule`` for it; ``default`` is what an optional text
    means when the key is left out."""
    if default is not None and key not in fields:
        return default
    value = fields[key]
    where = _key(path, key)
    if not isinstance(value, str):
        raise ExchangeError(where, f"{_describe(value)} is not text")
    problem = rule.check(value, key)
    if problem is not None:
        raise ExchangeError(where, f"{_describe(value)} {problem.fact}")
    return value


def _flag(fields: _JsonObject, key: str, path: str, *, default: bool | None = None) -> bool:
    if default is not None and key not in fields:
        return default
    value = fields[key]
    if not isinstance(value, bool):
        raise ExchangeError(_key(path, key), f"{_describe(value)} is not true or false")
    return value


def _choice(
    fields: _JsonObject, key: str, path: str, choices: Iterable[_Choice], *, or_null: bool = False
) -> _Choice:
    value = fields[key]
    by_value = {str(choice.value): choice for choice in choices}
    if not isinstance(value, str) or value not in by_value:
        allowed = ", ".join(by_value) + (", null" if or_null else "")
        raise ExchangeError(_key(path, key), f"{_describe(value)} is not one of: {allowed}")
    return by_value[value]


def _optional_choice(
    fields: _JsonObject, key: str, path: str, choices: Iterable[_Choice]
) -> _Choice | None:
    if fields.get(key) is None:
        return None
    return _choice(fields, key, path, choices, or_null=True)


class _RecordReader:
    """Reads one parsed document in the order of FORMAT.md §2, so every reference points back to
    something already read, and remembers what it has read for the checks of §3."""

    def __init__(self, today: dt.date) -> None:
        self.today = today
        self.birth_date: dt.date | None = None
        # Each list's ids, with the index that first used each one.
        self.cancer_ids: dict[str, int] = {}
        self.spot_ids: dict[str, int] = {}
        self.scan_ids: dict[str, int] = {}
        self.statement_ids: dict[str, int] = {}
        self.treatment_ids: dict[str, int] = {}
        self.question_ids: dict[str, int] = {}
        self.spot_cancers: dict[str, str] = {}
        # (cancer, date, kind) of each scan read so far → its index in scans.
        self.scan_days: dict[tuple[str, dt.date, ScanKind], int] = {}
        self.version = FORMAT_VERSION

    def read(self, document: object) -> Record:
        """The record in ``document``, or the first error in reading order."""
        if not isinstance(document, _JsonObject):
            raise ExchangeError("", f"{_describe(document)} is not a record (an object {{…}})")
        # Format and version come first: a newer file may have keys this version does not know.
        self._check_format(document)
        root = _fields(
            document,
            "",
            known=(
                "format",
                "version",
                "person",
                "cancers",
                "spots",
                "scans",
                "statements",
                "treatments",
                "questions",
            ),
            required=(
                "person",
                "cancers",
                "spots",
                "scans",
                "statements",
                "treatments",
                "questions",
            ),
        )
        person = self._person(root["person"], "person")
        cancers = self._each(root, "cancers", self._cancer)
        spots = self._each(root, "spots", self._spot)
        scans = self._each(root, "scans", self._scan)
        statements = self._each(root, "statements", self._statement)
        treatments = self._each(root, "treatments", self._treatment)
        questions = self._each(root, "questions", self._question)
        return Record(
            person=person,
            cancers=cancers,
            spots=spots,
            scans=scans,
            statements=statements,
            treatments=treatments,
            questions=questions,
        )

    def _check_format(self, document: _JsonObject) -> None:
        if "format" not in document:
            raise ExchangeError(
                "format", "this key is missing, so this is not a Survivorship Tracker record"
            )
        name = document["format"]
        if name != FORMAT_NAME:
            raise ExchangeError(
                "format",
                f"{_describe(name)} is not '{FORMAT_NAME}', "
                "so this is not a Survivorship Tracker record",
            )
        if "version" not in document:
            raise ExchangeError("version", "this key is missing")
        version = document["version"]
        if not isinstance(version, Decimal):
            raise ExchangeError("version", f"{_describe(version)} is not a version number")
        if version > READ_VERSION:
            raise ExchangeError(
                "version",
                "this file comes from a newer version of the app "
                f"(format version {_describe(version)}); please update the app to import it",
            )
        if version not in (FORMAT_VERSION, READ_VERSION):
            raise ExchangeError(
                "version", f"{_describe(version)} is not a version this app can read"
            )
        self.version = int(version)

    def _each(
        self, root: _JsonObject, key: str, read_one: Callable[[object, str], _Item]
    ) -> tuple[_Item, ...]:
        items = _list(root, key, "")
        return tuple(read_one(item, _item(key, index)) for index, item in enumerate(items))

    def _person(self, value: object, path: str) -> Person:
        fields = _fields(value, path, known=("name", "birth_date", "notes"), required=("name",))
        name = _text(fields, "name", path, rules.PERSON_NAME)
        # Every later date is checked against it.
        birth_date = self._optional_past_date(fields, "birth_date", path)
        self.birth_date = birth_date
        notes = _text(fields, "notes", path, rules.PERSON_NOTES, default="")
        return Person(name=name, birth_date=birth_date, notes=notes)

    def _cancer(self, value: object, path: str) -> Cancer:
        fields = _fields(
            value,
            path,
            known=("id", "name", "primary_site", "diagnosed_on", "notes"),
            required=("id", "name", "primary_site"),
        )
        cancer_id = self._new_id(fields, path, self.cancer_ids, "cancers")
        return Cancer(
            id=cancer_id,
            name=_text(fields, "name", path, rules.CANCER_NAME),
            primary_site=_text(fields, "primary_site", path, rules.CANCER_SITE),
            diagnosed_on=self._optional_past_date(fields, "diagnosed_on", path),
            notes=_text(fields, "notes", path, rules.CANCER_NOTES, default=""),
        )

    def _spot(self, value: object, path: str) -> Spot:
        fields = _fields(
            value,
            path,
            known=("id", "cancer", "name", "location", "area", "lymph_node")
            + (("sized",) if self.version >= READ_VERSION else ()),
            required=("id", "cancer", "name", "area", "lymph_node"),
        )
        if not _flag(fields, "sized", path, default=True):
            raise ExchangeError(
                _key(path, "sized"),
                "spots without a size are not supported yet; "
                "this version of the app can import only spots with a size",
            )
        spot_id = self._new_id(fields, path, self.spot_ids, "spots")
        cancer_id = self._cancer_of(fields, "cancer", path)
        name = _text(fields, "name", path, rules.SPOT_NAME)
        location = _text(fields, "location", path, rules.SPOT_LOCATION, default="")
        area = _choice(fields, "area", path, Area)
        lymph_node = _flag(fields, "lymph_node", path)
        _refuse(path, fields, rules.check_spot_area(area, lymph_node=lymph_node))
        self.spot_cancers[spot_id] = cancer_id
        return Spot(
            id=spot_id,
            cancer_id=cancer_id,
            name=name,
            area=area,
            lymph_node=lymph_node,
            location=location,
        )

    def _scan(self, value: object, path: str) -> Scan:
        fields = _fields(
            value,
            path,
            known=(
                "id",
                "cancer",
                "date",
                "kind",
                "facility",
                "no_evidence_of_disease",
                "new_baseline",
                "notes",
                "measurements",
            ),
            required=("id", "cancer", "date", "kind", "measurements"),
        )
        scan_id = self._new_id(fields, path, self.scan_ids, "scans")
        cancer_id = self._cancer_of(fields, "cancer", path)
        date = self._past_date(fields, "date", path)
        kind = _choice(fields, "kind", path, ScanKind)
        day = (cancer_id, date, kind)
        same_day = rules.check_scan_day(day, self.scan_days)
        if same_day is not None:
            raise ExchangeError(
                _key(path, "date"),
                f"{date} {same_day.fact} (scans[{self.scan_days[day]}]); "
                "two scans of one kind on one day cannot be told apart",
            )
        self.scan_days[day] = self.scan_ids[scan_id]
        facility = _text(fields, "facility", path, rules.SCAN_FACILITY, default="")
        no_evidence_of_disease = _flag(fields, "no_evidence_of_disease", path, default=False)
        new_baseline = _flag(fields, "new_baseline", path, default=False)
        notes = _text(fields, "notes", path, rules.SCAN_NOTES, default="")
        entries = _list(fields, "measurements", path)
        measured: dict[str, int] = {}
        measurements = tuple(
            self._measurement(
                entry,
                _item(_key(path, "measurements"), index),
                index,
                cancer_id=cancer_id,
                measured=measured,
                no_evidence_of_disease=no_evidence_of_disease,
            )
            for index, entry in enumerate(entries)
        )
        return Scan(
            id=scan_id,
            cancer_id=cancer_id,
            date=date,
            kind=kind,
            measurements=measurements,
            facility=facility,
            no_evidence_of_disease=no_evidence_of_disease,
            new_baseline=new_baseline,
            notes=notes,
        )

    def _measurement(
        self,
        value: object,
        path: str,
        index: int,
        *,
        cancer_id: str,
        measured: dict[str, int],
        no_evidence_of_disease: bool,
    ) -> Measurement:
        fields = _fields(
            value,
            path,
            known=("spot", "size_mm", "too_small", "uncertain")
            + (("state",) if self.version >= READ_VERSION else ()),
            required=("spot",),
        )
        if "state" in fields:
            # Every spot read is one with a size: a state belongs to a spot without one.
            raise ExchangeError(
                _key(path, "state"),
                "a spot with a size has no state; give size_mm, or too_small: true",
            )
        spot_id = _text(fields, "spot", path, rules.AN_ID)
        owner = self.spot_cancers.get(spot_id)
        if owner != cancer_id:
            elsewhere = "" if owner is None else f" (it is a spot of cancer '{_shown(owner)}')"
            raise ExchangeError(
                _key(path, "spot"),
                f"'{_shown(spot_id)}' is not a spot of cancer '{_shown(cancer_id)}'{elsewhere}",
            )
        if spot_id in measured:
            raise ExchangeError(
                _key(path, "spot"),
                f"'{_shown(spot_id)}' is already measured in this scan "
                f"(measurements[{measured[spot_id]}]); give one size per spot",
            )
        measured[spot_id] = index
        size_tenths = _size(fields, "size_mm", path)
        too_small = _flag(fields, "too_small", path, default=False)
        uncertain = _flag(fields, "uncertain", path, default=False)
        where = _key(path, "size_mm")
        if too_small and size_tenths is not None:
            raise ExchangeError(
                where,
                f"{_describe(fields['size_mm'])} is given, but too_small is true: "
                "a spot too small to measure has no size",
            )
        if not too_small and size_tenths is None:
            raise ExchangeError(where, "no size is given; give a size in mm, or too_small: true")
        if no_evidence_of_disease:
            _refuse(path, fields, rules.check_no_evidence_size(size_tenths))
        return Measurement(
            spot_id=spot_id, size_tenths=size_tenths, too_small=too_small, uncertain=uncertain
        )

    def _statement(self, value: object, path: str) -> Statement:
        fields = _fields(
            value,
            path,
            known=("id", "cancer", "date", "clinician", "text", "status", "recurrence_type"),
            required=("id", "cancer", "date", "text"),
        )
        statement_id = self._new_id(fields, path, self.statement_ids, "statements")
        cancer_id = self._cancer_of(fields, "cancer", path)
        date = self._past_date(fields, "date", path)
        clinician = _text(fields, "clinician", path, rules.STATEMENT_CLINICIAN, default="")
        text = _text(fields, "text", path, rules.STATEMENT_TEXT)
        status: Status | None = _optional_choice(fields, "status", path, STATED_STATUSES)
        recurrence_type = _optional_choice(fields, "recurrence_type", path, RecurrenceType)
        _refuse(path, fields, rules.check_recurrence(status, recurrence_type))
        return Statement(
            id=statement_id,
            cancer_id=cancer_id,
            date=date,
            text=text,
            clinician=clinician,
            status=status,
            recurrence_type=recurrence_type,
        )

    def _treatment(self, value: object, path: str) -> Treatment:
        fields = _fields(
            value,
            path,
            known=("id", "cancer", "kind", "name", "start", "end"),
            required=("id", "cancer", "kind", "start"),
        )
        treatment_id = self._new_id(fields, path, self.treatment_ids, "treatments")
        cancer_id = self._cancer_of(fields, "cancer", path)
        kind = _choice(fields, "kind", path, TreatmentKind)
        name = _text(fields, "name", path, rules.TREATMENT_NAME, default="")
        start = self._past_date(fields, "start", path)
        end = self._optional_past_date(fields, "end", path)
        _refuse(path, fields, rules.check_treatment_end(start, end), shown=f"{end}")
        return Treatment(
            id=treatment_id, cancer_id=cancer_id, kind=kind, start=start, name=name, end=end
        )

    def _question(self, value: object, path: str) -> Question:
        fields = _fields(
            value,
            path,
            known=("id", "cancer", "text", "asked_on", "answer"),
            required=("id", "text"),
        )
        question_id = self._new_id(fields, path, self.question_ids, "questions")
        # A question about the person in general belongs to no cancer.
        cancer_id = (
            None if fields.get("cancer") is None else self._cancer_of(fields, "cancer", path)
        )
        return Question(
            id=question_id,
            text=_text(fields, "text", path, rules.QUESTION_TEXT),
            cancer_id=cancer_id,
            asked_on=self._optional_past_date(fields, "asked_on", path),
            answer=_text(fields, "answer", path, rules.QUESTION_ANSWER, default=""),
        )

    def _new_id(self, fields: _JsonObject, path: str, seen: dict[str, int], items: str) -> str:
        """The id of a new item, refused when an earlier item of the same list has it."""
        item_id = _text(fields, "id", path, rules.AN_ID)
        if item_id in seen:
            raise ExchangeError(
                _key(path, "id"),
                f"'{_shown(item_id)}' is already the id of {items}[{seen[item_id]}]",
            )
        seen[item_id] = len(seen)
        return item_id

    def _cancer_of(self, fields: _JsonObject, key: str, path: str) -> str:
        cancer_id = _text(fields, key, path, rules.AN_ID)
        if cancer_id not in self.cancer_ids:
            raise ExchangeError(
                _key(path, key), f"'{_shown(cancer_id)}' is not a cancer in this file"
            )
        return cancer_id

    def _past_date(self, fields: _JsonObject, key: str, path: str) -> dt.date:
        """A date from 1900 that has happened, within the person's lifetime."""
        date = _calendar_date(fields, key, path)
        problem = check_date(date, key, birth_date=self.birth_date, today=self.today)
        if problem is not None:
            raise ExchangeError(_key(path, key), f"{date.isoformat()} {problem.fact}")
        return date

    def _optional_past_date(self, fields: _JsonObject, key: str, path: str) -> dt.date | None:
        if fields.get(key) is None:
            return None
        return self._past_date(fields, key, path)


def _refuse(
    path: str, fields: _JsonObject, problem: Problem | None, *, shown: str | None = None
) -> None:
    """Refuse the object at ``path`` for a problem with one of its fields (None: nothing),
    quoting the field's value as the file has it, or as ``shown`` (a date, as read)."""
    if problem is not None:
        value = _describe(fields.get(problem.field)) if shown is None else shown
        raise ExchangeError(_key(path, problem.field), f"{value} {problem.fact}")


def _calendar_date(fields: _JsonObject, key: str, path: str) -> dt.date:
    value = fields[key]
    where = _key(path, key)
    if not isinstance(value, str) or not _DATE_PATTERN.fullmatch(value):
        raise ExchangeError(where, f"{_describe(value)} is not a date written as YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ExchangeError(where, f"{value} is not a real date") from None


def _size(fields: _JsonObject, key: str, path: str) -> int | None:
    """A size in mm as whole tenths, exactly as written: never rounded."""
    value = fields.get(key)
    if value is None:
        return None
    where = _key(path, key)
    if not isinstance(value, Decimal):
        raise ExchangeError(where, f"{_describe(value)} is not a number")
    _refuse(path, fields, check_size(value, key))
    return int(value.quantize(_ONE_DECIMAL) * TENTHS_PER_MM)
