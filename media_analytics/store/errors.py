"""The store's exceptions: one base class, so a caller can catch them all."""

from __future__ import annotations

__all__ = [
    "MissingDependencyError",
    "RunActiveError",
    "SchemaVersionError",
    "StoreError",
]


class StoreError(RuntimeError):
    """Something is wrong with the database or with how it is used."""


class SchemaVersionError(StoreError):
    """The database was made by a newer (or unknown) version of the store's schema."""


class RunActiveError(StoreError):
    """An exclusive run was asked for while another run of the same model version is active."""


class MissingDependencyError(StoreError, ImportError):
    """An optional dependency needed for this database is not installed."""
