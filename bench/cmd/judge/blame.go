package main

import (
	"bufio"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// cutoff is the first moment of "code written after 2022".
var cutoff = time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)

// A blamer dates lines with git blame on a corpus's snapshot, caching the
// answers in a file, since blaming a file of a long history takes seconds.
type blamer struct {
	path  string
	cache map[string]string // "gitdir commit file line" -> yes, no, unknown
	dirty bool
}

func newBlamer(path string) *blamer {
	b := &blamer{path: path, cache: map[string]string{}}
	if f, err := os.Open(path); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if k, v, ok := strings.Cut(sc.Text(), "\t"); ok {
				b.cache[k] = v
			}
		}
		f.Close()
	}
	return b
}

// post2022 says whether line of file, in the corpus's snapshot at the
// exported commit (its Version), was written in 2023 or later: "yes",
// "no", or "unknown" when blame fails or, in a shallow snapshot, stops at
// a boundary commit made in 2023 or later (one made earlier makes the
// line "no").
func (b *blamer) post2022(c corpus, file string, line int) string {
	k := fmt.Sprintf("%s %s %s %d", c.GitDir, c.Version, file, line)
	if v, ok := b.cache[k]; ok {
		return v
	}
	v := blameLine(c, file, line)
	b.cache[k] = v
	b.dirty = true
	return v
}

func blameLine(c corpus, file string, line int) string {
	out, err := exec.Command("git", "--git-dir="+c.GitDir, "blame", "--porcelain",
		"-L", fmt.Sprintf("%d,%d", line, line), c.Version, "--", file).Output()
	if err != nil {
		return "unknown"
	}
	var when, committed int64 = -1, -1
	boundary := false
	for _, l := range strings.Split(string(out), "\n") {
		if l == "boundary" {
			boundary = true
		}
		if s, ok := strings.CutPrefix(l, "author-time "); ok {
			when, _ = strconv.ParseInt(s, 10, 64)
		}
		if s, ok := strings.CutPrefix(l, "committer-time "); ok {
			committed, _ = strconv.ParseInt(s, 10, 64)
		}
	}
	if boundary && c.Shallow {
		// The line existed when the boundary commit was made, which is all
		// a shallow history says: old enough if that was before 2023.
		if committed >= 0 && time.Unix(committed, 0).Before(cutoff) {
			return "no"
		}
		return "unknown"
	}
	switch {
	case when < 0:
		return "unknown"
	case !time.Unix(when, 0).Before(cutoff):
		return "yes"
	}
	return "no"
}

func (b *blamer) save() error {
	if !b.dirty {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(b.path), 0o755); err != nil {
		return err
	}
	var s strings.Builder
	for _, k := range slices.Sorted(maps.Keys(b.cache)) {
		fmt.Fprintf(&s, "%s\t%s\n", k, b.cache[k])
	}
	return os.WriteFile(b.path, []byte(s.String()), 0o644)
}
