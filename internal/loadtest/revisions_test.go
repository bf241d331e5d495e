package loadtest

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/dialect"
)

// The schema changes the load test applies, as revision bodies: one
// function per dialect and hand-written form, each returning the changes
// in the order they run. The third form, autogen, has autogenerate
// write them from models as the test goes (autogen_test.go).
//
// The table they change (setUp) is
//
//	items(id, parent_id NOT NULL, qty NOT NULL, amount int, ref int, note)
//
// with 100 rows in parents. The changes: an index on qty, a foreign key
// parent_id -> parents, a check qty >= 0, a new NOT NULL column with a
// default, SET NOT NULL on ref (no NULLs in it), and amount int -> bigint.

// form is how a change is written.
type form string

const (
	// plain is the SQL Alembic or atlas write for the change.
	plain form = "plain"
	// safe is its non-blocking form.
	safe form = "safe"
	// autogen is what `retort revision --autogenerate` writes for it
	// from models (autogen_test.go): the online form where the dialect
	// has one.
	autogen form = "autogen"
	// tool is what autogenerate writes with [migrations] online_tool =
	// "pt-online-schema-change" (MariaDB): the changes that can only copy
	// the table are marked for the tool, which the upgrade runs.
	tool form = "tool"
)

// change is one revision of the load test.
type change struct {
	// Name says what the change does, the same for both forms.
	Name string
	// Body is the revision file after its header: the "-- +retort
	// Upgrade" section and an empty "-- +retort Downgrade" one.
	Body string
}

// revisions returns the changes of one dialect and form.
func revisions(d dialect.Name, f form) []change {
	switch {
	case d == dialect.Postgres && f == plain:
		return postgresPlain()
	case d == dialect.Postgres && f == safe:
		return postgresSafe()
	case d == dialect.MySQL && f == plain:
		return mysqlPlain()
	case d == dialect.MySQL && f == safe:
		return mysqlSafe()
	}
	panic(fmt.Sprintf("loadtest: no revisions for %s %s", d, f))
}

// The names of the changes, in order.
const (
	chIndex      = "CREATE INDEX"
	chForeignKey = "ADD FOREIGN KEY"
	chCheck      = "ADD CHECK"
	chAddNotNull = "ADD COLUMN NOT NULL DEFAULT"
	chSetNotNull = "SET NOT NULL"
	chType       = "int -> bigint"
)

// upgrade makes a revision body of statements, each ending with its own
// semicolon (or a StatementEnd marker).
func upgrade(noTx bool, stmts ...string) string {
	var b strings.Builder
	b.WriteString("-- +retort Upgrade")
	if noTx {
		b.WriteString(" NoTransaction")
	}
	b.WriteString("\n")
	for _, s := range stmts {
		b.WriteString(strings.TrimSpace(s) + "\n")
	}
	b.WriteString("\n-- +retort Downgrade\n")
	return b.String()
}

func postgresPlain() []change {
	return []change{
		{chIndex, upgrade(false, `CREATE INDEX items_qty_idx ON items (qty);`)},
		{chForeignKey, upgrade(false, `ALTER TABLE items ADD CONSTRAINT items_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES parents (id);`)},
		{chCheck, upgrade(false, `ALTER TABLE items ADD CONSTRAINT items_qty_check CHECK (qty >= 0);`)},
		{chAddNotNull, upgrade(false, `ALTER TABLE items ADD COLUMN status integer DEFAULT 0 NOT NULL;`)},
		{chSetNotNull, upgrade(false, `ALTER TABLE items ALTER COLUMN ref SET NOT NULL;`)},
		{chType, upgrade(false, `ALTER TABLE items ALTER COLUMN amount TYPE bigint;`)},
	}
}

// pgLockTimeout makes DDL that waits for its lock behind a long
// transaction fail instead of queueing every query on the table.
const pgLockTimeout = `SET lock_timeout = '5s';`

