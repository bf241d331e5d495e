package models

import (
	"fmt"
	"go/token"
	"go/types"
	"reflect"
	"strconv"
	"strings"
)

// GORM's data types (gorm.io/gorm/schema.DataType).
const (
	dtBool   = "bool"
	dtInt    = "int"
	dtUint   = "uint"
	dtFloat  = "float"
	dtString = "string"
	dtTime   = "time"
	dtBytes  = "bytes"
)

// gschema mirrors gorm's schema.Schema for one struct: its fields, keys and
// relations, before any dialect is chosen.
type gschema struct {
	Name           string // struct name ("" for join tables)
	Table          string
	named          *types.Named
	decl           *modelDecl // set for models
	pos            token.Pos
	Fields         []*gfield
	DBNames        []string
	FieldsByName   map[string]*gfield
	FieldsByDBName map[string]*gfield
	FieldsByBind   map[string]*gfield
	PrimaryFields  []*gfield
	Prioritized    *gfield
	relFields      []*gfield
	Relations      map[string]*relation
	relOrder       []string // Relations keys in insertion order
	relsParsed     bool
	joinTables     []*gschema
	join           *relation // for join tables: the many2many relation
	embedded       bool
	parentEmb      *gschema
	ppos           Pos
	indexes        []*gindex
	checks         []gcheck
	uniques        []*gfield
	fks            []*constraint
}

// gfield mirrors gorm's schema.Field.
type gfield struct {
	Name              string
	DBName            string
	BindNames         []string
	EmbeddedBindNames []string
	DataType          string
	GORMDataType      string
	PrimaryKey        bool
	AutoIncrement     bool
	Creatable         bool
	Updatable         bool
	Readable          bool
	HasDefault        bool
	DefaultValue      string
	defaultKind       string // the kind of a parsed default: bool, int, uint, float, string; "" for raw
	NotNull           bool
	Unique            bool
	Comment           string
	Size              int
	Precision         int
	Scale             int
	IgnoreMigration   bool
	Type              types.Type // declared type
	Indirect          types.Type // declared type without pointers
	Tag               string     // merged gorm tag text
	Settings          map[string]string
	Schema            *gschema
	OwnerSchema       *gschema
	EmbeddedSchema    *gschema
	anonymous         bool
	pos               token.Pos
	ppos              Pos
	model             string // "User.Email" for errors
	renamedFrom       string
	dbTag             string        // the name in a db:"..." tag, used when no column: is given
	gormDBDataType    *dbTypeMethod // a GormDBDataType method, unless a retort:"type:..." tag overrides it
}

func (f *gfield) bindName() string { return strings.Join(f.BindNames, ".") }

func (f *gfield) perm() bool { return f.Creatable || f.Updatable || f.Readable }

// parse returns the schema of a named struct, parsing it once.
func (l *loader) parse(named *types.Named) *gschema {
	if s, ok := l.cache[named]; ok {
		return s
	}
	st, ok := named.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	name := named.Obj().Name()
	table, ok := l.tableNames[named] // //retort:table
	if !ok {
		table, ok = l.tableNameOf(named)
	}
	if !ok {
		table = l.naming.table(name)
	}
	s := &gschema{Name: name, Table: table, named: named, pos: named.Obj().Pos(), ppos: l.pos(named.Obj().Pos())}
	l.cache[named] = s
	l.parseStruct(s, st, false)
	return s
}

