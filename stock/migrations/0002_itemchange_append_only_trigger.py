"""On PostgreSQL, make the change log append-only in the database itself.

DELETE is refused. UPDATE is refused unless it only sets item_id, owner_id or
user_id to NULL, which is what deleting an item or a user does to its history.
"""

from django.db import migrations

FORWARD = """
CREATE FUNCTION stock_itemchange_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'stock_itemchange is append-only: DELETE is not allowed'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF (to_jsonb(NEW) - 'item_id' - 'owner_id' - 'user_id')
           IS DISTINCT FROM (to_jsonb(OLD) - 'item_id' - 'owner_id' - 'user_id')
       OR (NEW.item_id IS NOT NULL AND NEW.item_id IS DISTINCT FROM OLD.item_id)
       OR (NEW.owner_id IS NOT NULL AND NEW.owner_id IS DISTINCT FROM OLD.owner_id)
       OR (NEW.user_id IS NOT NULL AND NEW.user_id IS DISTINCT FROM OLD.user_id) THEN
        RAISE EXCEPTION 'stock_itemchange is append-only: only item_id, owner_id and user_id may be set to NULL'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER stock_itemchange_append_only
    BEFORE UPDATE OR DELETE ON stock_itemchange
    FOR EACH ROW EXECUTE FUNCTION stock_itemchange_append_only();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS stock_itemchange_append_only ON stock_itemchange;
DROP FUNCTION IF EXISTS stock_itemchange_append_only();
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("stock", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]
