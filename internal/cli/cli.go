// Package cli is retort's command line: cobra commands that read the config,
// call the library packages and map their errors to exit codes. Every call
// of Run builds a fresh command tree, so tests run it in-process.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"slices"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/go-sql-driver/mysql"
	"github.com/spf13/cobra"

	"github.com/retortdb/retort/dburl"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/config"
	_ "github.com/retortdb/retort/internal/drivers" // the library registers none
	"github.com/retortdb/retort/migrations"
	"github.com/retortdb/retort/models"
)

// Exit codes.
const (
	exitOK      = 0
	exitProblem = 1 // the command ran and found a problem
	exitUsage   = 2 // bad usage or bad input
	exitDown    = 3 // the database server could not be reached
)

// Run runs retort with args and returns the process exit code.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr, getenv: os.Getenv, now: time.Now}
	ctx, stop := a.handleSignals(ctx)
	defer stop()
	return a.run(ctx, args)
}

// handleSignals makes the first Ctrl-C (or SIGTERM) stop the command
// after the statement in flight, saying so at once; the second cancels
// that statement on the server (RunnerOptions.Abort) or, on SQLite, ends
// the process; a third is Go's default, the end of the process. Each way
// leaves the record consistent: the kill harness proves it of SIGKILL.
func (a *app) handleSignals(ctx context.Context) (context.Context, func()) {
	ctx, cancel := context.WithCancel(ctx)
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	abort, done := make(chan struct{}), make(chan struct{})
	a.abort = abort
	go func() {
		for n := 1; ; n++ {
			var s os.Signal
			select {
			case <-done:
				return
			case s = <-sig:
			}
			run, _ := a.running.Load().(*runWatch)
			if n == 1 {
				cancel()
				fmt.Fprintln(a.stderr, run.stopping())
				continue
			}
			signal.Stop(sig)
			if run == nil || !run.server {
				// Nothing to cancel on a server: the default, at once.
				if p, err := os.FindProcess(os.Getpid()); err == nil {
					p.Signal(s)
				}
				return
			}
			fmt.Fprintln(a.stderr, "retort: cancelling the statement on the server (Ctrl-C again ends retort at once); `retort current` tells where the database is")
			close(abort)
			return
		}
	}()
	return ctx, func() { signal.Stop(sig); close(done); cancel() }
}

// runWatch is the migration run in progress, for the Ctrl-C messages.
type runWatch struct {
	r      *migrations.Runner
	server bool // a server to cancel a statement on (not SQLite)
}

// watchRun notes that r runs now.
func (a *app) watchRun(r *migrations.Runner, d dialect.Name) {
	a.running.Store(&runWatch{r: r, server: d != dialect.SQLite})
}

// stopping is the line a first Ctrl-C prints.
func (w *runWatch) stopping() string {
	if w == nil {
		return "retort: stopping (Ctrl-C again ends retort at once)"
	}
	if !w.server {
		return "retort: stopping after the current statement (Ctrl-C again ends retort at once; SQLite keeps the record consistent)"
	}
	so := ""
	if d := w.r.InFlight(); d >= time.Second {
		so = fmt.Sprintf(" (%s so far)", d.Round(time.Second))
	}
	return "retort: stopping after the current statement" + so + "; Ctrl-C again to cancel it on the server"
}

// app is what every command shares: the streams, the global flags, and the
// clock and environment, injected so tests control them.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	now            func() time.Time

	configFile string
	url        string

	// abort is closed by a second Ctrl-C; running holds the *runWatch
	// of the migration run in progress (handleSignals reads both).
	abort   chan struct{}
	running atomic.Value
	// ran is set when a command's RunE starts: an error before it is
	// cobra's reading of the command line.
	ran bool
}

func (a *app) run(ctx context.Context, args []string) int {
	root := a.rootCmd()
	root.SetArgs(negativeArgs(args))
	root.SetIn(a.stdin)
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	code := exitCode(err, a.ran)
	var silent *silentError
	var loadErr *models.LoadError
	switch {
	case errors.As(err, &silent):
	case strings.HasPrefix(err.Error(), "unknown command"):
		// cobra's "Did you mean this?" suggestions, as the lines they are.
		lines := strings.Split(strings.TrimSpace(err.Error()), "\n")
		fmt.Fprintln(a.stderr, "retort: "+lines[0])
		for _, l := range lines[1:] {
			if strings.TrimSpace(l) != "" {
				fmt.Fprintln(a.stderr, l)
			}
		}
	case errors.As(err, &loadErr):
		// Every problem of a model load, each on its own line with its
		// position, as a compiler reports them.
		for _, e := range loadErr.Errs {
			fmt.Fprintln(a.stderr, "retort: "+oneLine(e.Error()))
		}
	default:
		fmt.Fprintln(a.stderr, "retort: "+dburl.Redact(oneLine(err.Error())))
	}
	return code
}

