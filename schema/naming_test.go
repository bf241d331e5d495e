package schema

import (
	"strings"
	"testing"

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
