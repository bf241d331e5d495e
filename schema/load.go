// Package schema reads a project's Go struct models, statically and without
// running any of its code, and turns them into an atlas schema per dialect
// with GORM's semantics: the tag vocabulary, naming, relations and type
// mapping of gorm.io/gorm v1.31 and its MySQL, PostgreSQL and SQLite
// drivers, so that a database created by GORM's AutoMigrate from the same
// structs diffs empty against it. README.md in this folder lists where
// retort deliberately differs.
package schema

import (
	"context"
	"fmt"
	"go/ast"
	"go/build"
	"go/token"
	"go/types"
	"path/filepath"
	"reflect"
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
	structs  int
	tables   []*gschema // sorted by table name
	warnings []*PosError
	settings Settings
}

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
	cfg := &packages.Config{Context: ctx, Mode: loadMode, Dir: dir, Fset: token.NewFileSet()}
	if len(opts.Tags) > 0 {
		cfg.BuildFlags = []string{"-tags=" + strings.Join(opts.Tags, ",")}
	}
	pkgs, err := packages.Load(cfg, opts.Patterns...)
	if err != nil {
		return nil, fmt.Errorf("schema: load %s: %w", strings.Join(opts.Patterns, " "), err)
	}
	l := newLoader(cfg.Fset, dir, pkgs)
	l.ctx, l.buildFlags, l.naming, l.settings = ctx, cfg.BuildFlags, opts.Naming, opts.Settings
	fatal := false
	for _, p := range pkgs {
		hasTypeErrs := false
		for _, e := range p.Errors {
			hasTypeErrs = hasTypeErrs || e.Kind == packages.TypeError || e.Kind == packages.ParseError
		}
		for _, e := range p.Errors {
			if e.Kind == packages.TypeError {
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
	if !fatal {
		if err := l.runSafely(); err != nil {
			return nil, err
		}
	}
	if len(l.errs) > 0 {
		return nil, &LoadError{Errs: sortErrs(l.errs)}
	}
	return &Models{structs: l.nmodels, tables: l.tables, warnings: sortErrs(l.warnings), settings: l.settings}, nil
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
}

type modelDecl struct {
	named       *types.Named
	pkg         *packages.Package
	pos         token.Pos
	marked      bool   // //retort:model
	renamedFrom string // //retort:renamed_from
}

func newLoader(fset *token.FileSet, dir string, pkgs []*packages.Package) *loader {
	l := &loader{fset: fset, dir: dir, pkgs: pkgs, byPath: map[string]*packages.Package{},
		cache: map[*types.Named]*gschema{}, parsed: map[string]*ast.File{},
		sourcePkgs: map[string]*packages.Package{}}
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
	l.collectTables(models)
}

// findModels scans the top-level type declarations of the loaded packages.
func (l *loader) findModels() []*modelDecl {
	var all []*modelDecl
	embeddedOnly := map[*types.Named]bool{}
	for _, p := range l.pkgs {
		if p.TypesInfo == nil {
			continue
		}
		for _, f := range p.Syntax {
			for _, decl := range f.Decls {
				gd, ok := decl.(*ast.GenDecl)
				if !ok || gd.Tok != token.TYPE {
					continue
				}
				for _, spec := range gd.Specs {
					ts := spec.(*ast.TypeSpec)
					if ts.TypeParams != nil || ts.Assign.IsValid() {
						continue // generic declarations and aliases are never models
					}
					if _, ok := ts.Type.(*ast.StructType); !ok {
						continue
					}
					obj, _ := p.TypesInfo.Defs[ts.Name].(*types.TypeName)
					if obj == nil {
						continue
					}
					named, _ := obj.Type().(*types.Named)
					st, _ := named.Underlying().(*types.Struct)
					if named == nil || st == nil {
						continue
					}
					doc := ts.Doc
					if doc == nil && len(gd.Specs) == 1 {
						doc = gd.Doc
					}
					d := &modelDecl{named: named, pkg: p, pos: ts.Name.Pos()}
					ignore := false
					if doc != nil {
						for _, c := range doc.List {
							text := strings.TrimSpace(strings.TrimPrefix(c.Text, "//"))
							switch {
							case text == "retort:model":
								d.marked = true
							case text == "retort:ignore":
								ignore = true
							case strings.HasPrefix(text, "retort:renamed_from"):
								d.renamedFrom = strings.TrimSpace(strings.TrimPrefix(text, "retort:renamed_from"))
								if d.renamedFrom == "" {
									l.errorf(c.Pos(), obj.Name(), "retort:renamed_from needs the old table name")
								}
							}
						}
					}
					if ignore || !(d.marked || embedsGormModel(st) || hasModelTag(st)) {
						continue
					}
					for i := 0; i < st.NumFields(); i++ {
						fv := st.Field(i)
						tag := reflect.StructTag(st.Tag(i))
						settings := parseTagSetting(mergeTags(tag.Get("gorm"), tag.Get("retort")), ";")
						if _, ok := settings["EMBEDDED"]; ok || fv.Anonymous() {
							if n, ok := types.Unalias(deref(fv.Type())).(*types.Named); ok {
								embeddedOnly[n] = true
							}
						}
					}
					all = append(all, d)
				}
			}
		}
	}
	var decls []*modelDecl
	for _, d := range all {
		// A struct only ever embedded in other models is a set of columns,
		// not a table, unless it says otherwise.
		if embeddedOnly[d.named] && !d.marked {
			continue
		}
		if isValuer(d.named) && !d.marked {
			continue
		}
		decls = append(decls, d)
	}
	return decls
}

func embedsGormModel(st *types.Struct) bool {
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if f.Anonymous() && isNamed(deref(f.Type()), "gorm.io/gorm", "Model") {
			return true
		}
	}
	return false
}

func hasModelTag(st *types.Struct) bool {
	for i := 0; i < st.NumFields(); i++ {
		tag := reflect.StructTag(st.Tag(i))
		if _, ok := tag.Lookup("gorm"); ok {
			return true
		}
		if _, ok := tag.Lookup("retort"); ok {
			return true
		}
	}
	return false
}

// collectTables lists the models' tables plus the join tables, sorted by
// name. A table name used twice is an error, except for join tables, where
// the definition of the last model declaring it wins, as in AutoMigrate.
func (l *loader) collectTables(models []*gschema) {
	byName := map[string]*gschema{}
	for _, s := range models {
		if prev, ok := byName[s.Table]; ok {
			l.errorf(s.decl.pos, s.Name, "table %q is also the table of %s (%s)", s.Table, prev.Name, l.pos(prev.decl.pos))
			continue
		}
		byName[s.Table] = s
	}
	for _, s := range models {
		if l.settings.IgnoreRelationships {
			break // IgnoreRelationshipsWhenMigrating: no join tables
		}
		for _, j := range s.joinTables {
			if prev, ok := byName[j.Table]; ok && prev.join == nil {
				l.errorf(j.join.Field.pos, s.Name+"."+j.join.Field.Name, "join table %q is also the table of %s", j.Table, prev.Name)
				continue
			}
			byName[j.Table] = j
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
