package diff

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"reflect"
	"sort"
	"strings"

	"ariga.io/atlas/sql/migrate"
	"ariga.io/atlas/sql/mysql"
	sqlschema "ariga.io/atlas/sql/schema"

	"github.com/retortdb/retort/dialect"
)

// Compute diffs current (from Inspect) against desired (from Normalize)
// and returns the plan: the changes in words, warnings, notes, and the
// upgrade and downgrade statements. Neither argument is modified. The
// downgrade is a second diff, desired → current.
func Compute(ctx context.Context, current, desired *sqlschema.Schema, opts Options) (*Plan, error) {
	if err := ctxDone(ctx); err != nil {
		return nil, err
	}
	drv, done, err := computeDriver(ctx, opts)
	if err != nil {
		return nil, err
	}
	defer done()
	renames, err := collectRenames(current, desired, opts)
	if err != nil {
		return nil, err
	}
	plan := &Plan{Dialect: opts.Dialect}
	if f, ok := attrOf[*fallback](desired.Attrs); ok {
		plan.Notes = append(plan.Notes, f.text)
	}
	if sk, ok := attrOf[*skipped](current.Attrs); ok {
		for _, t := range sortedKeys(sk.tables) {
			if _, ok := desired.Table(t); ok {
				plan.Notes = append(plan.Notes, fmt.Sprintf("table %s is in the models but retort cannot read it in the database (see above): it is left out of the diff", t))
			}
		}
	}
	// The triggers of the database, for SQLite tables that are rebuilt.
	trig, _ := attrOf[*triggers](current.Attrs)
	if !opts.noSettle {
		current, desired = settle(current, desired, renames)
	}
	up, err := computeOne(ctx, drv, current, desired, renames, opts, trig, false)
	if err != nil {
		return nil, err
	}
	down, err := computeOne(ctx, drv, desired, current, invertRenames(renames), opts, trig, true)
	if err != nil {
		return nil, err
	}
	plan.Changes = up.summary
	plan.Warnings = up.warnings
	plan.DowngradeWarnings = down.warnings
	plan.Upgrade, plan.UpgradeNoTransaction = up.stmts, up.noTx
	plan.Downgrade, plan.DowngradeNoTransaction = down.stmts, down.noTx
	// Empty lists, not nulls, in --format json.
	for _, l := range []*[]string{&plan.Warnings, &plan.DowngradeWarnings, &plan.Notes, &plan.Upgrade, &plan.Downgrade} {
		if *l == nil {
			*l = []string{}
		}
	}
	if plan.Changes == nil {
		plan.Changes = []Change{}
	}
	return plan, nil
}

// computeDriver returns an atlas driver for planning: on opts.DB, or on a
// connection to opts.URL that done closes.
func computeDriver(ctx context.Context, opts Options) (migrate.Driver, func(), error) {
	if opts.DB != nil {
		drv, err := openDriver(opts.DB, opts.Dialect)
		return drv, func() {}, err
	}
	if opts.URL == nil {
		return nil, nil, errors.New("diff: compute needs a database connection (Options.DB or Options.URL)")
	}
	db, err := opts.URL.Open(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("diff: %w", err)
	}
	drv, err := openDriver(db, opts.Dialect)
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	return drv, func() { db.Close() }, nil
}

// oneWay is the result of one diff direction.
type oneWay struct {
	stmts    []string
	noTx     bool
	summary  []Change
	warnings []string
}

