"""Times are shown and judged in Thailand's time (UTC+07:00, no daylight saving) whatever zone the PC's clock
is set to: the same texts under TZ=UTC, America/New_York and Asia/Bangkok."""

import time
from datetime import UTC, datetime

import pytest

from otop_desktop.cli import main
from otop_desktop.core.errors import OtopError
from otop_desktop.services import periods, thai
from tests.conftest import PASSWORD
from tests.engines import execute, location

ZONES = ("UTC", "America/New_York", "Asia/Bangkok")


@pytest.fixture
def zone(monkeypatch):
    """Set the process's clock zone, as a PC set to that zone would have it."""

    def set_zone(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()


def test_a_stored_time_reads_in_thailand_whatever_the_zone(zone):
    for name in ZONES:
        zone(name)
        assert thai.format_thai_datetime(datetime(2026, 11, 5, 3, 0)) == "5 พฤศจิกายน 2569 เวลา 10:00 น."
        assert thai.format_thai_datetime(datetime(2026, 11, 30, 18, 30)) == "1 ธันวาคม 2569 เวลา 01:30 น."


def test_the_locks_command_prints_the_same_in_every_zone(world, zone, monkeypatch, capsys):
    monkeypatch.setenv("OTOP_PASSWORD", PASSWORD)
    assert (
        main(
            [
                *location(world.database),
                "lock",
                "--user",
                "prov",
                "--year",
                "2569",
                "--month",
                "9",
                "--district",
                "3401",
                "--incomplete-ok",  # September's list is not entered in the world
            ]
        )
        == 0
    )
    execute(
        world.database,
        "UPDATE district_lock SET changed_at = ? WHERE district_code = '3401'",
        datetime(2026, 10, 1, 3, 5),
    )
    capsys.readouterr()
    printed = []
    for name in ZONES:
        zone(name)
        assert main([*location(world.database), "locks", "--user", "prov", "--year", "2569", "--month", "9"]) == 0
        printed.append(capsys.readouterr().out)
    assert printed[0] == printed[1] == printed[2]
    assert "1 ตุลาคม 2569 เวลา 10:05 น." in printed[0]


class _Clock(datetime):
    """datetime whose now() is a fixed moment: 30 Nov 2026 18:00 UTC, already 1 Dec 01:00 in Thailand."""

    @classmethod
    def now(cls, tz=None):
        moment = datetime(2026, 11, 30, 18, 0, tzinfo=UTC)
        return moment.astimezone(tz) if tz else moment.astimezone().replace(tzinfo=None)


def test_today_is_thailands_today(zone, monkeypatch):
    monkeypatch.setattr(thai, "datetime", _Clock)
    for name in ZONES:
        zone(name)
        assert thai.today_in_thailand().isoformat() == "2026-12-01"
        periods.check_month_begun(2570, 12)  # December 2569 BE has begun in Thailand
        with pytest.raises(OtopError):
            periods.check_month_begun(2570, 1)


def test_no_code_reads_the_pcs_zone():
    """Every 'now' and 'today' comes from services.thai (now_utc, today_in_thailand, to_local)."""
    import re
    from pathlib import Path

    package = Path(thai.__file__).resolve().parents[1]
    pc_zone = re.compile(
        r"date\.today\(\)|datetime\.now\(\)|\.astimezone\(\)|time\.localtime|QDateTime\.currentDateTime\(\)"
    )
    found = [
        f"{path.relative_to(package)}:{number}"
        for path in package.rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pc_zone.search(line)
    ]
    assert not found, found
