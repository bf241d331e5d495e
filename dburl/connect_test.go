package dburl_test

import (
	"context"
	"strings"
	"testing"

	"github.com/retortdb/retort/dburl"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/testdb"
)

// TestParamsConnect connects with the parameters an SQLAlchemy URL of
// fenix.conf carries: they must be translated, not sent to the server.
func TestParamsConnect(t *testing.T) {
	for _, d := range []dialect.Name{dialect.MySQL, dialect.Postgres} {
		t.Run(string(d), func(t *testing.T) {
			db := testdb.New(t, d)
			raw := db.URL.Secret()
			sep := "?"
			if strings.Contains(raw, "?") {
				sep = "&"
			}
			extra := "connect_timeout=5&read_timeout=30&write_timeout=30&charset=utf8mb4&ssl_disabled=true"
			if d == dialect.Postgres {
				extra = "connect_timeout=5&keepalives=1&keepalives_idle=30&application_name=fenix"
			}
			u, err := dburl.ParseSQLAlchemy(raw+sep+extra, "")
			if err != nil {
				t.Fatal(err)
			}
			conn, err := u.Open(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			conn.Close()
		})
	}
}
