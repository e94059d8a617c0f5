package phpcheck

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"encoding/gob"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/riskvet/riskvet/internal/finding"
	"github.com/riskvet/riskvet/internal/version"
	"github.com/riskvet/riskvet/phpcheck/check"
	"github.com/riskvet/riskvet/phpcheck/index"
)

// The result cache keeps, per file, what the two passes learned about it:
// its line count, its symbols for the index, the first pass's findings and
// the second pass's findings together with what they were computed from.
// A rerun parses only the files whose content changed, plus the files whose
// second-pass checks asked the index a question that it now answers
// differently.
//
// What an entry depends on, and so what its key and tags hold:
//   - the first pass (symbols, local findings, line count) depends on the
//     file's path and content, riskvet's build and the configuration
//     (checks, their flags, size limit): all of it is in the entry's key. A rerun finds
//     the key by hashing the file's content, or, without reading the file,
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
// the last cacheMaxAge (a run over a subfolder keeps the rest), so it
// stays the size of the tree's working set; packs unused for cacheMaxAge
// are deleted, checked at most once a day.
//
// A cache never changes a result: a pack is written to a temporary file and
// renamed into place, carries the SHA-256 of its payload, and one that
// cannot be read, fails its checksum or fails to decode is ignored (and
// replaced at the end of the run); each entry carries its full key. Two runs
// over the same tree at once each write their own pack, and the last one
// stays: the other's work is lost, not mixed. Failing to write the cache
// (a read-only home) is not an error.

// cacheFormat is the version of the pack format. Bump it when
// index.FileSymbols, finding.Finding or cacheEntry change shape or meaning
// in a way the build ID would not catch (it always changes with the code,
// see buildID, so this matters for releases built from the same version).
const cacheFormat = 6

// cacheMagic starts every pack file.
const cacheMagic = "rvphp\x00"

const (
	cacheMaxAge      = 5 * 24 * time.Hour
	cacheTouchAfter  = time.Hour
	cacheTrimEvery   = 24 * time.Hour
	cacheTrimFile    = "trim.txt"
	cachePackSuffix  = ".pack"
	cacheDeltaSuffix = ".delta"
	cacheTempPattern = ".tmp-*"
)

// cacheEntry is what the cache stores for one file.
type cacheEntry struct {
	// Key is the entry's key (path, content, build, configuration).
	Key [32]byte
	// Path is the file's shown path, to drop the entries of older
	// contents of a file the run has seen.
	Path string
	// Used is when a run last used the entry (Unix seconds).
	Used   int64
	Lines  int
	Syms   *index.FileSymbols
	SymsID [32]byte
	Local  []finding.Finding
	Second bool
	// HasGlobal reports whether Global holds the second pass's findings
	// for the index whose hash is IndexID.
	HasGlobal bool
	IndexID   [32]byte
	Global    []finding.Finding
	// The second pass's lookups are DepIdx, positions in the pack's
	// Lookups, and DepsID is the hash of their answers: Global holds for
	// any index that answers them alike. deps holds them instead in an
	// entry made by this run, until the pack is written.
	HasDeps bool
	DepIdx  []uint32
	DepsID  [32]byte
	deps    []index.Lookup
	// Sum is the SHA-256 of the content the entry was computed from.
	Sum [32]byte
	// Stamp is the file's metadata when that content was read, and
	// Stamped reports that it identifies the content (see stampOK): a
	// rerun that finds the file with the same stamp reuses the entry
	// without reading the file.
	Stamp   fileStamp
	Stamped bool
}

// cachePack is the content of a pack file.
type cachePack struct {
	// Base is zero in a full pack. A delta pack holds only the entries
	// that are not in the full pack whose payload checksum Base is; it is
	// ignored with any other full pack.
	Base    [32]byte
	Entries []*cacheEntry
	// Lookups holds each lookup some entry depends on, once: most files
	// ask the same questions ("method get of class Title"), so entries
	// refer to them by position, which keeps the pack small and quick to
	// decode.
	Lookups []index.Lookup
}

