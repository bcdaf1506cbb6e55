"""The demo province looks like Ubon Ratchathani: its districts, the national mix, billions of baht."""

import pytest

from otop_desktop.core.errors import InvalidInput
from otop_desktop.demo import build_demo
from otop_desktop.services import auth, entry
from otop_desktop.store.database import open_database
from tests.conftest import demo_copy
from tests.engines import connect


@pytest.fixture(scope="module")
def demo(tmp_path_factory, demo_built):
    return demo_copy(demo_built, tmp_path_factory.mktemp("demo") / "otop.db")


def test_demo_has_the_size_and_mix_asked_for(demo):
    assert 2500 <= demo.entrepreneurs <= 2700
    with connect(demo.path) as con:
        mix = dict(con.execute("SELECT entrepreneur_type_id, count(*) FROM entrepreneur GROUP BY 1"))
        districts = con.execute("SELECT count(DISTINCT substr(tambon_code, 1, 4)) FROM entrepreneur").fetchone()[0]
        years = [y for (y,) in con.execute("SELECT DISTINCT fiscal_year FROM monthly_sale ORDER BY 1")]
    assert districts == 25
    assert abs(mix[1] / demo.entrepreneurs - 0.55) < 0.04
    assert abs(mix[2] / demo.entrepreneurs - 0.43) < 0.04
    assert abs(mix.get(3, 0) / demo.entrepreneurs - 0.02) < 0.015
    assert years[:2] == [2568, 2569]
    for year in (2568, 2569):
        assert 8e11 < demo.total_satang_by_year[year] < 10.5e11  # about 9 billion baht


def test_demo_users_log_in_with_the_printed_passwords(demo):
    database = open_database(demo.path)
    try:
        with database.unit_of_work() as uow:
            for login in demo.logins:
                user = auth.authenticate(uow=uow, username=login.username, password=login.password)
                assert (user.role, user.area_code) == (login.role, login.area_code)
            sheet = entry.load_month(uow=uow, user=user, fiscal_year=2569, month=9)
        assert sheet.rows and {r.district_code for r in sheet.rows} == {user.area_code}
    finally:
        database.close()
    assert len(demo.logins) == 27


@pytest.mark.parametrize("scale", ["0", "-3", "41"])  # 10**8 would run for ever if the check went
def test_a_scale_out_of_range_is_refused_in_thai_and_makes_nothing(scale, tmp_path, capsys):
    """--scale 0 made a demo without entrepreneurs, a negative one as much, and 10**8 ran until it was killed."""
    from otop_desktop.cli import main

    assert main(["--data-dir", str(tmp_path / "data"), "demo", "--scale", scale]) == 2
    said = capsys.readouterr().err
    assert "1 ถึง 40 เท่า" in said and said.count("\n") == 1
    assert not (tmp_path / "data" / "otop.db").exists()


def test_demo_refuses_to_overwrite_without_force(demo):
    with pytest.raises(InvalidInput, match="--force"):
        build_demo(demo.path)


def test_the_demos_locks_have_their_history(demo):
    """The lock tab's history of a demo month was empty while a figure's history named its lock: each demo lock has
    the log entry a lock writes."""
    from otop_desktop.core.users import UserInfo
    from otop_desktop.services.locks import lock_history

    database = open_database(demo.path)
    try:
        with database.unit_of_work() as uow:
            events = lock_history(
                uow=uow,
                user=UserInfo("province34", "province", "34", "", ""),
                district_code="3401",
                fiscal_year=2569,
                month=10,
            )
    finally:
        database.close()
    assert [event.action for event in events][:1] == ["ล็อก"] and len(events) >= 2  # the province's and the district's
