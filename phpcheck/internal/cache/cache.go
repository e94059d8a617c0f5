// Package cache is the PHP driver's result cache. It keeps, per file, what
// the driver's two passes learned about it: its line count, its symbols for
// the index, the first pass's findings and the second pass's findings
// together with what they were computed from. A rerun parses only the files
// whose content changed, plus the files whose second-pass checks asked the
// index a question that it now answers differently.
//
// What an entry depends on, and so what its key and tags hold:
//   - the first pass (symbols, local findings, line count) depends on the
//     file's path and content, riskvet's build and the configuration
//     (which the driver describes to Open: checks, their flags, size
//     limit): all of it is in the entry's key. A rerun finds the key by
//     hashing the file's content, or, without reading the file,
//     by its stamp (size, modification and status-change times, inode; see
//     stamp.go) when the stamp recorded with the entry is trusted;
//   - the second pass depends on that and on the index. The entry records
//     every lookup its checks made (index.Recording: "method find of class
//     Repo", "function wfMessage") and a hash of the answers (index
//     AppendAnswer: every field of the declaration returned). A rerun
//     reuses the findings when the index is the same (its hash is recorded
//     too) or answers every recorded lookup alike: adding a method to a
//     class re-checks only the files that asked for a method of that
//     name, and an edit that moves declarations re-checks the files that
//     read the moved declarations (their lines are part of the answers,
//     since messages quote them).
//
// The entries of one tree (one root, build and configuration) are kept
// together in one pack file, read whole at the start of a run and written
// whole at its end when something changed. One file per source file was
// tried first and cost more than it saved: on MediaWiki, opening and
// decoding 5,000 small files made a warm run 32% of a cold one, and writing
// them doubled the cold run on a slow disk. A pack holds the entries of
// the files of the last run plus those of other files of the tree used in
// the last maxAge (a run over a subfolder keeps the rest), so it
// stays the size of the tree's working set; packs unused for maxAge
// are deleted, checked at most once a day.
//
// A cache never changes a result: a pack is written to a temporary file and
// renamed into place, carries the SHA-256 of its payload, and one that
// cannot be read, fails its checksum or fails to decode is ignored (and
// replaced at the end of the run); each entry carries its full key. Two runs
// over the same tree at once each write their own pack, and the last one
// stays: the other's work is lost, not mixed. Failing to write the cache
// (a read-only home) is not an error.
//
// The driver talks to the cache in three calls per file and one per run,
// and keeps its own counts: [Cache.Before] before the first pass reads a
// file (a hit returns the file's [Result] without parsing it),
// [Cache.Indexed] once the index is merged, [Cache.Check] before the
// second pass checks a file (a hit returns its findings without parsing
// it again), and [Cache.After] once both passes are done with the file.
// [Open] and [Cache.Close] read and write the pack. A nil *Cache is a run
// without a cache: Before only reads, Check returns the index as it is,
// and the others do nothing.
package cache

import (
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/riskvet/riskvet/internal/finding"
	"github.com/riskvet/riskvet/internal/version"
	"github.com/riskvet/riskvet/phpcheck/index"
)

// Result is what the driver's two passes learn about one file, and what
// the cache gives back for it.
type Result struct {
	// Lines is the file's count of lines of code.
	Lines int
	// Syms are the file's declarations, for the index.
	Syms *index.FileSymbols
	// Second reports that a check of the second pass may report in the
	// file, which is then parsed again and checked with the index.
	Second bool
	// Local are the first pass's findings (its checks', malformed
	// directives): they depend on the file alone.
	Local []finding.Finding
	// Global are the second pass's findings, which depend on the index
	// too: the cache keeps what they were computed from.
	Global []finding.Finding
	// ParseError is the file's one finding when it was not parsed (the
	// parser rejected it, crashed or gave up, or the file is over the
	// size limit); Local and Global are then empty.
	ParseError *finding.Finding
	// Timeout reports that ParseError is the parser giving up at its
	// deadline, a verdict that depends on the machine's load, not on the
	// file: such a result is not kept.
	Timeout bool
	// On is the set of the run's checks that per-path settings turn on
	// for the file, a bitmask the driver sets before Before. It is part
	// of the entry's key, so that changing a setting re-checks exactly
	// the files it covers.
	On uint64

	state state
}

