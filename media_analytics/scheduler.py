"""The Dask scheduler a job is sent to, checked before any other work.

Kept apart from :mod:`media_analytics.scale`, which imports the whole pipeline and loads a
model before it can score: a wrong ``--scheduler`` address is said at once, not after them.
:func:`probe_scheduler` needs only ``distributed.comm`` (to read the address as Dask does).
"""

from __future__ import annotations

import socket
import struct

__all__ = ["ScaleError", "connect_timeout", "probe_scheduler"]

#: a Dask handshake is a few hundred bytes: a longer announced length is not Dask speaking
_MAX_HANDSHAKE = 1 << 20


class ScaleError(RuntimeError):
    """A distributed run that could not finish (the message says which partitions and why)."""


def connect_timeout() -> float:
    """Dask's own connect timeout (``distributed.comm.timeouts.connect``, 30 s by default)."""
    import dask
    from dask.utils import parse_timedelta

    return float(parse_timedelta(dask.config.get("distributed.comm.timeouts.connect"), "s"))


def probe_scheduler(address: str, timeout: float) -> None:
    """Check that a Dask scheduler answers at a ``tcp://`` address, in at most ``timeout`` s.

    ``distributed.Client`` waits its whole timeout on a refused port, waits for ever on a
    listener that never answers (the dashboard's HTTP port among them), and reads an HTTP
    reply as a frame length (a MemoryError of exabytes). A scheduler speaks first on a new
    connection (its handshake, an 8-byte length and a small message), so one short read
    tells a scheduler from anything else. Other schemes (``tls://``...) are left to Dask.
    """
    from distributed.comm import parse_address, parse_host_port

    scheme, location = parse_address(address)
    if scheme != "tcp":
        return
    host, port = parse_host_port(location, 8786)
    dashboard = "is this the dashboard port? the scheduler's default is 8786"
    try:
        with socket.create_connection((host, port), timeout=timeout) as sock:
            greeting = b""
            while len(greeting) < 8:
                chunk = sock.recv(8 - len(greeting))
                if not chunk:
                    break
                greeting += chunk
    except ConnectionRefusedError:
        raise ScaleError(
            f"nothing listens at {address} (connection refused): is the scheduler running "
            "(dask scheduler) and is this its address?"
        ) from None
    except TimeoutError:
        raise ScaleError(
            f"{address} is not a Dask scheduler: no Dask handshake within {timeout:g} s "
            f"({dashboard})"
        ) from None
    except OSError as exc:
        raise ScaleError(f"cannot reach {address}: {exc.strerror or exc}") from None
    if len(greeting) < 8:
        raise ScaleError(
            f"{address} is not a Dask scheduler: it closed the connection without a Dask "
            f"handshake ({dashboard})"
        )
    (length,) = struct.unpack("<Q", greeting)
    if greeting.startswith(b"HTTP") or not 0 < length <= _MAX_HANDSHAKE:
        what = "an HTTP server" if greeting.startswith(b"HTTP") else "something else"
        raise ScaleError(
            f"{address} is not a Dask scheduler: it answered like {what} ({dashboard})"
        )
