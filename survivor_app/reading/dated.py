"""Sizes of one sentence each written with its own date: "Liver lesion, 15 mm on 2/3/2025 and
11 mm on 5/6/2024". The latest date's size is today's and the others earlier ones; when the
dates cannot be ordered, no size is proposed."""

from __future__ import annotations

import re

from survivor_app.reading.numbers import SizeMention
from survivor_app.reading.tables import dates_of, surely_later

_I = re.IGNORECASE | re.ASCII  # ASCII: faster, and reports are read in English
#: A date right after a size, in the blanked sentence (dates are ``#``): "15 mm on 2/3/2025",
#: "11 mm (in March 2024)".
_DATE_AFTER = re.compile(
    r"\s*+(?:,\s*+)?(?:\(\s*+)?(?:on|of|from|dated|in)\s++((?:[a-z]{3,9}\.?\s++)?#++)", _I
)


def dated_roles(
    sentence: str, blanked: str, roles: list[tuple[SizeMention, bool]]
) -> list[tuple[SizeMention, bool]]:
    """The roles of a sentence's sizes, told by their dates when two or more sizes each have
    one; otherwise as they were."""
    if len(roles) < 2:
        return roles
    dated: list[tuple[tuple[int, int, int], ...]] = []
    for mention, _ in roles:
        after = _DATE_AFTER.match(blanked, mention.end)
        meanings = dates_of(sentence[after.start(1) : after.end(1)]) if after else ()
        if not meanings:
            return roles
        dated.append(meanings)
    for index, mine in enumerate(dated):
        others = [theirs for other, theirs in enumerate(dated) if other != index]
        if all(surely_later(a, b) for meanings in others for a in mine for b in meanings):
            return [(mention, other != index) for other, (mention, _) in enumerate(roles)]
    return []  # dates that cannot be ordered: no size is surely today's
