// Package cli is retort's command line: cobra commands that read the config,
// call the library packages and map their errors to exit codes.
package cli

import (
	"context"
	"fmt"
	"io"
)

// Run runs retort with args and returns the process exit code.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "retort: not implemented yet")
	return 2
}