func (a *app) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "retort",
		Short: "Database migrations for Go projects: revisions, upgrades and autogenerate from your models",
		Long: `retort keeps an ordered graph of SQL revision files and applies or reverts
them against MySQL/MariaDB, PostgreSQL and SQLite, online or as offline SQL.
With --autogenerate it writes new revisions by diffing your Go models against
the live database.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       version(),
	}
	root.SetVersionTemplate("retort {{ .Version }}\n")
	root.PersistentFlags().StringVarP(&a.configFile, "config-file", "c", "", "config file (default: retort.toml in this folder or a parent)")
	root.PersistentFlags().StringVar(&a.url, "url", "", "database url, overriding the config file and "+config.EnvURL)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(
		a.initCmd(),
		a.revisionCmd(),
		a.upgradeCmd(),
		a.downgradeCmd(),
		a.currentCmd(),
		a.historyCmd(),
		a.headsCmd(),
		a.branchesCmd(),
		a.checkMigrationCmd(),
		a.stampCmd(),
		a.verifyCmd(),
		a.mergeCmd(),
		a.rebaseCmd(),
		a.editCmd(),
		a.showCmd(),
		a.checkCmd(),
		a.diffCmd(),
		a.schemaCmd(),
		a.listTemplatesCmd(),
		a.ensureVersionCmd(),
		a.lintCmd(),
	)
	a.addCompletions(root)
	a.markRun(root)
	return root
}

// markRun wraps the RunE of c and its subcommands to set a.ran.
func (a *app) markRun(c *cobra.Command) {
	if run := c.RunE; run != nil {
		c.RunE = func(cmd *cobra.Command, args []string) error {
			a.ran = true
			return run(cmd, args)
		}
	}
	for _, sub := range c.Commands() {
		a.markRun(sub)
	}
}

// usageError marks bad usage or bad input (exit code 2).
type usageError struct{ err error }

func (e usageError) Error() string  { return e.err.Error() }
func (e usageError) Unwrap() error  { return e.err }
func (e usageError) BadInput() bool { return true }

// badInput is what errors about the user's input implement: the library's
// (a revision file, an identifier, the models, the config) and usageError.
type badInput interface{ BadInput() bool }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// silentError carries an exit code for a result that was already printed
// (check finding drift, check_migration finding branches).
type silentError struct{ code int }

func (e *silentError) Error() string { return fmt.Sprintf("exit %d", e.code) }

// exitCode maps err to the exit code: exitUsage for an error cobra
// returned before the command ran (an unknown command or flag, a wrong
// number of arguments, a missing required flag) and for bad input,
// exitProblem for the rest.
func exitCode(err error, ran bool) int {
	var silent *silentError
	var bad badInput
	switch {
	case errors.As(err, &silent):
		return silent.code
	case errors.Is(err, dburl.ErrUnreachable):
		return exitDown
	case !ran, errors.As(err, &bad) && bad.BadInput():
		return exitUsage
	}
	return exitProblem
}

// oneLine keeps an error on one line of stderr: its lines trimmed (a
// driver's tab-indented detail too), joined by "; ", or by a space after
// a line that ends in a colon.
func oneLine(s string) string {
	var b strings.Builder
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if b.Len() > 0 {
			if strings.HasSuffix(b.String(), ":") {
				b.WriteString(" ")
			} else {
				b.WriteString("; ")
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

// negativeArgs moves relative revisions such as -1 (`retort downgrade -1`)
// behind a "--", where cobra takes them as arguments, not as flags.
func negativeArgs(args []string) []string {
	var out, rel []string
	for i, a := range args {
		if a == "--" {
			out = append(out, args[i:]...)
			break
		}
		if len(a) > 1 && a[0] == '-' && strings.Trim(a[1:], "0123456789") == "" {
			rel = append(rel, a)
			continue
		}
		out = append(out, a)
	}
	if len(rel) == 0 {
		return args
	}
	if !slices.Contains(out, "--") {
		out = append(out, "--")
	}
	return append(out, rel...)
}

// QuietDrivers silences the MySQL driver's own logger, which writes
// connection trouble (a session killed under it) to stderr; retort reports
// the error itself, once. It changes the whole process, so main calls it,
// not Run.
func QuietDrivers() { mysql.SetLogger(log.New(io.Discard, "", 0)) }
