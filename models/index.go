package models

import (
	"sort"
	"strconv"
	"strings"
)

// gindex mirrors gorm's schema.Index.
type gindex struct {
	Name    string
	named   bool   // the tag named it; default names are hashed per dialect
	Class   string // UNIQUE, FULLTEXT, SPATIAL
	Type    string // btree, hash, gin, ...
	Where   string
	Comment string
	Option  string
	Fields  []indexOption
}

type indexOption struct {
	Field      *gfield
	Expression string
	Sort       string
	Collate    string
	Length     int
	Priority   int
}

// parseIndexes is gorm's Schema.ParseIndexes: index and uniqueIndex
// entries of every field, merged by name, parts ordered by priority.
func (l *loader) parseIndexes(s *gschema) []*gindex {
	byName := map[string]*gindex{}
	var out []*gindex
	for _, f := range s.Fields {
		if f.Settings["INDEX"] == "" && f.Settings["UNIQUEINDEX"] == "" {
			continue
		}
		for _, idx := range l.fieldIndexes(s, f) {
			cur := byName[idx.Name]
			if cur == nil {
				cur = &gindex{Name: idx.Name, named: idx.named}
				byName[idx.Name] = cur
				out = append(out, cur)
			}
			for _, p := range []struct {
				what     string
				dst      *string
				val      string
				optional bool
			}{
				{"class", &cur.Class, idx.Class, false},
				{"type", &cur.Type, idx.Type, false},
				{"where", &cur.Where, idx.Where, false},
				{"comment", &cur.Comment, idx.Comment, false},
				{"option", &cur.Option, idx.Option, false},
			} {
				if *p.dst == "" {
					*p.dst = p.val
				} else if p.val != "" && !strings.EqualFold(*p.dst, p.val) {
					l.errorf(f.pos, f.model, "index %s: %s %q disagrees with %q given on another field", idx.Name, p.what, p.val, *p.dst)
				}
			}
			for _, o := range cur.Fields {
				if o.Field.DBName == f.DBName && o.Expression == "" && idx.Fields[0].Expression == "" {
					l.errorf(f.pos, f.model, "index %s lists column %s twice", idx.Name, f.DBName)
				}
			}
			cur.Fields = append(cur.Fields, idx.Fields...)
			sort.SliceStable(cur.Fields, func(i, j int) bool { return cur.Fields[i].Priority < cur.Fields[j].Priority })
		}
	}
	return out
}

// fieldIndexes is gorm's parseFieldIndexes for one field.
func (l *loader) fieldIndexes(s *gschema, f *gfield) []*gindex {
	var out []*gindex
	for _, value := range splitTag(f.Tag, ";") {
		if value == "" {
			continue
		}
		v := strings.Split(value, ":")
		k := strings.TrimSpace(strings.ToUpper(v[0]))
		if k != "INDEX" && k != "UNIQUEINDEX" {
			continue
		}
		tag := strings.Join(v[1:], ":")
		idx := strings.IndexByte(tag, ',')
		settings := parseTagSetting(strings.Join(strings.Split(tag, ",")[1:], ","), ",")
		if idx == -1 {
			idx = len(tag)
		}
		name := tag[:idx]
		named := name != ""
		if name == "" {
			sub := f.Name
			if composite, ok := settings["COMPOSITE"]; ok {
				if composite == "" || composite == "COMPOSITE" {
					l.errorf(f.pos, f.model, "index: composite needs a name")
					continue
				}
				sub = composite
			}
			name = indexName(s.Table, sub)
		}
		if k == "UNIQUEINDEX" || settings["UNIQUE"] != "" {
			settings["CLASS"] = "UNIQUE"
		}
		priority := 10
		if p, ok := settings["PRIORITY"]; ok {
			n, err := strconv.Atoi(strings.TrimSpace(p))
			if err != nil {
				l.errorf(f.pos, f.model, "index %s: priority %q is not a number", name, p)
			} else {
				priority = n
			}
		}
		length := 0
		if p, ok := settings["LENGTH"]; ok {
			n, err := strconv.Atoi(strings.TrimSpace(p))
			if err != nil {
				l.errorf(f.pos, f.model, "index %s: length %q is not a number", name, p)
			} else {
				length = n
			}
		}
		sortOrder := settings["SORT"]
		switch strings.ToUpper(sortOrder) {
		case "", "ASC", "DESC":
		default:
			l.errorf(f.pos, f.model, "index %s: sort %q is neither asc nor desc", name, sortOrder)
		}
		switch strings.ToUpper(settings["CLASS"]) {
		case "", "UNIQUE", "FULLTEXT", "SPATIAL":
		default:
			l.errorf(f.pos, f.model, "index %s: class %q is not UNIQUE, FULLTEXT or SPATIAL", name, settings["CLASS"])
		}
		out = append(out, &gindex{
			Name:    name,
			named:   named,
			Class:   settings["CLASS"],
			Type:    settings["TYPE"],
			Where:   settings["WHERE"],
			Comment: settings["COMMENT"],
			Option:  settings["OPTION"],
			Fields: []indexOption{{
				Field:      f,
				Expression: settings["EXPRESSION"],
				Sort:       sortOrder,
				Collate:    settings["COLLATE"],
				Length:     length,
				Priority:   priority,
			}},
		})
	}
	return out
}

// gcheck is a CHECK constraint from a check: tag.
type gcheck struct {
	Name, Expr string
	named      bool
	Field      *gfield
}

// parseChecks is gorm's Schema.ParseCheckConstraints, sorted by name.
func parseChecks(s *gschema) []gcheck {
	byName := map[string]gcheck{}
	for _, dbName := range s.DBNames {
		f := s.FieldsByDBName[dbName]
		chk := f.Settings["CHECK"]
		if chk == "" {
			continue
		}
		names := strings.Split(chk, ",")
		if len(names) > 1 && isWordOrDash(names[0]) {
			byName[names[0]] = gcheck{Name: names[0], Expr: strings.Join(names[1:], ","), Field: f, named: true}
			continue
		}
		if names[0] == "" {
			chk = strings.Join(names[1:], ",")
		}
		name := checkName(s.Table, f.DBName)
		byName[name] = gcheck{Name: name, Expr: chk, Field: f}
	}
	out := make([]gcheck, 0, len(byName))
	for _, c := range byName {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// uniqueConstraints is gorm's Schema.ParseUniqueConstraints.
func uniqueConstraints(s *gschema) []*gfield {
	seen := map[string]bool{}
	var out []*gfield
	for _, f := range s.Fields {
		if !f.Unique || f.DBName == "" {
			continue
		}
		name := uniqueName(s.Table, f.DBName)
		if seen[name] {
			continue
		}
		seen[name] = true
		out = append(out, f)
	}
	return out
}