func postgresSafe() []change {
	return []change{
		{chIndex, upgrade(true, pgLockTimeout,
			`CREATE INDEX CONCURRENTLY items_qty_idx ON items (qty);`)},
		// Each statement of a NoTransaction section commits on its own:
		// the NOT VALID constraint's brief lock is gone before VALIDATE
		// scans, which takes a lock that lets writes through.
		{chForeignKey, upgrade(true, pgLockTimeout,
			`ALTER TABLE items ADD CONSTRAINT items_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES parents (id) NOT VALID;`,
			`ALTER TABLE items VALIDATE CONSTRAINT items_parent_id_fkey;`)},
		{chCheck, upgrade(true, pgLockTimeout,
			`ALTER TABLE items ADD CONSTRAINT items_qty_check CHECK (qty >= 0) NOT VALID;`,
			`ALTER TABLE items VALIDATE CONSTRAINT items_qty_check;`)},
		// A constant default is stored in the catalog (PostgreSQL 11+):
		// no rewrite, no scan.
		{chAddNotNull, upgrade(false, pgLockTimeout,
			`ALTER TABLE items ADD COLUMN status integer DEFAULT 0 NOT NULL;`)},
		// A validated CHECK (ref IS NOT NULL) lets SET NOT NULL skip its
		// scan (PostgreSQL 12+).
		{chSetNotNull, upgrade(true, pgLockTimeout,
			`ALTER TABLE items ADD CONSTRAINT items_ref_not_null CHECK (ref IS NOT NULL) NOT VALID;`,
			`ALTER TABLE items VALIDATE CONSTRAINT items_ref_not_null;`,
			`ALTER TABLE items ALTER COLUMN ref SET NOT NULL;`,
			`ALTER TABLE items DROP CONSTRAINT items_ref_not_null;`)},
		// No ALTER changes a type without rewriting the table under an
		// ACCESS EXCLUSIVE lock: a new column kept equal by a trigger,
		// filled in batches that each commit, then swapped for the old
		// one in a transaction that changes the catalog only.
		{chType, upgrade(true, pgLockTimeout,
			`ALTER TABLE items ADD COLUMN amount_new bigint;`,
			`CREATE FUNCTION items_amount_new_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.amount_new := NEW.amount;
  RETURN NEW;
END
$$;`,
			`CREATE TRIGGER items_amount_new_sync BEFORE INSERT OR UPDATE ON items FOR EACH ROW EXECUTE FUNCTION items_amount_new_sync();`,
			`DO $$
DECLARE
  lo bigint;
  hi bigint;
BEGIN
  SELECT min(id), max(id) INTO lo, hi FROM items;
  WHILE lo <= hi LOOP
    UPDATE items SET amount_new = amount WHERE id >= lo AND id < lo + 10000 AND amount_new IS DISTINCT FROM amount;
    COMMIT;
    lo := lo + 10000;
  END LOOP;
END
$$;`,
			`BEGIN;`,
			`ALTER TABLE items DROP COLUMN amount;`,
			`ALTER TABLE items RENAME COLUMN amount_new TO amount;`,
			`DROP TRIGGER items_amount_new_sync ON items;`,
			`DROP FUNCTION items_amount_new_sync();`,
			`COMMIT;`)},
	}
}

func mysqlPlain() []change {
	return []change{
		{chIndex, upgrade(false, "CREATE INDEX `items_qty_idx` ON `items` (`qty`);")},
		{chForeignKey, upgrade(false, "ALTER TABLE `items` ADD CONSTRAINT `items_parent_id_fkey` FOREIGN KEY (`parent_id`) REFERENCES `parents` (`id`);")},
		{chCheck, upgrade(false, "ALTER TABLE `items` ADD CONSTRAINT `items_qty_check` CHECK (`qty` >= 0);")},
		{chAddNotNull, upgrade(false, "ALTER TABLE `items` ADD COLUMN `status` int NOT NULL DEFAULT 0;")},
		{chSetNotNull, upgrade(false, "ALTER TABLE `items` MODIFY `ref` int NOT NULL;")},
		{chType, upgrade(false, "ALTER TABLE `items` MODIFY `amount` bigint;")},
	}
}

// myLockTimeout: the metadata lock an ALTER needs at its start and end
// is waited for 5 s at most, not a year.
const myLockTimeout = "SET SESSION lock_wait_timeout = 5;"

