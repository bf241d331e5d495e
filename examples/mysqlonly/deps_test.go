package main

import (
	"os/exec"
	"strings"
	"testing"
)

// A MySQL-only application that embeds retort links neither pgx nor the
// SQLite driver.
func TestLibraryLinksNoOtherDriver(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	have := map[string]bool{}
	for _, d := range deps {
		have[d] = true
	}
	if !have["github.com/go-sql-driver/mysql"] || !have["github.com/retortdb/retort/migrations"] {
		t.Fatalf("the program does not link what it should:\n%s", out)
	}
	for _, d := range deps {
		if strings.HasPrefix(d, "github.com/jackc/pgx") || strings.HasPrefix(d, "modernc.org/sqlite") {
			t.Errorf("a MySQL-only program links %s", d)
		}
	}
}

// The other library packages register no driver either: a MySQL program
// that autogenerates from Go (autogen, diff, dburl) links neither pgx nor
// the SQLite driver. (dburl links the MySQL driver for its TLS settings.)
func TestLibraryPackagesLinkNoOtherDriver(t *testing.T) {
	pkgs := []string{"../../autogen", "../../diff", "../../dburl", "../../models", "../../codegen", "../../dialect"}
	out, err := exec.Command("go", append([]string{"list", "-deps"}, pkgs...)...).Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	for _, d := range strings.Fields(string(out)) {
		if strings.HasPrefix(d, "github.com/jackc/pgx") || d == "modernc.org/sqlite" || d == "github.com/retortdb/retort/internal/drivers" {
			t.Errorf("a library package links %s", d)
		}
	}
}