// state is what the cache keeps about a file during a run.
type state struct {
	rel    string
	sum    [32]byte // SHA-256 of the content the first pass read
	key    [32]byte
	symsID [32]byte
	hit    *entry // the entry Before found, if any
	// checked: Check gave the file to the second pass, whose findings
	// and lookups (deps) are new.
	checked bool
	deps    map[index.Lookup]bool
	// stamp is the file's metadata before the first pass read it, and
	// stamped reports that the stamp may identify that content.
	stamp   fileStamp
	stamped bool
}

// Cache is a run's handle on a cache directory.
type Cache struct {
	dir   string
	salt  [32]byte // build, format and configuration
	pack  string   // the tree's full pack file
	delta string   // the tree's delta pack file
	// base holds the entries read from the full pack, and baseSum its
	// payload checksum; base is nil when there was no usable full pack.
	base    map[*entry]bool
	baseSum [32]byte
	old     map[[32]byte]*entry
	// lookups is the old pack's table of lookups, and digests their
	// answers' digests in this run's index, computed when first needed.
	lookups []index.Lookup
	digests []atomic.Pointer[[32]byte]
	// stamped holds, per shown path, the most recently used old entry
	// that has a trusted stamp.
	stamped map[string]*entry

	mu      sync.Mutex
	entries []*entry // this run's files' entries
	changed bool     // an entry is new, or the pack was unusable

	idx     *index.Index
	id      [32]byte // idx's hash
	answers sync.Map // index.Lookup -> [32]byte: the digest of its answer in idx
}

// Open returns the cache in dir for the tree at root (the directory shown
// paths are relative to), or nil when dir is "". config describes what
// besides a file's content and riskvet's build its results depend on (the
// checks, their flags, the size limit). It reads the tree's pack.
func Open(dir, root string, config []byte) *Cache {
	if dir == "" {
		return nil
	}
	h := sha256.New()
	fmt.Fprintf(h, "riskvet php cache %d\x00%s\x00%x\x00", format, version.String(), buildID())
	h.Write(config)
	c := &Cache{dir: dir}
	h.Sum(c.salt[:0])
	if root == "" {
		root = "."
	}
	if a, err := filepath.Abs(root); err == nil {
		root = a
	}
	p := sha256.Sum256(append(c.salt[:], root...))
	c.pack = filepath.Join(c.dir, hex.EncodeToString(p[:])+packSuffix)
	c.delta = strings.TrimSuffix(c.pack, packSuffix) + deltaSuffix
	base, sum := readPack(c.pack)
	if base == nil {
		c.changed = true
	} else {
		c.baseSum, c.lookups = sum, base.Lookups
		c.old = make(map[[32]byte]*entry, len(base.Entries))
		c.base = make(map[*entry]bool, len(base.Entries))
		for _, e := range base.Entries {
			c.old[e.Key] = e
			c.base[e] = true
		}
		// The delta's entries carry their lookups themselves (deps), not
		// positions in the full pack's table.
		if d, _ := readPack(c.delta); d != nil && d.Base == sum {
			for _, e := range d.Entries {
				e.deps = make([]index.Lookup, len(e.DepIdx))
				for i, j := range e.DepIdx {
					e.deps[i] = d.Lookups[j]
				}
				e.DepIdx = nil
				c.old[e.Key] = e
			}
		}
	}
	c.digests = make([]atomic.Pointer[[32]byte], len(c.lookups))
	c.stamped = map[string]*entry{}
	for _, e := range c.old {
		if p := c.stamped[e.Path]; e.Stamped && (p == nil || e.Used > p.Used) {
			c.stamped[e.Path] = e
		}
	}
	return c
}

