"""Reading a record from JSON in the format of FORMAT.md, versions 1, 2 (which adds spots
without a size) and 3 (which adds tumour marker results), with every check of §2 and §3, all or
nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import TypeVar

from survivor_app.domain import (
    STATED_STATUSES,
    Area,
    Cancer,
    MarkerResult,
    Measurement,
    Person,
    ProblemCode,
    Question,
    Record,
    RecurrenceType,
    Scan,
    ScanKind,
    Spot,
    SpotState,
    Statement,
    Status,
    Treatment,
    TreatmentKind,
    check_date,
)
from survivor_app.domain import record_rules as rules
from survivor_app.exchange.json_values import (
    choice_at,
    date_at,
    describe,
    flag_at,
    item_path,
    key_path,
    list_at,
    object_at,
    optional_choice_at,
    quoted,
    refuse,
    size_at,
    text_at,
)
from survivor_app.exchange.marker_json import (
    MARKER_RESULT_KEYS,
    MARKER_RESULT_REQUIRED,
    marker_result_at,
)
from survivor_app.exchange.record_file import (
    FORMAT_NAME,
    FORMAT_VERSION,
    MARKER_RESULTS_VERSION,
    READ_VERSIONS,
    WITHOUT_A_SIZE_VERSION,
    ExchangeError,
    JsonObject,
    check_file_size,
    parse,
)

_Item = TypeVar("_Item")


def read_record(data: bytes, *, today: dt.date | None = None) -> Record:
    """The record a JSON file holds, or ExchangeError naming the first place that is wrong."""
    check_file_size(data)
    document = parse(data)
    return _RecordReader(dt.date.today() if today is None else today).read(document)


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
        self.marker_result_ids: dict[str, int] = {}
        self.spot_cancers: dict[str, str] = {}
        # Whether each spot read has a size: its measurements give a size or a state.
        self.spot_sized: dict[str, bool] = {}
        # (cancer, date, kind) of each scan read so far → its index in scans.
        self.scan_days: dict[tuple[str, dt.date, ScanKind], int] = {}
        self.version = FORMAT_VERSION

    def read(self, document: object) -> Record:
        """The record in ``document``, or the first error in reading order."""
        if not isinstance(document, JsonObject):
            raise ExchangeError("", f"{describe(document)} is not a record (an object {{…}})")
        # Format and version come first: a newer file may have keys this version does not know.
        self._check_format(document)
        with_markers = self.version >= MARKER_RESULTS_VERSION
        markers = ("marker_results",) if with_markers else ()
        root = object_at(
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
                *markers,
            ),
            required=(
                "person",
                "cancers",
                "spots",
                "scans",
                "statements",
                "treatments",
                "questions",
                *markers,
            ),
        )
        person = self._person(root["person"], "person")
        cancers = self._each(root, "cancers", self._cancer)
        spots = self._each(root, "spots", self._spot)
        scans = self._each(root, "scans", self._scan)
        statements = self._each(root, "statements", self._statement)
        treatments = self._each(root, "treatments", self._treatment)
        questions = self._each(root, "questions", self._question)
        marker_results = (
            self._each(root, "marker_results", self._marker_result) if with_markers else ()
        )
        return Record(
            person=person,
            cancers=cancers,
            spots=spots,
            scans=scans,
            statements=statements,
            treatments=treatments,
            questions=questions,
            marker_results=marker_results,
        )

    def _check_format(self, document: JsonObject) -> None:
        if "format" not in document:
            raise ExchangeError(
                "format", "this key is missing, so this is not a Survivorship Tracker record"
            )
        name = document["format"]
        if name != FORMAT_NAME:
            raise ExchangeError(
                "format",
                f"{describe(name)} is not '{FORMAT_NAME}', "
                "so this is not a Survivorship Tracker record",
            )
        if "version" not in document:
            raise ExchangeError("version", "this key is missing")
        version = document["version"]
        if not isinstance(version, Decimal):
            raise ExchangeError("version", f"{describe(version)} is not a version number")
        if version > FORMAT_VERSION:
            raise ExchangeError(
                "version",
                "this file comes from a newer version of the app "
                f"(format version {describe(version)}); please update the app to import it",
            )
        if version not in READ_VERSIONS:
            raise ExchangeError(
                "version", f"{describe(version)} is not a version this app can read"
            )
        self.version = int(version)

    def _each(
        self, root: JsonObject, key: str, read_one: Callable[[object, str], _Item]
    ) -> tuple[_Item, ...]:
        items = list_at(root, key, "")
        return tuple(read_one(item, item_path(key, index)) for index, item in enumerate(items))

    def _person(self, value: object, path: str) -> Person:
        fields = object_at(value, path, known=("name", "birth_date", "notes"), required=("name",))
        name = text_at(fields, "name", path, rules.PERSON_NAME)
        # Every later date is checked against it.
        birth_date = self._optional_past_date(fields, "birth_date", path)
        self.birth_date = birth_date
        notes = text_at(fields, "notes", path, rules.PERSON_NOTES, default="")
        return Person(name=name, birth_date=birth_date, notes=notes)

    def _cancer(self, value: object, path: str) -> Cancer:
        fields = object_at(
            value,
            path,
            known=("id", "name", "primary_site", "diagnosed_on", "notes"),
            required=("id", "name", "primary_site"),
        )
        cancer_id = self._new_id(fields, path, self.cancer_ids, "cancers")
        return Cancer(
            id=cancer_id,
            name=text_at(fields, "name", path, rules.CANCER_NAME),
            primary_site=text_at(fields, "primary_site", path, rules.CANCER_SITE),
            diagnosed_on=self._optional_past_date(fields, "diagnosed_on", path),
            notes=text_at(fields, "notes", path, rules.CANCER_NOTES, default=""),
        )

    def _spot(self, value: object, path: str) -> Spot:
        fields = object_at(
            value,
            path,
            known=("id", "cancer", "name", "location", "area", "lymph_node")
            + (("sized",) if self.version >= WITHOUT_A_SIZE_VERSION else ()),
            required=("id", "cancer", "name", "area", "lymph_node"),
        )
        spot_id = self._new_id(fields, path, self.spot_ids, "spots")
        cancer_id = self._cancer_of(fields, "cancer", path)
        name = text_at(fields, "name", path, rules.SPOT_NAME)
        location = text_at(fields, "location", path, rules.SPOT_LOCATION, default="")
        area = choice_at(fields, "area", path, Area)
        lymph_node = flag_at(fields, "lymph_node", path)
        refuse(path, fields, rules.check_spot_area(area, lymph_node=lymph_node))
        sized = flag_at(fields, "sized", path, default=True)
        self.spot_cancers[spot_id] = cancer_id
        self.spot_sized[spot_id] = sized
        return Spot(
            id=spot_id,
            cancer_id=cancer_id,
            name=name,
            area=area,
            lymph_node=lymph_node,
            location=location,
            sized=sized,
        )

    def _scan(self, value: object, path: str) -> Scan:
        fields = object_at(
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
        kind = choice_at(fields, "kind", path, ScanKind)
        day = (cancer_id, date, kind)
        same_day = rules.check_scan_day(day, self.scan_days)
        if same_day is not None:
            raise ExchangeError(
                key_path(path, "date"),
                f"{date} {same_day.fact} (scans[{self.scan_days[day]}]); "
                "two scans of one kind on one day cannot be told apart",
            )
        self.scan_days[day] = self.scan_ids[scan_id]
        facility = text_at(fields, "facility", path, rules.SCAN_FACILITY, default="")
        no_evidence_of_disease = flag_at(fields, "no_evidence_of_disease", path, default=False)
        new_baseline = flag_at(fields, "new_baseline", path, default=False)
        notes = text_at(fields, "notes", path, rules.SCAN_NOTES, default="")
        entries = list_at(fields, "measurements", path)
        measured: dict[str, int] = {}
        measurements = tuple(
            self._measurement(
                entry,
                item_path(key_path(path, "measurements"), index),
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
        fields = object_at(
            value,
            path,
            known=("spot", "size_mm", "too_small", "uncertain")
            + (("state",) if self.version >= WITHOUT_A_SIZE_VERSION else ()),
            required=("spot",),
        )
        spot_id = text_at(fields, "spot", path, rules.AN_ID)
        owner = self.spot_cancers.get(spot_id)
        if owner != cancer_id:
            elsewhere = "" if owner is None else f" (it is a spot of cancer '{quoted(owner)}')"
            raise ExchangeError(
                key_path(path, "spot"),
                f"'{quoted(spot_id)}' is not a spot of cancer '{quoted(cancer_id)}'{elsewhere}",
            )
        if spot_id in measured:
            raise ExchangeError(
                key_path(path, "spot"),
                f"'{quoted(spot_id)}' is already measured in this scan "
                f"(measurements[{measured[spot_id]}]); give one entry per spot",
            )
        measured[spot_id] = index
        sized = self.spot_sized[spot_id]
        # What the entry gives must be what its spot takes: a size, or a state.
        kind = rules.check_entry_kind(
            sized=sized,
            size="size_mm" in fields,
            too_small="too_small" in fields,
            state="state" in fields,
        )
        if kind is not None and kind.code is ProblemCode.NO_STATE:
            raise ExchangeError(key_path(path, kind.field), f"this key {kind.fact}")
        refuse(path, fields, kind)
        if sized:
            size_tenths, too_small = self._size(fields, path)
            state = None
        else:
            size_tenths, too_small = None, False
            state = choice_at(fields, "state", path, SpotState)
        uncertain = flag_at(fields, "uncertain", path, default=False)
        if no_evidence_of_disease:
            refuse(
                path,
                fields,
                rules.check_no_evidence_entry(size_tenths, too_small=too_small, state=state),
            )
        return Measurement(
            spot_id=spot_id,
            size_tenths=size_tenths,
            too_small=too_small,
            uncertain=uncertain,
            state=state,
        )

    def _size(self, fields: JsonObject, path: str) -> tuple[int | None, bool]:
        """The size of a sized spot's entry, or "too small to measure": one of them."""
        size_tenths = size_at(fields, "size_mm", path)
        too_small = flag_at(fields, "too_small", path, default=False)
        where = key_path(path, "size_mm")
        if too_small and size_tenths is not None:
            raise ExchangeError(
                where,
                f"{describe(fields['size_mm'])} is given, but too_small is true: "
                "a spot too small to measure has no size",
            )
        if not too_small and size_tenths is None:
            raise ExchangeError(where, "no size is given; give a size in mm, or too_small: true")
        return size_tenths, too_small

    def _statement(self, value: object, path: str) -> Statement:
        fields = object_at(
            value,
            path,
            known=("id", "cancer", "date", "clinician", "text", "status", "recurrence_type"),
            required=("id", "cancer", "date", "text"),
        )
        statement_id = self._new_id(fields, path, self.statement_ids, "statements")
        cancer_id = self._cancer_of(fields, "cancer", path)
        date = self._past_date(fields, "date", path)
        clinician = text_at(fields, "clinician", path, rules.STATEMENT_CLINICIAN, default="")
        text = text_at(fields, "text", path, rules.STATEMENT_TEXT)
        status: Status | None = optional_choice_at(fields, "status", path, STATED_STATUSES)
        recurrence_type = optional_choice_at(fields, "recurrence_type", path, RecurrenceType)
        refuse(path, fields, rules.check_recurrence(status, recurrence_type))
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
        fields = object_at(
            value,
            path,
            known=("id", "cancer", "kind", "name", "start", "end"),
            required=("id", "cancer", "kind", "start"),
        )
        treatment_id = self._new_id(fields, path, self.treatment_ids, "treatments")
        cancer_id = self._cancer_of(fields, "cancer", path)
        kind = choice_at(fields, "kind", path, TreatmentKind)
        name = text_at(fields, "name", path, rules.TREATMENT_NAME, default="")
        start = self._past_date(fields, "start", path)
        end = self._optional_past_date(fields, "end", path)
        refuse(path, fields, rules.check_treatment_end(start, end), shown=f"{end}")
        return Treatment(
            id=treatment_id, cancer_id=cancer_id, kind=kind, start=start, name=name, end=end
        )

    def _question(self, value: object, path: str) -> Question:
        fields = object_at(
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
            text=text_at(fields, "text", path, rules.QUESTION_TEXT),
            cancer_id=cancer_id,
            asked_on=self._optional_past_date(fields, "asked_on", path),
            answer=text_at(fields, "answer", path, rules.QUESTION_ANSWER, default=""),
        )

    def _marker_result(self, value: object, path: str) -> MarkerResult:
        fields = object_at(value, path, known=MARKER_RESULT_KEYS, required=MARKER_RESULT_REQUIRED)
        return marker_result_at(
            fields,
            path,
            result_id=self._new_id(fields, path, self.marker_result_ids, "marker_results"),
            cancer_id=self._cancer_of(fields, "cancer", path),
            date=self._past_date(fields, "date", path),
        )

    def _new_id(self, fields: JsonObject, path: str, seen: dict[str, int], items: str) -> str:
        """The id of a new item, refused when an earlier item of the same list has it."""
        item_id = text_at(fields, "id", path, rules.AN_ID)
        if item_id in seen:
            raise ExchangeError(
                key_path(path, "id"),
                f"'{quoted(item_id)}' is already the id of {items}[{seen[item_id]}]",
            )
        seen[item_id] = len(seen)
        return item_id

    def _cancer_of(self, fields: JsonObject, key: str, path: str) -> str:
        cancer_id = text_at(fields, key, path, rules.AN_ID)
        if cancer_id not in self.cancer_ids:
            raise ExchangeError(
                key_path(path, key), f"'{quoted(cancer_id)}' is not a cancer in this file"
            )
        return cancer_id

    def _past_date(self, fields: JsonObject, key: str, path: str) -> dt.date:
        """A date from 1900 that has happened, within the person's lifetime."""
        date = date_at(fields, key, path)
        problem = check_date(date, key, birth_date=self.birth_date, today=self.today)
        if problem is not None:
            raise ExchangeError(key_path(path, key), f"{date.isoformat()} {problem.fact}")
        return date

    def _optional_past_date(self, fields: JsonObject, key: str, path: str) -> dt.date | None:
        if fields.get(key) is None:
            return None
        return self._past_date(fields, key, path)
