package models

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	gormschema "gorm.io/gorm/schema"
)

// GORM's own NamingStrategy is the reference for retort's reimplementation.
var gormNamer = gormschema.NamingStrategy{}

var goNames = []string{
	"ID", "UserID", "URL", "HTTPServer", "APIKey", "HTTPSURL", "Utf8Name", "UTF8Name",
	"CreatedAt", "OAuthToken", "XMLHTTPRequest", "A", "a", "ab", "AB", "Name2", "Name2Go",
	"V1API", "IPv4Addr", "user_id", "User_ID", "JSONData", "SKU", "UUID", "GUIDValue",
	"Person", "Category", "Status", "Address", "Child", "Mouse", "Sheep", "Datum", "Index",
	"UserLanguage", "HTMLPage", "ServerIP", "IDCard", "TTLSeconds", "QPS", "ÜberName",
}

func TestToDBName(t *testing.T) {
	for _, n := range goNames {
		if got, want := toDBName(n), gormNamer.ColumnName("", n); got != want {
			t.Errorf("toDBName(%q) = %q, GORM says %q", n, got, want)
		}
	}
	tests := []struct{ in, want string }{
		{"UserID", "user_id"},
		{"URL", "url"},
		{"HTTPServer", "http_server"},
		{"APIKey", "api_key"},
		{"CreatedAt", "created_at"},
	}
	for _, tt := range tests {
		if got := toDBName(tt.in); got != tt.want {
			t.Errorf("toDBName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTableName(t *testing.T) {
	for _, n := range goNames {
		if got, want := tableName(n), gormNamer.TableName(n); got != want {
			t.Errorf("tableName(%q) = %q, GORM says %q", n, got, want)
		}
	}
	for _, tt := range []struct{ in, want string }{
		{"Person", "people"}, {"Category", "categories"}, {"UserLanguage", "user_languages"}, {"Status", "statuses"},
	} {
		if got := tableName(tt.in); got != tt.want {
			t.Errorf("tableName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestJoinTableName(t *testing.T) {
	for _, n := range []string{"user_languages", "UserLanguages", "user_Friends", "Friendship"} {
		if got, want := joinTableName(n), gormNamer.JoinTableName(n); got != want {
			t.Errorf("joinTableName(%q) = %q, GORM says %q", n, got, want)
		}
	}
}

func TestConstraintNames(t *testing.T) {
	long := strings.Repeat("customer_account_identifier_", 3)
	pg := gormschema.NamingStrategy{IdentifierMaxLength: 63}
	tests := []struct {
		name       string
		got, want  string
		got63, w63 string
	}{
		{"index", indexName("users", "Email"), gormNamer.IndexName("users", "Email"),
			hashName(indexName("users", long), 63), pg.IndexName("users", long)},
		{"unique", uniqueName("users", "email"), gormNamer.UniqueName("users", "email"),
			hashName(uniqueName("users", long), 63), pg.UniqueName("users", long)},
		{"check", checkName("users", "age"), gormNamer.CheckerName("users", "age"),
			hashName(checkName("users", long), 63), pg.CheckerName("users", long)},
		{"long index", hashName(indexName("users", long), 64), gormNamer.IndexName("users", long), "", ""},
		{"dotted table", indexName("app.users", "Email"), gormNamer.IndexName("app.users", "Email"), "", ""},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %q, GORM says %q", tt.name, tt.got, tt.want)
		}
		if tt.got63 != tt.w63 {
			t.Errorf("%s (63): got %q, GORM says %q", tt.name, tt.got63, tt.w63)
		}
	}
	if diff := cmp.Diff("fk_users_credit_card", fkName("users", "CreditCard")); diff != "" {
		t.Errorf("fkName (-want +got):\n%s", diff)
	}
}

func TestNamingOptions(t *testing.T) {
	for _, n := range []Naming{{}, {TablePrefix: "app_"}, {SingularTable: true}, {TablePrefix: "t_", SingularTable: true}} {
		g := gormschema.NamingStrategy{TablePrefix: n.TablePrefix, SingularTable: n.SingularTable}
		for _, name := range goNames {
			if got, want := n.table(name), g.TableName(name); got != want {
				t.Errorf("%+v: table(%q) = %q, GORM says %q", n, name, got, want)
			}
		}
		for _, name := range []string{"user_languages", "UserLanguages"} {
			if got, want := n.joinTable(name), g.JoinTableName(name); got != want {
				t.Errorf("%+v: joinTable(%q) = %q, GORM says %q", n, name, got, want)
			}
		}
	}
}

func TestClipName(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"abc", 63, "abc"},
		{"abcdef", 3, "abc"},
		{"aé", 2, "a"},     // é is two bytes: not cut inside it
		{"aé", 3, "aé"},    //
		{"名前", 4, "名"},     // three bytes each
		{"名前", 6, "名前"},    //
		{"🚀x", 3, ""},      // four bytes
		{"ab🚀", 5, "ab"},   //
		{"ab🚀c", 6, "ab🚀"}, //
	}
	for _, tt := range tests {
		if got := clipName(tt.in, tt.n); got != tt.want {
			t.Errorf("clipName(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

// TestHashNameUTF8: GORM's hash keeps max-8 bytes and may cut a letter in
// two; retort cuts before it, and agrees with GORM whenever GORM's cut is
// at a character boundary.
func TestHashNameUTF8(t *testing.T) {
	table := "a" + strings.Repeat("é", 59)
	got := hashName(indexName(table, "code"), 64)
	if !utf8.ValidString(got) {
		t.Fatalf("hashName gave invalid UTF-8 %q", got)
	}
	if n := utf8.RuneCountInString(got); n > 64 {
		t.Errorf("hashName gave %d characters, over 64", n)
	}
	gormName := gormNamer.IndexName(table, "code")
	if utf8.ValidString(gormName) {
		t.Errorf("GORM's name %q is valid UTF-8: the case no longer tests a cut inside a letter", gormName)
	}
	if !strings.HasPrefix(gormName, got[:len(got)-8]) || got[len(got)-8:] != gormName[len(gormName)-8:] {
		t.Errorf("hashName = %q, want GORM's %q less its half letter", got, gormName)
	}
	even := "aa" + strings.Repeat("é", 59)
	if got, want := hashName(indexName(even, "code"), 64), gormNamer.IndexName(even, "code"); got != want {
		t.Errorf("hashName = %q, GORM says %q", got, want)
	}
}
