package models

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"unicode"
)

// gormTagKeys are the keys of a gorm:"..." tag that GORM v1.31 reads, in
// the spelling its documentation uses, by their upper-cased form (GORM
// upper-cases keys before looking them up): gorm.io/gorm/schema's
// field.go, relationship.go, index.go, constraint.go and soft_delete.go,
// and the drivers (GENERATED in PostgreSQL's, COMMENT in MySQL's). The
// options inside index:, uniqueIndex:, constraint: and check: values are
// not keys of the tag.
var gormTagKeys = map[string]string{
	"COLUMN": "column", "TYPE": "type", "SIZE": "size", "PRECISION": "precision", "SCALE": "scale",
	"NOT NULL": "not null", "NOTNULL": "notNull", "PRIMARYKEY": "primaryKey", "PRIMARY_KEY": "primary_key",
	"AUTOINCREMENT": "autoIncrement", "AUTOINCREMENTINCREMENT": "autoIncrementIncrement",
	"DEFAULT": "default", "UNIQUE": "unique", "COMMENT": "comment", "SERIALIZER": "serializer", "JSON": "json",
	"AUTOCREATETIME": "autoCreateTime", "AUTOUPDATETIME": "autoUpdateTime",
	"-": "-", "->": "->", "<-": "<-",
	"EMBEDDED": "embedded", "EMBEDDEDPREFIX": "embeddedPrefix",
	"INDEX": "index", "UNIQUEINDEX": "uniqueIndex", "CHECK": "check",
	"FOREIGNKEY": "foreignKey", "REFERENCES": "references", "CONSTRAINT": "constraint",
	"MANY2MANY": "many2many", "JOINFOREIGNKEY": "joinForeignKey", "JOINREFERENCES": "joinReferences",
	"BELONGSTO": "belongsTo", "POLYMORPHIC": "polymorphic", "POLYMORPHICTYPE": "polymorphicType",
	"POLYMORPHICID": "polymorphicId", "POLYMORPHICVALUE": "polymorphicValue",
	// gorm.DeletedAt's zeroValue, and the PostgreSQL driver's generated.
	"ZEROVALUE": "zeroValue", "GENERATED": "generated",
	// gorm.io/plugin/soft_delete, which reads its keys from the same tag.
	"SOFTDELETE": "softDelete", "DELETEDATFIELD": "DeletedAtField",
}

// retortTagKeys are retort's own keys, read in gorm:"..." and retort:"...".
var retortTagKeys = map[string]string{"RENAMED_FROM": "renamed_from",
	"MYSQL_TYPE": "mysql_type", "POSTGRES_TYPE": "postgres_type", "SQLITE_TYPE": "sqlite_type"}

// checkTags warns about what of a field's struct tag GORM would silently
// ignore: a tag not in key:"value" form, whose gorm: part GORM never sees,
// and keys GORM does not know. allow holds keys the field's own code
// reads (TagSettings["KEY"] in its GormDBDataType). Fields declared
// outside the load's folder are left alone: their tags are not the
// user's to fix.
func (l *loader) checkTags(f *gfield, tag reflect.StructTag, allow map[string]bool) {
	if !l.inside(f.pos) {
		return
	}
	for _, name := range []string{"gorm", "retort"} {
		text, ok := tag.Lookup(name)
		if !ok {
			if malformed(string(tag), name) {
				l.tagWarn(f, "", fmt.Sprintf("struct tag `%s` is not in key:\"value\" form, so GORM does not see its %s: part%s",
					string(tag), name, suggestQuoted(string(tag), name)))
			}
			continue
		}
		for _, e := range splitTag(text, ";") {
			k, _, ok := tagEntry(e)
			if !ok || allow[k] {
				continue
			}
			if _, known := gormTagKeys[k]; known {
				continue
			}
			if _, known := retortTagKeys[k]; known {
				continue
			}
			msg := fmt.Sprintf("unknown %s tag key %q", name, k)
			if near := nearestTagKey(k); near != "" {
				msg += " (did you mean " + near + "?)"
			}
			if name == "gorm" {
				msg += ": GORM ignores it"
			} else {
				msg += ": retort ignores it"
			}
			l.tagWarn(f, k, msg)
		}
	}
}

// tagWarn adds a warning at f, once per field and key: a struct embedded
// in several models is parsed once for each.
func (l *loader) tagWarn(f *gfield, key, msg string) {
	id := fmt.Sprintf("%d\x00%s", f.pos, key)
	if l.tagWarned[id] {
		return
	}
	if l.tagWarned == nil {
		l.tagWarned = map[string]bool{}
	}
	l.tagWarned[id] = true
	l.warnings = append(l.warnings, &PosError{Pos: l.pos(f.pos), Model: f.model, Err: fmt.Errorf("%s", msg)})
}

// malformed reports whether a struct tag that reflect cannot find name in
// still mentions name as a key: "gorm:size:10", "gorm: \"x\"", or after
// a broken pair such as `json:x gorm:"size:10"`.
func malformed(tag, name string) bool {
	for i := strings.Index(tag, name+":"); i >= 0; {
		if i == 0 || unicode.IsSpace(rune(tag[i-1])) {
			return true
		}
		j := strings.Index(tag[i+1:], name+":")
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// suggestQuoted proposes the well-formed tag for the common mistake of an
// unquoted or single-quoted value: `gorm:size:10` -> gorm:"size:10".
func suggestQuoted(tag, name string) string {
	i := strings.Index(tag, name+":")
	if i < 0 {
		return ""
	}
	rest := strings.TrimSpace(tag[i+len(name)+1:])
	if rest == "" {
		return ""
	}
	var v string
	switch rest[0] {
	case '"':
		if j := strings.IndexByte(rest[1:], '"'); j >= 0 {
			v = rest[1 : 1+j]
		}
	case '\'':
		if j := strings.IndexByte(rest[1:], '\''); j >= 0 {
			v = rest[1 : 1+j]
		}
	default:
		v = strings.Fields(rest)[0]
	}
	if v == "" {
		return ""
	}
	return fmt.Sprintf(" (write %s:%q)", name, v)
}

// nearestTagKey is the known key closest to k, in GORM's documented
// spelling, or "" when none is close enough to be the one meant.
func nearestTagKey(k string) string {
	norm := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r == '_' || r == ' ' || r == '-' {
				return -1
			}
			return r
		}, s)
	}
	nk := norm(k)
	keys := make([]string, 0, len(gormTagKeys)+len(retortTagKeys))
	for key := range gormTagKeys {
		keys = append(keys, key)
	}
	for key := range retortTagKeys {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	best, bestD := "", -1
	for _, key := range keys {
		nkey := norm(key)
		if !strings.ContainsFunc(nkey, unicode.IsLetter) {
			continue // "-", "->", "<-": no typo of a word is meant as them
		}
		d := editDistance(nk, nkey)
		if bestD < 0 || d < bestD {
			best, bestD = key, d
		}
	}
	// Close enough: a third of the letters wrong at most, and at least one
	// letter right for each wrong one.
	if bestD < 0 || bestD*3 > len(norm(best)) && bestD > 1 {
		return ""
	}
	if s, ok := gormTagKeys[best]; ok {
		return s
	}
	return retortTagKeys[best]
}

// editDistance is the Levenshtein distance between a and b, in bytes (tag
// keys are ASCII).
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
