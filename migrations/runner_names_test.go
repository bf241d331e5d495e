package migrations

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/testdb"
)

// A version table whose log name ("_log" added) would pass the dialect's
// identifier limit is refused by every entry point, before any database
// work: MySQL would refuse the log, PostgreSQL would cut its name back to
// the version table's own.
func TestVersionTableNameLimit(t *testing.T) {
	tests := []struct {
		d    dialect.Name
		name string
		ok   bool
	}{
		{dialect.MySQL, strings.Repeat("v", 60), true},
		{dialect.MySQL, strings.Repeat("v", 61), false},
		{dialect.MySQL, strings.Repeat("é", 60), true}, // characters, not bytes
		{dialect.MySQL, strings.Repeat("v", 65), false},
		{dialect.Postgres, strings.Repeat("v", 59), true},
		{dialect.Postgres, strings.Repeat("v", 60), false},
		{dialect.Postgres, strings.Repeat("é", 30), false}, // bytes: 60
		{dialect.SQLite, strings.Repeat("v", 300), true},
	}
	ctx := context.Background()
	for _, tt := range tests {
		opts := RunnerOptions{Dialect: tt.d, VersionTable: tt.name}
		var buf bytes.Buffer
		errs := map[string]error{
			"WriteOffline":      WriteOffline(&buf, nil, opts),
			"WriteOfflineStamp": WriteOfflineStamp(&buf, nil, []string{"r1"}, opts),
		}
		if !tt.ok {
			// A nil *sql.DB: the check comes before any database work.
			r := NewRunner(nil, opts)
			errs["Run"] = r.Run(ctx, nil, rtPlanner(nil, nil))
			errs["Stamp"] = r.Stamp(ctx, func([]string) ([]string, []string, error) { return nil, nil, nil })
			_, errs["State"] = r.State(ctx)
			_, errs["Verify"] = r.Verify(ctx, nil)
		}
		for fn, err := range errs {
			if tt.ok {
				if err != nil {
					t.Errorf("%s %s(%d bytes) = %v, want no error", tt.d, fn, len(tt.name), err)
				}
				continue
			}
			if !errors.Is(err, ErrVersionTableName) {
				t.Errorf("%s %s(%d bytes) = %v, want ErrVersionTableName", tt.d, fn, len(tt.name), err)
				continue
			}
			limit := map[dialect.Name]string{dialect.MySQL: "limit of 64", dialect.Postgres: "limit of 63"}[tt.d]
			if msg := err.Error(); !strings.HasPrefix(msg, "migrations: ") || !strings.Contains(msg, limit) || strings.Contains(msg, "\n") {
				t.Errorf("%s %s: error %q: want one line, prefixed, naming the %s", tt.d, fn, msg, limit)
			}
		}
	}
}

// The longest name the check lets through works on the server: the
// version table and its log are created under their own names.
func TestVersionTableLongestName(t *testing.T) {
	forDialects(t, []dialect.Name{dialect.MySQL, dialect.Postgres}, func(t *testing.T, d dialect.Name, db *testdb.DB) {
		ctx := context.Background()
		max := map[dialect.Name]int{dialect.MySQL: 64, dialect.Postgres: 63}[d]
		opts := RunnerOptions{Dialect: d, VersionTable: strings.Repeat("v", max-len("_log"))}
		r := NewRunner(db.DB, opts)
		h := newRTHistory()
		if err := r.Run(ctx, nil, rtPlanner(nil, h.up()[:1])); err != nil {
			t.Fatal(err)
		}
		if st, err := r.State(ctx); err != nil || !rtSameSet(st.Heads, []string{"r1"}) {
			t.Fatalf("State = %+v, %v", st, err)
		}
		if n := rtCount(t, db.DB, "SELECT COUNT(*) FROM "+d.QuoteIdent(opts.VersionTable+"_log")); n != 1 {
			t.Errorf("log has %d rows, want 1", n)
		}
	})
}

// The offline header adds the parents column to a log created before it
// existed, and does nothing on a log that has it: the log INSERTs that name
// it then run on both.
func TestWriteOfflineOldLog(t *testing.T) {
	forDialects(t, []dialect.Name{dialect.MySQL, dialect.Postgres}, func(t *testing.T, d dialect.Name, db *testdb.DB) {
		ctx := context.Background()
		vt := newVersionTable(d, "")
		conn, err := db.Conn(ctx) // MySQL's statements share a session variable
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		for _, s := range vt.createStatements() {
			if _, err := conn.ExecContext(ctx, s); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := conn.ExecContext(ctx, "ALTER TABLE "+vt.q(vt.log)+" DROP COLUMN "+vt.q("parents")); err != nil {
			t.Fatal(err)
		}
		for round := range 2 {
			for _, s := range vt.addParentsStatements() {
				if _, err := conn.ExecContext(ctx, s); err != nil {
					t.Fatalf("round %d: %v\n%s", round+1, err, s)
				}
			}
		}
		var buf bytes.Buffer
		if err := WriteOfflineStamp(&buf, nil, []string{"r1"}, rtOpts(d)); err != nil {
			t.Fatal(err)
		}
		if d == dialect.Postgres {
			// The whole script, on a log that has the column now.
			if _, err := conn.ExecContext(ctx, buf.String()); err != nil {
				t.Fatalf("offline sql: %v\n%s", err, buf.String())
			}
			if heads := rtHeads(t, NewRunner(db.DB, rtOpts(d))); !rtSameSet(heads, []string{"r1"}) {
				t.Errorf("heads %v, want [r1]", heads)
			}
		}
		if _, err := conn.ExecContext(ctx, "INSERT INTO "+vt.q(vt.log)+" ("+vt.q("revision")+", "+vt.q("direction")+", "+vt.q("status")+", "+vt.q("parents")+") VALUES ('x', 'up', 'ok', 'base')"); err != nil {
			t.Errorf("the log lacks parents: %v", err)
		}
	})
}
