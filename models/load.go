// Package models reads a project's Go struct models, statically and without
// running any of its code, and turns them into an atlas schema per dialect
// with GORM's semantics: the tag vocabulary, naming, relations and type
// mapping of gorm.io/gorm v1.31 and its MySQL, PostgreSQL and SQLite
// drivers, so that a database created by GORM's AutoMigrate from the same
// structs diffs empty against it. README.md in this folder lists where
// retort deliberately differs.
package models

import (
	"context"
	"fmt"
	"go/ast"
	"go/build"
	"go/token"
	"go/types"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"
)

// LoadOptions says which packages hold the models.
type LoadOptions struct {
	Dir      string   // folder the patterns are relative to (the config file's)
	Patterns []string // [models] packages, e.g. "./models"
	Tags     []string // build tags
	// Naming mirrors the fields of gorm's schema.NamingStrategy that a
	// project sets in its gorm.Config, which retort cannot read from code.
	Naming Naming
	// Models, when set, lists the model structs in AutoMigrate order, each
	// "<package>.<Type>" with the package an import path or a folder
	// relative to Dir ("./models.User"); their packages are loaded too.
	// Without it the module's AutoMigrate calls are read for the list.
	Models []string
	// NoScan leaves the module's AutoMigrate calls unread: the models are
	// the structs of Patterns that look like models.
	NoScan bool
	// Settings are the other gorm.Config and driver options that change
	// the schema, set in code retort does not run.
	Settings Settings
}

// Naming is the part of GORM's NamingStrategy that changes table names.
type Naming struct {
	TablePrefix   string // prepended to every table name, join tables included
	SingularTable bool   // "user" rather than "users"
}

func (n Naming) table(name string) string {
	if n.SingularTable {
		return n.TablePrefix + toDBName(name)
	}
	return n.TablePrefix + tableName(name)
}

func (n Naming) joinTable(name string) string {
	if strings.ToLower(name) == name {
		return n.TablePrefix + name
	}
	return n.table(name)
}

// Models is what Load found: the model structs of the packages and the
// tables GORM would create for them.
type Models struct {
	structs    int
	tables     []*gschema // sorted by table name
	warnings   []*PosError
	settings   Settings
	source     string
	calls      []Pos
	lookalikes map[string][]Lookalike
	joinKeys   map[string][][]string
	slim       bool // made by WithoutStructs
}

// JoinKeys lists, for a join table declared on both sides of a many2many
// when no AutoMigrate call says which side GORM parses last, the primary
// key column order each side gives (nil otherwise). A database whose
// join table has either order matches the models.
func (m *Models) JoinKeys(table string) [][]string {
	if keys := m.joinKeys[table]; len(keys) > 1 {
		return keys
	}
	return nil
}

// Source says how the models were chosen: SourceListed,
// SourceMigrate or SourceHeuristics.
func (m *Models) Source() string { return m.source }

// MigrateCalls lists where the AutoMigrate calls that gave the models are.
func (m *Models) MigrateCalls() []Pos { return m.calls }

// Lookalikes lists the structs of the model packages that are not models
// but would have table as their table: a table of the database with
// lookalikes is not the models' to drop.
func (m *Models) Lookalikes(table string) []Lookalike { return m.lookalikes[table] }

// Structs is the number of model structs found.
func (m *Models) Structs() int { return m.structs }

// Tables lists the table names, sorted, including many2many join tables.
func (m *Models) Tables() []string {
	names := make([]string, len(m.tables))
	for i, t := range m.tables {
		names[i] = t.Table
	}
	return names
}

// Warnings lists the problems go/packages reported that did not stop the
// load (type errors in code that is not a model), each with its position.
// Callers should show them: a type error may hide a model.
func (m *Models) Warnings() []*PosError { return m.warnings }

// WithoutStructs returns m without the parsed structs (and the Go type
// information they hold on to): Schema and Tables can no longer be called
// on it, everything else answers as m does. A caller that has built the
// schemas it needs and keeps asking for lookalikes or join keys lets the
// garbage collector have the rest.
func (m *Models) WithoutStructs() *Models {
	c := *m
	c.tables, c.slim = nil, true
	return &c
}

// loadMode loads syntax and types of the model packages only; their
// dependencies come from the build cache's export data.
const loadMode = packages.NeedName | packages.NeedFiles | packages.NeedSyntax |
	packages.NeedTypes | packages.NeedTypesInfo | packages.NeedImports

