"""Running slow work off the GUI thread: a QThreadPool worker whose result or error comes back by signal."""

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Relay(QObject):
    """Lives on the GUI thread as a child of the widget that asked; dies with it, dropping late results."""

    def __init__(self, owner: QObject, on_done, on_failed):
        super().__init__(owner)
        self.on_done, self.on_failed = on_done, on_failed

    @Slot(object)
    def done(self, result) -> None:
        self.deleteLater()
        self.on_done(result)

    @Slot(object)
    def failed(self, error) -> None:
        self.deleteLater()
        self.on_failed(error)


class _Task(QRunnable):
    def __init__(self, work: Callable[[], object]):
        super().__init__()
        self.work = work
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as error:  # handed to the GUI thread, which shows it
            self.signals.failed.emit(error)
        else:
            self.signals.done.emit(result)


def run_in_background(
    owner: QObject, work: Callable[[], object], on_done: Callable[[object], None],
    on_failed: Callable[[Exception], None],
) -> None:
    """Run `work()` on the pool; `on_done(result)` or `on_failed(error)` then runs on the GUI thread,
    unless `owner` has been destroyed meanwhile. The work must not touch widgets; it opens its own
    unit of work."""
    task = _Task(work)
    relay = _Relay(owner, on_done, on_failed)
    relay.signals = task.signals  # keep the emitter alive until the relay goes
    task.signals.done.connect(relay.done)
    task.signals.failed.connect(relay.failed)
    QThreadPool.globalInstance().start(task)


def wait_for_background(timeout_ms: int = 30000) -> None:
    """Block until every background task has finished (screenshots and tests)."""
    QThreadPool.globalInstance().waitForDone(timeout_ms)
