package models_test

import (
	"context"
	"fmt"
	"log"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/models"
)

// Load reads the structs of a package, statically, and gives the tables
// GORM's AutoMigrate would create for them, per dialect.
func ExampleLoad() {
	m, err := models.Load(context.Background(), models.LoadOptions{
		Dir:      "..",
		Patterns: []string{"./demo/models"},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(m.Tables())
	s, err := m.Schema(dialect.Postgres, "public")
	if err != nil {
		log.Fatal(err)
	}
	for _, t := range s.Tables {
		if t.Name != "products" {
			continue
		}
		for _, c := range t.Columns {
			fmt.Printf("%s %s null=%v\n", c.Name, c.Type.Raw, c.Type.Null)
		}
	}
	// Output:
	// [orders products users]
	// id bigserial null=false
	// code varchar(32) null=false
	// title varchar(200) null=false
	// price_cents bigint null=false
	// created_at timestamptz null=true
}