// fileCache is the per-run handle on a cache directory.
type fileCache struct {
	dir   string
	salt  [32]byte // build, format and configuration
	pack  string   // the tree's full pack file
	delta string   // the tree's delta pack file
	// base holds the entries read from the full pack, and baseSum its
	// payload checksum; base is nil when there was no usable full pack.
	base    map[*cacheEntry]bool
	baseSum [32]byte
	old     map[[32]byte]*cacheEntry
	// lookups is the old pack's table of lookups, and digests their
	// answers' digests in this run's index, computed when first needed.
	lookups []index.Lookup
	digests []atomic.Pointer[[32]byte]
	// stamped holds, per shown path, the most recently used old entry
	// that has a trusted stamp.
	stamped map[string]*cacheEntry

	mu      sync.Mutex
	entries []*cacheEntry // this run's files' entries
	changed bool          // an entry is new, or the pack was unusable

	idx     *index.Index
	answers sync.Map // index.Lookup -> [32]byte: the digest of its answer in idx
}

// openCache returns the cache for a run, or nil when the run has none:
// no CacheDir, -fix (which rewrites files), or ParseOnly. It reads the
// tree's pack.
func openCache(cfg *Config, checkers []*check.Checker, maxBytes int64) *fileCache {
	if cfg.CacheDir == "" || cfg.Fix || cfg.ParseOnly {
		return nil
	}
	h := sha256.New()
	fmt.Fprintf(h, "riskvet php cache %d\x00%s\x00%x\x00%d\x00", cacheFormat, version.String(), buildID(), maxBytes)
	for _, c := range checkers {
		fmt.Fprintf(h, "%s,%t\x00", c.Name, c.Local)
		// A check's flags change its findings (-nullderef.strict).
		c.Flags.VisitAll(func(f *flag.Flag) { fmt.Fprintf(h, "%s=%q\x00", f.Name, f.Value.String()) })
	}
	// A partial run judges fewer directives (Config.Partial).
	fmt.Fprintf(h, "partial=%t\x00", cfg.Partial)
	c := &fileCache{dir: cfg.CacheDir}
	h.Sum(c.salt[:0])
	root := cfg.Root
	if root == "" {
		root = "."
	}
	if a, err := filepath.Abs(root); err == nil {
		root = a
	}
	p := sha256.Sum256(append(c.salt[:], root...))
	c.pack = filepath.Join(c.dir, hex.EncodeToString(p[:])+cachePackSuffix)
	c.delta = strings.TrimSuffix(c.pack, cachePackSuffix) + cacheDeltaSuffix
	base, sum := readPack(c.pack)
	if base == nil {
		c.changed = true
	} else {
		c.baseSum, c.lookups = sum, base.Lookups
		c.old = make(map[[32]byte]*cacheEntry, len(base.Entries))
		c.base = make(map[*cacheEntry]bool, len(base.Entries))
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
	c.stamped = map[string]*cacheEntry{}
	for _, e := range c.old {
		if p := c.stamped[e.Path]; e.Stamped && (p == nil || e.Used > p.Used) {
			c.stamped[e.Path] = e
		}
	}
	return c
}

// readPack returns a pack file's content and its payload checksum, or nil
// if it is missing or unusable for any reason.
func readPack(name string) (*cachePack, [32]byte) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, [32]byte{}
	}
	pk := decodePack(data)
	if pk == nil {
		return nil, [32]byte{}
	}
	pk.Entries = slices.DeleteFunc(pk.Entries, func(e *cacheEntry) bool { return e == nil })
	for _, e := range pk.Entries {
		if slices.ContainsFunc(e.DepIdx, func(i uint32) bool { return int(i) >= len(pk.Lookups) }) {
			return nil, [32]byte{} // damaged
		}
	}
	return pk, [32]byte(data[len(cacheMagic) : len(cacheMagic)+sha256.Size])
}

var (
	buildIDOnce sync.Once
	buildIDSum  [32]byte
)

