package models

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"reflect"
	"sort"
	"strings"

	"golang.org/x/tools/go/packages"
)

// Which structs are models: GORM's answer is the ones the program passes
// to AutoMigrate, in that order. retort takes, in this order of
// preference: the list in LoadOptions.Models ([models] structs); the
// literal lists of the module's AutoMigrate calls; the structs that look
// like models (they embed gorm.Model, tag a field, embed a base struct
// shared by several structs that does, or carry //retort:model). A
// struct of the model packages that is not a model but whose table name
// is a table of the database is reported as a Lookalike, so that the
// table is never proposed for dropping on a guess.

// Source values: how the models were chosen.
const (
	SourceListed     = "listed"      // LoadOptions.Models
	SourceMigrate    = "automigrate" // the module's AutoMigrate calls
	SourceHeuristics = "tags"        // gorm.Model, gorm tags, //retort:model
)

// A Lookalike is a struct of the model packages that retort did not take
// as a model although GORM's naming gives it the name of a table.
type Lookalike struct {
	Struct string // package.Type
	Pos    Pos
	Why    string // why it is not a model, e.g. "not passed to AutoMigrate (init/db.go:12:2)"
}

func (k Lookalike) String() string {
	return fmt.Sprintf("%s (%s) is not a model: %s", k.Struct, k.Pos, k.Why)
}

type modelDecl struct {
	named       *types.Named
	pkg         *packages.Package
	pos         token.Pos
	marked      bool   // //retort:model
	ignored     bool   // //retort:ignore
	renamedFrom string // //retort:renamed_from
	guessed     bool   // taken by the rules beside an AutoMigrate list retort cannot read
}

func (d *modelDecl) st() *types.Struct { return d.named.Underlying().(*types.Struct) }

func (d *modelDecl) qualified() string { return d.pkg.Name + "." + d.named.Obj().Name() }

// structDecls lists the top-level, non-generic struct types of the loaded
// packages with what their doc comments say, in package and file order.
func (l *loader) structDecls() []*modelDecl {
	var all []*modelDecl
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
					if named == nil {
						continue
					}
					if _, ok := named.Underlying().(*types.Struct); !ok {
						continue
					}
					doc := ts.Doc
					if doc == nil && len(gd.Specs) == 1 {
						doc = gd.Doc
					}
					all = append(all, l.readDoc(&modelDecl{named: named, pkg: p, pos: ts.Name.Pos()}, doc))
				}
			}
		}
	}
	return all
}

// readDoc reads the //retort: lines of a struct's doc comment.
func (l *loader) readDoc(d *modelDecl, doc *ast.CommentGroup) *modelDecl {
	if doc == nil {
		return d
	}
	for _, c := range doc.List {
		text := strings.TrimSpace(strings.TrimPrefix(c.Text, "//"))
		switch {
		case text == "retort:model":
			d.marked = true
		case text == "retort:ignore":
			d.ignored = true
		case strings.HasPrefix(text, "retort:table"):
			name := strings.TrimSpace(strings.TrimPrefix(text, "retort:table"))
			if name == "" {
				l.errorf(c.Pos(), d.named.Obj().Name(), "retort:table needs the table's name")
				continue
			}
			l.tableNames[d.named] = name
		case strings.HasPrefix(text, "retort:renamed_from"):
			d.renamedFrom = strings.TrimSpace(strings.TrimPrefix(text, "retort:renamed_from"))
			if d.renamedFrom == "" {
				l.errorf(c.Pos(), d.named.Obj().Name(), "retort:renamed_from needs the old table name")
			}
		}
	}
	return d
}

