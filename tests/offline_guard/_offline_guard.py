"""Offline guard: any connection or DNS lookup beyond loopback raises and is recorded.

Imported by conftest for the test process, and loaded into child processes the
tests start (the rag CLI, servers) through ``sitecustomize.py`` in this folder:
put this folder on PYTHONPATH (see ``guarded_env()`` in conftest).
"""

from __future__ import annotations

import ipaddress
import socket

_VIOLATIONS: list[str] = []
_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_getaddrinfo = socket.getaddrinfo


def _is_local(host) -> bool:
    if host in ("localhost", "", None):
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


def _check(sock, address):
    if sock.family == getattr(socket, "AF_UNIX", None):
        return
    host = address[0] if isinstance(address, tuple) else address
    if not _is_local(host):
        _VIOLATIONS.append(f"connect to {address!r}")
        raise RuntimeError(f"network access to {address!r} is blocked in tests: newsrag must work offline")


def _guarded_connect(self, address):
    _check(self, address)
    return _real_connect(self, address)


def _guarded_connect_ex(self, address):
    _check(self, address)
    return _real_connect_ex(self, address)


def _guarded_getaddrinfo(host, *args, **kwargs):
    if isinstance(host, bytes):
        host = host.decode()
    if not _is_local(host):
        _VIOLATIONS.append(f"DNS lookup of {host!r}")
        raise socket.gaierror(f"DNS lookup of {host!r} is blocked in tests: newsrag must work offline")
    return _real_getaddrinfo(host, *args, **kwargs)


socket.socket.connect = _guarded_connect
socket.socket.connect_ex = _guarded_connect_ex
socket.getaddrinfo = _guarded_getaddrinfo
