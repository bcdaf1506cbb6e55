"""Shared fixtures: offscreen Qt, a fresh database per test, and a small province to work on."""

import gc
import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything imports Qt: there is no display in CI

import shutil
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

import pytest

from otop_desktop.demo import DemoSummary, build_demo
from otop_desktop.services import auth, entrepreneurs, saving
from otop_desktop.services.entrepreneurs import EntrepreneurInfo
from otop_desktop.services.reports import summary
from otop_desktop.store.database import Database
from tests.engines import ENGINES, FILES, SERVERS, open_fresh

PASSWORD = "secret-pass"
PRODUCTION_SCRYPT_N = auth._SCRYPT_N  # the program's own cost, read before the tests lower it
pytest_plugins = ["pytester"]


def pytest_addoption(parser):
    parser.addoption(
        "--engine",
        choices=(*ENGINES, "both"),
        default="both",
        help="run the database tests on SQLite, on PostgreSQL, or on both (the default)",
    )


def pytest_configure(config):
    config.addinivalue_line("markers", "sqlite_only(reason): about SQLite's file itself; not run on PostgreSQL")
    config.addinivalue_line(
        "markers",
        "migrates: about what migrating makes; the database is migrated anew, not copied from the run's template",
    )


def pytest_collection_modifyitems(config, items):
    """Keep each test's runs on the engines asked for; a sqlite_only test's PostgreSQL run is left out."""
    wanted = ENGINES if config.getoption("--engine") == "both" else (config.getoption("--engine"),)
    kept, left = [], []
    for item in items:
        engine = getattr(item, "callspec", None) and item.callspec.params.get("database")
        if engine and (engine not in wanted or (engine != "sqlite" and item.get_closest_marker("sqlite_only"))):
            left.append(item)
        else:
            kept.append(item)
    if left:
        config.hook.pytest_deselected(items=left)
        items[:] = kept
        config._otop_sqlite_only = sum(
            1 for item in left if item.get_closest_marker("sqlite_only") and item.callspec.params["database"] in wanted
        )
        if hasattr(config, "workeroutput"):  # a pytest-xdist worker: its controller prints the summary
            config.workeroutput["otop_sqlite_only"] = config._otop_sqlite_only
            config.workeroutput["otop_deselected"] = len(left)


def pytest_collection_finish(session):
    """What importing and collecting made lives for the whole run: frozen out of the garbage collector's sight, its
    young generation collected at 10,000 new objects rather than 700, the older ones five and ten times less often.
    Collections walked every module, test and Qt wrapper again and again: 45 s of a run's 700 worker-seconds, 16 s
    so (timed by gc.callbacks, over the suite's three workers)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(10_000, 50, 100)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    """pytest-xdist's controller: every worker collects every test, so any one worker's count is the run's."""
    said = getattr(node, "workeroutput", {})
    if "otop_sqlite_only" in said:
        node.config._otop_sqlite_only = said["otop_sqlite_only"]
    if "otop_deselected" in said:
        node.config._otop_worker_deselected = said["otop_deselected"]


def pytest_terminal_summary(terminalreporter, config):
    deselected = getattr(config, "_otop_worker_deselected", 0)
    if deselected:  # the workers deselected them, so pytest-xdist's own count leaves them out
        terminalreporter.write_line(f"{deselected} runs deselected (the other engine's, or sqlite_only)")
    count = getattr(config, "_otop_sqlite_only", 0)
    if count:
        terminalreporter.write_line(
            f"{count} {'test is' if count == 1 else 'tests are'} about SQLite's file itself"
            " (sqlite_only) and ran on SQLite only"
        )


@pytest.fixture(scope="session")
def server_databases():
    yield SERVERS
    if SERVERS.admin is not None:
        SERVERS.drop_all()


@pytest.fixture(scope="session")
def file_template(tmp_path_factory):
    """The run's migrated SQLite file, in the run's temporary folder (see tests/engines.py)."""
    FILES.folder = tmp_path_factory.getbasetemp()
    return FILES