// findModels decides which structs are models, in the order GORM would
// parse them, and records the lookalikes.
func (l *loader) findModels() []*modelDecl {
	all := l.structDecls()
	byNamed := make(map[*types.Named]*modelDecl, len(all))
	for _, d := range all {
		byNamed[d.named] = d
	}
	guessed, whyNot := l.guessModels(all)
	var (
		models []*modelDecl
		reason func(d *modelDecl) string
	)
	migrated, partial := l.migratedModels(byNamed)
	switch {
	case len(l.listed) > 0:
		l.source = SourceListed
		models = l.listedModels(byNamed)
		reason = func(*modelDecl) string { return "not listed in [models] structs" }
	case len(migrated) > 0:
		l.source = SourceMigrate
		models = migrated
		taken := map[*modelDecl]bool{}
		for _, d := range models {
			taken[d] = true
		}
		// A call whose list is built at run time may migrate any of the
		// structs that look like models: keep them too, after the listed
		// ones, unless a listed model has their table (a view or DTO). A
		// struct marked //retort:model is a model in any case.
		tables := map[string]bool{}
		for _, d := range models {
			if t, ok := l.quietTableName(d.named); ok {
				tables[t] = true
			}
		}
		for _, d := range guessed {
			if taken[d] || !(partial || d.marked) {
				continue
			}
			if t, ok := l.quietTableName(d.named); ok && tables[t] && !d.marked {
				continue
			}
			d.guessed = !d.marked
			models = append(models, d)
			taken[d] = true
		}
		if partial {
			for _, c := range l.calls {
				if c.unread > 0 {
					l.warnf(c.unreadPos, "", "retort cannot read what this AutoMigrate call migrates (a list built at run time): "+
						"the structs that look like models are taken too, besides the ones the calls name; [models] structs in retort.toml says the list exactly")
				}
			}
		}
		first := l.pos(l.calls[0].pos)
		reason = func(d *modelDecl) string {
			if w := whyNot[d]; w != "" && !partial {
				return "not passed to AutoMigrate (" + first.String() + ") and " + w
			}
			return "not passed to AutoMigrate (" + first.String() + ")"
		}
	default:
		l.source = SourceHeuristics
		models = guessed
		reason = func(d *modelDecl) string { return whyNot[d] }
	}
	modelTables := map[string]bool{}
	isModel := map[*modelDecl]bool{}
	for _, d := range models {
		isModel[d] = true
	}
	for _, d := range models {
		if t, ok := l.quietTableName(d.named); ok {
			modelTables[t] = true
		}
	}
	for _, d := range all {
		if isModel[d] || d.ignored {
			continue
		}
		t, ok := l.quietTableName(d.named)
		if !ok || modelTables[t] {
			continue
		}
		why := reason(d)
		if why == "" {
			why = "it does not look like one"
		}
		l.lookalikes[t] = append(l.lookalikes[t], Lookalike{Struct: d.qualified(), Pos: l.pos(d.pos), Why: why})
	}
	return models
}

// quietTableName is the table GORM gives named, with no error recorded
// for a TableName method retort cannot read (the struct may not be a
// model at all).
func (l *loader) quietTableName(named *types.Named) (string, bool) {
	if t, ok := l.tableNames[named]; ok {
		return t, true
	}
	n := len(l.errs)
	t, ok := l.tableNameOf(named)
	l.errs = l.errs[:n]
	if ok {
		return t, true
	}
	if lookupMethod(named, "TableName") != nil {
		return "", false
	}
	return l.naming.table(named.Obj().Name()), true
}

