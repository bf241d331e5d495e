package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort/migrations"
)

// verifyCmd checks the files of the applied revisions against what was
// applied: exit 1 naming each file edited, deleted or moved since.
func (a *app) verifyCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "verify",
		Short: "Check that the files of applied revisions are unchanged since they were applied",
		Example: `  retort verify        # exit 1 naming each edited, deleted or moved file
  retort verify && retort upgrade`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			p, g, err := a.projectGraph()
			if err != nil {
				return err
			}
			db, err := p.open(cmd.Context())
			if err != nil {
				return err
			}
			defer db.Close()
			tampered, err := migrations.NewRunner(db, p.runnerOptions(a)).Verify(cmd.Context(), g.Revisions())
			if err != nil {
				return err
			}
			if len(tampered) == 0 {
				a.println("the files of the applied revisions are as they were applied")
				return nil
			}
			for _, t := range tampered {
				a.println(t.String())
			}
			a.println(fmt.Sprintf("%d applied revision file(s) changed: restore them from version control and put the change in a new revision (`retort revision`)", len(tampered)))
			return &silentError{code: exitProblem}
		},
	}
}
