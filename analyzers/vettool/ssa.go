package vettool

import (
	"flag"
	"maps"
	"reflect"
	"runtime"
	"runtime/metrics"
	"slices"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
)

// SSAFirst returns the analyzers for one unit checker run (one package)
// changed so that those that read buildssa's SSA form (nilness, SA4023,
// SA4031) run before the others, and the form is freed and collected
// before the others start.
//
// The unit checker starts every analyzer at once and keeps every result
// until all have finished, so the SSA form of a large package stays live
// beside every other analyzer's work; the garbage collector lets the heap
// grow to twice what was live at its last cycle, and the peak doubles the
// form with the rest (on std, the process vetting runtime peaked at 1.4x
// to 1.55x go vet's largest; bench/README.md, "The SSA form's readers
// first"). Run apart, the readers' phase holds the form without the other
// analyzers' working data, and the other phase starts from a collection
// made when the form died, so its heap grows from what it needs. Each
// reader becomes a copy that requires, instead of buildssa, an analyzer
// whose result holds what buildssa needs: the first reader builds the
// form, the others share it, and the last one to finish drops it and runs
// the collection; every other analyzer waits for that before it runs. A
// reader that starts after the form was dropped builds it again, so the
// findings never depend on the order. The cost is one more collection for
// a package whose heap may grow past 64 MiB (collectAbove), and the time
// the readers run alone, when the others' work does not overlap theirs:
// the work is the same, but one large package's wall time grows.
//
// Which readers run is read from the unit checker's parsed -NAME flags;
// without them (not under the unit checker) the analyzers run at once, as
// before, and the form is kept to the end. The readers' other
// requirements (ctrlflow, inspect) never fail, so every reader the flags
// enable runs and the others are never left waiting.
func SSAFirst(as []*analysis.Analyzer) []*analysis.Analyzer {
	ph := &phases{all: as, done: make(chan struct{})}
	shared := &analysis.Analyzer{
		Name:       "sharedssa",
		Doc:        "hold what buildssa needs, so that the readers of the SSA form build it once and free it together",
		Requires:   buildssa.Analyzer.Requires,
		ResultType: reflect.TypeFor[*sharedSSA](),
		Run: func(pass *analysis.Pass) (any, error) {
			return &sharedSSA{pass: pass}, nil
		},
	}
	out := make([]*analysis.Analyzer, len(as))
	for i, a := range as {
		c := *a
		at := slices.Index(a.Requires, buildssa.Analyzer)
		if at < 0 {
			c.Run = func(pass *analysis.Pass) (any, error) {
				ph.start()
				<-ph.done
				return a.Run(pass)
			}
			out[i] = &c
			continue
		}
		ph.readers = append(ph.readers, a)
		c.Requires = slices.Clone(a.Requires)
		c.Requires[at] = shared
		c.Run = func(pass *analysis.Pass) (any, error) {
			ph.start()
			s := pass.ResultOf[shared].(*sharedSSA)
			defer ph.finish(s)
			form, err := s.acquire()
			if err != nil {
				return nil, err
			}
			p := *pass
			p.ResultOf = maps.Clone(pass.ResultOf)
			delete(p.ResultOf, shared)
			p.ResultOf[buildssa.Analyzer] = form
			return a.Run(&p)
		}
		out[i] = &c
	}
	return out
}

// phases orders one package's analyzers: the readers of the SSA form
// first, then the others.
type phases struct {
	all, readers []*analysis.Analyzer // the originals

	once    sync.Once
	mu      sync.Mutex
	pending int           // readers that will run and have not finished
	done    chan struct{} // closed when no reader is pending
}

// start counts, once, the readers that will run, after the unit checker
// has parsed its flags; with none, or without the flags, the others need
// not wait.
func (ph *phases) start() {
	ph.once.Do(func() {
		runs, ok := enabledByFlags(flag.CommandLine, ph.all)
		if ok {
			for _, r := range ph.readers {
				if runs(r) {
					ph.pending++
				}
			}
		}
		if ph.pending == 0 {
			close(ph.done)
		}
	})
}

// finish records that a reader has finished; after the last one, the form
// is dropped and collected and the other analyzers may run.
func (ph *phases) finish(s *sharedSSA) {
	ph.mu.Lock()
	defer ph.mu.Unlock()
	if ph.pending == 0 {
		return // a reader the flags did not announce; the others already run
	}
	ph.pending--
	if ph.pending == 0 {
		s.drop()
		if heapGoal() >= collectAbove {
			runtime.GC()
		}
		close(ph.done)
	}
}

// collectAbove is the heap goal from which dropping the SSA form is
// followed by a collection. A collection costs a mark of everything live;
// a package whose heap may grow to less than this is not the one whose
// process sets the peak (go vet's own largest process on std and on real
// modules is over 100 MB, bench/README.md), so its collection would cost
// CPU and lower no peak that counts.
const collectAbove = 64 << 20

// heapGoal returns the heap size at which the garbage collector will next
// run, in bytes.
func heapGoal() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/goal:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}

// enabledByFlags returns which of as the unit checker runs, by go vet's
// rule as x/tools' analysisflags applies it to the -NAME flags it parsed
// into fs (the command line's): when any is true, only those run;
// otherwise all but those set false. ok is false when the flags are not
// there or not parsed.
func enabledByFlags(fs *flag.FlagSet, as []*analysis.Analyzer) (runs func(*analysis.Analyzer) bool, ok bool) {
	set := map[string]flag.Getter{}
	anyTrue := false
	for _, a := range as {
		f := fs.Lookup(a.Name)
		if f == nil || !fs.Parsed() {
			return nil, false
		}
		g, isGetter := f.Value.(flag.Getter)
		if !isGetter {
			return nil, false
		}
		set[a.Name] = g
		if v, _ := g.Get().(bool); v {
			anyTrue = true // set true: Get reports true only then
		}
	}
	return func(a *analysis.Analyzer) bool {
		g := set[a.Name]
		if anyTrue {
			v, _ := g.Get().(bool)
			return v
		}
		return g.String() != "false" // unset reads "true"
	}, true
}

// sharedSSA is one package's SSA form, built for its first reader and
// dropped after its last.
type sharedSSA struct {
	pass *analysis.Pass // the pass of the analyzer standing in for buildssa

	mu   sync.Mutex
	form any // buildssa's result, until dropped
}

// acquire returns the package's SSA form, building it if it was not built
// or was dropped.
func (s *sharedSSA) acquire() (any, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.form == nil {
		form, err := buildssa.Analyzer.Run(s.pass)
		if err != nil {
			return nil, err
		}
		s.form = form
	}
	return s.form, nil
}

// drop lets the form be collected.
func (s *sharedSSA) drop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.form = nil
}