// parseStruct is the body of gorm's schema.Parse: fields, column names,
// primary keys and the auto-increment convention.
func (l *loader) parseStruct(s *gschema, st *types.Struct, embedded bool) {
	s.embedded = embedded
	s.FieldsByName = map[string]*gfield{}
	s.FieldsByDBName = map[string]*gfield{}
	s.FieldsByBind = map[string]*gfield{}
	s.Relations = map[string]*relation{}
	for i := 0; i < st.NumFields(); i++ {
		v := st.Field(i)
		if !token.IsExported(v.Name()) {
			continue
		}
		f := l.parseField(s, v, reflect.StructTag(st.Tag(i)))
		if f.EmbeddedSchema != nil {
			s.Fields = append(s.Fields, f.EmbeddedSchema.Fields...)
		} else {
			s.Fields = append(s.Fields, f)
		}
	}
	for _, f := range s.Fields {
		if f.DBName == "" && f.DataType != "" {
			f.DBName = f.dbTag
			if f.DBName == "" {
				f.DBName = toDBName(f.Name)
			}
		}
		bind := f.bindName()
		if f.DBName != "" {
			v, ok := s.FieldsByDBName[f.DBName]
			if !ok || (f.perm() && len(f.BindNames) < len(v.BindNames)) {
				if !ok {
					s.DBNames = append(s.DBNames, f.DBName)
				}
				s.FieldsByDBName[f.DBName] = f
				s.FieldsByName[f.Name] = f
				s.FieldsByBind[bind] = f
				if v != nil && v.PrimaryKey {
					for i, pf := range s.PrimaryFields {
						if pf.DBName == v.DBName {
							s.PrimaryFields = append(s.PrimaryFields[:i:i], s.PrimaryFields[i+1:]...)
							break
						}
					}
				}
				if f.PrimaryKey {
					s.PrimaryFields = append(s.PrimaryFields, f)
				}
			}
		}
		if of, ok := s.FieldsByName[f.Name]; !ok || of.Settings["-"] == "-" {
			s.FieldsByName[f.Name] = f
		}
		if of, ok := s.FieldsByBind[bind]; !ok || of.Settings["-"] == "-" {
			s.FieldsByBind[bind] = f
		}
	}
	pf := s.lookUpField("id")
	if pf == nil {
		pf = s.lookUpField("ID")
	}
	if pf != nil {
		if pf.PrimaryKey {
			s.Prioritized = pf
		} else if len(s.PrimaryFields) == 0 {
			pf.PrimaryKey = true
			s.Prioritized = pf
			s.PrimaryFields = append(s.PrimaryFields, pf)
		}
	}
	if s.Prioritized == nil {
		if len(s.PrimaryFields) == 1 {
			s.Prioritized = s.PrimaryFields[0]
		} else {
			for _, f := range s.PrimaryFields {
				if f.AutoIncrement {
					s.Prioritized = f
					break
				}
			}
		}
	}
	for _, f := range s.Fields {
		if !embedded && f.DataType == "" && f.GORMDataType == "" && f.perm() {
			s.relFields = append(s.relFields, f)
			s.FieldsByName[f.Name] = f
			s.FieldsByBind[f.bindName()] = f
		}
	}
	if f := s.Prioritized; f != nil && (f.GORMDataType == dtInt || f.GORMDataType == dtUint) {
		if _, ok := f.Settings["AUTOINCREMENT"]; !ok {
			f.HasDefault = true
			f.AutoIncrement = true
		}
	}
}

// lookUpField is gorm's Schema.LookUpField.
func (s *gschema) lookUpField(name string) *gfield {
	if f, ok := s.FieldsByDBName[name]; ok {
		return f
	}
	if f, ok := s.FieldsByName[name]; ok {
		return f
	}
	if f, ok := s.FieldsByDBName[toDBName(name)]; ok {
		return f
	}
	return nil
}

// lookUpFieldByBindName is gorm's Schema.LookUpFieldByBindName.
func (s *gschema) lookUpFieldByBindName(bindNames []string, name string) *gfield {
	for i := len(bindNames) - 1; i >= 0; i-- {
		if f, ok := s.FieldsByBind[strings.Join(bindNames[:i], ".")+"."+name]; ok {
			return f
		}
	}
	return nil
}