func mysqlSafe() []change {
	cols := []string{"id", "parent_id", "qty", "amount", "ref", "note"}
	return []change{
		{chIndex, upgrade(false, myLockTimeout,
			"ALTER TABLE `items` ADD INDEX `items_qty_idx` (`qty`), ALGORITHM=INPLACE, LOCK=NONE;")},
		// With foreign_key_checks on, MariaDB adds a foreign key by
		// copying the table; off, in place without checking the rows,
		// which the procedure then does with a read that locks nothing
		// (in a procedure's IF, a subquery reads with shared locks and
		// holds up every update of the table).
		{chForeignKey, upgrade(false, myLockTimeout,
			"SET SESSION foreign_key_checks = 0;",
			"ALTER TABLE `items` ADD CONSTRAINT `items_parent_id_fkey` FOREIGN KEY (`parent_id`) REFERENCES `parents` (`id`), ALGORITHM=INPLACE, LOCK=NONE;",
			"SET SESSION foreign_key_checks = 1;",
			"DROP PROCEDURE IF EXISTS `items_parent_id_fkey_validate`;",
			"-- +retort StatementBegin\n"+
				"CREATE PROCEDURE `items_parent_id_fkey_validate`()\n"+
				"BEGIN\n"+
				"  DECLARE orphan INT;\n"+
				"  START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY;\n"+
				"  SELECT EXISTS (SELECT 1 FROM `items` c LEFT JOIN `parents` p ON p.`id` = c.`parent_id` WHERE p.`id` IS NULL) INTO orphan;\n"+
				"  COMMIT;\n"+
				"  IF orphan THEN\n"+
				"    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'items_parent_id_fkey: rows of items have no parent';\n"+
				"  END IF;\n"+
				"END\n"+
				"-- +retort StatementEnd",
			"CALL `items_parent_id_fkey_validate`();",
			"DROP PROCEDURE `items_parent_id_fkey_validate`;")},
		// MariaDB 10.11 adds a CHECK only by copying the table with
		// writes blocked (ALGORITHM=INPLACE is refused): copy it in the
		// background instead.
		{chCheck, mysqlRebuild("ADD CONSTRAINT `items_qty_check` CHECK (`qty` >= 0)", cols)},
		{chAddNotNull, upgrade(false, myLockTimeout,
			"ALTER TABLE `items` ADD COLUMN `status` int NOT NULL DEFAULT 0, ALGORITHM=INSTANT;")},
		{chSetNotNull, upgrade(false, myLockTimeout,
			"ALTER TABLE `items` MODIFY `ref` int NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;")},
		// int -> bigint: INSTANT, NOCOPY and INPLACE are refused, COPY
		// needs LOCK=SHARED (writes blocked).
		{chType, mysqlRebuild("MODIFY `amount` bigint", append(cols, "status"))},
	}
}

