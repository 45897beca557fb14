"""A sentence's sizes told apart (today's or earlier) and the sentence cut into one piece per
thing it measures: "Left axillary node 8 mm (previously 14 mm) and right axillary node 6 mm" is
two pieces, each with its own sizes; "12 x 8 mm, short axis 8 mm" is one thing measured twice."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from dataclasses import dataclass

from survivor_app.reading import places
from survivor_app.reading.numbers import SizeMention, size_mentions
from survivor_app.reading.priors import is_prior

_I = re.IGNORECASE | re.ASCII  # ASCII: faster, and reports are read in English
#: Where one finding of a sentence may end and the next begin.
_SEPARATOR = re.compile(r"[;,]|\b(?:and|with|while|whereas|but|also)\b|\.\s", _I)
#: The same size again in other words: "12 x 8 mm, short axis 8 mm", "1.2 cm (12 mm)".
_SAME_AGAIN = re.compile(
    r"\s*+(?:[(,;]\s*+)?(?:(?:(?:in\s+)?(?:the\s+)?(?:short|long)[- ]?axis|craniocaudal|cc|"
    r"transverse|ap|axial|i\.e\.?|or)\s*+)?(?:(?:of|measuring|:|=)\s*+)?",
    _I,
)
#: A change told up to today's size: "has decreased to", "increased in size to".
_CHANGED_TO = re.compile(
    r"\b(?:decreas|increas|reduc|grow|grew|grown|enlarg|shr[aiu]nk|progress|regress)\w*"
    r"(?:\s+(?:in size|slightly|markedly|further|significantly))*\s+to\s*$",
    _I,
)
_CLAUSE = re.compile(r";|\b(?:but|whereas|while|however)\b", _I)
_SEPARATOR_STRONG = re.compile(r"[;.]|\band\b", _I)
_AXIS_WORDS = re.compile(r"axis|craniocaudal|\bcc\b|transverse|\bap\b|axial", _I)
#: Words that give the order of sizes written as "35 mm / 27 mm".
_EARLIER = r"(?:prior|previous|baseline|before|nadir|then)"
_LATER = r"(?:today|current|now|this (?:study|scan)|follow-?up)"
_SLASH_EARLIER_FIRST = re.compile(
    rf"\b{_EARLIER}\b[^/\n]{{0,40}}/\s*[^/\n]{{0,12}}\b{_LATER}\b", _I
)
_SLASH_LATER_FIRST = re.compile(rf"\b{_LATER}\b[^/\n]{{0,40}}/\s*[^/\n]{{0,12}}\b{_EARLIER}\b", _I)


@dataclass(frozen=True, slots=True)
class Region:
    """One piece of a sentence, with today's sizes and the earlier ones written in it."""

    start: int
    end: int
    today: tuple[SizeMention, ...]
    prior: tuple[SizeMention, ...]


def slash_order(sentence: str) -> bool | None:
    """Whether a heading says sizes written "A / B" are the earlier one first (True), today's
    first (False), or says nothing of it (None)."""
    if "/" not in sentence:
        return None
    if _SLASH_EARLIER_FIRST.search(sentence):
        return True
    if _SLASH_LATER_FIRST.search(sentence):
        return False
    return None


def sizes_with_roles(blanked: str, earlier_first: bool | None) -> list[tuple[SizeMention, bool]]:
    """The sizes of a blanked sentence, each with whether it is an earlier size."""
    mentions = size_mentions(blanked)
    roles: list[tuple[SizeMention, bool]] = []
    previous_end = 0
    for index, mention in enumerate(mentions):
        prior = is_prior(blanked, mention.start, mention.end, previous_end)
        between = blanked[previous_end : mention.start]
        if index > 0 and roles[-1][1] and re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", between):
            prior = True  # "previously 10 mm and 13 mm"
        elif index > 0 and not roles[-1][1] and not prior:
            before = roles[-1][0]
            if earlier_first is not None and re.fullmatch(r"\s*/\s*", between):
                roles[-1] = (before, earlier_first)
                prior = not earlier_first
            elif _alone_in_brackets(blanked, before, mention) and mention.widths != before.widths:
                prior = True  # "smaller at 21 mm (34 mm)": the comparison in brackets
            elif _CHANGED_TO.search(between) and not _SEPARATOR_STRONG.search(between):
                # "the known 1.8 cm mass has decreased to 1.1 cm": the size before is earlier
                roles[-1] = (before, True)
        roles.append((mention, prior))
        previous_end = mention.end
    return roles


