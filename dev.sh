#!/usr/bin/env bash
# Sets up what is missing, then `./dev.sh app` starts otop-desktop on demo data and
# `./dev.sh test [pytest args]` checks the code with ruff (lint and format), then runs every test on three
# workers (-n 0 among the args: one process).
# Works on a fresh Debian 12 with Python 3.11.
set -euo pipefail
cd "$(dirname "$0")"

VENV=.venv
UV_VERSION=0.13.9  # installs the pinned Python packages (install_python_packages)
DEMO_DIR=.demo-data
# What Qt needs offscreen (tests, screenshots), Thai line breaking, and poppler (tests read printed PDFs back).
APT_BASE=(libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libthai0 poppler-utils)
# The tests also open exported workbooks the way an office does (LibreOffice Calc, without its GUI) and run on
# an office's PostgreSQL server (Debian's postgresql: version 15 on Debian 12).
APT_TEST=(libreoffice-calc-nogui postgresql)
# What a real window needs on X11, plus a virtual screen for machines without one.
APT_WINDOW=(xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
            libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0)

say() { printf '\033[1m[otop]\033[0m %s\n' "$*"; }

find_python() {
    local candidate
    for candidate in python3.11 python3; do
        if command -v "$candidate" >/dev/null 2>&1 &&
           "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; then
            echo "$candidate"; return 0
        fi
    done
    return 1
}

missing_debian_packages() {
    command -v dpkg-query >/dev/null 2>&1 || return 0
    local pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || echo "$pkg"
    done
}

install_system_packages() {
    local wanted=("${APT_BASE[@]}")
    [ "$1" = app ] && wanted+=("${APT_WINDOW[@]}")
    [ "$1" = test ] && wanted+=("${APT_TEST[@]}")
    local python
    if ! python=$(find_python); then
        wanted+=(python3 python3-venv)
    elif ! "$python" -c 'import ensurepip, venv' 2>/dev/null; then
        wanted+=(python3-venv)
    fi
    local missing
    missing=$(missing_debian_packages "${wanted[@]}")
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" = 0 ]; then
        say "installing system packages: $(echo $missing)"
        apt-get update -qq
        # On a CI machine (made for one run and thrown away) dpkg unpacks without syncing each file to disk.
        local unsafe=()
        [ -n "${CI:-}" ] && unsafe=(-o Dpkg::Options::=--force-unsafe-io)
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${unsafe[@]}" $missing >/dev/null
    else
        say "these system packages are missing; install them as root, then run this again:"
        echo "    sudo apt-get update && sudo apt-get install -y --no-install-recommends $(echo $missing)"
        exit 1
    fi
}

install_python_packages() {
    local python stamp
    python=$(find_python) || { say "Python 3.11 is needed (Debian 12 ships it as python3)"; exit 1; }
    [ -x "$VENV/bin/python" ] || { say "creating $VENV"; "$python" -m venv "$VENV"; }
    stamp=$(sha256sum pyproject.toml | cut -d' ' -f1)
    if [ "$(cat "$VENV/.installed" 2>/dev/null)" != "$stamp" ]; then
        say "installing Python packages (pinned in pyproject.toml)"
        # uv fetches and unpacks them side by side: 8 s on a fresh machine where pip took 36 s with its cache
        # warm. The same pins; pip itself where uv cannot be had.
        if "$VENV/bin/python" -m pip install -q --disable-pip-version-check "uv==$UV_VERSION" 2>/dev/null; then
            "$VENV/bin/uv" pip install -q --compile-bytecode --python "$VENV/bin/python" -e ".[test]"
        else
            "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e ".[test]"
        fi
        echo "$stamp" > "$VENV/.installed"
    fi
}

build_translations() {
    # Qt ships no Thai for its own dialogs (Yes/No, Save/Discard, the file dialog): compile ours.
    local ts qm
    for ts in resources/translations/qt_*.ts; do
        qm="${ts%.ts}.qm"
        if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
            "$VENV/bin/pyside6-lrelease" -silent "$ts" -qm "$qm"
        fi
    done
}

postgres_cluster() {
    # "VERSION NAME PORT" of the local cluster to use: the first one online, else the first one. Debian gives a
    # new cluster the next free port (5433, …) when 5432 is taken, so the port is read, never assumed.
    pg_lsclusters -h 2>/dev/null | awk '$4 == "online" {print $1, $2, $3; found = 1; exit}
                                        NR == 1 {first = $1 " " $2 " " $3} END {if (!found && first) print first}'
}