// buildID identifies the running riskvet binary: the SHA-256 of its
// executable. A version string alone would let a development build reuse
// the results of older code; hashing the executable (about 10 ms) is what
// makes "devel" builds safe. If the executable cannot be read, a random
// value disables reuse across runs rather than risk stale results.
func buildID() [32]byte {
	buildIDOnce.Do(func() {
		h := sha256.New()
		exe, err := os.Executable()
		if err == nil {
			var f *os.File
			if f, err = os.Open(exe); err == nil {
				_, err = io.Copy(h, f)
				f.Close()
			}
		}
		if err != nil {
			fmt.Fprintf(h, "%d.%d", os.Getpid(), time.Now().UnixNano())
		}
		h.Sum(buildIDSum[:0])
	})
	return buildIDSum
}

// key returns the key of a file's entry: its shown path and content under
// the run's salt.
func (c *fileCache) key(rel string, sum [32]byte) [32]byte {
	h := sha256.New()
	h.Write(c.salt[:])
	h.Write([]byte(rel))
	h.Write([]byte{0})
	h.Write(sum[:])
	var k [32]byte
	h.Sum(k[:0])
	return k
}

// load returns the entry of key k, or nil.
func (c *fileCache) load(k [32]byte) *cacheEntry {
	return c.old[k]
}

// decodePack decodes a pack file, or returns nil if it is damaged.
func decodePack(data []byte) (pk *cachePack) {
	n := len(cacheMagic) + sha256.Size
	if len(data) < n || string(data[:len(cacheMagic)]) != cacheMagic {
		return nil
	}
	payload := data[n:]
	if sha256.Sum256(payload) != [32]byte(data[len(cacheMagic):n]) {
		return nil
	}
	defer func() {
		// gob is meant to fail with an error on bad input; a payload
		// that passed the checksum yet makes it panic is still only a
		// cache miss.
		if recover() != nil {
			pk = nil
		}
	}()
	pk = new(cachePack)
	if gob.NewDecoder(bytes.NewReader(payload)).Decode(pk) != nil {
		return nil
	}
	return pk
}

func encodePack(pk *cachePack) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(cacheMagic)
	buf.Write(make([]byte, sha256.Size))
	if err := gob.NewEncoder(&buf).Encode(pk); err != nil {
		return nil, err
	}
	data := buf.Bytes()
	n := len(cacheMagic)
	sum := sha256.Sum256(data[n+sha256.Size:])
	copy(data[n:], sum[:])
	return data, nil
}

// store records e as this run's entry of its file.
func (c *fileCache) store(e *cacheEntry, isNew bool) {
	c.mu.Lock()
	c.entries = append(c.entries, e)
	c.changed = c.changed || isNew
	c.mu.Unlock()
}

// close writes the pack if the run changed it, and deletes unused packs
// at most once a day.
func (c *fileCache) close() {
	if c == nil {
		return
	}
	now := time.Now()
	if !c.changed || !c.write(now) {
		// The full pack is in use but was not rewritten.
		if st, err := os.Stat(c.pack); err == nil && now.Sub(st.ModTime()) > cacheTouchAfter {
			os.Chtimes(c.pack, now, now) // best effort: only trimming reads it
		}
	}
	c.trim(now)
}

// write stores this run's entries and the old entries of files the run
// did not see that were used within cacheMaxAge, and reports whether it
// rewrote the full pack. Encoding a full pack costs about as much as a
// cached run's other work (on MediaWiki), so while the entries that are
// not in the full pack are few (an edit, a checkout of some files), only
// they are written, to the delta pack; the next larger change folds them
// into a new full pack.
func (c *fileCache) write(now time.Time) bool {
	seen := make(map[string]bool, len(c.entries))
	pk := &cachePack{Entries: make([]*cacheEntry, 0, len(c.entries))}
	for _, e := range c.entries {
		e.Used = now.Unix()
		seen[e.Path] = true
		pk.Entries = append(pk.Entries, e)
	}
	cutoff := now.Add(-cacheMaxAge).Unix()
	for _, e := range c.old {
		if !seen[e.Path] && e.Used > cutoff {
			pk.Entries = append(pk.Entries, e)
		}
	}
	if c.base != nil {
		delta := &cachePack{Base: c.baseSum}
		for _, e := range pk.Entries {
			if !c.base[e] {
				delta.Entries = append(delta.Entries, e)
			}
		}
		if len(delta.Entries)*maxDeltaShare <= len(c.base) {
			c.writePack(c.delta, delta)
			return false
		}
	}
	c.writePack(c.pack, pk)
	os.Remove(c.delta)
	return true
}

