"""The reader on the cases the issue names, one at a time: units and forms, earlier sizes,
numbers that are never sizes, states, new findings, uncertainty, and matching to spots."""

from __future__ import annotations

import pytest

from survivor_app.domain import Area, Spot, SpotState, Status
from survivor_app.reading import Finding, read_report

ISSUE_EXAMPLE = (
    "Segment 6 hepatic lesion now measures 2.1 x 1.8 cm, previously 2.5 x 2.2 cm. Left "
    "axillary node 8 mm short axis (previously 14 mm). No new lesions. Stable sclerotic osseous "
    "lesions."
)
SPOTS = (
    Spot("liver", "c1", "Liver spot", Area.DISTANT, lymph_node=False, location="segment 6"),
    Spot("liver7", "c1", "Liver spot", Area.DISTANT, lymph_node=False, location="segment 7"),
    Spot("armpit", "c1", "Node in my left armpit", Area.REGIONAL_NODE, lymph_node=True),
    Spot("right", "c1", "Right armpit node", Area.REGIONAL_NODE, lymph_node=True),
    Spot("bones", "c1", "Bone spots", Area.DISTANT, lymph_node=False, sized=False),
)


def only(text: str) -> Finding:
    (finding,) = read_report(text).findings
    return finding


def test_the_issue_example_is_read_and_matched() -> None:
    reading = read_report(ISSUE_EXAMPLE, SPOTS)
    liver, node, bones = reading.findings
    assert (liver.size_tenths, liver.prior_size_tenths, liver.lymph_node) == (210, 250, False)
    assert liver.location == "segment 6 hepatic"
    assert (liver.spot_id, liver.confidence) == ("liver", 1.0)
    assert (node.size_tenths, node.prior_size_tenths, node.lymph_node) == (80, 140, True)
    assert node.spot_id == "armpit"
    assert ISSUE_EXAMPLE[node.size_span[0] : node.size_span[1]] == "8 mm"  # type: ignore[index]
    assert (bones.size_tenths, bones.state, bones.spot_id) == (None, SpotState.PRESENT, "bones")
    assert not any(f.new for f in reading.findings)


@pytest.mark.parametrize(
    ("text", "tenths"),
    [
        ("Liver lesion 2.1 x 1.8 cm.", 210),
        ("Liver lesion 21 × 18 mm.", 210),
        ("Liver lesion 1.2cm.", 120),
        ("Liver lesion measuring up to 9 mm.", 90),
        ("Liver lesion 12mm. previously 15mm.", 120),
        ("Liver lesion 3.4 X 2.9 CM.", 340),
        ("Liver lesion 2,3 cm.", 230),
        ("A .8 cm liver lesion.", 80),
        ("A 6 millimetre liver lesion.", 60),
        ("A 2.5cm by 1.8cm liver lesion.", 250),
    ],
)
def test_every_form_of_a_size_gives_the_longest_width(text: str, tenths: int) -> None:
    assert only(text).size_tenths == tenths


@pytest.mark.parametrize(
    ("text", "tenths"),
    [
        ("Right axillary node 0.8 cm short axis.", 80),
        ("Right axillary node 12 x 8 mm.", 80),
        ("Subcarinal node with short axis of 14 mm (long axis 22 mm).", 140),
        ("Right hilar lymph node 13 mm.", 130),
    ],
)
def test_a_node_gives_its_short_axis(text: str, tenths: int) -> None:
    finding = only(text)
    assert (finding.size_tenths, finding.lymph_node) == (tenths, True)


@pytest.mark.parametrize(
    ("text", "today", "earlier"),
    [
        ("The liver lesion measures 21 mm, previously 25 mm.", 210, 250),
        ("The liver lesion has decreased from 25 mm to 21 mm.", 210, 250),
        ("The liver lesion has decreased from 25 to 21 mm.", 210, 250),
        ("The liver lesion measures 21 mm compared with 25 mm on 3/2024.", 210, 250),
        ("Liver lesion 21 mm (prior 2.5 cm).", 210, 250),
        ("Liver lesion 21 mm (prior 25).", 210, 250),
        ("Liver lesion 21 mm, 25 mm at baseline.", 210, 250),
        ("The previously seen liver lesion now measures 21 mm.", 210, None),
        ("Compared with the prior study, the liver lesion measures 21 mm.", 210, None),
    ],
)
def test_an_earlier_size_is_never_todays(text: str, today: int, earlier: int | None) -> None:
    finding = only(text)
    assert (finding.size_tenths, finding.prior_size_tenths) == (today, earlier)


@pytest.mark.parametrize(
    "text",
    [
        "CT 03/14/2024: nodule follow-up, series 3 image 45.",
        "A 67-year-old woman with a lung nodule; 10 mCi FDG; DLP 312 mGy*cm.",
        "The nodule has decreased by 35%.",
        "Slice thickness 2.5 mm; reconstructed at 1.25 mm intervals.",
        "No lymph nodes larger than 10 mm in short axis.",
        "Normal node size is up to 10 mm.",
        "A nodule 4 cm from the nipple is seen (too small to measure).",
        "Sum of diameters: 41 mm (baseline 62 mm).",
        "The spleen measures 11 cm. The liver measures 16 cm.",
        "Innumerable lung nodules ranging from 3 to 7 mm.",
    ],
)
def test_numbers_that_are_not_sizes_give_no_size(text: str) -> None:
    assert all(f.size_tenths is None for f in read_report(text).findings)


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Stable sclerotic osseous lesions.", SpotState.PRESENT),
        ("The right lung nodules have resolved.", SpotState.GONE),
        ("The left supraclavicular node is no longer seen.", SpotState.GONE),
        ("Increased size of the mediastinal lymphadenopathy.", SpotState.GROWING),
        ("Progression of the peritoneal disease.", SpotState.GROWING),
    ],
)
def test_a_spot_without_a_size_gets_a_state_from_the_words(text: str, state: SpotState) -> None:
    finding = only(text)
    assert (finding.size_tenths, finding.state) == (None, state)


