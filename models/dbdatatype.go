package models

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// A GormDBDataType(db *gorm.DB, field *schema.Field) string method is read
// from its source and run by a small interpreter over its syntax, once per
// column and dialect, never compiled or called. It reads what real
// projects write (gorm.io/datatypes' JSON, UUID, Time and the like):
//
//   - return of a string literal, a constant, fmt.Sprintf or + of those;
//   - switch, if / else if / else, and local variables (name := ...);
//   - db.Dialector.Name(), db.Name(), db.Config.Dialector.Name();
//   - field.Size, Precision, Scale (ints), PrimaryKey, AutoIncrement,
//     NotNull, Unique, HasDefaultValue (bools), Name, DBName, DataType,
//     GORMDataType, TagSettings["KEY"] (strings);
//   - comparisons, &&, ||, !, + and - on those, strconv.Itoa,
//     strings.ToLower, strings.ToUpper, fmt.Sprintf and string(...).
//
// Anything else (a call to another function, a loop, a field of the
// receiver) is not read: the method is then taken to return "", as if it
// chose nothing, and the load warns at the method.

// dbTypeMethod is one GormDBDataType method, checked to be readable.
type dbTypeMethod struct {
	name  string // "JSON.GormDBDataType", for messages
	body  *ast.BlockStmt
	info  *types.Info // nil when the file was only parsed
	db    string      // the parameter names
	field string
	pos   token.Pos
	why   string // what retort cannot read; "" when it can
	// tagKeys are the keys the method reads from field.TagSettings: the
	// project's own tag keys, not typos.
	tagKeys map[string]bool
	// warned is set once the load has warned about the method.
	warned bool
}

// dbDataTypeMethod reads the GormDBDataType method of t, once per method.
func (l *loader) dbDataTypeMethod(t types.Type) *dbTypeMethod {
	fn := lookupMethod(t, "GormDBDataType")
	if fn == nil {
		return nil
	}
	if m, ok := l.dbTypes[fn]; ok {
		return m
	}
	if l.dbTypes == nil {
		l.dbTypes = map[*types.Func]*dbTypeMethod{}
	}
	m := &dbTypeMethod{name: recvTypeName(fn) + ".GormDBDataType", pos: fn.Pos()}
	l.dbTypes[fn] = m
	decl, info := l.funcDecl(fn)
	if decl == nil || decl.Body == nil {
		m.why = "its source cannot be found"
		return m
	}
	m.setDecl(decl, info)
	if m.why != "" && info == nil {
		// Constants of other packages need types: type-check the
		// method's package from source.
		if d, i := l.sourceDecl(fn); d != nil && i != nil {
			m.why = ""
			m.setDecl(d, i)
		}
	}
	return m
}

func (m *dbTypeMethod) setDecl(decl *ast.FuncDecl, info *types.Info) {
	m.body, m.info = decl.Body, info
	params := decl.Type.Params.List
	var names []string
	for _, p := range params {
		if len(p.Names) == 0 {
			names = append(names, "")
		}
		for _, n := range p.Names {
			names = append(names, n.Name)
		}
	}
	if len(names) == 2 {
		m.db, m.field = names[0], names[1]
	}
	if m.db == "_" {
		m.db = ""
	}
	if m.field == "_" {
		m.field = ""
	}
	scope := map[string]bool{}
	if err := m.checkStmts(decl.Body.List, scope); err != nil {
		m.why = err.Error()
	}
}

// unreadable is what checking a method body found retort cannot read.
type unreadable struct {
	pos  token.Pos
	what string
}

func (u *unreadable) Error() string { return u.what }

func cannot(n ast.Node, format string, args ...any) error {
	return &unreadable{pos: n.Pos(), what: fmt.Sprintf(format, args...)}
}

// checkStmts reports the first statement eval could not run. scope holds
// the local variables declared so far.
func (m *dbTypeMethod) checkStmts(list []ast.Stmt, scope map[string]bool) error {
	for _, s := range list {
		if err := m.checkStmt(s, scope); err != nil {
			return err
		}
	}
	return nil
}

