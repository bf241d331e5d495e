package models

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	gormschema "gorm.io/gorm/schema"
)

var tagSeeds = []string{
	"",
	"primaryKey",
	"column:user_name;type:varchar(100);not null",
	"size:255;default:'hello';comment:a \\; semicolon",
	"index:idx_name,unique,sort:desc,length:10;uniqueIndex",
	"check:age > 0",
	"check:age_checker,age > 5",
	"constraint:OnUpdate:CASCADE,OnDelete:SET NULL;foreignKey:CompanyRefer",
	"-",
	"-:migration",
	"->;<-:create",
	"embedded;embeddedPrefix:author_",
	"default:CURRENT_TIMESTAMP on update CURRENT_TIMESTAMP",
	";;;",
	":",
	"type:enum('a','b');default:a",
	`default:\"x\"`,
	" Not Null ; size : 10 ",
}

func TestParseTagSetting(t *testing.T) {
	tests := []struct {
		tag  string
		want map[string]string
	}{
		{"primaryKey", map[string]string{"PRIMARYKEY": "PRIMARYKEY"}},
		{"column:user_name;type:varchar(100);not null", map[string]string{"COLUMN": "user_name", "TYPE": "varchar(100)", "NOT NULL": "NOT NULL"}},
		{`comment:a\;b;size:3`, map[string]string{"COMMENT": "a;b", "SIZE": "3"}},
		{"default:CURRENT_TIMESTAMP on update CURRENT_TIMESTAMP", map[string]string{"DEFAULT": "CURRENT_TIMESTAMP on update CURRENT_TIMESTAMP"}},
		{"constraint:OnUpdate:CASCADE,OnDelete:SET NULL", map[string]string{"CONSTRAINT": "OnUpdate:CASCADE,OnDelete:SET NULL"}},
		{"size:1;size:2", map[string]string{"SIZE": "2"}},
		{"-:migration", map[string]string{"-": "migration"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, parseTagSetting(tt.tag, ";")); diff != "" {
			t.Errorf("parseTagSetting(%q) (-want +got):\n%s", tt.tag, diff)
		}
	}
	for _, s := range tagSeeds {
		if diff := cmp.Diff(gormschema.ParseTagSetting(s, ";"), parseTagSetting(s, ";")); diff != "" {
			t.Errorf("parseTagSetting(%q) differs from GORM's (-gorm +retort):\n%s", s, diff)
		}
	}
}

func TestMergeTags(t *testing.T) {
	tests := []struct {
		gorm, retort string
		want         map[string]string
	}{
		{"size:100", "", map[string]string{"SIZE": "100"}},
		{"precision:10;scale:2", "precision:12", map[string]string{"PRECISION": "12", "SCALE": "2"}},
		{"size:16;default:open", "default:draft", map[string]string{"SIZE": "16", "DEFAULT": "draft"}},
		{"", "column:reference;size:32;not null", map[string]string{"COLUMN": "reference", "SIZE": "32", "NOT NULL": "NOT NULL"}},
		{"index:a;index:b;size:3", "index:c", map[string]string{"INDEX": "c", "SIZE": "3"}},
		{`comment:x\;y`, "size:2", map[string]string{"COMMENT": "x;y", "SIZE": "2"}},
		{"size:100", "renamed_from:memo", map[string]string{"SIZE": "100", "RENAMED_FROM": "memo"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, parseTagSetting(mergeTags(tt.gorm, tt.retort), ";")); diff != "" {
			t.Errorf("mergeTags(%q, %q) (-want +got):\n%s", tt.gorm, tt.retort, diff)
		}
	}
}

// FuzzParseTag checks the tag parser against GORM's own on any input, and
// that merging a tag with an empty override changes nothing.
func FuzzParseTag(f *testing.F) {
	for _, s := range tagSeeds {
		f.Add(s, "")
	}
	f.Add("size:100;index", "size:20")
	f.Fuzz(func(t *testing.T, gormTag, retortTag string) {
		got := parseTagSetting(gormTag, ";")
		if diff := cmp.Diff(gormschema.ParseTagSetting(gormTag, ";"), got); diff != "" {
			t.Fatalf("parseTagSetting(%q) differs from GORM's (-gorm +retort):\n%s", gormTag, diff)
		}
		if diff := cmp.Diff(got, parseTagSetting(mergeTags(gormTag, ""), ";")); diff != "" {
			t.Fatalf("mergeTags(%q, \"\") changed the settings:\n%s", gormTag, diff)
		}
		if strings.HasSuffix(gormTag, `\`) && strings.HasSuffix(retortTag, `\`) {
			return // two dangling escapes: one of them must go
		}
		merged := parseTagSetting(mergeTags(gormTag, retortTag), ";")
		for k, v := range parseTagSetting(retortTag, ";") {
			if merged[k] != v {
				t.Fatalf("mergeTags(%q, %q): %s = %q, want the retort value %q", gormTag, retortTag, k, merged[k], v)
			}
		}
	})
}

func TestNearestTagKey(t *testing.T) {
	for k, want := range map[string]string{
		"SISE": "size", "NOT NUL": "not null", "NOTNUL": "not null", "PRIMARYKY": "primaryKey",
		"UNIQUE_INDEX": "uniqueIndex", "FOREIGN_KEY": "foreignKey", "AUTOINCREMNT": "autoIncrement",
		"COLUMNS": "column", "RENAMEDFROM": "renamed_from", "DEFALT": "default",
		"WIBBLE": "", "X": "", "CHARSET": "",
	} {
		if got := nearestTagKey(k); got != want {
			t.Errorf("nearestTagKey(%q) = %q, want %q", k, got, want)
		}
	}
}

func TestMalformedTag(t *testing.T) {
	for _, tt := range []struct {
		tag  string
		want bool
	}{
		{`gorm:size:10`, true},
		{`gorm: "size:10"`, true},
		{`json:x gorm:"size:10"`, true},
		{`json:"gorm:x"`, false},
		{`json:"x"`, false},
		{`xgorm:x`, false},
	} {
		if got := malformed(tt.tag, "gorm"); got != tt.want {
			t.Errorf("malformed(%q) = %v, want %v", tt.tag, got, tt.want)
		}
	}
}
