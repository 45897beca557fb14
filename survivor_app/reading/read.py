"""A report read sentence by sentence: each sentence's sizes told apart, grouped into findings
by the things they measure, placed, given a state, and matched to the person's spots."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from survivor_app.domain import Spot, SpotState
from survivor_app.reading import places, wording
from survivor_app.reading.dated import dated_roles
from survivor_app.reading.finding import Finding, ReportReading
from survivor_app.reading.matching import Placed, confidence, match_spots
from survivor_app.reading.numbers import SizeMention, blank_non_sizes, plain_spaces
from survivor_app.reading.regions import Region, regions, sizes_with_roles, slash_order
from survivor_app.reading.sentences import impression_start, sentence_spans
from survivor_app.reading.tables import Column, heading_columns, row_sizes
from survivor_app.status.suggest import suggest_status

_I = re.IGNORECASE | re.ASCII  # ASCII: faster, and reports are read in English
#: Sentences that tell the history, the technique or a sum, never a finding of this scan.
_NOT_FINDINGS = re.compile(
    r"\s*(?:(?:clinical\s+)?(?:history|indication|reason for (?:exam\w*|study|referral)|"
    r"technique|procedure|protocol|comparison|contrast|dose|radiation dose|dlp|ctdi\w*|"
    r"exam(?:ination)?|study|clinical (?:details|information)|request)\s*:"
    r"|(?:sum|total|sld)\b)",
    _I,
)
#: The organ itself measured: "the spleen measures 11 cm".
_ORGAN_SIZE = re.compile(
    r"\b(?:spleen|liver|kidneys?|uterus|thyroid|prostate|aorta|bladder|cbd|common bile duct|"
    r"stripe|endometri\w*|ovar\w+|pancreas|pancreatic duct|lobe)\b(?:\s+\w+){0,2}\s*"
    r"(?:measures|measuring|is|span|length|size)",
    _I,
)
_PRONOUN = re.compile(r"\s*(?:it|this|which|they|these|the (?:lesion|mass|nodule|node))\b", _I)
_GOES_ON = re.compile(r"\s*(?:[,;]|and\b|or\b|with\b)", _I)
#: A list's or a table's label before its size: "Liver segment 6: 21 mm", "T1 | Liver | 35".
_LABELLED = re.compile(r"[:|\t]")
#: Words that make a size today's: "now 21 mm", "measures 2.1 cm today".
_TODAY_CUE = re.compile(
    r"\b(?:now|today|currently|presently|at present|measures|this (?:study|scan|exam))\b", _I
)
#: A heading at a sentence's start: "Current CT:", "Findings:", "Target lesion 1:".
_HEADING = re.compile(r"\s*[A-Za-z][\w ()/.,-]{0,40}?:(?!\d)")
#: A heading that makes what follows it, up to the next heading, earlier sizes.
_PRIOR_HEADING = re.compile(
    r"\s*(?:prior|previous|earlier|old|comparison|baseline)\b[\w ()/.,-]{0,40}?:(?!\d)", _I
)


@dataclass(slots=True)
class _Context:
    """What the sentences before tell the next one."""

    subject: tuple[str, bool | None] = ("", None)
    columns: list[Column] | None = None
    earlier_first: bool | None = None
    #: Under a heading such as "Prior CT (03/2024):" every size is an earlier one: up to the
    #: next heading ("section") when the heading stands on a line of its own, else to the
    #: end of its line ("line").
    in_prior: Literal["section", "line"] | None = None
    #: The place of the last finding, said or not: what "it measured 11 mm" goes back to.
    last: tuple[str, bool | None] | None = None


def read_report(text: str, spots: Sequence[Spot] = ()) -> ReportReading:
    """What a report says: its findings, whether it says no evidence of disease, and the status
    its impression's words suggest. Never raises on any text."""
    original, text = text, plain_spaces(text)  # one for one: every span holds in both
    findings: list[Finding] = []
    context = _Context()
    previous_end = 0
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        breaks = text.count("\n", previous_end, start)
        if breaks > 1:
            context = _Context()
        elif breaks and context.in_prior == "line":
            context.in_prior = None  # "Comparison: CT of 3/2024." holds for its own line
        previous_end = end
        heading = heading_columns(sentence)
        if heading is not None:
            context.columns = heading
            continue
        blanked = blank_non_sizes(sentence)
        order = slash_order(blanked)
        if order is not None:
            context.earlier_first = order
        rows = row_sizes(sentence, context.columns) if context.columns else None
        if rows is None:
            context.columns = None
        heading_of = _HEADING.match(sentence)
        if heading_of:
            context.in_prior = _prior_section(sentence, heading_of.end())
        if _NOT_FINDINGS.match(sentence):
            continue
        found = _read_sentence(text, (start, end), blanked, rows, context)
        if context.in_prior:
            found = [_as_earlier(finding) for finding in found]
        findings.extend(found)
        if found:
            context.last = (found[-1].location, found[-1].lymph_node)
        # What "it" or "the lesion" of the next sentence means.
        if found and found[-1].location:
            context.subject = (found[-1].location, found[-1].lymph_node)
        elif not found and places.names_a_thing(sentence):
            location = places.location_text(sentence)
            if location:
                context.subject = (location, places.names_a_node(sentence) or None)
    findings = _earlier_sizes_joined(findings)
    placed = [Placed(f.location or f.sentence, f.lymph_node) for f in findings]
    as_written: dict[tuple[int, int], str] = {}  # one copy a sentence, however many findings
    findings = [
        replace(
            finding,
            sentence=as_written.setdefault(
                (finding.start, finding.end), original[finding.start : finding.end]
            ),
            spot_id=spot_id or finding.spot_id,
            confidence=score if spot_id else finding.confidence,
        )
        for finding, (spot_id, score) in zip(
            findings, _no_ties(findings, placed, spots, match_spots(placed, spots)), strict=True
        )
    ]
    ned = wording.no_evidence_of_disease(text) and not any(
        f.new or f.state is SpotState.GROWING for f in findings
    )
    impression = impression_start(text)
    suggestion = suggest_status(text[impression:] if impression is not None else text)
    return ReportReading(tuple(findings), ned, suggestion.status if suggestion else None)


