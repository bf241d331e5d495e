package migrations

import (
	"fmt"
	"strconv"
)

// Sentinel errors of the revision files, the graph and the identifier
// grammar. Compare with errors.Is; the messages of the errors returned carry
// the details (which revision, which file). Each is about the user's input
// and has a BadInput method that says so, as *FileError has.
//
// The runner's sentinels (ErrChecksumMismatch, ErrPartiallyApplied,
// ErrLockTimeout) live in runner_errors.go.
var (
	// ErrUnknownRevision is returned by Resolve, History and the Plan
	// methods for an identifier or a current head that names no revision,
	// and (inside a *FileError) by LoadGraph and NewGraph for a Revises or
	// Depends On entry that names no revision.
	ErrUnknownRevision = badInput("revision not found")

	// ErrAmbiguousRevision is returned by Resolve and the methods that take
	// an identifier when a prefix matches several revisions.
	ErrAmbiguousRevision = badInput("ambiguous revision prefix")

	// ErrMultipleHeads is returned for "head" when the graph has several
	// heads, and for a relative identifier (+N, -N) when the database is at
	// several heads. The message names the heads.
	ErrMultipleHeads = badInput("multiple heads")

	// ErrAmbiguousWalk is returned for a relative identifier whose walk
	// reaches a branch point (walking up) or a merge point (walking down).
	ErrAmbiguousWalk = badInput("ambiguous relative revision")

	// ErrRelativeOutOfRange is returned for a relative identifier that walks
	// past the last head or below base ("+3" with two revisions to go).
	ErrRelativeOutOfRange = badInput("relative revision out of range")

	// ErrNotAncestor is returned by History for a range whose start is not
	// an ancestor of its end, and by PlanDowngrade for a target that is not
	// applied.
	ErrNotAncestor = badInput("revision is not an ancestor")

	// ErrInvalidIdentifier is returned for an identifier that does not
	// parse (empty, "a:b" where one revision is expected, "+N" as a
	// downgrade target) and for a malformed history range.
	ErrInvalidIdentifier = badInput("invalid revision identifier")

	// ErrDuplicateRevision is returned (inside a *FileError) by LoadGraph
	// and NewGraph when two files declare the same Revision ID.
	ErrDuplicateRevision = badInput("duplicate revision")

	// ErrCycle is returned (inside a *FileError) by LoadGraph and NewGraph
	// when Revises and Depends On links form a cycle.
	ErrCycle = badInput("revision cycle")
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

// BadInput reports that the error is about the user's files.
func (e *FileError) BadInput() bool { return true }

// inputError is a sentinel about the user's input: a revision file, the
// graph it makes, or an identifier. A command line maps it to its exit
// code for bad input through BadInput.
type inputError struct{ msg string }

func badInput(msg string) error { return &inputError{msg} }

func (e *inputError) Error() string { return e.msg }

// BadInput reports that the error is about the user's input.
func (e *inputError) BadInput() bool { return true }

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