// parseField is gorm's Schema.ParseField for one struct field: the field
// and its tag settings (newField), the type whose kind decides the data
// type (kindType), serializers, sizes, the data type and default
// (dataType), the types its methods give (methodTypes), the type tag and
// default sizes, permissions, and an embedded struct's fields.
func (l *loader) parseField(s *gschema, v *types.Var, tag reflect.StructTag) *gfield {
	f := l.newField(s, v, tag)
	if isInvalid(f.Indirect) {
		msg := "its type does not compile"
		for _, w := range l.warnings {
			if w.Pos.Filename == f.ppos.Filename && w.Pos.Line == f.ppos.Line {
				msg += ": " + w.Err.Error()
				break
			}
		}
		l.errorf(f.pos, f.model, "%s", msg)
		f.Creatable, f.Updatable, f.Readable, f.IgnoreMigration = false, false, false, true
		return f
	}
	dataTyper := hasMethod(f.Indirect, "GormDataType", 0, 1)
	valuer := isValuer(f.Indirect)
	kindType := f.Indirect
	if valuer && !dataTyper {
		kindType = l.valuerKindType(f)
	}
	l.serializer(f, kindType)
	l.sizes(f)
	kind := l.dataType(f, kindType)
	l.methodTypes(f, tag, dataTyper)

	var ownKeys map[string]bool
	if f.gormDBDataType != nil {
		ownKeys = f.gormDBDataType.tagKeys
	}
	l.checkTags(f, tag, ownKeys)

	if f.GORMDataType == "" {
		f.GORMDataType = f.DataType
	}
	f.typeTag()
	if f.Size == 0 {
		f.Size = bitSize(kind)
	}
	f.permissions()

	_, embeddedTag := f.Settings["EMBEDDED"]
	if embeddedTag || (f.GORMDataType != dtTime && f.GORMDataType != dtBytes && !valuer && v.Anonymous() && f.perm()) {
		switch {
		case isStruct(kindType):
			l.parseEmbedded(s, f, kindType, embeddedTag)
		case isBasic(kindType):
		default:
			l.errorf(f.pos, f.model, "embedded field must be a struct, not %s", typeString(f.Type))
		}
	}
	return f
}

// newField is the field v of s with the settings of its gorm and retort
// tags.
func (l *loader) newField(s *gschema, v *types.Var, tag reflect.StructTag) *gfield {
	gormTag := mergeTags(tag.Get("gorm"), tag.Get("retort"))
	settings := parseTagSetting(gormTag, ";")
	model := s.Name + "." + v.Name()
	if s.Name == "" {
		model = v.Name()
	}
	f := &gfield{
		Name:              v.Name(),
		DBName:            settings["COLUMN"],
		BindNames:         []string{v.Name()},
		EmbeddedBindNames: []string{v.Name()},
		Type:              v.Type(),
		Indirect:          deref(v.Type()),
		Tag:               gormTag,
		Settings:          settings,
		Schema:            s,
		Creatable:         true,
		Updatable:         true,
		Readable:          true,
		PrimaryKey:        checkTruth(settings["PRIMARYKEY"], settings["PRIMARY_KEY"]),
		AutoIncrement:     checkTruth(settings["AUTOINCREMENT"]),
		HasDefault:        checkTruth(settings["AUTOINCREMENT"]),
		NotNull:           checkTruth(settings["NOT NULL"], settings["NOTNULL"]),
		Unique:            checkTruth(settings["UNIQUE"]),
		Comment:           settings["COMMENT"],
		anonymous:         v.Anonymous(),
		pos:               v.Pos(),
		ppos:              l.pos(v.Pos()),
		model:             model,
		renamedFrom:       settings["RENAMED_FROM"],
	}
	if db, ok := tag.Lookup("db"); ok {
		if name, _, _ := strings.Cut(db, ","); name != "-" {
			f.dbTag = strings.TrimSpace(name)
		}
	}
	if _, ok := settings["RENAMED_FROM"]; ok && (f.renamedFrom == "" || f.renamedFrom == "RENAMED_FROM") {
		l.errorf(f.pos, model, "renamed_from needs the old column name")
		f.renamedFrom = ""
	}
	return f
}

// valuerKindType is the type whose kind decides the data type of a
// driver.Valuer without GormDataType: what its Value returns, and for a
// struct its first field, as GORM does for sql.NullString; the tag
// settings of the struct's fields come along.
func (l *loader) valuerKindType(f *gfield) types.Type {
	kindType := f.Indirect
	if rt, ok := l.valuerResult(f.Indirect); ok {
		kindType = deref(rt)
	}
	seen := map[types.Type]bool{}
	for {
		st, ok := kindType.Underlying().(*types.Struct)
		if !ok || isTime(kindType) || st.NumFields() == 0 || seen[kindType] {
			return kindType
		}
		seen[kindType] = true
		for i := 0; i < st.NumFields(); i++ {
			for k, val := range parseTagSetting(reflect.StructTag(st.Tag(i)).Get("gorm"), ";") {
				if _, ok := f.Settings[k]; !ok {
					f.Settings[k] = val
				}
			}
		}
		kindType = deref(st.Field(0).Type())
	}
}

