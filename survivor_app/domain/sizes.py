"""Sizes as whole tenths of a millimetre: the rule of what a size can be (0 to 500 mm, in
tenths), reading sizes from what a person types and writing them back in millimetres, without
binary floating point."""

from __future__ import annotations

import re
from decimal import Decimal

from survivor_app.domain.model import MAX_SIZE_TENTHS, TENTHS_PER_MM
from survivor_app.domain.rules import Problem, ProblemCode

#: Tenths of a millimetre in one of each unit a size is written in.
_TENTHS_PER_UNIT = {"mm": TENTHS_PER_MM, "cm": TENTHS_PER_MM * 10}
#: The finest step and the largest size in each unit, exact.
_STEP = {unit: Decimal(1) / factor for unit, factor in _TENTHS_PER_UNIT.items()}
_LARGEST = {unit: Decimal(MAX_SIZE_TENTHS) / factor for unit, factor in _TENTHS_PER_UNIT.items()}
#: The finest step of each unit, as a person reads it.
#: A size as people type it: decimal digits (of any script: a full-width or Arabic keyboard types
#: sizes too) with at most one decimal point, a comma being read as one; nothing else. Python's
#: Decimal alone would also read "2_3" as 23, "5e1" as 50, "+5" and "nan": none of them is what
#: a person means by a size.
_TYPED_SIZE = re.compile(r"(?:\d+(?:\.\d*)?|\.\d+)")
NOT_A_NUMBER = "Please enter a number, such as 23.5."
_STEP_WORDS = {"mm": ("0.1 mm", "one decimal"), "cm": ("0.01 cm", "two decimals")}


class SizeError(ValueError):
    """A size that cannot be accepted; the message is a sentence for the person."""


def check_size(value: Decimal, field: str, *, unit: str = "mm") -> Problem | None:
    """Why ``value`` (in ``mm`` or ``cm``) cannot be a size, or None: it must be a number from 0
    to 500 mm, in whole tenths of a millimetre."""
    if not value.is_finite():
        return Problem(field, ProblemCode.NOT_A_NUMBER, NOT_A_NUMBER, "is not a number")
    # Only exact steps until the size is known to be in range and whole: multiplying first
    # would round a number longer than 28 digits (23.500…01 mm read as 23.5) or overflow on
    # an exponent such as 1e999999999. Comparisons and quantize never round what they check.
    if value < 0:
        return Problem(field, ProblemCode.BELOW_ZERO, "A size cannot be below 0.", "is below 0")
    largest = _LARGEST[unit]
    if value > largest:
        return Problem(
            field,
            ProblemCode.ABOVE_LARGEST,
            "A size must be 500 mm (50 cm) or less.",
            f"is above {largest}",
        )
    if value.quantize(_STEP[unit]) != value:
        step, decimals = _STEP_WORDS[unit]
        return Problem(
            field,
            ProblemCode.FINER_THAN_A_STEP,
            f"Please give the size to the nearest {step}.",
            f"has more than {decimals}",
        )
    return None


def tenths_from_decimal(value: Decimal, *, unit: str = "mm") -> int:
    """Whole tenths of a millimetre from a size in ``mm`` or ``cm``.

    Raises SizeError when the size is negative, above 500 mm, or finer than a tenth of a mm.
    """
    problem = check_size(value, "size", unit=unit)
    if problem is not None:
        raise SizeError(problem.sentence)
    return int(value.quantize(_STEP[unit]) * _TENTHS_PER_UNIT[unit])


def tenths_from_text(text: str, *, unit: str = "mm") -> int:
    """Whole tenths of a millimetre from typed text such as ``23.5`` or ``2,35`` (in cm)."""
    cleaned = text.strip().replace(",", ".")
    if not cleaned:
        raise SizeError("Please enter a size.")
    if cleaned.startswith("-") and _TYPED_SIZE.fullmatch(cleaned[1:]):
        raise SizeError("A size cannot be below 0.")
    if not _TYPED_SIZE.fullmatch(cleaned):
        raise SizeError(NOT_A_NUMBER)
    return tenths_from_decimal(Decimal(cleaned), unit=unit)


def mm_text(tenths: int) -> str:
    """A size for people to read: ``23.5 mm``, ``40 mm``."""
    whole, tenth = divmod(tenths, TENTHS_PER_MM)
    return f"{whole} mm" if tenth == 0 else f"{whole}.{tenth} mm"


def mm_number(tenths: int) -> float:
    """A size in millimetres for JSON and plots; exact to one decimal when printed."""
    return tenths / TENTHS_PER_MM