func computeOne(ctx context.Context, drv migrate.Driver, fromS, toS *sqlschema.Schema, renames []Rename, opts Options, trig *triggers, restoring bool) (*oneWay, error) {
	from, to := clone(fromS), clone(toS)
	normalizedDiff := hasAttr[*normalized](fromS.Attrs) || hasAttr[*normalized](toS.Attrs)
	if hasAttr[*fallback](fromS.Attrs) || hasAttr[*fallback](toS.Attrs) {
		normalizedDiff = false
	}
	skip := map[string]bool{}
	for _, s := range []*sqlschema.Schema{fromS, toS} {
		if sk, ok := attrOf[*skipped](s.Attrs); ok {
			for t := range sk.tables {
				skip[t] = true
			}
		}
	}
	for _, s := range []*sqlschema.Schema{from, to} {
		s.Attrs = withoutPrivate(s.Attrs)
		s.Name = toS.Name
		tables := s.Tables[:0]
		for _, t := range s.Tables {
			if !skip[t.Name] && opts.manages(t.Name) {
				tables = append(tables, t)
			}
		}
		s.Tables = tables
	}
	if opts.Dialect == dialect.Postgres {
		ensureEnums(from)
		ensureEnums(to)
	}
	// The database's default charset and collation are not the models'
	// business, nor is the next value of a MySQL AUTO_INCREMENT counter.
	from.Attrs, to.Attrs = nil, nil
	for _, s := range []*sqlschema.Schema{from, to} {
		for _, t := range s.Tables {
			t.Attrs = withoutCounter(t.Attrs)
		}
	}
	renameChanges := applyRenames(from, to, renames)
	adoptCharsets(from, to)
	paired := matchByShape(from, to)
	sameDefaults(from, to)
	var diffOpts []sqlschema.DiffOption
	if normalizedDiff {
		diffOpts = append(diffOpts, sqlschema.DiffNormalized())
	}
	var regen []regenerated
	if opts.Dialect == dialect.Postgres {
		regen = detachGenerated(from, to)
	}
	tool := toolMarks{name: opts.OnlineTool}
	if tool.name != "" && opts.Dialect == dialect.MySQL {
		tool.noTool = toolRefused(from, to)
	}
	changes, err := drv.SchemaDiff(from, to, diffOpts...)
	if err != nil {
		return nil, fmt.Errorf("diff: %w", err)
	}
	paired.putBack()
	changes = reattachGenerated(changes, to, regen)
	changes = attrChanges(opts.Dialect, from, to, changes)
	afterModify := serialStarts(opts.Dialect, changes)
	if restoring {
		var fill []string
		changes, fill = fillRestored(opts.Dialect, changes)
		afterModify = append(afterModify, fill...)
	}
	w := &oneWay{}
	changes, enumComments, enumWarnings, enumSummary := fixEnums(opts.Dialect, changes)
	w.warnings = append(w.warnings, enumWarnings...)
	changes = append(renameChanges, changes...)
	w.summary = append(summarize(opts.Dialect, changes), enumSummary...)
	w.warnings = append(w.warnings, warnings(opts.Dialect, changes, restoring)...)
	var blocking []string
	w.stmts, w.noTx, blocking, err = order(ctx, drv, opts.Dialect, changes, trig, afterModify, opts.PlainDDL, tool)
	if err != nil {
		return nil, err
	}
	w.warnings = append(w.warnings, blocking...)
	w.stmts = append(enumComments, w.stmts...)
	return w, nil
}