// maxDeltaShare: a delta pack holds at most one entry in this many of the
// full pack's.
const maxDeltaShare = 8

// writePack numbers pk's lookups into its table and writes it to name.
func (c *fileCache) writePack(name string, pk *cachePack) {
	// Renumber every entry's lookups into the new pack's table. Entries
	// are final once the run's passes are done, and each is renumbered
	// once, so changing them here is safe.
	pos := map[index.Lookup]uint32{}
	renumbered := make(map[*cacheEntry]bool, len(pk.Entries))
	for _, e := range pk.Entries {
		if !e.HasDeps || renumbered[e] {
			continue
		}
		renumbered[e] = true
		deps := e.deps
		if deps == nil {
			deps = make([]index.Lookup, len(e.DepIdx))
			for i, j := range e.DepIdx {
				deps[i] = c.lookups[j]
			}
		}
		idx := make([]uint32, len(deps))
		for i, l := range deps {
			j, ok := pos[l]
			if !ok {
				j = uint32(len(pk.Lookups))
				pos[l] = j
				pk.Lookups = append(pk.Lookups, l)
			}
			idx[i] = j
		}
		e.DepIdx, e.deps = idx, nil
	}
	data, err := encodePack(pk)
	if err != nil {
		return
	}
	writeAtomic(name, data)
}

