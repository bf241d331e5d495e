package migrations

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/testdb"
)

// The online form of a foreign key added to an existing MySQL table
// (diff/online.go), as autogenerate writes it for children.pid.
func fkOnlineRev(id string) *Revision {
	check := "CREATE PROCEDURE `retort_verify_fk_children_pid`()\n" +
		"BEGIN\n" +
		"  DECLARE orphan INT;\n" +
		"  SET TRANSACTION ISOLATION LEVEL REPEATABLE READ;\n" +
		"  START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY;\n" +
		"  SELECT EXISTS (SELECT 1 FROM `children` c WHERE c.`pid` IS NOT NULL AND NOT EXISTS (SELECT 1 FROM `parents` p WHERE p.`id` = c.`pid`)) INTO orphan;\n" +
		"  COMMIT;\n" +
		"  IF orphan THEN\n" +
		"    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'foreign key fk_children_pid: rows of children have no match in parents; fix them and run retort upgrade again';\n" +
		"  END IF;\n" +
		"END"
	rev := rtRev(id, "add fk", nil, []string{
		"DROP PROCEDURE IF EXISTS `retort_verify_fk_children_pid`",
		check,
		"SET SESSION foreign_key_checks = 0",
		"ALTER TABLE `children` ADD CONSTRAINT `fk_children_pid` FOREIGN KEY (`pid`) REFERENCES `parents` (`id`), ALGORITHM=INPLACE, LOCK=NONE",
		"SET SESSION foreign_key_checks = 1",
		"CALL `retort_verify_fk_children_pid`()",
		"DROP PROCEDURE `retort_verify_fk_children_pid`",
	}, nil)
	rev.Checksum = rtChecksum(rev)
	return rev
}

