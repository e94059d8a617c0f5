package phpcheck

import "sync/atomic"

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
