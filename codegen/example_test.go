package codegen_test

import (
	"fmt"

	"github.com/retortdb/retort/codegen"
)

// Render fills the default template with a revision and returns the file
// it would be, without writing it: the caller decides where it goes.
func ExampleRender() {
	f, err := codegen.Render(codegen.Default(), codegen.Revision{
		ID:         "1975ea83b712",
		Message:    "add a notes column",
		Revises:    []string{"ae1027a6acf"},
		CreateDate: "2026-12-06 01:30:00.000000",
		Upgrade:    []string{"ALTER TABLE users ADD COLUMN notes text NULL"},
		Downgrade:  []string{"ALTER TABLE users DROP COLUMN notes"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(f.Path)
	fmt.Print(string(f.Data))
	// Output:
	// versions/1975ea83b712_add_a_notes_column.sql
	// -- add a notes column
	// --
	// -- Revision ID: 1975ea83b712
	// -- Revises: ae1027a6acf
	// -- Create Date: 2026-12-06 01:30:00.000000
	//
	// -- +retort Upgrade
	// ALTER TABLE users ADD COLUMN notes text NULL;
	//
	// -- +retort Downgrade
	// ALTER TABLE users DROP COLUMN notes;
}
