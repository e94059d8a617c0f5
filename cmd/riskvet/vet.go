package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"strings"
)

const vetUsage = `usage: riskvet vet [go vet flags] [packages]

riskvet vet runs go vet with this riskvet executable as its -vettool: riskvet's
suite and every analyzer of go vet, on the packages (default "."). Go vet's
flags work as with go vet itself: -json, -tags, -genericdepth.max=4, or an
analyzer's name (-nilness, -printf=false) to choose analyzers.

Exit codes are go vet's: 0 nothing found, 1 findings or a package that does
not build; with -json, findings exit 0. Exit 2: the go command is missing.
`

// runVet is `riskvet vet`: go vet with riskvet as its -vettool, named by
// its own path, so that nobody has to write -vettool=$(which riskvet),
// which silently runs plain go vet when riskvet is not on PATH.
func runVet(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	for _, a := range args {
		switch {
		case a == "-h" || a == "-help" || a == "--help":
			fmt.Fprint(stdout, vetUsage)
			return exitClean
		case strings.HasPrefix(strings.TrimLeft(a, "-"), "vettool") && strings.HasPrefix(a, "-"):
			fmt.Fprintf(stderr, "riskvet vet: %s: riskvet vet names itself as the vettool\nrun 'riskvet vet -h' for usage\n", a)
			return exitError
		}
	}
	exe, err := os.Executable()
	if err != nil {
		fmt.Fprintf(stderr, "riskvet vet: cannot find riskvet's own executable: %v\n", err)
		return exitError
	}
	gocmd, err := exec.LookPath("go")
	if err != nil {
		fmt.Fprintf(stderr, "riskvet vet: the go command is needed: %v\n", err)
		return exitError
	}
	cmd := exec.Command(gocmd, slices.Concat([]string{"vet", "-vettool=" + exe}, args)...)
	cmd.Stdin = stdin
	cmd.Stdout = stdout
	cmd.Stderr = stderr
	err = cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return exitClean
	case errors.As(err, &exit) && exit.ExitCode() > 0:
		return exit.ExitCode()
	}
	fmt.Fprintf(stderr, "riskvet vet: %v\n", err)
	return exitError
}

// vettoolMisuse explains, in a message for stderr, a call that looks like
// go vet's -vettool protocol but is not one: "-V" without "=full", or a
// ".cfg" file that is not a vet unit configuration. The unit checker would
// answer with a bare flag or file error that says nothing of go vet; ""
// means args are a real protocol call or not one at all.
func vettoolMisuse(args []string) string {
	if !vettoolMode(args) {
		return ""
	}
	for _, a := range args {
		switch strings.TrimLeft(a, "-") {
		case "flags", "V=full":
			return ""
		}
	}
	what := strings.Join(args, " ")
	if last := args[len(args)-1]; strings.HasSuffix(last, ".cfg") {
		if isVetConfig(last) {
			return ""
		}
		what = last + " is not a go vet unit configuration"
	} else {
		what = "riskvet " + what + " is not a call of go vet's -vettool protocol (-V=full, -flags, [flags] unit.cfg)"
	}
	return "riskvet: " + what + "\n" +
		"go vet calls riskvet this way when it runs it as its -vettool; to vet packages with riskvet, run\n" +
		"\triskvet vet [go vet flags] [packages]\n" +
		"or riskvet [flags] packages for the standalone linter ('riskvet -h' for usage)\n"
}

// isVetConfig reports whether name holds a JSON object with the fields
// go vet writes into every unit configuration.
func isVetConfig(name string) bool {
	data, err := os.ReadFile(name)
	if err != nil {
		return false
	}
	var cfg map[string]json.RawMessage
	if json.Unmarshal(data, &cfg) != nil {
		return false
	}
	_, id := cfg["ImportPath"]
	_, files := cfg["GoFiles"]
	return id && files
}
