"""The department's หน้าหลัก by zone: a bar per geographic region whose sums equal its provinces' sums, and
drilling into a region (a click on its bar, or picking it) shows that region's provinces."""

from PySide6.QtCore import Qt

from otop_desktop.core.users import NATIONAL, UserInfo
from otop_desktop.services import locks
from otop_desktop.services.office import Office
from tests.ui.conftest import open_window, settle

MONTHLY = 1_200_000 + 600_050 + 10_000 + 300_001  # the fixture's August, every district of Ubon Ratchathani
NORTHEAST = "ภาคตะวันออกเฉียงเหนือ"


def table_rows(view) -> list[list[str]]:
    model = view.table.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_the_department_sees_regions_whose_sums_are_their_provinces_and_drills_into_one(qtbot, world):
    Office(world.database, world.province).run(locks.lock_province, fiscal_year=2569, month=8, incomplete_ok=True)
    window = open_window(qtbot, world.database, UserInfo("dept", "department", NATIONAL, "", ""))
    tab = window.dashboard_tab
    tab.picker.set_period(2569, 8)
    settle()
    regions = tab.figures.regions
    assert [r.name for r in regions] == [
        "ภาคเหนือ",
        "ภาคกลาง",
        NORTHEAST,
        "ภาคตะวันตก",
        "ภาคตะวันออก",
        "ภาคใต้",
    ]
    by_province = {bar.code: bar.total for bar in tab.figures.bars}
    for region in regions:
        assert region.total == sum(by_province[p.code] for p in region.provinces)
    assert sum(len(r.provinces) for r in regions) == len(tab.figures.bars) == 77
    assert sum(r.total for r in regions) == tab.figures.total.total == MONTHLY
    zones = tab.chart_views["districts"]
    assert zones.chart_view.property("bar_values")[2] == MONTHLY / 100_000_000
    assert table_rows(zones)[2] == [NORTHEAST, "21,100.51", "100.0%"]
    assert table_rows(zones)[-1] == ["รวม", "21,100.51", "100.0%"]

    series = zones.chart_view.chart().series()[0]
    series.clicked.emit(len(regions) - 1 - 2, series.barSets()[0])  # the northeast's bar (Qt draws the first lowest)
    settle()
    northeast = regions[2]
    assert zones.region_box.currentText() == NORTHEAST
    rows = table_rows(zones)
    assert [row[0] for row in rows[:-1]] == [p.name for p in northeast.provinces] and len(rows) == 21
    assert rows[0] == ["อุบลราชธานี", "21,100.51", "100.0%"]
    assert "นครราชสีมา" in [row[0] for row in rows] and "เชียงใหม่" not in [row[0] for row in rows]
    qtbot.keyClick(zones, Qt.Key.Key_Escape)
    assert zones.region is None and len(table_rows(zones)) == len(regions) + 1
