"""The data-repository entry points: conforme.toml rules, the pre-commit hook's command
(``conforme-hook``) and the GitHub Action's (``conforme-action``), run on real files in a
temporary repository. The hook through pre-commit itself is tested by
scripts/release/test-hook.sh (``pre-commit try-repo``)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import conforme
from conforme._ci import action, hook
from conforme._ci.config import ConfigError, glob_to_regex, load

TABLE_SCHEMA = {"fields": [{"name": "n", "type": "integer"}]}
JSON_SCHEMA = {"type": "object", "required": ["n"], "properties": {"n": {"type": "integer"}}}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A data repository: two CSV files (one invalid), two JSON documents (one invalid),
    a file no rule names, the schemas and a conforme.toml."""
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "table.json").write_text(json.dumps(TABLE_SCHEMA))
    (tmp_path / "schemas" / "doc.schema.json").write_text(json.dumps(JSON_SCHEMA))
    (tmp_path / "data" / "2024").mkdir(parents=True)
    (tmp_path / "data" / "good.csv").write_text("n\n1\n2\n")
    (tmp_path / "data" / "2024" / "bad.csv").write_text("n\n1\nx\n")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "good.json").write_text('{"n": 3}')
    (tmp_path / "docs" / "bad.json").write_text('{"n": "three"}')
    (tmp_path / "notes.csv").write_text("anything,at all\n")
    (tmp_path / "conforme.toml").write_text(
        'args = ["--lang", "en"]\n\n'
        "[schemas]\n"
        '"data/**/*.csv" = "schemas/table.json"\n'
        '"docs/*.json" = "schemas/doc.schema.json"\n'
    )
    return tmp_path


@pytest.mark.parametrize(
    ("glob", "path", "matches"),
    [
        ("data/*.csv", "data/a.csv", True),
        ("data/*.csv", "data/sub/a.csv", False),
        ("data/**/*.csv", "data/a.csv", True),
        ("data/**/*.csv", "data/x/y/a.csv", True),
        ("**/*.csv", "a.csv", True),
        ("data/?.csv", "data/ab.csv", False),
        ("data/[ab].csv", "data/b.csv", True),
        ("data/[!ab].csv", "data/b.csv", False),
        ("data/a+b.csv", "data/a+b.csv", True),
        ("data/**", "data/x/y.json", True),
    ],
)
def test_globs(glob: str, path: str, matches: bool) -> None:
    assert (glob_to_regex(glob).fullmatch(path) is not None) is matches


def test_rules_map_files_to_schemas_first_match_wins(repo: Path) -> None:
    (repo / "conforme.toml").write_text(
        '[schemas]\n"data/good.csv" = "etalab/schema-a@1.0.0"\n"data/*.csv" = "schemas/table.json"\n'
    )
    config = load(start=repo)
    assert config.schema_for(repo / "data" / "good.csv") == "etalab/schema-a@1.0.0"
    # A schema file beside the configuration is resolved from there.
    assert config.schema_for(repo / "data" / "other.csv") == str(repo / "schemas" / "table.json")
    assert config.schema_for(repo / "notes.csv") is None
    assert config.schema_for(repo.parent / "elsewhere.csv") is None


def test_pyproject_table_is_read_when_there_is_no_conforme_toml(repo: Path) -> None:
    (repo / "conforme.toml").unlink()
    (repo / "pyproject.toml").write_text(
        '[project]\nname = "data"\n\n[tool.conforme]\nargs = ["--profile", "strict"]\n\n'
        '[tool.conforme.schemas]\n"data/*.csv" = "schemas/table.json"\n'
    )
    config = load(start=repo)
    assert config.args == ["--profile", "strict"]
    assert [r.glob for r in config.rules] == ["data/*.csv"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("args = []\n", "no [schemas] table"),
        ('[schemas]\n"a.csv" = 3\n', "must be a non-empty string"),
        ('args = "--lang en"\n[schemas]\n"a.csv" = "s.json"\n', "args must be a list"),
        ("[schemas\n", "not valid TOML"),
    ],
)
def test_bad_configurations_say_what_to_write(repo: Path, text: str, message: str) -> None:
    (repo / "conforme.toml").write_text(text)
    with pytest.raises(ConfigError, match=message.replace("[", r"\[")):
        load(start=repo)


