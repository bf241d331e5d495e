package migrations

import (
	"context"
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/testdb"
)

func providerFiles() fstest.MapFS {
	rev := func(id, parent, msg, up, down string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("-- " + msg + "\n--\n-- Revision ID: " + id + "\n-- Revises: " + parent +
			"\n-- Create Date: 2026-12-04T00:00:00Z\n\n-- +retort Upgrade\n" + up + "\n\n-- +retort Downgrade\n" + down + "\n")}
	}
	return fstest.MapFS{
		"versions/aaaaaaaaaaaa_notes.sql": rev("aaaaaaaaaaaa", "", "notes", "CREATE TABLE notes (id integer PRIMARY KEY);", "DROP TABLE notes;"),
		"versions/bbbbbbbbbbbb_tags.sql":  rev("bbbbbbbbbbbb", "aaaaaaaaaaaa", "tags", "CREATE TABLE tags (id integer PRIMARY KEY);", "DROP TABLE tags;"),
		"versions/cccccccccccc_marks.sql": rev("cccccccccccc", "bbbbbbbbbbbb", "marks", "INSERT INTO notes (id) VALUES (1);", "DELETE FROM notes WHERE id = 1;"),
	}
}

// The library entry point, on every dialect: upgrade, what is pending,
// current, downgrade, stamp, and offline SQL, with typed results.
func TestProvider(t *testing.T) {
	forEachDialect(t, func(t *testing.T, d dialect.Name, db *testdb.DB) {
		ctx := context.Background()
		p, err := NewProvider(string(d), db.DB, providerFiles(), ProviderOptions{})
		if err != nil {
			t.Fatal(err)
		}
		pending, err := p.Pending(ctx)
		if err != nil || len(pending) != 3 {
			t.Fatalf("Pending = %d revisions, %v; want 3", len(pending), err)
		}
		ran, err := p.Upgrade(ctx, "bbbbbbbbbbbb")
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, r := range ran {
			ids = append(ids, r.Revision.ID)
			if !r.Up {
				t.Errorf("%s: not an upgrade", r.Revision.ID)
			}
		}
		if diff := cmp.Diff([]string{"aaaaaaaaaaaa", "bbbbbbbbbbbb"}, ids); diff != "" {
			t.Errorf("ran (-want +got):\n%s", diff)
		}
		if ran, err = p.Upgrade(ctx, ""); err != nil || len(ran) != 1 {
			t.Fatalf("Upgrade to the heads ran %d, %v; want 1", len(ran), err)
		}
		st, err := p.Current(ctx)
		if err != nil || !cmp.Equal(st.Heads, []string{"cccccccccccc"}) {
			t.Fatalf("Current = %+v, %v", st, err)
		}
		if ran, err = p.Downgrade(ctx, "-2"); err != nil || len(ran) != 2 || ran[0].Up {
			t.Fatalf("Downgrade -2 = %+v, %v", ran, err)
		}
		if err := p.Stamp(ctx, "heads"); err != nil {
			t.Fatal(err)
		}
		if st, _ := p.Current(ctx); !cmp.Equal(st.Heads, []string{"cccccccccccc"}) {
			t.Errorf("after Stamp: %v", st.Heads)
		}
		var sql strings.Builder
		if err := p.WriteSQL(&sql, "base", "heads"); err != nil || !strings.Contains(sql.String(), "CREATE TABLE tags") {
			t.Errorf("WriteSQL: %v\n%s", err, sql.String())
		}
	})
}

func TestProviderErrors(t *testing.T) {
	if _, err := NewProvider("oracle", nil, providerFiles(), ProviderOptions{}); !errors.Is(err, ErrUnknownDialect) {
		t.Errorf("unknown dialect: %v", err)
	}
	bad := providerFiles()
	bad["versions/dddddddddddd_bad.sql"] = &fstest.MapFile{Data: []byte("-- bad\n-- Revision ID: dddddddddddd\n-- Revises: zzzz\n")}
	if _, err := NewProvider("sqlite", nil, bad, ProviderOptions{}); err == nil {
		t.Fatal("a graph whose revision revises a missing one loaded")
	}
}

// A graph read with headers only has no statements: a Runner given its
// revisions refuses to record them as applied.
func TestHeadersOnlyRefused(t *testing.T) {
	forDialects(t, []dialect.Name{dialect.SQLite}, func(t *testing.T, d dialect.Name, db *testdb.DB) {
		g, err := LoadGraphHeaders(providerFiles(), d)
		if err != nil {
			t.Fatal(err)
		}
		r := NewRunner(db.DB, rtOpts(d))
		err = r.Run(context.Background(), g.Revisions(), func(cur []string) ([]Step, error) { return g.PlanUpgrade(cur, "heads") })
		if !errors.Is(err, ErrHeadersOnly) {
			t.Fatalf("Run with a headers-only graph = %v, want ErrHeadersOnly", err)
		}
		if st, _ := r.State(context.Background()); len(st.Heads) != 0 {
			t.Errorf("revisions recorded as applied: %v", st.Heads)
		}
		steps, _ := g.PlanUpgrade(nil, "heads")
		if err := WriteOffline(&strings.Builder{}, steps, rtOpts(d)); !errors.Is(err, ErrHeadersOnly) {
			t.Errorf("WriteOffline with a headers-only graph = %v", err)
		}
	})
}
