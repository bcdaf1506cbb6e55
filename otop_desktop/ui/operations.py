"""The one way a window runs an action (after Anki's CollectionOp/QueryOp): the service runs through the
Office, in its own unit of work; an OtopError shows its Thai message, anything else goes to the excepthook
(the log and the generic error dialog); on success the change the service reported is announced once on
the app-wide bus, so each view refreshes only for what it shows and nothing refreshes after a failure.
Slow work (files, a whole province) runs off the GUI thread with a progress dialog that can cancel."""

import inspect
import sys
import threading
from collections.abc import Callable

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from otop_desktop.core.errors import OtopError
from otop_desktop.services.office import Done, Office
from otop_desktop.ui.bus import Notice
from otop_desktop.ui.errors import show_error
from otop_desktop.ui.tasks import after_drawing, run_in_background


def _office(owner: QWidget, office: Office | None) -> Office:
    return office or owner.context.office


def report(owner: QWidget, error: BaseException) -> None:
    """An OtopError in Thai through the one error display; anything else to the excepthook."""
    if isinstance(error, OtopError):
        show_error(owner, error)
    else:
        sys.excepthook(type(error), error, error.__traceback__)


def announce(owner: QWidget, done: Done) -> None:
    """Tell every view what changed, once, if anything did."""
    if done.changes and hasattr(owner, "context"):
        owner.context.bus.changed.emit(Notice(done.changes, owner))


def perform(
    owner: QWidget,
    service,
    /,
    *,
    office: Office | None = None,
    refused: Callable[[OtopError], None] | None = None,
    **kwargs,
) -> Done | None:
    """Run a quick action or read on the GUI thread; None when it failed (and the user was told).
    A form passes `refused` to show a refusal beside its fields instead of in a message box."""
    try:
        done = _office(owner, office).run(service, **kwargs)
    except OtopError as error:
        (refused or (lambda e: show_error(owner, e)))(error)
        return None
    except Exception as error:  # noqa: BLE001 - every failure is shown, none escapes as a traceback
        report(owner, error)
        return None
    announce(owner, done)
    return done


def read(owner: QWidget, service, /, *, office: Office | None = None, **kwargs):
    """A read on the GUI thread, for what is over in a blink (master data by key, a few rows): its result, or
    None when it failed (an OtopError said in Thai, anything else handed to the excepthook)."""
    done = perform(owner, service, office=office, **kwargs)
    return None if done is None else done.result


def read_in_background(owner: QWidget, service, /, *, on_done: Callable[[object], None], **options) -> None:
    """A read that can take longer than a blink, off the GUI thread: `on_done(result)` fills the widget on the
    GUI thread once it returns (never after a failure, which is said as perform_in_background says it)."""
    perform_in_background(owner, service, on_done=lambda done: on_done(done.result), **options)


def read_once_drawn(owner: QWidget, service, /, *, on_done: Callable[[object], None], **options) -> None:
    """read_in_background, started once the window is drawn: what a widget reads as it is built (the country's
    929 districts, say) does not compete with the drawing for the interpreter."""
    after_drawing(owner, lambda: read_in_background(owner, service, on_done=on_done, **options))


class _Progress:
    """What a worker reports, read by the GUI thread's timer; the user's cancel, read by the worker."""

    def __init__(self):
        self.done, self.total = 0, 0
        self._cancel = threading.Event()

    def update(self, done: int, total: int) -> None:
        self.done, self.total = done, total

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()


def _follows(service, name: str) -> bool:
    """Whether a service takes the progress(done, total) or cancelled() callable of this name."""
    return name in inspect.signature(service).parameters


def perform_in_background(owner: QWidget, service, /, **options) -> None:
    """Run a slow action off the GUI thread, `service(uow=…, user=…, **kwargs)` through Office.run. With
    `progress` (a Thai label), a dialog shows how far it is and offers to cancel; services that take
    `progress(done, total)` and `cancelled()` get them. A caller that can act on a refusal (ask, then run
    again) passes `refused`. Takes `on_done`, `on_failed`, `progress`, `office`, `refused`, then the service's
    keyword arguments."""
    _in_background(owner, Office.run, service, **options)


def perform_batch_in_background(owner: QWidget, service, /, **options) -> None:
    """perform_in_background for a batch that opens its own units of work, `service(database, user, **kwargs)`
    through Office.run_batch (many files, an undo, a backup or a restore)."""
    _in_background(owner, Office.run_batch, service, **options)


def _in_background(
    owner: QWidget,
    run: Callable[..., Done],
    service,
    /,
    *,
    on_done: Callable[[Done], None],
    on_failed: Callable[[], None] | None = None,
    progress: str | None = None,
    office: Office | None = None,
    refused: Callable[[OtopError], None] | None = None,
    **kwargs,
) -> None:
    office = _office(owner, office)
    state = _Progress()
    if _follows(service, "progress"):
        kwargs.setdefault("progress", state.update)
    if _follows(service, "cancelled"):
        kwargs.setdefault("cancelled", state.cancelled)
    dialog = None
    if progress:
        dialog = QProgressDialog(progress, owner.tr("ยกเลิก"), 0, 0, owner)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.canceled.connect(state.cancel)

    def tick() -> None:
        if dialog is not None and state.total:
            dialog.setMaximum(state.total)
            dialog.setValue(state.done)

    def finish() -> None:
        if dialog is not None:
            dialog.canceled.disconnect(state.cancel)
            dialog.close()
            dialog.deleteLater()

    def done(result: Done) -> None:
        finish()
        announce(owner, result)
        on_done(result)

    def failed(error: Exception) -> None:
        finish()
        if refused is not None and isinstance(error, OtopError):
            refused(error)
        else:
            report(owner, error)
        if on_failed:
            on_failed()

    run_in_background(owner, lambda: run(office, service, **kwargs), done, failed, tick)


def perform_waiting(
    owner: QWidget,
    service,
    /,
    *,
    progress: str,
    office: Office | None = None,
    refused: Callable[[OtopError], None] | None = None,
    **kwargs,
) -> Done | None:
    """Run an action whose outcome the caller needs before it goes on (saving before leaving a month), off
    the GUI thread: an event loop turns here until it ends, so the window keeps drawing and its timers
    keep firing, while the user's clicks and keys wait until it is over (a half-saved month can be neither
    edited nor left). After a moment a dialog says what is going on. None when it failed (the user was
    told, or `refused` was called)."""
    office = _office(owner, office)
    loop, outcome = QEventLoop(), []
    dialog = QProgressDialog(progress, "", 0, 0, owner)
    dialog.setCancelButton(None)  # one transaction: there is nothing to cancel half-way
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)

    def finish(result) -> None:
        outcome.append(result)
        loop.quit()

    run_in_background(owner, lambda: office.run(service, **kwargs), finish, finish)
    if not outcome:
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    dialog.close()
    dialog.deleteLater()
    result = outcome[0]
    if isinstance(result, OtopError):
        (refused or (lambda e: show_error(owner, e)))(result)
        return None
    if isinstance(result, Exception):
        report(owner, result)
        return None
    announce(owner, result)
    return result
