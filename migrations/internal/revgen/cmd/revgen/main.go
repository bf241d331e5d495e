// Command revgen writes a retort project with a generated history of
// revision files, for benchmarks:
//
//	go run ./migrations/internal/revgen/cmd/revgen -n 10000 -dir /tmp/proj
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/retortdb/retort/migrations/internal/revgen"
)

func main() {
	n := flag.Int("n", 1000, "number of main-line revisions (side branches add about 3%)")
	dir := flag.String("dir", "", "folder to write retort.toml and migrations/versions into (must not hold a history yet)")
	flag.Parse()
	if *dir == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := revgen.WriteProject(*dir, *n); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
