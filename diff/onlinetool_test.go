package diff

import (
	"context"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/testdb"
)

// TestOnlineToolMarks: with Options.OnlineTool, a MySQL ALTER that can
// only copy its table is marked for the tool, but not one of a table the
// tool cannot take (referenced by another table's foreign key, or with no
// primary or unique key), whose warning says why.
func TestOnlineToolMarks(t *testing.T) {
	ctx := context.Background()
	db := testdb.New(t, dialect.MySQL)
	const before = "CREATE TABLE p (id bigint NOT NULL, n int NOT NULL, PRIMARY KEY (id));\n" +
		"CREATE TABLE c (id bigint NOT NULL, pid bigint NULL, n int NOT NULL, PRIMARY KEY (id), CONSTRAINT fk_c_p FOREIGN KEY (pid) REFERENCES p (id));\n" +
		"CREATE TABLE k (n int NOT NULL);\n"
	execScript(t, db.DB, before)
	opts := Options{Dialect: dialect.MySQL, URL: db.URL, DB: db.DB, OnlineTool: "pt-online-schema-change"}
	desired := schemaFromDDL(t, ctx, dialect.MySQL, strings.NewReplacer("n int NOT NULL", "n bigint NOT NULL").Replace(before), opts)
	current, _, err := Inspect(ctx, db.DB, opts)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := Compute(ctx, current, desired, opts)
	if err != nil {
		t.Fatal(err)
	}
	marked := map[string]bool{}
	for _, s := range plan.Upgrade {
		for _, table := range []string{"p", "c", "k"} {
			if strings.Contains(s, "ALTER TABLE `"+table+"` ") {
				marked[table] = strings.HasPrefix(s, toolMarker)
			}
		}
	}
	if !marked["c"] || marked["p"] || marked["k"] {
		t.Errorf("marked %v, want c only:\n%s", marked, strings.Join(plan.Upgrade, "\n"))
	}
	warnings := strings.Join(plan.Warnings, "\n")
	for _, want := range []string{
		"copies table c: the ALTER is marked \"-- +retort OnlineTool\"",
		"pt-online-schema-change cannot take the table (other tables' foreign keys reference it)",
		"pt-online-schema-change cannot take the table (it has no primary or unique key)",
	} {
		if !strings.Contains(warnings, want) {
			t.Errorf("no warning holds %q:\n%s", want, warnings)
		}
	}
}