// serializer makes a serialized field a string, as GORM's serializers
// store it.
func (l *loader) serializer(f *gfield, kindType types.Type) {
	if isSerializer(kindType) {
		f.DataType = dtString
		return
	}
	name := f.Settings["JSON"]
	if name == "" {
		name = f.Settings["SERIALIZER"]
	}
	if name == "" {
		return
	}
	switch strings.ToLower(name) {
	case "json", "gob", "unixtime":
		f.DataType = dtString
	default:
		l.errorf(f.pos, f.model, "unknown serializer %q (retort knows json, gob and unixtime)", name)
	}
}

// sizes reads the default, size, precision and scale settings.
func (l *loader) sizes(f *gfield) {
	if val, ok := f.Settings["DEFAULT"]; ok {
		f.HasDefault = true
		f.DefaultValue = val
	}
	// number reads a setting that must be a number; bad is its value
	// when it is not one (after the error).
	number := func(key, name string, bad int) (int, bool) {
		v, ok := f.Settings[key]
		if !ok {
			return 0, false
		}
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil {
			l.errorf(f.pos, f.model, "%s: %q is not a number", name, v)
			return bad, true
		}
		return n, true
	}
	if n, ok := number("SIZE", "size", -1); ok {
		f.Size = n
	}
	if n, ok := number("PRECISION", "precision", 0); ok {
		f.Precision = n
	}
	if n, ok := number("SCALE", "scale", 0); ok {
		f.Scale = n
	}
}

// dataType sets the data type the kind of kindType gives, and reads the
// default in that type; it returns the kind.
func (l *loader) dataType(f *gfield, kindType types.Type) types.BasicKind {
	f.DefaultValue = strings.TrimSpace(f.DefaultValue)
	skipDefault := strings.Contains(f.DefaultValue, "(") && strings.Contains(f.DefaultValue, ")") ||
		strings.ToLower(f.DefaultValue) == "null" || f.DefaultValue == ""
	parseDefault := f.HasDefault && !skipDefault
	// parse reads the default with read, which returns it as written
	// back, when the field has one to read.
	parse := func(dt, what string, read func(string) (string, error)) {
		f.DataType = dt
		if !parseDefault {
			return
		}
		if v, err := read(f.DefaultValue); err != nil {
			l.errorf(f.pos, f.model, "default: %q is not a valid %s", f.DefaultValue, what)
		} else {
			f.DefaultValue, f.defaultKind = v, dt
		}
	}
	kind := basicKind(kindType)
	switch {
	case kind == types.Bool:
		parse(dtBool, "bool", func(s string) (string, error) {
			b, err := strconv.ParseBool(s)
			return strconv.FormatBool(b), err
		})
	case isIntKind(kind):
		parse(dtInt, "integer", func(s string) (string, error) {
			n, err := strconv.ParseInt(s, 0, 64)
			return strconv.FormatInt(n, 10), err
		})
	case isUintKind(kind):
		parse(dtUint, "unsigned integer", func(s string) (string, error) {
			n, err := strconv.ParseUint(s, 0, 64)
			return strconv.FormatUint(n, 10), err
		})
	case kind == types.Float32 || kind == types.Float64:
		parse(dtFloat, "number", func(s string) (string, error) {
			n, err := strconv.ParseFloat(s, 64)
			return strconv.FormatFloat(n, 'f', -1, 64), err
		})
	case kind == types.String:
		parse(dtString, "string", func(s string) (string, error) {
			return strings.Trim(strings.Trim(s, "'"), `"`), nil
		})
	case isStruct(kindType):
		if isTime(kindType) {
			f.DataType = dtTime
		}
	case isByteSlice(kindType):
		if f.DataType == "" {
			f.DataType = dtBytes
		}
	}
	return kind
}