// Before is the first call about a file, before the first pass reads it:
// rel is its shown path, st its metadata taken at start, before reading,
// and read reads it. When the cache holds the file's result, Before sets
// *r to it and reports hit: it finds the result by the file's stamp
// without calling read when the stamp is trusted, else by the hash of what
// read returns. src is what read returned, nil when it was not called.
func (c *Cache) Before(r *Result, rel string, st os.FileInfo, start time.Time, read func() ([]byte, error)) (src []byte, hit bool, err error) {
	if c == nil {
		src, err = read()
		return src, false, err
	}
	s := &r.state
	s.rel = rel
	s.stamp, s.stamped = stampOf(st, start)
	if e := c.stamped[rel]; s.stamped && e != nil && e.Stamp == s.stamp && e.Key == c.key(rel, e.Sum, r.On) {
		s.sum, s.key = e.Sum, e.Key
		c.hit(e, r)
		return nil, true, nil
	}
	if src, err = read(); err != nil {
		return nil, false, err
	}
	s.sum = sha256.Sum256(src)
	s.key = c.key(rel, s.sum, r.On)
	e := c.old[s.key]
	if e == nil {
		return src, false, nil
	}
	if s.stamped && (!e.Stamped || e.Stamp != s.stamp) {
		// The same content with new metadata (touched, copied, checked
		// out again): keep the entry under the new stamp, so that the
		// next run need not read the file.
		cp := *e
		cp.Sum, cp.Stamp, cp.Stamped = s.sum, s.stamp, true
		e = &cp
		c.mu.Lock()
		c.changed = true
		c.mu.Unlock()
	}
	c.hit(e, r)
	return src, true, nil
}

// hit fills r from the first pass's entry e.
func (c *Cache) hit(e *entry, r *Result) {
	r.state.hit, r.state.symsID = e, e.SymsID
	r.Lines, r.Syms, r.Local, r.ParseError, r.Second = e.Lines, e.Syms, e.Local, e.ParseError, e.Second
}

// key returns the key of a file's entry: its shown path, content and
// checks on under the run's salt.
func (c *Cache) key(rel string, sum [32]byte, on uint64) [32]byte {
	h := sha256.New()
	h.Write(c.salt[:])
	h.Write([]byte(rel))
	h.Write([]byte{0})
	h.Write(sum[:])
	h.Write(binary.LittleEndian.AppendUint64(nil, on))
	var k [32]byte
	h.Sum(k[:0])
	return k
}

// Indexed is the call after indexing: idx is the run's index, merged from
// the symbols of the results rs in their order.
func (c *Cache) Indexed(idx *index.Index, rs []*Result) {
	if c == nil {
		return
	}
	c.idx = idx
	// The symbols this run parsed are hashed on every core: gob-encoding
	// them is a share of a cold run's work.
	var todo []*Result
	for _, r := range rs {
		if r.Syms != nil && r.state.hit == nil {
			todo = append(todo, r)
		}
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(len(todo), 1)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(todo); i = int(next.Add(1) - 1) {
				todo[i].state.symsID = symsID(todo[i].Syms)
			}
		})
	}
	wg.Wait()
	c.id = indexID(rs)
}

// symsID returns the hash of a file's symbols, from which the index hash
// is built.
func symsID(s *index.FileSymbols) [32]byte {
	h := sha256.New()
	// gob encodes a value of a given type the same way every time (there
	// are no maps in FileSymbols), which is all a hash needs.
	if gob.NewEncoder(h).Encode(s) != nil {
		// Unreachable for a plain struct; a random-free fallback would
		// risk two different symbol sets sharing an ID, so make it
		// unique instead.
		fmt.Fprintf(h, "%p", s)
	}
	var id [32]byte
	h.Sum(id[:0])
	return id
}

// indexID returns the hash of the merged index: of every parsed file's
// path and symbols, in path order (the order Merge resolves duplicates in).
func indexID(rs []*Result) [32]byte {
	h := sha256.New()
	var n [8]byte
	for _, r := range rs {
		if r.Syms == nil {
			continue
		}
		binary.LittleEndian.PutUint64(n[:], uint64(len(r.Syms.Path)))
		h.Write(n[:])
		h.Write([]byte(r.Syms.Path))
		h.Write(r.state.symsID[:])
	}
	var id [32]byte
	h.Sum(id[:0])
	return id
}

// Check is called before the second pass checks a file. When the cache
// holds the file's second-pass findings for the run's index, it sets
// r.Global to them and reports true: they hold if they were computed with
// the same index, or with one in which every name the checks looked up
// resolved to the same declarations. Otherwise it returns the index to
// check the file with: idx, recording the lookups for After.
func (c *Cache) Check(r *Result, idx *index.Index) (*index.Index, bool) {
	if c == nil {
		return idx, false
	}
	s := &r.state
	if h := s.hit; h != nil && h.HasGlobal && (h.IndexID == c.id || h.HasDeps && c.depsOf(h) == h.DepsID) {
		r.Global = h.Global
		return idx, true
	}
	s.checked = true
	s.deps = map[index.Lookup]bool{}
	return idx.Recording(func(l index.Lookup) { s.deps[l] = true }), false
}

