package models

import (
	"fmt"
	"go/token"
	"go/types"
	"reflect"
	"strings"

	"github.com/jinzhu/inflection"
)

// Relations, as gorm/schema/relationship.go finds them: only the ones that
// end up as FOREIGN KEY constraints or join tables matter to the schema,
// but the guessing must be GORM's own, including its surprises, and it has
// side effects (a foreign key column takes the type of the key it refers
// to).

const (
	relHas       = "has"
	relHasOne    = "has_one"
	relHasMany   = "has_many"
	relBelongsTo = "belongs_to"
	relMany2Many = "many_to_many"
)

type relation struct {
	Name        string
	Type        string
	Field       *gfield
	Polymorphic bool
	Refs        []*reference
	Schema      *gschema
	FieldSchema *gschema
	JoinTable   *gschema

	foreignKeys, primaryKeys []string
}

type reference struct {
	PrimaryKey    *gfield
	PrimaryValue  string
	ForeignKey    *gfield
	OwnPrimaryKey bool
}

// relErr records why a relation could not be resolved.
type relErr struct{ msg string }

func (s *gschema) setRelation(r *relation) {
	if old, ok := s.Relations[r.Name]; ok {
		if len(old.Field.BindNames) > 1 {
			s.Relations[r.Name] = r
		}
		return
	}
	s.addRelation(r.Name, r)
}

func (s *gschema) addRelation(key string, r *relation) {
	if _, ok := s.Relations[key]; !ok {
		s.relOrder = append(s.relOrder, key)
	}
	s.Relations[key] = r
}

// parseRelations parses the relation fields of s once.
func (l *loader) parseRelations(s *gschema) {
	if s.relsParsed {
		return
	}
	s.relsParsed = true
	for _, f := range s.relFields {
		l.parseRelation(s, f)
	}
}

