package models

import (
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"
)

// Methods whose results GORM uses (TableName, GormDataType,
// GormDBDataType) are read from their source, never run: retort accepts
// bodies that return a literal (or a constant); GormDBDataType is run by
// the interpreter of dbdatatype.go.

// tableNameOf returns the literal a TableName() string method of *named
// returns. ok is false when there is no such method.
func (l *loader) tableNameOf(named *types.Named) (string, bool) {
	m := lookupMethod(named, "TableName")
	if m == nil {
		return "", false
	}
	sig := m.Type().(*types.Signature)
	name := named.Obj().Name()
	if sig.Results().Len() != 1 || !isString(sig.Results().At(0).Type()) {
		return "", false
	}
	switch sig.Params().Len() {
	case 0:
	case 1:
		l.errorf(m.Pos(), name, "TableName(schema.Namer) cannot be read statically: put //retort:table <name> above the struct to give its table")
		return "", false
	default:
		return "", false
	}
	decl, info := l.funcDecl(m)
	if decl == nil {
		l.errorf(m.Pos(), name, "cannot find the source of %s.TableName", name)
		return "", false
	}
	v, ok := returnedLiteral(decl.Body, info)
	if !ok && info == nil {
		if d, i := l.sourceDecl(m); d != nil {
			v, ok = returnedLiteral(d.Body, i)
		}
	}
	if !ok || v == "" {
		l.errorf(decl.Pos(), name, "TableName must return a string literal for retort to read it: put //retort:table <name> above the struct to give its table")
		return "", false
	}
	return v, true
}

// methodLiteral returns the literal a method of *t without parameters
// returns.
func (l *loader) methodLiteral(t types.Type, method string) (string, bool) {
	m := lookupMethod(t, method)
	if m == nil {
		return "", false
	}
	decl, info := l.funcDecl(m)
	if decl == nil {
		return "", false
	}
	v, ok := returnedLiteral(decl.Body, info)
	if !ok && info == nil {
		// A constant of another package: type-check it from source.
		if decl, info = l.sourceDecl(m); decl != nil {
			v, ok = returnedLiteral(decl.Body, info)
		}
	}
	return v, ok
}

// returnedLiteral returns the value of a body made of one return statement
// of a string literal or constant.
func returnedLiteral(body *ast.BlockStmt, info *types.Info) (string, bool) {
	if body == nil || len(body.List) != 1 {
		return "", false
	}
	ret, ok := body.List[0].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return "", false
	}
	return literal(ret.Results[0], info)
}

func literal(e ast.Expr, info *types.Info) (string, bool) {
	if info != nil {
		if tv, ok := info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
			return constant.StringVal(tv.Value), true
		}
	}
	if p, ok := e.(*ast.ParenExpr); ok {
		return literal(p.X, info)
	}
	if lit, ok := e.(*ast.BasicLit); ok && lit.Kind == token.STRING {
		v, err := strconv.Unquote(lit.Value)
		return v, err == nil
	}
	return "", false
}

// funcDecl finds the declaration of a method: in the loaded packages'
// syntax, or else by parsing the file its position names.
func (l *loader) funcDecl(m *types.Func) (*ast.FuncDecl, *types.Info) {
	if m == nil || !m.Pos().IsValid() {
		return nil, nil
	}
	if m.Pkg() != nil {
		if p := l.byPath[m.Pkg().Path()]; p != nil && p.Types == m.Pkg() {
			for _, f := range p.Syntax {
				if f.Pos() <= m.Pos() && m.Pos() <= f.End() {
					for _, d := range f.Decls {
						if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Pos() == m.Pos() {
							return fd, p.TypesInfo
						}
					}
				}
			}
		}
	}
	position := l.fset.Position(m.Pos())
	f, ok := l.parsed[position.Filename]
	if !ok {
		f, _ = parser.ParseFile(l.fset, position.Filename, nil, parser.SkipObjectResolution)
		l.parsed[position.Filename] = f
	}
	if f == nil {
		return nil, nil
	}
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Recv == nil || fd.Name.Name != m.Name() || recvName(fd) != recvTypeName(m) {
			continue
		}
		return fd, nil
	}
	return nil, nil
}

