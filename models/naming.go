package models

import (
	"crypto/sha1"
	"encoding/hex"
	"strings"
	"unicode/utf8"

	"github.com/jinzhu/inflection"
)

// GORM's default NamingStrategy, reimplemented so that the names retort
// gives tables, columns, indexes and constraints are the ones GORM's
// AutoMigrate gives them (gorm.io/gorm/schema/naming.go, v1.31).

// commonInitialisms are the words GORM keeps together when it splits a Go
// name into snake_case ("UserID" is user_id, not user_i_d).
var commonInitialisms = []string{"API", "ASCII", "CPU", "CSS", "DNS", "EOF", "GUID", "HTML", "HTTP", "HTTPS", "ID", "IP", "JSON", "LHS", "QPS", "RAM", "RHS", "RPC", "SLA", "SMTP", "SSH", "TLS", "TTL", "UID", "UI", "UUID", "URI", "URL", "UTF8", "VM", "XML", "XSRF", "XSS"}

var initialismReplacer = func() *strings.Replacer {
	var pairs []string
	for _, w := range commonInitialisms {
		pairs = append(pairs, w, titleWord(w))
	}
	return strings.NewReplacer(pairs...)
}()

// titleWord upper-cases the first letter of an ASCII word and lower-cases
// the rest, as cases.Title does for the initialisms above.
func titleWord(w string) string {
	return w[:1] + strings.ToLower(w[1:])
}

// toDBName turns a Go identifier into GORM's snake_case column name.
func toDBName(name string) string {
	if name == "" {
		return ""
	}
	value := initialismReplacer.Replace(name)
	var (
		buf                            strings.Builder
		lastCase, nextCase, nextNumber bool
		curCase                        = isUpper(value[0])
	)
	for i, v := range value[:len(value)-1] {
		nextCase = isUpper(value[i+1])
		nextNumber = value[i+1] >= '0' && value[i+1] <= '9'
		if curCase {
			if lastCase && (nextCase || nextNumber) {
				buf.WriteRune(v + 32)
			} else {
				if i > 0 && value[i-1] != '_' && value[i+1] != '_' {
					buf.WriteByte('_')
				}
				buf.WriteRune(v + 32)
			}
		} else {
			buf.WriteRune(v)
		}
		lastCase = curCase
		curCase = nextCase
	}
	if curCase {
		if !lastCase && len(value) > 1 {
			buf.WriteByte('_')
		}
		buf.WriteByte(value[len(value)-1] + 32)
	} else {
		buf.WriteByte(value[len(value)-1])
	}
	return buf.String()
}

func isUpper(b byte) bool { return b >= 'A' && b <= 'Z' }

// tableName is GORM's default table name for a struct called name.
func tableName(name string) string { return inflection.Plural(toDBName(name)) }

// joinTableName is the table name GORM gives a many2many join table.
func joinTableName(name string) string {
	if strings.ToLower(name) == name {
		return name
	}
	return inflection.Plural(toDBName(name))
}

// formatName builds a default index or constraint name. It is hashed down
// to the dialect's identifier length by hashName when the schema of a
// dialect is built.
func formatName(prefix, table, name string) string {
	return strings.ReplaceAll(strings.Join([]string{prefix, table, name}, "_"), ".", "_")
}

// hashName shortens a default name longer than max characters as GORM's
// NamingStrategy does: its first max-8 bytes and 8 hex digits of its SHA-1.
// GORM's PostgreSQL driver sets max to 63, the others leave GORM's 64.
// Where GORM's cut falls inside a character (and makes a name the database
// refuses as invalid UTF-8) retort cuts before that character.
func hashName(s string, max int) string {
	if utf8.RuneCountInString(s) > max {
		h := sha1.Sum([]byte(s))
		s = clipName(s, max-8) + hex.EncodeToString(h[:])[:8]
	}
	return s
}

// clipName cuts s to at most n bytes, at a character boundary.
func clipName(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func indexName(table, column string) string  { return formatName("idx", table, toDBName(column)) }
func uniqueName(table, column string) string { return formatName("uni", table, toDBName(column)) }
func checkName(table, column string) string  { return formatName("chk", table, column) }
func fkName(table, relation string) string   { return formatName("fk", table, toDBName(relation)) }

// titleFirst is cases.Title(language.Und, cases.NoLower) for the Go
// identifiers GORM applies it to: the first letter upper-cased.
func titleFirst(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return strings.ToUpper(string(r)) + s[n:]
}