// relationTarget returns the struct a relation field points to.
func relationTarget(t types.Type) (*types.Named, bool) {
	t = deref(t)
	for {
		switch u := t.Underlying().(type) {
		case *types.Slice:
			t = deref(u.Elem())
			continue
		case *types.Array:
			t = deref(u.Elem())
			continue
		}
		break
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || !isStruct(n) {
		return nil, false
	}
	return n, true
}

func (l *loader) parseRelation(s *gschema, f *gfield) {
	target, ok := relationTarget(f.Indirect)
	if !ok {
		l.errorf(f.pos, f.model, "cannot map Go type %s to a column: give it a type: tag or a serializer, or skip it with gorm:\"-\"", typeString(f.Type))
		return
	}
	fs := l.parse(target)
	if fs == nil {
		l.errorf(f.pos, f.model, "cannot map Go type %s to a column", typeString(f.Type))
		return
	}
	l.parseRelations(fs)
	r := &relation{
		Name:        f.Name,
		Field:       f,
		Schema:      s,
		FieldSchema: fs,
		foreignKeys: toColumns(f.Settings["FOREIGNKEY"]),
		primaryKeys: toColumns(f.Settings["REFERENCES"]),
	}
	var err *relErr
	_, isSlice := f.Indirect.Underlying().(*types.Slice)
	switch {
	case hasPolymorphic(f.Settings):
		err = l.buildPolymorphic(s, r, f)
	case f.Settings["MANY2MANY"] != "":
		err = l.buildMany2Many(s, r, f, f.Settings["MANY2MANY"])
	case f.Settings["BELONGSTO"] != "":
		err = s.guessRelation(r, f, guessBelongs)
	case isStruct(f.Indirect):
		err = s.guessRelation(r, f, guessGuess)
	case isSlice:
		err = s.guessRelation(r, f, guessHas)
	default:
		err = &relErr{fmt.Sprintf("unsupported relation type %s", typeString(f.Type))}
	}
	if err != nil {
		l.errorf(f.pos, f.model, "%s", err.msg)
		return
	}
	if r.Type == relHas {
		if r.FieldSchema != r.Schema && !r.Polymorphic && f.OwnerSchema == nil {
			r.FieldSchema.addRelation("_"+r.Schema.Name+"_"+r.Name, r)
		}
		if isStruct(f.Indirect) {
			r.Type = relHasOne
		} else {
			r.Type = relHasMany
		}
	}
	s.setRelation(r)
}

func hasPolymorphic(settings map[string]string) bool {
	if _, ok := settings["POLYMORPHIC"]; ok {
		return true
	}
	_, t := settings["POLYMORPHICTYPE"]
	_, id := settings["POLYMORPHICID"]
	return t && id
}

func toColumns(val string) []string {
	var out []string
	if val != "" {
		for _, v := range strings.Split(val, ",") {
			out = append(out, strings.TrimSpace(v))
		}
	}
	return out
}

func (l *loader) buildPolymorphic(s *gschema, r *relation, f *gfield) *relErr {
	poly := f.Settings["POLYMORPHIC"]
	r.Polymorphic = true
	typeName, idName := poly+"Type", poly+"ID"
	if v, ok := f.Settings["POLYMORPHICTYPE"]; ok {
		typeName = strings.TrimSpace(v)
	}
	if v, ok := f.Settings["POLYMORPHICID"]; ok {
		idName = strings.TrimSpace(v)
	}
	pt := r.FieldSchema.FieldsByName[typeName]
	pid := r.FieldSchema.FieldsByName[idName]
	if pt == nil {
		return &relErr{fmt.Sprintf("polymorphic relation: %s has no field %s", r.FieldSchema.Name, typeName)}
	}
	if pid == nil {
		return &relErr{fmt.Sprintf("polymorphic relation: %s has no field %s", r.FieldSchema.Name, idName)}
	}
	r.Refs = append(r.Refs, &reference{PrimaryValue: s.Table, ForeignKey: pt})
	pk := s.Prioritized
	if len(r.foreignKeys) > 0 {
		if pk = s.lookUpField(r.foreignKeys[0]); pk == nil || len(r.foreignKeys) > 1 {
			return &relErr{fmt.Sprintf("invalid polymorphic foreign keys %v", r.foreignKeys)}
		}
	}
	if pk == nil {
		return &relErr{fmt.Sprintf("polymorphic relation: %s has no primary key", s.Name)}
	}
	if copyableDataType(pk.DataType) {
		pid.DataType = pk.DataType
	}
	pid.GORMDataType = pk.GORMDataType
	if pid.Size == 0 {
		pid.Size = pk.Size
	}
	r.Refs = append(r.Refs, &reference{PrimaryKey: pk, ForeignKey: pid, OwnPrimaryKey: true})
	r.Type = relHas
	return nil
}

// joinTag is the tag GORM gives a join table column copied from a key
// field: the key's own tag with primaryKey added and column,
// autoIncrement, index, unique and uniqueIndex removed.
func joinFieldTag(f *gfield) string {
	var out []string
	has := false
	for _, e := range splitTag(f.Tag, ";") {
		k, _, ok := tagEntry(e)
		if !ok {
			continue
		}
		switch k {
		case "COLUMN", "AUTOINCREMENT", "INDEX", "UNIQUE", "UNIQUEINDEX", "RENAMED_FROM":
			continue
		case "PRIMARYKEY", "PRIMARY_KEY":
			has = true
		}
		out = append(out, e)
	}
	if !has {
		out = append([]string{"primaryKey"}, out...)
	}
	return joinTag(out)
}

func (l *loader) buildMany2Many(s *gschema, r *relation, f *gfield, many2many string) *relErr {
	r.Type = relMany2Many
	joinForeignKeys := toColumns(f.Settings["JOINFOREIGNKEY"])
	joinReferences := toColumns(f.Settings["JOINREFERENCES"])
	own := s.PrimaryFields
	ref := r.FieldSchema.PrimaryFields
	if len(r.foreignKeys) > 0 {
		own = nil
		for _, k := range r.foreignKeys {
			kf := s.lookUpField(k)
			if kf == nil {
				return &relErr{fmt.Sprintf("invalid foreign key: %s", k)}
			}
			own = append(own, kf)
		}
	}
	if len(r.primaryKeys) > 0 {
		ref = nil
		for _, k := range r.primaryKeys {
			kf := r.FieldSchema.lookUpField(k)
			if kf == nil {
				return &relErr{fmt.Sprintf("invalid foreign key: %s", k)}
			}
			ref = append(ref, kf)
		}
	}
	type jf struct {
		name string
		key  *gfield
	}
	var (
		jfs       []jf
		fieldsMap = map[string]*gfield{}
		ownMap    = map[string]*gfield{}
		refMap    = map[string]*gfield{}
	)
	for i, of := range own {
		name := titleFirst(s.Name) + of.Name
		if len(joinForeignKeys) > i {
			name = titleFirst(joinForeignKeys[i])
		}
		if _, dup := ownMap[name]; dup {
			return &relErr{fmt.Sprintf("many2many %s: join table column %s given twice", many2many, toDBName(name))}
		}
		ownMap[name] = of
		fieldsMap[name] = of
		jfs = append(jfs, jf{name, of})
	}
	for i, rf := range ref {
		name := titleFirst(r.FieldSchema.Name) + rf.Name
		if _, ok := ownMap[name]; ok {
			if f.Name != r.FieldSchema.Name {
				name = inflection.Singular(f.Name) + rf.Name
			} else {
				name += "Reference"
			}
		}
		if len(joinReferences) > i {
			name = titleFirst(joinReferences[i])
		}
		refMap[name] = rf
		if _, ok := fieldsMap[name]; !ok {
			fieldsMap[name] = rf
			jfs = append(jfs, jf{name, rf})
		}
	}
	if len(jfs) == 0 {
		return &relErr{fmt.Sprintf("many2many %s: neither side has a primary key", many2many)}
	}
	// Build the join table's struct and parse it like any other.
	vars := make([]*types.Var, len(jfs))
	tags := make([]string, len(jfs))
	for i, j := range jfs {
		vars[i] = types.NewField(j.key.pos, nil, j.name, j.key.Type, false)
		tags[i] = string(reflect.StructTag(`gorm:` + quoteTag(joinFieldTag(j.key))))
	}
	js := &gschema{Name: "", Table: l.naming.joinTable(many2many), pos: f.pos, ppos: f.ppos, join: r}
	l.parseStruct(js, types.NewStruct(vars, tags), false)
	js.Name = many2many
	r.JoinTable = js

	relName := s.Name
	relRefName := r.FieldSchema.Name
	if relName == relRefName {
		relRefName = f.Name
	}
	ownRel := &relation{Name: relName, Type: relBelongsTo, Schema: js, FieldSchema: s, Field: f}
	refRel := &relation{Name: relRefName, Type: relBelongsTo, Schema: js, FieldSchema: r.FieldSchema, Field: f}
	js.PrimaryFields = nil
	for _, jfield := range js.Fields {
		if !jfield.perm() {
			continue
		}
		src := fieldsMap[jfield.Name]
		if copyableDataType(src.DataType) {
			jfield.DataType = src.DataType
		}
		jfield.GORMDataType = src.GORMDataType
		if jfield.Size == 0 {
			jfield.Size = src.Size
		}
		jfield.model = f.model
		js.PrimaryFields = append(js.PrimaryFields, jfield)
		if of, ok := ownMap[jfield.Name]; ok {
			ownRel.Refs = append(ownRel.Refs, &reference{PrimaryKey: of, ForeignKey: jfield})
			r.Refs = append(r.Refs, &reference{PrimaryKey: of, ForeignKey: jfield, OwnPrimaryKey: true})
		}
		if rf, ok := refMap[jfield.Name]; ok {
			refRel.Refs = append(refRel.Refs, &reference{PrimaryKey: rf, ForeignKey: jfield})
			r.Refs = append(r.Refs, &reference{PrimaryKey: rf, ForeignKey: jfield})
		}
	}
	js.addRelation(relName, ownRel)
	if relRefName != relName {
		js.addRelation(relRefName, refRel)
	} else {
		js.Relations[relName].Refs = refRel.Refs
	}
	s.joinTables = append(s.joinTables, js)
	return nil
}

// quoteTag quotes a tag value for a reflect.StructTag.
func quoteTag(s string) string {
	return `"` + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), `"`, `\"`) + `"`
}

