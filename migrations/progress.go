package migrations

import (
	"fmt"
	"io"
	"time"
)

// progressEvery is how often a statement that is still running is reported
// when RunnerOptions.Log is set.
const progressEvery = 5 * time.Second

// progress writes what a run does while it does it: a line before each
// revision runs (so a hung revision shows in a CI log, which keeps only
// whole lines), a line when it completes, a line every few seconds while a
// statement runs, and a summary. Without a Log it writes nothing.
type progress struct {
	w     io.Writer
	now   func() time.Time
	every time.Duration
	start time.Time
	total int // steps planned
	up    bool
	// revs and stmts count the steps that completed and their statements.
	revs, stmts int
}

func (r *Runner) newProgress(steps []Step) *progress {
	p := &progress{w: r.opts.Log, now: r.now, every: r.progressEvery, start: r.now(), total: len(steps)}
	if p.every <= 0 {
		p.every = progressEvery
	}
	if len(steps) > 0 {
		p.up = steps[0].Up
	}
	return p
}

// prefix numbers the lines of a long run.
func (p *progress) prefix(i int) string {
	if p.total > 10 {
		return fmt.Sprintf("[%d/%d] ", i+1, p.total)
	}
	return ""
}

// starting writes the step's warnings and its "Running ..." line, before
// any of its statements runs.
func (p *progress) starting(st Step, i int, resume *logEntry) {
	if p.w == nil {
		return
	}
	prefix := p.prefix(i)
	for _, w := range stepWarnings(st) {
		fmt.Fprintf(p.w, "%sWARNING: %s\n", prefix, w)
	}
	line := prefix + runningLine(st)
	if resume != nil {
		line += fmt.Sprintf(", resuming at statement %d", resume.StatementsRun+1)
	}
	fmt.Fprintln(p.w, line)
}

// finished writes how the step ended; ran is the number of statements it
// ran in this run.
func (p *progress) finished(st Step, ran int, took time.Duration, err error) {
	if err == nil {
		p.revs++
		p.stmts += ran
	}
	if p.w == nil {
		return
	}
	if err != nil {
		fmt.Fprintf(p.w, "  %s of %s failed after %s\n", dirWord(st.Up), st.Rev.ID, seconds(took))
		return
	}
	fmt.Fprintf(p.w, "  done in %s (%s)\n", seconds(took), plural(ran, "statement"))
}

// summary writes the totals of the run; nothing when it planned nothing.
func (p *progress) summary(err error) {
	if p.w == nil || p.total == 0 {
		return
	}
	took := seconds(p.now().Sub(p.start))
	verb := "Downgraded"
	if p.up {
		verb = "Upgraded"
	}
	if err == nil {
		fmt.Fprintf(p.w, "%s %s, %s, in %s\n", verb, plural(p.revs, "revision"), plural(p.stmts, "statement"), took)
		return
	}
	fmt.Fprintf(p.w, "Stopped after %d of %s (%s) in %s\n", p.revs, plural(p.total, "revision"), plural(p.stmts, "statement"), took)
}

// statement reports statement i (1-based) of st's n every few seconds
// while it runs; the returned stop ends the reports, and returns once the
// last one is written.
func (p *progress) statement(st Step, i, n int) (stop func()) {
	if p.w == nil {
		return func() {}
	}
	done, exited := make(chan struct{}), make(chan struct{})
	start := time.Now()
	go func() {
		defer close(exited)
		t := time.NewTicker(p.every)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				fmt.Fprintf(p.w, "  still running statement %d of %d of %s (%s)\n", i, n, st.Rev.ID, time.Since(start).Round(time.Second))
			}
		}
	}()
	return func() { close(done); <-exited }
}

// seconds is a duration as the progress lines show it: "0.01s".
func seconds(d time.Duration) string { return fmt.Sprintf("%.2fs", d.Seconds()) }

// plural is "1 revision", "2 revisions".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
