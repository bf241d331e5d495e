package migrations

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/retortdb/retort/dialect"
)

// WriteOffline writes the SQL a run of steps would execute, version-table
// bookkeeping included, for `--sql`: it needs no database. The version
// table and its log are created first if absent; each revision is wrapped
// in BEGIN/COMMIT where DDL is transactional (unless its section is
// NoTransaction); values are quoted literals.
func WriteOffline(w io.Writer, steps []Step, opts RunnerOptions) error {
	for _, st := range steps {
		if st.Rev.HeadersOnly {
			return fmt.Errorf("%w: %s", ErrHeadersOnly, st.Rev.ID)
		}
	}
	ow := newOfflineWriter(w, opts)
	ow.header()
	if ow.err != nil {
		return ow.err
	}
	if len(steps) > 0 && opts.StatementLockTimeout > 0 {
		// As the runner bounds each statement's wait for a table lock.
		switch ow.d {
		case dialect.Postgres:
			ow.printf("SET lock_timeout = '%s';\n\n", lockTimeoutValue(ow.d, opts.StatementLockTimeout))
		case dialect.MySQL:
			ow.printf("SET SESSION lock_wait_timeout = %s;\n\n", lockTimeoutValue(ow.d, opts.StatementLockTimeout))
		}
	}
	// Workers render the steps into buffers, a chunk each, and the
	// buffers are written in order: on 10,000 revisions the rendering is
	// most of the time, and two cores halve it.
	const chunkSteps = 128
	workers := runtime.GOMAXPROCS(0)
	type chunk struct {
		steps []Step
		done  chan *bytes.Buffer
	}
	todo := make(chan chunk, workers)
	inOrder := make(chan chunk, 2*workers)
	go func() {
		for len(steps) > 0 {
			n := min(chunkSteps, len(steps))
			c := chunk{steps[:n], make(chan *bytes.Buffer, 1)}
			steps = steps[n:]
			inOrder <- c
			todo <- c
		}
		close(inOrder)
		close(todo)
	}()
	buffers := sync.Pool{New: func() any { return new(bytes.Buffer) }}
	for range workers {
		go func() {
			for c := range todo {
				buf := buffers.Get().(*bytes.Buffer)
				buf.Reset()
				buf.Grow(256 << 10) // a chunk's SQL, most times: no regrowing
				cw := &offlineWriter{w: buf, d: ow.d, vt: ow.vt, insertLog: ow.insertLog, headTable: ow.headTable, headCol: ow.headCol}
				for _, st := range c.steps {
					cw.step(st, opts.Dialect)
				}
				c.done <- buf
			}
		}()
	}
	for c := range inOrder { // to the end, even after an error: the workers finish
		buf := <-c.done
		if ow.err == nil {
			if _, err := ow.w.Write(buf.Bytes()); err != nil {
				ow.err = fmt.Errorf("migrations: write offline sql: %w", err)
			}
		}
		buffers.Put(buf)
	}
	return ow.flush()
}

// step writes one revision applied or reverted, with its bookkeeping.
func (o *offlineWriter) step(st Step, d dialect.Name) {
	stmts, noTx := stepSection(st)
	tx := d.TransactionalDDL() && !noTx
	o.runningLine(st)
	for _, warn := range stepWarnings(st) {
		o.str("-- WARNING: ", commentLine(warn), "\n")
	}
	o.str("\n")
	if tx {
		o.str("BEGIN;\n\n")
	}
	for i, s := range stmts {
		if onlineToolAt(st, i) {
			o.str(offlineToolComment(s.SQL))
		}
		o.statement(s.SQL)
	}
	o.heads(st.DeleteHeads, st.InsertHeads)
	o.logRow(st.Rev.ID, logDir(st.Up), st.Rev.Path, st.Rev.Checksum, len(stmts), ranHash(stmts), parentsValue(st.Rev.Parents))
	if tx {
		o.str("COMMIT;\n\n")
	}
}