// Load reads the packages and returns their models. Every problem found,
// in any model, is reported at once in a *LoadError.
func Load(ctx context.Context, opts LoadOptions) (*Models, error) {
	dir, err := filepath.Abs(opts.Dir)
	if err != nil {
		return nil, fmt.Errorf("schema: %w", err)
	}
	if len(opts.Patterns) == 0 {
		return nil, fmt.Errorf("schema: no model packages given")
	}
	fset := token.NewFileSet()
	patterns := append([]string(nil), opts.Patterns...)
	found := &scanned{}
	switch {
	case len(opts.Models) > 0:
		for _, m := range opts.Models {
			pkg, name := splitListed(m)
			if name == "" || pkg == "" {
				return nil, fmt.Errorf("schema: [models] structs: %q is not <package>.<Type>", m)
			}
			patterns = append(patterns, pkg)
		}
	case !opts.NoScan:
		if root, module := moduleRoot(dir); root != "" {
			found, err = scanMigrateCalls(fset, root, module, scanFrom(dir, root, opts.Patterns))
			if err != nil {
				return nil, fmt.Errorf("schema: read the module for AutoMigrate calls: %w", err)
			}
		}
	}
	extra := map[string]bool{} // packages loaded only for the AutoMigrate lists
	var named []migrateArg
	for _, c := range found.calls {
		named = append(named, c.args...)
	}
	for _, js := range found.setups {
		named = append(named, js.model, js.join)
	}
	for _, a := range named {
		for _, p := range a.paths {
			if !extra[p] {
				extra[p] = true
				patterns = append(patterns, p)
			}
		}
	}
	cfg := &packages.Config{Context: ctx, Mode: loadMode, Dir: dir, Fset: fset}
	if len(opts.Tags) > 0 {
		cfg.BuildFlags = []string{"-tags=" + strings.Join(opts.Tags, ",")}
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, fmt.Errorf("schema: load %s: %w", strings.Join(opts.Patterns, " "), err)
	}
	if len(extra) > 0 {
		pkgs = keepUsable(pkgs, extra, dir, opts.Patterns)
	}
	l := newLoader(cfg.Fset, dir, pkgs)
	l.ctx, l.buildFlags, l.naming, l.settings = ctx, cfg.BuildFlags, opts.Naming, opts.Settings
	l.listed, l.calls, l.setups = opts.Models, readCalls(found.calls), found.setups
	fatal := false
	for _, p := range pkgs {
		hasTypeErrs := false
		for _, e := range p.Errors {
			hasTypeErrs = hasTypeErrs || e.Kind == packages.TypeError || e.Kind == packages.ParseError
		}
		for _, e := range p.Errors {
			if e.Kind == packages.TypeError {
				if path, ok := missingImport(e.Msg); ok {
					// A package the module does not require: GORM itself
					// breaks every model, anything else what uses it.
					err := &PosError{Pos: l.parsePos(e.Pos), Err: fmt.Errorf("cannot import %s: is it in go.mod? run go get %s", path, path)}
					if strings.HasPrefix(path, "gorm.io/") {
						fatal = true
						l.errs = append(l.errs, err)
					} else {
						l.warnings = append(l.warnings, err)
					}
					continue
				}
				// A type error does not stop the load; a model it breaks
				// reports its own error.
				l.warnings = append(l.warnings, &PosError{Pos: l.parsePos(e.Pos), Err: fmt.Errorf("%s", e.Msg)})
				continue
			}
			if e.Pos == "" && strings.HasPrefix(e.Msg, "# ") {
				// The compiler's output from go list -export: the same
				// errors as the parser's and type checker's, in one
				// message.
				if hasTypeErrs {
					continue
				}
				for _, line := range strings.Split(e.Msg, "\n")[1:] {
					if line = strings.TrimSpace(line); line != "" {
						fatal = true
						l.errs = append(l.errs, compilerError(l, line))
					}
				}
				continue
			}
			fatal = true
			l.errs = append(l.errs, &PosError{Pos: l.parsePos(e.Pos), Err: fmt.Errorf("%s", l.relMsg(e.Msg))})
		}
	}
	for _, pat := range opts.Patterns {
		matched := false
		for _, p := range pkgs {
			if matchesPatterns(p, dir, []string{pat}) {
				matched = true
				break
			}
		}
		if !matched && !fatal {
			fatal = true
			l.errs = append(l.errs, &PosError{Err: fmt.Errorf("[models] packages: %q matches no Go package (looked in %s)", pat, dir)})
		}
	}
	if !fatal {
		if err := l.runSafely(); err != nil {
			return nil, err
		}
		if l.nmodels == 0 && len(l.errs) == 0 {
			l.errs = append(l.errs, &PosError{Err: fmt.Errorf("no model structs in %s (looked in %s): a model embeds gorm.Model, tags a field, is passed to AutoMigrate or is marked //retort:model", strings.Join(opts.Patterns, ", "), dir)})
		}
	}
	if len(l.errs) > 0 {
		return nil, &LoadError{Errs: sortErrs(l.errs)}
	}
	m := &Models{structs: l.nmodels, tables: l.tables, warnings: sortErrs(l.warnings), settings: l.settings, source: l.source, lookalikes: l.lookalikes, joinKeys: l.joinKeys}
	if l.source == SourceMigrate {
		for _, c := range l.calls {
			m.calls = append(m.calls, l.pos(c.pos))
		}
	}
	return m, nil
}

