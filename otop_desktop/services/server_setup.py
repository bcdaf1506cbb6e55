"""Setting up an office's database on its PostgreSQL server, in one command: made under an unfinished name,
migrated, the master data loaded, the first admin created, and only then given its name."""

import uuid

from sqlalchemy.engine import make_url

from otop_desktop.core.errors import InvalidInput
from otop_desktop.services import auth
from otop_desktop.store import server
from otop_desktop.store.database import open_server


def set_up_server(
    admin_url: str, name: str, *, owner: str | None, admin: str, password: str, area_code: str, display_name: str = ""
) -> str:
    """An office's database, ready: made on the server (as `admin_url`'s role) under an unfinished name, its
    tables made as the program's own role `owner` (SET ROLE: they are that role's), the master data loaded,
    the first admin created, and only then renamed to `name`. Returns the URL the office's PCs connect with.
    Whatever fails, even a kill, no half-made database stands under `name`, and a rerun clears what was left."""
    admin_server = make_url(admin_url)
    owner = owner or admin_server.username
    check_server(admin_url, name)
    server.clear_unfinished(admin_url, name)
    unfinished = f"{name[: server.NAME_ROOM]}{server.UNFINISHED}{uuid.uuid4().hex[:8]}"
    server.create_owned_database(admin_url, unfinished, owner)
    try:
        _fill(
            admin_server.set(database=unfinished).render_as_string(hide_password=False),
            owner if owner != admin_server.username else None,
            username=admin,
            password=password,
            area_code=area_code,
            display_name=display_name,
        )
        server.rename_database(admin_url, unfinished, name)
    except BaseException:
        server.drop_server_database(admin_url, unfinished)
        raise
    return admin_server.set(username=owner, database=name).render_as_string(hide_password=True)


def check_server(admin_url: str, name: str) -> None:
    """Refuse, in Thai, a server that cannot be reached as `admin_url` says, or a name taken or not fit: asked
    before the first admin's password is (an officer typed it, and then learned the server was not there)."""
    server.check_name(name)
    if server.database_exists(admin_url, name):
        raise InvalidInput(server.EXISTS.format(name=name))


def _fill(url: str, role: str | None, **first_admin) -> None:
    """Migrate the new database, load the master data and create the first admin (as `role`)."""
    database = open_server(url, role=role, create=True)
    try:
        with database.unit_of_work() as uow:
            auth.create_first_admin(uow=uow, **first_admin)  # it commits
    finally:
        database.close()
