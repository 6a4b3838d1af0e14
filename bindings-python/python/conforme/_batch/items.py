"""What one task validates: a source and a schema, normalised on the client.

Strings are kept as they are (paths today; URLs and catalogue references are handed to the
binding unchanged), ``os.PathLike`` becomes its path text, dicts are sent as dicts. A compiled
``conforme.Schema`` cannot travel to other processes, so it is refused with a clear message.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from dataclasses import dataclass
import re
from typing import Any, Iterable, Iterator, List, Mapping, Optional, Tuple, Union

from .._conforme import Schema
from .package import is_package

SchemaSpec = Union[str, Mapping[str, Any], None]
"""A schema as sent to workers: its path/URL/reference text, its descriptor, or ``None``
for a Data Package (its descriptor names the schemas of its resources)."""


@dataclass(frozen=True)
class Item:
    """One (source, schema) pair to validate, with the key that identifies it in reports and
    the texts that name it in results (as the user wrote them)."""

    index: int
    source: str
    schema: SchemaSpec
    source_label: str
    schema_label: str
    key: str

    def located(self) -> "Item":
        """The item with relative paths that exist here made absolute (the workers of a
        remote cluster have another working directory; other texts are left as they are)."""
        schema = _absolute(self.schema) if isinstance(self.schema, str) else self.schema
        return dataclasses.replace(self, source=_absolute(self.source), schema=schema)


def _absolute(text: str) -> str:
    if os.path.isabs(text) or not os.path.exists(text):
        return text
    return os.path.abspath(text)


def schema_label(schema: SchemaSpec) -> str:
    """How a schema is shown in the summary: its text, ``<dict: name>`` for a descriptor,
    ``<datapackage>`` for a package's own schemas."""
    if schema is None:
        return "<datapackage>"
    if isinstance(schema, str):
        return schema
    name = schema.get("name") or schema.get("title")
    return f"<dict: {name}>" if name else "<dict>"


def schema_key(schema: SchemaSpec) -> str:
    """A stable text for a schema: the string itself, or the descriptor's canonical JSON."""
    if schema is None:
        return ""
    if isinstance(schema, str):
        return schema
    return json.dumps(schema, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def item_key(source: str, schema: SchemaSpec) -> str:
    """The identity of a (source, schema) pair across runs (used to resume)."""
    text = json.dumps([source, schema_key(schema)], ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _text(value: Any, what: str, position: int) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, os.PathLike):
        return str(os.fspath(value))
    raise TypeError(
        f"item {position}: the {what} must be a path (str or os.PathLike), a URL or a catalogue "
        f"reference; got {type(value).__name__}"
    )


def _schema(value: Any, source: str, position: int) -> SchemaSpec:
    if value is None:
        if is_package(source):
            return None
        raise TypeError(
            f"item {position}: no schema for {source}; only a Data Package "
            "(datapackage.json) is validated without one"
        )
    if isinstance(value, Schema):
        raise TypeError(
            f"item {position}: a compiled conforme.Schema cannot be sent to Dask workers; pass "
            "the schema's path, URL, catalogue reference or descriptor dict (workers compile "
            "and cache it themselves)"
        )
    if isinstance(value, Mapping):
        return dict(value)
    return _text(value, "schema", position)


_ALL_VERSIONS = re.compile(r"^([\w.-]+/[\w.-]+)@all$")


def _versions(spec: SchemaSpec, remote: Mapping[str, Any]) -> List[SchemaSpec]:
    """``org/name@all`` → one pinned reference per published version (oldest first, from
    the catalogue); any other schema → itself."""
    if not isinstance(spec, str):
        return [spec]
    match = _ALL_VERSIONS.match(spec)
    if match is None:
        return [spec]
    from ..catalog import show

    entry = show(match.group(1), **remote)
    return [f"{match.group(1)}@{v['version_name']}" for v in entry.get("versions", [])]


def normalise(
    items: Iterable[Tuple[Any, Any]], remote: Optional[Mapping[str, Any]] = None
) -> Iterator[Item]:
    """Yields each distinct (source, schema) pair once, in the given order, lazily; a
    catalogue reference ``org/name@all`` becomes one pair per published version (the
    catalogue is read with ``remote``: ``catalog``, ``cache_dir``, ``offline``…).

    Raises ``TypeError`` for an item that is not a pair or holds an unusable type, and
    ``SchemaError`` when an ``@all`` reference is not in the catalogue.
    """
    remote = dict(remote or {})
    seen: set[str] = set()
    for position, pair in enumerate(items):
        try:
            source, schema = pair
        except (TypeError, ValueError):
            raise TypeError(
                f"item {position}: expected a (source, schema) pair; got {pair!r}"
            ) from None
        source_text = _text(source, "source", position)
        for spec in _versions(_schema(schema, source_text, position), remote):
            key = item_key(source_text, spec)
            if key in seen:
                continue
            seen.add(key)
            yield Item(len(seen) - 1, source_text, spec, source_text, schema_label(spec), key)