@pytest.fixture(scope="session")
def demo_built(tmp_path_factory, cheap_password_hashing):
    """The demo province (build_demo) made once per run, closed: what a module of tests on the demo copies
    (demo_copy). Building it took 1-1.3 s, and six modules built their own, in each worker that ran them."""
    return build_demo(tmp_path_factory.mktemp("demo-built") / "otop.db")


def demo_copy(demo: DemoSummary, target: Path) -> DemoSummary:
    """The run's demo (`demo_built`) copied to `target`: the same summary, of the copy."""
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(demo.path, target)
    return replace(demo, path=target)


@pytest.fixture(scope="session", autouse=True)
def cheap_password_hashing():
    """Tests hash and check many passwords (some 2,500 a run); the lowest scrypt cost keeps each to microseconds
    (at 2**10 they took 9 s of the run). The stored cost is verified as stored; tests/unit/test_auth.py pins the
    program's own cost (PRODUCTION_SCRYPT_N), and the test of a login kept off the GUI thread stores it. For the
    whole run, so that module fixtures (the demo's 27 users) hash cheaply too."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(auth, "_SCRYPT_N", 2**4)
        yield


@pytest.fixture(params=ENGINES)
def database(request, tmp_path, server_databases, file_template) -> Database:
    """A fresh database, once on each engine, copied from the run's migrated template (migrated anew for a test
    marked `migrates`; see tests/engines.py)."""
    # A test of the world gets a copy of the world made once per run: making it (users, entrepreneurs, eleven
    # months saved) cost each of some 700 tests 0.06 s on SQLite and 0.13 s on PostgreSQL.
    name = template_of(request)
    built = (name, BUILT[name]) if name else None
    db, close = open_fresh(
        request.param,
        tmp_path,
        server_databases,
        anew=request.node.get_closest_marker("migrates") is not None,
        built=built,
    )
    yield db
    if "app" in request.fixturenames:
        # A UI test (tests/ui/conftest.py): the reads it left running finish while its dialogs are still recorded,
        # before the database closes; a server's is dropped then, and a read still running would fail unrecorded.
        from PySide6.QtWidgets import QApplication

        from otop_desktop.ui import tasks

        for _ in range(20):  # a delivered read may queue the next one (a tab refreshing after a save)
            tasks.wait_for_background()
            QApplication.processEvents()
            if not tasks._running:
                break
    close()


@dataclass
class World:
    """A province (Ubon Ratchathani, 34) with two districts' users and a few entrepreneurs."""

    database: Database
    admin: auth.UserInfo
    province: auth.UserInfo
    mueang: auth.UserInfo  # district 3401
    warin: auth.UserInfo  # district 3415
    ids: dict[str, int]

    @property
    def path(self) -> Path | None:
        """The SQLite file (None on a server)."""
        return self.database.path


# Before any month the tests work in: an entrepreneur added then is expected in each of them (locks.unlisted_counts).
LONG_AGO = datetime(2025, 9, 1)


def add_entrepreneur(
    db: Database,
    user,
    name: str,
    tambon: str,
    product_type: int = 1,
    kind: int = 1,
    list_in=None,
    active: bool = True,
    added: datetime | None = None,
) -> int:
    """Add an entrepreneur as the province does, today; `added`: as if the office had added it then."""
    with db.unit_of_work() as uow:
        info = entrepreneurs.save_entrepreneur(
            uow=uow,
            user=user,
            info=EntrepreneurInfo(None, name, tambon, product_type, kind, "ข้าวหอมมะลิ", None, active),
            list_in=list_in,
        )
    if added is not None:
        from otop_desktop.models import Entrepreneur

        with db.unit_of_work() as uow:
            uow.session.get(Entrepreneur, info.id).created_at = added
            uow.session.commit()
    return info.id


