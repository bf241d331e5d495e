// Package drivers registers the database/sql drivers that retort's command,
// its benchmarks and its tests open. The library packages (migrations,
// dburl, diff, autogen, ...) register none: a program that embeds them
// links only the drivers it imports itself.
package drivers

import (
	_ "github.com/go-sql-driver/mysql"
	_ "github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite"
)
