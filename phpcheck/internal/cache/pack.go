package cache

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/riskvet/riskvet/internal/finding"
	"github.com/riskvet/riskvet/phpcheck/index"
)

// format is the version of the pack format. Bump it when
// index.FileSymbols, finding.Finding or entry change shape or meaning in a
// way the build ID would not catch (it always changes with the code, see
// buildID, so this matters for releases built from the same version).
const format = 8

// magic starts every pack file.
const magic = "rvphp\x00"

const (
	maxAge      = 5 * 24 * time.Hour
	touchAfter  = time.Hour
	trimEvery   = 24 * time.Hour
	trimFile    = "trim.txt"
	packSuffix  = ".pack"
	deltaSuffix = ".delta"
	tempPattern = ".tmp-*"
)

// entry is what the cache stores for one file.
type entry struct {
	// Key is the entry's key (path, content, build, configuration).
	Key [32]byte
	// Path is the file's shown path, to drop the entries of older
	// contents of a file the run has seen.
	Path string
	// Used is when a run last used the entry (Unix seconds).
	Used       int64
	Lines      int
	Syms       *index.FileSymbols
	SymsID     [32]byte
	Local      []finding.Finding
	ParseError *finding.Finding
	Second     bool
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
	// Stamped reports that it identifies the content (see stampOf): a
	// rerun that finds the file with the same stamp reuses the entry
	// without reading the file.
	Stamp   fileStamp
	Stamped bool
}

// pack is the content of a pack file.
type pack struct {
	// Base is zero in a full pack. A delta pack holds only the entries
	// that are not in the full pack whose payload checksum Base is; it is
	// ignored with any other full pack.
	Base    [32]byte
	Entries []*entry
	// Lookups holds each lookup some entry depends on, once: most files
	// ask the same questions ("method get of class Title"), so entries
	// refer to them by position, which keeps the pack small and quick to
	// decode.
	Lookups []index.Lookup
}

// readPack returns a pack file's content and its payload checksum, or nil
// if it is missing or unusable for any reason.
func readPack(name string) (*pack, [32]byte) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, [32]byte{}
	}
	pk := decodePack(data)
	if pk == nil {
		return nil, [32]byte{}
	}
	pk.Entries = slices.DeleteFunc(pk.Entries, func(e *entry) bool { return e == nil })
	for _, e := range pk.Entries {
		if slices.ContainsFunc(e.DepIdx, func(i uint32) bool { return int(i) >= len(pk.Lookups) }) {
			return nil, [32]byte{} // damaged
		}
	}
	return pk, [32]byte(data[len(magic) : len(magic)+sha256.Size])
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

// decodePack decodes a pack file, or returns nil if it is damaged.
func decodePack(data []byte) (pk *pack) {
	n := len(magic) + sha256.Size
	if len(data) < n || string(data[:len(magic)]) != magic {
		return nil
	}
	payload := data[n:]
	if sha256.Sum256(payload) != [32]byte(data[len(magic):n]) {
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
	pk = new(pack)
	if gob.NewDecoder(bytes.NewReader(payload)).Decode(pk) != nil {
		return nil
	}
	return pk
}

func encodePack(pk *pack) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(magic)
	buf.Write(make([]byte, sha256.Size))
	if err := gob.NewEncoder(&buf).Encode(pk); err != nil {
		return nil, err
	}
	data := buf.Bytes()
	n := len(magic)
	sum := sha256.Sum256(data[n+sha256.Size:])
	copy(data[n:], sum[:])
	return data, nil
}

// write stores this run's entries and the old entries of files the run
// did not see that were used within maxAge, and reports whether it
// rewrote the full pack. Encoding a full pack costs about as much as a
// cached run's other work (on MediaWiki), so while the entries that are
// not in the full pack are few (an edit, a checkout of some files), only
// they are written, to the delta pack; the next larger change folds them
// into a new full pack.
func (c *Cache) write(now time.Time) bool {
	seen := make(map[string]bool, len(c.entries))
	pk := &pack{Entries: make([]*entry, 0, len(c.entries))}
	for _, e := range c.entries {
		e.Used = now.Unix()
		seen[e.Path] = true
		pk.Entries = append(pk.Entries, e)
	}
	cutoff := now.Add(-maxAge).Unix()
	for _, e := range c.old {
		if !seen[e.Path] && e.Used > cutoff {
			pk.Entries = append(pk.Entries, e)
		}
	}
	if c.base != nil {
		delta := &pack{Base: c.baseSum}
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
func (c *Cache) writePack(name string, pk *pack) {
	// Renumber every entry's lookups into the new pack's table. Entries
	// are final once the run's passes are done, and each is renumbered
	// once, so changing them here is safe.
	pos := map[index.Lookup]uint32{}
	renumbered := make(map[*entry]bool, len(pk.Entries))
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
	tmp, err := os.CreateTemp(dir, tempPattern)
	if err != nil {
		if os.MkdirAll(dir, 0o777) != nil {
			return
		}
		if tmp, err = os.CreateTemp(dir, tempPattern); err != nil {
			return
		}
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if werr != nil || cerr != nil || os.Rename(tmp.Name(), name) != nil {
		os.Remove(tmp.Name())
	}
}

// trim deletes the packs unused for maxAge, at most once a day.
func (c *Cache) trim(now time.Time) {
	mark := filepath.Join(c.dir, trimFile)
	if st, err := os.Stat(mark); err == nil && now.Sub(st.ModTime()) < trimEvery {
		return
	}
	if os.MkdirAll(c.dir, 0o777) != nil || os.WriteFile(mark, []byte(now.UTC().Format(time.RFC3339)+"\n"), 0o666) != nil {
		return
	}
	removePacks(c.dir, now.Add(-maxAge))
}

// Clean deletes the cache in dir and reports the number of files removed.
// Only what the cache writes there is removed (packs, temporary files and
// trim.txt), so pointing -cache-dir at a folder of other files by mistake
// loses nothing.
func Clean(dir string) (int, error) {
	n, err := removePacks(dir, time.Time{})
	if rerr := os.Remove(filepath.Join(dir, trimFile)); rerr == nil {
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
		isPack := strings.HasSuffix(name, packSuffix) && isHex(strings.TrimSuffix(name, packSuffix), 64) ||
			strings.HasSuffix(name, deltaSuffix) && isHex(strings.TrimSuffix(name, deltaSuffix), 64)
		if !e.Type().IsRegular() || !isPack && !strings.HasPrefix(name, ".tmp-") {
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
