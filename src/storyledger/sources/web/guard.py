"""No requests to loopback, private, link-local or other non-public addresses unless allowed.

The check runs where the connection is made, on the address actually connected to, so neither a
redirect nor a DNS answer that changes between a check and the connection can get around it.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable
from typing import Any

import httpcore

Resolver = Callable[[str, int], list[str]]


class BlockedAddress(Exception):
    """A host resolves to an address the settings do not allow."""

    def __init__(self, host: str, address: str, kind: str) -> None:
        super().__init__(f"{host} resolves to {address}, a {kind} address: not fetched without --allow-local")
        self.host, self.address, self.kind = host, address, kind


def system_resolver(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def address_kind(address: str) -> str | None:
    """Why an address is not public ("loopback", "private"...), or None when it is."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for kind in ("loopback", "link_local", "unspecified", "multicast", "private", "reserved"):
        if getattr(ip, f"is_{kind}"):
            return kind.replace("_", "-")
    return None if ip.is_global else "non-public"


class GuardedBackend(httpcore.NetworkBackend):
    """httpcore's network backend, connecting only to addresses the policy allows. TLS still
    checks the certificate against the host name: httpcore passes it to start_tls separately."""

    def __init__(self, allow_local: bool, resolver: Resolver = system_resolver) -> None:
        self._inner = httpcore.SyncBackend()
        self._allow_local = allow_local
        self._resolve = resolver

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        try:
            addresses = self._resolve(host, port)
        except OSError as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc
        if not self._allow_local:
            # Every answer is checked: a name that resolves to one public and one private address
            # could otherwise be steered to the private one.
            for address in addresses:
                kind = address_kind(address)
                if kind:
                    raise BlockedAddress(host, address, kind)
        error: Exception = httpcore.ConnectError(f"no address for {host}")
        for address in addresses:
            try:
                return self._inner.connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:
                error = exc
        raise error

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)