type guessLevel int

const (
	guessGuess guessLevel = iota
	guessBelongs
	guessEmbeddedBelongs
	guessHas
	guessEmbeddedHas
)

// guessRelation is gorm's Schema.guessRelation: it tries belongs-to, then
// belongs-to through an embedded owner, then has-one/has-many, then
// has through an embedded owner, and takes the first that finds keys.
func (s *gschema) guessRelation(r *relation, f *gfield, cgl guessLevel) *relErr {
	var (
		primaryFields, foreignFields []*gfield
		primarySchema, foreignSchema = s, r.FieldSchema
		gl                           = cgl
	)
	if gl == guessGuess {
		if f.Schema == r.FieldSchema {
			gl = guessBelongs
		} else {
			gl = guessHas
		}
	}
	reguess := func() *relErr {
		switch cgl {
		case guessGuess:
			return s.guessRelation(r, f, guessBelongs)
		case guessBelongs:
			return s.guessRelation(r, f, guessEmbeddedBelongs)
		case guessEmbeddedBelongs:
			return s.guessRelation(r, f, guessHas)
		case guessHas:
			return s.guessRelation(r, f, guessEmbeddedHas)
		}
		return &relErr{fmt.Sprintf("cannot resolve the relation to %s: define a valid foreign key (foreignKey:, references:) or make the type a driver.Valuer", r.FieldSchema.Name)}
	}
	switch gl {
	case guessBelongs:
		primarySchema, foreignSchema = r.FieldSchema, s
	case guessEmbeddedBelongs:
		if f.OwnerSchema == nil {
			return reguess()
		}
		primarySchema, foreignSchema = r.FieldSchema, f.OwnerSchema
	case guessHas:
	case guessEmbeddedHas:
		if f.OwnerSchema == nil {
			return reguess()
		}
		primarySchema, foreignSchema = f.OwnerSchema, r.FieldSchema
	}

	if len(r.foreignKeys) > 0 {
		for _, k := range r.foreignKeys {
			ff := foreignSchema.lookUpField(k)
			if ff == nil {
				return reguess()
			}
			foreignFields = append(foreignFields, ff)
		}
	} else {
		primarySchemaName := primarySchema.Name
		if primarySchemaName == "" {
			primarySchemaName = r.FieldSchema.Name
		}
		if len(r.primaryKeys) > 0 {
			for _, k := range r.primaryKeys {
				if pf := primarySchema.lookUpField(k); pf != nil {
					primaryFields = append(primaryFields, pf)
				}
			}
		} else {
			primaryFields = append([]*gfield(nil), primarySchema.PrimaryFields...)
		}
		candidates := primaryFields
		// GORM appends matches to the same slice it ranges over; ranging
		// over a copy of the header gives the same iterations.
	primaryLoop:
		for _, pf := range candidates {
			lookUpName := primarySchemaName + pf.Name
			if gl == guessBelongs {
				lookUpName = f.Name + pf.Name
			}
			names := []string{lookUpName}
			if len(candidates) == 1 {
				base := strings.TrimSuffix(lookUpName, pf.Name)
				names = append(names, base+"ID", base+"Id", toDBName(base+"ID"))
			}
			for _, name := range names {
				if ff := foreignSchema.lookUpFieldByBindName(f.BindNames, name); ff != nil {
					foreignFields = append(foreignFields, ff)
					primaryFields = append(primaryFields, pf)
					continue primaryLoop
				}
			}
			for _, name := range names {
				if ff := foreignSchema.lookUpField(name); ff != nil {
					foreignFields = append(foreignFields, ff)
					primaryFields = append(primaryFields, pf)
					continue primaryLoop
				}
			}
		}
		// GORM's primaryFields now holds the candidates followed by the
		// matched ones; references pair foreignFields[i] with
		// primaryFields[i], i.e. with the candidates in order.
	}

	switch {
	case len(foreignFields) == 0:
		return reguess()
	case len(r.primaryKeys) > 0:
		for i, k := range r.primaryKeys {
			pf := primarySchema.lookUpField(k)
			if pf == nil {
				return reguess()
			}
			if len(primaryFields) < i+1 {
				primaryFields = append(primaryFields, pf)
			} else if pf != primaryFields[i] {
				return reguess()
			}
		}
	case len(primaryFields) == 0:
		if len(foreignFields) == 1 && primarySchema.Prioritized != nil {
			primaryFields = append(primaryFields, primarySchema.Prioritized)
		} else if len(primarySchema.PrimaryFields) == len(foreignFields) {
			primaryFields = append(primaryFields, primarySchema.PrimaryFields...)
		} else {
			return reguess()
		}
	}
	if len(primaryFields) < len(foreignFields) {
		return reguess()
	}
	for i, ff := range foreignFields {
		pf := primaryFields[i]
		if copyableDataType(pf.DataType) {
			ff.DataType = pf.DataType
		}
		ff.GORMDataType = pf.GORMDataType
		if ff.Size == 0 {
			ff.Size = pf.Size
		}
		r.Refs = append(r.Refs, &reference{
			PrimaryKey:    pf,
			ForeignKey:    ff,
			OwnPrimaryKey: (s == primarySchema && gl == guessHas) || (f.OwnerSchema == primarySchema && gl == guessEmbeddedHas),
		})
	}
	if gl == guessHas || gl == guessEmbeddedHas {
		r.Type = relHas
	} else {
		r.Type = relBelongsTo
	}
	return nil
}

