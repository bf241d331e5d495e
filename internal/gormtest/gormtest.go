// Package gormtest is for tests that hold retort up against GORM: it runs
// GORM's own AutoMigrate on a database the test opened, and opens atlas's
// driver for a dialect to inspect or diff what GORM created.
package gormtest

import (
	"context"
	"sync"
	"testing"
	"time"

	"ariga.io/atlas/sql/migrate"
	atlasmysql "ariga.io/atlas/sql/mysql"
	atlaspg "ariga.io/atlas/sql/postgres"
	sqlschema "ariga.io/atlas/sql/schema"
	atlassqlite "ariga.io/atlas/sql/sqlite"
	gormmysql "gorm.io/driver/mysql"
	gormpg "gorm.io/driver/postgres"
	gormsqlite "gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
	gormschema "gorm.io/gorm/schema"

	"github.com/retortdb/retort/dialect"
)

// Options are the gorm.Config and driver Config settings a test runs
// AutoMigrate under; the zero value is GORM's defaults.
type Options struct {
	DisableForeignKeyConstraintWhenMigrating bool   // gorm.Config
	IgnoreRelationshipsWhenMigrating         bool   // gorm.Config
	DefaultStringSize                        uint   // MySQL driver
	DefaultDatetimePrecision                 *int   // MySQL driver; nil is its default, 3
	DisableDatetimePrecision                 bool   // MySQL driver
	TablePrefix                              string // NamingStrategy
	SingularTable                            bool   // NamingStrategy
}

// AutoMigrate runs GORM's own AutoMigrate of models on db, an open
// connection of dialect d, with GORM's logger silenced.
func AutoMigrate(db gorm.ConnPool, d dialect.Name, models ...any) error {
	return AutoMigrateWith(db, d, Options{}, models...)
}

// AutoMigrateWith runs AutoMigrate under the settings of opts.
func AutoMigrateWith(db gorm.ConnPool, d dialect.Name, opts Options, models ...any) error {
	_, err := Migrate(db, d, opts, func(g *gorm.DB) error { return g.AutoMigrate(models...) })
	return err
}

// AutoMigrateRecorded is AutoMigrateWith that returns every statement GORM
// ran or queried, in order, as GORM's logger saw it (values inlined).
func AutoMigrateRecorded(db gorm.ConnPool, d dialect.Name, opts Options, models ...any) ([]string, error) {
	return Migrate(db, d, opts, func(g *gorm.DB) error { return g.AutoMigrate(models...) })
}

// Migrate opens GORM on db under opts and calls migrate with it (a
// project's own start-up migration), returning every statement GORM ran
// or queried, as its logger saw them.
func Migrate(db gorm.ConnPool, d dialect.Name, opts Options, migrate func(*gorm.DB) error) ([]string, error) {
	var dial gorm.Dialector
	switch d {
	case dialect.MySQL:
		dial = gormmysql.New(gormmysql.Config{
			Conn:                     db,
			DefaultStringSize:        opts.DefaultStringSize,
			DefaultDatetimePrecision: opts.DefaultDatetimePrecision,
			DisableDatetimePrecision: opts.DisableDatetimePrecision,
		})
	case dialect.Postgres:
		dial = gormpg.New(gormpg.Config{Conn: db})
	default:
		// Conn is the modernc.org/sqlite connection the test opened; the
		// driver's own mattn/go-sqlite3 is never used.
		dial = &gormsqlite.Dialector{DriverName: "sqlite", Conn: db}
	}
	r := &recorder{}
	g, err := gorm.Open(dial, &gorm.Config{
		Logger:                                   r,
		DisableForeignKeyConstraintWhenMigrating: opts.DisableForeignKeyConstraintWhenMigrating,
		IgnoreRelationshipsWhenMigrating:         opts.IgnoreRelationshipsWhenMigrating,
		NamingStrategy:                           gormschema.NamingStrategy{TablePrefix: opts.TablePrefix, SingularTable: opts.SingularTable},
	})
	if err != nil {
		return nil, err
	}
	err = migrate(g)
	return r.stmts, err
}

// recorder is a GORM logger that keeps every statement traced, whatever
// the log level asked (the SQLite migrator asks Debug() for some).
type recorder struct {
	mu    sync.Mutex
	stmts []string
}

var _ logger.Interface = (*recorder)(nil)

func (r *recorder) LogMode(logger.LogLevel) logger.Interface { return r }
func (*recorder) Info(context.Context, string, ...any)       {}
func (*recorder) Warn(context.Context, string, ...any)       {}
func (*recorder) Error(context.Context, string, ...any)      {}

func (r *recorder) Trace(_ context.Context, _ time.Time, fc func() (string, int64), _ error) {
	sql, _ := fc()
	r.mu.Lock()
	r.stmts = append(r.stmts, sql)
	r.mu.Unlock()
}

// AtlasDriver opens atlas's own driver for dialect d on db.
func AtlasDriver(t testing.TB, db sqlschema.ExecQuerier, d dialect.Name) migrate.Driver {
	t.Helper()
	var (
		drv migrate.Driver
		err error
	)
	switch d {
	case dialect.MySQL:
		drv, err = atlasmysql.Open(db)
	case dialect.Postgres:
		drv, err = atlaspg.Open(db)
	default:
		drv, err = atlassqlite.Open(db)
	}
	if err != nil {
		t.Fatalf("atlas open %s: %v", d, err)
	}
	return drv
}