func (m *dbTypeMethod) checkStmt(s ast.Stmt, scope map[string]bool) error {
	switch s := s.(type) {
	case *ast.ReturnStmt:
		if len(s.Results) != 1 {
			return cannot(s, "a return of %d values", len(s.Results))
		}
		return m.checkExpr(s.Results[0], scope)
	case *ast.BlockStmt:
		return m.checkStmts(s.List, copyScope(scope))
	case *ast.EmptyStmt:
		return nil
	case *ast.AssignStmt:
		if len(s.Lhs) != len(s.Rhs) || (s.Tok != token.DEFINE && s.Tok != token.ASSIGN) {
			return cannot(s, "an assignment other than name := value")
		}
		for _, r := range s.Rhs {
			if err := m.checkExpr(r, scope); err != nil {
				return err
			}
		}
		for _, lhs := range s.Lhs {
			id, ok := lhs.(*ast.Ident)
			if !ok || (s.Tok == token.ASSIGN && !scope[id.Name] && id.Name != "_") {
				return cannot(lhs, "an assignment to something other than a local variable")
			}
			scope[id.Name] = true
		}
		return nil
	case *ast.DeclStmt:
		gd, ok := s.Decl.(*ast.GenDecl)
		if !ok || (gd.Tok != token.VAR && gd.Tok != token.CONST) {
			return cannot(s, "a declaration other than var or const")
		}
		for _, sp := range gd.Specs {
			vs := sp.(*ast.ValueSpec)
			if len(vs.Values) != len(vs.Names) {
				return cannot(vs, "a variable without a value")
			}
			for _, v := range vs.Values {
				if err := m.checkExpr(v, scope); err != nil {
					return err
				}
			}
			for _, n := range vs.Names {
				scope[n.Name] = true
			}
		}
		return nil
	case *ast.IfStmt:
		inner := copyScope(scope)
		if s.Init != nil {
			if err := m.checkStmt(s.Init, inner); err != nil {
				return err
			}
		}
		if err := m.checkExpr(s.Cond, inner); err != nil {
			return err
		}
		if err := m.checkStmts(s.Body.List, copyScope(inner)); err != nil {
			return err
		}
		if s.Else != nil {
			return m.checkStmt(s.Else, inner)
		}
		return nil
	case *ast.SwitchStmt:
		inner := copyScope(scope)
		if s.Init != nil {
			if err := m.checkStmt(s.Init, inner); err != nil {
				return err
			}
		}
		if s.Tag != nil {
			if err := m.checkExpr(s.Tag, inner); err != nil {
				return err
			}
		}
		for _, c := range s.Body.List {
			cc := c.(*ast.CaseClause)
			for _, e := range cc.List {
				if err := m.checkExpr(e, inner); err != nil {
					return err
				}
			}
			if err := m.checkStmts(cc.Body, copyScope(inner)); err != nil {
				return err
			}
		}
		return nil
	case *ast.BranchStmt:
		if s.Tok == token.BREAK && s.Label == nil {
			return nil // leaves the switch
		}
		return cannot(s, "%s", s.Tok)
	}
	return cannot(s, "a %s", stmtKind(s))
}

func stmtKind(s ast.Stmt) string {
	switch s.(type) {
	case *ast.ForStmt, *ast.RangeStmt:
		return "loop"
	case *ast.TypeSwitchStmt:
		return "type switch"
	case *ast.ExprStmt:
		return "call whose result is dropped"
	case *ast.DeferStmt:
		return "defer"
	case *ast.GoStmt:
		return "go statement"
	}
	return fmt.Sprintf("%T statement", s)
}

func copyScope(s map[string]bool) map[string]bool {
	out := make(map[string]bool, len(s))
	for k, v := range s {
		out[k] = v
	}
	return out
}

// fieldInts, fieldBools and fieldStrings are the schema.Field fields eval
// reads, by type.
var (
	fieldInts    = map[string]bool{"Size": true, "Precision": true, "Scale": true}
	fieldBools   = map[string]bool{"PrimaryKey": true, "AutoIncrement": true, "NotNull": true, "Unique": true, "HasDefaultValue": true}
	fieldStrings = map[string]bool{"Name": true, "DBName": true, "DataType": true, "GORMDataType": true}
)

