package models

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/mod/modfile"
	"golang.org/x/tools/go/packages"
)

// GORM migrates the structs a program passes to AutoMigrate (or to
// Migrator().CreateTable), in that order. Real projects make that call in
// one place with a literal list, which a syntax-only scan of the module
// finds without running or type-checking anything. The scan's result
// decides which structs are models, and the order GORM parses them in.

// migrateCall is one AutoMigrate or Migrator().CreateTable call of the
// module's source.
type migrateCall struct {
	pos  token.Pos
	args []migrateArg
	// unread counts the arguments that are not a struct literal, new(T)
	// or a literal list spread with "...": built at run time; unreadPos
	// is the first of them.
	unread    int
	unreadPos token.Pos
}

// joinSetup is one SetupJoinTable(&Model{}, "Field", &Join{}) call: the
// struct that maps the join table of Model.Field.
type joinSetup struct {
	pos         token.Pos
	model, join migrateArg
	field       string
}

// scanned is what the scan of a module's source found.
type scanned struct {
	calls  []*migrateCall
	setups []*joinSetup
}

// migrateArg is one struct type named in a call: its type name and the
// import paths its package may have (the file's imports whose name fits).
type migrateArg struct {
	pos   token.Pos
	paths []string
	name  string
}

// scanFrom is the folder whose source is read for AutoMigrate calls: the
// load's folder, or the nearest folder holding it and every model
// package folder, and never above the module's root.
func scanFrom(dir, root string, patterns []string) string {
	from := dir
	for _, p := range patterns {
		if !strings.HasPrefix(p, ".") {
			continue
		}
		base := filepath.Join(dir, strings.TrimSuffix(p, "/..."))
		for from != root && base != from && !strings.HasPrefix(base, from+string(filepath.Separator)) {
			from = filepath.Dir(from)
		}
	}
	if from != root && !strings.HasPrefix(from, root+string(filepath.Separator)) {
		return root
	}
	return from
}

// moduleRoot returns the folder of the go.mod governing dir and its module
// path; "" when there is none.
func moduleRoot(dir string) (root, module string) {
	for d := dir; ; {
		if data, err := os.ReadFile(filepath.Join(d, "go.mod")); err == nil {
			return d, modfile.ModulePath(data)
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", ""
		}
		d = parent
	}
}

// scanMigrateCalls finds the AutoMigrate calls of the module rooted at
// root, in file path order. Tests, vendor, testdata, hidden folders and
// nested modules are left out, as the go command leaves them out of
// "./...".
// Only the folder from is read, below the module's root: the project the
// config file belongs to, not every service of a repository.
func scanMigrateCalls(fset *token.FileSet, root, module, from string) (*scanned, error) {
	found := &scanned{}
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == from {
				return err
			}
			return nil // an unreadable folder holds no call the go command would build
		}
		name := d.Name()
		if d.IsDir() {
			if p == from {
				return nil
			}
			if name == "vendor" || name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(p, "go.mod")); err == nil {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") || !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil || (!bytes.Contains(data, []byte("AutoMigrate")) && !bytes.Contains(data, []byte("CreateTable")) && !bytes.Contains(data, []byte("SetupJoinTable"))) {
			return nil
		}
		f, err := parser.ParseFile(fset, p, data, parser.SkipObjectResolution)
		if err != nil {
			return nil // the go command reports it when it matters
		}
		rel, _ := filepath.Rel(root, filepath.Dir(p))
		pkgPath := module
		if rel != "." {
			pkgPath = path.Join(module, filepath.ToSlash(rel))
		}
		calls, setups := fileMigrateCalls(f, pkgPath)
		found.calls = append(found.calls, calls...)
		found.setups = append(found.setups, setups...)
		return nil
	})
	return found, err
}

