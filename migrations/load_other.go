//go:build !linux

package migrations

import "io/fs"

func newVersionsReader(fsys fs.FS) versionsReader { return fsReader{fsys} }
