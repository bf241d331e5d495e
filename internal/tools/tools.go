//go:build tools

// Package tools pins modules that the project uses before code imports them,
// so that parallel work never races on go.mod. Remove entries as real
// imports appear.
package tools

import (
	_ "ariga.io/atlas/sql/mysql"
	_ "ariga.io/atlas/sql/postgres"
	_ "ariga.io/atlas/sql/schema"
	_ "ariga.io/atlas/sql/sqlcheck"
	_ "ariga.io/atlas/sql/sqlite"
	_ "github.com/BurntSushi/toml"
	_ "github.com/google/go-cmp/cmp"
	_ "github.com/jinzhu/inflection"
	_ "github.com/rogpeppe/go-internal/testscript"
	_ "github.com/spf13/cobra"
	_ "golang.org/x/tools/go/packages"
	_ "gorm.io/driver/mysql"
	_ "gorm.io/driver/postgres"
	_ "gorm.io/driver/sqlite"
	_ "gorm.io/gorm"
)