func (m *dbTypeMethod) checkExpr(e ast.Expr, scope map[string]bool) error {
	if m.constant(e) != nil {
		return nil
	}
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind == token.STRING || e.Kind == token.INT {
			return nil
		}
	case *ast.Ident:
		if scope[e.Name] || e.Name == "true" || e.Name == "false" {
			return nil
		}
		return cannot(e, "the name %s", e.Name)
	case *ast.ParenExpr:
		return m.checkExpr(e.X, scope)
	case *ast.UnaryExpr:
		if e.Op == token.NOT || e.Op == token.SUB {
			return m.checkExpr(e.X, scope)
		}
	case *ast.BinaryExpr:
		switch e.Op {
		case token.ADD, token.SUB, token.MUL, token.EQL, token.NEQ, token.LSS, token.LEQ,
			token.GTR, token.GEQ, token.LAND, token.LOR:
			if err := m.checkExpr(e.X, scope); err != nil {
				return err
			}
			return m.checkExpr(e.Y, scope)
		}
	case *ast.SelectorExpr:
		if m.isParam(e.X, m.field) {
			n := e.Sel.Name
			if fieldInts[n] || fieldBools[n] || fieldStrings[n] {
				return nil
			}
			return cannot(e, "field.%s", n)
		}
	case *ast.IndexExpr:
		if sel, ok := e.X.(*ast.SelectorExpr); ok && sel.Sel.Name == "TagSettings" && m.isParam(sel.X, m.field) {
			if k, ok := literal(e.Index, m.info); ok {
				if m.tagKeys == nil {
					m.tagKeys = map[string]bool{}
				}
				m.tagKeys[k] = true
			}
			return m.checkExpr(e.Index, scope)
		}
	case *ast.CallExpr:
		if m.isDialectorName(e) {
			return nil
		}
		if fn := m.helper(e); fn != "" {
			for _, a := range e.Args {
				if err := m.checkExpr(a, scope); err != nil {
					return err
				}
			}
			if fn == "fmt.Sprintf" && (len(e.Args) == 0 || m.constant(e.Args[0]) == nil && !isStringLit(e.Args[0])) {
				return cannot(e, "fmt.Sprintf with a format that is not a constant")
			}
			return nil
		}
		return cannot(e, "a call of %s", exprString(e.Fun))
	}
	return cannot(e, "the expression %s", exprString(e))
}

func isStringLit(e ast.Expr) bool {
	lit, ok := e.(*ast.BasicLit)
	return ok && lit.Kind == token.STRING
}

func exprString(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return exprString(e.X) + "." + e.Sel.Name
	case *ast.CallExpr:
		return exprString(e.Fun) + "(...)"
	case *ast.StarExpr:
		return "*" + exprString(e.X)
	case *ast.IndexExpr:
		return exprString(e.X) + "[...]"
	}
	return fmt.Sprintf("%T", e)
}

// constant returns the value of a constant expression as the type
// checker saw it; nil without types or for a non-constant.
func (m *dbTypeMethod) constant(e ast.Expr) constant.Value {
	if m.info == nil {
		return nil
	}
	if tv, ok := m.info.Types[e]; ok && tv.Value != nil {
		return tv.Value
	}
	return nil
}

// isParam reports whether e is the parameter named name.
func (m *dbTypeMethod) isParam(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && name != "" && id.Name == name
}

// isDialectorName matches db.Dialector.Name(), db.Name() and
// db.Config.Dialector.Name(): what the dialector calls itself.
func (m *dbTypeMethod) isDialectorName(call *ast.CallExpr) bool {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Name" || len(call.Args) != 0 {
		return false
	}
	x := sel.X
	if s, ok := x.(*ast.SelectorExpr); ok && s.Sel.Name == "Dialector" {
		x = s.X
		if s, ok := x.(*ast.SelectorExpr); ok && s.Sel.Name == "Config" {
			x = s.X
		}
	}
	return m.isParam(x, m.db)
}

// helper names the standard library function a call makes, when eval
// knows it: fmt.Sprintf, strconv.Itoa, strings.ToLower, strings.ToUpper,
// or the conversion string(x).
func (m *dbTypeMethod) helper(call *ast.CallExpr) string {
	switch fun := call.Fun.(type) {
	case *ast.Ident:
		if fun.Name == "string" && len(call.Args) == 1 {
			return "string"
		}
	case *ast.SelectorExpr:
		pkg, ok := fun.X.(*ast.Ident)
		if !ok {
			return ""
		}
		path := pkg.Name
		if m.info != nil {
			pn, ok := m.info.Uses[pkg].(*types.PkgName)
			if !ok {
				return ""
			}
			path = pn.Imported().Path()
		}
		name := path + "." + fun.Sel.Name
		switch name {
		case "fmt.Sprintf":
			return name
		case "strconv.Itoa", "strings.ToLower", "strings.ToUpper":
			if len(call.Args) == 1 {
				return name
			}
		}
	}
	return ""
}

// eval runs the method for a column f on the dialector called dialector;
// ok is false when the run meets something it cannot do (values of
// mismatched types), in which case the method is taken to return "".
func (m *dbTypeMethod) eval(dialector string, f *gfield) (string, bool) {
	if m.why != "" {
		return "", false
	}
	r := &dbRun{m: m, dialector: dialector, f: f, vars: map[string]any{}}
	v, done, err := r.stmts(m.body.List)
	if err != nil || !done {
		return "", false
	}
	s, ok := v.(string)
	return s, ok
}

// dbRun is one run of a method.
type dbRun struct {
	m         *dbTypeMethod
	dialector string
	f         *gfield
	vars      map[string]any
}

