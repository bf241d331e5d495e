package cli

import (
	"os"
	"os/exec"
	"runtime"

	"github.com/spf13/cobra"
)

// editCmd is Alembic's `edit`: the revision's file in the user's editor.
func (a *app) editCmd() *cobra.Command {
	return &cobra.Command{
		Use:     "edit REV",
		Short:   "Open a revision's file in $VISUAL or $EDITOR",
		Example: "  retort edit head\n  EDITOR='code -w' retort edit 3f2a",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			p, g, err := a.projectHistory()
			if err != nil {
				return err
			}
			ids, err := g.Resolve(args[0], nil)
			if err != nil {
				return err
			}
			if len(ids) != 1 {
				return usagef("%s names %d revisions (%s); edit one", args[0], len(ids), joinIDs(ids))
			}
			editor := a.getenv("VISUAL")
			if editor == "" {
				editor = a.getenv("EDITOR")
			}
			if editor == "" {
				return usagef("no editor: set $VISUAL or $EDITOR (the file is %s)", p.revPath(g.Get(ids[0])))
			}
			// The editor is a shell word list, as git and Alembic take it
			// ("code -w"): the shell splits it.
			var c *exec.Cmd
			path := p.revPath(g.Get(ids[0]))
			if runtime.GOOS == "windows" {
				c = exec.CommandContext(cmd.Context(), "cmd", "/c", editor+" "+path)
			} else {
				c = exec.CommandContext(cmd.Context(), "/bin/sh", "-c", editor+` "$1"`, editor, path)
			}
			c.Stdin, c.Stdout, c.Stderr = a.stdin, a.stdout, a.stderr
			c.Env = os.Environ()
			return c.Run()
		},
	}
}
