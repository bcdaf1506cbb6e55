"""The operations layer's rules, checked over the code: ui/ and the command line open no unit of work and
commit nothing (the services do), and no public service hands out a mapped (ORM) object."""

import ast
import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import otop_desktop.services
from otop_desktop.models import Base

ROOT = Path(__file__).resolve().parents[2] / "otop_desktop"
MAPPED = {mapper.class_.__name__ for mapper in Base.registry.mappers}


def test_ui_and_cli_open_no_unit_of_work_and_commit_nothing():
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in [*ROOT.glob("ui/*.py"), ROOT / "cli.py", *ROOT.glob("commands/*.py")]
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"unit_of_work|\.commit\(\)", line)
    ]
    assert not offenders, offenders


def test_no_public_service_returns_a_mapped_object():
    offenders = []
    for module_info in pkgutil.walk_packages(otop_desktop.services.__path__, "otop_desktop.services."):
        module = importlib.import_module(module_info.name)
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("_") or function.__module__ != module.__name__:
                continue
            returned = str(inspect.signature(function).return_annotation)
            if any(re.search(rf"\b{model}\b", returned) for model in MAPPED):
                offenders.append(f"{module.__name__}.{name} -> {returned}")
    assert MAPPED and not offenders, offenders


# A Qt item-data role (Qt.ItemDataRole.…, or a model's own …_ROLE) is not a user's role.
ROLE_RULE = re.compile(
    r"is_provincial|is_national|\.role\b(?!_name)|\bRole\b"
    r"|(?<!for )\brole\s*(==|!=|in\b)(?!\s*\(?\s*(Qt\.|[A-Z_]+_ROLE\b))"
    r"|(==|!=|in)\s*\(?\s*\"(district|province|admin|department)\""
)


def test_ui_holds_no_rule_of_who_may_do_what():
    """Buttons follow the access policy's answers (context.permissions, the read models); ui/ compares no role."""
    offenders = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in ROOT.glob("ui/*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if ROLE_RULE.search(line)
    ]
    assert not offenders, offenders


def test_the_role_rule_pattern_catches_what_it_should():
    for line in (
        'if user.role in ("admin", "department"):',
        "if self.user.is_provincial:",
        'x == "district"',
        "Role.ADMIN",
        "role != 'x'",
    ):
        assert ROLE_RULE.search(line), line
    assert not ROLE_RULE.search("role=user.role_name")
    assert not ROLE_RULE.search("if role == Qt.ItemDataRole.DisplayRole:")


TIME_AND_LOCK_RULE = re.compile(
    r"\bfirst_day\(|\bdeadline_(of|text)\b|\.deadline\b|\bfully_locked\b|\.days\b|[<>]=?\s*self\._today"
    r"|self\._today\s*[<>]|(==|!=)\s*\"(อำเภอ|จังหวัด)\"|\bcheck_(month_begun|sales_writable|not_locked)\b"
)


def test_ui_computes_no_rule_of_locks_months_or_deadlines():
    """Whether a month may be written and why not, whether a deadline is late, whether a bar opens a district:
    the services answer in their read models (MonthSheet.may_write/notice, LockOverview.late,
    Dashboard.bars_open_district)."""
    offenders = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in ROOT.glob("ui/*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if TIME_AND_LOCK_RULE.search(line)
    ]
    assert not offenders, offenders


def test_the_time_and_lock_pattern_catches_what_it_should():
    for line in (
        "opens = first_day(year, month)",
        "writable = not sheet.fully_locked",
        "if opens > self._today:",
        "late = (overview.deadline - self._today).days < 0",
        'clickable = figures.bar_unit == "อำเภอ"',
        "locks.deadline_text(y, m, today)",
    ):
        assert TIME_AND_LOCK_RULE.search(line), line
    assert not TIME_AND_LOCK_RULE.search("self.deadline_label.setText(overview.deadline_words)")


