"""./dev.sh test points the server tests at the cluster pg_lsclusters reports, on the port it reports: Debian gives
a new cluster the next free port (5433, …) when another PostgreSQL already holds 5432."""

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def cluster_chosen(tmp_path: Path, listing: str) -> str:
    fake = tmp_path / "pg_lsclusters"
    fake.write_text(f"#!/bin/sh\nprintf '%s' '{listing}'\n")
    fake.chmod(0o755)
    script = f'PATH="{tmp_path}:$PATH"; source "{ROOT / "dev.sh"}"; postgres_cluster'
    return subprocess.run(["bash", "-c", script], capture_output=True, text=True, check=True).stdout.strip()


def test_the_online_cluster_and_its_own_port(tmp_path):
    listing = (
        "15  main    5432 down   postgres /var/lib/postgresql/15/main log\n"
        "15  office  5433 online postgres /var/lib/postgresql/15/office log\n"
    )
    assert cluster_chosen(tmp_path, listing) == "15 office 5433"


def test_the_first_cluster_when_none_is_online(tmp_path):
    listing = "16  main    5434 down   postgres /var/lib/postgresql/16/main log\n"
    assert cluster_chosen(tmp_path, listing) == "16 main 5434"
    assert cluster_chosen(tmp_path, "") == ""


def test_the_test_command_runs_ruff_before_the_tests():
    """`./dev.sh test` fails on a lint finding or an unformatted file before any test runs."""
    script = (Path(__file__).resolve().parents[2] / "dev.sh").read_text(encoding="utf-8")
    test_branch = script[script.index("    test)") : script.index(";;", script.index("    test)"))]
    assert test_branch.index('ruff" check .') < test_branch.index('ruff" format --check') < test_branch.index("pytest")
