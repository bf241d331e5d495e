package migrations

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// The runner's sentinel errors. errors.go holds the parser's and the
// graph's; these are returned by the Runner only.
var (
	// ErrChecksumMismatch is returned by Run (as a *ChecksumError) when the
	// file of an applied revision changed since it was applied.
	ErrChecksumMismatch = errors.New("migrations: applied revision file changed")
	// ErrPartiallyApplied is returned by Run (as a *PartialError) when a
	// revision was left half-applied by an earlier run (MySQL, or a
	// NoTransaction section) and cannot be resumed as things are.
	ErrPartiallyApplied = errors.New("migrations: revision partially applied")
	// ErrNoPartialDowngrade is returned by FinishDowngrade when no
	// downgrade stopped half-way.
	ErrNoPartialDowngrade = errors.New("migrations: no downgrade stopped half-way")
	// ErrHeadersOnly is returned by Run and WriteOffline when a step's
	// revision was read by LoadGraphHeaders, without its statements:
	// recording it as applied would run nothing.
	ErrHeadersOnly = errors.New("migrations: revision read without its statements (LoadGraphHeaders); load it with LoadGraph to run it")
	// ErrLockTimeout is returned by Run and Stamp (as a *LockError) when
	// another process held the migration lock for longer than
	// RunnerOptions.LockTimeout.
	ErrLockTimeout = errors.New("migrations: timed out waiting for the migration lock")
	// ErrStatementLockTimeout is matched by the *LockWaitError Run
	// returns when a statement of a revision waited longer than
	// RunnerOptions.StatementLockTimeout for a lock on its table.
	ErrStatementLockTimeout = errors.New("migrations: statement lock timeout")
	// ErrLockLost is returned by Run when the SQLite lock row's lease was
	// taken over by another process while this one was running.
	ErrLockLost = errors.New("migrations: migration lock lost")
	// ErrVersionTable is returned by Run and Stamp when the version table
	// does not hold the heads the plan expects (someone edited it by hand).
	ErrVersionTable = errors.New("migrations: version table out of step with the plan")
	// ErrVersionTableName is returned by Run, Stamp, State, Verify,
	// WriteOffline and WriteOfflineStamp when the version table's name, or
	// that of its log (the name + "_log"), is longer than the dialect's
	// identifiers may be (MySQL 64 characters, PostgreSQL 63 bytes): MySQL
	// would refuse the log, PostgreSQL would cut its name back to the
	// version table's own.
	ErrVersionTableName = errors.New("migrations: version table name too long")
)

// StatementError is returned by Run when a statement of a revision fails. It
// unwraps to the driver's error.
type StatementError struct {
	Revision string
	Path     string // the revision file, as in Revision.Path
	Up       bool
	Index    int // 1-based number of the statement in its section
	Line     int // the file line where the statement starts
	SQL      string
	// RolledBack is true when nothing of the revision was left behind (a
	// transactional section); false when the statements before Index stay
	// applied and the log records the revision as partially applied.
	RolledBack bool
	Err        error
}

func (e *StatementError) Error() string {
	return fmt.Sprintf("migrations: %s:%d: %s of %s, statement %d: %v (%s)",
		e.Path, e.Line, dirWord(e.Up), e.Revision, e.Index, e.Err, sqlExcerpt(e.SQL, 60))
}

func (e *StatementError) Unwrap() error { return e.Err }

// LockWaitError is returned by Run when a statement of a revision waited
// longer than RunnerOptions.StatementLockTimeout for a lock on its table
// (another session held it: a long transaction or query), on every try.
// It unwraps to the *StatementError, and matches ErrStatementLockTimeout.
type LockWaitError struct {
	Statement *StatementError
	Timeout   time.Duration
	Tries     int // how many times the revision was tried
}

func (e *LockWaitError) Error() string {
	s := e.Statement
	tries := ""
	if e.Tries > 1 {
		tries = fmt.Sprintf(", %d times", e.Tries)
	}
	left := "it rolled back: nothing of the revision was applied"
	if !s.RolledBack {
		left = fmt.Sprintf("the %d statement(s) before it stay applied and the revision is recorded partially applied (`retort current` says how to resume)", s.Index-1)
	}
	return fmt.Sprintf("migrations: %s:%d: %s of %s, statement %d waited more than %s for a lock on its table%s, held by another session (a long transaction or query), and was cancelled; %s. "+
		"Run it again when the table is less busy, raise [migrations] statement_lock_timeout, or retry with --retry-lock N (%s)",
		s.Path, s.Line, dirWord(s.Up), s.Revision, s.Index, e.Timeout, tries, left, sqlExcerpt(s.SQL, 60))
}

func (e *LockWaitError) Unwrap() error { return e.Statement }

func (e *LockWaitError) Is(target error) bool { return target == ErrStatementLockTimeout }

// ChecksumError lists the applied revisions whose files changed.
type ChecksumError struct {
	Files []ChangedFile
}

// ChangedFile is one applied revision whose file changed.
type ChangedFile struct {
	Revision string
	Path     string
	Applied  string // checksum recorded when it was applied
	Current  string // checksum of the file now
}

func (e *ChecksumError) Error() string {
	var b strings.Builder
	b.WriteString("migrations: ")
	for i, f := range e.Files {
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "%s: revision %s was changed after it was applied (checksum %s, applied as %s)",
			f.Path, f.Revision, shortSum(f.Current), shortSum(f.Applied))
	}
	b.WriteString("; restore the file, or apply anyway with --force")
	return b.String()
}

func (e *ChecksumError) Is(target error) bool { return target == ErrChecksumMismatch }

// PartialError explains why a partially applied revision blocks a run and
// what to do about it.
type PartialError struct {
	Partial *Partial
	// Reason is what blocks: "unchanged" (the file is as it was when the
	// statement failed), "edited" (a statement that already ran changed),
	// "not planned" (the plan does not continue the revision).
	Reason string
}

func (e *PartialError) Error() string {
	p := e.Partial
	return fmt.Sprintf("migrations: %s: %s of %s is partially applied: %s; %s", p.Path, dirWord(p.Up), p.Revision, p.what(), p.advice(e.Reason))
}

func (e *PartialError) Is(target error) bool { return target == ErrPartiallyApplied }

// LockError is returned when the migration lock could not be taken in time.
type LockError struct {
	Name   string // lock name, key or table
	Holder string // who holds it, as far as the database tells
}

func (e *LockError) Error() string {
	if e.Holder == "" {
		return fmt.Sprintf("migrations: timed out waiting for the migration lock %s (holder unknown)", e.Name)
	}
	return fmt.Sprintf("migrations: timed out waiting for the migration lock %s, held by %s", e.Name, e.Holder)
}

func (e *LockError) Is(target error) bool { return target == ErrLockTimeout }

func dirWord(up bool) string {
	if up {
		return "upgrade"
	}
	return "downgrade"
}

// excerpt returns the first line of s, cut to n runes.
func sqlExcerpt(s string, n int) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i] + " …"
	}
	return truncateRunes(s, n)
}

// truncate cuts s to at most n runes, marking the cut.
func truncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func shortSum(sum string) string {
	if len(sum) > 12 {
		return sum[:12]
	}
	return sum
}
