"""The store's exceptions: one base class, so a caller can catch them all."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = [
    "MissingDependencyError",
    "RunActiveError",
    "SchemaVersionError",
    "StoreError",
    "UnknownVersionError",
]


class StoreError(RuntimeError):
    """Something is wrong with the database or with how it is used."""


class SchemaVersionError(StoreError):
    """The database was made by a newer (or unknown) version of the store's schema."""


class RunActiveError(StoreError):
    """An exclusive run was asked for while another run of the same model version is active."""


class MissingDependencyError(StoreError, ImportError):
    """An optional dependency needed for this database is not installed."""


class UnknownVersionError(StoreError, ValueError):
    """A model version of which the database holds no score (mistyped, or another database's).

    ``held`` maps each version the database holds scores of to how many articles it scored;
    ``reason`` is the message without the version, as the command line puts it after its
    ``--model-version`` flag.
    """

    def __init__(self, model_version: str, held: Mapping[str, int]) -> None:
        self.model_version = model_version
        self.held = dict(held)
        listed = ", ".join(f"{v} ({n:,} articles)" for v, n in self.held.items()) or "none"
        self.reason = f"the database holds no scores of that version; it holds {listed}"
        super().__init__(f"model version {model_version!r}: {self.reason}")

    def __reduce__(self) -> tuple[Any, ...]:  # raised again in another process: same error
        return (type(self), (self.model_version, self.held))
