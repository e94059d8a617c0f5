package phpcheck

import (
	"fmt"
	"strconv"
	"strings"
)

// Shard selects a deterministic share of the files for one of several
// parallel runs (a CI matrix): shard I of N, 1-based, checks the files whose
// position in the sorted list of found files is I-1 modulo N. Every shard
// still parses every file for the index (or reads it from the cache), so
// its findings are exactly those an unsharded run reports in its files;
// the N outputs merged (riskvet sonar, riskvet matrix) are the unsharded
// report.
//
// Dealing the sorted files round-robin gives shards of equal size (within
// one file) and keeps neighbouring files, which tend to be of similar
// size, apart. The trade-off: adding or removing a file moves the files
// after it to other shards, which matters to nobody as long as all shards
// of a run see the same tree.
type Shard struct {
	I, N int
}

// ParseShard parses "i/n" with 1 <= i <= n.
func ParseShard(s string) (Shard, error) {
	a, b, ok := strings.Cut(s, "/")
	i, err1 := strconv.Atoi(strings.TrimSpace(a))
	n, err2 := strconv.Atoi(strings.TrimSpace(b))
	if !ok || err1 != nil || err2 != nil {
		return Shard{}, fmt.Errorf("%q is not i/n (for example 1/4)", s)
	}
	sh := Shard{I: i, N: n}
	if n < 1 || i < 1 || i > n {
		return Shard{}, fmt.Errorf("%d/%d: want 1 <= i <= n", i, n)
	}
	return sh, nil
}

func (s Shard) valid() error {
	if s == (Shard{}) {
		return nil
	}
	if s.N < 1 || s.I < 1 || s.I > s.N {
		return fmt.Errorf("shard %d/%d: want 1 <= i <= n", s.I, s.N)
	}
	return nil
}

// String returns "i/n", or "" for the zero Shard (no sharding).
func (s Shard) String() string {
	if s == (Shard{}) {
		return ""
	}
	return fmt.Sprintf("%d/%d", s.I, s.N)
}

// owns reports whether the shard checks the k-th file (0-based) of the
// sorted list; the zero Shard owns every file.
func (s Shard) owns(k int) bool {
	return s.N <= 1 || k%s.N == s.I-1
}