// errBreak leaves the innermost switch.
var errBreak = fmt.Errorf("break")

// stmts runs a statement list: done reports a return, with its value.
func (r *dbRun) stmts(list []ast.Stmt) (any, bool, error) {
	for _, s := range list {
		v, done, err := r.stmt(s)
		if err != nil || done {
			return v, done, err
		}
	}
	return nil, false, nil
}

func (r *dbRun) stmt(s ast.Stmt) (any, bool, error) {
	switch s := s.(type) {
	case *ast.ReturnStmt:
		v, err := r.expr(s.Results[0])
		return v, err == nil, err
	case *ast.BlockStmt:
		return r.stmts(s.List)
	case *ast.EmptyStmt:
		return nil, false, nil
	case *ast.AssignStmt:
		vals := make([]any, len(s.Rhs))
		for i, e := range s.Rhs {
			v, err := r.expr(e)
			if err != nil {
				return nil, false, err
			}
			vals[i] = v
		}
		for i, lhs := range s.Lhs {
			r.vars[lhs.(*ast.Ident).Name] = vals[i]
		}
		return nil, false, nil
	case *ast.DeclStmt:
		for _, sp := range s.Decl.(*ast.GenDecl).Specs {
			vs := sp.(*ast.ValueSpec)
			for i, n := range vs.Names {
				v, err := r.expr(vs.Values[i])
				if err != nil {
					return nil, false, err
				}
				r.vars[n.Name] = v
			}
		}
		return nil, false, nil
	case *ast.IfStmt:
		if s.Init != nil {
			if _, _, err := r.stmt(s.Init); err != nil {
				return nil, false, err
			}
		}
		c, err := r.expr(s.Cond)
		if err != nil {
			return nil, false, err
		}
		b, ok := c.(bool)
		if !ok {
			return nil, false, fmt.Errorf("condition is not a bool")
		}
		if b {
			return r.stmts(s.Body.List)
		}
		if s.Else != nil {
			return r.stmt(s.Else)
		}
		return nil, false, nil
	case *ast.SwitchStmt:
		v, done, err := r.switchStmt(s)
		if err == errBreak {
			err = nil
		}
		return v, done, err
	case *ast.BranchStmt:
		return nil, false, errBreak
	}
	return nil, false, fmt.Errorf("cannot run %T", s)
}

func (r *dbRun) switchStmt(s *ast.SwitchStmt) (any, bool, error) {
	if s.Init != nil {
		if _, _, err := r.stmt(s.Init); err != nil {
			return nil, false, err
		}
	}
	var tag any = true
	if s.Tag != nil {
		v, err := r.expr(s.Tag)
		if err != nil {
			return nil, false, err
		}
		tag = v
	}
	var def *ast.CaseClause
	for _, c := range s.Body.List {
		cc := c.(*ast.CaseClause)
		if cc.List == nil {
			def = cc
			continue
		}
		for _, e := range cc.List {
			v, err := r.expr(e)
			if err != nil {
				return nil, false, err
			}
			if v == tag {
				return r.stmts(cc.Body)
			}
		}
	}
	if def != nil {
		return r.stmts(def.Body)
	}
	return nil, false, nil
}

// expr evaluates an expression to a string, an int64 or a bool.
func (r *dbRun) expr(e ast.Expr) (any, error) {
	if c := r.m.constant(e); c != nil {
		switch c.Kind() {
		case constant.String:
			return constant.StringVal(c), nil
		case constant.Bool:
			return constant.BoolVal(c), nil
		case constant.Int:
			if n, ok := constant.Int64Val(c); ok {
				return n, nil
			}
		}
		return nil, fmt.Errorf("constant of kind %s", c.Kind())
	}
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind == token.STRING {
			return strconv.Unquote(e.Value)
		}
		return strconv.ParseInt(e.Value, 0, 64)
	case *ast.Ident:
		if v, ok := r.vars[e.Name]; ok {
			return v, nil
		}
		switch e.Name {
		case "true":
			return true, nil
		case "false":
			return false, nil
		}
		return nil, fmt.Errorf("unknown name %s", e.Name)
	case *ast.ParenExpr:
		return r.expr(e.X)
	case *ast.UnaryExpr:
		v, err := r.expr(e.X)
		if err != nil {
			return nil, err
		}
		switch x := v.(type) {
		case bool:
			if e.Op == token.NOT {
				return !x, nil
			}
		case int64:
			if e.Op == token.SUB {
				return -x, nil
			}
		}
		return nil, fmt.Errorf("bad operand of %s", e.Op)
	case *ast.BinaryExpr:
		return r.binary(e)
	case *ast.SelectorExpr:
		return r.fieldValue(e.Sel.Name)
	case *ast.IndexExpr:
		k, err := r.expr(e.Index)
		if err != nil {
			return nil, err
		}
		key, ok := k.(string)
		if !ok {
			return nil, fmt.Errorf("TagSettings key is not a string")
		}
		return r.f.Settings[key], nil
	case *ast.CallExpr:
		if r.m.isDialectorName(e) {
			return r.dialector, nil
		}
		return r.call(e)
	}
	return nil, fmt.Errorf("cannot evaluate %T", e)
}

