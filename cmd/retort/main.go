// Command retort is a database migration manager for Go projects.
package main

import (
	"context"
	"os"
	"runtime/debug"
	"runtime/pprof"

	"github.com/retortdb/retort/internal/cli"
)

func main() { os.Exit(run()) }

func run() int {
	// RETORT_CPUPROFILE=file writes a CPU profile of the run, for `go tool
	// pprof` (README, Development); RETORT_MEMPROFILE, one of its
	// allocations.
	if path := os.Getenv("RETORT_CPUPROFILE"); path != "" {
		if f, err := os.Create(path); err == nil {
			defer f.Close()
			if pprof.StartCPUProfile(f) == nil {
				defer pprof.StopCPUProfile()
			}
		}
	}
	if path := os.Getenv("RETORT_MEMPROFILE"); path != "" {
		defer func() {
			if f, err := os.Create(path); err == nil {
				pprof.Lookup("allocs").WriteTo(f, 0)
				f.Close()
			}
		}()
	}
	cli.QuietDrivers()
	return cli.Run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr, cli.WithHeapBurst(burstHeap))
}

// burstHeap turns the garbage collector off below a gigabyte for a command
// that reads the whole revision history, prints and is done: it allocates
// tens of megabytes in a burst and keeps most of it, so every collection on
// the way costs more than the memory it gives back
// (BenchmarkHistoryHeapBurst measures both). GOGC or GOMEMLIMIT in the
// environment are left in charge.
func burstHeap() {
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetGCPercent(-1)
		debug.SetMemoryLimit(1 << 30)
	}
}
