package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort/dialect"
)

// TestOutcome checks what each case accepts as a run: the no-op must say
// "No changes" and write nothing, the others must write one revision.
func TestOutcome(t *testing.T) {
	for _, tc := range []struct {
		name string
		want outcome
		m    measurement
		ok   bool
	}{
		{"no-op clean", wantNothing, measurement{output: "No changes in schema detected; no revision written"}, true},
		{"no-op wrote a file", wantNothing, measurement{output: "No changes", written: []string{"a.sql"}}, false},
		{"no-op silent", wantNothing, measurement{output: "migrations/versions/a_bench.sql"}, false},
		{"check passes", wantClean, measurement{}, true},
		{"check fails", wantClean, measurement{exit: 1, output: "pending: add column"}, false},
		{"revision written", wantRevision, measurement{written: []string{"a.sql"}}, true},
		{"revision missing", wantRevision, measurement{output: "No changes"}, false},
		{"timed out", wantRevision, measurement{timedOut: true}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := tc.m
			if got := tc.want.check(&m); (got == "") != tc.ok {
				t.Errorf("check = %q, want ok %v", got, tc.ok)
			}
		})
	}
}

// TestReport checks the table: median, min and max of the runs, the
// smallest query count, the largest RSS, and the rows of skipped sizes.
func TestReport(t *testing.T) {
	b := &bencher{cfg: config{bin: "retort", runs: 3, seed: 1, dialects: []dialect.Name{dialect.MySQL}}, versions: map[dialect.Name]string{}}
	b.results = []*result{{
		dialect: dialect.MySQL, tables: 1000, name: caseNoop,
		times:   []time.Duration{3 * time.Second, 1 * time.Second, 2 * time.Second},
		cpu:     []time.Duration{time.Second, time.Second, time.Second},
		queries: []int64{12, 9, 30},
		rss:     []int64{20000, 40000, 30000},
	}}
	var log bytes.Buffer
	b.log = &log
	b.skip(dialect.MySQL, 10000, "not run: too slow")
	var w bytes.Buffer
	b.report(&w)
	for _, want := range []string{
		"| mysql | 1,000 | no-op revision --autogenerate | 2.000 s | 1.000 s | 3.000 s | 9 | 41 MB | 1.000 s |",
		"| mysql | 10,000 | all cases | not run: too slow |",
	} {
		if !strings.Contains(w.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, w.String())
		}
	}
}