def test_the_sales_channels_are_named_once():
    """The four channels' names stand in services/entry.py (CHANNELS); every other heading is made from them."""
    named = [
        str(path.relative_to(ROOT))
        for path in ROOT.rglob("*.py")
        if path.parent.name != "ui" and re.search(r"\"ในประเทศ( |\\n)ออฟไลน์", path.read_text(encoding="utf-8"))
    ]
    assert named == ["services/entry.py"], named


def test_the_office_calls_a_service_one_visible_way_and_reads_no_signature():
    """Office.run always passes uow= and user=, Office.run_batch the database and the user: no parameter names read."""
    source = (ROOT / "services" / "office.py").read_text(encoding="utf-8")
    assert "inspect" not in source and "signature" not in source


def test_office_run_gives_the_unit_of_work_and_the_user_and_run_batch_the_database(world):
    from otop_desktop.services.office import Office

    office = Office(world.database, world.province)
    seen = office.run(lambda *, uow, user, extra: (uow.session is not None, user, extra), extra=1).result
    assert seen == (True, world.province, 1)
    database, user = office.run_batch(lambda database, user: (database, user)).result
    assert user == world.province and database.unit_of_work  # the database, recording what each commit changes


def test_the_command_line_has_one_style_a_module_per_command_group():
    """cli.py puts the groups together; each module of commands/ adds its parsers and returns its handlers."""
    assert not list(ROOT.glob("cli_*.py")), "command groups live in otop_desktop/commands/"
    groups = [path for path in ROOT.glob("commands/*.py") if path.stem not in ("__init__", "common", "thai_parser")]
    assert len(groups) >= 10
    for path in groups:
        module = importlib.import_module(f"otop_desktop.commands.{path.stem}")
        assert list(inspect.signature(module.add).parameters) == ["commands"], path.name
    assert len((ROOT / "cli.py").read_text(encoding="utf-8").splitlines()) < 150


def test_every_audit_entry_is_an_audit_note():
    """One typed helper (services.audit.AuditNote) builds audit entries; no service spells their fields in a dict."""
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in ROOT.rglob("services/**/*.py")
        if path.name != "audit.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"[\"']entity_key[\"']\s*:", line)
    ]
    assert not offenders, offenders


OFFICE_CALLS = {"run", "run_batch", "query", "query_batch"}
THREADS = {"Thread", "Timer", "QThread", "QTimer", "ThreadPoolExecutor", "QThreadPool"}


def _ui_calls(path: Path):
    """(line, what) of every call to an Office's run/query, or to a thread or timer class, in one file of ui/."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if isinstance(func, ast.Attribute) and name in OFFICE_CALLS:
                yield node.lineno, f"office.{name}"
            elif name in THREADS:
                yield node.lineno, name


def test_ui_calls_services_only_through_the_operations_helper_and_runs_threads_only_in_tasks():
    """A window reads and acts through ui/operations.py (perform, read, read_in_background, …: an OtopError in Thai,
    slow work off the GUI thread); worker threads and the timers that look at them live in ui/tasks.py alone."""
    allowed = {
        "ui/operations.py": {"office.run"},
        "ui/tasks.py": {"QTimer", "ThreadPoolExecutor"},
    }
    offenders = [
        f"{path.relative_to(ROOT)}:{line}: {what}"
        for path in sorted(ROOT.glob("ui/*.py"))
        for line, what in _ui_calls(path)
        if what not in allowed.get(str(path.relative_to(ROOT)), set())
    ]
    assert not offenders, offenders


def test_the_ui_call_check_catches_what_it_should(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import threading\n"
        "years = context.office.query(entry.list_fiscal_years)\n"
        "Office(database).query(areas.list_provinces)\n"
        "self.context.office.run(x)\n"
        "threading.Thread(target=f).start()\n"
        "timer = QTimer(self)\n",
        encoding="utf-8",
    )
    found = [what for _, what in sorted(_ui_calls(sample))]
    assert found == ["office.query", "office.query", "office.run", "Thread", "QTimer"], found