// missingImport reads the type checker's "could not import P (...)", which
// is what an import the module does not require gives.
func missingImport(msg string) (string, bool) {
	rest, ok := strings.CutPrefix(msg, "could not import ")
	if !ok {
		return "", false
	}
	path, _, _ := strings.Cut(rest, " ")
	return path, path != ""
}

func sortErrs(errs []*PosError) []*PosError {
	sort.SliceStable(errs, func(i, j int) bool {
		a, b := errs[i].Pos, errs[j].Pos
		if a.Filename != b.Filename {
			return a.Filename < b.Filename
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	return errs
}

// loader holds the state of one Load.
type loader struct {
	fset     *token.FileSet
	dir      string
	pkgs     []*packages.Package
	byPath   map[string]*packages.Package
	errs     []*PosError
	warnings []*PosError
	nmodels  int
	tables   []*gschema

	cache  map[*types.Named]*gschema // parsed schemas (GORM's cacheStore)
	parsed map[string]*ast.File      // files parsed for method bodies outside the loaded packages

	ctx        context.Context
	buildFlags []string
	naming     Naming
	settings   Settings
	dbTypes    map[*types.Func]*dbTypeMethod // GormDBDataType methods read
	tagWarned  map[string]bool               // tag warnings given, by field position and key
	sourcePkgs map[string]*packages.Package  // packages loaded from source for their Value methods

	listed     []string       // LoadOptions.Models
	calls      []*migrateCall // the module's AutoMigrate calls
	setups     []*joinSetup   // and its SetupJoinTable calls
	source     string         // how the models were chosen (Source...)
	lookalikes map[string][]Lookalike
	joinKeys   map[string][][]string   // join table -> primary key column orders its sides give
	tableNames map[*types.Named]string // from //retort:table comments
}

func containsKey(keys [][]string, key []string) bool {
	for _, k := range keys {
		if strings.Join(k, "\x00") == strings.Join(key, "\x00") {
			return true
		}
	}
	return false
}

func newLoader(fset *token.FileSet, dir string, pkgs []*packages.Package) *loader {
	l := &loader{fset: fset, dir: dir, pkgs: pkgs, byPath: map[string]*packages.Package{},
		cache: map[*types.Named]*gschema{}, parsed: map[string]*ast.File{},
		sourcePkgs: map[string]*packages.Package{}, lookalikes: map[string][]Lookalike{}, joinKeys: map[string][][]string{}, tableNames: map[*types.Named]string{}}
	for _, p := range pkgs {
		l.byPath[p.PkgPath] = p
	}
	return l
}

// pos converts a token.Pos to a Pos relative to the load's folder.
func (l *loader) pos(p token.Pos) Pos {
	if !p.IsValid() {
		return Pos{}
	}
	position := l.fset.Position(p)
	return Pos{Filename: l.rel(position.Filename), Line: position.Line, Col: position.Column}
}

// inside reports whether p is in a file under the load's folder.
func (l *loader) inside(p token.Pos) bool {
	if !p.IsValid() {
		return false
	}
	r, err := filepath.Rel(l.dir, l.fset.Position(p).Filename)
	return err == nil && !strings.HasPrefix(r, "..") && !filepath.IsAbs(r)
}

func (l *loader) rel(name string) string {
	if name == "" {
		return ""
	}
	if r, err := filepath.Rel(l.dir, name); err == nil && !strings.HasPrefix(r, "..") && !filepath.IsAbs(r) {
		return filepath.ToSlash(r)
	}
	// Outside the project: a module in the module cache reads as
	// module@version/file, the standard library as its package path.
	slashed := filepath.ToSlash(name)
	if i := strings.Index(slashed, "/pkg/mod/"); i >= 0 {
		return slashed[i+len("/pkg/mod/"):]
	}
	if root := filepath.ToSlash(build.Default.GOROOT) + "/src/"; build.Default.GOROOT != "" && strings.HasPrefix(slashed, root) {
		return strings.TrimPrefix(slashed, root)
	}
	return slashed
}

// relMsg shortens the absolute paths under the load's folder in a
// message to relative ones.
func (l *loader) relMsg(msg string) string {
	msg = strings.ReplaceAll(msg, l.dir+string(filepath.Separator), "")
	return strings.ReplaceAll(msg, l.dir, ".")
}

// compilerError turns a "path:line:col: message" line of compiler output
// into a PosError.
func compilerError(l *loader, line string) *PosError {
	parts := strings.SplitN(line, ": ", 2)
	if len(parts) == 2 {
		if p := l.parsePos(parts[0]); p.Line > 0 {
			return &PosError{Pos: p, Err: fmt.Errorf("%s", parts[1])}
		}
	}
	return &PosError{Err: fmt.Errorf("%s", line)}
}

// parsePos parses go/packages' "file:line:col" error positions.
func (l *loader) parsePos(s string) Pos {
	if s == "" || s == "-" {
		return Pos{}
	}
	parts := strings.Split(s, ":")
	var nums []int
	for len(parts) > 1 && len(nums) < 2 {
		n, err := strconv.Atoi(parts[len(parts)-1])
		if err != nil {
			break
		}
		nums = append([]int{n}, nums...)
		parts = parts[:len(parts)-1]
	}
	name := strings.Join(parts, ":")
	if !filepath.IsAbs(name) {
		name = filepath.Join(l.dir, name)
	}
	p := Pos{Filename: l.rel(name)}
	if len(nums) > 0 {
		p.Line = nums[0]
	}
	if len(nums) > 1 {
		p.Col = nums[1]
	}
	return p
}

func (l *loader) warnf(p token.Pos, model, format string, args ...any) {
	l.warnings = append(l.warnings, &PosError{Pos: l.pos(p), Model: model, Err: fmt.Errorf(format, args...)})
}

func (l *loader) errorf(p token.Pos, model, format string, args ...any) {
	l.errs = append(l.errs, &PosError{Pos: l.pos(p), Model: model, Err: fmt.Errorf(format, args...)})
}

// runSafely runs l, turning a panic (a bug in retort, on models it did not
// expect) into an error rather than a crash of the whole command.
func (l *loader) runSafely() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("schema: internal error reading the models (please report it): %v", r)
		}
	}()
	l.run()
	return nil
}

