package zzprobe

import (
	"os"
	"runtime/pprof"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/riskvet/riskvet/analyzers/vettool"
)

func TestProbe(t *testing.T) {
	pats := strings.Fields(os.Getenv("PKGS"))
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax, Tests: true}, pats...)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := os.Create("/tmp/ssa/vettool.prof")
	pprof.StartCPUProfile(f)
	t0 := time.Now()
	g, err := checker.Analyze(vettool.Analyzers(), pkgs, &checker.Options{})
	if err != nil {
		t.Fatal(err)
	}
	pprof.StopCPUProfile()
	t.Logf("%v", time.Since(t0))
	n := 0
	for act := range g.All() {
		if act.IsRoot { n += len(act.Diagnostics) }
	}
	t.Logf("%d diagnostics", n)
}
