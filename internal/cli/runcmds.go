package cli

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/migrations"
)

type moveOptions struct {
	up    bool
	delta int
	// deltaSet says --delta was given, 0 included.
	deltaSet bool
	sql      bool
	force    bool
	// lockTimeout and stallTimeout override [migrations] lock_timeout
	// and stall_timeout when set.
	lockTimeout, stallTimeout time.Duration
	// retryLock overrides [migrations] lock_retries when >= 0.
	retryLock int
}

func (a *app) upgradeCmd() *cobra.Command {
	opts := &moveOptions{up: true}
	cmd := &cobra.Command{
		Use:   "upgrade [REV]",
		Short: "Apply revisions up to REV (default head)",
		Example: `  retort upgrade                 # to the head
  retort upgrade heads           # every branch to its head
  retort upgrade --delta 2       # two revisions further
  retort upgrade head --sql      # print the SQL instead of running it
  retort upgrade 1a2b:3f2a --sql # offline SQL between two revisions`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.deltaSet = cmd.Flags().Changed("delta")
			return a.runMove(cmd.Context(), opts, args)
		},
	}
	a.moveFlags(cmd, opts)
	cmd.Flags().BoolVar(&opts.force, "force", false, "apply even though files of applied revisions have changed since, and retry a statement that was cancelled or may not have completed")
	return cmd
}

func (a *app) downgradeCmd() *cobra.Command {
	opts := &moveOptions{}
	cmd := &cobra.Command{
		Use:   "downgrade [REV]",
		Short: "Revert revisions down to REV",
		Example: `  retort downgrade -1            # revert the last revision
  retort downgrade base          # revert everything
  retort downgrade               # finish a downgrade that stopped half-way
  retort downgrade --delta 2
  retort downgrade 3f2a:1a2b --sql`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.deltaSet = cmd.Flags().Changed("delta")
			return a.runMove(cmd.Context(), opts, args)
		},
	}
	a.moveFlags(cmd, opts)
	cmd.Flags().BoolVar(&opts.force, "force", false, "retry a statement that was cancelled or may not have completed, and revert even though files of applied revisions have changed since")
	return cmd
}

func (a *app) moveFlags(cmd *cobra.Command, opts *moveOptions) {
	cmd.Flags().IntVar(&opts.delta, "delta", 0, "move this many revisions (instead of naming REV)")
	cmd.Flags().BoolVar(&opts.sql, "sql", false, "print the SQL, version-table statements included, and touch no database")
	cmd.Flags().DurationVar(&opts.lockTimeout, "lock-timeout", 0, "how long to wait for the migration lock (default [migrations] lock_timeout, else 1m)")
	cmd.Flags().DurationVar(&opts.stallTimeout, "stall-timeout", 0, "how long a statement may wait while the server cannot be reached (default [migrations] stall_timeout, else 30s)")
	cmd.Flags().IntVar(&opts.retryLock, "retry-lock", -1, "try a revision again up to N times, after 1s, 2s, 4s... (at most 30s), when a statement waited longer than [migrations] statement_lock_timeout for a table lock (default [migrations] lock_retries, else 0)")
}

func (a *app) runMove(ctx context.Context, opts *moveOptions, args []string) error {
	target := ""
	if len(args) == 1 {
		target = args[0]
	}
	switch {
	case opts.delta < 0:
		return usagef("--delta must be positive (the direction comes from the command)")
	case opts.deltaSet && target != "":
		return usagef("give either REV or --delta, not both")
	case opts.deltaSet && opts.delta == 0:
		a.println("Nothing to do: --delta 0 moves no revision.")
		return nil
	case opts.delta > 0 && opts.up:
		target = "+" + strconv.Itoa(opts.delta)
	case opts.delta > 0:
		target = "-" + strconv.Itoa(opts.delta)
	case target == "" && opts.up:
		target = "head"
	}
	if opts.sql && !opts.up && !strings.Contains(target, ":") {
		return usagef("downgrade --sql needs a range START:END (there is no database to read the current revision from)")
	}
	// A bare downgrade finishes the revision whose downgrade stopped
	// half-way, and nothing else (the target is read under the lock).
	resumeDown := target == "" && !opts.up
	if strings.Contains(target, ":") && !opts.sql {
		return usagef("a range %s is only for offline mode; add --sql", target)
	}
	p, g, err := a.projectGraph()
	if err != nil {
		return err
	}
	plan := func(current []string) ([]migrations.Step, error) {
		if opts.up {
			return g.PlanUpgrade(current, target)
		}
		return g.PlanDowngrade(current, target)
	}
	ropts := p.runnerOptions(a)
	ropts.Force = opts.force
	if opts.lockTimeout > 0 {
		ropts.LockTimeout = opts.lockTimeout
	}
	if opts.stallTimeout > 0 {
		ropts.StallTimeout = opts.stallTimeout
	}
	if opts.retryLock >= 0 {
		ropts.LockRetries = opts.retryLock
	}

	if opts.sql {
		current, end, err := offlineRange(g, target)
		if err != nil {
			return err
		}
		target = cmp.Or(end, "head")
		steps, err := plan(current)
		if err != nil {
			return err
		}
		// The SQL runs elsewhere: its log rows name each file by its
		// place in the migrations folder ("versions/x.sql"), never by a
		// path of this machine.
		a.lintWarnings(p, steps, "this SQL") // while the paths are the files'
		prefix := p.pathPrefix()
		for _, st := range steps {
			st.Rev.Path = strings.TrimPrefix(st.Rev.Path, prefix)
		}
		return migrations.WriteOffline(a.stdout, steps, ropts)
	}
	db, err := p.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	if resumeDown {
		r := migrations.NewRunner(db, ropts)
		a.watchRun(r, p.dialect())
		err := r.FinishDowngrade(ctx, g.Revisions(), g.PlanRevert)
		if errors.Is(err, migrations.ErrNoPartialDowngrade) {
			return usagef("downgrade needs REV or --delta (e.g. `retort downgrade -1`); without them it finishes a downgrade that stopped half-way, and there is none")
		}
		return err
	}
	r := migrations.NewRunner(db, ropts)
	a.watchRun(r, p.dialect())
	return r.Run(ctx, g.Revisions(), plan)
}