// fieldValue is a field of GORM's schema.Field for the column, as GORM
// has it when the migrator asks for the type.
func (r *dbRun) fieldValue(name string) (any, error) {
	f := r.f
	switch name {
	case "Size":
		return int64(f.Size), nil
	case "Precision":
		return int64(f.Precision), nil
	case "Scale":
		return int64(f.Scale), nil
	case "PrimaryKey":
		return f.PrimaryKey, nil
	case "AutoIncrement":
		return f.AutoIncrement, nil
	case "NotNull":
		return f.NotNull, nil
	case "Unique":
		return f.Unique, nil
	case "HasDefaultValue":
		return f.HasDefault, nil
	case "Name":
		return f.Name, nil
	case "DBName":
		return f.DBName, nil
	case "DataType":
		return f.DataType, nil
	case "GORMDataType":
		return f.GORMDataType, nil
	}
	return nil, fmt.Errorf("field.%s", name)
}

func (r *dbRun) binary(e *ast.BinaryExpr) (any, error) {
	x, err := r.expr(e.X)
	if err != nil {
		return nil, err
	}
	if e.Op == token.LAND || e.Op == token.LOR {
		b, ok := x.(bool)
		if !ok {
			return nil, fmt.Errorf("%s of a non-bool", e.Op)
		}
		if (e.Op == token.LAND && !b) || (e.Op == token.LOR && b) {
			return b, nil
		}
		y, err := r.expr(e.Y)
		if err != nil {
			return nil, err
		}
		if _, ok := y.(bool); !ok {
			return nil, fmt.Errorf("%s of a non-bool", e.Op)
		}
		return y, nil
	}
	y, err := r.expr(e.Y)
	if err != nil {
		return nil, err
	}
	switch e.Op {
	case token.EQL:
		return x == y, sameKind(x, y)
	case token.NEQ:
		return x != y, sameKind(x, y)
	}
	switch a := x.(type) {
	case string:
		b, ok := y.(string)
		if !ok {
			break
		}
		switch e.Op {
		case token.ADD:
			return a + b, nil
		case token.LSS:
			return a < b, nil
		case token.LEQ:
			return a <= b, nil
		case token.GTR:
			return a > b, nil
		case token.GEQ:
			return a >= b, nil
		}
	case int64:
		b, ok := y.(int64)
		if !ok {
			break
		}
		switch e.Op {
		case token.ADD:
			return a + b, nil
		case token.SUB:
			return a - b, nil
		case token.MUL:
			return a * b, nil
		case token.LSS:
			return a < b, nil
		case token.LEQ:
			return a <= b, nil
		case token.GTR:
			return a > b, nil
		case token.GEQ:
			return a >= b, nil
		}
	}
	return nil, fmt.Errorf("cannot apply %s to %T and %T", e.Op, x, y)
}

func sameKind(x, y any) error {
	if fmt.Sprintf("%T", x) != fmt.Sprintf("%T", y) {
		return fmt.Errorf("comparing %T with %T", x, y)
	}
	return nil
}

func (r *dbRun) call(e *ast.CallExpr) (any, error) {
	args := make([]any, len(e.Args))
	for i, a := range e.Args {
		v, err := r.expr(a)
		if err != nil {
			return nil, err
		}
		args[i] = v
	}
	switch r.m.helper(e) {
	case "string":
		if s, ok := args[0].(string); ok {
			return s, nil
		}
	case "strconv.Itoa":
		if n, ok := args[0].(int64); ok {
			return strconv.FormatInt(n, 10), nil
		}
	case "strings.ToLower":
		if s, ok := args[0].(string); ok {
			return strings.ToLower(s), nil
		}
	case "strings.ToUpper":
		if s, ok := args[0].(string); ok {
			return strings.ToUpper(s), nil
		}
	case "fmt.Sprintf":
		format, ok := args[0].(string)
		if !ok {
			break
		}
		return fmt.Sprintf(format, args[1:]...), nil
	}
	return nil, fmt.Errorf("cannot call %s", exprString(e.Fun))
}
