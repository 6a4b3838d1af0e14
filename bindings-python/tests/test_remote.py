"""Schemas, the catalogue and data over HTTP, against a real server on 127.0.0.1 started
here (nothing reaches the internet): catalogue references, pinned and latest versions,
URL data without an extension, the ETag cache, offline mode, and the failures users meet."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import pytest

import conforme

SCHEMA_V1 = {
    "fields": [
        {"name": "code", "type": "string", "constraints": {"required": True, "pattern": "[0-9]{5}"}},
        {"name": "nom", "type": "string"},
    ]
}
# Version 1.1.0 adds a required integer column: files made for 1.0.0 fail it.
SCHEMA_V2 = {
    "fields": SCHEMA_V1["fields"]
    + [{"name": "population", "type": "integer", "constraints": {"required": True}}]
}
DATA_V1 = b"code,nom\n75056,Paris\n69123,Lyon\n"
DATA_V1_BAD = b"code,nom\n75056,Paris\nABCDE,Lyon\n"
HTML = b"<!DOCTYPE html><html><head><title>Communes</title></head><body>Schema page</body></html>"


def catalogue() -> bytes:
    """A schemas.json in schema.data.gouv.fr's format, with relative schema addresses."""
    entry = {
        "name": "test/communes",
        "title": "Communes de test",
        "description": "Liste des communes, pour les tests",
        "schema_type": "tableschema",
        "schema_url": "schemas/test/communes/latest/schema.json",
        "versions": [
            {"version_name": "1.1.0", "schema_url": "schemas/test/communes/1.1.0/schema.json"},
            {"version_name": "1.0.0", "schema_url": "schemas/test/communes/1.0.0/schema.json"},
        ],
        "examples": [],
        "labels": [],
    }
    page = {
        "name": "test/page",
        "title": "Schéma publié comme page web",
        "schema_type": "tableschema",
        "versions": [{"version_name": "1.0.0", "schema_url": "page.html"}],
    }
    json_kind = {
        "name": "test/arbres-json",
        "title": "Arbres (JSON)",
        "schema_type": "jsonschema",
        "versions": [{"version_name": "0.1.0", "schema_url": "arbres.json"}],
    }
    return json.dumps({"version": 1, "schemas": [entry, page, json_kind]}).encode()


@dataclass
class Route:
    """One canned answer."""

    body: bytes
    content_type: Optional[str] = "application/json"
    status: int = 200
    etag: Optional[str] = None
    delay: float = 0.0


@dataclass
class Server:
    """The running server: its routes (editable between requests) and a request log."""

    port: int
    routes: Dict[str, Route]
    log: List[Tuple[str, int]] = field(default_factory=list)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def hits(self, path: str) -> List[int]:
        """Statuses answered for `path`, in order."""
        return [status for p, status in self.log if p == path]


def handler_for(server: Server) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            route = server.routes.get(self.path)
            if route is None:
                self.answer(404, b"not found", "text/plain", None)
                return
            if route.delay:
                time.sleep(route.delay)
            if route.etag is not None and self.headers.get("If-None-Match") == route.etag:
                self.answer(304, b"", None, route.etag)
                return
            self.answer(route.status, route.body, route.content_type, route.etag)

        def answer(self, status: int, body: bytes, content_type: Optional[str], etag: Optional[str]) -> None:
            server.log.append((self.path, status))
            try:
                self.send_response(status)
                if content_type:
                    self.send_header("Content-Type", content_type)
                if etag:
                    self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(body) if status != 304 else 0))
                self.end_headers()
                if status != 304:
                    self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (the timeout test)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    return Handler


@pytest.fixture
def server() -> Iterator[Server]:
    routes = {
        "/schemas.json": Route(catalogue(), etag='"cat-1"'),
        "/schemas/test/communes/1.0.0/schema.json": Route(json.dumps(SCHEMA_V1).encode(), etag='"v1"'),
        "/schemas/test/communes/1.1.0/schema.json": Route(json.dumps(SCHEMA_V2).encode(), etag='"v2"'),
        "/page.html": Route(HTML, content_type="text/html; charset=utf-8"),
        # An export endpoint: no extension, a Content-Type that says nothing useful.
        "/api/export?id=7": Route(DATA_V1, content_type="application/octet-stream"),
        "/api/export-bad": Route(DATA_V1_BAD, content_type=None),
        "/slow/schema.json": Route(json.dumps(SCHEMA_V1).encode(), delay=3.0),
        "/broken/schema.json": Route(b"oops", status=500, content_type="text/plain"),
    }
    state = Server(port=0, routes=routes)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(state))
    httpd.daemon_threads = True
    state.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache"


