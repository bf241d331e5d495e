package migrations

import (
	"context"
	"io"
)

// EnsureVersion creates the version table and its log if they do not
// exist, and changes nothing else (Alembic's ensure_version): what a
// deployment runs to own the bookkeeping before any revision is applied.
func (r *Runner) EnsureVersion(ctx context.Context) error {
	return r.locked(ctx, func(*session) error { return nil })
}

// WriteOfflineEnsureVersion writes the statements that create the version
// table and its log (ensure_version --sql).
func WriteOfflineEnsureVersion(w io.Writer, opts RunnerOptions) error {
	ow := newOfflineWriter(w, opts)
	ow.header()
	return ow.flush()
}
