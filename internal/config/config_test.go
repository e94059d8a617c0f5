package config_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/riskvet/riskvet/internal/config"
)

func TestParse(t *testing.T) {
	src := `# a full file
enable = ["SA4020"]
disable = ["undefinedindex"]
exclude = ["generated/**", "*.pb.go"]

[genericdepth]
max = 4

[constraintcoupling]
max = 2

[php]
extensions = [".php", ".inc"]

[[override]]
paths = ["legacy/**"]
disable = ["stricttypes"]

[[override]]
paths = ["legacy/keep"]
enable = ["stricttypes"]
`
	c, err := config.Parse("riskvet.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	c.Dir = "/p"
	if setting(c, "genericdepth", "max") != "4" || setting(c, "constraintcoupling", "max") != "2" {
		t.Errorf("thresholds = %+v; want 4, 2", c.Settings)
	}
	if strings.Join(c.Extensions, " ") != ".php .inc" {
		t.Errorf("extensions = %q", c.Extensions)
	}
	for _, tc := range []struct {
		path, rule string
		want       bool
	}{
		{"/p/a.php", "stricttypes", true},
		{"/p/a.php", "undefinedindex", false},
		{"/p/legacy/a.php", "stricttypes", false},
		{"/p/legacy/sub/a.php", "stricttypes", false},
		{"/p/legacy/sub/a.php", "nullderef", true},
		{"/p/legacy/keep/a.php", "stricttypes", true}, // the later override wins
		{"/elsewhere/legacy/a.php", "stricttypes", true},
	} {
		if got := c.Enabled(tc.path, tc.rule, true); got != tc.want {
			t.Errorf("Enabled(%s, %s) = %v, want %v", tc.path, tc.rule, got, tc.want)
		}
	}
	if !c.Enabled("/p/x.go", "SA4020", false) {
		t.Error("enable does not turn on a check off by default")
	}
	for p, want := range map[string]bool{
		"/p/generated/x.go":  true,
		"/p/api/v1/x.pb.go":  true,
		"/p/api/x.go":        false,
		"/p/generatedx/y.go": false,
		"/other/generated/x": false,
	} {
		if got := c.Excluded(p); got != want {
			t.Errorf("Excluded(%s) = %v, want %v", p, got, want)
		}
	}
}

func TestMatch(t *testing.T) {
	for _, tc := range []struct {
		glob, path string
		want       bool
	}{
		{"legacy/**", "legacy/a.php", true},
		{"legacy/**", "src/legacy/a.php", false},
		{"legacy", "legacy/a/b.php", true},   // a directory covers its contents
		{"legacy", "src/legacy/b.php", true}, // no slash: any depth
		{"**/test/*.php", "a/b/test/x.php", true},
		{"**/test/*.php", "test/x.php", true},
		{"src/*.php", "src/a/b.php", false},
		{"*.inc", "a/b/c.inc", true},
		{"./src/", "src/x", true},
		{"./src/", "a/src/x", false}, // "./" anchors at the top
		{"/e.php", "e.php", true},
		{"/e.php", "a/e.php", false}, // so does "/"
	} {
		if got := config.Match(tc.glob, tc.path); got != tc.want {
			t.Errorf("Match(%q, %q) = %v, want %v", tc.glob, tc.path, got, tc.want)
		}
	}
}

// TestErrors checks that every error names the file, the line and the key.
func TestErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"enable = []\n\n[genricdepth]\nmax = 3\n", `riskvet.toml:3:2: unknown key "genricdepth"`},
		{"disable = [\"nulderef\"]\n", `riskvet.toml:1:1: disable: unknown check "nulderef"`},
		{"[php]\nextensions = [\"php\"]\n", `riskvet.toml:2:1: php.extensions: "php" is not an extension`},
		{"[[override]]\npaths = [\"a\"]\n[[override]]\npaths = [\"b\"]\ndisable = [\"x\"]\n", `riskvet.toml:5:1: override.disable: unknown check "x"`},
		{"[[override]]\ndisable = [\"stricttypes\"]\n", `riskvet.toml:0`},
		{"exclude = [\"[\"]\n", `riskvet.toml:1:1: exclude: bad glob "["`},
		{"enable = \n", `riskvet.toml:1:`},
		{"[nullderef]\nnever_null = [\"a,b\"]\n", `riskvet.toml:2:1: nullderef.never_null: want a list of strings without commas, not a,b`},
		{"[nullderef]\nstrict = { on = true }\n", `riskvet.toml:2:1: nullderef.strict: want a boolean, a number, a string or a list of strings`},
		{"nullderef = true\n", `riskvet.toml:1:1: nullderef: want a table`},
		{"[nulderef]\nstrict = true\n", `riskvet.toml:1:2: unknown key "nulderef"`},
	} {
		_, err := config.Parse("riskvet.toml", []byte(tc.src))
		if err == nil {
			t.Errorf("%q: no error, want %s", tc.src, tc.want)
			continue
		}
		if tc.want == "riskvet.toml:0" {
			if !strings.HasPrefix(err.Error(), "riskvet.toml: ") {
				t.Errorf("%q: error %q", tc.src, err)
			}
			continue
		}
		if !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%q:\n got %s\nwant %s...", tc.src, err, tc.want)
		}
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	repo := filepath.Join(root, "repo")
	deep := filepath.Join(repo, "a", "b")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(p, s string) {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A file above the repository root is not used inside it.
	write(filepath.Join(root, config.FileName), "[genericdepth]\nmax = 9\n")
	if err := os.Mkdir(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if p, err := config.Find(deep); err != nil || p != "" {
		t.Fatalf("Find above the repository root = %q, %v", p, err)
	}
	c, err := config.Discover(deep)
	if err != nil || len(c.Settings) != 0 || c.Path != "" {
		t.Fatalf("Discover with no file = %+v, %v", c, err)
	}
	write(filepath.Join(repo, config.FileName), "[genericdepth]\nmax = 5\n")
	c, err = config.Discover(deep)
	if err != nil || setting(c, "genericdepth", "max") != "5" || c.Dir != repo {
		t.Fatalf("Discover = %+v, %v", c, err)
	}
	h := c.Hash()
	write(filepath.Join(repo, config.FileName), "[genericdepth]\nmax = 6\n")
	if c, _ = config.Discover(deep); c.Hash() == h {
		t.Error("the hash did not change with the file")
	}
	// Outside any repository the search goes on to the filesystem root.
	if err := os.Remove(filepath.Join(repo, ".git")); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(repo, config.FileName)); err != nil {
		t.Fatal(err)
	}
	if p, _ := config.Find(deep); p != filepath.Join(root, config.FileName) {
		t.Errorf("Find = %q, want the file in %s", p, root)
	}
	write(filepath.Join(repo, config.FileName), "bogus = 1\n")
	if _, err := config.Discover(deep); err == nil || !strings.Contains(err.Error(), filepath.Join(repo, config.FileName)+":1:1:") {
		t.Errorf("Discover error = %v, want the file's path and line", err)
	}
}

