// Command vetsuite is a go vet -vettool running cmd/vet's own analyzers
// (golang.org/x/tools/go/analysis/suite/vet) and nothing else. riskvet's
// vettool runs these after its own suite, so measuring this tool alone
// splits riskvet's vettool cost into vet's share and riskvet's share.
//
//	go build -ldflags=-X=main.nonce=$RANDOM -o /tmp/vetsuite ./bench/cmd/vetsuite
//	go vet -vettool=/tmp/vetsuite std
package main

import (
	"golang.org/x/tools/go/analysis/suite/vet"
	"golang.org/x/tools/go/analysis/unitchecker"
)

// nonce is set at link time so that each build has its own identity and
// go vet's result cache, keyed by it, starts cold.
var nonce string

func main() {
	_ = nonce
	unitchecker.Main(vet.Suite...)
}
