package models_test

import (
	"testing"

	sqlschema "ariga.io/atlas/sql/schema"
	"github.com/google/go-cmp/cmp"

	"github.com/retortdb/retort/dialect"
)

// The oracle's failure messages are only useful if they say plainly what
// differs; this pins their wording (knownDifferences matches on it).
func TestOracleDescribeChanges(t *testing.T) {
	users := sqlschema.NewTable("users")
	email := sqlschema.NewStringColumn("email", "varchar(191)")
	wide := sqlschema.NewNullStringColumn("email", "longtext")
	nick := sqlschema.NewStringColumn("nick", "varchar(32)")
	companies := sqlschema.NewTable("companies").AddColumns(sqlschema.NewIntColumn("id", "bigint"))
	companyID := sqlschema.NewIntColumn("company_id", "bigint")
	fk := sqlschema.NewForeignKey("fk_users_company").AddColumns(companyID).
		SetRefTable(companies).AddRefColumns(companies.Columns[0]).SetOnDelete(sqlschema.SetNull)
	changes := []sqlschema.Change{
		&sqlschema.AddTable{T: sqlschema.NewTable("orders")},
		&sqlschema.DropTable{T: sqlschema.NewTable("legacy")},
		&sqlschema.ModifyTable{T: users, Changes: []sqlschema.Change{
			&sqlschema.ModifyColumn{From: email, To: wide, Change: sqlschema.ChangeType | sqlschema.ChangeNull},
			&sqlschema.AddColumn{C: nick},
			&sqlschema.AddIndex{I: sqlschema.NewUniqueIndex("idx_users_nick").AddColumns(nick)},
			&sqlschema.DropForeignKey{F: fk},
			&sqlschema.AddCheck{C: sqlschema.NewCheck().SetName("chk_users_nick").SetExpr("nick <> ''")},
		}},
	}
	want := []string{
		`table "legacy" only in gorm`,
		`table "orders" only in retort`,
		`table "users": check "chk_users_nick" only in retort: nick <> ''`,
		`table "users": column "email" differs in null, type: gorm [varchar(191) NOT NULL], retort [longtext NULL]`,
		`table "users": column "nick" only in retort`,
		`table "users": foreign key "fk_users_company" only in gorm: (company_id) REFERENCES companies(id) ON DELETE SET NULL`,
		`table "users": index "idx_users_nick" only in retort: UNIQUE (nick)`,
	}
	if diff := cmp.Diff(want, describeChanges(dialect.MySQL, changes)); diff != "" {
		t.Errorf("describeChanges (-want +got):\n%s", diff)
	}
}

func TestOracleCanonicalOrder(t *testing.T) {
	s := sqlschema.New("oracle")
	a, b := sqlschema.NewStringColumn("a", "text"), sqlschema.NewStringColumn("b", "text")
	tbl := sqlschema.NewTable("t").AddColumns(a, b)
	tbl.AddIndexes(
		sqlschema.NewUniqueIndex("sqlite_autoindex_t_2").AddColumns(a),
		sqlschema.NewIndex("idx_t_b").AddColumns(b),
		sqlschema.NewUniqueIndex("sqlite_autoindex_t_1").AddColumns(b),
	)
	tbl.AddChecks(sqlschema.NewCheck().SetName("chk_z").SetExpr("a <> ''"), sqlschema.NewCheck().SetName("chk_a").SetExpr("b <> ''"))
	s.AddTables(tbl)
	canonical(s)
	var got []string
	for _, idx := range tbl.Indexes {
		got = append(got, idx.Name)
	}
	for _, a := range tbl.Attrs {
		if c, ok := a.(*sqlschema.Check); ok {
			got = append(got, c.Name)
		}
	}
	want := []string{"idx_t_b", "sqlite_autoindex_t_2", "sqlite_autoindex_t_1", "chk_a", "chk_z"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("canonical order (-want +got):\n%s", diff)
	}
}