def test_schema_from_url_is_cached(server: Server, cache: Path) -> None:
    url = server.url("/schemas/test/communes/1.0.0/schema.json")
    schema = conforme.Schema.from_url(url, cache_dir=cache)
    assert schema.field_names == ["code", "nom"]
    assert conforme.validate(DATA_V1, schema).valid
    # Within the TTL the cached copy is used without asking the server.
    conforme.Schema.from_url(url, cache_dir=cache)
    assert server.hits("/schemas/test/communes/1.0.0/schema.json") == [200]
    assert any(cache.iterdir())


def test_from_catalog_pinned_and_latest(server: Server, cache: Path) -> None:
    catalog = server.url("/schemas.json")
    pinned = conforme.Schema.from_catalog("test/communes@1.0.0", catalog=catalog, cache_dir=cache)
    latest = conforme.Schema.from_catalog("test/communes@latest", catalog=catalog, cache_dir=cache)
    bare = conforme.Schema.from_catalog("test/communes", catalog=catalog, cache_dir=cache)
    assert pinned.field_names == ["code", "nom"]
    assert latest.field_names == bare.field_names == ["code", "nom", "population"]
    assert conforme.validate(DATA_V1, pinned).valid
    assert not conforme.validate(DATA_V1, latest).valid


def test_catalogue_errors_name_what_exists(server: Server, cache: Path) -> None:
    catalog = server.url("/schemas.json")
    with pytest.raises(conforme.SchemaError, match=r"has no version 9\.9\.9; published versions: 1\.0\.0, 1\.1\.0"):
        conforme.Schema.from_catalog("test/communes@9.9.9", catalog=catalog, cache_dir=cache)
    with pytest.raises(conforme.SchemaError, match=r"did you mean test/communes\?") as info:
        conforme.Schema.from_catalog("other/communes", catalog=catalog, cache_dir=cache)
    assert "conforme.catalog.search" in str(info.value)
    with pytest.raises(conforme.SchemaError, match="@all names every version"):
        conforme.Schema.from_catalog("test/communes@all", catalog=catalog, cache_dir=cache)
    with pytest.raises(conforme.SchemaError, match="not a catalogue reference"):
        conforme.Schema.from_catalog("communes", catalog=catalog, cache_dir=cache)
    with pytest.raises(conforme.SchemaError, match="jsonschema schema: not supported yet by conforme"):
        conforme.Schema.from_catalog("test/arbres-json", catalog=catalog, cache_dir=cache)


def test_validate_takes_urls_and_references(server: Server, cache: Path) -> None:
    catalog = server.url("/schemas.json")
    # Data at an address without extension, sent as application/octet-stream: sniffed as CSV.
    report = conforme.validate(
        server.url("/api/export?id=7"), "test/communes@1.0.0", catalog=catalog, cache_dir=cache
    )
    assert report.valid, report.to_dict()
    assert report.stats.rows == 2
    bad = conforme.validate(
        server.url("/api/export-bad"),
        server.url("/schemas/test/communes/1.0.0/schema.json"),
        cache_dir=cache,
        lang="en",
    )
    assert [(e.type, e.row, e.field_name) for e in bad.errors] == [("constraint-error", 3, "code")]
    assert bad.to_dict()["errors"][0]["cell"] == "ABCDE"
    errors = list(
        conforme.iter_errors(server.url("/api/export-bad"), "test/communes@1.0.0", catalog=catalog, cache_dir=cache)
    )
    assert [e.row for e in errors] == [3]


def test_etag_revalidation_after_the_ttl(server: Server, cache: Path) -> None:
    path = "/schemas/test/communes/1.0.0/schema.json"
    url = server.url(path)
    conforme.Schema.from_url(url, cache_dir=cache, cache_ttl=0)
    conforme.Schema.from_url(url, cache_dir=cache, cache_ttl=0)
    # The second request carried If-None-Match and got 304: the cached copy was confirmed.
    assert server.hits(path) == [200, 304]
    # A changed document (new ETag) replaces the cached copy.
    server.routes[path] = Route(json.dumps(SCHEMA_V2).encode(), etag='"v1-bis"')
    assert conforme.Schema.from_url(url, cache_dir=cache, cache_ttl=0).field_names[-1] == "population"
    assert server.hits(path) == [200, 304, 200]