func copyableDataType(dt string) bool {
	lower := strings.ToLower(dt)
	return !strings.Contains(lower, "auto_increment") && !strings.Contains(lower, "primary key")
}

// constraint is a FOREIGN KEY GORM creates for a relation.
type constraint struct {
	Name        string
	named       bool
	Schema      *gschema
	RefSchema   *gschema
	ForeignKeys []*gfield
	References  []*gfield
	OnDelete    string
	OnUpdate    string
	rel         *relation // the relation the constraint comes from
}

// parseConstraint is gorm's Relationship.ParseConstraint.
func (r *relation) parseConstraint() *constraint {
	str := r.Field.Settings["CONSTRAINT"]
	if str == "-" {
		return nil
	}
	if r.Type == relBelongsTo {
		for _, key := range r.FieldSchema.relOrder {
			o := r.FieldSchema.Relations[key]
			if o != r && o.FieldSchema == r.Schema && len(o.Refs) == len(r.Refs) {
				matched := true
				for i, ref := range o.Refs {
					if r.Refs[i].PrimaryKey != ref.PrimaryKey || r.Refs[i].ForeignKey != ref.ForeignKey || r.Refs[i].PrimaryValue != ref.PrimaryValue {
						matched = false
						break
					}
				}
				if matched {
					return nil
				}
			}
		}
	}
	settings := parseTagSetting(str, ",")
	var name string
	named := false
	if i := strings.IndexByte(str, ','); i != -1 && isWordOrDash(str[:i]) {
		name, named = str[:i], true
	} else {
		name = fkName(r.Schema.Table, r.Name)
	}
	c := &constraint{Name: name, named: named, OnUpdate: settings["ONUPDATE"], OnDelete: settings["ONDELETE"], rel: r}
	for _, ref := range r.Refs {
		if ref.PrimaryKey != nil && (r.JoinTable == nil || ref.OwnPrimaryKey) {
			c.ForeignKeys = append(c.ForeignKeys, ref.ForeignKey)
			c.References = append(c.References, ref.PrimaryKey)
			if ref.OwnPrimaryKey {
				c.Schema = ref.ForeignKey.Schema
				c.RefSchema = r.Schema
			} else {
				c.Schema = r.Schema
				c.RefSchema = ref.PrimaryKey.Schema
			}
		}
	}
	return c
}

