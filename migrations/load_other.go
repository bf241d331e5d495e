//go:build !linux

package migrations

import "io/fs"

// newVersionsReader reads through fsys; the revision cache is Linux's.
func newVersionsReader(fsys fs.FS) versionsReader { return fsReader{fsys} }