// TestSettings checks that the tables named after a check become settings
// spelled as flag values, in file order, with their lines.
func TestSettings(t *testing.T) {
	src := `enable = ["nullderef"]

[nullderef]
strict = true
never_null = ["get_current_screen", "Psr\\Container\\ContainerInterface::get"]
lifecycle = []

[undefinedindex]
depth = 3
`
	c, err := config.Parse("riskvet.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []config.Setting{
		{Check: "nullderef", Key: "strict", Value: "true", Bool: true, Line: 4},
		{Check: "nullderef", Key: "never_null", Value: `get_current_screen,Psr\Container\ContainerInterface::get`, Line: 5},
		{Check: "nullderef", Key: "lifecycle", Value: "", Line: 6},
		{Check: "undefinedindex", Key: "depth", Value: "3", Line: 9},
	}
	if !slices.Equal(c.Settings, want) {
		t.Errorf("Settings =\n%+v\nwant\n%+v", c.Settings, want)
	}
	if err := c.Errorf(c.Settings[0], "bad"); err.Error() != "riskvet.toml:4:1: nullderef.strict: bad" {
		t.Errorf("Errorf = %q", err)
	}
}

// setting returns the value riskvet.toml gives key in check's table, or "".
func setting(c *config.Config, check, key string) string {
	for _, s := range c.Settings {
		if s.Check == check && s.Key == key {
			return s.Value
		}
	}
	return ""
}