// guessModels applies the rules used when the module has no AutoMigrate
// call retort can read: a struct is a model when it embeds gorm.Model,
// tags one of its own fields with something other than "-", embeds a base
// struct that two or more structs share and that does, or is marked
// //retort:model. A struct only ever embedded in others is their columns,
// and a column type (a driver.Valuer) is not a table. whyNot says, for
// the others, why not.
func (l *loader) guessModels(all []*modelDecl) (models []*modelDecl, whyNot map[*modelDecl]string) {
	whyNot = map[*modelDecl]string{}
	// How many structs embed each struct: a base embedded by several is a
	// set of columns whose tags make its embedders models.
	embedders := map[*types.Named]map[*types.Named]bool{}
	for _, d := range all {
		st := d.st()
		for i := 0; i < st.NumFields(); i++ {
			if n := embeddedStruct(st, i); n != nil {
				if embedders[n] == nil {
					embedders[n] = map[*types.Named]bool{}
				}
				embedders[n][d.named] = true
			}
		}
	}
	var looks func(st *types.Struct, depth int) bool
	looks = func(st *types.Struct, depth int) bool {
		if embedsGormModel(st) || hasModelTag(st) {
			return true
		}
		if depth > 4 {
			return false
		}
		for i := 0; i < st.NumFields(); i++ {
			n := embeddedStruct(st, i)
			if n == nil {
				continue
			}
			if est := n.Underlying().(*types.Struct); (len(embedders[n]) > 1 || baseLike(est, 0)) && looks(est, depth+1) {
				return true
			}
		}
		return false
	}
	candidates := map[*modelDecl]bool{}
	embeddedOnly := map[*types.Named]bool{}
	for _, d := range all {
		if d.ignored {
			continue
		}
		if !d.marked && !looks(d.st(), 0) {
			whyNot[d] = "it has no gorm tag, gorm.Model or //retort:model"
			continue
		}
		candidates[d] = true
		st := d.st()
		for i := 0; i < st.NumFields(); i++ {
			if n := embeddedStruct(st, i); n != nil {
				embeddedOnly[n] = true
			}
		}
	}
	for _, d := range all {
		if !candidates[d] {
			continue
		}
		switch {
		case embeddedOnly[d.named] && !d.marked:
			// A struct only ever embedded in other models is a set of
			// columns, not a table, unless it says otherwise.
			var names []string
			for n := range embedders[d.named] {
				names = append(names, n.Obj().Name())
			}
			sort.Strings(names)
			whyNot[d] = "it is embedded in " + strings.Join(names, ", ") + ", which are taken as models (a view or DTO of this table?)"
		case isValuer(d.named) && !d.marked:
			whyNot[d] = "it is a column type (it implements driver.Valuer)"
		default:
			models = append(models, d)
		}
	}
	return models, whyNot
}

// baseLike reports whether st holds only what a project's base model
// holds: an ID or other primary key, and Created*/Updated*/Deleted*
// fields (times, soft delete, who did it), directly or through what it
// embeds. A struct embedding one is a model by the base's tags; a struct
// embedding anything else with tags may be a view or DTO of its table.
func baseLike(st *types.Struct, depth int) bool {
	if st.NumFields() == 0 || depth > 4 {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if n := embeddedStruct(st, i); n != nil {
			if isNamed(n, "gorm.io/gorm", "Model") || baseLike(n.Underlying().(*types.Struct), depth+1) {
				continue
			}
			return false
		}
		name := f.Name()
		settings := parseTagSetting(reflect.StructTag(st.Tag(i)).Get("gorm"), ";")
		_, pk := settings["PRIMARYKEY"]
		if _, ok := settings["PRIMARY_KEY"]; ok {
			pk = true
		}
		if pk || name == "ID" || strings.HasPrefix(name, "Created") || strings.HasPrefix(name, "Updated") || strings.HasPrefix(name, "Deleted") {
			continue
		}
		return false
	}
	return true
}

