package models_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/models"
)

// writeModule writes a module with one package of n generated models into
// a temporary folder. The models use plain gorm tags and relations but do
// not import gorm, so the module needs nothing outside the standard
// library.
func writeModule(tb testing.TB, n int) string {
	tb.Helper()
	dir := tb.TempDir()
	var b strings.Builder
	b.WriteString("package models\n\nimport (\n\t\"database/sql\"\n\t\"time\"\n)\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `
// Model%[1]d is generated.
type Model%[1]d struct {
	ID        uint   `+"`gorm:\"primaryKey\"`"+`
	Name      string `+"`gorm:\"size:100;not null;index\"`"+`
	Email     string `+"`gorm:\"size:191;uniqueIndex\"`"+`
	Score     float64
	Active    bool `+"`gorm:\"default:true\"`"+`
	Note      sql.NullString
	CreatedAt time.Time
	UpdatedAt *time.Time
`, i)
		if i > 0 {
			fmt.Fprintf(&b, "\tParentID  *uint\n\tParent    *Model%d\n", i-1)
		}
		b.WriteString("}\n")
	}
	if err := os.MkdirAll(filepath.Join(dir, "models"), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/bench\n\ngo 1.22\n"), 0o644); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "models", "models.go"), []byte(b.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
	return dir
}

func benchmarkLoad(b *testing.B, n int) {
	dir := writeModule(b, n)
	ctx := context.Background()
	opts := models.LoadOptions{Dir: dir, Patterns: []string{"./models"}}
	// Warm the build cache once, as a developer's machine is.
	if _, err := models.Load(ctx, opts); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m, err := models.Load(ctx, opts)
		if err != nil {
			b.Fatal(err)
		}
		if m.Structs() != n {
			b.Fatalf("found %d models, want %d", m.Structs(), n)
		}
		if _, err := m.Schema(dialect.MySQL, ""); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoad100(b *testing.B)  { benchmarkLoad(b, 100) }
func BenchmarkLoad1000(b *testing.B) { benchmarkLoad(b, 1000) }

// BenchmarkLoad1000Gorm loads 1,000 structs embedding gorm.Model from a
// module that requires gorm (this repository's go.mod and go.sum, so the
// module cache serves it offline).
func BenchmarkLoad1000Gorm(b *testing.B) {
	dir := b.TempDir()
	var src strings.Builder
	src.WriteString("package models\n\nimport \"gorm.io/gorm\"\n")
	for i := 0; i < 1000; i++ {
		fmt.Fprintf(&src, "\ntype Model%d struct {\n\tgorm.Model\n\tName string `gorm:\"size:100;index\"`\n}\n", i)
	}
	gomod, err := os.ReadFile(filepath.Join("..", "go.mod"))
	if err != nil {
		b.Fatal(err)
	}
	gosum, err := os.ReadFile(filepath.Join("..", "go.sum"))
	if err != nil {
		b.Fatal(err)
	}
	gomod = []byte(strings.Replace(string(gomod), "module github.com/retortdb/retort", "module example.com/bench", 1))
	for name, data := range map[string][]byte{"go.mod": gomod, "go.sum": gosum, "models/models.go": []byte(src.String())} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	opts := models.LoadOptions{Dir: dir, Patterns: []string{"./models"}}
	if _, err := models.Load(context.Background(), opts); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m, err := models.Load(context.Background(), opts)
		if err != nil {
			b.Fatal(err)
		}
		if m.Structs() != 1000 {
			b.Fatalf("found %d models", m.Structs())
		}
	}
}
