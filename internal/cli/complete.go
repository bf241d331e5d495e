package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort/dialect"
)

// Shell completion (cobra's `retort completion bash|zsh|fish|powershell`)
// completes revision identifiers (ids, branch labels and their @head,
// @base forms, the keywords), the dialects, and files where a command
// takes files.

// revisionArgs are the commands whose arguments are revision identifiers;
// revisionFlags the flags that take one, by command.
var (
	revisionArgs  = []string{"upgrade", "downgrade", "show", "stamp", "rebase", "merge", "lint", "edit"}
	revisionFlags = map[string][]string{"revision": {"head", "depends-on"}, "rebase": {"onto"}, "history": {"rev-range"}}
	dialectFlags  = []string{"init", "schema"}
)

// addCompletions wires the completion functions into root's commands.
func (a *app) addCompletions(root *cobra.Command) {
	for _, c := range root.Commands() {
		name := c.Name()
		for _, n := range revisionArgs {
			if n == name {
				c.ValidArgsFunction = a.completeRevision
			}
		}
		for _, f := range revisionFlags[name] {
			if c.Flags().Lookup(f) != nil {
				c.RegisterFlagCompletionFunc(f, a.completeRevision)
			}
		}
		for _, n := range dialectFlags {
			if n == name && c.Flags().Lookup("dialect") != nil {
				c.RegisterFlagCompletionFunc("dialect", completeDialect)
			}
		}
	}
}

// completeRevision offers what an identifier may be: the keywords, every
// revision id, and each branch label with @head and @base.
func (a *app) completeRevision(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	_, g, err := a.loadGraph(true)
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	words := []string{"head", "heads", "base"}
	if cmd.Name() != "stamp" && cmd.Name() != "merge" {
		words = append(words, "current")
	}
	seen := map[string]bool{}
	for _, r := range g.Revisions() {
		words = append(words, r.ID+"\t"+r.Message)
		for _, l := range r.BranchLabels {
			if !seen[l] {
				seen[l] = true
				words = append(words, l+"@head", l+"@base")
			}
		}
	}
	var out []string
	for _, w := range words {
		if strings.HasPrefix(w, toComplete) {
			out = append(out, w)
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

func completeDialect(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	var out []string
	for _, d := range dialect.All {
		if strings.HasPrefix(string(d), toComplete) {
			out = append(out, string(d))
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}