// isWordOrDash matches GORM's ^[\w-]+$.
func isWordOrDash(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if !(c == '_' || c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// setupJoinTables applies the program's SetupJoinTable calls, and takes a
// model whose table is the join table of a many2many as that join table's
// struct, as if the program called SetupJoinTable with it (that is what
// a struct mapping a join table is for).
func (l *loader) setupJoinTables(models []*gschema) {
	done := map[*relation]bool{}
	for _, js := range l.setups {
		mn := l.lookupType(js.model.paths, js.model.name)
		jn := l.lookupType(js.join.paths, js.join.name)
		if mn == nil || jn == nil {
			l.warnf(js.pos, "", "SetupJoinTable: cannot find %s or %s in the loaded packages; the call is not applied", js.model.name, js.join.name)
			continue
		}
		s, j := l.parse(mn), l.parse(jn)
		if s == nil || j == nil {
			continue
		}
		l.parseRelations(s)
		r := s.Relations[js.field]
		if r == nil || r.JoinTable == nil {
			l.errorf(js.pos, s.Name, "SetupJoinTable: %s has no many2many field %s", s.Name, js.field)
			continue
		}
		l.setupJoinTable(r, j, js.pos)
		done[r] = true
	}
	byTable := map[string]*gschema{}
	for _, s := range models {
		byTable[s.Table] = s
	}
	for _, s := range models {
		for _, key := range s.relOrder {
			r := s.Relations[key]
			if r.JoinTable == nil || done[r] {
				continue
			}
			if j := byTable[r.JoinTable.Table]; j != nil && j != r.JoinTable && j.join == nil && (j.decl == nil || !j.decl.guessed) {
				l.setupJoinTable(r, j, j.pos)
				done[r] = true
			}
		}
	}
}

// setupJoinTable is gorm's DB.SetupJoinTable: j, a struct of the
// program's, becomes the join table of r. Its fields for the join columns
// take the types of the keys they refer to, and it gets the join table's
// relations (its foreign keys) that it has no field of its own for.
func (l *loader) setupJoinTable(r *relation, j *gschema, pos token.Pos) {
	for _, ref := range r.Refs {
		f := j.lookUpField(ref.ForeignKey.DBName)
		if f == nil {
			l.errorf(pos, j.Name, "%s maps the join table %s of %s.%s but has no field for its column %s", j.Name, j.Table, r.Schema.Name, r.Name, ref.ForeignKey.DBName)
			return
		}
		f.DataType = ref.ForeignKey.DataType
		f.GORMDataType = ref.ForeignKey.GORMDataType
		if f.Size == 0 {
			f.Size = ref.ForeignKey.Size
		}
		ref.ForeignKey = f
	}
	l.parseRelations(j)
	old := r.JoinTable
	for _, key := range old.relOrder {
		if _, ok := j.Relations[key]; !ok {
			rel := old.Relations[key]
			rel.Schema = j
			j.addRelation(key, rel)
		}
	}
	r.JoinTable = j
	for i, jt := range r.Schema.joinTables {
		if jt == old {
			r.Schema.joinTables[i] = j
		}
	}
}

// origin says, for a foreign key GORM creates, which field made it and
// how GORM read the relation: a reader whose database refuses the key
// needs to know that GORM guessed has one where they meant belongs to.
func (c *constraint) origin() *Relation {
	r := c.rel
	if r == nil || r.Field == nil {
		return nil
	}
	var from, to []string
	for i := range c.ForeignKeys {
		from = append(from, c.ForeignKeys[i].DBName)
		to = append(to, c.References[i].DBName)
	}
	how := fmt.Sprintf("%s.(%s) refers to %s.(%s)", c.Schema.Table, strings.Join(from, ", "), c.RefSchema.Table, strings.Join(to, ", "))
	switch r.Type {
	case relHasOne, relHasMany:
		kind := "has one"
		if r.Type == relHasMany {
			kind = "has many"
		}
		how = fmt.Sprintf("GORM reads %s.%s as %s: %s", r.Schema.Name, r.Name, kind, how)
		if _, slice := r.Field.Indirect.Underlying().(*types.Slice); !slice && len(c.ForeignKeys) > 0 {
			how += fmt.Sprintf(" (GORM tries has one before belongs to, and %s has the field %s)", r.FieldSchema.Name, c.ForeignKeys[0].Name)
		}
	case relBelongsTo:
		how = fmt.Sprintf("GORM reads %s.%s as belongs to: %s", r.Schema.Name, r.Name, how)
	case relMany2Many:
		how = fmt.Sprintf("the join table of %s.%s: %s", r.Field.OwnerSchema.nameOr(r.Schema), r.Name, how)
	}
	return &Relation{Pos: r.Field.ppos, Field: r.Field.model, How: how}
}

func (s *gschema) nameOr(other *gschema) string {
	if s != nil && s.Name != "" {
		return s.Name
	}
	return other.Name
}
