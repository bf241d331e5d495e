package migrations

import (
	"errors"
	"fmt"
	"strconv"
)

// Sentinel errors of the revision files, the graph and the identifier
// grammar. Compare with errors.Is; the messages of the errors returned carry
// the details (which revision, which file).
//
// The runner's sentinels (ErrChecksumMismatch, ErrPartiallyApplied,
// ErrLockTimeout) live in runner_errors.go.
var (
	// ErrUnknownRevision is returned by Resolve, History and the Plan
	// methods for an identifier or a current head that names no revision,
	// and (inside a *FileError) by LoadGraph and NewGraph for a Revises or
	// Depends On entry that names no revision.
	ErrUnknownRevision = errors.New("revision not found")

	// ErrAmbiguousRevision is returned by Resolve and the methods that take
	// an identifier when a prefix matches several revisions.
	ErrAmbiguousRevision = errors.New("ambiguous revision prefix")

	// ErrMultipleHeads is returned for "head" when the graph has several
	// heads, and for a relative identifier (+N, -N) when the database is at
	// several heads. The message names the heads.
	ErrMultipleHeads = errors.New("multiple heads")

	// ErrAmbiguousWalk is returned for a relative identifier whose walk
	// reaches a branch point (walking up) or a merge point (walking down).
	ErrAmbiguousWalk = errors.New("ambiguous relative revision")

	// ErrRelativeOutOfRange is returned for a relative identifier that walks
	// past the last head or below base ("+3" with two revisions to go).
	ErrRelativeOutOfRange = errors.New("relative revision out of range")

	// ErrNotAncestor is returned by History for a range whose start is not
	// an ancestor of its end, and by PlanDowngrade for a target that is not
	// applied.
	ErrNotAncestor = errors.New("revision is not an ancestor")

	// ErrInvalidIdentifier is returned for an identifier that does not
	// parse (empty, "a:b" where one revision is expected, "+N" as a
	// downgrade target) and for a malformed history range.
	ErrInvalidIdentifier = errors.New("invalid revision identifier")

	// ErrDuplicateRevision is returned (inside a *FileError) by LoadGraph
	// and NewGraph when two files declare the same Revision ID.
	ErrDuplicateRevision = errors.New("duplicate revision")

	// ErrCycle is returned (inside a *FileError) by LoadGraph and NewGraph
	// when Revises and Depends On links form a cycle.
	ErrCycle = errors.New("revision cycle")
)

// FileError is an error about a revision file: it prints as
// "path:line: message" ("path: message" when the line is unknown, and
// "line N: message" when the path is; SplitStatements returns those).
type FileError struct {
	Path string
	Line int // 1-based; 0 when the error concerns the whole file
	Err  error
}

func (e *FileError) Error() string {
	switch {
	case e.Path == "":
		return "line " + strconv.Itoa(e.Line) + ": " + e.Err.Error()
	case e.Line > 0:
		return e.Path + ":" + strconv.Itoa(e.Line) + ": " + e.Err.Error()
	default:
		return e.Path + ": " + e.Err.Error()
	}
}

func (e *FileError) Unwrap() error { return e.Err }

// detailError carries its own message and unwraps to a sentinel, so that
// messages read naturally ("migrations: revision "xyz" not found") while
// errors.Is still works.
type detailError struct {
	msg string
	err error
}

func (e *detailError) Error() string { return e.msg }
func (e *detailError) Unwrap() error { return e.err }

// errorf returns an error whose message is the formatted text and which
// unwraps to sentinel.
func errorf(sentinel error, format string, args ...any) error {
	return &detailError{msg: fmt.Sprintf(format, args...), err: sentinel}
}

// fileErrorf returns a *FileError at path:line.
func fileErrorf(path string, line int, sentinel error, format string, args ...any) *FileError {
	var err error
	if sentinel != nil {
		err = errorf(sentinel, format, args...)
	} else {
		err = fmt.Errorf(format, args...)
	}
	return &FileError{Path: path, Line: line, Err: err}
}
