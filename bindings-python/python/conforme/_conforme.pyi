"""Type stubs of the native module ``conforme._conforme`` (re-exported by ``conforme``)."""

import os
from typing import IO, Any, Dict, Iterator, List, Optional, Tuple, TypedDict, Union, final, overload

__all__ = [
    "run_cli",
    "ErrorIterator",
    "iter_errors",
    "fix",
    "Error",
    "Report",
    "PackageReport",
    "is_package_descriptor",
    "language",
    "Stats",
    "Schema",
    "validate",
    "catalog_list",
    "catalog_search",
    "catalog_show",
    "__version__",
]

__version__: str

_SourceLike = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview, IO[bytes]]
_SchemaLike = Union[str, "os.PathLike[str]", "dict[str, Any]", "Schema"]
_Dir = Union[str, "os.PathLike[str]"]

@final
class Schema:
    """A schema (a Table Schema, or a JSON Schema for JSON documents), loaded and compiled
    once; reuse it for many files and threads."""

    @staticmethod
    def from_path(path: Union[str, "os.PathLike[str]"]) -> Schema: ...
    @staticmethod
    def from_dict(descriptor: "dict[str, Any]") -> Schema: ...
    @staticmethod
    def from_bytes(data: bytes) -> Schema: ...
    @staticmethod
    def from_url(
        url: str,
        *,
        cache_dir: Optional[_Dir] = None,
        offline: bool = False,
        timeout: Optional[float] = None,
        cache_ttl: Optional[float] = None,
    ) -> Schema: ...
    @staticmethod
    def from_catalog(
        reference: str,
        *,
        catalog: Optional[str] = None,
        cache_dir: Optional[_Dir] = None,
        offline: bool = False,
        timeout: Optional[float] = None,
        cache_ttl: Optional[float] = None,
    ) -> Schema: ...
    def check(self, *, lang: str = "fr") -> Report: ...
    @property
    def field_names(self) -> List[str]: ...
    @property
    def kind(self) -> str: ...

@final
class Error:
    """One error or warning (immutable)."""

    @property
    def type(self) -> str: ...
    @property
    def row(self) -> Optional[int]: ...
    @property
    def line(self) -> Optional[int]: ...
    @property
    def field_number(self) -> Optional[int]: ...
    @property
    def field_name(self) -> Optional[str]: ...
    @property
    def cell(self) -> Optional[str]: ...
    @property
    def message(self) -> str: ...
    @property
    def params(self) -> "dict[str, Any]": ...
    @property
    def byte(self) -> Optional[int]: ...
    def to_dict(self) -> "dict[str, Any]": ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Stats:
    """Counts and facts about the validated input (immutable)."""

    @property
    def rows(self) -> int: ...
    @property
    def fields(self) -> int: ...
    @property
    def bytes(self) -> int: ...
    @property
    def encoding(self) -> str: ...
    @property
    def delimiter(self) -> str: ...
    @property
    def error_count(self) -> int: ...
    @property
    def warning_count(self) -> int: ...
    @property
    def truncated(self) -> bool: ...
    @property
    def error_types(self) -> "dict[str, int]": ...
    @property
    def seconds(self) -> float: ...

@final
class Report:
    """The outcome of a validation (immutable)."""

    @property
    def valid(self) -> bool: ...
    @property
    def stats(self) -> Stats: ...
    @property
    def errors(self) -> List[Error]: ...
    @property
    def warnings(self) -> List[Error]: ...
    def to_dict(self) -> "dict[str, Any]": ...
    def to_json(self, indent: Optional[int] = None) -> str: ...
    def to_frictionless(self) -> "dict[str, Any]": ...
    def summary(self) -> "dict[str, Any]": ...
    def raise_for_errors(self) -> None: ...
    def to_pandas(self) -> Any: ...
    def to_polars(self) -> Any: ...

@final
class PackageReport:
    """A Data Package's outcome: one Report per resource (immutable)."""

    @property
    def valid(self) -> bool: ...
    @property
    def resources(self) -> List[Tuple[str, str, Report]]: ...
    @property
    def seconds(self) -> float: ...
    def to_dict(self) -> "dict[str, Any]": ...
    def to_json(self, indent: Optional[int] = None) -> str: ...

@final
class ErrorIterator(Iterator[Error]):
    """Errors produced while the input is read (see ``iter_errors``)."""

    def __iter__(self) -> ErrorIterator: ...
    def __next__(self) -> Error: ...

