package examples_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// workflow is the part of a GitHub Actions workflow that runJob follows.
type workflow struct {
	Jobs map[string]struct {
		Steps []step `yaml:"steps"`
	} `yaml:"jobs"`
}

type step struct {
	Name string            `yaml:"name"`
	ID   string            `yaml:"id"`
	If   string            `yaml:"if"`
	Uses string            `yaml:"uses"`
	Run  string            `yaml:"run"`
	With map[string]string `yaml:"with"`
}

// readWorkflow reads the steps of a workflow file, ignoring its other keys
// (TestGitHubActions reads them strictly).
func readWorkflow(t *testing.T, name string) workflow {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var wf workflow
	if err := yaml.Unmarshal(data, &wf); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return wf
}

// buildRiskvet builds cmd/riskvet into a temporary directory and returns
// that directory, for PATH.
func buildRiskvet(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	dir := t.TempDir()
	out, err := exec.Command("go", "build", "-o", filepath.Join(dir, "riskvet"), "../cmd/riskvet").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return dir
}

var (
	outputRef  = regexp.MustCompile(`^steps\.([\w-]+)\.outputs\.([\w-]+) (==|!=) '([^']*)'$`)
	exprRef    = regexp.MustCompile(`\$\{\{\s*([^}]*?)\s*\}\}`)
	stepOutput = regexp.MustCompile(`^steps\.([\w-]+)\.outputs\.([\w-]+)$`)
)

// runJob runs a job's run steps with bash in dir, as a runner would: a step
// runs when the previous ones succeeded, or when its if condition holds;
// uses steps and the step that installs riskvet are skipped (the riskvet on
// PATH is the one under test). It understands the conditions the examples
// use: always(), and a step output compared with a quoted string. It
// returns whether the job failed, and what the steps printed.
func runJob(t *testing.T, wf workflow, job, dir, path string) (failed bool, log string) {
	t.Helper()
	outputs := map[string]map[string]string{}
	var b strings.Builder
	for i, s := range wf.Jobs[job].Steps {
		run := true
		switch cond := strings.TrimSpace(s.If); {
		case cond == "":
			run = !failed
		case cond == "always()":
		default:
			m := outputRef.FindStringSubmatch(cond)
			if m == nil {
				t.Fatalf("%s step %d: condition %q not understood by this test", job, i, cond)
			}
			got := outputs[m[1]][m[2]]
			run = !failed && (got == m[4]) == (m[3] == "==")
		}
		if !run || s.Run == "" || strings.Contains(s.Run, "go install github.com/riskvet/riskvet") {
			continue
		}
		script := exprRef.ReplaceAllStringFunc(s.Run, func(e string) string {
			name := exprRef.FindStringSubmatch(e)[1]
			if m := stepOutput.FindStringSubmatch(name); m != nil {
				return outputs[m[1]][m[2]]
			}
			t.Fatalf("%s step %d: ${{ %s }} not understood by this test", job, i, name)
			return ""
		})
		ghOut := filepath.Join(t.TempDir(), "output")
		cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "PATH="+path+string(filepath.ListSeparator)+os.Getenv("PATH"),
			"GITHUB_OUTPUT="+ghOut, "GITHUB_STEP_SUMMARY="+filepath.Join(t.TempDir(), "summary"), "RUNNER_TEMP="+t.TempDir())
		out, err := cmd.CombinedOutput()
		b.Write(out)
		if err != nil {
			failed = true
		}
		if s.ID != "" {
			outputs[s.ID] = map[string]string{}
			data, _ := os.ReadFile(ghOut)
			for _, l := range strings.Split(string(data), "\n") {
				if k, v, ok := strings.Cut(l, "="); ok {
					outputs[s.ID][k] = v
				}
			}
		}
	}
	return failed, b.String()
}

func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const (
	strictPHP = "<?php\ndeclare(strict_types=1);\necho 1;\n"
	brokenGo  = "package broken\n\nvar X int = \"s\"\n"
	goMod     = "module example.com/m\n\ngo 1.22\n"
)

// TestGitHubActionsJob runs the example workflow's steps on a clean tree,
// a tree with a finding and a tree whose Go package does not type-check:
// the job passes only on the clean one, and the incomplete analysis says so.
func TestGitHubActionsJob(t *testing.T) {
	bin := buildRiskvet(t)
	wf := readWorkflow(t, "github-actions.yml")
	for _, tc := range []struct {
		name   string
		files  map[string]string
		failed bool
		log    string
	}{
		{"clean", map[string]string{"a.php": strictPHP}, false, ""},
		{"findings", map[string]string{"a.php": "<?php\necho 1;\n"}, true, ""},
		{"incomplete", map[string]string{"a.php": strictPHP, "go.mod": goMod, "b.go": brokenGo}, true, "the analysis is incomplete"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			failed, log := runJob(t, wf, "riskvet", writeTree(t, tc.files), bin)
			if failed != tc.failed || !strings.Contains(log, tc.log) {
				t.Errorf("job failed %v, want %v; log wants %q:\n%s", failed, tc.failed, tc.log, log)
			}
		})
	}
}

// TestShardsMergeJob runs the merge job of the sharded workflow on shard
// reports: a complete set passes, a set in which one shard could not read a
// file fails the job.
func TestShardsMergeJob(t *testing.T) {
	bin := buildRiskvet(t)
	wf := readWorkflow(t, "github-actions-shards.yml")
	report := func(errors string) string {
		return `{"schema":"riskvet/findings/v1","tool":{"name":"riskvet","version":"devel"},` +
			`"files":[{"path":"a.php","language":"php","lines":3}],"findings":[],"errors":[` + errors + `]}`
	}
	for _, tc := range []struct {
		name   string
		shard2 string
		failed bool
	}{
		{"complete", report(""), false},
		{"incomplete", report(`{"file":"b.php","message":"open b.php: permission denied"}`), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeTree(t, map[string]string{"a.php": strictPHP, "shards/1/findings.json": report(""), "shards/2/findings.json": tc.shard2})
			failed, log := runJob(t, wf, "merge", dir, bin)
			if failed != tc.failed {
				t.Errorf("job failed %v, want %v:\n%s", failed, tc.failed, log)
			}
			if _, err := os.Stat(filepath.Join(dir, "sonar-issues.json")); err != nil {
				t.Errorf("no sonar report: %v", err)
			}
		})
	}
}