def test_new_and_uncertain_findings_and_denied_ones() -> None:
    finding = only("There is a possible new 3 mm nodule in the right upper lobe.")
    assert (finding.size_tenths, finding.new, finding.uncertain) == (30, True, True)
    assert read_report("No new lesions. No enlarged lymph nodes.").findings == ()
    for hedge in ("indeterminate", "may represent a cyst", "cannot exclude a cyst"):
        assert only(f"A 7 mm liver lesion, {hedge}.").uncertain
    assert not only("A 14 mm liver lesion with possible capsular extension.").uncertain


@pytest.mark.parametrize(
    ("text", "ned"),
    [
        ("IMPRESSION: No evidence of recurrent or metastatic disease.", True),
        ("Conclusion: NED.", True),
        ("No evidence of recurrence (NER).", True),
        ("No evidence of disease in the chest. A new 14 mm liver lesion.", False),
        ("Ned was seen in clinic.", False),
    ],
)
def test_no_evidence_of_disease(text: str, ned: bool) -> None:
    assert read_report(text).no_evidence_of_disease is ned


def test_the_impression_suggests_a_status_through_the_statement_suggestion() -> None:
    text = "FINDINGS: The liver lesion increased to 30 mm.\nIMPRESSION: Stable disease."
    assert read_report(text).suggested_status is Status.STABLE
    assert read_report("The liver lesion measures 21 mm.").suggested_status is None


def test_matching_uses_synonyms_sides_and_segments() -> None:
    text = (
        "Right axillary node 9 mm. Left armpit lymph node 7 mm. Hepatic segment VII lesion 12 mm. "
        "Pulmonary nodule 4 mm."
    )
    right, left, liver, lung = read_report(text, SPOTS).findings
    assert right.spot_id == "right"
    assert left.spot_id == "armpit"
    assert liver.spot_id == "liver7"
    assert (lung.spot_id, lung.confidence) == (None, 0.0)


def test_a_place_is_named_once() -> None:
    assert only("New 6 mm nodule in the right lower lobe.").location == "right lower lobe"


def test_a_spot_is_matched_once() -> None:
    text = "Left axillary node 9 mm. Left axillary node 7 mm."
    first, second = read_report(text, SPOTS).findings
    assert first.spot_id == "armpit"
    assert second.spot_id is None


@pytest.mark.parametrize(
    "text",
    [
        "Liver lesion 2.5 cm -> 2.1 cm.",
        "Liver lesion 2.5 cm → 2.1 cm.",
        "Liver lesion from 2.5 to 2.1 cm.",
        "The liver lesion measured 2.5 cm at the time of diagnosis and measures 2.1 cm today.",
        "Liver lesion measured 2.5 cm at presentation and 2.1 cm now.",
        "On 12/2023 the liver lesion measured 25 mm; now 21 mm.",
        "Liver lesion measured 2.5 cm last time and 2.1 cm now.",
    ],
)
def test_the_earlier_size_of_a_spot_in_the_same_sentence_is_never_today_s(text: str) -> None:
    finding = only(text)
    assert (finding.size_tenths, finding.prior_size_tenths) == (210, 250)


@pytest.mark.parametrize(
    "text",
    ["There is no longer a 2.5 cm liver lesion.", "Status post resection of 2.5 cm liver lesion."],
)
def test_a_size_of_a_spot_that_is_gone_is_no_size_for_today(text: str) -> None:
    finding = only(text)
    assert (finding.size_tenths, finding.prior_size_tenths) == (None, 250)
    assert finding.state is SpotState.GONE


@pytest.mark.parametrize(
    "text",
    ["No liver lesion measuring 2 cm is seen.", "Liver lesion 3.1 x 2.2 x 1.9 x 1.1 cm."],
)
def test_a_denied_finding_or_a_chain_of_four_widths_gives_no_size(text: str) -> None:
    assert [f.size_tenths for f in read_report(text).findings if f.size_tenths] == []


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u2009"])
def test_a_size_with_a_space_that_is_not_ascii_is_read_where_it_is_written(space: str) -> None:
    text = f"Liver lesion 2.1{space}cm."
    finding = only(text)
    assert finding.size_tenths == 210
    assert finding.size_span is not None
    assert text[slice(*finding.size_span)] == f"2.1{space}cm"


@pytest.mark.parametrize(
    "text",
    [
        "Segment 6 hepatic lesion measured 2.5 cm and 2.1 cm.",
        "Segment 6 hepatic lesion measures 2.5 cm now and measures 2.1 cm today.",
    ],
)
def test_two_sizes_of_one_spot_with_no_word_for_today_propose_no_spot(text: str) -> None:
    findings = read_report(text, SPOTS).findings
    assert findings
    assert all(finding.spot_id is None for finding in findings)
