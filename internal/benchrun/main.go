// Command benchrun is the end-to-end half of `make bench` (issue 5): it runs
// the real retort binary on the generated benchmark schema (internal/benchgen)
// for each dialect and size, in fresh databases named retort_bench_<random>
// that it always drops, and prints a Markdown table of wall time, queries
// issued and peak memory.
//
//	go run ./internal/benchrun -bin bin/retort [-sizes 100,1000] [-dialects mysql,postgres]
//
// The servers are those of the tests: RETORT_TEST_MYSQL_URL and
// RETORT_TEST_POSTGRES_URL (eval "$(scripts/services.sh)"). The cases, for
// each dialect and size, are:
//
//   - no-op: the database already matches the models; `retort revision
//     --autogenerate` must write nothing (when it does, the pending changes
//     are a finding and are printed under the table);
//   - 1% changed: the same database, models of Generate(ChangePercent: 1);
//     the revision is written (and deleted after each run);
//   - from empty: an empty database, every table to create;
//   - check: `retort check` in the no-op case.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/retortdb/retort/dialect"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "benchrun:", err)
		os.Exit(1)
	}
}

// config is what the flags say.
type config struct {
	bin       string
	sizes     []int
	dialects  []dialect.Name
	seed      int64
	runs      int           // measured runs per case (fewer at 10,000 tables)
	timeout   time.Duration // one run of the binary
	sqliteMax int           // largest SQLite size to run
	budget    time.Duration // sizes are not started once it is spent
	// caseBudget stops the runs of a case after the first measured one
	// that ends past it.
	caseBudget time.Duration
	// setup, when set, is a folder to build the databases and projects
	// in and leave them there, for profiling by hand; no case is run.
	setup string
}

func run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("benchrun", flag.ContinueOnError)
	var (
		cfg      config
		sizes    = fs.String("sizes", envOr("BENCH_SIZES", "100,1000,10000"), "table counts, comma-separated ($BENCH_SIZES)")
		dialects = fs.String("dialects", envOr("BENCH_DIALECTS", "mysql,postgres,sqlite"), "dialects, comma-separated ($BENCH_DIALECTS)")
	)
	fs.StringVar(&cfg.bin, "bin", "bin/retort", "the retort binary to time")
	fs.Int64Var(&cfg.seed, "seed", 1, "benchgen seed")
	fs.IntVar(&cfg.runs, "runs", 5, "measured runs per case (3 at 10,000 tables and more)")
	fs.DurationVar(&cfg.timeout, "timeout", 90*time.Second, "time limit of one run; a case whose run exceeds it is not repeated")
	fs.DurationVar(&cfg.budget, "budget", 13*time.Minute, "time after which no further size is started ($BENCH_BUDGET)")
	fs.DurationVar(&cfg.caseBudget, "case-budget", 30*time.Second, "no further run of a case once its runs have taken this long")
	fs.StringVar(&cfg.setup, "setup", "", "only build the databases and projects under this folder, keep them and print where they are")
	fs.IntVar(&cfg.sqliteMax, "sqlite-max", 10000, "largest number of tables to run on SQLite")
	if v := os.Getenv("BENCH_BUDGET"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			return fmt.Errorf("BENCH_BUDGET: %w", err)
		}
		cfg.budget = d
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			return fmt.Errorf("bad size %q in -sizes", s)
		}
		cfg.sizes = append(cfg.sizes, n)
	}
	for _, s := range strings.Split(*dialects, ",") {
		d, err := dialect.Parse(strings.TrimSpace(s))
		if err != nil {
			return err
		}
		cfg.dialects = append(cfg.dialects, d)
	}
	bin, err := filepath.Abs(cfg.bin)
	if err != nil {
		return err
	}
	if _, err := os.Stat(bin); err != nil {
		return fmt.Errorf("retort binary: %w", err)
	}
	cfg.bin = bin
	if cfg.timeout <= 0 {
		return errors.New("-timeout must be positive")
	}
	return bench(ctx, cfg, os.Stdout, os.Stderr)
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}
