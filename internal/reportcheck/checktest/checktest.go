// Package checktest checks report files in tests: always with
// internal/reportcheck, and in addition with the independent validators in
// ../shared/sonar beside the repository (sonar_validate.py --profile
// portable, sarif_check.py) when they and python3 are there, or in
// $RISKVET_SHARED_SONAR. A clone of the
// repository alone runs the first; CI, which has the folder, runs both.
package checktest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/riskvet/riskvet/internal/reportcheck"
)

// Check checks the report in file, written in format ("sonar",
// "sonar-legacy", "sarif", "codeclimate" or "checkstyle"), against the files under baseDir ("" checks
// the report alone). allowMissing accepts locations in files that are not
// there, which SonarQube skips and GitHub shows without code.
func Check(t testing.TB, format, file, baseDir string, allowMissing bool) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	check := reportcheck.Sonar
	switch format {
	case "sarif":
		check = reportcheck.SARIF
	case "codeclimate":
		check = reportcheck.CodeClimate
	case "checkstyle":
		check = reportcheck.Checkstyle
	}
	if err := reportcheck.Error(check(data, reportcheck.Options{BaseDir: baseDir, AllowMissingFiles: allowMissing})); err != nil {
		t.Errorf("the %s report %s breaks the importer's rules: %v", format, file, err)
	}
	external(t, format, file, baseDir, allowMissing)
}

// external runs the validator of ../shared/sonar for the format, if there
// is one beside the module and python3 can run it.
func external(t testing.TB, format, file, baseDir string, allowMissing bool) {
	t.Helper()
	dir := SharedDir()
	if dir == "" || format == "codeclimate" || format == "checkstyle" {
		return // no external validator of these formats
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		return
	}
	args := []string{filepath.Join(dir, "sonar_validate.py"), file, "--profile", "portable"}
	if allowMissing {
		args = append(args, "--allow-missing-files")
	}
	if format == "sarif" {
		args = []string{filepath.Join(dir, "sarif_check.py"), file}
		if allowMissing {
			// sarif_check.py has no such switch: check the log alone.
			baseDir = ""
		}
	}
	if baseDir != "" {
		args = append(args, "--base-dir", baseDir)
	}
	if out, err := exec.Command(py, args...).CombinedOutput(); err != nil {
		t.Errorf("%s rejects the %s report %s: %v\n%s", filepath.Base(args[0]), format, file, err, out)
	}
}

// sharedDir is looked up when the test binary starts, in the package's
// directory: tests that change the working directory still find it.
var sharedDir = findShared()

// SharedDir returns the folder of the external validators, else "":
// $RISKVET_SHARED_SONAR when set (for a worktree or checkout elsewhere),
// otherwise ../shared/sonar beside the module root above the package
// directory, if it holds them.
func SharedDir() string { return sharedDir }

func findShared() string {
	if dir := os.Getenv("RISKVET_SHARED_SONAR"); dir != "" {
		return dir
	}
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			shared := filepath.Join(filepath.Dir(dir), "shared", "sonar")
			if _, err := os.Stat(filepath.Join(shared, "sonar_validate.py")); err != nil {
				return ""
			}
			return shared
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Samples returns the recorded tool outputs of the shared folder, or skips
// the test when there is none beside the repository.
func Samples(t testing.TB) string {
	t.Helper()
	dir := SharedDir()
	if dir == "" {
		t.Skip("no ../shared/sonar beside the repository: recorded samples not checked")
	}
	return filepath.Join(dir, "samples")
}

// Golden compares got with the golden file; update (a test's -update flag)
// rewrites the file instead.
func Golden(t testing.TB, golden string, got []byte, update bool) {
	t.Helper()
	if update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("differs from the golden file %s (go test -update rewrites it):\n%s", golden, got)
	}
}
