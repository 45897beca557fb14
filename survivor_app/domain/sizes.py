"""Sizes as whole tenths of a millimetre: reading them from what a person types and writing
them back in millimetres, without binary floating point."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from survivor_app.domain.model import MAX_SIZE_TENTHS, TENTHS_PER_MM


class SizeError(ValueError):
    """A size that cannot be accepted; the message is a sentence for the person."""


def tenths_from_decimal(value: Decimal, *, unit: str = "mm") -> int:
    """Whole tenths of a millimetre from a size in ``mm`` or ``cm``.

    Raises SizeError when the size is negative, above 500 mm, or finer than a tenth of a mm.
    """
    if not value.is_finite():
        raise SizeError("Please enter a number.")
    factor = {"mm": TENTHS_PER_MM, "cm": TENTHS_PER_MM * 10}[unit]
    # Only exact steps until the size is known to be in range and whole: multiplying first
    # would round a number longer than 28 digits (23.500…01 mm read as 23.5) or overflow on
    # an exponent such as 1e999999999. Comparisons and quantize never round what they check.
    if value < 0:
        raise SizeError("A size cannot be below 0.")
    if value > Decimal(MAX_SIZE_TENTHS) / factor:
        raise SizeError("A size must be 500 mm (50 cm) or less.")
    steps = value.quantize(Decimal(1) / factor)
    if steps != value:
        step = "0.1 mm" if unit == "mm" else "0.01 cm"
        raise SizeError(f"Please give the size to the nearest {step}.")
    return int(steps * factor)


def tenths_from_text(text: str, *, unit: str = "mm") -> int:
    """Whole tenths of a millimetre from typed text such as ``23.5`` or ``2,35`` (in cm)."""
    cleaned = text.strip().replace(",", ".")
    if not cleaned:
        raise SizeError("Please enter a size.")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise SizeError("Please enter a number, such as 23.5.") from None
    return tenths_from_decimal(value, unit=unit)


def mm_text(tenths: int) -> str:
    """A size for people to read: ``23.5 mm``, ``40 mm``."""
    whole, tenth = divmod(tenths, TENTHS_PER_MM)
    return f"{whole} mm" if tenth == 0 else f"{whole}.{tenth} mm"


def mm_number(tenths: int) -> float:
    """A size in millimetres for JSON and plots; exact to one decimal when printed."""
    return tenths / TENTHS_PER_MM