// run finds the models, parses them and their relations, and builds the
// list of tables.
func (l *loader) run() {
	decls := l.findModels()
	var models []*gschema
	for _, d := range decls {
		s := l.parse(d.named)
		if s == nil {
			continue
		}
		s.decl = d
		models = append(models, s)
	}
	l.nmodels = len(models)
	// Relations, in model order, as GORM parses them.
	for _, s := range models {
		l.parseRelations(s)
	}
	l.setupJoinTables(models)
	l.collectTables(models)
}

// collectTables lists the models' tables plus the join tables, sorted by
// name. A table name used twice is an error, except for join tables, where
// the definition of the last model declaring it wins, as in AutoMigrate.
func (l *loader) collectTables(models []*gschema) {
	byName := map[string]*gschema{}
	for _, s := range models {
		prev, ok := byName[s.Table]
		switch {
		case !ok:
			byName[s.Table] = s
		case embedsStruct(s.named, prev.named):
			// A view or DTO of prev with prev's table (its TableName is
			// prev's, promoted): prev is the model.
		case embedsStruct(prev.named, s.named):
			byName[s.Table] = s
		default:
			// GORM migrates the table twice: the first creates it, the
			// second adds the columns it lacks.
			if extra := extraColumns(s, prev); len(extra) > 0 {
				l.errorf(s.decl.pos, s.Name, "table %q is also the table of %s (%s), and GORM's second AutoMigrate of it would add %s: "+
					"give the columns to one struct, or //retort:ignore the other", s.Table, prev.Name, l.pos(prev.decl.pos), strings.Join(extra, ", "))
			}
		}
	}
	for _, j := range l.joinOrder(models) {
		if prev, ok := byName[j.Table]; ok && prev != j && prev.join == nil && (prev.decl == nil || !prev.decl.guessed) {
			l.errorf(j.join.Field.pos, j.join.Schema.Name+"."+j.join.Field.Name, "join table %q is also the table of %s", j.Table, prev.Name)
			continue
		}
		byName[j.Table] = j
		if l.source == SourceHeuristics {
			// Without the AutoMigrate call the order GORM parses the
			// models in is unknown: either side may have made the table.
			var key []string
			for _, f := range j.PrimaryFields {
				key = append(key, f.DBName)
			}
			if !containsKey(l.joinKeys[j.Table], key) {
				l.joinKeys[j.Table] = append(l.joinKeys[j.Table], key)
			}
		}
	}
	// Tables a foreign key refers to are created by AutoMigrate too
	// (gorm's ReorderModels adds them), as are many2many targets; not
	// under IgnoreRelationshipsWhenMigrating.
	for added := !l.settings.IgnoreRelationships; added; {
		added = false
		for _, s := range sortedTables(byName) {
			for _, c := range l.constraints(s) {
				if _, ok := byName[c.RefSchema.Table]; !ok {
					l.parseRelations(c.RefSchema)
					byName[c.RefSchema.Table] = c.RefSchema
					for _, j := range c.RefSchema.joinTables {
						if _, ok := byName[j.Table]; !ok {
							byName[j.Table] = j
						}
					}
					added = true
				}
			}
		}
	}
	l.tables = sortedTables(byName)
	for _, s := range l.tables {
		s.indexes = l.parseIndexes(s)
		s.checks = parseChecks(s)
		s.uniques = uniqueConstraints(s)
		if l.settings.foreignKeys() {
			s.fks = l.constraints(s)
		}
	}
}