def regions(sentence: str, blanked: str, roles: list[tuple[SizeMention, bool]]) -> list[Region]:
    """The sentence cut into one piece per thing measured, with the sizes of each."""
    groups: list[list[SizeMention]] = []
    bounds = [0]
    starts = [mention.start for mention, _ in roles]
    for mention in (mention for mention, prior in roles if not prior):
        if groups:
            last = groups[-1][-1]
            between = blanked[last.end : mention.start]
            if _same_again(last, mention, between):
                groups[-1].append(mention)
                continue
            # Only the sizes between the two: a sentence of many sizes stays linear.
            between_roles = roles[
                bisect_left(starts, last.end) : bisect_left(starts, mention.start)
            ]
            bounds.append(_boundary(sentence, last.end, mention.start, between_roles))
        groups.append([mention])
    bounds.append(len(blanked))
    if not groups:
        # No size for today: one piece per clause ("progression of the parietal metastasis;
        # the cerebellar metastasis is stable").
        cuts = [0, *(m.start() for m in _CLAUSE.finditer(blanked)), len(blanked)]
        return [
            Region(low, high, (), tuple(m for m, _ in roles if low <= m.start < high))
            for low, high in itertools.pairwise(cuts)
            if high > low
        ]
    earlier = [m for m, prior in roles if prior]
    earlier_starts = [m.start for m in earlier]
    in_turn = re.search(r"\brespectively\b", sentence, _I) and len(earlier) == len(groups)
    found = []
    for index, group in enumerate(groups):
        low, high = bounds[index], bounds[index + 1]
        if in_turn:  # "12 mm and 15 mm, previously 10 mm and 13 mm respectively"
            priors: tuple[SizeMention, ...] = (earlier[index],)
        else:
            since, until = bisect_left(earlier_starts, low), bisect_left(earlier_starts, high)
            priors = tuple(earlier[since:until])
        found.append(Region(low, high, tuple(group), priors))
    return found


def _alone_in_brackets(text: str, before: SizeMention, mention: SizeMention) -> bool:
    return bool(
        re.fullmatch(r"\s*\(\s*", text[before.end : mention.start])
        and re.match(r"\s*\)", text[mention.end :])
    )


def _boundary(sentence: str, low: int, high: int, roles: list[tuple[SizeMention, bool]]) -> int:
    """Where the next finding starts between two of today's sizes: after the earlier sizes
    that follow the first one, at the last separator before the next thing's words."""
    after_priors = max([m.end for m, prior in roles if prior and low <= m.start < high] + [low])
    piece = sentence[after_priors:high]
    separators = [
        after_priors + m.start()
        for m in _SEPARATOR.finditer(piece)
        if not any(p.start <= after_priors + m.start() < p.end for p, _ in roles)
    ]
    if not separators:
        return after_priors if after_priors > low else low
    words = [m.start() for m in places.place_words(piece)]
    thing = places.first_thing(piece)
    if thing is not None:
        words.append(thing)
    first_word = after_priors + min(words) if words else high
    before_word = [s for s in separators if s < first_word]
    return before_word[-1] if before_word else separators[0]


def _same_again(last: SizeMention, mention: SizeMention, between: str) -> bool:
    if mention.widths == last.widths and re.fullmatch(r"\s*[(\[]?\s*", between):
        return True
    return bool(_SAME_AGAIN.fullmatch(between)) and (
        mention.short_axis or bool(_AXIS_WORDS.search(between))
    )
