"""The print preview read as a reader does at 1366×768: zoom from the box, "หน้า x / y" moved with PgDn, PgUp,
Ctrl+End and Ctrl+Home, a preview greyed and marked when the pickers change, and only the pickers the
chosen form uses."""

import os

from PySide6.QtCore import Qt

from otop_desktop.ui import reports_tab as reports_module
from tests.ui.conftest import open_window, settle

SHOTS = os.environ.get("OTOP_TEST_SHOTS")  # a folder: the test also saves what it shows, to look at


def open_reports(qtbot, world, user):
    window = open_window(qtbot, world.database, user, tab="reports_tab")
    window.resize(1366, 740)
    settle()
    return window, window.reports_tab


def shot(qtbot, window, name):
    if SHOTS:
        qtbot.wait(1500)  # the pages are rendered on Qt's own thread
        window.grab().save(os.path.join(SHOTS, name))


def pick(qtbot, box, data):
    """Choose an item of a combo box with the keyboard, as a user does."""
    box.setFocus()
    while box.currentData() != data:
        before = box.currentIndex()
        qtbot.keyClick(box, Qt.Key.Key_Down if box.findData(data) > before else Qt.Key.Key_Up)
        assert box.currentIndex() != before, f"{data!r} not reachable in the box"


def preview_every_district(qtbot, tab):
    pick(qtbot, tab.district_box, reports_module.ALL)
    qtbot.mouseClick(tab.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.preview_pane.page_count > 0, timeout=30000)
    settle()


def test_pages_are_read_with_the_keys_and_zoom_from_the_box(qtbot, world, messages):
    window, tab = open_reports(qtbot, world, world.province)
    preview_every_district(qtbot, tab)
    pane = tab.preview_pane
    # Mueang's form, Warin's, and the province's summary of its 25 districts after them, on two pages
    assert pane.page_count == 4 and (pane.page_box.value(), pane.pages_label.text()) == (1, "/ 4")

    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_PageDown)
    assert pane.current_page == 2 and pane.page_box.value() == 2
    qtbot.keyClick(tab.view, Qt.Key.Key_PageUp)
    assert pane.current_page == 1
    qtbot.keyClick(tab.view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert pane.current_page == 4
    qtbot.keyClick(tab.view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert pane.current_page == 1

    fit_width = tab.view.verticalScrollBar().maximum()
    pick(qtbot, pane.zoom_box, 200)
    assert pane.zoom_text == "200%" and tab.view.verticalScrollBar().maximum() > fit_width
    qtbot.mouseClick(pane.zoom_out_button, Qt.MouseButton.LeftButton)
    assert pane.zoom_text == "150%"
    qtbot.keyClick(tab.view, Qt.Key.Key_PageDown)
    assert pane.current_page == 2
    shot(qtbot, window, "preview-150-page2.png")
    pick(qtbot, pane.zoom_box, "width")
    fitted = pane.shown_zoom()
    qtbot.mouseClick(pane.zoom_in_button, Qt.MouseButton.LeftButton)  # from the fitted width to the next size up
    assert int(pane.zoom_text.rstrip("%")) / 100 > fitted and pane.shown_zoom() > fitted
    pick(qtbot, pane.zoom_box, "page")
    assert pane.zoom_text == "พอดีหน้า" and tab.view.verticalScrollBar().maximum() < fit_width


def test_a_changed_picker_marks_the_preview_until_it_is_rendered_again(qtbot, world, messages):
    window, tab = open_reports(qtbot, world, world.province)
    preview_every_district(qtbot, tab)
    assert not tab.preview_pane.stale
    pick(qtbot, tab.scope_box, 4)  # from the month to the fourth quarter
    assert tab.preview_pane.stale and "ตัวอย่างนี้เป็นของตัวเลือกก่อนหน้า" in tab.preview_pane.stale_label.text()
    assert tab.view.graphicsEffect() is not None  # greyed
    shot(qtbot, window, "preview-stale.png")
    pick(qtbot, tab.scope_box, None)  # back to what is shown: plain again
    assert not tab.preview_pane.stale and tab.view.graphicsEffect() is None
    tab.arabic_box.setFocus()
    qtbot.keyClick(tab.arabic_box, Qt.Key.Key_Space)
    assert tab.preview_pane.stale
    qtbot.mouseClick(tab.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.preview_pane.stale, timeout=30000)


def test_only_the_pickers_the_form_uses_are_offered(qtbot, world, messages):
    window, tab = open_reports(qtbot, world, world.province)
    assert tab.scope_box.isVisible() and tab.picker.month_box.isEnabled() and tab.district_box.isVisible()
    pick(qtbot, tab.scope_box, 2)
    assert not tab.picker.month_box.isEnabled()  # a quarter takes no month
    pick(qtbot, tab.form_box, "jt1")  # a collection sheet is a month's, never a quarter's
    assert not tab.scope_box.isVisible() and tab.picker.month_box.isEnabled()
    pick(qtbot, tab.form_box, "forecast")  # the province's whole fiscal year
    assert tab.picker.year_box.isVisible() and not tab.picker.month_box.isVisible()
    assert not tab.district_box.isVisible() and not tab.scope_box.isVisible()
    pick(qtbot, tab.form_box, "jt2")
    assert tab.scope_box.isVisible() and tab.district_box.isVisible() and not tab.picker.month_box.isEnabled()
