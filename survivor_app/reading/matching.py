"""Findings matched to the person's spots by what their words mean: "segment 6 hepatic lesion"
finds the spot named "Liver spot" at "segment 6"; a spot on the left never takes a finding on the
right, and a different segment of the same organ is a different spot."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from survivor_app.domain import Spot
from survivor_app.reading.places import concepts, names_a_node

#: The least confidence at which a finding is matched to a spot.
MATCH_AT = 0.5
_SIDES = {"left", "right"}
_WHERE_ONLY = _SIDES | {"both", "node"}


@dataclass(frozen=True, slots=True)
class Placed:
    """What is known of where a finding is, for matching."""

    words: str
    lymph_node: bool | None


def match_spots(placed: Sequence[Placed], spots: Sequence[Spot]) -> list[tuple[str | None, float]]:
    """For each finding, the spot it matches and how sure the match is (0 when none): the
    surest pairs first, each spot taken once."""
    scores = [
        (confidence(item, spot), index, spot.id)
        for index, item in enumerate(placed)
        for spot in spots
    ]
    matched: list[tuple[str | None, float]] = [(None, 0.0)] * len(placed)
    taken: set[str] = set()
    for score, index, spot_id in sorted(scores, key=lambda s: (-s[0], s[1])):
        if score < MATCH_AT or spot_id in taken or matched[index][0] is not None:
            continue
        matched[index] = (spot_id, score)
        taken.add(spot_id)
    return matched


def confidence(item: Placed, spot: Spot) -> float:
    """How well a finding's place matches a spot's name and location, from 0 to 1."""
    spot_words = f"{spot.name} {spot.location}"
    # Whether it is a lymph node is weighed below, not counted as a place word.
    wanted = concepts(spot_words) - {"node"}
    found = concepts(item.words) - {"node"}
    if not wanted or not found:
        return 0.0
    if (wanted & _SIDES) and (found & _SIDES) and not (wanted & found & _SIDES):
        return 0.0
    wanted_parts = {c for c in wanted if c.startswith("part ")}
    found_parts = {c for c in found if c.startswith("part ")}
    if wanted_parts and found_parts and not (wanted_parts & found_parts):
        return 0.0
    organs = wanted - _WHERE_ONLY
    if organs and not (organs & found):
        return 0.0
    score = len(wanted & found) / len(wanted)
    node = spot.lymph_node or names_a_node(spot_words)
    if item.lymph_node is not None and item.lymph_node != node:
        score *= 0.5
    return round(score, 2)
