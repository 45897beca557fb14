"""No network, anywhere: the guard every test runs under (tests/conftest.py) refuses internet
sockets and name lookups, and every command-line flow runs under it without reaching for one."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from tests.conftest import NetworkGuard, NetworkUsed
from tests.safety.flows import every_flow


def test_the_guard_refuses_the_internet_and_allows_local_sockets(
    no_network: NetworkGuard,
) -> None:
    with pytest.raises(NetworkUsed):
        socket.socket()
    with pytest.raises(NetworkUsed):
        socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    with pytest.raises(NetworkUsed):
        socket.create_connection(("example.org", 443))
    with pytest.raises(NetworkUsed):
        socket.getaddrinfo("example.org", 443)
    assert len(no_network.attempts) == 4
    # The attempts above were the test's own; the guard would fail it for them otherwise.
    no_network.attempts.clear()
    left, right = socket.socketpair(socket.AF_UNIX)
    with left, right:
        left.sendall(b"local")
        assert right.recv(5) == b"local"
    assert no_network.attempts == []


def test_no_flow_reaches_for_the_network(no_network: NetworkGuard, tmp_path: Path) -> None:
    every_flow(tmp_path)
    assert no_network.attempts == []