// fileMigrateCalls reads the calls of one file of the package pkgPath.
func fileMigrateCalls(f *ast.File, pkgPath string) ([]*migrateCall, []*joinSetup) {
	imports := map[string][]string{} // name in the file -> import paths
	for _, spec := range f.Imports {
		p, err := strconv.Unquote(spec.Path.Value)
		if err != nil {
			continue
		}
		name := importName(p)
		if spec.Name != nil {
			name = spec.Name.Name
		}
		imports[name] = append(imports[name], p)
	}
	// Lists assigned to a name, for calls that spread them (tables :=
	// []any{&User{}}; db.AutoMigrate(tables...)), each with the function
	// it is assigned in (none at the file's level).
	lists := map[string][]assigned{}
	var paramIdents []*ast.Ident // the parameters of every function of the file
	var scope []ast.Node         // the enclosing functions
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil {
			return true
		}
		for len(scope) > 0 && n.Pos() >= scope[len(scope)-1].End() {
			scope = scope[:len(scope)-1]
		}
		var fn ast.Node
		if len(scope) > 0 {
			fn = scope[len(scope)-1]
		}
		switch n := n.(type) {
		case *ast.FuncDecl:
			scope = append(scope, n)
			paramIdents = appendParams(paramIdents, n.Type)
		case *ast.FuncLit:
			scope = append(scope, n)
			paramIdents = appendParams(paramIdents, n.Type)
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i, lhs := range n.Lhs {
					if id, ok := lhs.(*ast.Ident); ok {
						if cl, ok := n.Rhs[i].(*ast.CompositeLit); ok {
							lists[id.Name] = append(lists[id.Name], assigned{cl, fn})
						}
					}
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i, id := range n.Names {
					if cl, ok := n.Values[i].(*ast.CompositeLit); ok {
						lists[id.Name] = append(lists[id.Name], assigned{cl, fn})
					}
				}
			}
		}
		return true
	})
	r := &argReader{imports: imports, pkgPath: pkgPath, lists: lists, params: map[string]bool{}}
	for _, id := range paramIdents {
		r.params[id.Name] = true
	}
	// Calls inside a loop over a literal list, one element at a time:
	// for _, t := range tables { db.AutoMigrate(&t) }.
	looped := map[*ast.CallExpr]*ast.CompositeLit{}
	ast.Inspect(f, func(n ast.Node) bool {
		rs, ok := n.(*ast.RangeStmt)
		if !ok {
			return true
		}
		v, ok := rs.Value.(*ast.Ident)
		if !ok {
			return true
		}
		list := r.list(rs.X)
		if list == nil {
			return true
		}
		ast.Inspect(rs.Body, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok && isMigrateCall(call) && len(call.Args) == 1 && isVar(call.Args[0], v.Name) {
				looped[call] = list
			}
			return true
		})
		return true
	})
	var (
		calls  []*migrateCall
		setups []*joinSetup
	)
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if js := r.setup(call); js != nil {
			setups = append(setups, js)
			return true
		}
		if !isMigrateCall(call) || len(call.Args) == 0 {
			return true
		}
		if last := call.Args[len(call.Args)-1]; len(call.Args) == 1 && call.Ellipsis.IsValid() && r.isParam(last) {
			// A wrapper passing on its own parameter (func migrate(models
			// ...any) { db.AutoMigrate(models...) }): its callers hold
			// the lists.
			return true
		}
		c := &migrateCall{pos: call.Pos()}
		if list, ok := looped[call]; ok {
			for _, elt := range list.Elts {
				r.arg(c, elt)
			}
			calls = append(calls, c)
			return true
		}
		for i, a := range call.Args {
			if i == len(call.Args)-1 && call.Ellipsis.IsValid() {
				r.spread(c, a)
				continue
			}
			r.arg(c, a)
		}
		calls = append(calls, c)
		return true
	})
	return calls, setups
}

// setup reads x.SetupJoinTable(&Model{}, "Field", &Join{}); nil when call
// is something else or not literal.
func (r *argReader) setup(call *ast.CallExpr) *joinSetup {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "SetupJoinTable" || len(call.Args) != 3 {
		return nil
	}
	lit, ok := call.Args[1].(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return nil
	}
	field, err := strconv.Unquote(lit.Value)
	if err != nil {
		return nil
	}
	c := &migrateCall{}
	r.arg(c, call.Args[0])
	r.arg(c, call.Args[2])
	if c.unread > 0 {
		return nil
	}
	return &joinSetup{pos: call.Pos(), model: c.args[0], join: c.args[1], field: field}
}

// isMigrateCall matches x.AutoMigrate(...) and x.Migrator().CreateTable(...).
func isMigrateCall(call *ast.CallExpr) bool {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	switch sel.Sel.Name {
	case "AutoMigrate":
		return true
	case "CreateTable":
		inner, ok := sel.X.(*ast.CallExpr)
		if !ok {
			return false
		}
		m, ok := inner.Fun.(*ast.SelectorExpr)
		return ok && m.Sel.Name == "Migrator"
	}
	return false
}

// importName is the name a package is most likely declared with: the
// last element of its path, without a major version suffix (/v2) or a
// gopkg.in version (.v3).
func importName(p string) string {
	parts := strings.Split(p, "/")
	name := parts[len(parts)-1]
	if len(parts) > 1 && len(name) > 1 && name[0] == 'v' && strings.Trim(name[1:], "0123456789") == "" {
		name = parts[len(parts)-2]
	}
	if i := strings.Index(name, ".v"); i > 0 {
		name = name[:i]
	}
	return strings.ReplaceAll(name, "-", "_")
}

type argReader struct {
	imports map[string][]string
	pkgPath string
	lists   map[string][]assigned
	params  map[string]bool // names of function parameters in the file
}

// isParam reports whether e is a name that is some function's parameter
// in the file and is never assigned a list there.
func (r *argReader) isParam(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && r.params[id.Name] && r.list(e) == nil
}

func appendParams(out []*ast.Ident, ft *ast.FuncType) []*ast.Ident {
	if ft == nil || ft.Params == nil {
		return out
	}
	for _, f := range ft.Params.List {
		out = append(out, f.Names...)
	}
	return out
}