// writeAtomic writes data to name through a temporary file renamed into
// place, so that a reader sees the old content, the new one, or none,
// never a part.
func writeAtomic(name string, data []byte) {
	dir := filepath.Dir(name)
	tmp, err := os.CreateTemp(dir, cacheTempPattern)
	if err != nil {
		if os.MkdirAll(dir, 0o777) != nil {
			return
		}
		if tmp, err = os.CreateTemp(dir, cacheTempPattern); err != nil {
			return
		}
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if werr != nil || cerr != nil || os.Rename(tmp.Name(), name) != nil {
		os.Remove(tmp.Name())
	}
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

// indexed records the run's merged index and returns its hash (zero
// without a cache).
func (c *fileCache) indexed(idx *index.Index, results []fileResult) [32]byte {
	if c == nil {
		return [32]byte{}
	}
	c.idx = idx
	return indexID(results)
}

// view returns the index the second pass checks r's file with: one that
// records the lookups, when there is a cache.
func (c *fileCache) view(r *fileResult, idx *index.Index) *index.Index {
	if c == nil {
		return idx
	}
	r.cache.deps = map[index.Lookup]bool{}
	return idx.Recording(func(l index.Lookup) { r.cache.deps[l] = true })
}

// depsID returns the hash of the lookups deps and of their answers in the
// run's index: equal IDs mean that every lookup is answered alike, so
// that checks which read the index only through them report the same.
func (c *fileCache) depsID(deps []index.Lookup) [32]byte {
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
func (c *fileCache) oldDepsID(idx []uint32) [32]byte {
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
func (c *fileCache) digest(l index.Lookup) [32]byte {
	return sha256.Sum256(c.idx.AppendAnswer(appendLookup(nil, l), l))
}

func appendLookup(b []byte, l index.Lookup) []byte {
	b = append(b, byte(l.Kind))
	b = binary.AppendUvarint(b, uint64(len(l.Name)))
	b = append(b, l.Name...)
	b = binary.AppendUvarint(b, uint64(len(l.Member)))
	return append(b, l.Member...)
}

// depsOf returns the hash of the answers to e's lookups in the run's index.
func (c *fileCache) depsOf(e *cacheEntry) [32]byte {
	if e.deps != nil {
		return c.depsID(e.deps)
	}
	return c.oldDepsID(e.DepIdx)
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

// indexID returns the hash of the merged index: of every parsed file's
// path and symbols, in path order (the order Merge resolves duplicates in).
func indexID(results []fileResult) [32]byte {
	h := sha256.New()
	var n [8]byte
	for i := range results {
		r := &results[i]
		if r.syms == nil {
			continue
		}
		binary.LittleEndian.PutUint64(n[:], uint64(len(r.syms.Path)))
		h.Write(n[:])
		h.Write([]byte(r.syms.Path))
		h.Write(r.cache.symsID[:])
	}
	var id [32]byte
	h.Sum(id[:0])
	return id
}

// fileCacheState is what a run keeps about a file's cache entry.
type fileCacheState struct {
	on     bool     // the run has a cache
	sum    [32]byte // SHA-256 of the content the first pass read
	key    [32]byte
	symsID [32]byte
	hit    *cacheEntry // the entry found by the first pass, if any
	stale  bool        // the second pass read other content: do not store
	reused bool        // the second pass's findings came from the cache
	deps   map[index.Lookup]bool
	// stamp is the file's metadata before the first pass read it, and
	// stamped reports that the stamp may identify that content.
	stamp   fileStamp
	stamped bool
}

// lookup1 is the first pass's cache hook: it computes the file's key and,
// when the cache holds the file, fills r from it and reports true.
func (c *fileCache) lookup1(f file, src []byte, r *fileResult) bool {
	if c == nil {
		return false
	}
	r.cache.on = true
	r.cache.sum = sha256.Sum256(src)
	r.cache.key = c.key(f.rel, r.cache.sum)
	e := c.load(r.cache.key)
	if e == nil {
		return false
	}
	if r.cache.stamped && (!e.Stamped || e.Stamp != r.cache.stamp) {
		// The same content with new metadata (touched, copied, checked
		// out again): keep the entry under the new stamp, so that the
		// next run need not read the file.
		cp := *e
		cp.Sum, cp.Stamp, cp.Stamped = r.cache.sum, r.cache.stamp, true
		e = &cp
		c.mu.Lock()
		c.changed = true
		c.mu.Unlock()
	}
	c.hit(e, r)
	return true
}

// stat is the first pass's cache hook before it reads a file: it records
// the file's stamp and, when the cache holds an entry of the file with that
// stamp, fills r from it and reports true; the file need not be read.
func (c *fileCache) stat(f file, st os.FileInfo, start time.Time, r *fileResult) bool {
	if c == nil {
		return false
	}
	r.cache.stamp, r.cache.stamped = stampOf(st, start)
	if !r.cache.stamped {
		return false
	}
	e := c.stamped[f.rel]
	if e == nil || e.Stamp != r.cache.stamp {
		return false
	}
	r.cache.on = true
	r.cache.sum, r.cache.key = e.Sum, e.Key
	c.hit(e, r)
	return true
}

// hit fills r from the first pass's entry e.
func (c *fileCache) hit(e *cacheEntry, r *fileResult) {
	r.cache.hit = e
	r.cache.symsID = e.SymsID
	r.lines, r.syms, r.local, r.second = e.Lines, e.Syms, e.Local, e.Second
}

// done1 records what the first pass computed, for the entry stored later.
func (c *fileCache) done1(r *fileResult) {
	if c == nil || r.cache.hit != nil {
		return
	}
	if r.syms != nil {
		r.cache.symsID = symsID(r.syms)
	}
}

// lookup2 is the second pass's cache hook: it reports whether the file's
// second-pass findings for index id are cached, and if so sets them.
// They are if they were computed with the same index, or with one in which
// every name the checks looked up resolved to the same declarations.
func (c *fileCache) lookup2(r *fileResult, id [32]byte, stats *Stats) bool {
	if c == nil || r.cache.hit == nil || !r.cache.hit.HasGlobal {
		return false
	}
	if h := r.cache.hit; h.IndexID != id && (!h.HasDeps || c.depsOf(h) != h.DepsID) {
		return false
	}
	r.global = r.cache.hit.Global
	r.cache.reused = true
	stats.reused2()
	return true
}

// reread is the second pass's check that it reads what the first pass
// read; if not (the file was edited meanwhile), the result is not stored.
func (r *fileResult) reread(src []byte) {
	if r.cache.on && sha256.Sum256(src) != r.cache.sum {
		r.cache.stale = true
	}
}

// save records the file's entry for the pack, unless it must not be kept.
func (c *fileCache) save(f file, r *fileResult, id [32]byte, checked bool) {
	if c == nil || r.err != nil || r.unread || r.cache.stale || r.timedOut {
		return
	}
	if h := r.cache.hit; h != nil && (!checked || r.cache.reused) {
		c.store(h, false) // nothing new
		return
	}
	e := &cacheEntry{
		Key:    r.cache.key,
		Path:   f.rel,
		Lines:  r.lines,
		Syms:   r.syms,
		SymsID: r.cache.symsID,
		Local:  r.local,
		Second: r.second,
		Sum:    r.cache.sum,
	}
	if r.cache.stamped {
		e.Stamp, e.Stamped = r.cache.stamp, true
	}
	if checked {
		e.HasGlobal, e.IndexID, e.Global = true, id, r.global
		if r.cache.deps != nil {
			e.HasDeps, e.deps = true, sortedDeps(r.cache.deps)
			e.DepsID = c.depsID(e.deps)
		}
	} else if h := r.cache.hit; h != nil {
		e.HasGlobal, e.IndexID, e.Global = h.HasGlobal, h.IndexID, h.Global
		e.HasDeps, e.DepIdx, e.deps, e.DepsID = h.HasDeps, h.DepIdx, h.deps, h.DepsID
	}
	c.store(e, true)
}

// trim deletes the packs unused for cacheMaxAge, at most once a day.
func (c *fileCache) trim(now time.Time) {
	mark := filepath.Join(c.dir, cacheTrimFile)
	if st, err := os.Stat(mark); err == nil && now.Sub(st.ModTime()) < cacheTrimEvery {
		return
	}
	if os.MkdirAll(c.dir, 0o777) != nil || os.WriteFile(mark, []byte(now.UTC().Format(time.RFC3339)+"\n"), 0o666) != nil {
		return
	}
	removePacks(c.dir, now.Add(-cacheMaxAge))
}

// CleanCache deletes the cache in dir and reports the number of files
// removed. Only what riskvet writes there is removed (packs, temporary
// files and trim.txt), so pointing -cache-dir at a folder of other files by
// mistake loses nothing.
func CleanCache(dir string) (int, error) {
	n, err := removePacks(dir, time.Time{})
	if rerr := os.Remove(filepath.Join(dir, cacheTrimFile)); rerr == nil {
		n++
	}
	return n, err
}

// removePacks removes the packs (and left-over temporary files) in dir
// last used before the cutoff; a zero cutoff removes them all.
func removePacks(dir string, cutoff time.Time) (int, error) {
	ents, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	n := 0
	for _, e := range ents {
		name := e.Name()
		pack := strings.HasSuffix(name, cachePackSuffix) && isHex(strings.TrimSuffix(name, cachePackSuffix), 64) ||
			strings.HasSuffix(name, cacheDeltaSuffix) && isHex(strings.TrimSuffix(name, cacheDeltaSuffix), 64)
		if !e.Type().IsRegular() || !pack && !strings.HasPrefix(name, ".tmp-") {
			continue
		}
		if !cutoff.IsZero() {
			info, err := e.Info()
			if err != nil || info.ModTime().After(cutoff) {
				continue
			}
		}
		if os.Remove(filepath.Join(dir, name)) == nil {
			n++
		}
	}
	return n, nil
}

func isHex(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !('0' <= s[i] && s[i] <= '9' || 'a' <= s[i] && s[i] <= 'f') {
			return false
		}
	}
	return true
}
