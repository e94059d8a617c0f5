package phpcheck

import (
	"sync/atomic"
	"time"
)

// Stats counts what a run did, to measure and test the cache. Only the
// fields' growth is meaningful: pass a zero Stats.
type Stats struct {
	// Files is the number of files found.
	Files int64
	// Read1 is the number of files read by the first pass (all of them,
	// but for those the cache knows by their stamp).
	Read1 int64
	// Parsed1 is the number of files parsed by the first pass (those not
	// found in the cache).
	Parsed1 int64
	// Parsed2 is the number of files parsed again by the second pass.
	Parsed2 int64
	// Reused2 is the number of files whose second-pass findings came from
	// the cache.
	Reused2 int64
	// The time the workers spent, summed over them, on: parsing in the
	// first pass (Parse1), the rest of the first pass's work on a parsed
	// file (its symbols, relevance and local checks: Rest1), parsing again
	// in the second pass (Parse2) and checking there (Check2). They split
	// a run's cost by kind of work: Parse1 alone is the parse-only floor,
	// and (Parse1+Rest1+Check2)/Parse1 is what the run would cost against
	// that floor if the second parse were free.
	Parse1, Rest1, Parse2, Check2 time.Duration
}

// work names a field of Stats that times a kind of work.
type work uint8

const (
	parse1 work = iota
	rest1
	parse2
	check2
)

// since adds the time since start to the field of kind w.
func (s *Stats) since(w work, start time.Time) {
	if s == nil {
		return
	}
	d := [...]*time.Duration{&s.Parse1, &s.Rest1, &s.Parse2, &s.Check2}[w]
	atomic.AddInt64((*int64)(d), int64(time.Since(start)))
}

// The counters are safe on a nil Stats and from several goroutines.
func (s *Stats) read1() {
	if s != nil {
		atomic.AddInt64(&s.Read1, 1)
	}
}

func (s *Stats) parsed1() {
	if s != nil {
		atomic.AddInt64(&s.Parsed1, 1)
	}
}

func (s *Stats) parsed2() {
	if s != nil {
		atomic.AddInt64(&s.Parsed2, 1)
	}
}

func (s *Stats) reused2() {
	if s != nil {
		atomic.AddInt64(&s.Reused2, 1)
	}
}
