// Package examples holds configuration files for the tools teams run
// riskvet with; its tests check that each one parses and says what the
// README says it does, and run the repository's pre-commit hooks end to end.
package examples_test

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/riskvet/riskvet/internal/config"
)

// readYAML parses a YAML file strictly into v.
func readYAML(t *testing.T, name string, v any) {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dec := yaml.NewDecoder(f)
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// hookDef is one entry of .pre-commit-hooks.yaml.
type hookDef struct {
	ID            string   `yaml:"id"`
	Name          string   `yaml:"name"`
	Description   string   `yaml:"description"`
	Entry         string   `yaml:"entry"`
	Args          []string `yaml:"args"`
	Language      string   `yaml:"language"`
	Types         []string `yaml:"types"`
	Files         string   `yaml:"files"`
	PassFilenames *bool    `yaml:"pass_filenames"`
	RequireSerial bool     `yaml:"require_serial"`
}

func hookDefs(t *testing.T) map[string]hookDef {
	var defs []hookDef
	readYAML(t, filepath.Join("..", ".pre-commit-hooks.yaml"), &defs)
	m := map[string]hookDef{}
	for _, d := range defs {
		m[d.ID] = d
	}
	return m
}

func TestPreCommitHooks(t *testing.T) {
	defs := hookDefs(t)
	for _, id := range []string{"riskvet-go", "riskvet-php", "riskvet-stricttypes-fix"} {
		d, ok := defs[id]
		if !ok {
			t.Errorf("no hook %s", id)
			continue
		}
		if d.Language != "golang" || !strings.HasPrefix(d.Entry, "riskvet") || d.Name == "" {
			t.Errorf("%s: %+v", id, d)
		}
	}
	if d := defs["riskvet-go"]; d.PassFilenames == nil || *d.PassFilenames || !slices.Equal(d.Args, []string{"./..."}) {
		t.Errorf("riskvet-go must run on ./... without file names: %+v", d)
	}
	if d := defs["riskvet-php"]; !strings.Contains(d.Entry, "-project .") || !slices.Contains(d.Types, "php") || !d.RequireSerial {
		t.Errorf("riskvet-php must check PHP files against the project index, once: %+v", d)
	}
	if d := defs["riskvet-stricttypes-fix"]; !strings.Contains(d.Entry, "-fix -checks=stricttypes") {
		t.Errorf("riskvet-stricttypes-fix: %+v", d)
	}
}

// TestPreCommitConfig checks the users' .pre-commit-config.yaml: every hook
// it names exists.
func TestPreCommitConfig(t *testing.T) {
	var cfg struct {
		Repos []struct {
			Repo  string `yaml:"repo"`
			Rev   string `yaml:"rev"`
			Hooks []struct {
				ID      string `yaml:"id"`
				Exclude string `yaml:"exclude"`
			} `yaml:"hooks"`
		} `yaml:"repos"`
	}
	readYAML(t, ".pre-commit-config.yaml", &cfg)
	defs := hookDefs(t)
	if len(cfg.Repos) != 1 || cfg.Repos[0].Repo != "https://github.com/riskvet/riskvet" || cfg.Repos[0].Rev == "" {
		t.Fatalf("repos = %+v", cfg.Repos)
	}
	for _, h := range cfg.Repos[0].Hooks {
		if _, ok := defs[h.ID]; !ok {
			t.Errorf("hook %q is not in .pre-commit-hooks.yaml", h.ID)
		}
	}
	if len(cfg.Repos[0].Hooks) != len(defs) {
		t.Errorf("the example uses %d hooks of %d", len(cfg.Repos[0].Hooks), len(defs))
	}
}

func TestGitHubActions(t *testing.T) {
	var wf struct {
		Name        string            `yaml:"name"`
		On          map[string]any    `yaml:"on"`
		Permissions map[string]string `yaml:"permissions"`
		Jobs        map[string]struct {
			RunsOn string `yaml:"runs-on"`
			Steps  []step `yaml:"steps"`
		} `yaml:"jobs"`
	}
	readYAML(t, "github-actions.yml", &wf)
	if wf.Permissions["security-events"] != "write" {
		t.Error("upload-sarif needs security-events: write")
	}
	var install, scan, upload bool
	for _, s := range wf.Jobs["riskvet"].Steps {
		install = install || strings.Contains(s.Run, "go install github.com/riskvet/riskvet/cmd/riskvet@")
		scan = scan || strings.Contains(s.Run, "riskvet scan -o riskvet-report")
		if strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@") {
			upload = s.With["sarif_file"] == "riskvet-report/results.sarif" && s.If == "always()"
		}
	}
	if !install || !scan || !upload {
		t.Errorf("install %v, scan %v, upload of riskvet-report/results.sarif %v", install, scan, upload)
	}
}

func TestLefthook(t *testing.T) {
	var lh struct {
		PreCommit struct {
			Parallel bool `yaml:"parallel"`
			Commands map[string]struct {
				Glob       string `yaml:"glob"`
				Run        string `yaml:"run"`
				StageFixed bool   `yaml:"stage_fixed"`
			} `yaml:"commands"`
		} `yaml:"pre-commit"`
	}
	readYAML(t, "lefthook.yml", &lh)
	php := lh.PreCommit.Commands["riskvet-php"]
	if !strings.Contains(php.Run, "riskvet php -project . ") || !strings.Contains(php.Run, "{staged_files}") {
		t.Errorf("riskvet-php: %+v", php)
	}
	if g := lh.PreCommit.Commands["riskvet-go"]; g.Run != "riskvet ./..." {
		t.Errorf("riskvet-go: %+v", g)
	}
}

// TestSonarProperties parses the .properties file (key=value lines, #
// comments) and checks the import path is where riskvet scan writes.
func TestSonarProperties(t *testing.T) {
	f, err := os.Open("sonar-project.properties")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	props := map[string]string{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "!") {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok || strings.TrimSpace(k) == "" {
			t.Fatalf("line %d: not key=value: %q", n, line)
		}
		props[strings.TrimSpace(k)] = strings.TrimSpace(v)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if got := props["sonar.externalIssuesReportPaths"]; got != "riskvet-report/sonar.json" {
		t.Errorf("sonar.externalIssuesReportPaths = %q", got)
	}
	for _, k := range []string{"sonar.projectKey", "sonar.sources"} {
		if props[k] == "" {
			t.Errorf("%s is missing", k)
		}
	}
}

func TestRiskvetTOML(t *testing.T) {
	c, err := config.Load("riskvet.toml")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"genericdepth.max=3", "constraintcoupling.max=1", "nullderef.never_null=get_current_screen"}
	var got []string
	for _, s := range c.Settings {
		got = append(got, s.Check+"."+s.Key+"="+s.Value)
	}
	if !slices.Equal(got, want) || len(c.Overrides) != 1 {
		t.Errorf("loaded %+v", c)
	}
	legacy := filepath.Join(c.Dir, "legacy", "a.php")
	if c.Enabled(legacy, "stricttypes", true) || !c.Enabled(filepath.Join(c.Dir, "a.php"), "stricttypes", true) {
		t.Error("the override does not turn stricttypes off in legacy/ only")
	}
}

func TestGitHookScript(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	if out, err := exec.Command("sh", "-n", "pre-commit.sh").CombinedOutput(); err != nil {
		t.Errorf("sh -n pre-commit.sh: %v\n%s", err, out)
	}
}
