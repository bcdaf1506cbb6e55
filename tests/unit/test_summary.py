"""The monthly summary equals the detail it sums after every kind of write: typed entry, a move of an
entrepreneur to another district, a change of product type, a deleted row; and the dashboard reads it."""

from sqlalchemy import select

from otop_desktop.core.users import UserInfo
from otop_desktop.models import SummaryStale
from otop_desktop.services import entrepreneurs
from otop_desktop.services.entrepreneurs import EntrepreneurInfo
from otop_desktop.services.office import Office
from otop_desktop.services.reports import dashboard, figures, summary
from tests.conftest import add_entrepreneur, save
from tests.engines import connect

KEYS = (("district", "month"), ("product_type", "month"), ("province",), ())


def compare(world, user=None):
    """Refresh, then every grouping of the summary against the same grouping of the detail."""
    with world.database.unit_of_work() as uow:
        summary.refresh(uow)
        stale = uow.session.execute(select(SummaryStale)).all()
        assert stale == []
        for fiscal_year in (2569, 2570):
            scope = figures.scope_for(uow, user or world.province, fiscal_year)
            for keys in KEYS:
                by_summary = summary.sums_by(uow.session, scope, *keys)
                by_detail = figures.sums_by(uow.session, scope, *keys)
                assert {k: s.amounts for k, s in by_summary.items()} == {k: s.amounts for k, s in by_detail.items()}, (
                    keys
                )
                if "month" in keys:  # one month: entrepreneurs listed and with figures are exact
                    assert by_summary == by_detail, keys


def stale_months(world):
    with connect(world.database) as con:
        return set(con.execute("SELECT fiscal_year, month FROM summary_stale"))


def test_the_summary_follows_every_write(world):
    add_entrepreneur(world.database, world.province, "กลุ่มใหม่ยังไม่กรอก", "340101", 5, list_in=(2569, 9))
    compare(world)  # on September's list without figures: listed, not reported
    assert stale_months(world) == set()
    save(world.database, world.province, 2569, 8, {world.ids["ไหม"]: (5, 6, 7, 8)})
    assert stale_months(world) == {(2569, 8)}
    compare(world)
    rice = world.ids["ข้าว"]
    with world.database.unit_of_work() as uow:  # the province moves the rice group to Warin, as food → drinks
        entrepreneurs.save_entrepreneur(
            uow=uow,
            user=world.province,
            info=EntrepreneurInfo(rice, "กลุ่มแม่บ้านข้าวหอมมะลิ", "341501", 2, 1, "ข้าวหอมมะลิ", None, True),
        )
    assert len(stale_months(world)) == 11  # every month it has figures in
    compare(world)
    with connect(world.database) as con:
        con.execute("DELETE FROM monthly_sale WHERE month = 12")
    assert stale_months(world) == {(2569, 12)}
    compare(world)
    compare(world, UserInfo("dept", "department", "00", "", ""))


def test_the_dashboard_brings_the_summary_up_to_date_before_reading(world):
    office = Office(world.database, world.province)
    before = office.query(dashboard.dashboard, fiscal_year=2569, month=8).total.total
    save(world.database, world.province, 2569, 8, {world.ids["วาริน"]: (1_000_000, 0, None, None)})
    after = office.query(dashboard.dashboard, fiscal_year=2569, month=8)
    assert after.total.total == before - 300_001 + 1_000_000
    assert after.progress.listed == 4 and after.progress.reported == 4
    assert stale_months(world) == set()
