package migrations

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
)

// A statement that runs for longer than the interval is reported while it
// runs, and nothing is written once stop returned.
func TestProgressLongStatement(t *testing.T) {
	var log bytes.Buffer
	p := &progress{w: &log, now: time.Now, every: 10 * time.Millisecond, start: time.Now(), total: 1, up: true}
	st := Step{Rev: rtRev("r1", "slow", nil, []string{"SELECT 1"}, nil), Up: true}
	stop := p.statement(st, 2, 3)
	time.Sleep(60 * time.Millisecond)
	stop()
	n := len(log.String())
	time.Sleep(30 * time.Millisecond)
	if len(log.String()) != n {
		t.Errorf("written after stop:\n%s", log.String())
	}
	if !strings.Contains(log.String(), "  still running statement 2 of 3 of r1 (") {
		t.Errorf("no still-running line:\n%s", log.String())
	}
}

// The lines of a run: before and after each revision, and the totals,
// pluralised; nothing at all without a Log.
func TestProgressLines(t *testing.T) {
	clock := time.Unix(0, 0)
	now := func() time.Time { clock = clock.Add(250 * time.Millisecond); return clock }
	r1 := Step{Rev: rtRev("r1", "one", nil, []string{"SELECT 1"}, nil), Up: true}
	r2 := Step{Rev: rtRev("r2", "two", []string{"r1"}, []string{"SELECT 1", "SELECT 2"}, nil), Up: true}
	for _, c := range []struct {
		err  error
		want string
	}{
		{nil, "Running upgrade <base> -> r1, one\n  done in 0.25s (1 statement)\n" +
			"Running upgrade r1 -> r2, two\n  done in 0.25s (2 statements)\nUpgraded 2 revisions, 3 statements, in 0.25s\n"},
		{errors.New("boom"), "Running upgrade <base> -> r1, one\n  done in 0.25s (1 statement)\n" +
			"Running upgrade r1 -> r2, two\n  upgrade of r2 failed after 0.25s\nStopped after 1 of 2 revisions (1 statement) in 0.25s\n"},
	} {
		var log bytes.Buffer
		r := &Runner{opts: RunnerOptions{Log: &log}, now: now}
		p := r.newProgress([]Step{r1, r2})
		p.starting(r1, 0, nil)
		p.finished(r1, 1, 250*time.Millisecond, nil)
		p.starting(r2, 1, nil)
		p.finished(r2, 2, 250*time.Millisecond, c.err)
		p.summary(c.err)
		if log.String() != c.want {
			t.Errorf("got:\n%s\nwant:\n%s", log.String(), c.want)
		}
	}
	silent := (&Runner{now: time.Now}).newProgress([]Step{r1})
	silent.starting(r1, 0, nil)
	silent.statement(r1, 1, 1)()
	silent.finished(r1, 1, time.Second, nil)
	silent.summary(nil)
}