// mysqlRebuild changes items by alter without blocking its writes, the
// way pt-online-schema-change does, in SQL: an empty copy of the table
// is altered, triggers on items repeat every write in it, a procedure
// copies the rows in chunks that each commit, and an atomic RENAME TABLE
// swaps the two; the old one is dropped with its triggers. cols are items' columns.
func mysqlRebuild(alter string, cols []string) string {
	q := make([]string, len(cols))
	nw := make([]string, len(cols))
	for i, c := range cols {
		q[i] = "`" + c + "`"
		nw[i] = "NEW.`" + c + "`"
	}
	set := make([]string, 0, len(cols))
	quoted := make([]string, len(cols))
	for i, c := range q {
		if i > 0 {
			set = append(set, c+" = VALUES("+c+")")
		}
		quoted[i] = "QUOTE(" + c + ")"
	}
	list, newList := strings.Join(q, ", "), strings.Join(nw, ", ")
	repeat := "INSERT INTO `items_new` (" + list + ") VALUES (" + newList + ") ON DUPLICATE KEY UPDATE " + strings.Join(set, ", ")
	fk := func(name string) string {
		return "CONSTRAINT `" + name + "` FOREIGN KEY (`parent_id`) REFERENCES `parents` (`id`)"
	}
	return upgrade(false, myLockTimeout,
		"DROP TABLE IF EXISTS `items_new`;",
		"CREATE TABLE `items_new` LIKE `items`;",
		// Foreign key names are unique in a database: the copy's
		// takes its final name once the old table is gone.
		"ALTER TABLE `items_new` "+alter+", ADD "+fk("items_new_parent_id_fkey")+";",
		"CREATE TRIGGER `items_new_ins` AFTER INSERT ON `items` FOR EACH ROW "+repeat+";",
		"CREATE TRIGGER `items_new_upd` AFTER UPDATE ON `items` FOR EACH ROW "+repeat+";",
		"CREATE TRIGGER `items_new_del` AFTER DELETE ON `items` FOR EACH ROW DELETE FROM `items_new` WHERE `id` = OLD.`id`;",
		"DROP PROCEDURE IF EXISTS `items_new_copy`;",
		// Each chunk is read without locks (READ COMMITTED) and
		// written back as one INSERT ... VALUES: an INSERT ... SELECT
		// would hold items_new's AUTO-INC table lock (with MariaDB's
		// default innodb_autoinc_lock_mode = 1) while waiting for a row
		// a trigger just wrote, whose write waits for that lock: a
		// deadlock, and the application's write fails. A row the
		// triggers wrote is newer than the chunk's: the copy keeps it.
		// The counts, read in one snapshot, must agree.
		"-- +retort StatementBegin\n"+
			"CREATE PROCEDURE `items_new_copy`()\n"+
			"BEGIN\n"+
			"  DECLARE lo, hi, n, m BIGINT;\n"+
			"  DECLARE vals LONGTEXT;\n"+
			"  DECLARE iso VARCHAR(32) DEFAULT @@SESSION.tx_isolation;\n"+
			"  SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED;\n"+
			"  SET SESSION group_concat_max_len = 1073741824;\n"+
			"  SELECT COALESCE(MIN(`id`), 1), COALESCE(MAX(`id`), 0) INTO lo, hi FROM `items`;\n"+
			"  WHILE lo <= hi DO\n"+
			"    SELECT GROUP_CONCAT('(', CONCAT_WS(', ', "+strings.Join(quoted, ", ")+"), ')') INTO vals\n"+
			"      FROM `items` WHERE `id` >= lo AND `id` < lo + 2000;\n"+
			"    IF vals IS NOT NULL THEN\n"+
			"      SET @items_new_copy = CONCAT('INSERT INTO `items_new` ("+list+") VALUES ', vals, ' ON DUPLICATE KEY UPDATE `id` = `id`');\n"+
			"      PREPARE chunk FROM @items_new_copy;\n"+
			"      EXECUTE chunk;\n"+
			"      DEALLOCATE PREPARE chunk;\n"+
			"    END IF;\n"+
			"    SET lo = lo + 2000;\n"+
			"  END WHILE;\n"+
			"  SET @items_new_copy = NULL;\n"+
			"  SET SESSION tx_isolation = iso;\n"+
			"  START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY;\n"+
			"  SELECT COUNT(*) INTO n FROM `items`;\n"+
			"  SELECT COUNT(*) INTO m FROM `items_new`;\n"+
			"  COMMIT;\n"+
			"  IF n <> m THEN\n"+
			"    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'items_new: the copy does not have every row of items';\n"+
			"  END IF;\n"+
			"END\n"+
			"-- +retort StatementEnd",
		"CALL `items_new_copy`();",
		"DROP PROCEDURE `items_new_copy`;",
		// A write prepared before the RENAME has the triggers' table,
		// items_new, in its list of tables to open, and fails if the
		// name is gone when it executes: the names are swapped, and
		// the old table is dropped a second later.
		"RENAME TABLE `items` TO `items_swap`, `items_new` TO `items`, `items_swap` TO `items_new`;",
		"DO SLEEP(1);",
		"DROP TABLE `items_new`;",
		"SET SESSION foreign_key_checks = 0;",
		"ALTER TABLE `items` DROP FOREIGN KEY `items_new_parent_id_fkey`, ADD "+fk("items_parent_id_fkey")+", ALGORITHM=INPLACE, LOCK=NONE;",
		"SET SESSION foreign_key_checks = 1;")
}
