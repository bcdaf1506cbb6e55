"""Running slow work off the GUI thread: a QThreadPool worker whose result or error comes back by signal."""

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

_running: set["_Task"] = set()


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, work: Callable[[], object]):
        super().__init__()
        self.setAutoDelete(False)
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
    work: Callable[[], object], on_done: Callable[[object], None], on_failed: Callable[[Exception], None],
) -> None:
    """Run `work()` on the pool; `on_done(result)` or `on_failed(error)` then runs on the GUI thread.

    The work must not touch widgets; it gets its own unit of work.
    """
    task = _Task(work)
    _running.add(task)

    def finish(callback, value):
        _running.discard(task)
        callback(value)

    task.signals.done.connect(lambda result: finish(on_done, result))
    task.signals.failed.connect(lambda error: finish(on_failed, error))
    QThreadPool.globalInstance().start(task)


def wait_for_background(timeout_ms: int = 30000) -> None:
    """Block until every background task has finished (screenshots and tests)."""
    QThreadPool.globalInstance().waitForDone(timeout_ms)
