package testdb

import (
	"testing"

	"github.com/retortdb/retort/dialect"
)

func TestNew(t *testing.T) {
	for _, d := range Dialects() {
		t.Run(string(d), func(t *testing.T) {
			db := New(t, d)
			if _, err := db.Exec("CREATE TABLE t (id int)"); err != nil {
				t.Fatal(err)
			}
			if _, err := db.Exec("INSERT INTO t VALUES (1)"); err != nil {
				t.Fatal(err)
			}
			var n int
			if err := db.QueryRow("SELECT count(*) FROM t").Scan(&n); err != nil || n != 1 {
				t.Fatalf("count = %d, %v", n, err)
			}
		})
	}
	_ = dialect.MySQL
}
