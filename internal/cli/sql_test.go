package cli

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/retortdb/retort/dburl"
	"github.com/retortdb/retort/dialect"
)

func sqlExec(dir, raw, stmt string) error {
	u, err := dburl.Parse(raw, dir)
	if err != nil {
		return err
	}
	db, err := u.Open(context.Background())
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.Exec(stmt)
	return err
}

func sqlQuery(dir, raw, q string) (string, error) {
	u, err := dburl.Parse(raw, dir)
	if err != nil {
		return "", err
	}
	db, err := u.Open(context.Background())
	if err != nil {
		return "", err
	}
	defer db.Close()
	rows, err := db.Query(q)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return "", err
		}
		parts := make([]string, len(cols))
		for i, v := range vals {
			if bs, ok := v.([]byte); ok {
				v = string(bs)
			}
			parts[i] = fmt.Sprint(v)
		}
		b.WriteString(strings.Join(parts, "|") + "\n")
	}
	return b.String(), rows.Err()
}

// cancelQuery waits (up to 30 s) for a session of the server behind raw
// whose running statement holds text, and cancels that statement as an
// operator would: MySQL's KILL QUERY, PostgreSQL's pg_cancel_backend.
func cancelQuery(dir, raw, text string) error {
	return findQuery(dir, raw, text, true)
}

// findQuery waits for a statement holding text to run on the server, and
// cancels it when cancel is set.
func findQuery(dir, raw, text string, cancel bool) error {
	u, err := dburl.Parse(raw, dir)
	if err != nil {
		return err
	}
	db, err := u.Open(context.Background())
	if err != nil {
		return err
	}
	defer db.Close()
	// Not retort's own bookkeeping, whose log rows quote the statement.
	// In this test's database only: another test's statement may hold the
	// same text.
	find, kill := "SELECT ID FROM information_schema.PROCESSLIST WHERE INFO LIKE ? AND INFO NOT LIKE '%retort_version%' AND DB = DATABASE() AND ID <> CONNECTION_ID()", "KILL QUERY %d"
	if u.Dialect == dialect.Postgres {
		find, kill = "SELECT pid FROM pg_stat_activity WHERE query LIKE $1 AND query NOT LIKE '%retort_version%' AND datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()", "SELECT pg_cancel_backend(%d)"
	}
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		var id int64
		if err := db.QueryRow(find, "%"+text+"%").Scan(&id); err != nil {
			continue
		}
		if !cancel {
			return nil
		}
		_, err := db.Exec(fmt.Sprintf(kill, id))
		return err
	}
	return fmt.Errorf("no statement holding %q ran within 30s", text)
}