func fkTables(t *testing.T, db *sql.DB) {
	t.Helper()
	for _, s := range []string{
		"CREATE TABLE parents (id int PRIMARY KEY)",
		"CREATE TABLE children (id int PRIMARY KEY, pid int NULL, KEY (pid))",
		"INSERT INTO parents VALUES (1)",
		"INSERT INTO children VALUES (1, 1), (2, NULL), (3, 9)",
	} {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

func fkChecks(t *testing.T, db *sql.DB) int {
	t.Helper()
	var v int
	if err := db.QueryRow("SELECT @@SESSION.foreign_key_checks").Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// TestRunnerForeignKeyCheckFails: when the check after a foreign key
// added in place finds a row without a parent, the upgrade stops at the
// CALL with the check's message, the key in place; the file need not
// change: a plain run checks again (and fails again while the row is
// there), and completes once the row is fixed.
func TestRunnerForeignKeyCheckFails(t *testing.T) {
	db := testdb.New(t, dialect.MySQL)
	db.SetMaxOpenConns(1) // the runner's session is the one fkChecks reads
	ctx := context.Background()
	fkTables(t, db.DB)
	rev := fkOnlineRev("fk")
	plan := rtPlanner(nil, []Step{{Rev: rev, Up: true, InsertHeads: []string{"fk"}}})
	r := NewRunner(db.DB, rtOpts(dialect.MySQL))
	for try := 1; try <= 2; try++ {
		err := r.Run(ctx, nil, plan)
		var se *StatementError
		if !errors.As(err, &se) || se.Index != 6 || !strings.Contains(err.Error(), "foreign key fk_children_pid: rows of children have no match in parents") {
			t.Fatalf("run %d = %v, want the check's error at statement 6", try, err)
		}
		st, err := r.State(ctx)
		if err != nil {
			t.Fatal(err)
		}
		p := st.Partial
		if p == nil || !p.CheckFailed || p.Failed != 6 || p.StatementsRun != 5 {
			t.Fatalf("run %d: Partial = %+v, want a failed check at statement 6 after 5", try, p)
		}
		msg := p.String()
		for _, want := range []string{"found some that break it", "the file is fine", "fix or delete those rows", "`retort upgrade fk`", "resuming at statement 6"} {
			if !strings.Contains(msg, want) {
				t.Errorf("run %d: %q lacks %q", try, msg, want)
			}
		}
		if try == 1 {
			t.Logf("current says: %s", msg)
		}
		if v := fkChecks(t, db.DB); v != 1 {
			t.Errorf("run %d: the session's foreign_key_checks is %d after the failure, want 1", try, v)
		}
	}
	// The key is in place and checks new rows.
	if _, err := db.Exec("INSERT INTO children VALUES (4, 8)"); err == nil {
		t.Error("a row without a parent went in after the failed check: the key is not in place")
	}
	if _, err := db.Exec("UPDATE children SET pid = NULL WHERE id = 3"); err != nil {
		t.Fatal(err)
	}
	if err := r.Run(ctx, nil, plan); err != nil {
		t.Fatalf("run after fixing the rows: %v", err)
	}
	st, err := r.State(ctx)
	if err != nil || st.Partial != nil || len(st.Heads) != 1 || st.Heads[0] != "fk" {
		t.Fatalf("State = %+v, %v, want fk applied", st, err)
	}
	if n := rtCount(t, db.DB, "SELECT COUNT(*) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE()"); n != 0 {
		t.Errorf("%d procedure(s) left", n)
	}
}

// TestRunnerForeignKeyChecksRestored: when the ALTER after SET
// foreign_key_checks = 0 fails, the runner turns the checks back on
// before the session goes back to the pool, and records the SET as not
// run, so that the fixed file resumes with it (the in-place ALTER needs
// the checks off).
func TestRunnerForeignKeyChecksRestored(t *testing.T) {
	db := testdb.New(t, dialect.MySQL)
	db.SetMaxOpenConns(1)
	ctx := context.Background()
	fkTables(t, db.DB)
	if _, err := db.Exec("DELETE FROM children WHERE id = 3"); err != nil {
		t.Fatal(err)
	}
	good := fkOnlineRev("fk")
	bad := rtEdit(good, 3, strings.Replace(good.Upgrade[3].SQL, "`children`", "`no_such_table`", 1))
	step := func(rev *Revision) Planner {
		return rtPlanner(nil, []Step{{Rev: rev, Up: true, InsertHeads: []string{"fk"}}})
	}
	r := NewRunner(db.DB, rtOpts(dialect.MySQL))
	err := r.Run(ctx, nil, step(bad))
	var se *StatementError
	if !errors.As(err, &se) || se.Index != 4 {
		t.Fatalf("Run = %v, want a failure at statement 4", err)
	}
	if v := fkChecks(t, db.DB); v != 1 {
		t.Errorf("the session's foreign_key_checks is %d after the failed ALTER, want 1", v)
	}
	st, err := r.State(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if p := st.Partial; p == nil || p.Failed != 4 || p.StatementsRun != 2 {
		t.Fatalf("Partial = %+v, want statement 4 failed and 2 run (the SET undone)", p)
	}
	if err := r.Run(ctx, nil, step(good)); err != nil {
		t.Fatalf("resume with the fixed file: %v", err)
	}
	if v := fkChecks(t, db.DB); v != 1 {
		t.Errorf("the session's foreign_key_checks is %d after the run, want 1", v)
	}
}

// TestResetSession: a MySQL section resumed on a new session first runs
// again the last SET foreign_key_checks among the statements that ran
// (the session they set is gone).
func TestResetSession(t *testing.T) {
	db := testdb.New(t, dialect.MySQL)
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	r := NewRunner(db.DB, rtOpts(dialect.MySQL))
	s := &session{conn: &sessConn{Conn: conn}, bctx: ctx}
	stmts := []Statement{{SQL: "CREATE TABLE x (id int)"}, {SQL: "SET SESSION foreign_key_checks = 0"}, {SQL: "ALTER TABLE x ADD COLUMN y int"}, {SQL: "set foreign_key_checks=1"}}
	read := func() int {
		var v int
		if err := conn.QueryRowContext(ctx, "SELECT @@SESSION.foreign_key_checks").Scan(&v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	g := r.noTxGuard(s, stmts)
	for _, c := range []struct{ ran, want int }{{0, 1}, {1, 1}, {2, 0}, {3, 0}, {4, 1}} {
		if err := g.resetSession(c.ran); err != nil {
			t.Fatal(err)
		}
		if got := read(); got != c.want {
			t.Errorf("after %d statement(s) ran: foreign_key_checks = %d, want %d", c.ran, got, c.want)
		}
	}
}

func TestIsFKChecksSet(t *testing.T) {
	for sql, want := range map[string]bool{
		"SET SESSION foreign_key_checks = 0":     true,
		"set foreign_key_checks=1":               true,
		"SET @@SESSION.foreign_key_checks = OFF": true,
		"SET @@foreign_key_checks = 0":           true,
		"SET LOCAL foreign_key_checks = 0":       true,
		"SET GLOBAL foreign_key_checks = 0":      false,
		"SET unique_checks = 0":                  false,
		"SELECT foreign_key_checks":              false,
	} {
		if got := isFKChecksSet(sql); got != want {
			t.Errorf("isFKChecksSet(%q) = %v, want %v", sql, got, want)
		}
	}
}