def _prior_section(sentence: str, after_heading: int) -> Literal["section", "line"] | None:
    if not _PRIOR_HEADING.match(sentence):
        return None
    return "line" if sentence[after_heading:].strip() else "section"


def _as_earlier(finding: Finding) -> Finding:
    """A finding under a heading of an earlier scan: its size is an earlier size."""
    if finding.size_tenths is None or finding.prior_size_tenths is not None:
        return finding
    return replace(finding, size_tenths=None, prior_size_tenths=finding.size_tenths, size_span=None)


def _only_earlier(finding: Finding) -> bool:
    return (
        finding.size_tenths is None
        and finding.prior_size_tenths is not None
        and finding.state is not SpotState.GONE  # "the 7 mm nodule has resolved" stands alone
        and not finding.new
    )


def _joins(earlier: Finding, today: Finding, same_place_only: bool) -> bool:
    """Whether an earlier size of another sentence is ``today``'s finding's earlier size: the
    same place, or (``same_place_only`` false) today's finding names none of its own."""
    if today.size_tenths is None or today.prior_size_tenths is not None:
        return False
    if earlier.start == today.start:
        return False
    if (
        None not in (earlier.lymph_node, today.lymph_node)
        and earlier.lymph_node != today.lymph_node
    ):
        return False
    return earlier.location == today.location or (not same_place_only and not today.location)


def _earlier_sizes_joined(findings: list[Finding]) -> list[Finding]:
    """An earlier size written in a sentence of its own joins the finding it is the earlier size
    of: the finding of the sentence before at the same place ("The lesion measures 15 mm. On
    the prior study it measured 11 mm."), or else the next one ("Prior CT: nodule 11 mm.
    Current CT: the nodule measures 15 mm.")."""
    joined = list(findings)
    dropped: set[int] = set()
    for index, earlier in enumerate(findings):
        if not _only_earlier(earlier):
            continue
        before, after = index - 1, index + 1
        if before >= 0 and before not in dropped and _joins(earlier, joined[before], True):
            target = before
        elif after < len(findings) and _joins(earlier, joined[after], False):
            target = after
        else:
            continue
        today = joined[target]
        joined[target] = replace(
            today,
            prior_size_tenths=earlier.prior_size_tenths,
            location=today.location or earlier.location,
            lymph_node=today.lymph_node if today.lymph_node is not None else earlier.lymph_node,
        )
        dropped.add(index)
    return [finding for index, finding in enumerate(joined) if index not in dropped]


def _no_ties(
    findings: list[Finding],
    placed: list[Placed],
    spots: Sequence[Spot],
    matched: list[tuple[str | None, float]],
) -> list[tuple[str | None, float]]:
    """The matches, less a spot that two sized findings of one sentence match equally well
    ("the liver lesion measured 25 mm and 21 mm"): neither is proposed for it, so the older
    size is never taken for today's."""
    kept = list(matched)
    by_id = {spot.id: spot for spot in spots}
    for index, (spot_id, score) in enumerate(matched):
        if spot_id is None or findings[index].size_tenths is None:
            continue
        tied = any(
            other != index
            and findings[other].start == findings[index].start
            and findings[other].size_tenths is not None
            and confidence(placed[other], by_id[spot_id]) == score
            for other in range(len(findings))
        )
        if tied:
            kept[index] = (None, 0.0)
    return kept


