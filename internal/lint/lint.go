// Package lint finds the statements of revision files that lock a busy
// table, rewrite it, or lose data, and says what to write instead: the
// checks of squawk and strong_migrations that apply to MySQL/MariaDB and
// PostgreSQL, on retort's revision files. SQLite has a single writer and
// no online DDL to choose: it has no rules.
//
// A revision whose header says "Online: false" (autogenerate with
// [migrations] online = false) chose the plain, blocking form: its
// locking findings are not reported. A finding is silenced by a comment
// in the lines just above its statement:
//
//	-- retort:lint-ignore drop-column, renaming-column the old name is unused since v3
//	ALTER TABLE users DROP COLUMN nickname;
//
// naming rules or kinds of rules ("locking", "destructive", "failure",
// "breaking"),
// comma-separated, followed by free text saying why.
package lint

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/migrations"
)

// Finding is one problem in a revision file.
type Finding struct {
	Path    string
	Line    int    // the line where the statement starts
	Rule    string // the rule's name, e.g. "require-concurrent-index-creation"
	Message string // what goes wrong
	Safe    string // what to write instead
	// Downgrade is set when the statement is in the Downgrade section.
	Downgrade bool
}

// String formats f as `retort lint` prints it:
// path:line: rule: message (safe form: ...).
func (f Finding) String() string {
	s := fmt.Sprintf("%s:%d: %s: %s", f.Path, f.Line, f.Rule, f.Message)
	if f.Safe != "" {
		s += " (safe form: " + f.Safe + ")"
	}
	return s
}

// Options say how to lint.
type Options struct {
	Dialect dialect.Name
	// Ignore names rules (or kinds of rules) that are not reported at
	// all, as if every statement had them in a lint-ignore comment.
	Ignore []string
	// RunnerSetsLockTimeout says that the runner bounds every statement's
	// wait for a table lock itself (retort's does, with [migrations]
	// statement_lock_timeout): require-lock-timeout is then not reported.
	RunnerSetsLockTimeout bool
}

// File parses a revision file and lints it.
func File(path string, data []byte, opts Options) ([]Finding, error) {
	rev, err := migrations.ParseFile(path, data, opts.Dialect)
	if err != nil {
		return nil, err
	}
	return Revision(rev, data, opts), nil
}

// Revision lints a parsed revision; src is its file's text, where the
// lint-ignore comments are read (nil: there are none). Findings are in
// the order of the file, with rev.Path as their path.
func Revision(rev *migrations.Revision, src []byte, opts Options) []Finding {
	if !HasRules(opts.Dialect) {
		return nil
	}
	lines := strings.Split(string(src), "\n")
	var out []Finding
	// The tables the upgrade creates are new to the downgrade too: it
	// drops them, and nobody else uses them.
	created := map[string]bool{}
	for _, sec := range []section{
		{upgrade: true, noTx: rev.UpgradeNoTx || !opts.Dialect.TransactionalDDL(), stmts: rev.Upgrade, tool: rev.UpgradeOnlineTool},
		{upgrade: false, noTx: rev.DowngradeNoTx || !opts.Dialect.TransactionalDDL(), stmts: rev.Downgrade, tool: rev.DowngradeOnlineTool},
	} {
		// A statement marked "-- +retort OnlineTool" is run by the online
		// tool, which does not block writes: its locking findings are
		// the server's form's, not the tool's.
		toolLines := map[int]bool{}
		for _, i := range sec.tool {
			toolLines[sec.stmts[i].Line] = true
		}
		c := newChecker(opts.Dialect, sec)
		maps.Copy(c.newTables, created)
		for _, st := range sec.stmts {
			c.line = st.Line
			c.statement(tokenize(st.SQL, opts.Dialect))
		}
		for _, f := range c.out {
			if slices.Contains(opts.Ignore, f.Rule) || slices.Contains(opts.Ignore, kindOf(f.Rule)) {
				continue
			}
			if f.Rule == "require-lock-timeout" && opts.RunnerSetsLockTimeout {
				continue
			}
			// "Online: false": the plain form was chosen, and said so.
			if rev.Plain && kindOf(f.Rule) == Locking {
				continue
			}
			if toolLines[f.Line] && kindOf(f.Rule) == Locking {
				continue
			}
			ignored := ignoredAt(lines, f.Line, opts.Dialect)
			if slices.Contains(ignored, f.Rule) || slices.Contains(ignored, kindOf(f.Rule)) {
				continue
			}
			f.Path, f.Downgrade = rev.Path, !sec.upgrade
			out = append(out, f)
		}
		created = c.newTables
	}
	// Unknown names in lint-ignore comments are findings of their own,
	// once each, so that a typo does not silence nothing quietly.
	out = append(out, badIgnores(rev.Path, lines, opts.Dialect)...)
	slices.SortStableFunc(out, func(a, b Finding) int { return a.Line - b.Line })
	return out
}