// methodTypes reads the types the field's type gives by its GormDataType
// and GormDBDataType methods.
func (l *loader) methodTypes(f *gfield, tag reflect.StructTag, dataTyper bool) {
	if dataTyper {
		dt, ok := l.methodLiteral(f.Indirect, "GormDataType")
		if !ok {
			l.errorf(f.pos, f.model, "%s.GormDataType must return a string literal for retort to read it", typeString(f.Indirect))
		}
		f.DataType = dt
	}
	if !hasMethod(f.Indirect, "GormDBDataType", 2, 1) {
		return
	}
	rs := parseTagSetting(tag.Get("retort"), ";")
	_, override := rs["TYPE"]
	for _, k := range []string{"MYSQL_TYPE", "POSTGRES_TYPE", "SQLITE_TYPE"} {
		_, has := rs[k]
		override = override || has
	}
	if override {
		return
	}
	f.gormDBDataType = l.dbDataTypeMethod(f.Indirect)
	if m := f.gormDBDataType; m != nil && m.why != "" && !m.warned {
		m.warned = true
		l.warnings = append(l.warnings, &PosError{Pos: l.pos(m.pos), Model: m.name, Err: fmt.Errorf(
			"retort cannot read this method (%s) and takes it to return \"\", the type GORM's driver gives the Go type; "+
				"a retort:\"type:...\" tag on %s (and on any other field of this type) sets the type, or retort:\"mysql_type:...;postgres_type:...;sqlite_type:...\" one per dialect, and silences this warning", m.why, f.model)})
	}
}

// typeTag applies the type setting: one of GORM's data types by name, or
// the database type as written.
func (f *gfield) typeTag() {
	val, ok := f.Settings["TYPE"]
	if !ok {
		return
	}
	switch lower := strings.ToLower(val); lower {
	case dtBool, dtInt, dtUint, dtFloat, dtString, dtTime, dtBytes:
		f.DataType = lower
	default:
		f.DataType = val
	}
}

// bitSize is GORM's default size of a numeric kind, 0 for the others.
func bitSize(kind types.BasicKind) int {
	switch kind {
	case types.Int, types.Int64, types.Uint, types.Uint64, types.Float64:
		return 64
	case types.Int8, types.Uint8:
		return 8
	case types.Int16, types.Uint16:
		return 16
	case types.Int32, types.Uint32, types.Float32:
		return 32
	}
	return 0
}

// permissions reads the "-", "->" and "<-" settings.
func (f *gfield) permissions() {
	if val, ok := f.Settings["-"]; ok {
		switch strings.ToLower(strings.TrimSpace(val)) {
		case "-":
			f.Creatable, f.Updatable, f.Readable = false, false, false
			f.DataType = ""
		case "all":
			f.Creatable, f.Updatable, f.Readable = false, false, false
			f.DataType = ""
			f.IgnoreMigration = true
		case "migration":
			f.IgnoreMigration = true
		}
	}
	if val, ok := f.Settings["->"]; ok {
		f.Creatable, f.Updatable = false, false
		f.Readable = strings.ToLower(val) != "false"
	}
	if val, ok := f.Settings["<-"]; ok {
		f.Creatable, f.Updatable = true, true
		if val != "<-" {
			f.Creatable = strings.Contains(val, "create")
			f.Updatable = strings.Contains(val, "update")
		}
	}
}

// parseEmbedded parses the struct of an embedded field and moves its fields
// into s, as GORM does.
func (l *loader) parseEmbedded(s *gschema, f *gfield, t types.Type, embeddedTag bool) {
	f.Creatable, f.Updatable, f.Readable = false, false, false
	st := t.Underlying().(*types.Struct)
	name := ""
	if n, ok := types.Unalias(t).(*types.Named); ok {
		name = n.Obj().Name()
	}
	es := &gschema{Name: name, Table: s.Table, pos: f.pos, ppos: f.ppos}
	if depth(s) > 20 {
		l.errorf(f.pos, f.model, "embedded structs nest too deep (a cycle?)")
		return
	}
	es.parentEmb = s
	l.parseStruct(es, st, true)
	f.EmbeddedSchema = es
	for _, ef := range es.Fields {
		if !l.inside(ef.pos) {
			// Declared outside the project (gorm.Model): the embedding
			// field is where the column comes from, for the user.
			ef.ppos = f.ppos
		}
		ef.Schema = s
		ef.OwnerSchema = es
		ef.BindNames = append([]string{f.Name}, ef.BindNames...)
		if embeddedTag || !f.anonymous {
			ef.EmbeddedBindNames = append([]string{f.Name}, ef.EmbeddedBindNames...)
		}
		if s.Name != "" {
			ef.model = s.Name + "." + strings.Join(ef.BindNames, ".")
		}
		if prefix, ok := f.Settings["EMBEDDEDPREFIX"]; ok && ef.DBName != "" {
			ef.DBName = prefix + ef.DBName
		}
		if ef.PrimaryKey && !checkTruth(ef.Settings["PRIMARYKEY"], ef.Settings["PRIMARY_KEY"]) {
			ef.PrimaryKey = false
			if val, ok := ef.Settings["AUTOINCREMENT"]; !ok || !checkTruth(val) {
				ef.AutoIncrement = false
			}
			if !ef.AutoIncrement && ef.DefaultValue == "" {
				ef.HasDefault = false
			}
		}
		for k, val := range f.Settings {
			ef.Settings[k] = val
		}
	}
}

