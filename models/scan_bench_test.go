package models

import (
	"go/token"
	"path/filepath"
	"testing"
)

// BenchmarkScanMigrateCalls reads this whole module (some 1,700 files) for
// AutoMigrate calls, as every Load of a project that size does: the cost
// the scan adds to each command that loads models.
func BenchmarkScanMigrateCalls(b *testing.B) {
	dir, err := filepath.Abs("..")
	if err != nil {
		b.Fatal(err)
	}
	root, module := moduleRoot(dir)
	for b.Loop() {
		if _, err := scanMigrateCalls(token.NewFileSet(), root, module, dir); err != nil {
			b.Fatal(err)
		}
	}
}