// depsOf returns the hash of the answers to e's lookups in the run's index.
func (c *Cache) depsOf(e *entry) [32]byte {
	if e.deps != nil {
		return c.depsID(e.deps)
	}
	return c.oldDepsID(e.DepIdx)
}

// depsID returns the hash of the lookups deps and of their answers in the
// run's index: equal IDs mean that every lookup is answered alike, so
// that checks which read the index only through them report the same.
func (c *Cache) depsID(deps []index.Lookup) [32]byte {
	h := sha256.New()
	for _, d := range deps {
		a, ok := c.answers.Load(d)
		if !ok {
			a, _ = c.answers.LoadOrStore(d, c.digest(d))
		}
		sum := a.([32]byte)
		h.Write(sum[:])
	}
	var id [32]byte
	h.Sum(id[:0])
	return id
}

// oldDepsID is depsID for the lookups of an entry read from the pack.
func (c *Cache) oldDepsID(idx []uint32) [32]byte {
	h := sha256.New()
	for _, i := range idx {
		p := c.digests[i].Load()
		if p == nil {
			d := c.digest(c.lookups[i])
			p = &d
			c.digests[i].Store(p)
		}
		h.Write(p[:])
	}
	var id [32]byte
	h.Sum(id[:0])
	return id
}

// digest returns the hash of a lookup and its answer in the run's index.
func (c *Cache) digest(l index.Lookup) [32]byte {
	return sha256.Sum256(c.idx.AppendAnswer(appendLookup(nil, l), l))
}

func appendLookup(b []byte, l index.Lookup) []byte {
	b = append(b, byte(l.Kind))
	b = binary.AppendUvarint(b, uint64(len(l.Name)))
	b = append(b, l.Name...)
	b = binary.AppendUvarint(b, uint64(len(l.Member)))
	return append(b, l.Member...)
}

// sortedDeps returns the recorded lookups in a fixed order.
func sortedDeps(m map[index.Lookup]bool) []index.Lookup {
	deps := make([]index.Lookup, 0, len(m))
	for d := range m {
		deps = append(deps, d)
	}
	slices.SortFunc(deps, func(a, b index.Lookup) int {
		return cmp.Or(cmp.Compare(a.Kind, b.Kind), strings.Compare(a.Name, b.Name), strings.Compare(a.Member, b.Member))
	})
	return deps
}

// After is the last call about a file, once both passes are done with it
// (the driver makes it only for a file it could read and check without an
// error). It keeps r for the next run, unless the parser timed out or the
// second pass read content other than the first's: reread is what the
// second pass read again, nil if it used the first pass's bytes.
func (c *Cache) After(r *Result, reread []byte) {
	if c == nil || r.Timeout {
		return
	}
	s := &r.state
	if reread != nil && sha256.Sum256(reread) != s.sum {
		return // edited between the passes
	}
	if s.hit != nil && !s.checked {
		c.store(s.hit, false) // nothing new
		return
	}
	e := &entry{
		Key:        s.key,
		Path:       s.rel,
		Lines:      r.Lines,
		Syms:       r.Syms,
		SymsID:     s.symsID,
		Local:      r.Local,
		ParseError: r.ParseError,
		Second:     r.Second,
		Sum:        s.sum,
	}
	if s.stamped {
		e.Stamp, e.Stamped = s.stamp, true
	}
	if s.checked {
		e.HasGlobal, e.IndexID, e.Global = true, c.id, r.Global
		e.HasDeps, e.deps = true, sortedDeps(s.deps)
		e.DepsID = c.depsID(e.deps)
	}
	c.store(e, true)
}

// store records e as this run's entry of its file.
func (c *Cache) store(e *entry, isNew bool) {
	c.mu.Lock()
	c.entries = append(c.entries, e)
	c.changed = c.changed || isNew
	c.mu.Unlock()
}

// Close writes the pack if the run changed it, and deletes unused packs
// at most once a day.
func (c *Cache) Close() {
	if c == nil {
		return
	}
	now := time.Now()
	if !c.changed || !c.write(now) {
		// The full pack is in use but was not rewritten.
		if st, err := os.Stat(c.pack); err == nil && now.Sub(st.ModTime()) > touchAfter {
			os.Chtimes(c.pack, now, now) // best effort: only trimming reads it
		}
	}
	c.trim(now)
}
