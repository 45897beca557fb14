"""Explanations of periods for the survivor (STATUS_RULES.md §7): one short opening sentence, then
the person's own numbers, then what the label means, then what to ask, ending with the care team."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from survivor_app.status.assessment import Assessment
from survivor_app.status.meanings import what_it_means, what_to_ask
from survivor_app.status.opening import opening_sentence
from survivor_app.status.own_numbers import own_numbers

CARE_TEAM = "Your care team can tell you what this means for you."

_LYMPH_NODE_GLOSS = {"": " (a small bean-shaped gland)", "s": " (small bean-shaped glands)"}
_LYMPH_NODE = re.compile(r"\blymph node(s?)\b")


@dataclass(frozen=True, slots=True)
class Explanation:
    """A period's explanation: ``summary`` is its opening sentence, ``text`` the whole of it."""

    summary: str
    text: str


def explain_period(assessments: Sequence[Assessment]) -> Explanation:
    """The explanation of one period, given its assessments in date order."""
    first = assessments[0]
    summary = opening_sentence(first)
    sentences = [
        summary,
        *own_numbers(assessments),
        *what_it_means(assessments),
        *what_to_ask(assessments),
        CARE_TEAM,
    ]
    # A longer period may repeat a fact; it is said once.
    text = _gloss_lymph_nodes(" ".join(dict.fromkeys(sentences)))
    return Explanation(summary=summary, text=text)


def _gloss_lymph_nodes(text: str) -> str:
    """Add a plain gloss after the first "lymph node" outside a quoted name."""
    for match in _LYMPH_NODE.finditer(text):
        before = text[: match.start()]
        if before.count("“") == before.count("”"):
            gloss = _LYMPH_NODE_GLOSS[match.group(1)]
            return text[: match.end()] + gloss + text[match.end() :]
    return text