// WriteOfflineStamp writes the SQL of a stamp that deletes the heads del
// and inserts ins, for `stamp --sql`.
func WriteOfflineStamp(w io.Writer, del, ins []string, opts RunnerOptions) error {
	ow := newOfflineWriter(w, opts)
	ow.header()
	from, to := "<base>", "<base>"
	if len(del) > 0 {
		from = strings.Join(del, ", ")
	}
	if len(ins) > 0 {
		to = strings.Join(ins, ", ")
	}
	ow.printf("-- Stamping %s -> %s\n\n", from, to)
	tx := opts.Dialect != dialect.MySQL
	if tx {
		ow.printf("BEGIN;\n\n")
	}
	ow.heads(del, ins)
	stamped := ins
	if len(stamped) == 0 {
		stamped = []string{"base"}
	}
	for _, h := range stamped {
		ow.logRow(h, dirStamp, "", "", 0, "", "")
	}
	if tx {
		ow.printf("COMMIT;\n\n")
	}
	return ow.flush()
}

type offlineWriter struct {
	w   writer
	d   dialect.Name
	vt  versionTable
	err error
	// insertLog is "INSERT INTO <log> (<columns>) VALUES (", built once:
	// on 10,000 revisions rebuilding it per row was a third of the time;
	// headTable and headCol are the version table and its column, quoted.
	insertLog          string
	headTable, headCol string
}

// writer is a *bufio.Writer, or a *bytes.Buffer for a chunk of steps.
type writer interface {
	io.Writer
	io.StringWriter
}

func newOfflineWriter(w io.Writer, opts RunnerOptions) *offlineWriter {
	vt := newVersionTable(opts.Dialect, opts.VersionTable)
	return &offlineWriter{w: bufio.NewWriterSize(w, 64<<10), d: opts.Dialect, vt: vt, insertLog: insertLogPrefix(vt),
		headTable: vt.q(vt.name), headCol: vt.q("version_num")}
}

// insertLogPrefix is "INSERT INTO <log> (<columns>) VALUES (".
func insertLogPrefix(vt versionTable) string {
	q := vt.q
	cols := []string{q("revision"), q("direction"), q("path"), q("checksum"), q("started_at"),
		q("finished_at"), q("statements_total"), q("statements_run"), q("status"), q("ran_hash"), q("parents")}
	return "INSERT INTO " + q(vt.log) + " (" + strings.Join(cols, ", ") + ") VALUES ("
}

func (o *offlineWriter) printf(format string, args ...any) {
	if o.err != nil {
		return
	}
	if _, err := fmt.Fprintf(o.w, format, args...); err != nil {
		o.err = fmt.Errorf("migrations: write offline sql: %w", err)
	}
}

// str writes strings as they are, without formatting.
func (o *offlineWriter) str(ss ...string) {
	if o.err != nil {
		return
	}
	for _, s := range ss {
		if _, err := o.w.WriteString(s); err != nil {
			o.err = fmt.Errorf("migrations: write offline sql: %w", err)
			return
		}
	}
}

func (o *offlineWriter) flush() error {
	if o.err == nil {
		if err := o.w.(*bufio.Writer).Flush(); err != nil {
			o.err = fmt.Errorf("migrations: write offline sql: %w", err)
		}
	}
	return o.err
}

func (o *offlineWriter) header() {
	if err := o.vt.check(); err != nil {
		o.err = err
		return
	}
	for _, s := range o.vt.createStatements() {
		o.printf("%s;\n\n", s)
	}
	for _, s := range o.vt.addParentsStatements() {
		if strings.HasPrefix(s, "--") {
			o.printf("%s\n\n", s)
		} else {
			o.printf("%s;\n\n", s)
		}
	}
}