def test_offline_uses_only_the_cache(server: Server, cache: Path) -> None:
    catalog = server.url("/schemas.json")
    with pytest.raises(conforme.SchemaError) as info:
        conforme.Schema.from_catalog("test/communes@1.0.0", catalog=catalog, cache_dir=cache, offline=True)
    message = str(info.value)
    assert f"{catalog} is not in the cache ({cache})" in message
    assert "offline=False" in message and "--offline" not in message
    assert server.log == []
    conforme.Schema.from_catalog("test/communes@1.0.0", catalog=catalog, cache_dir=cache)
    requests = len(server.log)
    schema = conforme.Schema.from_catalog(
        "test/communes@1.0.0", catalog=catalog, cache_dir=cache, offline=True, cache_ttl=0
    )
    assert schema.field_names == ["code", "nom"]
    assert len(server.log) == requests
    # Data is streamed, never cached: offline, a data URL is refused before any request.
    with pytest.raises(conforme.SourceError, match="offline=True forbids downloading data"):
        conforme.validate(server.url("/api/export?id=7"), schema, offline=True)
    assert len(server.log) == requests


def test_stale_copy_is_used_with_a_warning_when_the_server_fails(server: Server, cache: Path) -> None:
    path = "/schemas/test/communes/1.0.0/schema.json"
    conforme.Schema.from_url(server.url(path), cache_dir=cache)
    server.routes[path] = Route(b"down", status=503, content_type="text/plain")
    with pytest.warns(RuntimeWarning, match="HTTP 503.*using the cached copy"):
        schema = conforme.Schema.from_url(server.url(path), cache_dir=cache, cache_ttl=0)
    assert schema.field_names == ["code", "nom"]


def test_not_found_html_and_server_errors(server: Server, cache: Path) -> None:
    with pytest.raises(conforme.SchemaError, match=r"not found \(HTTP 404\)"):
        conforme.Schema.from_url(server.url("/nowhere/schema.json"), cache_dir=cache)
    with pytest.raises(conforme.SchemaError, match="returned an HTML page, not a schema"):
        conforme.Schema.from_url(server.url("/page.html"), cache_dir=cache)
    with pytest.raises(conforme.SchemaError, match="returned an HTML page, not a schema"):
        conforme.Schema.from_catalog("test/page", catalog=server.url("/schemas.json"), cache_dir=cache)
    with pytest.raises(conforme.SchemaError, match="HTTP 500"):
        conforme.Schema.from_url(server.url("/broken/schema.json"), cache_dir=cache)
    with pytest.raises(conforme.SchemaError, match="not a schema catalogue"):
        conforme.Schema.from_catalog(
            "test/communes", catalog=server.url("/schemas/test/communes/1.0.0/schema.json"), cache_dir=cache
        )
    with pytest.raises(conforme.SourceError, match=r"not found \(HTTP 404\)") as info:
        conforme.validate(server.url("/nowhere/data.csv"), SCHEMA_V1)
    assert isinstance(info.value, OSError)
    with pytest.raises(conforme.SourceError, match="HTML page, not a data file"):
        conforme.validate(server.url("/page.html"), SCHEMA_V1)


def test_a_slow_server_times_out(server: Server, cache: Path) -> None:
    with pytest.raises(conforme.SchemaError, match=r"no answer within 0\.5 s \(timeout\)") as info:
        conforme.Schema.from_url(server.url("/slow/schema.json"), cache_dir=cache, timeout=0.5)
    assert "timeout=" in str(info.value)
    with pytest.raises(ValueError, match="timeout=0 must be a positive number"):
        conforme.Schema.from_url(server.url("/slow/schema.json"), timeout=0.0)


def test_refused_connection(cache: Path) -> None:
    # A port nobody listens on: bind one, note it, close it.
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(conforme.SchemaError, match="cannot connect to the server"):
        conforme.Schema.from_url(f"http://127.0.0.1:{port}/schema.json", cache_dir=cache, timeout=2)
    with pytest.raises(conforme.SourceError, match="cannot connect to the server"):
        conforme.validate(f"http://127.0.0.1:{port}/data.csv", SCHEMA_V1, timeout=2)


def test_schema_from_path_points_urls_to_from_url() -> None:
    with pytest.raises(conforme.SchemaError, match="Schema.from_url"):
        conforme.Schema.from_path("http://127.0.0.1:9/schema.json")
    with pytest.raises(ValueError, match="Schema.from_path"):
        conforme.Schema.from_url("schema.json")


