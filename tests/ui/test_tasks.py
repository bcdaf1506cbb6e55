"""The background runner's wait, which tests and screenshots lean on."""

import threading

from PySide6.QtWidgets import QWidget

from otop_desktop.ui.tasks import run_in_background, wait_for_background


def test_waiting_delivers_work_that_a_delivered_outcome_started(qtbot):
    """A month shown starts the read of its usual months: one wait delivers both, the second read slower than
    the first was (it is still running when the first is delivered)."""
    owner = QWidget()
    qtbot.addWidget(owner)
    release = threading.Event()
    seen = []

    def second_read():
        release.wait(5)
        return "usual months"

    def first_done(result):
        seen.append(result)
        run_in_background(owner, second_read, on_done=seen.append, on_failed=seen.append)
        threading.Timer(0.2, release.set).start()

    run_in_background(owner, lambda: "month", on_done=first_done, on_failed=seen.append)
    wait_for_background()
    assert seen == ["month", "usual months"]