// statement writes one statement and its terminator. On MySQL a statement
// holding semicolons (a stored routine, a string) is wrapped in a
// DELIMITER block so that the mysql client passes it whole.
func (o *offlineWriter) statement(sql string) {
	sql = strings.TrimSpace(sql)
	if o.d == dialect.MySQL && strings.Contains(sql, ";") {
		delim := "$$"
		for _, c := range []string{"$$", "//", ";;", "$$$$"} {
			if !strings.Contains(sql, c) {
				delim = c
				break
			}
		}
		o.str("DELIMITER ", delim, "\n", sql, o.terminatorSep(sql), delim, "\nDELIMITER ;\n\n")
		return
	}
	o.str(sql, o.terminatorSep(sql), ";\n\n")
}

// terminatorSep puts the terminator on a line of its own when the
// statement's last line may end in a comment that would swallow it.
func (o *offlineWriter) terminatorSep(sql string) string {
	last := sql[strings.LastIndexByte(sql, '\n')+1:]
	if strings.Contains(last, "--") || (o.d == dialect.MySQL && strings.Contains(last, "#")) {
		return "\n"
	}
	return ""
}

func (o *offlineWriter) heads(del, ins []string) {
	if len(del) == 1 && len(ins) == 1 && !strings.ContainsAny(del[0], `'\`) && !strings.ContainsAny(ins[0], `'\`) {
		// headStatements' one-for-one UPDATE, without building it: it
		// is what almost every step writes.
		o.str("UPDATE ", o.headTable, " SET ", o.headCol, " = '", ins[0], "' WHERE ", o.headCol, " = '", del[0], "';\n\n")
		return
	}
	for _, s := range o.vt.headStatements(del, ins, o.vt.literal) {
		o.str(s.sql, ";\n\n")
	}
}

func (o *offlineWriter) logRow(rev, dir, path, checksum string, n int, hash, parents string) {
	count := strconv.Itoa(n)
	o.str(o.insertLog)
	o.lit(rev, ", ")
	o.lit(dir, ", ")
	o.lit(path, ", ")
	o.lit(checksum, ", CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ")
	o.str(count, ", ", count, ", ")
	o.lit(statusOK, ", ")
	o.lit(hash, ", ")
	o.lit(parents, ");\n\n")
}

// lit writes v as a string literal of the dialect, then after.
func (o *offlineWriter) lit(v, after string) {
	if strings.IndexByte(v, '\'') >= 0 || strings.IndexByte(v, '\\') >= 0 { // ContainsAny builds a set each call
		o.str(o.d.QuoteString(v), after)
		return
	}
	o.str("'", v, "'", after)
}

// runningLine writes "-- " and commentLine(runningLine(st)), without
// building either when the message is already one line.
func (o *offlineWriter) runningLine(st Step) {
	if st.Rev.Message == "" || !oneLine(st.Rev.Message) {
		o.str("-- ", commentLine(runningLine(st)), "\n")
		return
	}
	o.str("-- Running ")
	if st.Up {
		o.str("upgrade ")
		o.parents(st.Rev.Parents)
		o.str(" -> ", st.Rev.ID)
	} else {
		o.str("downgrade ", st.Rev.ID, " -> ")
		o.parents(st.Rev.Parents)
	}
	o.str(", ", st.Rev.Message, "\n")
}

// parents writes a revision's parents as runningLine does.
func (o *offlineWriter) parents(ids []string) {
	if len(ids) == 0 {
		o.str("<base>")
	}
	for i, id := range ids {
		if i > 0 {
			o.str(", ")
		}
		o.str(id)
	}
}

// commentLine keeps a comment on one line, its runs of spaces made one.
func commentLine(s string) string {
	if oneLine(s) {
		return s // the common case, without allocating
	}
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\r", " ")), " ")
}

// oneLine reports whether commentLine would leave s as it is: ASCII with
// no space but single ones between words.
func oneLine(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x80 || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			return false
		case c == ' ' && (i == 0 || i == len(s)-1 || s[i-1] == ' '):
			return false
		}
	}
	return true
}
