// Command rusagevet is a go vet -vettool that runs another vettool and
// records what each of its runs cost: the CPU time and the peak resident
// memory of the process (and of any process it waits for), as the kernel
// counts them. bench/go.sh puts it in front of cmd/vet, riskvet and
// noopvet alike, so that the three are measured per tool process, apart
// from the go command that starts them.
//
//	RUSAGEVET_TOOL=$(go env GOTOOLDIR)/vet RUSAGEVET_LOG=/tmp/vet.tsv \
//	RUSAGEVET_NONCE=$RANDOM go vet -vettool=$(which rusagevet) ./...
//
// Environment:
//
//	RUSAGEVET_TOOL   the vettool to run (required)
//	RUSAGEVET_LOG    a file each analysis run appends one line to:
//	                 user seconds, system seconds, peak RSS in KiB, the
//	                 tool's exit code, "vetx" for a run go vet makes only
//	                 for a dependency's facts (nothing printed) or "vet",
//	                 and the package's import path, tab-separated
//	RUSAGEVET_NONCE  added to the tool's identity (its -V=full line), which
//	                 go vet keys its result cache by: a new nonce makes go
//	                 vet analyze every package again instead of replaying
//	                 results it cached for the same tool
//
// The -V=full and -flags calls are passed through (the first with the
// nonce) and not logged. rusagevet exits with the tool's exit code; 2 when
// RUSAGEVET_TOOL is unset or the tool cannot be started.
package main

import (
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"syscall"
)

func main() {
	os.Exit(run(os.Args[1:]))
}

func run(args []string) int {
	tool := os.Getenv("RUSAGEVET_TOOL")
	if tool == "" {
		fmt.Fprintln(os.Stderr, "rusagevet: RUSAGEVET_TOOL is not set")
		return 2
	}
	if slices.Contains(args, "-V=full") {
		return identity(tool)
	}
	cmd := exec.Command(tool, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		fmt.Fprintf(os.Stderr, "rusagevet: %v\n", err)
		return 2
	}
	code := cmd.ProcessState.ExitCode()
	if log := os.Getenv("RUSAGEVET_LOG"); log != "" && len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg") {
		if err := record(log, args[len(args)-1], cmd.ProcessState, code); err != nil {
			fmt.Fprintf(os.Stderr, "rusagevet: %v\n", err)
			return 2
		}
	}
	return code
}

// identity prints the tool's -V=full line in the form go vet reads as a
// development build, with a build ID made of a hash of the tool's own line
// and the nonce, so that each nonce is a new tool to go vet's cache.
func identity(tool string) int {
	out, err := exec.Command(tool, "-V=full").Output()
	if err != nil {
		fmt.Fprintf(os.Stderr, "rusagevet: %s -V=full: %v\n", tool, err)
		return 2
	}
	h := sha256.Sum256(out)
	fmt.Printf("%s version devel rusagevet buildID=%x%s\n", os.Args[0], h[:16], os.Getenv("RUSAGEVET_NONCE"))
	return 0
}

// record appends one line for a finished analysis run to the log. Lines
// are short and written with one call to a file opened for appending, so
// go vet's parallel runs do not interleave within a line.
func record(log, cfgPath string, ps *os.ProcessState, code int) error {
	var unit struct {
		ImportPath string
		VetxOnly   bool
	}
	if data, err := os.ReadFile(cfgPath); err == nil {
		_ = json.Unmarshal(data, &unit)
	}
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return fmt.Errorf("no resource usage on this system")
	}
	kind := "vet"
	if unit.VetxOnly {
		kind = "vetx"
	}
	line := fmt.Sprintf("%.3f\t%.3f\t%d\t%d\t%s\t%s\n",
		seconds(ru.Utime), seconds(ru.Stime), ru.Maxrss, code, kind, unit.ImportPath)
	f, err := os.OpenFile(log, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	_, err = f.WriteString(line)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

func seconds(t syscall.Timeval) float64 {
	return float64(t.Sec) + float64(t.Usec)/1e6
}
