from django.core.management.base import CommandError
from django.core.management.commands import flush
from django.db import connections
from django.utils.translation import gettext as _

APPEND_ONLY_TABLES = ["core_accesslog"]


class Command(flush.Command):
    """Django's flush, able to empty the append-only access log. On SQLite flush runs DELETE, which
    the log's triggers refuse, so they are set aside and put back. (PostgreSQL flushes with
    TRUNCATE, which row triggers do not see.) Flush empties the whole database: it is an operator's
    reset, used by the test runner, not a way for the application to edit the log."""

    def handle(self, **options):
        try:
            return self._flush(**options)
        except EOFError:  # Django's question, asked with no one to answer it (a script, a pipe, cron)
            raise CommandError(
                _(
                    "No answer to the question (standard input is not a terminal); nothing was flushed. "
                    "Run flush --no-input to flush without it."
                )
            ) from None

    def _flush(self, **options):
        connection = connections[options["database"]]
        if connection.vendor != "sqlite":
            return super().handle(**options)
        with connection.cursor() as cursor:
            placeholders = ", ".join(["%s"] * len(APPEND_ONLY_TABLES))
            cursor.execute(
                f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ({placeholders})",  # noqa: S608
                APPEND_ONLY_TABLES,
            )
            triggers = cursor.fetchall()
            for name, _sql in triggers:
                cursor.execute(f'DROP TRIGGER "{name}"')
        try:
            return super().handle(**options)
        finally:
            with connection.cursor() as cursor:
                for _name, sql in triggers:
                    cursor.execute(sql)
