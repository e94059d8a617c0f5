// Package progress draws a one-line progress meter for long runs:
//
//	riskvet php: 1200/5341 files  412 files/s  10s left
//
// The line is redrawn in place with a carriage return and cleared when the
// run ends, so it never mixes with the report. It appears only on a
// terminal, only when asked for, and only once a run has lasted Delay: a
// short run, the common case in a pre-commit hook, prints nothing at all.
package progress

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"golang.org/x/term"
)

// Delay is how long a run goes before the meter first shows.
const Delay = 2 * time.Second

// interval is the shortest time between two redraws: faster is flicker and
// terminal I/O for nothing.
const interval = 100 * time.Millisecond

// IsTerminal reports whether w is a terminal.
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// Meter counts finished items and draws the progress line. Its methods may
// be called from several goroutines. A nil *Meter does nothing.
type Meter struct {
	w      io.Writer
	prefix string
	total  int
	now    func() time.Time

	mu    sync.Mutex
	start time.Time
	last  time.Time
	done  int
	width int // of the line on screen, to clear; 0 when nothing is drawn
}

// New returns a meter of total items writing to w, or nil (a meter that
// does nothing) unless on: pass IsTerminal(stderr) && !quiet.
func New(w io.Writer, on bool, prefix string, total int) *Meter {
	return NewAt(w, on, prefix, total, time.Now)
}

// NewAt is New with a clock, for tests.
func NewAt(w io.Writer, on bool, prefix string, total int, now func() time.Time) *Meter {
	if !on {
		return nil
	}
	return &Meter{w: w, prefix: prefix, total: total, now: now, start: now()}
}

// Start sets the number of items and restarts the clock, for a run whose
// size is known only once it has begun (the files found by a walk).
func (m *Meter) Start(total int) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.total, m.done, m.start = total, 0, m.now()
}

// Add records n more finished items and redraws the line when it is due.
func (m *Meter) Add(n int) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.done += n
	t := m.now()
	elapsed := t.Sub(m.start)
	if elapsed < Delay || t.Sub(m.last) < interval && m.done < m.total {
		return
	}
	m.last = t
	line := Line(m.prefix, m.done, m.total, elapsed)
	// Pad to the previous width so a shorter line leaves no tail.
	pad := max(m.width-len(line), 0)
	fmt.Fprintf(m.w, "\r%s%s", line, strings.Repeat(" ", pad))
	m.width = len(line)
}

// Close clears the line, if one was drawn.
func (m *Meter) Close() {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.width > 0 {
		fmt.Fprintf(m.w, "\r%s\r", strings.Repeat(" ", m.width))
		m.width = 0
	}
}

// Line formats the progress after done of total items in elapsed time: the
// count, the rate and the time left at that rate, rounded to the second.
func Line(prefix string, done, total int, elapsed time.Duration) string {
	var b strings.Builder
	if prefix != "" {
		b.WriteString(prefix)
		b.WriteString(": ")
	}
	fmt.Fprintf(&b, "%d/%d files", done, total)
	secs := elapsed.Seconds()
	if done == 0 || secs <= 0 {
		return b.String()
	}
	rate := float64(done) / secs
	fmt.Fprintf(&b, "  %.0f files/s", rate)
	left := time.Duration(float64(total-done) / rate * float64(time.Second)).Round(time.Second)
	if done < total {
		fmt.Fprintf(&b, "  %s left", left)
	}
	return b.String()
}
