// Command genericsvet is a go vet -vettool running only riskvet's two
// generics analyzers, genericdepth and constraintcoupling, without the
// curated nil and type checks (which build SSA and staticcheck's IR): it
// shows what the generics checks cost on their own.
//
//	go build -ldflags=-X=main.nonce=$RANDOM -o /tmp/genericsvet ./bench/cmd/genericsvet
//	go vet -vettool=/tmp/genericsvet std
package main

import (
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/riskvet/riskvet/analyzers/constraintcoupling"
	"github.com/riskvet/riskvet/analyzers/genericdepth"
)

// nonce is set at link time so that each build has its own identity and
// go vet's result cache, keyed by it, starts cold.
var nonce string

func main() {
	_ = nonce
	unitchecker.Main(genericdepth.Analyzer, constraintcoupling.Analyzer)
}
