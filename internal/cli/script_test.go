package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/testdb"
)

// TestMain lets the test binary act as the retort binary in scripts: the
// scripts run `retort ...` as a real process through Run, as main does.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"retort": func() {
			QuietDrivers()
			os.Exit(Run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
		},
	})
}

// goEnv is what `go list` (run by the model loader) needs inside a script's
// sandbox: the build and module caches of the machine, and no network.
func goEnv(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, k := range []string{"GOCACHE", "GOMODCACHE", "GOROOT", "GOPATH"} {
		v, err := exec.Command("go", "env", k).Output()
		if err != nil {
			t.Fatalf("go env %s: %v", k, err)
		}
		out = append(out, k+"="+strings.TrimSpace(string(v)))
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Fatal(err)
	}
	out = append(out,
		"PATH="+filepath.Dir(goBin)+string(os.PathListSeparator)+os.Getenv("PATH"),
		"GOFLAGS=-mod=mod", "GOPROXY=off", "GOTOOLCHAIN=local",
	)
	return out
}

// TestScripts runs the CLI flows in testdata/script on SQLite, the default.
func TestScripts(t *testing.T) {
	genv := goEnv(t)
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: false,
		UpdateScripts:       os.Getenv("RETORT_UPDATE_SCRIPTS") == "1",
		Setup: func(env *testscript.Env) error {
			env.Vars = append(env.Vars, genv...)
			env.Setenv("DIALECT", "sqlite")
			env.Setenv("DBURL", "sqlite://"+filepath.Join(env.WorkDir, "app.db"))
			return nil
		},
		Condition: dialectCondition(dialect.SQLite),
		Cmds:      scriptCmds,
	})
}

// dialectCondition answers [DIALECT:mysql] and the like.
func dialectCondition(d dialect.Name) func(string) (bool, error) {
	return func(cond string) (bool, error) {
		name, ok := strings.CutPrefix(cond, "DIALECT:")
		if !ok {
			return false, fmt.Errorf("unknown condition %q", cond)
		}
		return name == string(d), nil
	}
}

// TestScriptsDialects runs testdata/script/dialects on each dialect against
// a fresh database: $DBURL names it, $DIALECT the dialect.
func TestScriptsDialects(t *testing.T) {
	genv := goEnv(t)
	for _, d := range dialect.All {
		t.Run(string(d), func(t *testing.T) {
			admin := testdb.Server(t, d)
			testscript.Run(t, testscript.Params{
				Dir:           "testdata/script/dialects",
				UpdateScripts: os.Getenv("RETORT_UPDATE_SCRIPTS") == "1",
				Setup: func(env *testscript.Env) error {
					env.Vars = append(env.Vars, genv...)
					env.Setenv("DIALECT", string(d))
					if d == dialect.SQLite {
						env.Setenv("DBURL", "sqlite://"+filepath.Join(env.WorkDir, "app.db"))
						return nil
					}
					for _, v := range []string{"DBURL", "EMPTYURL"} {
						u, drop, err := testdb.Create(context.Background(), admin, "s")
						if err != nil {
							return err
						}
						env.Defer(func() {
							if err := drop(); err != nil {
								env.T().Fatal(err)
							}
						})
						env.Setenv(v, u.Secret())
					}
					env.Setenv("ADMINURL", admin.Secret())
					return nil
				},
				Condition: dialectCondition(d),
				Cmds:      scriptCmds,
			})
		})
	}
}

var scriptCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){
	// sleep DURATION: waits, e.g. for files to be older than the revision
	// cache's two seconds.
	"sleep": func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 1 {
			ts.Fatalf("usage: sleep DURATION")
		}
		d, err := time.ParseDuration(args[0])
		ts.Check(err)
		time.Sleep(d)
	},
	// damage DIR: flips a bit in the middle of every file in DIR.
	"damage": func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 1 {
			ts.Fatalf("usage: damage DIR")
		}
		dir := ts.MkAbs(args[0])
		entries, err := os.ReadDir(dir)
		ts.Check(err)
		for _, e := range entries {
			if !e.Type().IsRegular() {
				continue
			}
			path := filepath.Join(dir, e.Name())
			data, err := os.ReadFile(path)
			ts.Check(err)
			if len(data) > 0 {
				data[len(data)/2] ^= 0x10
			}
			ts.Check(os.WriteFile(path, data, 0o600))
		}
	},
	// exits N PROGRAM ARGS...: runs a program and checks its exact exit
	// code; stdout and stderr are then matched as after exec.
	"exits": func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) < 2 {
			ts.Fatalf("usage: exits CODE PROGRAM [ARGS...]")
		}
		want, err := strconv.Atoi(args[0])
		if err != nil {
			ts.Fatalf("exits: bad code %q", args[0])
		}
		code := 0
		if err := ts.Exec(args[1], args[2:]...); err != nil {
			var ee *exec.ExitError
			if !errors.As(err, &ee) {
				ts.Fatalf("exits: %v", err)
			}
			code = ee.ExitCode()
		}
		if code != want {
			ts.Fatalf("%s exited %d, want %d", args[1], code, want)
		}
	},
	// sqlexec URL SQL: runs one statement against a database, for setting
	// up a schema by hand or breaking one on purpose.
	"sqlexec": func(ts *testscript.TestScript, neg bool, args []string) {
		if len(args) != 2 {
			ts.Fatalf("usage: sqlexec URL SQL")
		}
		err := sqlExec(ts.Getenv("WORK"), args[0], args[1])
		if neg != (err != nil) {
			ts.Fatalf("sqlexec: %v", err)
		}
	},
	// cancelquery URL TEXT: waits for a statement holding TEXT to run on
	// the server and cancels it (KILL QUERY, pg_cancel_backend).
	"cancelquery": func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 2 {
			ts.Fatalf("usage: cancelquery URL TEXT")
		}
		if err := cancelQuery(ts.Getenv("WORK"), args[0], args[1]); err != nil {
			ts.Fatalf("cancelquery: %v", err)
		}
	},
	// waitquery URL TEXT: waits for a statement holding TEXT to run on
	// the server.
	"waitquery": func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 2 {
			ts.Fatalf("usage: waitquery URL TEXT")
		}
		if err := findQuery(ts.Getenv("WORK"), args[0], args[1], false); err != nil {
			ts.Fatalf("waitquery: %v", err)
		}
	},
	// sqlquery URL SQL: prints the rows of a query, one per line, columns
	// separated by |.
	"sqlquery": func(ts *testscript.TestScript, neg bool, args []string) {
		if len(args) != 2 {
			ts.Fatalf("usage: sqlquery URL SQL")
		}
		out, err := sqlQuery(ts.Getenv("WORK"), args[0], args[1])
		if neg != (err != nil) {
			ts.Fatalf("sqlquery: %v", err)
		}
		ts.Stdout().Write([]byte(out))
	},
}
