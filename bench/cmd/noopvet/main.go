// Command noopvet is the floor that riskvet's vettool is measured against:
// a go vet -vettool whose one analyzer does nothing, so a run costs what
// the unit checker itself costs (reading export data, parsing and
// type-checking each package) and no more.
//
//	go build -ldflags=-X=main.nonce=$RANDOM -o /tmp/noopvet ./bench/cmd/noopvet
//	go vet -vettool=/tmp/noopvet std
//
// nonce exists so that each build is a different executable: go vet keys
// its result cache by the vettool's -V=full identity (a hash of the
// executable), so a fresh nonce makes vet run every package again.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"
)

// nonce is set at link time to give each build its own identity.
var nonce string

var noop = &analysis.Analyzer{
	Name: "noop",
	Doc:  "noop reports nothing; it is the floor of a vettool's cost",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}

func main() {
	_ = nonce
	unitchecker.Main(noop)
}
