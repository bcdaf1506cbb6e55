"""The one way callers outside services/ run a service: the GUI's operations helper and the command line
open no unit of work and commit nothing themselves. An Office is the open database and who is logged in;
`run` gives a service its own unit of work and the logged-in user, `run_batch` gives a batch (which opens units
of work of its own) the database and the user; each returns the result with what it changed."""

from dataclasses import dataclass
from typing import Any

from otop_desktop.core.changes import Changes
from otop_desktop.core.users import UserInfo
from otop_desktop.store.database import Database


@dataclass(frozen=True)
class Done:
    """A service's result and what its commits changed."""

    result: Any
    changes: Changes


class _Recording:
    """The database as a service that opens its own units of work sees it, collecting what each commit changed."""

    def __init__(self, database: Database):
        self._database = database
        self.changes = Changes()

    def unit_of_work(self):
        uow = self._database.unit_of_work()
        uow.on_commit = self._add
        return uow

    def _add(self, changes: Changes) -> None:
        self.changes = self.changes | changes

    def __getattr__(self, name):
        return getattr(self._database, name)


@dataclass(frozen=True)
class Office:
    """The database a program works on and the user logged in (None before login)."""

    database: Database
    user: UserInfo | None = None

    def run(self, service, /, **kwargs) -> Done:
        """Call `service(uow=…, user=…, **kwargs)` in a unit of work of its own (the user: who is logged in,
        None before login); the service commits."""
        with self.database.unit_of_work() as uow:
            result = service(uow=uow, user=self.user, **kwargs)
            return Done(result, uow.changes)

    def run_batch(self, service, /, **kwargs) -> Done:
        """Call `service(database, user, **kwargs)`: a batch that opens units of work of its own (many files,
        an undo, a backup); what each of its commits changed is collected."""
        recording = _Recording(self.database)
        result = service(recording, self.user, **kwargs)
        return Done(result, recording.changes)

    def query(self, service, /, **kwargs):
        """A read: the service's result alone."""
        return self.run(service, **kwargs).result

    def query_batch(self, service, /, **kwargs):
        """A batch service's result alone."""
        return self.run_batch(service, **kwargs).result

    def as_user(self, user: UserInfo | None) -> "Office":
        """The same database, another user (after login)."""
        return Office(self.database, user)
