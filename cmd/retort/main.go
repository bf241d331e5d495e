// Command retort is a database migration manager for Go projects.
package main

import (
	"context"
	"os"

	"github.com/retortdb/retort/internal/cli"
)

func main() { os.Exit(cli.Run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
