"""The schema catalogue: schema.data.gouv.fr's ``schemas.json`` (or a mirror's).

>>> import conforme
>>> [e["name"] for e in conforme.catalog.search("bornes recharge")]  # doctest: +SKIP
['etalab/schema-irve-statique', 'etalab/schema-irve-dynamique']

Every function takes the same keyword arguments as ``conforme.Schema.from_catalog``:
``catalog`` (a ``schemas.json`` address, a site serving one, or a local file; default
``$CONFORME_CATALOG``, else schema.data.gouv.fr), ``cache_dir``, ``offline`` and
``timeout``. The catalogue is cached on disk like schemas are.
"""

from __future__ import annotations

import os
from typing import Any, Dict, List, Optional, Union

from ._conforme import catalog_list, catalog_search, catalog_show

__all__ = ["list", "search", "show"]

_Dir = Union[str, "os.PathLike[str]"]


def list(  # noqa: A001 (conforme.catalog.list reads naturally)
    kind: Optional[str] = None,
    *,
    catalog: Optional[str] = None,
    cache_dir: Optional[_Dir] = None,
    offline: bool = False,
    timeout: Optional[float] = None,
    cache_ttl: Optional[float] = None,
) -> List[Dict[str, Any]]:
    """Every schema of the catalogue (``kind``: ``"tableschema"``, ``"jsonschema"``,
    ``"datapackage"`` or ``"other"`` keeps only that kind), one dict per schema with
    ``name``, ``title``, ``description``, ``schema_type``, ``versions``…"""
    return catalog_list(kind, catalog=catalog, cache_dir=cache_dir, offline=offline, timeout=timeout, cache_ttl=cache_ttl)


def search(
    words: str,
    *,
    catalog: Optional[str] = None,
    cache_dir: Optional[_Dir] = None,
    offline: bool = False,
    timeout: Optional[float] = None,
    cache_ttl: Optional[float] = None,
) -> List[Dict[str, Any]]:
    """Schemas whose name, title, description or labels contain every word of ``words``
    (accents and case ignored), best match first."""
    return catalog_search(words, catalog=catalog, cache_dir=cache_dir, offline=offline, timeout=timeout, cache_ttl=cache_ttl)


def show(
    name: str,
    *,
    catalog: Optional[str] = None,
    cache_dir: Optional[_Dir] = None,
    offline: bool = False,
    timeout: Optional[float] = None,
    cache_ttl: Optional[float] = None,
) -> Dict[str, Any]:
    """One schema's entry (``"org/name"``): its fields plus ``versions`` (oldest first, each
    with its full ``schema_url``) and ``latest``. Unknown names raise ``SchemaError``."""
    return catalog_show(name, catalog=catalog, cache_dir=cache_dir, offline=offline, timeout=timeout, cache_ttl=cache_ttl)
