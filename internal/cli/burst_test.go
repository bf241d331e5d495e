package cli

import (
	"os"
	"runtime/debug"
	"testing"
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
