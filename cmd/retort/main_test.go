package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/cli"
)

// burstHeap turns the collector off up to a gigabyte, unless the
// environment says how the collector should run.
func TestBurstHeap(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	debug.SetGCPercent(100)
	env := os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != ""
	before := debug.SetMemoryLimit(-1)
	burstHeap()
	percent, limit := debug.SetGCPercent(100), debug.SetMemoryLimit(-1)
	switch {
	case env && (percent != 100 || limit != before):
		t.Fatalf("GOGC or GOMEMLIMIT set: burstHeap changed the collector (GOGC %d, limit %d)", percent, limit)
	case !env && (percent != -1 || limit != 1<<30):
		t.Fatalf("burstHeap left GOGC %d and the memory limit %d, want off and 1 GiB", percent, limit)
	}
}

// cli.Run changes no process-wide setting by itself: a history command
// run in-process without WithHeapBurst leaves the collector as it was.
func TestRunLeavesCollector(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "retort.toml")
	conf := "[database]\nurl = \"sqlite://" + filepath.Join(dir, "app.db") + "\"\n\n[migrations]\ndir = \"migrations\"\n"
	if err := os.WriteFile(cfg, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "migrations", "versions"), 0o755); err != nil {
		t.Fatal(err)
	}
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)
	var out bytes.Buffer
	if code := cli.Run(context.Background(), []string{"-c", cfg, "history"}, strings.NewReader(""), &out, &out); code != 0 {
		t.Fatalf("history: exit %d\n%s", code, out.String())
	}
	if percent := debug.SetGCPercent(100); percent != 100 {
		t.Errorf("cli.Run left GOGC at %d", percent)
	}
}