def test_missing_configuration_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no conforme.toml"):
        load(start=tmp_path)


def run_hook(repo: Path, *files: str, lang: str = "en_US.UTF-8") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    return subprocess.run(
        [sys.executable, "-m", "conforme._ci.hook", *files],
        cwd=repo, capture_output=True, text=True, env={**env, "LANG": lang},
    )


def test_hook_passes_valid_files_and_skips_unmatched_ones(repo: Path) -> None:
    out = run_hook(repo, "data/good.csv", "docs/good.json", "notes.csv", "conforme.toml")
    assert out.returncode == 0, out.stdout + out.stderr


def test_hook_fails_on_an_invalid_file_with_the_commands_report(repo: Path) -> None:
    out = run_hook(repo, "data/good.csv", "data/2024/bad.csv")
    assert out.returncode == 1
    assert "type-error" in out.stdout or "integer" in out.stdout, out.stdout
    assert "data/2024/bad.csv does not pass" in out.stderr
    # Without --lang in the configuration, the locale decides, as for the command.
    toml = repo / "conforme.toml"
    toml.write_text(toml.read_text().replace('args = ["--lang", "en"]', "args = []"))
    french = run_hook(repo, "data/2024/bad.csv", lang="fr_FR.UTF-8")
    assert "data/2024/bad.csv n'est pas conforme à" in french.stderr, french.stderr
    assert "Fichier invalide" in french.stdout, french.stdout


def test_hook_fails_on_an_invalid_json_document(repo: Path) -> None:
    out = run_hook(repo, "docs/bad.json")
    assert out.returncode == 1, out.stdout + out.stderr


def test_hook_reports_an_unusable_schema_as_2(repo: Path) -> None:
    (repo / "schemas" / "table.json").write_text("{not json")
    out = run_hook(repo, "data/good.csv")
    assert out.returncode == 2, out.stdout + out.stderr


def test_language_follows_the_commands_rule() -> None:
    assert conforme.language("en_GB.UTF-8") == "en"
    assert conforme.language("fr") == "fr"
    with pytest.raises(ValueError, match="unknown"):
        conforme.language("de")
    code = "import conforme; print(conforme.language())"
    unset = ("LANG", "LC_ALL", "LC_MESSAGES")
    base = {k: v for k, v in os.environ.items() if k not in unset}
    for env, expected in [
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LC_ALL": "fr_FR.UTF-8", "LANG": "en_US.UTF-8"}, "fr"),
        ({"LC_MESSAGES": "en_US", "LANG": "fr_FR"}, "en"),
        ({"LC_ALL": "", "LANG": "en_US"}, "en"),
        ({"LANG": "C.UTF-8"}, "fr"),
        ({}, "fr"),
    ]:
        out = subprocess.run(
            [sys.executable, "-c", code], env={**base, **env}, capture_output=True, text=True,
            check=True,
        )
        assert out.stdout.strip() == expected, (env, out.stdout, out.stderr)


def test_hook_reads_lang_in_the_arguments_as_the_command_does() -> None:
    assert hook.language(["--lang", "en-GB"]) == "en"
    assert hook.language(["--profile", "strict", "--lang=fr_FR.UTF-8"]) == "fr"


def test_hook_without_configuration_exits_2(tmp_path: Path) -> None:
    assert hook.main(["--config", str(tmp_path / "conforme.toml"), "a.csv"]) == 2


def run_action(repo: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], dict[str, str]]:
    output = repo.parent / "github_output"
    summary = repo.parent / "step_summary"
    env = {
        "GITHUB_WORKSPACE": str(repo),
        "GITHUB_OUTPUT": str(output),
        "GITHUB_STEP_SUMMARY": str(summary),
        "PATH": os.environ["PATH"],
    }
    out = subprocess.run(
        [sys.executable, "-m", "conforme._ci.action", *args],
        cwd=repo, capture_output=True, text=True, env=env,
    )
    values = dict(
        line.split("=", 1) for line in output.read_text().splitlines()
    ) if output.exists() else {}
    values["summary"] = summary.read_text() if summary.exists() else ""
    return out, values


