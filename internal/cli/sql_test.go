package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/retortdb/retort/internal/dburl"
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
