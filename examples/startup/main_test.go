package main

import (
	"context"
	"path/filepath"
	"testing"
)

// The example program migrates a fresh database, and a second start finds
// nothing to do.
func TestStartup(t *testing.T) {
	path := filepath.Join(t.TempDir(), "app.db")
	for i := 0; i < 2; i++ {
		if err := run(context.Background(), path); err != nil {
			t.Fatalf("start %d: %v", i+1, err)
		}
	}
}
