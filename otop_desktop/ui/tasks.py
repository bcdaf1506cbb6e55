"""Running slow work off the GUI thread. The worker is a plain Python thread that never touches Qt: the
GUI thread looks at the work's future on a short timer and hands the result (or error) to the widget
that asked. (Emitting Qt signals from the worker let a QObject be destroyed on one thread while the
other still used it, which crashed now and then.)"""

import itertools
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait

import shiboken6
from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QTimer

POLL_MS = 15
_executor = ThreadPoolExecutor(max_workers=2, thread_name_prefix="otop-work")
_running: set[Future] = set()
_pollers: set["_Poller"] = set()
_deferred: dict[int, QObject] = {}  # after_drawing calls not yet run, by key, with their owner
_keys = itertools.count()


class _Poller(QObject):
    """Lives on the GUI thread as a child of the widget that asked, so it dies with it (late results are
    dropped). Each tick it calls `on_tick` (progress) and, once the work is over, delivers the outcome."""

    def __init__(self, owner: QObject, future: Future, on_done, on_failed, on_tick):
        super().__init__(owner)
        self.future, self.on_done, self.on_failed, self.on_tick = future, on_done, on_failed, on_tick
        self.busy = self.delivered = False
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def poll(self) -> None:
        """Called on the GUI thread; re-entry (a modal progress dialog runs the event loop) is ignored."""
        if self.busy or self.delivered:
            return
        self.busy = True
        try:
            if self.on_tick:
                self.on_tick()
            if not self.future.done():
                return
            self.delivered = True
            self.timer.stop()
            _pollers.discard(self)
            self.deleteLater()
            error = self.future.exception()
            if error is None:
                self.on_done(self.future.result())
            else:
                self.on_failed(error)
        finally:
            self.busy = False


def run_in_background(
    owner: QObject,
    work: Callable[[], object],
    on_done: Callable[[object], None],
    on_failed: Callable[[Exception], None],
    on_tick: Callable[[], None] | None = None,
) -> None:
    """Run `work()` on a worker thread; `on_done(result)` or `on_failed(error)` then runs on the GUI
    thread, unless `owner` has been destroyed meanwhile; `on_tick()` runs on the GUI thread meanwhile.
    The work must not touch widgets or any Qt object; it opens its own unit of work."""
    future = _executor.submit(work)
    _running.add(future)
    future.add_done_callback(_running.discard)
    _pollers.add(_Poller(owner, future, on_done, on_failed, on_tick))


def submit(work: Callable[[], object]) -> Future:
    """Run `work()` on the worker pool and return its future, for `watch` or `finish_waiting` to look at."""
    future = _executor.submit(work)
    _running.add(future)
    future.add_done_callback(_running.discard)
    return future


def watch(owner: QObject, future: Future, on_over: Callable[[Future], None]) -> Callable[[], None]:
    """Call `on_over(future)` on the GUI thread once `future` is over, unless `owner` has gone or the returned
    `stop()` was called first. The timer that looks is a child of `owner` and dies with it, on the GUI thread; it
    is never deleted later on its own (a widget that runs its own event loop, a dialog, may be deleted first)."""
    timer = QTimer(owner)
    timer.setInterval(POLL_MS)

    def look() -> None:
        if future.done():
            timer.stop()
            on_over(future)

    timer.timeout.connect(look)
    timer.start()
    return timer.stop


def every(owner: QObject, interval_ms: int, call: Callable[[], None]) -> None:
    """Call `call()` on the GUI thread every `interval_ms` while `owner` lives (the timer is its child)."""
    timer = QTimer(owner)
    timer.setInterval(interval_ms)
    timer.timeout.connect(call)
    timer.start()


def warm_up_later(owner: QObject, work: Callable[[], None], delay_ms: int = 1500) -> None:
    """Run `work()` on the worker pool once the GUI has had `delay_ms` to settle (the tabs' first reads go
    first), unless `owner` has gone by then: building ahead what a later action needs. Nothing is reported
    back; a failure only means the action builds it itself."""
    QTimer.singleShot(delay_ms, owner, lambda: submit(work))


def finish_waiting(future: Future, timeout_s: float | None = None) -> bool:
    """Turn the GUI thread's event loop until `future` is over (or `timeout_s` has passed), the user's input
    waiting meanwhile (for work that is seldom more than a moment, and whose outcome the caller needs before it
    goes on). Whether it is over."""
    ends = None if timeout_s is None else time.monotonic() + timeout_s
    while not wait([future], timeout=0.01).done:
        if ends is not None and time.monotonic() >= ends:
            return False
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    return True


def wait_for_background(timeout_ms: int = 30000) -> None:
    """Block until every background task has finished (those waiting to start after the drawing started
    first), then deliver the outcomes whose widgets still exist (screenshots, tests, and the app before it ends);
    again while an outcome delivered started more (a month shown reads its usual months next)."""
    deadline = time.monotonic() + timeout_ms / 1000
    delivered = True
    while delivered and time.monotonic() < deadline:
        _run_deferred(deadline - time.monotonic())
        wait(list(_running), timeout=max(0.0, deadline - time.monotonic()))
        delivered = False
        for poller in list(_pollers):
            if shiboken6.isValid(poller):
                poller.poll()
                delivered = delivered or poller.delivered
            else:
                _pollers.discard(poller)


def after_drawing(owner: QObject, call: Callable[[], None]) -> None:
    """Call `call()` on the GUI thread once the events already waiting (the window's first paint among them)
    are handled, unless `owner` has gone: a read started from a constructor or a first show then does not
    compete with the drawing for the interpreter."""
    key = next(_keys)
    _deferred[key] = owner

    def run() -> None:
        _deferred.pop(key, None)
        call()

    QTimer.singleShot(1, owner, run)


def _run_deferred(timeout_s: float) -> None:
    """Turn the event loop until every after_drawing call whose owner still exists has run."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and any(shiboken6.isValid(owner) for owner in _deferred.values()):
        QCoreApplication.processEvents()
        time.sleep(0.001)
    _deferred.clear()
