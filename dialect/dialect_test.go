package dialect

import "testing"

func TestQuote(t *testing.T) {
	tests := []struct {
		d           Name
		ident, want string
	}{
		{MySQL, "user", "`user`"},
		{MySQL, "we`ird", "`we``ird`"},
		{Postgres, `say "hi"`, `"say ""hi"""`},
		{SQLite, "order", `"order"`},
	}
	for _, tt := range tests {
		if got := tt.d.QuoteIdent(tt.ident); got != tt.want {
			t.Errorf("%s.QuoteIdent(%q) = %s, want %s", tt.d, tt.ident, got, tt.want)
		}
	}
	if got := MySQL.QuoteString(`it's a \ test`); got != `'it''s a \\ test'` {
		t.Errorf("MySQL.QuoteString = %s", got)
	}
	if got := Postgres.QuoteString(`it's a \ test`); got != `'it''s a \ test'` {
		t.Errorf("Postgres.QuoteString = %s", got)
	}
}

func TestParse(t *testing.T) {
	for in, want := range map[string]Name{"MariaDB": MySQL, "postgresql": Postgres, "sqlite3": SQLite} {
		got, err := Parse(in)
		if err != nil || got != want {
			t.Errorf("Parse(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := Parse("oracle"); err == nil {
		t.Error("Parse(oracle): want error")
	}
}