def test_catalog_list_search_show(server: Server, cache: Path) -> None:
    catalog = server.url("/schemas.json")
    names = [e["name"] for e in conforme.catalog.list(catalog=catalog, cache_dir=cache)]
    assert names == ["test/communes", "test/page", "test/arbres-json"]
    tables = conforme.catalog.list("jsonschema", catalog=catalog, cache_dir=cache)
    assert [e["name"] for e in tables] == ["test/arbres-json"]
    found = conforme.catalog.search("COMMUNES tests", catalog=catalog, cache_dir=cache)
    assert [e["name"] for e in found] == ["test/communes"]
    assert conforme.catalog.search("schéma web", catalog=catalog, cache_dir=cache)[0]["name"] == "test/page"
    shown = conforme.catalog.show("test/communes", catalog=catalog, cache_dir=cache)
    assert shown["latest"] == "1.1.0"
    assert [v["version_name"] for v in shown["versions"]] == ["1.0.0", "1.1.0"]
    assert shown["versions"][0]["schema_url"] == server.url("/schemas/test/communes/1.0.0/schema.json")
    with pytest.raises(ValueError, match='kind="tables" is unknown'):
        conforme.catalog.list("tables", catalog=catalog, cache_dir=cache)
    # One catalogue download served all of the above.
    assert server.hits("/schemas.json") == [200]


def test_schema_check_returns_the_lint_report(tmp_path: Path) -> None:
    clean = conforme.Schema.from_dict({"fields": [{"name": "n", "type": "integer"}]}).check()
    assert clean.valid and clean.errors == [] and clean.warnings == []
    path = tmp_path / "schema.json"
    path.write_text(
        json.dumps({"fields": [{"name": "code", "type": "string", "contraints": {"required": True}}]}),
        encoding="utf-8",
    )
    report = conforme.Schema.from_path(path).check(lang="en")
    findings = report.errors + report.warnings
    assert [f.params["rule"] for f in findings] == ["misspelt-key"]
    assert findings[0].params["pointer"] == "/fields/0/contraints"
    assert "constraints" in findings[0].message
    as_dict = report.to_dict()
    assert as_dict["valid"] == report.valid
    assert len(as_dict["errors"]) + len(as_dict["warnings"]) == 1
    yaml = conforme.Schema.from_bytes(b"fields:\n  - name: n\n    type: integer\n    contraints: {}\n")
    assert [w.params["rule"] for w in yaml.check().errors + yaml.check().warnings] == ["misspelt-key"]


def test_network_work_runs_with_the_gil_released(server: Server, cache: Path) -> None:
    """While one thread waits for a slow server, another keeps running Python code."""
    path = "/slow/schema.json"
    server.routes[path] = Route(json.dumps(SCHEMA_V1).encode(), delay=1.0)
    ticks = 0
    done = threading.Event()

    def count() -> None:
        nonlocal ticks
        while not done.is_set():
            ticks += 1
            time.sleep(0.01)

    counter = threading.Thread(target=count)
    counter.start()
    try:
        conforme.Schema.from_url(server.url(path), cache_dir=cache, timeout=10)
    finally:
        done.set()
        counter.join()
    assert ticks > 10


LOOKUP_SCHEMA = {
    "fields": [{"name": "code", "type": "string"}],
    "custom_checks": [
        {"name": "reference-list-value", "params": {"column": "code", "list": "sites.csv"}}
    ],
}


def test_reference_lists_follow_the_schema_location(server: Server, cache: Path, tmp_path: Path) -> None:
    # From a URL: the list is fetched relative to the schema, through the cache.
    server.routes["/sites/schema.json"] = Route(json.dumps(LOOKUP_SCHEMA).encode())
    server.routes["/sites/sites.csv"] = Route(b"code\nS001\nS002\n", content_type="text/csv")
    schema = conforme.Schema.from_url(server.url("/sites/schema.json"), cache_dir=cache)
    report = conforme.validate(b"code\nS001\nS003\n", schema, lang="en")
    assert [(e.row, e.cell) for e in report.errors] == [(3, "S003")]
    assert "is not in `sites.csv` (first column, 2 values)" in report.errors[0].message
    assert server.hits("/sites/sites.csv") == [200]

    # From a file: the list beside it.
    (tmp_path / "schema.json").write_text(json.dumps(LOOKUP_SCHEMA))
    (tmp_path / "sites.csv").write_text("code\nS003\n")
    schema = conforme.Schema.from_path(tmp_path / "schema.json")
    assert conforme.validate(b"code\nS003\n", schema).valid
    assert not conforme.validate(b"code\nS001\n", schema).valid
