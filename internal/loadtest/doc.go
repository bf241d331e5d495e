// Package loadtest measures what a migration costs a busy table (issue
// 17): its test fills a table on MariaDB and PostgreSQL, keeps a writer
// loop inserting and updating it on 127.0.0.1, and runs the real retort
// binary's upgrade through one revision per schema change, three times:
// with the plain SQL of each change, with its hand-written non-blocking
// form, and with the revision `retort revision --autogenerate` writes
// from models of the tables (the form a user gets; written before each
// upgrade, outside the measured window). It reports each write's longest
// stall per change, the writer's errors, the upgrade's duration and the
// rows before and after.
//
// RETORT_LOAD_ROWS sets the table's size (200,000 by default; make stress
// uses 2,000,000 and then asserts the safe form's stalls are under 1 s);
// RETORT_LOAD_REPORT names a file the markdown table is written to.
//
// SQLite is not measured: it has one writer, and no online form of any
// DDL to choose.
package loadtest
