"""Sizes typed by a person become whole tenths of a millimetre, or a plain refusal."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from survivor_app.domain import (
    MAX_SIZE_TENTHS,
    SizeError,
    mm_text,
    tenths_from_decimal,
    tenths_from_text,
)


@pytest.mark.parametrize(
    ("text", "unit", "tenths"),
    [
        ("23.5", "mm", 235),
        ("40", "mm", 400),
        (" 0 ", "mm", 0),
        ("2,35", "cm", 235),
        ("50", "cm", 5000),
        ("500", "mm", 5000),
        ("25.2", "mm", 252),
    ],
)
def test_accepts_sizes_in_mm_and_cm(text: str, unit: str, tenths: int) -> None:
    assert tenths_from_text(text, unit=unit) == tenths


@pytest.mark.parametrize(
    ("text", "unit", "message"),
    [
        ("", "mm", "Please enter a size."),
        ("abc", "mm", "Please enter a number"),
        ("-4", "mm", "cannot be below 0"),
        ("500.1", "mm", "500 mm (50 cm) or less"),
        ("23.45", "mm", "nearest 0.1 mm"),
        ("2.345", "cm", "nearest 0.01 cm"),
        ("nan", "mm", "Please enter a number, such as 23.5."),
        ("inf", "mm", "Please enter a number, such as 23.5."),
        ("2_3", "mm", "Please enter a number, such as 23.5."),
        ("5e1", "mm", "Please enter a number, such as 23.5."),
        ("1.2.3", "mm", "Please enter a number, such as 23.5."),
        ("-0", "mm", "cannot be below 0"),
    ],
)
def test_refuses_what_is_not_a_size(text: str, unit: str, message: str) -> None:
    with pytest.raises(SizeError, match=re.escape(message)):
        tenths_from_text(text, unit=unit)


@given(st.integers(min_value=0, max_value=MAX_SIZE_TENTHS))
def test_text_round_trips_through_mm_text(tenths: int) -> None:
    shown = mm_text(tenths)
    assert shown.endswith(" mm")
    assert tenths_from_text(shown.removesuffix(" mm")) == tenths


def test_25_2_mm_is_exactly_twenty_percent_above_21_mm() -> None:
    # In binary floating point 100 * (25.2 - 21) / 21 is 19.999999999999996; in tenths it is exact.
    grown, smallest = tenths_from_decimal(Decimal("25.2")), tenths_from_decimal(Decimal("21"))
    assert 100 * (grown - smallest) == 20 * smallest
