package models

import "github.com/retortdb/retort/dialect"

// Settings are the options of gorm.Config and of GORM's drivers' Config
// that change the schema AutoMigrate creates. A project sets them in code
// (gorm.Open(mysql.New(mysql.Config{DefaultStringSize: 191}), &gorm.Config{
// DisableForeignKeyConstraintWhenMigrating: true})), which retort does not
// run, so they are given to it in retort.toml's [models] instead. The zero
// value is GORM's default for each.
//
// The other options of those structs change no DDL of a fresh schema:
// DontSupportRenameIndex, DontSupportRenameColumn,
// DontSupportRenameColumnUnique and DontSupportDropConstraint choose how the
// MySQL migrator alters an existing table (retort writes its own ALTERs),
// DontSupportNullAsDefaultValue how it reads defaults back, ServerVersion and
// SkipInitializeWithVersion only set those flags (and, for a server older
// than 5.6, DisableDatetimePrecision, which is here), DontSupportForShareClause,
// DisableWithReturning, PostgreSQL's WithoutReturning, PreferSimpleProtocol
// and WithoutQuotingCheck change queries, and the rest of gorm.Config
// (SkipDefaultTransaction, PrepareStmt, NowFunc, DryRun, CreateBatchSize,
// TranslateError, ...) runs at query time.
type Settings struct {
	// NoForeignKeys is gorm.Config.DisableForeignKeyConstraintWhenMigrating:
	// AutoMigrate creates no foreign key constraint, but still creates the
	// tables the relations refer to and the many2many join tables.
	NoForeignKeys bool
	// IgnoreRelationships is gorm.Config.IgnoreRelationshipsWhenMigrating:
	// no foreign key constraint either, and only the models themselves are
	// created: neither the tables their relations refer to nor the join
	// tables of their many2many relations.
	IgnoreRelationships bool
	// DefaultStringSize is the MySQL driver's Config.DefaultStringSize: the
	// size of every string column without size: (an unsized string is
	// otherwise longtext, or varchar(191) as a primary key, with a default
	// or an index). It changes nothing on PostgreSQL and SQLite.
	DefaultStringSize int
	// DatetimePrecision is the MySQL driver's
	// Config.DefaultDatetimePrecision: the precision of time columns
	// without precision:, nil meaning the driver's default of 3.
	DatetimePrecision *int
	// DisableDatetimePrecision is the MySQL driver's
	// Config.DisableDatetimePrecision: time columns without precision: are
	// plain datetime.
	DisableDatetimePrecision bool
}

// foreignKeys reports whether AutoMigrate creates foreign keys.
func (s Settings) foreignKeys() bool { return !s.NoForeignKeys && !s.IgnoreRelationships }

// datetimePrecision is the precision MySQL's driver gives a time column
// whose tags say none; 0 means none.
func (s Settings) datetimePrecision(d dialect.Name) int {
	switch {
	case d != dialect.MySQL || s.DisableDatetimePrecision:
		return 0
	case s.DatetimePrecision != nil:
		return *s.DatetimePrecision
	}
	return 3
}