def _read_sentence(
    text: str,
    span: tuple[int, int],
    blanked: str,
    rows: list[tuple[SizeMention, bool]] | None,
    context: _Context,
) -> list[Finding]:
    start, end = span
    sentence = text[start:end]
    if rows is not None:
        roles = rows
    else:
        roles = dated_roles(sentence, blanked, sizes_with_roles(blanked, context.earlier_first))
    findings: list[tuple[Finding, bool]] = []
    subject = context.subject
    for region in regions(sentence, blanked, roles):
        piece = sentence[region.start : region.end]
        # "…metastases: right parietal 8 mm and left cerebellar 12 mm": the second piece
        # goes on about the same kind of thing as the piece before it.
        goes_on = bool(findings) and region.start > 0 and bool(_GOES_ON.match(piece))
        if goes_on:
            inherited: tuple[str, bool | None] | None = subject
        elif _PRONOUN.match(piece) and context.subject[0]:
            inherited = context.subject
        elif region.prior and not region.today and context.last and not places.names_a_thing(piece):
            inherited = context.last  # "On the prior study it measured 11 mm."
        else:
            inherited = None
        finding = _finding(text, (span, sentence), region, inherited)
        if finding is not None:
            findings.append((finding, bool(_TODAY_CUE.search(piece))))
            subject = (finding.location, finding.lymph_node)
    return _one_size_per_spot(findings)


def _one_size_per_spot(found: list[tuple[Finding, bool]]) -> list[Finding]:
    """Two sizes of one spot in one sentence ("On 12/2023 the liver lesion measured 25 mm; now
    21 mm"): when only one of them has a word for today, it is today's size and the other its
    earlier one; otherwise both are kept as they are (they may be two spots)."""
    sized = [
        index
        for index, (finding, _) in enumerate(found)
        if finding.size_tenths is not None and finding.location
    ]
    if len(sized) != 2:
        return [finding for finding, _ in found]
    first, second = (found[index][0] for index in sized)
    cues = [found[index][1] for index in sized]
    same = (first.location, first.lymph_node) == (second.location, second.lymph_node)
    if not same or cues.count(True) != 1:
        return [finding for finding, _ in found]
    today_index, older_index = sized if cues[0] else sized[::-1]
    today, older = found[today_index][0], found[older_index][0]
    prior = today.prior_size_tenths or older.prior_size_tenths or older.size_tenths
    merged = replace(today, prior_size_tenths=prior)
    return [
        merged if index == today_index else finding
        for index, (finding, _) in enumerate(found)
        if index != older_index
    ]


def _finding(
    text: str,
    sentence_at: tuple[tuple[int, int], str],
    region: Region,
    inherited: tuple[str, bool | None] | None,
) -> Finding | None:
    (start, end), sentence = sentence_at  # the sentence taken once, not once a finding
    piece = text[start + region.start : start + region.end]
    thing = places.names_a_thing(piece)
    if not (region.today or region.prior or thing or inherited):
        return None  # no size, and nothing a size or a state could belong to
    location = places.location_text(piece)
    node = places.is_a_node(piece)
    if not thing and inherited is not None:
        thing = True
        if not location:
            location, node = inherited
        elif node is None:
            node = inherited[1]  # "Two nodules measuring 5 mm and 7 mm in the right lung"
    today = region.today
    if today and not thing and not _labelled_place(piece, location):
        return None
    size, span = _size(today, bool(node))
    prior = _size(region.prior, bool(node))[0] if region.prior else None
    new = wording.is_new(piece)
    state = wording.state_of(piece)
    if size is not None and prior is None and state is SpotState.GONE:
        size, span, prior = None, None, size  # "the previously seen 7 mm nodule has resolved"
    if size is not None and _denied(piece):
        return None  # "No liver lesion measuring 2 cm is seen."
    if size is not None:
        state = None
    else:
        if new and state is None:
            state = SpotState.PRESENT
        if not thing or _denied(piece) or (state is None and prior is None):
            return None
        if not location and not new and prior is None:
            return None
    return Finding(
        sentence=sentence,
        start=start,
        end=end,
        size_tenths=size,
        prior_size_tenths=prior,
        lymph_node=node,
        location=location,
        spot_id=None,
        confidence=0.0,
        new=new,
        state=state,
        uncertain=wording.is_uncertain(piece),
        size_span=(start + span[0], start + span[1]) if span else None,
    )


def _labelled_place(piece: str, location: str) -> bool:
    """Whether a size with no word for a thing still belongs to one: a numbered part of an
    organ ("segment 6: 21 mm") or a list's label, never an organ's own size."""
    if not location or _ORGAN_SIZE.search(piece):
        return False
    numbered = any(c.startswith("part ") for c in places.concepts(piece))
    return numbered or bool(_LABELLED.search(piece))


def _denied(piece: str) -> bool:
    where = places.first_thing(piece)
    return where is not None and wording.is_denied(piece, where)


def _size(mentions: Sequence[SizeMention], node: bool) -> tuple[int | None, tuple[int, int] | None]:
    """Today's size from a finding's sizes: the longest width, or a node's short axis."""
    if not mentions:
        return None, None
    first = mentions[0]
    if node:
        short = next((m for m in mentions if m.short_axis), first)
        return min(short.widths), (short.start, short.end)
    return max(max(m.widths) for m in mentions), (first.start, first.end)
