package diff

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"strings"
	"testing"

	sqlschema "ariga.io/atlas/sql/schema"

	"github.com/retortdb/retort/dburl"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/testdb"
)

// A user who may not create a scratch database still gets a plan: the
// models are compared without normalization, and the plan says so.
func TestNormalizeWithoutPrivilege(t *testing.T) {
	for _, d := range []dialect.Name{dialect.MySQL, dialect.Postgres} {
		t.Run(string(d), func(t *testing.T) {
			ctx := context.Background()
			db := testdb.New(t, d)
			var b [4]byte
			rand.Read(b[:])
			user := "retort_np_" + hex.EncodeToString(b[:])
			q := d.QuoteIdent
			var setup, teardown []string
			if d == dialect.MySQL {
				setup = []string{
					"CREATE USER '" + user + "'@'%' IDENTIFIED BY 'np-secret'",
					"CREATE USER '" + user + "'@'localhost' IDENTIFIED BY 'np-secret'",
					"GRANT ALL ON " + q(db.URL.Database) + ".* TO '" + user + "'@'%'",
					"GRANT ALL ON " + q(db.URL.Database) + ".* TO '" + user + "'@'localhost'",
				}
				teardown = []string{"DROP USER IF EXISTS '" + user + "'@'%'", "DROP USER IF EXISTS '" + user + "'@'localhost'"}
			} else {
				setup = []string{
					"CREATE ROLE " + q(user) + " LOGIN NOCREATEDB",
					"REVOKE CREATE ON DATABASE " + q(db.URL.Database) + " FROM PUBLIC",
					"GRANT USAGE, CREATE ON SCHEMA public TO " + q(user),
				}
				teardown = []string{"DROP OWNED BY " + q(user), "DROP ROLE IF EXISTS " + q(user)}
			}
			for _, s := range setup {
				if _, err := db.Exec(s); err != nil {
					t.Fatalf("%s: %v", s, err)
				}
			}
			t.Cleanup(func() {
				for _, s := range teardown {
					db.Exec(s)
				}
			})
			raw := db.URL.Secret()
			u, err := url.Parse(raw)
			if err != nil {
				t.Fatal(err)
			}
			u.User = url.UserPassword(user, "np-secret")
			limited, err := dburl.Parse(u.String(), "")
			if err != nil {
				t.Fatal(err)
			}
			ldb, err := limited.Open(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer ldb.Close()

			name := db.URL.Database
			if d == dialect.Postgres {
				name = "public"
			}
			desired := sqlschema.New(name).AddTables(
				sqlschema.NewTable("things").AddColumns(sqlschema.NewIntColumn("id", "int")),
			)
			opts := Options{Dialect: d, URL: limited, DB: ldb, VersionTable: "retort_version"}
			current, _, err := Inspect(ctx, ldb, opts)
			if err != nil {
				t.Fatal(err)
			}
			norm, err := Normalize(ctx, desired, opts)
			if err != nil {
				t.Fatalf("Normalize without the privilege to make a scratch database: %v", err)
			}
			plan, err := Compute(ctx, current, norm, opts)
			if err != nil {
				t.Fatal(err)
			}
			if len(plan.Upgrade) == 0 {
				t.Errorf("no upgrade planned for a new table")
			}
			found := false
			for _, n := range plan.Notes {
				if strings.Contains(n, "without normalization") {
					found = true
				}
				if strings.Contains(n, "np-secret") {
					t.Errorf("a note holds the password: %s", n)
				}
			}
			if !found {
				t.Errorf("the plan does not say it compared without normalization; notes: %q", plan.Notes)
			}
		})
	}
}
