from django.db import migrations


class VendorSQL(migrations.RunSQL):
    """RunSQL that runs only on one database vendor (trigger syntax differs)."""

    def __init__(self, vendor, sql, reverse_sql):
        self.vendor = vendor
        super().__init__(sql, reverse_sql)

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == self.vendor:
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == self.vendor:
            super().database_backwards(app_label, schema_editor, from_state, to_state)


SQLITE = [
    """CREATE TRIGGER core_accesslog_no_update BEFORE UPDATE ON core_accesslog
    BEGIN SELECT RAISE(ABORT, 'The personal-data access log is append-only: UPDATE refused.'); END""",
    """CREATE TRIGGER core_accesslog_no_delete BEFORE DELETE ON core_accesslog
    BEGIN SELECT RAISE(ABORT, 'The personal-data access log is append-only: DELETE refused.'); END""",
]
SQLITE_REVERSE = ["DROP TRIGGER core_accesslog_no_update", "DROP TRIGGER core_accesslog_no_delete"]

POSTGRESQL = [
    """CREATE FUNCTION core_accesslog_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION 'The personal-data access log is append-only: % refused.', TG_OP;
    END $$""",
    """CREATE TRIGGER core_accesslog_append_only BEFORE UPDATE OR DELETE ON core_accesslog
    FOR EACH ROW EXECUTE FUNCTION core_accesslog_refuse()""",
]
POSTGRESQL_REVERSE = [
    "DROP TRIGGER core_accesslog_append_only ON core_accesslog",
    "DROP FUNCTION core_accesslog_refuse()",
]


class Migration(migrations.Migration):
    """Nobody changes or deletes the access log, the admin and raw SQL included. (TRUNCATE, which
    `manage.py flush` uses on PostgreSQL to empty the whole database, stays possible: an operator
    who may drop the database may drop the log.)"""

    dependencies = [("core", "0002_access_log_without_names")]

    operations = [
        VendorSQL("sqlite", SQLITE, SQLITE_REVERSE),
        VendorSQL("postgresql", POSTGRESQL, POSTGRESQL_REVERSE),
    ]
