package phpcheck

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
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
// the second pass's findings together with the hash of the index they were
// computed with. A rerun reads and hashes every file, but parses only the
// files whose content changed, plus (when the index changed) the files a
// second-pass check reads the index for.
//
// What an entry depends on, and so what its key and tags hold:
//   - the first pass (symbols, local findings, line count) depends on the
//     file's path and content, riskvet's build and the configuration
//     (checks, size limit): all of it is in the entry's key;
//   - the second pass depends on that and on the whole merged index, whose
//     hash the entry records next to the findings. A file whose declarations
//     change changes the index hash, so every file the second pass checks is
//     checked again: correct, and slower than tracking which declarations
//     each file reads, which riskvet does not do. An edit inside a function
//     body on the same lines leaves the file's symbols, and so the index
//     hash, unchanged, and only that file is parsed again. (Symbols record
//     declaration lines, so an edit that shifts lines counts as a change of
//     declarations.)
//
// A cache never changes a result: an entry is written whole to a temporary
// file and renamed into place, carries the SHA-256 of its payload, and one
// that cannot be read, fails its checksum or fails to decode is ignored and
// rewritten. Failing to write the cache (a read-only home) is not an error.
//
// Entries used by a run get their modification time refreshed (at most once
// an hour); at most once a day a run deletes the entries unused for
// cacheMaxAge, so the cache holds about the working sets of recent runs
// (MediaWiki's is about 60 MB), as Go's build cache does.

// cacheFormat is the version of the entry format. Bump it when
// index.FileSymbols, finding.Finding or cacheEntry change shape or meaning
// in a way the build ID would not catch (it always changes with the code,
// see buildID, so this matters for releases built from the same version).
const cacheFormat = 1

// cacheMagic starts every entry file.
const cacheMagic = "rvphp\x00"

const (
	cacheMaxAge      = 5 * 24 * time.Hour
	cacheTouchAfter  = time.Hour
	cacheTrimEvery   = 24 * time.Hour
	cacheTrimFile    = "trim.txt"
	cacheTempPattern = ".tmp-*"
)

// Stats counts what a run did, to measure and test the cache. Only the
// fields' growth is meaningful: pass a zero Stats.
type Stats struct {
	// Files is the number of files found.
	Files int64
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

// cacheEntry is what the cache stores for one file.
type cacheEntry struct {
	// Key is the entry's own key, so that a file copied under another
	// name is not taken for that name's entry.
	Key    [32]byte
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
}

// fileCache is the per-run handle on a cache directory.
type fileCache struct {
	dir  string
	salt [32]byte // build, format and configuration
}

// openCache returns the cache for a run, or nil when the run has none:
// no CacheDir, -fix (which rewrites files), or ParseOnly.
func openCache(cfg *Config, checkers []*check.Checker, maxBytes int64) *fileCache {
	if cfg.CacheDir == "" || cfg.Fix || cfg.ParseOnly {
		return nil
	}
	h := sha256.New()
	fmt.Fprintf(h, "riskvet php cache %d\x00%s\x00%x\x00%d\x00", cacheFormat, version.String(), buildID(), maxBytes)
	for _, c := range checkers {
		fmt.Fprintf(h, "%s,%t\x00", c.Name, c.Local)
	}
	c := &fileCache{dir: cfg.CacheDir}
	h.Sum(c.salt[:0])
	return c
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

func (c *fileCache) path(k [32]byte) string {
	s := hex.EncodeToString(k[:])
	return filepath.Join(c.dir, s[:2], s)
}

// load returns the entry of key k, or nil if there is none or it is
// unusable for any reason.
func (c *fileCache) load(k [32]byte) *cacheEntry {
	p := c.path(k)
	f, err := os.Open(p)
	if err != nil {
		return nil
	}
	data, err := io.ReadAll(f)
	var mtime time.Time
	if st, serr := f.Stat(); serr == nil {
		mtime = st.ModTime()
	}
	f.Close()
	if err != nil {
		return nil
	}
	e := decodeEntry(data)
	if e == nil || e.Key != k {
		return nil
	}
	if now := time.Now(); now.Sub(mtime) > cacheTouchAfter {
		os.Chtimes(p, now, now) // best effort: only trimming reads it
	}
	return e
}

// decodeEntry decodes an entry file, or returns nil if it is damaged.
func decodeEntry(data []byte) (e *cacheEntry) {
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
			e = nil
		}
	}()
	e = new(cacheEntry)
	if gob.NewDecoder(bytes.NewReader(payload)).Decode(e) != nil {
		return nil
	}
	return e
}