// offlineRange splits the target of an offline (--sql) command, which has
// no database to read the current revisions from: of START:END, the
// revisions START names (none for base or an empty START) stand for the
// current ones, and END is the target. Any other target starts from base.
func offlineRange(g *migrations.Graph, target string) (current []string, end string, err error) {
	start, end, isRange := strings.Cut(target, ":")
	if !isRange {
		return nil, target, nil
	}
	if start != "" && start != "base" {
		if current, err = g.Resolve(start, nil); err != nil {
			return nil, "", err
		}
	}
	return current, end, nil
}

func (a *app) stampCmd() *cobra.Command {
	var sqlOnly, purge bool
	cmd := &cobra.Command{
		Use:   "stamp REV...",
		Short: "Set the version table to REV without running any migration",
		Example: `  retort stamp head      # the schema is already there (created by hand or by another tool)
  retort stamp base      # forget every applied revision
  retort stamp 3f2a      # mark a partially applied revision as done
  retort stamp 3f2a 9c1d # the heads of two branches
  retort stamp --purge 3f2a   # empty the version table first (it names revisions that are gone)`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			p, g, err := a.projectGraph()
			if err != nil {
				return err
			}
			target := args[0]
			plan := func(current []string) ([]string, []string, error) {
				if purge {
					// Every row goes, whatever it names; then the targets.
					_, ins, err := g.PlanStamp(nil, target, args[1:]...)
					return slices.Clone(current), ins, err
				}
				return g.PlanStamp(current, target, args[1:]...)
			}
			ropts := p.runnerOptions(a)
			if sqlOnly {
				var current []string
				if current, target, err = offlineRange(g, target); err != nil {
					return err
				}
				del, ins, err := plan(current)
				if err != nil {
					return err
				}
				return migrations.WriteOfflineStamp(a.stdout, del, ins, ropts)
			}
			db, err := p.open(cmd.Context())
			if err != nil {
				return err
			}
			defer db.Close()
			// What the version table said under the lock, and says now.
			var before, after []string
			err = migrations.NewRunner(db, ropts).Stamp(cmd.Context(), func(current []string) ([]string, []string, error) {
				del, ins, err := plan(current)
				before, after = current, afterStamp(current, del, ins)
				return del, ins, err
			})
			if err != nil {
				return fmt.Errorf("stamp: %w", err)
			}
			a.println(fmt.Sprintf("Stamped %s (was: %s); no migration ran", orBase(sorted(after)), orBase(sorted(before))))
			return nil
		},
	}
	cmd.Flags().BoolVar(&sqlOnly, "sql", false, "print the version-table statements and touch no database")
	cmd.Flags().BoolVar(&purge, "purge", false, "delete every row of the version table before stamping (rows of other branches too)")
	return cmd
}

// afterStamp is what the version table holds once del went and ins came.
func afterStamp(current, del, ins []string) []string {
	var out []string
	for _, h := range current {
		if !slices.Contains(del, h) {
			out = append(out, h)
		}
	}
	for _, h := range ins {
		if !slices.Contains(out, h) {
			out = append(out, h)
		}
	}
	return out
}

func (a *app) currentCmd() *cobra.Command {
	var verbose bool
	cmd := &cobra.Command{
		Use:     "current",
		Short:   "Print the revision(s) the database is at",
		Example: "  retort current -v",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			p, g, err := a.projectGraph()
			if err != nil {
				return err
			}
			db, err := p.open(cmd.Context())
			if err != nil {
				return err
			}
			defer db.Close()
			st, err := migrations.NewRunner(db, p.runnerOptions(a)).StateOf(cmd.Context(), g.Revisions())
			if err != nil {
				return err
			}
			// Alembic's current also lists a revision that an applied one
			// merely depends on; the table itself keeps only the minimal heads.
			heads, err := g.AppliedHeads(st.Heads)
			if err != nil {
				heads = st.Heads
			}
			if verbose {
				// Alembic's "Current revision(s) for URL:", without the
				// password.
				name := p.url.Display()
				if p.dialect() == dialect.SQLite {
					name = "sqlite://" + displayPath(p.url.Database)
				}
				a.println("Current revision(s) for " + name + ":")
			}
			problem := false
			for i, h := range heads {
				if verbose && i > 0 {
					a.println("")
				}
				if g.Get(h) == nil {
					a.println(fmt.Sprintf("%s (unknown: no revision file has this id)", h))
					problem = true
					continue
				}
				a.printRev(p, g, h, nil, verbose)
			}
			if st.Partial != nil {
				a.println(st.Partial.String())
				problem = true
			}
			if problem {
				return &silentError{code: exitProblem}
			}
			return nil
		},
	}
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "print each revision in full")
	return cmd
}