func hasAttr[T sqlschema.Attr](attrs []sqlschema.Attr) bool {
	_, ok := attrOf[T](attrs)
	return ok
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// collectRenames merges opts.Renames with the RenamedFrom attributes of
// the desired tables and columns. Column renames name the desired table.
func collectRenames(current, desired *sqlschema.Schema, opts Options) ([]Rename, error) {
	var out []Rename
	tableTo := map[string]string{}
	seen := map[Rename]bool{}
	add := func(r Rename) {
		if !seen[r] && r.From != r.To {
			seen[r] = true
			out = append(out, r)
		}
	}
	for _, r := range opts.Renames {
		if r.Table == "" {
			tableTo[r.From] = r.To
			add(r)
		}
	}
	for _, t := range desired.Tables {
		if old := renamedFromAttr(t.Attrs); old != "" {
			tableTo[old] = t.Name
			add(Rename{From: old, To: t.Name})
		}
	}
	for _, r := range opts.Renames {
		if r.Table != "" {
			if to, ok := tableTo[r.Table]; ok {
				r.Table = to
			}
			if _, ok := desired.Table(r.Table); !ok {
				return nil, fmt.Errorf("diff: rename %s: no table %s in the models", r, r.Table)
			}
			add(r)
		}
	}
	for _, t := range desired.Tables {
		for _, c := range t.Columns {
			if old := renamedFromAttr(c.Attrs); old != "" {
				add(Rename{Table: t.Name, From: old, To: c.Name})
			}
		}
	}
	return out, nil
}

// renamedFromAttr returns the old name an attribute gives, or "".
func renamedFromAttr(attrs []sqlschema.Attr) string {
	for _, a := range attrs {
		if r, ok := a.(renamedFrom); ok {
			return r.RenamedFrom()
		}
		v := reflect.ValueOf(a)
		for v.Kind() == reflect.Pointer && !v.IsNil() {
			v = v.Elem()
		}
		if v.Kind() == reflect.Struct && v.Type().Name() == "RenamedFrom" {
			if f := v.FieldByName("Name"); f.IsValid() && f.Kind() == reflect.String {
				return f.String()
			}
		}
	}
	return ""
}

// invertRenames turns the upgrade's renames into the downgrade's.
func invertRenames(rs []Rename) []Rename {
	oldName := map[string]string{}
	for _, r := range rs {
		if r.Table == "" {
			oldName[r.To] = r.From
		}
	}
	out := make([]Rename, 0, len(rs))
	for _, r := range rs {
		inv := Rename{Table: r.Table, From: r.To, To: r.From}
		if r.Table != "" {
			if o, ok := oldName[r.Table]; ok {
				inv.Table = o
			}
		}
		out = append(out, inv)
	}
	return out
}

// applyRenames renames, in from, the tables and columns the hints name,
// when the rename is what the diff needs (the old name is gone from to and
// the new one is new), and returns the rename changes.
func applyRenames(from, to *sqlschema.Schema, rs []Rename) []sqlschema.Change {
	var changes []sqlschema.Change
	for _, r := range rs {
		if r.Table != "" {
			continue
		}
		ft, ok := from.Table(r.From)
		if !ok {
			continue
		}
		if _, ok := from.Table(r.To); ok {
			continue
		}
		if _, ok := to.Table(r.To); !ok {
			continue
		}
		if _, ok := to.Table(r.From); ok {
			continue
		}
		changes = append(changes, &sqlschema.RenameTable{
			From: &sqlschema.Table{Name: r.From, Schema: from},
			To:   &sqlschema.Table{Name: r.To, Schema: from},
		})
		ft.Name = r.To
	}
	cols := map[string][]sqlschema.Change{}
	var order []string
	for _, r := range rs {
		if r.Table == "" {
			continue
		}
		ft, ok1 := from.Table(r.Table)
		tt, ok2 := to.Table(r.Table)
		if !ok1 || !ok2 {
			continue
		}
		fc, ok1 := ft.Column(r.From)
		tc, ok2 := tt.Column(r.To)
		if !ok1 || !ok2 {
			continue
		}
		if _, ok := ft.Column(r.To); ok {
			continue
		}
		if _, ok := tt.Column(r.From); ok {
			continue
		}
		old := *fc
		if _, ok := cols[r.Table]; !ok {
			order = append(order, r.Table)
		}
		cols[r.Table] = append(cols[r.Table], &sqlschema.RenameColumn{From: &old, To: tc})
		fc.Name = r.To
	}
	for _, t := range order {
		tt, _ := to.Table(t)
		changes = append(changes, &sqlschema.ModifyTable{T: tt, Changes: cols[t]})
	}
	return changes
}

// pairedIndexes are the desired indexes that matchByShape took out of
// their tables for the differ, with the names they had.
type pairedIndexes []pairedIndex

type pairedIndex struct {
	t    *sqlschema.Table
	idx  *sqlschema.Index
	name string
}

// putBack returns the indexes to their tables, under their names: a
// table that the plan rebuilds is created from the desired table, which
// must have them all.
func (p pairedIndexes) putBack() {
	for _, x := range p {
		x.idx.Name = x.name
		x.t.Indexes = append(x.t.Indexes, x.idx)
	}
}

// matchByShape gives the desired indexes, foreign keys and checks that the
// models do not name explicitly the name of the database's object that is
// the same thing (same columns in the same order, uniqueness, target,
// expression), so that names given by another tool or by the server
// (orders_ibfk_1, Alembic's names) do not churn. The desired indexes
// paired with an index of an inline UNIQUE constraint of SQLite are taken
// out of their tables (see below): put them back after the diff.
func matchByShape(from, to *sqlschema.Schema) pairedIndexes {
	var paired pairedIndexes
	fromTable := lookup(from)
	for _, tt := range to.Tables {
		ft, ok := fromTable(tt.Name)
		if !ok {
			continue
		}
		used := map[any]bool{}
		names := map[*sqlschema.Index]string{}
		for _, ti := range tt.Indexes {
			if explicit(ti.Attrs) {
				continue
			}
			if _, ok := ft.Index(ti.Name); ok {
				continue
			}
			for _, fi := range ft.Indexes {
				if _, taken := tt.Index(fi.Name); taken || used[fi] {
					continue
				}
				if indexKey(fi) == indexKey(ti) {
					used[fi] = true
					names[ti] = ti.Name
					ti.Name = fi.Name
					break
				}
			}
		}
		// SQLite's indexes of inline UNIQUE constraints can be neither
		// dropped nor created by name, and atlas's differ does not pair
		// them: one that matches the desired side is no change at all.
		for _, fi := range ft.Indexes {
			if !strings.HasPrefix(fi.Name, "sqlite_autoindex_") {
				continue
			}
			if ti, ok := tt.Index(fi.Name); ok && indexKey(fi) == indexKey(ti) {
				ft.Indexes = without(ft.Indexes, fi)
				tt.Indexes = without(tt.Indexes, ti)
				name, ok := names[ti]
				if !ok {
					name = ti.Name
				}
				paired = append(paired, pairedIndex{tt, ti, name})
			}
		}
		for _, tf := range tt.ForeignKeys {
			if explicit(tf.Attrs) {
				continue
			}
			if _, ok := ft.ForeignKey(tf.Symbol); ok {
				continue
			}
			for _, ff := range ft.ForeignKeys {
				if _, taken := tt.ForeignKey(ff.Symbol); taken || used[ff] {
					continue
				}
				if fkKey(ff) == fkKey(tf) {
					used[ff] = true
					// An index MySQL made for the key carries its name.
					if idx, ok := tt.Index(tf.Symbol); ok && !explicit(idx.Attrs) {
						if _, ok := ft.Index(ff.Symbol); ok {
							idx.Name = ff.Symbol
						}
					}
					tf.Symbol = ff.Symbol
					break
				}
			}
		}
		fchecks := checks(ft.Attrs)
		for _, tc := range checks(tt.Attrs) {
			if explicit(tc.Attrs) || checkNamed(fchecks, tc.Name) != nil {
				continue
			}
			for _, fc := range fchecks {
				if checkNamed(checks(tt.Attrs), fc.Name) != nil || used[fc] {
					continue
				}
				if normExpr(fc.Expr) == normExpr(tc.Expr) {
					used[fc] = true
					tc.Name = fc.Name
					break
				}
			}
		}
	}
	return paired
}

func explicit(attrs []sqlschema.Attr) bool {
	for _, a := range attrs {
		if e, ok := a.(explicitName); ok && e.ExplicitName() {
			return true
		}
	}
	return false
}

func indexKey(idx *sqlschema.Index) string {
	var b strings.Builder
	fmt.Fprintf(&b, "u=%v", idx.Unique)
	parts := append([]*sqlschema.IndexPart(nil), idx.Parts...)
	sort.SliceStable(parts, func(i, j int) bool { return parts[i].SeqNo < parts[j].SeqNo })
	for _, p := range parts {
		switch {
		case p.C != nil:
			fmt.Fprintf(&b, "|c:%s", p.C.Name)
		case p.X != nil:
			fmt.Fprintf(&b, "|x:%s", exprString(p.X))
		}
		fmt.Fprintf(&b, ",desc=%v", p.Desc)
		for _, a := range p.Attrs {
			fmt.Fprintf(&b, ",%T%+v", a, a)
		}
	}
	for _, a := range idx.Attrs {
		// What the index does (predicate, method, included columns), not
		// how it was made (constraint or index, its CREATE statement).
		n := attrName(a)
		if strings.Contains(n, "Predicate") || strings.Contains(n, "IndexType") ||
			strings.Contains(n, "Include") || strings.Contains(n, "NullsDistinct") {
			fmt.Fprintf(&b, "|%T%+v", a, a)
		}
	}
	return b.String()
}

func fkKey(fk *sqlschema.ForeignKey) string {
	var b strings.Builder
	for _, c := range fk.Columns {
		b.WriteString(c.Name + ",")
	}
	if fk.RefTable != nil {
		b.WriteString("->" + fk.RefTable.Name + "(")
	}
	for _, c := range fk.RefColumns {
		b.WriteString(c.Name + ",")
	}
	fmt.Fprintf(&b, ") u=%s d=%s", refOpt(fk.OnUpdate), refOpt(fk.OnDelete))
	return b.String()
}

func refOpt(o sqlschema.ReferenceOption) string {
	if o == "" || o == sqlschema.NoAction || o == sqlschema.Restrict {
		return "NO ACTION"
	}
	return string(o)
}

func checks(attrs []sqlschema.Attr) []*sqlschema.Check {
	var out []*sqlschema.Check
	for _, a := range attrs {
		if c, ok := a.(*sqlschema.Check); ok {
			out = append(out, c)
		}
	}
	return out
}

func checkNamed(cs []*sqlschema.Check, name string) *sqlschema.Check {
	for _, c := range cs {
		if c.Name == name && name != "" {
			return c
		}
	}
	return nil
}

func normExpr(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	for strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") && balanced(s[1:len(s)-1]) {
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	return s
}

func balanced(s string) bool {
	n := 0
	for _, r := range s {
		switch r {
		case '(':
			n++
		case ')':
			n--
			if n < 0 {
				return false
			}
		}
	}
	return n == 0
}

func exprString(x sqlschema.Expr) string {
	switch x := x.(type) {
	case *sqlschema.RawExpr:
		return x.X
	case *sqlschema.Literal:
		return x.V
	case nil:
		return ""
	}
	return fmt.Sprintf("%v", x)
}

// fixEnums takes PostgreSQL enum value removals out of the changes (atlas
// plans nothing for them, silently): the plan gets a SQL comment and a
// warning instead, and the values added alongside are still added.
func fixEnums(d dialect.Name, changes []sqlschema.Change) (_ []sqlschema.Change, comments, warns []string, summary []Change) {
	if d != dialect.Postgres {
		return changes, nil, nil, nil
	}
	out := changes[:0]
	for _, c := range changes {
		m, ok := c.(*sqlschema.ModifyObject)
		if !ok {
			out = append(out, c)
			continue
		}
		from, ok1 := m.From.(*sqlschema.EnumType)
		to, ok2 := m.To.(*sqlschema.EnumType)
		if !ok1 || !ok2 {
			out = append(out, c)
			continue
		}
		keep := map[string]bool{}
		for _, v := range to.Values {
			keep[v] = true
		}
		var removed, kept []string
		for _, v := range from.Values {
			if keep[v] {
				kept = append(kept, v)
			} else {
				removed = append(removed, v)
			}
		}
		if len(removed) > 0 {
			q := make([]string, len(removed))
			for i, v := range removed {
				q[i] = d.QuoteString(v)
			}
			comments = append(comments, fmt.Sprintf(
				"-- retort: PostgreSQL cannot remove value(s) %s from enum type %s in place; "+
					"do it by hand (rename the type, create it anew, ALTER the columns USING col::text::type, drop the old type)",
				strings.Join(q, ", "), d.QuoteIdent(from.T)))
			warns = append(warns, fmt.Sprintf("enum type %s loses value(s) %s: PostgreSQL cannot do this in place, the revision holds a comment to act on by hand", from.T, strings.Join(q, ", ")))
			summary = append(summary, Change{Kind: "modify enum", Object: from.T, Text: fmt.Sprintf("remove value(s) %s from enum type %s (by hand: PostgreSQL cannot)", strings.Join(q, ", "), from.T)})
		}
		if len(kept) < len(to.Values) {
			out = append(out, &sqlschema.ModifyObject{
				From: &sqlschema.EnumType{T: from.T, Schema: from.Schema, Values: kept},
				To:   to,
			})
		}
	}
	return out, comments, warns, summary
}

func without(idxs []*sqlschema.Index, x *sqlschema.Index) []*sqlschema.Index {
	out := make([]*sqlschema.Index, 0, len(idxs))
	for _, i := range idxs {
		if i != x {
			out = append(out, i)
		}
	}
	return out
}

// sameDefaults gives a desired column the database's default when the two
// mean the same value but are written differently: numbers ('0.00' and 0,
// 0.00::numeric and 0) and the current time (now(), current_timestamp()).
func sameDefaults(from, to *sqlschema.Schema) {
	fromTable := lookup(from)
	for _, tt := range to.Tables {
		ft, ok := fromTable(tt.Name)
		if !ok {
			continue
		}
		for _, tc := range tt.Columns {
			fc, ok := ft.Column(tc.Name)
			if !ok || fc.Default == nil || tc.Default == nil {
				continue
			}
			a, b := exprString(fc.Default), exprString(tc.Default)
			if a == b {
				continue
			}
			if sameValue(a, b, numeric(tc)) {
				tc.Default = fc.Default
			}
		}
	}
}

// numeric reports whether c holds numbers (where '0.00' is 0).
func numeric(c *sqlschema.Column) bool {
	if c.Type == nil {
		return false
	}
	switch c.Type.Type.(type) {
	case *sqlschema.IntegerType, *sqlschema.DecimalType, *sqlschema.FloatType:
		return true
	}
	return false
}

func sameValue(a, b string, numeric bool) bool {
	if na, ok := number(a); ok && numeric {
		if nb, ok := number(b); ok {
			return na.Cmp(nb) == 0
		}
		return false
	}
	return nowFunc(a) && nowFunc(b)
}

// number reads a numeric literal, quoted or cast or not.
func number(s string) (*big.Rat, bool) {
	s = strings.TrimSpace(s)
	for strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	if i := strings.Index(s, "::"); i > 0 {
		s = s[:i]
	}
	s = strings.Trim(s, "'")
	if s == "" {
		return nil, false
	}
	r, ok := new(big.Rat).SetString(s)
	return r, ok
}

func nowFunc(s string) bool {
	switch strings.ToLower(strings.TrimSuffix(strings.TrimSpace(s), "()")) {
	case "now", "current_timestamp", "localtimestamp":
		return true
	}
	return false
}

// withoutCounter drops MySQL's table AUTO_INCREMENT counter (the column
// attribute that makes a column auto-increment stays).
func withoutCounter(attrs []sqlschema.Attr) []sqlschema.Attr {
	out := attrs[:0:0]
	for _, a := range attrs {
		if _, ok := a.(*mysql.AutoIncrement); ok {
			continue
		}
		out = append(out, a)
	}
	return out
}
