"""The period picker: two combo boxes over the fiscal years there are and their months in fiscal order."""

from datetime import date

from otop_desktop.ui.period_picker import PeriodPicker


def test_an_emptied_year_box_is_no_year_picked_not_a_failure(qtbot):
    """set_years clears and refills the year box: the index it passes through (-1, no year) fills no months
    and says nothing changed; the months come back with the years, the month picked kept."""
    picker = PeriodPicker(date(2026, 12, 5))
    qtbot.addWidget(picker)
    picker.set_years([2570, 2569])
    picker.set_period(2569, 9)
    changes = []
    picker.changed.connect(lambda: changes.append((picker.year, picker.month)))
    picker.year_box.clear()
    assert changes == [] and picker.year is None
    picker.set_years([2570, 2569])
    picker.set_period(2569, 9)
    assert changes[-1] == (2569, 9) and picker.month_box.count() == 12
    assert picker.month_box.itemText(0) == "ตุลาคม 2568"