def save(
    db: Database, user, year: int, month: int, amounts_by_id: dict[int, tuple], unusual_ok: bool = True
) -> saving.SaveResult:
    """Save figures as a test arranges them; unusual amounts pass as confirmed unless a test asks otherwise
    (the confirmation has its own tests)."""
    with db.unit_of_work() as uow:
        return saving.save_month(
            uow=uow,
            user=user,
            fiscal_year=year,
            month=month,
            unusual_ok=unusual_ok,
            changes=[saving.SaleChange(i, tuple(a)) for i, a in amounts_by_id.items()],
        )


def make_world(db: Database) -> World:
    with db.unit_of_work() as uow:
        admin = auth.create_user(uow=uow, user=None, username="admin", password=PASSWORD, role="admin", area_code="34")
        province = auth.create_user(
            uow=uow,
            user=admin,
            username="prov",
            password=PASSWORD,
            role="province",
            area_code="34",
            display_name="นางสมศรี ใจดี",
            position="พัฒนาการจังหวัด",
        )
        mueang = auth.create_user(
            uow=uow, user=admin, username="mueang", password=PASSWORD, role="district", area_code="3401"
        )
        warin = auth.create_user(
            uow=uow, user=admin, username="warin", password=PASSWORD, role="district", area_code="3415"
        )
        uow.commit()
    ids = {
        "ไหม": add_entrepreneur(db, province, "กลุ่มทอผ้าไหมบ้านในเมือง", "340101", 3),
        "ข้าว": add_entrepreneur(db, province, "กลุ่มแม่บ้านข้าวหอมมะลิ", "340104", 1),
        "ปิด": add_entrepreneur(db, province, "กลุ่มที่เลิกกิจการแล้ว", "340104", 1, active=False),
        "วาริน": add_entrepreneur(db, province, "กลุ่มปลาร้าวารินชำราบ", "341501", 1),
    }
    # Fiscal 2569: October 2568 to August 2569 filled for the Mueang entrepreneurs and Warin.
    for month in (10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8):
        save(
            db,
            province,
            2569,
            month,
            {
                ids["ไหม"]: (1_000_000, 200_000, None, None),
                ids["ข้าว"]: (500_050, 0, 100_000, None),
                ids["ปิด"]: (10_000, None, None, None),
                ids["วาริน"]: (300_000, 1, None, None),
            },
        )
    # As on any day after the first: the dashboard's first look rebuilt the monthly summary of those months (a test
    # about the rebuilding makes months stale itself); every test of the world rebuilt it again, 0.04-0.06 s each.
    with db.unit_of_work() as uow:
        summary.refresh(uow)
    return World(db, admin, province, mueang, warin, ids)


def people(world: World) -> tuple:
    """A world's users and entrepreneurs' ids: what a template of it keeps for its copies."""
    return world.admin, world.province, world.mueang, world.warin, world.ids


# The templates a test's database is copied from, by the fixture that asks for one: its name, and what builds it
# from a migrated database, returning the world's people. A test module adds its own fixture's, made on the world.
BUILT = {"world": lambda db: people(make_world(db))}


def template_of(request) -> str | None:
    """The template the test's database is copied from: the one of a module's fixture it asks for, else the world's
    if it asks for the world; None for a test marked `migrates` (its database and world are made anew)."""
    if request.node.get_closest_marker("migrates") is not None:
        return None
    wanted = [name for name in BUILT if name in request.fixturenames]
    return next((name for name in wanted if name != "world"), wanted[0] if wanted else None)


@pytest.fixture
def world(request, database) -> World:
    """A copy of the world (make_world) made once per run and engine; anew on a database migrated anew."""
    name = template_of(request)
    if name is None:
        return make_world(database)
    templates = SERVERS if database.on_server else FILES
    admin, province, mueang, warin, ids = templates.built(name, BUILT[name])[1]
    return World(database, admin, province, mueang, warin, dict(ids))