// assigned is a slice literal assigned to a name, in function fn (nil at
// the file's level).
type assigned struct {
	lit *ast.CompositeLit
	fn  ast.Node
}

// arg reads one argument: &T{}, T{}, new(T) or (*T)(nil).
func (r *argReader) arg(c *migrateCall, e ast.Expr) {
	var t ast.Expr
	switch x := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if cl, ok := x.X.(*ast.CompositeLit); ok && x.Op == token.AND {
			t = cl.Type
		}
	case *ast.CompositeLit:
		t = x.Type
	case *ast.CallExpr:
		if id, ok := x.Fun.(*ast.Ident); ok && id.Name == "new" && len(x.Args) == 1 {
			t = x.Args[0]
		} else if star, ok := ast.Unparen(x.Fun).(*ast.StarExpr); ok && len(x.Args) == 1 {
			if id, ok := x.Args[0].(*ast.Ident); ok && id.Name == "nil" {
				t = star.X
			}
		}
	}
	switch t := t.(type) {
	case *ast.Ident:
		c.args = append(c.args, migrateArg{pos: e.Pos(), paths: []string{r.pkgPath}, name: t.Name})
		return
	case *ast.SelectorExpr:
		if pkg, ok := t.X.(*ast.Ident); ok && len(r.imports[pkg.Name]) > 0 {
			c.args = append(c.args, migrateArg{pos: e.Pos(), paths: r.imports[pkg.Name], name: t.Sel.Name})
			return
		}
	}
	c.unreadAt(e.Pos())
}

func (c *migrateCall) unreadAt(p token.Pos) {
	if c.unread == 0 {
		c.unreadPos = p
	}
	c.unread++
}

// spread reads the argument of a call ending in "...": a slice literal,
// or a name the file assigns exactly one slice literal to.
func (r *argReader) spread(c *migrateCall, e ast.Expr) {
	cl := r.list(e)
	if cl == nil {
		c.unreadAt(e.Pos())
		return
	}
	for _, elt := range cl.Elts {
		r.arg(c, elt)
	}
}

// list returns the slice literal e is, or that the name e is assigned
// once in the file; nil otherwise.
func (r *argReader) list(e ast.Expr) *ast.CompositeLit {
	var cl *ast.CompositeLit
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		cl = x
	case *ast.Ident:
		// The last assignment before the use, in the function of the use
		// or at the file's level.
		var global *ast.CompositeLit
		for _, a := range r.lists[x.Name] {
			switch {
			case a.fn == nil:
				global = a.lit
			case a.fn.Pos() <= x.Pos() && x.Pos() < a.fn.End() && a.lit.Pos() < x.Pos() && (cl == nil || a.lit.Pos() > cl.Pos()):
				cl = a.lit
			}
		}
		if cl == nil {
			cl = global
		}
	}
	if cl == nil {
		return nil
	}
	if _, ok := cl.Type.(*ast.ArrayType); !ok {
		return nil
	}
	return cl
}

// isVar matches the name v or &v.
func isVar(e ast.Expr, v string) bool {
	if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = u.X
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && id.Name == v
}

// readCalls keeps the calls when at least one of them names a struct:
// a module whose only calls pass lists built at run time is read as if
// it had none.
func readCalls(calls []*migrateCall) []*migrateCall {
	for _, c := range calls {
		if len(c.args) > 0 {
			return calls
		}
	}
	return nil
}

// keepUsable drops the packages loaded only because an AutoMigrate call
// names them (not matched by the model patterns) that failed to load: the
// structs they hold then count as unread arguments, and the load goes on.
func keepUsable(pkgs []*packages.Package, extra map[string]bool, dir string, patterns []string) []*packages.Package {
	out := pkgs[:0:0]
	for _, p := range pkgs {
		if len(p.Errors) > 0 && extra[p.PkgPath] && !matchesPatterns(p, dir, patterns) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// matchesPatterns reports whether p is one of the packages patterns
// (relative folders, "..." included, or import paths) name.
func matchesPatterns(p *packages.Package, dir string, patterns []string) bool {
	pdir := ""
	if len(p.GoFiles) > 0 {
		pdir = filepath.Dir(p.GoFiles[0])
	}
	for _, pat := range patterns {
		rec := strings.HasSuffix(pat, "/...")
		base := strings.TrimSuffix(pat, "/...")
		if !strings.HasPrefix(pat, ".") && !filepath.IsAbs(pat) {
			if p.PkgPath == base || (rec && strings.HasPrefix(p.PkgPath, base+"/")) {
				return true
			}
			continue
		}
		if pdir == "" {
			continue
		}
		want := base
		if !filepath.IsAbs(want) {
			want = filepath.Join(dir, base)
		}
		if pdir == want || (rec && strings.HasPrefix(pdir, want+string(filepath.Separator))) {
			return true
		}
	}
	return false
}