@overload
def validate(
    source: _SourceLike,
    schema: _SchemaLike,
    *,
    valid_rows: Optional[_Dir] = None,
    invalid_rows: Optional[_Dir] = None,
    max_errors: Optional[int] = None,
    encoding: Optional[str] = None,
    lang: str = "fr",
    threads: Optional[int] = None,
    profile: Optional[str] = None,
    delimiter: Optional[str] = None,
    header: bool = True,
    ignore_header_case: bool = False,
    skip_checks: Optional[List[str]] = None,
    pick_errors: Optional[List[str]] = None,
    skip_errors: Optional[List[str]] = None,
    dialect: Optional[Dict[str, Any]] = None,
    mask_cells: bool = False,
    sheet: Optional[Union[str, int]] = None,
    zip_member: Optional[str] = None,
    chunk_size: Optional[int] = None,
    max_record_bytes: Optional[int] = None,
    keep_rows: Optional[int] = None,
    draft: Optional[str] = None,
    schema_dirs: Optional[List[_Dir]] = None,
    assert_formats: bool = True,
    catalog: Optional[str] = None,
    cache_dir: Optional[_Dir] = None,
    offline: bool = False,
    timeout: Optional[float] = None,
    cache_ttl: Optional[float] = None,
) -> Report: ...
@overload
def validate(
    source: _SourceLike,
    schema: None = None,
    *,
    max_errors: Optional[int] = None,
    encoding: Optional[str] = None,
    lang: str = "fr",
    threads: Optional[int] = None,
    profile: Optional[str] = None,
    delimiter: Optional[str] = None,
    header: bool = True,
    ignore_header_case: bool = False,
    skip_checks: Optional[List[str]] = None,
    pick_errors: Optional[List[str]] = None,
    skip_errors: Optional[List[str]] = None,
    dialect: Optional[Dict[str, Any]] = None,
    mask_cells: bool = False,
    sheet: Optional[Union[str, int]] = None,
    zip_member: Optional[str] = None,
    chunk_size: Optional[int] = None,
    max_record_bytes: Optional[int] = None,
    keep_rows: Optional[int] = None,
    draft: Optional[str] = None,
    schema_dirs: Optional[List[_Dir]] = None,
    assert_formats: bool = True,
    catalog: Optional[str] = None,
    cache_dir: Optional[_Dir] = None,
    offline: bool = False,
    timeout: Optional[float] = None,
    cache_ttl: Optional[float] = None,
) -> Union[Report, PackageReport]: ...
def iter_errors(
    source: _SourceLike,
    schema: Optional[_SchemaLike] = None,
    *,
    max_errors: Optional[int] = None,
    encoding: Optional[str] = None,
    lang: str = "fr",
    threads: Optional[int] = None,
    profile: Optional[str] = None,
    delimiter: Optional[str] = None,
    header: bool = True,
    ignore_header_case: bool = False,
    skip_checks: Optional[List[str]] = None,
    pick_errors: Optional[List[str]] = None,
    skip_errors: Optional[List[str]] = None,
    dialect: Optional[Dict[str, Any]] = None,
    mask_cells: bool = False,
    sheet: Optional[Union[str, int]] = None,
    zip_member: Optional[str] = None,
    chunk_size: Optional[int] = None,
    max_record_bytes: Optional[int] = None,
    keep_rows: Optional[int] = None,
    draft: Optional[str] = None,
    schema_dirs: Optional[List[_Dir]] = None,
    assert_formats: bool = True,
    catalog: Optional[str] = None,
    cache_dir: Optional[_Dir] = None,
    offline: bool = False,
    timeout: Optional[float] = None,
    cache_ttl: Optional[float] = None,
) -> ErrorIterator: ...
class _FixSummary(TypedDict):
    """What ``fix`` did."""

    rows: int
    changes: int
    by_rule: Dict[str, int]
    reordered: bool

def fix(
    source: _SourceLike,
    schema: _SchemaLike,
    output: _Dir,
    *,
    log: Optional[_Dir] = None,
    closest_enum: bool = False,
    swap_coordinates: bool = False,
    catalog: Optional[str] = None,
    cache_dir: Optional[_Dir] = None,
    offline: bool = False,
    timeout: Optional[float] = None,
    cache_ttl: Optional[float] = None,
    **options: Any,
) -> _FixSummary: ...
def is_package_descriptor(path: Union[str, "os.PathLike[str]"]) -> bool: ...
def language(tag: Optional[str] = None) -> str:
    """The language of the messages, ``"fr"`` or ``"en"``, by the ``conforme`` command's rule:
    ``tag`` as ``--lang`` reads it (``"en"``, ``"fr_FR.UTF-8"``), else the locale (the first of
    ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` that is set: English when it names English), else
    French. An unknown ``tag`` raises ``ValueError``.

    >>> import conforme
    >>> conforme.language("en_GB.UTF-8")
    'en'
    """
def run_cli(argv: List[str]) -> int: ...
def catalog_list(
    kind: Optional[str] = None,
    *,
    catalog: Optional[str] = None,
    cache_dir: Optional[_Dir] = None,
    offline: bool = False,
    timeout: Optional[float] = None,
    cache_ttl: Optional[float] = None,
) -> List[Dict[str, Any]]: ...
def catalog_search(
    words: str,
    *,
    catalog: Optional[str] = None,
    cache_dir: Optional[_Dir] = None,
    offline: bool = False,
    timeout: Optional[float] = None,
    cache_ttl: Optional[float] = None,
) -> List[Dict[str, Any]]: ...
def catalog_show(
    name: str,
    *,
    catalog: Optional[str] = None,
    cache_dir: Optional[_Dir] = None,
    offline: bool = False,
    timeout: Optional[float] = None,
    cache_ttl: Optional[float] = None,
) -> Dict[str, Any]: ...
