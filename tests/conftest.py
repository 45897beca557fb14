"""Fixtures shared by every test: each test gets its own folders, never the person's own."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn

import pytest
from hypothesis import HealthCheck, settings

# Tests run on Qt's offscreen platform unless told otherwise, so they need no screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

settings.register_profile(
    "default",
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
# A deeper run, for now and then (README, "Tests"): every property test without its own count
# tries 500 examples, and the explanation test 10,000 histories.
settings.register_profile("long", parent=settings.get_profile("default"), max_examples=500)
settings.load_profile("default")


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point the data and config folders at a fresh temporary folder for every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("SURVIVOR_APP_HOME", str(home))
    monkeypatch.delenv("SURVIVOR_APP_RECORD", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))
    return home


@pytest.fixture
def record_path(tmp_path: Path) -> Path:
    """A path for a new record in this test's own folder."""
    return tmp_path / "test.survivor"


class NetworkUsed(AssertionError):
    """Raised where the app reached for the network, which it never may (SPEC §7)."""


class NetworkGuard:
    """What a test tried to reach on the network; any attempt fails the test."""

    def __init__(self) -> None:
        self.attempts: list[str] = []

    def refuse(self, what: str) -> NoReturn:
        self.attempts.append(what)
        raise NetworkUsed(f"the app tried to use the network: {what}")


_NETWORK_FAMILIES = (socket.AF_INET, socket.AF_INET6)


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[NetworkGuard]:
    """Refuse every internet socket, connection and name lookup, and fail the test that tried
    one, even where the app caught the error. Local (AF_UNIX) sockets stay allowed."""
    guard = NetworkGuard()
    original_init = socket.socket.__init__

    def open_socket(
        self: socket.socket, family: Any = -1, type: Any = -1, proto: int = -1, fileno: Any = None
    ) -> None:
        # -1 is Python's default family, AF_INET; a socket made from a descriptor keeps its own.
        if fileno is None and family in (-1, *_NETWORK_FAMILIES):
            guard.refuse(f"a socket of family {family!r}")
        original_init(self, family, type, proto, fileno)

    original_connect, original_connect_ex = socket.socket.connect, socket.socket.connect_ex

    def connect(self: socket.socket, address: Any) -> None:
        if self.family in _NETWORK_FAMILIES:
            guard.refuse(f"a connection to {address!r}")
        original_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        if self.family in _NETWORK_FAMILIES:
            guard.refuse(f"a connection to {address!r}")
        return original_connect_ex(self, address)

    def refused(what: str) -> Any:
        def call(*args: object, **kwargs: object) -> NoReturn:
            guard.refuse(f"{what}{args!r}")

        return call

    monkeypatch.setattr(socket.socket, "__init__", open_socket)
    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    for name in ("create_connection", "getaddrinfo", "gethostbyname"):
        monkeypatch.setattr(socket, name, refused(name))
    yield guard
    if guard.attempts:
        pytest.fail(f"The test reached for the network: {guard.attempts}")
