module github.com/riskvet/riskvet/golangci

go 1.26.0

require (
	github.com/golangci/plugin-module-register v0.1.2
	github.com/riskvet/riskvet v0.0.0
	go.yaml.in/yaml/v3 v3.0.6
	golang.org/x/tools v0.52.0
)

require (
	golang.org/x/exp/typeparams v0.0.0-20231108232855-2478ac86f678 // indirect
	golang.org/x/mod v0.42.0 // indirect
	golang.org/x/sync v0.24.0 // indirect
	honnef.co/go/tools v0.8.2 // indirect
)

// The replace serves development only: it is ignored when this module is a
// dependency (golangci-lint custom), so a release of this module must first
// require a tagged riskvet version above instead of v0.0.0.
replace github.com/riskvet/riskvet => ../