func depth(s *gschema) int {
	n := 0
	for ; s != nil; s = s.parentEmb {
		n++
	}
	return n
}

// Type helpers over go/types, standing in for GORM's reflection.

func deref(t types.Type) types.Type {
	for {
		p, ok := types.Unalias(t).(*types.Pointer)
		if !ok {
			return types.Unalias(t)
		}
		t = p.Elem()
	}
}

func isNamed(t types.Type, pkg, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}

func isInvalid(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Invalid
}

func basicKind(t types.Type) types.BasicKind {
	if b, ok := t.Underlying().(*types.Basic); ok {
		return b.Kind()
	}
	return types.Invalid
}

func isBasic(t types.Type) bool { _, ok := t.Underlying().(*types.Basic); return ok }

func isIntKind(k types.BasicKind) bool {
	return k == types.Int || k == types.Int8 || k == types.Int16 || k == types.Int32 || k == types.Int64
}

func isUintKind(k types.BasicKind) bool {
	return k == types.Uint || k == types.Uint8 || k == types.Uint16 || k == types.Uint32 || k == types.Uint64
}

func isStruct(t types.Type) bool { _, ok := t.Underlying().(*types.Struct); return ok }

// isTime reports whether t is time.Time or a struct type convertible to it.
func isTime(t types.Type) bool {
	if isNamed(t, "time", "Time") {
		return true
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok || st.NumFields() != 3 {
		return false
	}
	f := st.Field(0)
	return f.Name() == "wall" && f.Pkg() != nil && f.Pkg().Path() == "time"
}

// isByteSlice reports whether t is a slice or array of exactly uint8.
func isByteSlice(t types.Type) bool {
	var elem types.Type
	switch u := t.Underlying().(type) {
	case *types.Slice:
		elem = u.Elem()
	case *types.Array:
		elem = u.Elem()
	default:
		return false
	}
	b, ok := types.Unalias(elem).(*types.Basic)
	return ok && b.Kind() == types.Uint8
}

// hasMethod reports whether *t has a method name with the given numbers of
// parameters and results.
func hasMethod(t types.Type, name string, params, results int) bool {
	m := lookupMethod(t, name)
	if m == nil {
		return false
	}
	sig := m.Type().(*types.Signature)
	return sig.Params().Len() == params && sig.Results().Len() == results
}

func lookupMethod(t types.Type, name string) *types.Func {
	switch u := types.Unalias(t).(type) {
	case *types.Named:
		if _, ok := u.Underlying().(*types.Interface); ok {
			return nil
		}
	case *types.Struct:
	default:
		return nil // basic, slice, map and pointer types have no methods
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name)
	fn, _ := obj.(*types.Func)
	return fn
}

// isValuer reports whether *t implements database/sql/driver.Valuer.
func isValuer(t types.Type) bool {
	m := lookupMethod(t, "Value")
	if m == nil {
		return false
	}
	sig := m.Type().(*types.Signature)
	return sig.Params().Len() == 0 && sig.Results().Len() == 2 && isError(sig.Results().At(1).Type())
}

// isSerializer reports whether *t implements gorm's SerializerInterface.
func isSerializer(t types.Type) bool {
	return hasMethod(t, "Scan", 4, 1) && hasMethod(t, "Value", 4, 2)
}

func isError(t types.Type) bool { return types.Identical(t, types.Universe.Lookup("error").Type()) }

func typeString(t types.Type) string {
	return types.TypeString(t, func(p *types.Package) string { return p.Name() })
}
