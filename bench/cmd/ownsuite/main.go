// Command ownsuite is a go vet -vettool running riskvet's own suite
// (analyzers.Suite: genericdepth, constraintcoupling and the curated nil
// and type checks) without the cmd/vet analyzers that riskvet's vettool
// adds, to split riskvet's vettool cost into its two halves.
//
//	go build -ldflags=-X=main.nonce=$RANDOM -o /tmp/ownsuite ./bench/cmd/ownsuite
//	go vet -vettool=/tmp/ownsuite std
package main

import (
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/riskvet/riskvet/analyzers"
)

// nonce is set at link time so that each build has its own identity and
// go vet's result cache, keyed by it, starts cold.
var nonce string

func main() {
	_ = nonce
	unitchecker.Main(analyzers.Suite...)
}
