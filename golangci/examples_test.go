package golangci_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"go.yaml.in/yaml/v3"
)

// The user-facing example files, relative to this module.
const (
	customExample   = "../examples/.custom-gcl.yml"
	golangciExample = "../examples/.golangci.yml"
)

// customConfig mirrors golangci-lint custom's .custom-gcl.yml (its
// pkg/commands/internal.Configuration): decoding with known fields only
// catches a misspelt key the way golangci-lint would silently ignore it.
type customConfig struct {
	Version     string `yaml:"version"`
	Name        string `yaml:"name"`
	Destination string `yaml:"destination"`
	Plugins     []struct {
		Module  string `yaml:"module"`
		Import  string `yaml:"import"`
		Version string `yaml:"version"`
		Path    string `yaml:"path"`
	} `yaml:"plugins"`
}

// decodeStrict decodes a YAML file, rejecting keys the target lacks.
func decodeStrict(t *testing.T, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// loadCustomExample reads examples/.custom-gcl.yml and checks it names this
// module the way golangci-lint custom's validation requires. The end to end
// test builds golangci-lint from its version and import path.
func loadCustomExample(t *testing.T) customConfig {
	t.Helper()
	var c customConfig
	decodeStrict(t, customExample, &c)
	if !strings.HasPrefix(c.Version, "v2.") {
		t.Errorf("%s: version %q, want a golangci-lint v2 release", customExample, c.Version)
	}
	if len(c.Plugins) != 1 {
		t.Fatalf("%s: %d plugins, want riskvet's alone", customExample, len(c.Plugins))
	}
	p := c.Plugins[0]
	mod := modulePath(t)
	if p.Module != mod {
		t.Errorf("%s: module %q, want %q", customExample, p.Module, mod)
	}
	if p.Import != mod {
		t.Errorf("%s: import %q, want %q, the package that registers the plugin", customExample, p.Import, mod)
	}
	if (p.Version == "") == (p.Path == "") {
		t.Errorf("%s: give exactly one of version and path (golangci-lint custom rejects both or neither)", customExample)
	}
	return c
}

// modulePath returns this module's path from its go.mod.
func modulePath(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("go.mod")
	if err != nil {
		t.Fatal(err)
	}
	for line := range strings.Lines(string(data)) {
		if rest, ok := strings.CutPrefix(line, "module "); ok {
			return strings.TrimSpace(rest)
		}
	}
	t.Fatal("go.mod has no module line")
	return ""
}

func TestCustomGCLExample(t *testing.T) {
	loadCustomExample(t)
}

// TestGolangciExample checks examples/.golangci.yml without building
// golangci-lint: it is YAML, a v2 configuration, enables riskvet as a module
// plugin, and its settings are accepted by the plugin itself. The end to end
// test runs golangci-lint with it.
func TestGolangciExample(t *testing.T) {
	var c struct {
		Version string `yaml:"version"`
		Linters struct {
			Enable   []string `yaml:"enable"`
			Settings struct {
				Custom map[string]struct {
					Type     string         `yaml:"type"`
					Settings map[string]any `yaml:"settings"`
				} `yaml:"custom"`
			} `yaml:"settings"`
		} `yaml:"linters"`
	}
	data, err := os.ReadFile(golangciExample)
	if err != nil {
		t.Fatal(err)
	}
	// Not strict: golangci-lint's configuration has many more keys than
	// this test reads; golangci-lint itself reads the whole file in the end
	// to end test.
	if err := yaml.Unmarshal(data, &c); err != nil {
		t.Fatalf("%s: %v", golangciExample, err)
	}
	if c.Version != "2" {
		t.Errorf("%s: version %q, want \"2\"", golangciExample, c.Version)
	}
	if !strings.Contains(strings.Join(c.Linters.Enable, ","), "riskvet") {
		t.Errorf("%s: linters.enable lacks riskvet", golangciExample)
	}
	rv, ok := c.Linters.Settings.Custom["riskvet"]
	if !ok {
		t.Fatalf("%s: no linters.settings.custom.riskvet", golangciExample)
	}
	if rv.Type != "module" {
		t.Errorf("%s: riskvet's type %q, want module", golangciExample, rv.Type)
	}
	t.Cleanup(resetFlags)
	newPlugin, err := register.GetPlugin("riskvet")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := newPlugin(rv.Settings); err != nil {
		t.Errorf("%s: %v", golangciExample, err)
	}
}
