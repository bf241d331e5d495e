package cli

import (
	"testing"

	"github.com/retortdb/retort/diff"
)

func TestDetected(t *testing.T) {
	for _, c := range []struct {
		change diff.Change
		want   string
	}{
		{diff.Change{Kind: "add table", Table: "users", Text: "add table users (id)"}, "Detected added table 'users'"},
		{diff.Change{Kind: "drop column", Table: "users", Object: "email", Text: "drop column users.email"}, "Detected removed column 'users.email'"},
		{diff.Change{Kind: "modify column", Table: "users", Object: "name", Text: "modify column users.name: ..."}, "Detected changed column 'users.name'"},
		{diff.Change{Kind: "add index", Table: "posts", Object: "idx_posts_title", Text: "add index ..."}, "Detected added index 'idx_posts_title' on 'posts'"},
		{diff.Change{Kind: "add foreign key", Table: "posts", Object: "fk_posts_user", Text: "add foreign key ..."}, "Detected added foreign key 'fk_posts_user' on 'posts'"},
		{diff.Change{Kind: "drop primary key", Table: "posts", Text: "drop primary key of posts (id)"}, "Detected removed primary key on 'posts'"},
		{diff.Change{Kind: "add enum", Object: "mood", Text: "add enum type mood ('a')"}, "Detected added enum 'mood'"},
		{diff.Change{Kind: "rename column", Table: "users", Object: "full_name", Text: "rename column users.name to full_name"}, "Detected renamed column users.name to full_name"},
		{diff.Change{Kind: "table comment", Table: "users", Text: "change comment of users to 'x'"}, "Detected change comment of users to 'x'"},
	} {
		if got := detected(c.change); got != c.want {
			t.Errorf("detected(%q) = %q, want %q", c.change.Kind, got, c.want)
		}
	}
}

// A driver's multi-line error (pgx lists each address it tried, indented
// by a tab under a line ending in a colon) reads as one line.
func TestOneLine(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain", "plain"},
		{"failed to connect to `user=root database=x`:\n\t127.0.0.1:1 (localhost): refused\n\t[::1]:1 (localhost): refused\n",
			"failed to connect to `user=root database=x`: 127.0.0.1:1 (localhost): refused; [::1]:1 (localhost): refused"},
		{"first\n\nsecond", "first; second"},
	} {
		if got := oneLine(c.in); got != c.want {
			t.Errorf("oneLine(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
