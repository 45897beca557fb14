"""Fixtures for the dialog tests: one person, one cancer with spots and a scan, British dates."""

from __future__ import annotations

import datetime as dt

import pytest

from survivor_app.domain import (
    Area,
    Cancer,
    CancerHistory,
    Measurement,
    Person,
    Scan,
    ScanKind,
    Spot,
)


@pytest.fixture(autouse=True)
def british_dates(uk_dates: None) -> None:
    """Every dialog test reads dates dd/MM/yyyy and decimals with a point (see ``uk_dates``)."""


@pytest.fixture
def person() -> Person:
    """A person born in 1961."""
    return Person("Ana Example", birth_date=dt.date(1961, 4, 9))


@pytest.fixture
def cancer() -> Cancer:
    """A breast cancer diagnosed in 2022."""
    return Cancer("cancer-1", "Breast cancer", "left breast", dt.date(2022, 1, 20))


@pytest.fixture
def spots(cancer: Cancer) -> tuple[Spot, ...]:
    """The tumour where it started, a nearby lymph node and a spot in the liver."""
    return (
        Spot("spot-1", cancer.id, "Breast tumour", Area.PRIMARY, False, "left breast"),
        Spot("spot-2", cancer.id, "Armpit node", Area.REGIONAL_NODE, True, "left axilla"),
        Spot("spot-3", cancer.id, "Liver spot A", Area.DISTANT, False, "liver"),
    )


@pytest.fixture
def first_scan(cancer: Cancer) -> Scan:
    """The MRI that found the tumour and the node."""
    return Scan(
        "scan-1",
        cancer.id,
        dt.date(2022, 1, 25),
        ScanKind.MRI,
        (Measurement("spot-1", 320), Measurement("spot-2", 180, uncertain=True)),
        facility="City Hospital",
        notes="Mass in the left breast.",
    )


@pytest.fixture
def history(cancer: Cancer, spots: tuple[Spot, ...], first_scan: Scan) -> CancerHistory:
    """The cancer with its three spots and its first scan."""
    return CancerHistory(cancer, spots, (first_scan,))
