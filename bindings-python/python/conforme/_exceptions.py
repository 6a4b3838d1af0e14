"""Exceptions raised by conforme (the native module imports these classes to raise them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._conforme import Report

__all__ = ["ConformeError", "SchemaError", "SourceError", "ValidationFailed"]


class ConformeError(Exception):
    """Base class of every error conforme raises."""


class SchemaError(ConformeError, ValueError):
    """The schema cannot be used: unreadable file, invalid JSON/YAML, or an invalid descriptor.

    The message says where (a JSON pointer such as ``/fields/3/type``) and what to change.
    """


class SourceError(ConformeError, OSError):
    """The data cannot be read as a table: missing file, empty file, binary file, broken CSV.

    Invalid *data* is not an exception: it is a report whose ``valid`` is ``False``.
    """


class ValidationFailed(ConformeError):
    """Raised by ``Report.raise_for_errors()`` when the data is invalid.

    The report is available as ``.report``.
    """

    report: Report

    def __init__(self, message: str, report: Report) -> None:
        super().__init__(message)
        self.report = report


# Shown as `conforme.SchemaError` (where users import them from), not the private module.
for _cls in (ConformeError, SchemaError, SourceError, ValidationFailed):
    _cls.__module__ = "conforme"
del _cls
