package diff

import (
	"fmt"
	"strings"
	"testing"

	"ariga.io/atlas/sql/mysql"
	sqlschema "ariga.io/atlas/sql/schema"
	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/benchgen"
)

// TestDDLSchemaRefuses checks that statements and clauses the reader does
// not know are refused (the caller then runs them), never read halfway.
func TestDDLSchemaRefuses(t *testing.T) {
	base := map[dialect.Name]string{
		dialect.MySQL:    "CREATE TABLE `p` (`id` bigint NOT NULL AUTO_INCREMENT, PRIMARY KEY (`id`))",
		dialect.Postgres: `CREATE TABLE "p" ("id" bigserial, PRIMARY KEY ("id"))`,
	}
	cases := map[dialect.Name][]string{
		dialect.MySQL: {
			"CREATE TABLE `t` (`id` int(11) NOT NULL, PRIMARY KEY (`id`))",                                          // display width
			"CREATE TABLE `t` (`id` int NOT NULL COMMENT 'x' COMMENT 'y', PRIMARY KEY (`id`))",                      // two comments
			"CREATE TABLE `t` (`id` int NOT NULL COMMENT 'it\\'s', PRIMARY KEY (`id`))",                             // an escape in a comment
			"CREATE TABLE `t` (`id` int NOT NULL COMMENT x, PRIMARY KEY (`id`))",                                    // not a string
			"CREATE TABLE `t` (`id` int NOT NULL, PRIMARY KEY (`id`)) COMMENT 'a' COMMENT 'b'",                      // two table comments
			"CREATE TABLE `T` (`id` int NOT NULL, PRIMARY KEY (`id`))",                                              // lower_case_table_names
			"CREATE TABLE `t` (`id` int NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB",                                // engine
			"CREATE TABLE `t` (`id` int NOT NULL, `s` varchar(5) DEFAULT 'a\\'b', PRIMARY KEY (`id`))",              // escapes
			"CREATE TABLE `t` (`id` int NOT NULL, `ts` timestamp, PRIMARY KEY (`id`))",                              // timestamp, NULL not said
			"CREATE TABLE `t` (`id` int NOT NULL, `ts` timestamp NOT NULL, PRIMARY KEY (`id`))",                     // timestamp NOT NULL
			"CREATE TABLE `t` (`id` int NOT NULL, `ts` timestamp(3) NULL DEFAULT '2020-01-01', PRIMARY KEY (`id`))", // timestamp with a default
			"CREATE TABLE `t` (`id` int NOT NULL, UNIQUE (`id`))",                                                   // unnamed index
			"/*!40101 SET NAMES utf8 */",
			"INSERT INTO `p` (`id`) VALUES (1)",
			"ALTER TABLE `p` DROP COLUMN `id`",
			"ALTER TABLE `p` ADD COLUMN `x` int AFTER `id`",
			"CREATE TABLE `c` (`id` bigint NOT NULL, `p_id` bigint NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `fk_c_p` FOREIGN KEY (`p_id`) REFERENCES `p` (`id`));\nCREATE INDEX `i` ON `c` (`p_id`)",                   // an index where the server made one
			"CREATE TABLE `c` (`id` bigint NOT NULL, `p_id` bigint NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `fk_c_p` FOREIGN KEY (`p_id`) REFERENCES `p` (`id`));\nALTER TABLE `c` DROP FOREIGN KEY `fk_c_p`",          // leaves the server's index
			"CREATE TABLE `c` (`id` bigint NOT NULL, `p_id` bigint NOT NULL, PRIMARY KEY (`id`), INDEX `i` (`p_id`), CONSTRAINT `fk_c_p` FOREIGN KEY (`p_id`) REFERENCES `p` (`id`));\nALTER TABLE `c` DROP INDEX `i`", // the key needs it
			"CREATE TABLE `c` (`id` bigint NOT NULL, `n` int, PRIMARY KEY (`id`), INDEX `i` (`n`));\nALTER TABLE `c` DROP COLUMN `n`",                                                                                  // in an index
			"CREATE TABLE `m` (`id` int NOT NULL, `n` int, PRIMARY KEY (`id`), INDEX `i` (`n`));\nALTER TABLE `m` MODIFY COLUMN `n` bigint",                                                                            // MODIFY: in an index
			"ALTER TABLE `p` MODIFY COLUMN `id` bigint NOT NULL", // MODIFY: the primary key's
			"CREATE TABLE `m` (`id` int NOT NULL, `n` int, PRIMARY KEY (`id`));\nALTER TABLE `m` MODIFY COLUMN `n` int NOT NULL AUTO_INCREMENT",                                                                                                                                     // MODIFY: made AUTO_INCREMENT
			"CREATE TABLE `m` (`id` int NOT NULL, `n` int, PRIMARY KEY (`id`));\nALTER TABLE `m` MODIFY COLUMN `N` int",                                                                                                                                                             // MODIFY: named in another case
			"CREATE TABLE `m` (`id` int NOT NULL, `n` int, PRIMARY KEY (`id`));\nALTER TABLE `m` MODIFY COLUMN `n` int AFTER `id`",                                                                                                                                                  // MODIFY: moved
			"CREATE TABLE `m` (`id` int NOT NULL, `n` int, PRIMARY KEY (`id`));\nALTER TABLE `m` MODIFY COLUMN `n` bigint, ALGORITHM=INPLACE, LOCK=NONE",                                                                                                                            // MODIFY: a type changed in place
			"CREATE TABLE `m` (`id` int NOT NULL, `n` int, PRIMARY KEY (`id`));\nALTER TABLE `m` MODIFY COLUMN `n` int NOT NULL, ALGORITHM=INSTANT",                                                                                                                                 // MODIFY: NOT NULL at once
			"CREATE TABLE `m` (`id` int NOT NULL, `n` int, PRIMARY KEY (`id`));\nALTER TABLE `m` MODIFY COLUMN `n` int DEFAULT 1, ALGORITHM=COPY",                                                                                                                                   // MODIFY: an algorithm not known
			"CREATE TABLE `m` (`id` int NOT NULL, `p_id` bigint, PRIMARY KEY (`id`), INDEX `i` (`p_id`), CONSTRAINT `f` FOREIGN KEY (`p_id`) REFERENCES `p` (`id`) ON DELETE SET NULL);\nALTER TABLE `m` MODIFY COLUMN `p_id` bigint NOT NULL",                                      // MODIFY: NOT NULL under SET NULL
			"CREATE TABLE `m` (`id` int NOT NULL, `n` int NOT NULL, PRIMARY KEY (`id`, `n`));\nALTER TABLE `m` MODIFY COLUMN `n` int NOT NULL COMMENT 'x'",                                                                                                                          // MODIFY: a primary key's column
			"CREATE TABLE `h` (`id` int NOT NULL, `b` text, `n` int, PRIMARY KEY (`id`), UNIQUE INDEX `u` (`b`));\nALTER TABLE `h` ADD INDEX `i` (`n`), ALGORITHM=INPLACE, LOCK=NONE",                                                                                               // in place, on a table with a long unique key
			"CREATE TABLE `h` (`id` int NOT NULL, `s` varchar(200), `n` int, PRIMARY KEY (`id`));\nALTER TABLE `h` ADD UNIQUE INDEX `u` (`s`), ALGORITHM=INPLACE, LOCK=NONE",                                                                                                        // a unique key that may be too long for a B-tree, in place
			"CREATE TABLE `h` (`id` int NOT NULL, `s` varchar(20), `n` int, PRIMARY KEY (`id`), UNIQUE INDEX `u` USING HASH (`s`));\nALTER TABLE `h` ADD COLUMN `x` int, ALGORITHM=INSTANT",                                                                                         // instantly, on a table with a unique key written USING HASH
			"CREATE TABLE `h` (`id` int NOT NULL, `b` blob, PRIMARY KEY (`id`));\nCREATE UNIQUE INDEX `u` ON `h` (`b`) ALGORITHM=INPLACE",                                                                                                                                           // CREATE INDEX in place of a long unique key
			"CREATE TABLE `h` (`id` int NOT NULL, `s` varchar(20), PRIMARY KEY (`id`), INDEX `i` USING RTREE (`s`))",                                                                                                                                                                // an index type not known
			"CREATE TABLE `h` (`id` int NOT NULL, `s` varchar(20), PRIMARY KEY (`id`), INDEX `i` USING HASH (`s`) USING BTREE)",                                                                                                                                                     // two index types
			"CREATE TABLE `h` (`id` int NOT NULL, `s` varchar(100), PRIMARY KEY (`id`), UNIQUE KEY `u` (`s`) USING HASH) CHARSET utf8mb4",                                                                                                                                           // a short unique key USING HASH: the server's choice
			"CREATE TABLE `h` (`id` int NOT NULL, `s` varchar(1000), PRIMARY KEY (`id`), UNIQUE KEY `u` (`s`) USING HASH)",                                                                                                                                                          // a unique key USING HASH, its charset not known
			"CREATE TABLE `h` (`id` int NOT NULL, `s` varchar(10), PRIMARY KEY (`id`)) CHARSET utf8mb4;\nCREATE UNIQUE INDEX `u` ON `h` (`s`) USING HASH",                                                                                                                           // CREATE UNIQUE INDEX USING HASH, short
			"CREATE TABLE `t` (`id` int NOT NULL, `n` int, PRIMARY KEY (`id`), INDEX `i` (`n`(2)))",                                                                                                                                                                                 // a prefix of a number
			"CREATE TABLE `t` (`id` int NOT NULL, `s` varchar(10), PRIMARY KEY (`id`), INDEX `i` (`s`(11)))",                                                                                                                                                                        // longer than the column
			"CREATE TABLE `t` (`id` int NOT NULL, `s` char, PRIMARY KEY (`id`), INDEX `i` (`s`(1)))",                                                                                                                                                                                // a size not written
			"CREATE TABLE `t` (`id` int NOT NULL, `s` text, PRIMARY KEY (`id`), INDEX `i` (`s`(0)))",                                                                                                                                                                                // zero
			"CREATE TABLE `t` (`id` int NOT NULL, `s` text, PRIMARY KEY (`id`), INDEX `i` (`s`(1.5)))",                                                                                                                                                                              // not a whole number
			"CREATE TABLE `t` (`id` int NOT NULL, `s` text, PRIMARY KEY (`id`), INDEX `i` (`s`(99999999999999999999)))",                                                                                                                                                             // out of range
			"CREATE TABLE `t` (`s` varchar(10) NOT NULL, PRIMARY KEY (`s`(5)))",                                                                                                                                                                                                     // a primary key's prefix
			"CREATE TABLE `t` (`id` int NOT NULL, `s` varchar(9) NOT NULL, PRIMARY KEY (`id`), UNIQUE INDEX `u` (`s`(5)));\nCREATE TABLE `c` (`id` int NOT NULL, `t_s` varchar(9), PRIMARY KEY (`id`), INDEX `i` (`t_s`), CONSTRAINT `f` FOREIGN KEY (`t_s`) REFERENCES `t` (`s`))", // a prefix is no key
			"SET SESSION sql_mode = 0",          // another session variable
			"SET GLOBAL foreign_key_checks = 0", // the global checks
			"SET foreign_key_checks = OFF",      // a value other than 0 or 1
			"CALL `retort_verify_f`()",          // a CALL of a procedure not created here
			"CREATE TABLE `c` (`id` bigint NOT NULL, `p_id` bigint, PRIMARY KEY (`id`), INDEX `i` (`p_id`));\nCREATE PROCEDURE `retort_verify_f`() BEGIN DECLARE orphan INT; SET TRANSACTION ISOLATION LEVEL REPEATABLE READ; START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY; SELECT EXISTS (SELECT 1 FROM `c` c WHERE c.`p_id` IS NOT NULL AND NOT EXISTS (SELECT 1 FROM `p` p WHERE p.`id` = c.`p_id`)) INTO orphan; COMMIT; IF orphan THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'x'; END IF; END;\nDROP PROCEDURE `retort_verify_f`;\nCALL `retort_verify_f`()", // a CALL of a dropped procedure
			"DROP PROCEDURE `retort_verify_f`", // DROP PROCEDURE of one not there
			"CREATE PROCEDURE `retort_verify_f`() BEGIN DECLARE orphan INT; SET TRANSACTION ISOLATION LEVEL REPEATABLE READ; START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY; SELECT EXISTS (SELECT 1 FROM `c` c WHERE c.`p_id` IS NOT NULL AND NOT EXISTS (SELECT 1 FROM `p` p WHERE p.`id` = c.`p_id`)) INTO orphan; COMMIT; IF orphan THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'x'; END IF; END;\nCREATE PROCEDURE `retort_verify_f`() BEGIN DECLARE orphan INT; SET TRANSACTION ISOLATION LEVEL REPEATABLE READ; START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY; SELECT EXISTS (SELECT 1 FROM `c` c WHERE c.`p_id` IS NOT NULL AND NOT EXISTS (SELECT 1 FROM `p` p WHERE p.`id` = c.`p_id`)) INTO orphan; COMMIT; IF orphan THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'x'; END IF; END", // a procedure created twice
			"CREATE PROCEDURE `x`() BEGIN DROP TABLE `p`; END", // a body other than the check
			"CREATE PROCEDURE `retort_verify_f`() BEGIN DECLARE orphan INT; SET TRANSACTION ISOLATION LEVEL REPEATABLE READ; START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY; SELECT EXISTS (SELECT 1 FROM `c` c WHERE c.`p_id` IS NOT NULL AND NOT EXISTS (SELECT 1 FROM `p` p WHERE p.`id` = c.`p_id`)) INTO orphan; COMMIT; IF orphan THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'x'; END IF; DROP TABLE `p`; END",            // the check and more
			"CREATE PROCEDURE `retort_verify_f`() BEGIN DECLARE orphan INT; SET TRANSACTION ISOLATION LEVEL REPEATABLE READ; START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY; SELECT EXISTS (SELECT 1 FROM `c` c WHERE c.`p_id` IS NOT NULL AND NOT EXISTS (SELECT 1 FROM `p` p WHERE p.`id` = c.`p_id`)) INTO orphan; COMMIT; IF orphan THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'x'; END IF; END;\nCALL `retort_verify_f`()", // a CALL whose table is not there
			"SET SESSION foreign_key_checks = 0;\nALTER TABLE `p` ADD CONSTRAINT `f` FOREIGN KEY (`id`) REFERENCES `missing` (`id`), ALGORITHM=INPLACE, LOCK=NONE",                                                                                                                  // a key added with the checks off to a missing table
			"CREATE TABLE `c` (`id` bigint NOT NULL, `p_id` int, PRIMARY KEY (`id`), INDEX `i` (`p_id`));\nSET SESSION foreign_key_checks = 0;\nALTER TABLE `c` ADD CONSTRAINT `f` FOREIGN KEY (`p_id`) REFERENCES `p` (`id`), ALGORITHM=INPLACE, LOCK=NONE",                        // with the checks off, to a column of another type
			"CREATE TABLE `c` (`id` bigint NOT NULL, `n` int, `p_id` int, PRIMARY KEY (`id`), INDEX `i` (`n`));\nSET SESSION foreign_key_checks = 0;\nALTER TABLE `c` ADD CONSTRAINT `f` FOREIGN KEY (`p_id`) REFERENCES `c` (`n`), ALGORITHM=INPLACE, LOCK=NONE",                   // with the checks off, to columns that are no key
			"CREATE TABLE `c` (`id` bigint NOT NULL, `p_id` bigint, PRIMARY KEY (`id`), INDEX `i` (`p_id`));\nALTER TABLE `c` ADD CONSTRAINT `f` FOREIGN KEY (`p_id`) REFERENCES `p` (`id`), ALGORITHM=INPLACE, LOCK=NONE",                                                          // in place with the checks on
			"CREATE TABLE `c` (`id` bigint NOT NULL, `p_id` bigint, PRIMARY KEY (`id`), INDEX `i` (`p_id`));\nALTER TABLE `c` ADD CONSTRAINT `f` FOREIGN KEY (`p_id`) REFERENCES `p` (`id`), LOCK=NONE",                                                                             // without a lock with the checks on
			"CREATE TABLE `c` (`id` bigint NOT NULL, `p_id` bigint, PRIMARY KEY (`id`), INDEX `i` (`p_id`));\nSET SESSION foreign_key_checks = 0;\nALTER TABLE `c` ADD CONSTRAINT `f` FOREIGN KEY (`p_id`) REFERENCES `p` (`id`), ALGORITHM=COPY",                                   // copied, with the checks off
			"CREATE TABLE `c` (`id` bigint NOT NULL, `p_id` bigint, PRIMARY KEY (`id`), INDEX `i` (`p_id`));\nSET SESSION foreign_key_checks = 0;\nALTER TABLE `c` ADD CONSTRAINT `f` FOREIGN KEY (`p_id`) REFERENCES `p` (`id`), ADD COLUMN `x` int, ALGORITHM=INPLACE, LOCK=NONE", // another clause with the checks off
			"SET SESSION foreign_key_checks = 0;\nCREATE TABLE `x` (`id` int NOT NULL, PRIMARY KEY (`id`))",                                                                                                                                                                         // another statement with the checks off
		},
		dialect.Postgres: {
			`CREATE TABLE "t" ("id" integer NOT NULL, "n" integer CHECK (n > 0), PRIMARY KEY ("id"))`,
			`CREATE TABLE "t" ("id" integer NOT NULL, "e" text[], PRIMARY KEY ("id"))`,
			`CREATE TABLE "t" ("id" integer NOT NULL, "u" text UNIQUE, PRIMARY KEY ("id"))`,
			`CREATE TABLE "t" ("id" integer NOT NULL, "d" timestamptz DEFAULT now(), PRIMARY KEY ("id"))`,
			`CREATE TABLE "t" ("id" integer NOT NULL, "s" text DEFAULT NULL, PRIMARY KEY ("id"))`,
			`CREATE TABLE "t" ("id" integer NOT NULL, CONSTRAINT "pk" PRIMARY KEY ("id"))`,
			`CREATE INDEX "i" ON "p" USING gin ("id")`,
			`CREATE INDEX "i" ON "p" ((id + 1))`,
			`CREATE INDEX "i" ON "p" ("id"(3))`,
			`CREATE UNIQUE INDEX "i" ON "p" ("id") WHERE id > 0`,
			`CREATE TABLE "c" ("id" integer NOT NULL, "p_id" bigint, PRIMARY KEY ("id"), CONSTRAINT "f" FOREIGN KEY ("p_id") REFERENCES "p" ("id") NOT VALID)`,
			`CREATE SEQUENCE "s"`,
			`ALTER TABLE "p" RENAME TO "q"`,
			`CREATE TABLE "x" ("id" bigserial, PRIMARY KEY ("id")); CREATE INDEX "x_pkey" ON "p" ("id")`,
			`CREATE UNIQUE INDEX "u" ON "p" ("id"); CREATE TABLE "c" ("id" integer NOT NULL, "p_id" bigint, PRIMARY KEY ("id"), CONSTRAINT "f" FOREIGN KEY ("p_id") REFERENCES "p" ("id"))`,                                                                                                  // two keys of its columns
			`CREATE TABLE "q" ("id" integer NOT NULL, "k" integer NOT NULL, PRIMARY KEY ("id")); CREATE UNIQUE INDEX "u" ON "q" ("k"); CREATE TABLE "c" ("id" integer NOT NULL, "q_k" integer, PRIMARY KEY ("id"), CONSTRAINT "f" FOREIGN KEY ("q_k") REFERENCES "q" ("k")); DROP INDEX "u"`, // a key's index
			`CREATE TABLE "q" ("id" integer NOT NULL, "k" integer NOT NULL, PRIMARY KEY ("id")); ALTER TABLE "q" DROP COLUMN "id"`,                                                                                                                                                           // the primary key's
		},
	}
	for d, stmts := range cases {
		for _, s := range stmts {
			list := []string{base[d]}
			for _, one := range strings.Split(s, ";\n") {
				list = append(list, one)
			}
			if d == dialect.Postgres && strings.Contains(s, "; ") {
				list = append([]string{base[d]}, strings.Split(s, "; ")...)
			}
			_, err := ddlSchema(d, "x", list)
			if err == nil {
				t.Errorf("%s: read %q; want it refused", d, s)
				continue
			}
			t.Logf("%s: %v", d, err)
		}
	}
}

