package progress_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/riskvet/riskvet/internal/progress"
)

func TestLine(t *testing.T) {
	for _, tc := range []struct {
		done, total int
		elapsed     time.Duration
		want        string
	}{
		{0, 100, 0, "php: 0/100 files"},
		{50, 200, 5 * time.Second, "php: 50/200 files  10 files/s  15s left"},
		{1200, 5341, 3 * time.Second, "php: 1200/5341 files  400 files/s  10s left"},
		{7, 7, 2 * time.Second, "php: 7/7 files  4 files/s"},
		{1, 10000, 2 * time.Second, "php: 1/10000 files  0 files/s  5h33m18s left"},
	} {
		if got := progress.Line("php", tc.done, tc.total, tc.elapsed); got != tc.want {
			t.Errorf("Line(%d, %d, %v) = %q, want %q", tc.done, tc.total, tc.elapsed, got, tc.want)
		}
	}
}

// clock is a fake time source advanced by hand.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func TestMeter(t *testing.T) {
	c := &clock{t: time.Unix(0, 0)}
	var buf bytes.Buffer
	m := progress.NewAt(&buf, true, "php", 4, c.now)
	m.Add(1)
	c.t = c.t.Add(time.Second)
	m.Add(1)
	if buf.Len() != 0 {
		t.Fatalf("drew before the delay: %q", buf.String())
	}
	c.t = c.t.Add(time.Second)
	m.Add(1) // 3 of 4 after 2s: drawn
	m.Add(0) // no time has passed: not redrawn
	c.t = c.t.Add(time.Second)
	m.Add(1)
	m.Close()
	want := "\rphp: 3/4 files  2 files/s  1s left" +
		"\rphp: 4/4 files  1 files/s" + strings.Repeat(" ", len("  1s left")) +
		"\r" + strings.Repeat(" ", len("php: 4/4 files  1 files/s")) + "\r"
	if buf.String() != want {
		t.Errorf("drew\n%q\nwant\n%q", buf.String(), want)
	}
}

// TestOff checks that a meter that is off, and a short run, print nothing.
func TestOff(t *testing.T) {
	var buf bytes.Buffer
	m := progress.New(&buf, false, "php", 10)
	m.Add(10)
	m.Close()
	m = progress.New(&buf, true, "php", 10) // a fast run: under the delay
	m.Add(10)
	m.Close()
	if buf.Len() != 0 {
		t.Errorf("printed %q", buf.String())
	}
	if progress.IsTerminal(&buf) {
		t.Error("a buffer is a terminal")
	}
}

func TestStart(t *testing.T) {
	c := &clock{t: time.Unix(0, 0)}
	var buf bytes.Buffer
	m := progress.NewAt(&buf, true, "php", 0, c.now)
	c.t = c.t.Add(time.Minute) // the walk: not part of the rate
	m.Start(10)
	c.t = c.t.Add(2 * time.Second)
	m.Add(5)
	if want := "\rphp: 5/10 files  2 files/s  2s left"; buf.String() != want {
		t.Errorf("drew %q, want %q", buf.String(), want)
	}
	var nilMeter *progress.Meter
	nilMeter.Start(3) // does nothing, does not panic
}
