package models

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/dialect"
)

// WithoutStructs keeps every answer but the structs' own, and refuses to
// build a schema it no longer has the structs for.
func TestWithoutStructs(t *testing.T) {
	m, err := Load(context.Background(), LoadOptions{Dir: "..", Patterns: []string{"./demo/models"}})
	if err != nil {
		t.Fatal(err)
	}
	slim := m.WithoutStructs()
	if slim.Structs() != m.Structs() || slim.Source() != m.Source() || !cmp.Equal(slim.Warnings(), m.Warnings()) {
		t.Errorf("WithoutStructs changed the counts, source or warnings")
	}
	for _, table := range m.Tables() {
		if !cmp.Equal(slim.Lookalikes(table), m.Lookalikes(table)) || !cmp.Equal(slim.JoinKeys(table), m.JoinKeys(table)) {
			t.Errorf("%s: WithoutStructs changed the lookalikes or join keys", table)
		}
	}
	if _, err := slim.Schema(dialect.SQLite, "main"); err == nil {
		t.Error("Schema of WithoutStructs: no error")
	}
	if _, err := m.Schema(dialect.SQLite, "main"); err != nil {
		t.Errorf("Schema of the original after WithoutStructs: %v", err)
	}
}