// embeddedStruct returns the named struct that field i of st embeds
// (anonymously or with gorm's embedded tag), or nil.
func embeddedStruct(st *types.Struct, i int) *types.Named {
	fv := st.Field(i)
	tag := reflect.StructTag(st.Tag(i))
	settings := parseTagSetting(mergeTags(tag.Get("gorm"), tag.Get("retort")), ";")
	if _, ok := settings["EMBEDDED"]; !ok && !fv.Anonymous() {
		return nil
	}
	if _, ok := settings["-"]; ok {
		return nil
	}
	n, ok := types.Unalias(deref(fv.Type())).(*types.Named)
	if !ok || !isStruct(n) || isTime(n) {
		return nil
	}
	return n
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

// hasModelTag reports whether a field of st has a gorm or retort tag that
// says more than "-" (a struct that only hides fields from GORM is not
// thereby a model).
func hasModelTag(st *types.Struct) bool {
	for i := 0; i < st.NumFields(); i++ {
		tag := reflect.StructTag(st.Tag(i))
		for _, key := range []string{"gorm", "retort"} {
			if v, ok := tag.Lookup(key); ok && !ignoreOnly(v) {
				return true
			}
		}
	}
	return false
}

// ignoreOnly matches tags that only keep a field from GORM: "-",
// "-:all", "-:migration".
func ignoreOnly(tag string) bool {
	switch strings.ToLower(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(tag), ";"))) {
	case "-", "-:all", "-:migration":
		return true
	}
	return false
}

// migratedModels resolves the arguments of the module's AutoMigrate calls
// to struct declarations, in call order, each once. partial is true when
// some argument could not be read.
func (l *loader) migratedModels(byNamed map[*types.Named]*modelDecl) (models []*modelDecl, partial bool) {
	seen := map[*types.Named]bool{}
	for _, c := range l.calls {
		partial = partial || c.unread > 0
		for _, a := range c.args {
			named := l.lookupType(a.paths, a.name)
			if named == nil {
				partial = true
				continue
			}
			if seen[named] {
				continue
			}
			seen[named] = true
			d := byNamed[named]
			if d == nil || d.ignored {
				continue
			}
			models = append(models, d)
		}
	}
	return models, partial
}

// lookupType finds the struct type name in the first loaded package of
// paths that declares it.
func (l *loader) lookupType(paths []string, name string) *types.Named {
	for _, p := range paths {
		pkg := l.byPath[p]
		if pkg == nil || pkg.Types == nil {
			continue
		}
		if obj, ok := pkg.Types.Scope().Lookup(name).(*types.TypeName); ok {
			if n, ok := obj.Type().(*types.Named); ok && isStruct(n) {
				return n
			}
		}
	}
	return nil
}

// listedModels resolves LoadOptions.Models, in order; an entry that names
// no struct is an error.
func (l *loader) listedModels(byNamed map[*types.Named]*modelDecl) []*modelDecl {
	var models []*modelDecl
	seen := map[*types.Named]bool{}
	for _, entry := range l.listed {
		pkgPart, name := splitListed(entry)
		var named *types.Named
		for _, p := range l.pkgs {
			if l.pkgMatches(p, pkgPart) {
				if named = l.lookupType([]string{p.PkgPath}, name); named != nil {
					break
				}
			}
		}
		if named == nil {
			l.errs = append(l.errs, &PosError{Err: fmt.Errorf("[models] structs: %q names no struct type of the loaded packages", entry)})
			continue
		}
		if !seen[named] {
			seen[named] = true
			models = append(models, byNamed[named])
		}
	}
	return models
}

// splitListed splits "./models.User" or "example.com/app/models.User"
// into the package and the type.
func splitListed(entry string) (pkg, name string) {
	slash := strings.LastIndex(entry, "/")
	dot := strings.LastIndex(entry, ".")
	if dot <= slash || dot == len(entry)-1 {
		return entry, ""
	}
	return entry[:dot], entry[dot+1:]
}

// pkgMatches reports whether p is the package pattern names: an import
// path, or a folder relative to the load's folder.
func (l *loader) pkgMatches(p *packages.Package, pattern string) bool {
	if p.PkgPath == pattern {
		return true
	}
	if !strings.HasPrefix(pattern, ".") || len(p.GoFiles) == 0 {
		return false
	}
	return filepath.Dir(p.GoFiles[0]) == filepath.Join(l.dir, pattern)
}