func encodeEntry(e *cacheEntry) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(cacheMagic)
	buf.Write(make([]byte, sha256.Size))
	if err := gob.NewEncoder(&buf).Encode(e); err != nil {
		return nil, err
	}
	data := buf.Bytes()
	n := len(cacheMagic)
	sum := sha256.Sum256(data[n+sha256.Size:])
	copy(data[n:], sum[:])
	return data, nil
}

// store writes e atomically: a reader sees the old entry, the new one, or
// none, never a part.
func (c *fileCache) store(e *cacheEntry) {
	data, err := encodeEntry(e)
	if err != nil {
		return
	}
	p := c.path(e.Key)
	dir := filepath.Dir(p)
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
	if werr != nil || cerr != nil || os.Rename(tmp.Name(), p) != nil {
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
	local  int         // how many of findings the first pass found
	stale  bool        // the second pass read other content: do not store
	reused bool        // the second pass's findings came from the cache
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
	r.cache.hit = e
	r.cache.symsID = e.SymsID
	r.lines, r.syms, r.findings, r.second = e.Lines, e.Syms, e.Local, e.Second
	r.cache.local = len(e.Local)
	return true
}

// done1 records what the first pass computed, for the entry stored later.
func (c *fileCache) done1(r *fileResult) {
	if c == nil || r.cache.hit != nil {
		return
	}
	if r.syms != nil {
		r.cache.symsID = symsID(r.syms)
	}
	r.cache.local = len(r.findings)
}

// lookup2 is the second pass's cache hook: it reports whether the file's
// second-pass findings for index id are cached, and if so appends them.
func (c *fileCache) lookup2(r *fileResult, id [32]byte, stats *Stats) bool {
	if c == nil || r.cache.hit == nil || !r.cache.hit.HasGlobal || r.cache.hit.IndexID != id {
		return false
	}
	r.findings = append(r.findings[:r.cache.local:r.cache.local], r.cache.hit.Global...)
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

// save stores the file's entry, unless it is unchanged or must not be kept.
func (c *fileCache) save(r *fileResult, id [32]byte, checked bool) {
	if c == nil || r.err != nil || r.unread || r.cache.stale {
		return
	}
	if r.cache.hit != nil && (!checked || r.cache.reused) {
		return // nothing new
	}
	e := &cacheEntry{
		Key:    r.cache.key,
		Lines:  r.lines,
		Syms:   r.syms,
		SymsID: r.cache.symsID,
		Local:  r.findings[:r.cache.local],
		Second: r.second,
	}
	if checked {
		e.HasGlobal, e.IndexID, e.Global = true, id, r.findings[r.cache.local:]
	} else if h := r.cache.hit; h != nil {
		e.HasGlobal, e.IndexID, e.Global = h.HasGlobal, h.IndexID, h.Global
	}
	c.store(e)
}

// trim deletes entries unused for cacheMaxAge, at most once a day.
func (c *fileCache) trim() {
	if c == nil {
		return
	}
	mark := filepath.Join(c.dir, cacheTrimFile)
	if st, err := os.Stat(mark); err == nil && time.Since(st.ModTime()) < cacheTrimEvery {
		return
	}
	if os.MkdirAll(c.dir, 0o777) != nil || os.WriteFile(mark, []byte(time.Now().UTC().Format(time.RFC3339)+"\n"), 0o666) != nil {
		return
	}
	removeEntries(c.dir, time.Now().Add(-cacheMaxAge))
}

// CleanCache deletes every entry of the cache in dir and reports the number
// of files removed. Only what riskvet writes there is removed (the
// two-hex-digit folders' entries and temporary files, and trim.txt), so
// pointing -cache-dir at a folder of other files by mistake loses nothing.
func CleanCache(dir string) (int, error) {
	n, err := removeEntries(dir, time.Time{})
	if rerr := os.Remove(filepath.Join(dir, cacheTrimFile)); rerr == nil {
		n++
	}
	return n, err
}

// removeEntries removes the entries (and left-over temporary files) under
// dir last used before the cutoff; a zero cutoff removes them all.
func removeEntries(dir string, cutoff time.Time) (int, error) {
	subs, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	n := 0
	for _, s := range subs {
		if !s.IsDir() || !isHex(s.Name(), 2) {
			continue
		}
		sub := filepath.Join(dir, s.Name())
		ents, err := os.ReadDir(sub)
		if err != nil {
			continue
		}
		for _, e := range ents {
			name := e.Name()
			if !e.Type().IsRegular() || !(isHex(name, 64) && strings.HasPrefix(name, s.Name()) || strings.HasPrefix(name, ".tmp-")) {
				continue
			}
			if !cutoff.IsZero() {
				info, err := e.Info()
				if err != nil || info.ModTime().After(cutoff) {
					continue
				}
			}
			if os.Remove(filepath.Join(sub, name)) == nil {
				n++
			}
		}
		os.Remove(sub) // only succeeds once empty
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