// TestDDLSchemaPrefix checks that MySQL's index prefix lengths are read
// as atlas's inspection reads them: a SubPart on the key part, none on a
// whole column.
func TestDDLSchemaPrefix(t *testing.T) {
	s, err := ddlSchema(dialect.MySQL, "x", []string{
		"CREATE TABLE `d` (`id` int NOT NULL, `b` longblob, `s` varchar(9), PRIMARY KEY (`id`), UNIQUE INDEX `u` (`s`, `b` (255)))",
		"CREATE INDEX `i` ON `d` (`s`(4))",
		"ALTER TABLE `d` ADD INDEX `j` (`b`(10), `id`), ALGORITHM=INPLACE, LOCK=NONE",
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, idx := range s.Tables[0].Indexes {
		for _, p := range idx.Parts {
			sub := 0
			for _, a := range p.Attrs {
				if sp, ok := a.(*mysql.SubPart); ok {
					sub = sp.Len
				}
			}
			got = append(got, fmt.Sprintf("%s.%s(%d)", idx.Name, p.C.Name, sub))
		}
	}
	want := []string{"u.s(0)", "u.b(255)", "i.s(4)", "j.b(10)", "j.id(0)"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("key parts (-want +got):\n%s", diff)
	}
}

// TestDDLSchemaBenchgen checks that the benchmark's DDL is read whole,
// as the from-migrations benchmark counts on.
func TestDDLSchemaBenchgen(t *testing.T) {
	_, ddl := benchgen.Generate(benchgen.Options{Tables: 50, Seed: 1})
	for _, d := range []dialect.Name{dialect.MySQL, dialect.Postgres} {
		s, err := ddlSchema(d, "x", ddl[d])
		if err != nil {
			t.Fatalf("%s: %v", d, err)
		}
		if diff := cmp.Diff(50, len(s.Tables)); diff != "" {
			t.Errorf("%s: tables (-want +got):\n%s", d, diff)
		}
	}
}

// FuzzDDLSchema reads any statement text: it is refused or read, never a
// panic.
func FuzzDDLSchema(f *testing.F) {
	_, ddl := benchgen.Generate(benchgen.Options{Tables: 3, Seed: 1})
	for _, d := range []dialect.Name{dialect.MySQL, dialect.Postgres} {
		for _, s := range ddl[d] {
			f.Add(string(d), s)
		}
	}
	f.Add("postgres", `ALTER TABLE "a" ADD CONSTRAINT "f" FOREIGN KEY ("x") REFERENCES "b" ("id") NOT VALID, VALIDATE CONSTRAINT "f"`)
	f.Add("mysql", "ALTER TABLE `a` ADD COLUMN `b` int NOT NULL DEFAULT -1, ALGORITHM=INSTANT")
	f.Add("mysql", "CREATE TABLE `e` (`id` int NOT NULL COMMENT 'the ''id''', PRIMARY KEY (`id`)) COMMENT = '表';ALTER TABLE `e` COMMENT '', ALGORITHM=INSTANT")
	f.Add("mysql", "ALTER TABLE `a` MODIFY COLUMN `b` varchar(9) NULL DEFAULT 'x' COMMENT 'y', ALGORITHM=INPLACE, LOCK=NONE")
	f.Add("mysql", "CREATE TABLE `h` (`id` int NOT NULL, `s` varchar(20), PRIMARY KEY (`id`), UNIQUE KEY `u` (`s`) USING HASH);CREATE INDEX `i` USING BTREE ON `h` (`s`(5))")
	f.Add("mysql", "CREATE TABLE `d` (`id` int NOT NULL, `b` text, `s` varchar(9), PRIMARY KEY (`id`), UNIQUE INDEX `u` (`s`, `b` (255)));CREATE INDEX `i` ON `d` (`b`(10))")
	f.Add("mysql", "CREATE TABLE `p` (`id` bigint NOT NULL, PRIMARY KEY (`id`));CREATE TABLE `c` (`id` bigint NOT NULL, `p_id` bigint, PRIMARY KEY (`id`));DROP PROCEDURE IF EXISTS `retort_verify_f`;SET SESSION foreign_key_checks = 0;ALTER TABLE `c` ADD CONSTRAINT `f` FOREIGN KEY (`p_id`) REFERENCES `p` (`id`), ALGORITHM=INPLACE, LOCK=NONE;SET SESSION foreign_key_checks = 1;CALL `retort_verify_f`();DROP PROCEDURE `retort_verify_f`")
	f.Add("mysql", "SET foreign_key_checks=1;SET SESSION sql_mode = 0;CALL `x`()")
	f.Fuzz(func(t *testing.T, d, stmt string) {
		dn := dialect.MySQL
		if d == "postgres" {
			dn = dialect.Postgres
		}
		ddlSchema(dn, "x", append(append([]string(nil), ddl[dn]...), strings.Split(stmt, ";")...))
	})
}

// TestDDLReadsOnlineForeignKey: the online form of a foreign key as
// mysqlForeignKeys writes it (online.go), not as a copy of it, is read
// without falling back, so that the writer and the reader cannot drift
// apart; a composite key and a self-reference too.
func TestDDLReadsOnlineForeignKey(t *testing.T) {
	users := sqlschema.NewTable("users").AddColumns(sqlschema.NewIntColumn("id", "int"), sqlschema.NewIntColumn("org", "int"))
	orders := sqlschema.NewTable("orders").AddColumns(sqlschema.NewIntColumn("id", "int"), sqlschema.NewNullIntColumn("user_id", "int"), sqlschema.NewNullIntColumn("org", "int"), sqlschema.NewNullIntColumn("parent_id", "int"))
	col := func(t *sqlschema.Table, n string) *sqlschema.Column { c, _ := t.Column(n); return c }
	keys := []*sqlschema.ForeignKey{
		{Symbol: "fk_orders_user", Table: orders, RefTable: users, Columns: []*sqlschema.Column{col(orders, "user_id")}, RefColumns: []*sqlschema.Column{col(users, "id")}},
		{Symbol: "fk_orders_user_org", Table: orders, RefTable: users, Columns: []*sqlschema.Column{col(orders, "user_id"), col(orders, "org")}, RefColumns: []*sqlschema.Column{col(users, "id"), col(users, "org")}},
		{Symbol: "fk_orders_parent", Table: orders, RefTable: orders, Columns: []*sqlschema.Column{col(orders, "parent_id")}, RefColumns: []*sqlschema.Column{col(orders, "id")}},
	}
	stmts := []string{
		"CREATE TABLE `users` (`id` int NOT NULL, `org` int NOT NULL, PRIMARY KEY (`id`), UNIQUE INDEX `uix_users_id_org` (`id`, `org`))",
		"CREATE TABLE `orders` (`id` int NOT NULL, `user_id` int NULL, `org` int NULL, `parent_id` int NULL, PRIMARY KEY (`id`), INDEX `idx_orders_user_org` (`user_id`, `org`), INDEX `idx_orders_parent` (`parent_id`))",
	}
	for _, fk := range keys {
		before, after := mysqlForeignKeys(orders, []sqlschema.Change{&sqlschema.AddForeignKey{F: fk}})
		cols, refs := make([]string, len(fk.Columns)), make([]string, len(fk.RefColumns))
		for i := range fk.Columns {
			cols[i], refs[i] = "`"+fk.Columns[i].Name+"`", "`"+fk.RefColumns[i].Name+"`"
		}
		alter := "ALTER TABLE `orders` ADD CONSTRAINT `" + fk.Symbol + "` FOREIGN KEY (" + strings.Join(cols, ", ") + ") REFERENCES `" + fk.RefTable.Name + "` (" + strings.Join(refs, ", ") + "), ALGORITHM=INPLACE, LOCK=NONE"
		stmts = append(append(append(stmts, before...), alter), after...)
	}
	s, st, err := ddlRead(dialect.MySQL, "x", stmts)
	if err != nil {
		t.Fatalf("the online form was not read: %v", err)
	}
	if st.unchecked != len(keys) {
		t.Errorf("%d keys read as added with the checks off, want %d", st.unchecked, len(keys))
	}
	o, ok := s.Table("orders")
	if !ok || len(o.ForeignKeys) != len(keys) {
		t.Fatalf("orders read with keys %v, want %d", o, len(keys))
	}
}