def test_action_annotates_invalid_files_and_writes_a_page_per_file(repo: Path) -> None:
    out, values = run_action(repo)
    assert out.returncode == 1, out.stdout + out.stderr
    annotations = [line for line in out.stdout.splitlines() if line.startswith("::error")]
    assert any("file=data/2024/bad.csv" in a for a in annotations), out.stdout
    assert any("file=docs/bad.json" in a for a in annotations), out.stdout
    assert not any("good" in a for a in annotations), annotations
    assert values["checked"] == "4" and values["invalid"] == "2" and values["errors"] == "0"
    reports = Path(values["report-dir"])
    assert reports == repo / "conforme-report"
    pages = sorted(p.relative_to(reports).as_posix() for p in reports.rglob("*.html"))
    assert pages == [
        "data/2024/bad.csv.html", "data/good.csv.html", "docs/bad.json.html", "docs/good.json.html",
    ]
    page = (reports / "data/2024/bad.csv.html").read_text(encoding="utf-8")
    assert page.lstrip().lower().startswith("<!doctype html") and "bad.csv" in page
    assert "| `data/2024/bad.csv` |" in values["summary"] and "| invalid |" in values["summary"]


def test_action_in_a_git_checkout_leaves_ignored_files_out(repo: Path) -> None:
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    (repo / ".gitignore").write_text("data/2024/\nconforme-report/\n")
    out, values = run_action(repo)
    assert out.returncode == 1, out.stdout + out.stderr  # docs/bad.json is still there
    assert values["checked"] == "3" and values["invalid"] == "1"
    assert "data/2024/bad.csv" not in out.stdout


def test_action_with_files_and_schema_inputs_needs_no_configuration(repo: Path) -> None:
    (repo / "conforme.toml").unlink()
    out, values = run_action(repo, "--files", "data/good.csv\n", "--schema", "schemas/table.json")
    assert out.returncode == 0, out.stdout + out.stderr
    assert values["checked"] == "1" and values["invalid"] == "0"


def test_action_files_input_narrows_the_configuration(repo: Path) -> None:
    out, values = run_action(repo, "--files", "docs/*.json", "--no-fail-on-invalid")
    assert out.returncode == 0, out.stdout + out.stderr
    assert values["checked"] == "2" and values["invalid"] == "1"


def test_action_reads_its_inputs_from_the_environment(repo: Path) -> None:
    env_out = repo.parent / "out_env"
    result = subprocess.run(
        [sys.executable, "-m", "conforme._ci.action"],
        cwd=repo, capture_output=True, text=True,
        env={
            "PATH": os.environ["PATH"], "GITHUB_WORKSPACE": str(repo), "GITHUB_OUTPUT": str(env_out),
            "CONFORME_FILES": "data/good.csv", "CONFORME_REPORT_DIR": "out/pages",
            "CONFORME_ARGS": "--max-errors 5",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (repo / "out" / "pages" / "data" / "good.csv.html").is_file()
    assert "checked=1" in env_out.read_text()


def test_action_without_rules_is_an_error_annotation(tmp_path: Path) -> None:
    out, _ = run_action(tmp_path)
    assert out.returncode == 2
    assert out.stdout.startswith("::error title=conforme::no conforme.toml")


def test_action_entry_parses_flags_like_the_action(repo: Path) -> None:
    assert action.split_lines(" a.csv \n\n b/*.csv\n") == ["a.csv", "b/*.csv"]


def test_readme_configuration_example_is_valid(tmp_path: Path) -> None:
    from conftest import REPO

    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Install\n", 1)[1].split("\n## ", 1)[0]
    (example,) = re.findall(r"```toml\n(.*?)```", section, re.S)
    (tmp_path / "conforme.toml").write_text(example, encoding="utf-8")
    config = load(start=tmp_path)
    assert config.args == ["--lang", "fr"]
    assert config.schema_for(tmp_path / "data/irve/2024.csv") == "etalab/schema-irve-statique@2.3.1"
    assert config.schema_for(tmp_path / "data/a/b/lieux.json") == "schemas/lieux.schema.json"
