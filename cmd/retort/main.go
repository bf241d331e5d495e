// Command retort is a database migration manager for Go projects.
package main

import (
	"context"
	"os"
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
	return cli.Run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
}
