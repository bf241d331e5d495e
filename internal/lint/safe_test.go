package lint

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/testdb"
	"github.com/retortdb/retort/migrations"
)

// The safe forms that lint suggests, written as a revision on a table
// with rows: lint must find nothing in it, and retort's runner must apply
// and revert it on the real server.
var safeForms = map[dialect.Name]struct{ base, safe string }{
	dialect.Postgres: {
		base: `-- +retort Upgrade
CREATE TABLE users (id bigint PRIMARY KEY, email text);
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint, total int);
INSERT INTO users SELECT g, 'u' || g || '@example.com' FROM generate_series(1, 1000) g;
INSERT INTO orders SELECT g, 1 + g % 1000, g FROM generate_series(1, 5000) g;

-- +retort Downgrade
DROP TABLE orders;
DROP TABLE users;
`,
		safe: `-- +retort Upgrade NoTransaction
SET lock_timeout = '5s';
CREATE INDEX CONCURRENTLY idx_orders_user ON orders (user_id);
CREATE UNIQUE INDEX CONCURRENTLY idx_users_email ON users (email);
ALTER TABLE users ADD CONSTRAINT uni_users_email UNIQUE USING INDEX idx_users_email;
ALTER TABLE orders ADD CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT fk_orders_user;
ALTER TABLE orders ADD CONSTRAINT chk_orders_total CHECK (total >= 0) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT chk_orders_total;
ALTER TABLE orders ADD CONSTRAINT total_not_null CHECK (total IS NOT NULL) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT total_not_null;
ALTER TABLE orders ALTER COLUMN total SET NOT NULL;
ALTER TABLE orders DROP CONSTRAINT total_not_null;
ALTER TABLE orders ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
DROP INDEX CONCURRENTLY idx_orders_user;

-- +retort Downgrade NoTransaction
SET lock_timeout = '5s';
ALTER TABLE orders DROP COLUMN created_at;
ALTER TABLE orders ALTER COLUMN total DROP NOT NULL;
ALTER TABLE orders DROP CONSTRAINT chk_orders_total;
ALTER TABLE orders DROP CONSTRAINT fk_orders_user;
ALTER TABLE users DROP CONSTRAINT uni_users_email;
`,
	},
	dialect.MySQL: {
		base: `-- +retort Upgrade
CREATE TABLE users (id bigint PRIMARY KEY, email varchar(255), name varchar(100)) ENGINE=InnoDB;
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint, total int) ENGINE=InnoDB;
INSERT INTO users (id, email, name) VALUES (1, 'a@example.com', 'a'), (2, 'b@example.com', 'b'), (3, 'c@example.com', 'c');
INSERT INTO orders (id, user_id, total) VALUES (1, 1, 10), (2, 2, 20), (3, 3, 30), (4, 1, 40);

-- +retort Downgrade
DROP TABLE orders;
DROP TABLE users;
`,
		safe: `-- +retort Upgrade
SET SESSION lock_wait_timeout = 5;
ALTER TABLE orders ADD INDEX idx_orders_user (user_id), ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE users ADD COLUMN bio text, ALGORITHM=INSTANT;
ALTER TABLE users MODIFY name varchar(200), ALGORITHM=INPLACE, LOCK=NONE;
CREATE UNIQUE INDEX idx_users_email ON users (email) ALGORITHM=INPLACE LOCK=NONE;
SET foreign_key_checks = 0;
ALTER TABLE orders ADD CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id), ALGORITHM=INPLACE, LOCK=NONE;
SET foreign_key_checks = 1;

-- +retort Downgrade
SET SESSION lock_wait_timeout = 5;
ALTER TABLE orders DROP FOREIGN KEY fk_orders_user, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE users DROP INDEX idx_users_email, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE users DROP COLUMN bio, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE orders DROP INDEX idx_orders_user, ALGORITHM=INPLACE, LOCK=NONE;
`,
	},
}

func header(id, parent string) string {
	return "-- " + id + "\n--\n-- Revision ID: " + id + "\n-- Revises: " + parent + "\n-- Create Date: 2026-12-05T00:00:00Z\n\n"
}

// TestSafeFormsRun applies the safe forms on the real servers.
func TestSafeFormsRun(t *testing.T) {
	for _, d := range []dialect.Name{dialect.Postgres, dialect.MySQL} {
		t.Run(string(d), func(t *testing.T) {
			db := testdb.New(t, d)
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			var revs []*migrations.Revision
			for _, f := range []struct{ id, parent, body string }{
				{"aaaaaaaaaaaa", "", safeForms[d].base},
				{"bbbbbbbbbbbb", "aaaaaaaaaaaa", safeForms[d].safe},
			} {
				src := header(f.id, f.parent) + f.body
				rev, err := migrations.ParseFile(f.id+".sql", []byte(src), d)
				if err != nil {
					t.Fatal(err)
				}
				for _, fd := range Revision(rev, []byte(src), Options{Dialect: d}) {
					t.Errorf("the safe form has a finding: %s", fd)
				}
				revs = append(revs, rev)
			}
			g, err := migrations.NewGraph(revs)
			if err != nil {
				t.Fatal(err)
			}
			r := migrations.NewRunner(db.DB, migrations.RunnerOptions{Dialect: d})
			up := func(cur []string) ([]migrations.Step, error) { return g.PlanUpgrade(cur, "heads") }
			if err := r.Run(ctx, revs, up); err != nil {
				t.Fatalf("upgrade: %v", err)
			}
			checkSafeResult(t, ctx, d, db)
			down := func(cur []string) ([]migrations.Step, error) { return g.PlanDowngrade(cur, "aaaaaaaaaaaa") }
			if err := r.Run(ctx, revs, down); err != nil {
				t.Fatalf("downgrade: %v", err)
			}
		})
	}
}

// checkSafeResult checks that the safe forms did what they stand for.
func checkSafeResult(t *testing.T, ctx context.Context, d dialect.Name, db *testdb.DB) {
	t.Helper()
	query := func(q string) string {
		var s string
		if err := db.QueryRowContext(ctx, q).Scan(&s); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return s
	}
	if d == dialect.Postgres {
		if got := query(`SELECT string_agg(conname || '=' || convalidated, ',' ORDER BY conname) FROM pg_constraint WHERE conrelid IN ('orders'::regclass, 'users'::regclass) AND contype IN ('f', 'c', 'u')`); got != "chk_orders_total=true,fk_orders_user=true,uni_users_email=true" {
			t.Errorf("constraints: %s", got)
		}
		if got := query(`SELECT is_nullable FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'total'`); got != "NO" {
			t.Errorf("orders.total nullable: %s", got)
		}
		return
	}
	if got := query(`SELECT COUNT(*) FROM information_schema.referential_constraints WHERE constraint_schema = DATABASE() AND constraint_name = 'fk_orders_user'`); got != "1" {
		t.Errorf("foreign key: %s", got)
	}
	// What LOCK=NONE is for: a change that would copy the table is
	// refused at once instead of blocking writes.
	_, err := db.ExecContext(ctx, "ALTER TABLE users MODIFY id int NOT NULL, ALGORITHM=INPLACE, LOCK=NONE")
	if err == nil || !strings.Contains(strings.ToUpper(err.Error()), "ALGORITHM") && !strings.Contains(strings.ToUpper(err.Error()), "LOCK") {
		t.Errorf("a type change with ALGORITHM=INPLACE, LOCK=NONE: got %v, want the server to refuse it", err)
	}
}