func recvName(fd *ast.FuncDecl) string {
	if len(fd.Recv.List) == 0 {
		return ""
	}
	t := fd.Recv.List[0].Type
	for {
		switch x := t.(type) {
		case *ast.StarExpr:
			t = x.X
		case *ast.IndexExpr:
			t = x.X
		case *ast.IndexListExpr:
			t = x.X
		case *ast.Ident:
			return x.Name
		default:
			return ""
		}
	}
}

func recvTypeName(m *types.Func) string {
	recv := m.Type().(*types.Signature).Recv()
	if recv == nil {
		return ""
	}
	if n, ok := deref(recv.Type()).(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}

func isString(t types.Type) bool {
	b, ok := t.(*types.Basic)
	return ok && b.Kind() == types.String
}

// valuerResult is the type a driver.Valuer's Value method returns for the
// zero value, which is what GORM looks at (it calls Value on a new value).
// Read statically: when some return statement returns nil, the zero value
// is taken to be that case (GORM then keeps the declared type); otherwise
// the type of the first result of the return statements, when they agree.
// ok is false when it cannot tell.
func (l *loader) valuerResult(t types.Type) (types.Type, bool) {
	m := lookupMethod(t, "Value")
	decl, info := l.funcDecl(m)
	if decl == nil || decl.Body == nil {
		return nil, false
	}
	if info == nil {
		if returnsNil(decl.Body) {
			return nil, false // the declared type, as for sql.NullString
		}
		// Outside the loaded packages: type-check the method's package
		// from source, once, to learn what it returns.
		if decl, info = l.sourceDecl(m); decl == nil || info == nil {
			return nil, false
		}
	}
	var (
		result  types.Type
		sawNil  bool
		unknown bool
	)
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			var rt types.Type
			switch len(n.Results) {
			case 1:
				if tup, ok := info.TypeOf(n.Results[0]).(*types.Tuple); ok && tup.Len() == 2 {
					rt = tup.At(0).Type()
				}
			case 2:
				if tv, ok := info.Types[n.Results[0]]; ok && tv.IsNil() {
					sawNil = true
					return false
				}
				rt = info.TypeOf(n.Results[0])
			}
			if rt == nil {
				unknown = true
				return false
			}
			if _, isIface := rt.Underlying().(*types.Interface); isIface {
				unknown = true
				return false
			}
			if result == nil {
				result = rt
			} else if !types.Identical(result, rt) {
				unknown = true
			}
			return false
		}
		return true
	})
	if sawNil || unknown || result == nil {
		return nil, false
	}
	return result, true
}

// returnsNil reports whether a function body has a return statement whose
// first result is the identifier nil.
func returnsNil(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) > 0 {
				if id, ok := n.Results[0].(*ast.Ident); ok && id.Name == "nil" {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// sourceDecl loads the package of m from source (its dependencies from
// export data) and returns m's declaration with type information. The
// standard library is never loaded this way.
func (l *loader) sourceDecl(m *types.Func) (*ast.FuncDecl, *types.Info) {
	if m == nil || m.Pkg() == nil {
		return nil, nil
	}
	path := m.Pkg().Path()
	if first, _, _ := strings.Cut(path, "/"); !strings.Contains(first, ".") {
		return nil, nil
	}
	p, ok := l.sourcePkgs[path]
	if !ok {
		cfg := &packages.Config{Context: l.ctx, Mode: loadMode, Dir: l.dir, Fset: l.fset, BuildFlags: l.buildFlags}
		if pkgs, err := packages.Load(cfg, path); err == nil && len(pkgs) == 1 && pkgs[0].TypesInfo != nil {
			p = pkgs[0]
		}
		l.sourcePkgs[path] = p
	}
	if p == nil {
		return nil, nil
	}
	recv := recvTypeName(m)
	for _, f := range p.Syntax {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv != nil && fd.Name.Name == m.Name() && recvName(fd) == recv {
				return fd, p.TypesInfo
			}
		}
	}
	return nil, nil
}