// embedsStruct reports whether struct a embeds struct b (anonymously, or
// with gorm's embedded tag), at any depth.
func embedsStruct(a, b *types.Named) bool {
	if a == nil || b == nil {
		return false
	}
	st, ok := a.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		if n := embeddedStruct(st, i); n != nil && (n == b || n != a && embedsStruct(n, b)) {
			return true
		}
	}
	return false
}

// extraColumns lists the columns of s that prev, a model of the same
// table, does not have.
func extraColumns(s, prev *gschema) []string {
	var out []string
	for _, name := range s.DBNames {
		if f := s.FieldsByDBName[name]; f != nil && !f.IgnoreMigration {
			if pf := prev.FieldsByDBName[name]; pf == nil || pf.IgnoreMigration {
				out = append(out, name)
			}
		}
	}
	return out
}

// joinOrder lists the join tables of the models in the order GORM's
// ReorderModels registers them, where a later one of the same name
// replaces an earlier: a model's join tables come after its other
// relations are parsed, last relation first, and a many2many target that
// the model also has one or many of is parsed, with its own join tables,
// before the model's join table. So when both sides declare a many2many,
// the side AutoMigrate parses last wins, which is not always the side
// listed last.
func (l *loader) joinOrder(models []*gschema) []*gschema {
	var (
		order  []*gschema
		parsed = map[*gschema]bool{}
		parse  func(s *gschema)
	)
	parse = func(s *gschema) {
		if parsed[s] {
			return
		}
		parsed[s] = true
		l.parseRelations(s)
		dependedOn := map[*gschema]bool{}
		var joins []*relation
		for _, key := range s.relOrder {
			r := s.Relations[key]
			if r.Field.IgnoreMigration {
				continue
			}
			if r.Type == relHasOne || r.Type == relHasMany {
				dependedOn[r.FieldSchema] = true
			}
			if r.JoinTable != nil {
				joins = append(joins, r)
			}
		}
		for i := len(joins) - 1; i >= 0; i-- {
			r := joins[i]
			if dependedOn[r.FieldSchema] {
				parse(r.FieldSchema)
			}
			order = append(order, r.JoinTable)
		}
	}
	if l.settings.IgnoreRelationships {
		return nil // IgnoreRelationshipsWhenMigrating: no join tables
	}
	for _, s := range models {
		parse(s)
	}
	return order
}

func sortedTables(byName map[string]*gschema) []*gschema {
	out := make([]*gschema, 0, len(byName))
	for _, s := range byName {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Table < out[j].Table })
	return out
}

// constraints lists the foreign keys GORM creates on the table of s, in
// relation order, the first of each name kept.
func (l *loader) constraints(s *gschema) []*constraint {
	var out []*constraint
	seen := map[string]bool{}
	for _, key := range s.relOrder {
		r := s.Relations[key]
		if r.Field.IgnoreMigration {
			continue
		}
		c := r.parseConstraint()
		if c == nil || c.Schema != s || c.RefSchema == nil || seen[c.Name] {
			continue
		}
		seen[c.Name] = true
		out = append(out, c)
	}
	return out
}
