package inspect

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"ariga.io/atlas/sql/mysql"
	sqlschema "ariga.io/atlas/sql/schema"
	_ "github.com/go-sql-driver/mysql"
)

type timingQ struct{ sqlschema.ExecQuerier }

func (q timingQ) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	t := time.Now()
	r, err := q.ExecQuerier.QueryContext(ctx, query, args...)
	n := 0
	_ = n
	fmt.Printf("%v args=%d %q\n", time.Since(t), len(args), strings.Join(strings.Fields(query), " ")[:min(300, len(strings.Join(strings.Fields(query), " ")))])
	return r, err
}

func TestTmpMySQLTime(t *testing.T) {
	dsn := os.Getenv("TMP_DSN")
	if dsn == "" {
		t.Skip()
	}
	db, _ := sql.Open("mysql", dsn)
	drv, err := mysql.Open(timingQ{db})
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Now()
	s, err := drv.InspectSchema(context.Background(), "", &sqlschema.InspectOptions{Mode: sqlschema.InspectSchemas | sqlschema.InspectTables})
	fmt.Println(time.Since(t0), err, len(s.Tables))
}