// HasRules reports whether lint has rules for d: SQLite has none (one
// writer, nothing online to choose).
func HasRules(d dialect.Name) bool { return d == dialect.MySQL || d == dialect.Postgres }

// section is one section of a revision, as the checker sees it.
type section struct {
	upgrade bool
	noTx    bool // runs outside a transaction (NoTransaction, or MySQL)
	stmts   []migrations.Statement
	tool    []int // the indexes of the statements marked OnlineTool
}

// The ignore comment's prefix.
const ignorePrefix = "retort:lint-ignore"

// ignoredAt returns the names in the lint-ignore comments of the run of
// comment lines just above line (1-based).
func ignoredAt(lines []string, line int, d dialect.Name) []string {
	var names []string
	if line-2 >= len(lines) {
		return nil // no text (src nil), or not this file's
	}
	for i := line - 2; i >= 0; i-- {
		text, ok := commentText(lines[i], d)
		if !ok {
			break
		}
		if words := strings.Fields(text); len(words) > 0 && strings.EqualFold(words[0], "+retort") {
			if len(words) == 2 && strings.EqualFold(words[1], "StatementBegin") {
				continue // the comment may stand above the block's marker
			}
			break // a section marker: what is above belongs elsewhere
		}
		if ns, ok := parseIgnore(text); ok {
			names = append(names, ns...)
		}
	}
	return names
}

// commentText returns the text of a line that is a comment and nothing
// else, without its "--" (or MySQL's "#").
func commentText(line string, d dialect.Name) (string, bool) {
	t := strings.TrimSpace(line)
	if rest, ok := strings.CutPrefix(t, "--"); ok {
		return rest, true
	}
	if d == dialect.MySQL {
		if rest, ok := strings.CutPrefix(t, "#"); ok {
			return rest, true
		}
	}
	return "", false
}

// parseIgnore reads "retort:lint-ignore a, b reason" (the comment's text
// without "--") and returns the names a and b.
func parseIgnore(text string) ([]string, bool) {
	rest, ok := strings.CutPrefix(strings.TrimSpace(text), ignorePrefix)
	if !ok || rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return nil, false
	}
	var names []string
	for {
		rest = strings.TrimLeft(rest, " \t")
		end := 0
		for end < len(rest) && (rest[end] == '-' || rest[end] >= 'a' && rest[end] <= 'z' || rest[end] >= '0' && rest[end] <= '9') {
			end++
		}
		if end == 0 {
			return names, true
		}
		names = append(names, rest[:end])
		rest = strings.TrimLeft(rest[end:], " \t")
		if !strings.HasPrefix(rest, ",") {
			return names, true
		}
		rest = rest[1:]
	}
}

// badIgnores reports the lint-ignore comments of the file that name no
// rule nor kind.
func badIgnores(path string, lines []string, d dialect.Name) []Finding {
	var out []Finding
	for i, l := range lines {
		text, ok := commentText(l, d)
		if !ok {
			continue
		}
		names, ok := parseIgnore(text)
		if !ok {
			continue
		}
		if len(names) == 0 {
			out = append(out, Finding{Path: path, Line: i + 1, Rule: "lint-ignore", Message: "a lint-ignore comment that names no rule",
				Safe: "-- " + ignorePrefix + " RULE[, RULE] why"})
		}
		for _, n := range names {
			if !known(n) {
				out = append(out, Finding{Path: path, Line: i + 1, Rule: "lint-ignore", Message: fmt.Sprintf("unknown rule %q in a lint-ignore comment", n),
					Safe: "a rule name from `retort lint --rules`, or a kind: " + strings.Join(Kinds(), ", ")})
			}
		}
	}
	return out
}
