//go:build !linux

package migrations

import (
	"errors"
	"io/fs"
)

func newVersionsReader(fsys fs.FS) versionsReader { return fsReader{fsys} }

func mapFile(string) ([]byte, error) { return nil, errors.New("not supported") }
