package main

import (
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/riskvet/riskvet/internal/reportcheck"
	"github.com/riskvet/riskvet/internal/reportcheck/checktest"
)

// update rewrites the expected output embedded in the scripts.
var update = flag.Bool("update", false, "update the golden files in testdata/script")

// TestMain lets testscript run the test binary as the riskvet command, so
// that scripts exercise main itself: exit codes, go vet's -vettool protocol
// and all.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"riskvet": main})
}

// TestScript runs the CLI scripts in testdata/script. Each script gets a
// copy of the fixture module testdata/gomod (at the repository root) in
// $WORK/gomod, $RISKVET naming the riskvet command (for go vet -vettool),
// and the user's Go build cache, so that std is not compiled again.
func TestScript(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	goenv := map[string]string{}
	out, err := exec.Command("go", "env", "GOCACHE", "GOMODCACHE", "GOPATH").Output()
	if err != nil {
		t.Fatalf("go env: %v", err)
	}
	vals := strings.Split(strings.TrimSpace(string(out)), "\n")
	for i, k := range []string{"GOCACHE", "GOMODCACHE", "GOPATH"} {
		goenv[k] = vals[i]
	}
	userCache, err := os.UserCacheDir()
	if err != nil {
		userCache = t.TempDir()
	}
	fixture, err := filepath.Abs(filepath.Join("..", "..", "testdata", "gomod"))
	if err != nil {
		t.Fatal(err)
	}
	sarifCheck := ""
	if dir := checktest.SharedDir(); dir != "" {
		sarifCheck = filepath.Join(dir, "sarif_check.py")
	}

	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join("testdata", "script"),
		RequireExplicitExec: true,
		UpdateScripts:       *update,
		Cmds:                map[string]func(ts *testscript.TestScript, neg bool, args []string){"reportcheck": cmdReportcheck},
		Setup: func(env *testscript.Env) error {
			for k, v := range goenv {
				env.Setenv(k, v)
			}
			// The fixtures need no module outside themselves.
			env.Setenv("GOFLAGS", "-mod=mod")
			env.Setenv("GOPROXY", "off")
			env.Setenv("GOTOOLCHAIN", "local")
			env.Setenv("RISKVET_CACHE", filepath.Join(userCache, "riskvet"))
			env.Setenv("SARIFCHECK", sarifCheck)
			bin, err := lookPath(env.Getenv("PATH"), "riskvet")
			if err != nil {
				return err
			}
			env.Setenv("RISKVET", bin)
			return os.CopyFS(filepath.Join(env.WorkDir, "gomod"), os.DirFS(fixture))
		},
		Condition: func(cond string) (bool, error) {
			// [sarifcheck] holds when python3 and the shared SARIF
			// checker are both there.
			if cond != "sarifcheck" {
				return false, os.ErrNotExist
			}
			if _, err := exec.LookPath("python3"); err != nil || sarifCheck == "" {
				return false, nil
			}
			return true, nil
		},
	})
}

// cmdReportcheck is the script command "reportcheck
// sonar|sarif|codeclimate|checkstyle FILE [BASEDIR]": it checks a report
// with the importer's rules (internal/reportcheck), which needs nothing
// outside the repository.
func cmdReportcheck(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 2 || len(args) > 3 {
		ts.Fatalf("usage: reportcheck sonar|sarif|codeclimate|checkstyle FILE [BASEDIR]")
	}
	check := map[string]func([]byte, reportcheck.Options) []reportcheck.Problem{
		"sonar":       reportcheck.Sonar,
		"sarif":       reportcheck.SARIF,
		"codeclimate": reportcheck.CodeClimate,
		"checkstyle":  reportcheck.Checkstyle,
	}[args[0]]
	if check == nil {
		ts.Fatalf("reportcheck: unknown format %s", args[0])
	}
	opt := reportcheck.Options{}
	if len(args) == 3 {
		opt.BaseDir = ts.MkAbs(args[2])
	}
	err := reportcheck.Error(check([]byte(ts.ReadFile(args[1])), opt))
	switch {
	case neg && err == nil:
		ts.Fatalf("%s passes the checks", args[1])
	case !neg && err != nil:
		ts.Fatalf("%s: %v", args[1], err)
	}
}

// lookPath finds name in the given PATH, which is the scripts' PATH rather
// than the test process's own.
func lookPath(path, name string) (string, error) {
	for _, dir := range filepath.SplitList(path) {
		p := filepath.Join(dir, name)
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			return p, nil
		}
	}
	return "", exec.ErrNotFound
}