start_postgres() {
    # The local cluster started and a role for this user, so tests/postgres can create their databases; then a
    # missing server fails those tests instead of skipping them (as root, i.e. in CI, this always happens).
    # $OTOP_TEST_POSTGRES (a URL) points the tests at another server instead.
    [ -n "${OTOP_TEST_POSTGRES:-}" ] && { export OTOP_REQUIRE_POSTGRES=1; return 0; }
    command -v pg_lsclusters >/dev/null 2>&1 || { say "no PostgreSQL here: its tests will skip"; return 0; }
    local cluster version name port me
    cluster=$(postgres_cluster)
    [ -n "$cluster" ] || { say "no PostgreSQL cluster here: its tests will skip"; return 0; }
    read -r version name port <<< "$cluster"
    me=$(id -un)
    if [ "$(id -u)" = 0 ]; then
        # A cluster started here is the tests' (CI's fresh machine): it runs without fsync, which its test
        # databases never need; PostgreSQL 15 checkpoints at every DROP DATABASE, about a second of fsync each.
        pg_lsclusters -h | awk -v v="$version" -v n="$name" '$1 == v && $2 == n' | grep -q online ||
            pg_ctlcluster -o "-c fsync=off" -o "-c full_page_writes=off" -o "-c synchronous_commit=off" \
                "$version" "$name" start
        su postgres -c "psql -p $port -qtAc \"SELECT 1 FROM pg_roles WHERE rolname = '$me'\"" | grep -q 1 ||
            su postgres -c "createuser -p $port --superuser $me"
    elif ! pg_lsclusters -h | awk -v v="$version" -v n="$name" '$1 == v && $2 == n' | grep -q online; then
        say "PostgreSQL is not running: its tests will skip (sudo pg_ctlcluster $version $name start)"
        return 0
    fi
    export OTOP_TEST_POSTGRES="postgresql://:$port/postgres" OTOP_REQUIRE_POSTGRES=1
}

install_side_by_side() {
    # Debian's packages and the Python packages are fetched and unpacked at the same time (on CI's fresh machine
    # each takes tens of seconds); one after the other where the venv itself needs a Debian package first.
    local python apt_job
    if python=$(find_python) && "$python" -c 'import ensurepip, venv' 2>/dev/null; then
        install_system_packages "$1" & apt_job=$!
        install_python_packages
        wait "$apt_job"
    else
        install_system_packages "$1"; install_python_packages
    fi
}

run_app() {
    if [ ! -f "$DEMO_DIR/otop.db" ]; then
        "$VENV/bin/otop-desktop" --data-dir "$DEMO_DIR" demo
    else
        say "demo data: $DEMO_DIR/otop.db (rebuild: $VENV/bin/otop-desktop --data-dir $DEMO_DIR demo --force)"
        say "logins: province34 / demo-province, amphoe3401 / demo-3401 (any district: amphoe<code> / demo-<code>), admin / demo-admin"
    fi
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
        say "no screen here: starting on a virtual screen (xvfb-run); stop with Ctrl+C"
        exec xvfb-run -a "$VENV/bin/otop-desktop" --data-dir "$DEMO_DIR"
    fi
    exec "$VENV/bin/otop-desktop" --data-dir "$DEMO_DIR"
}

# Sourced (tests read postgres_cluster), it only defines the functions.
[ "${BASH_SOURCE[0]}" = "$0" ] || return 0

case "${1:-}" in
    app) install_side_by_side app; build_translations; run_app ;;
    test) shift; install_side_by_side test; build_translations; start_postgres
          # Python keeps what it compiles (the program's modules, the tests' rewritten asserts) for the processes
          # after it: the workers and the program the tests start in child processes (a CI machine may set
          # PYTHONDONTWRITEBYTECODE, which made every one of them compile from source: 9 s of CPU a run).
          unset PYTHONDONTWRITEBYTECODE
          say "ruff: lint and format"
          "$VENV/bin/ruff" check . && "$VENV/bin/ruff" format --check --quiet .
          # Three workers (pytest-xdist), each taking the next test when it is free: CI has two cores, and a third
          # worker runs while the others wait on the database server or a child process (2 min 57 s against
          # 3 min 22 s with two, on a quiet machine of CI's kind). A later -n among the arguments wins (-n 0: one
          # process, for --pdb).
          exec "$VENV/bin/python" -m pytest -n 3 --dist worksteal "$@" ;;
    *) echo "usage: ./dev.sh app | ./dev.sh test [pytest arguments]"; exit 2 ;;
esac
