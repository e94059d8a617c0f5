package scan_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/riskvet/riskvet/phpcheck/internal/scan"
)

// phpTok is one token as PHP's tokenizer names it: its token_name, or its
// text for a single-character token, and its byte offset.
type phpTok struct {
	Name string
	Pos  int
}

func (t *phpTok) UnmarshalJSON(b []byte) error {
	var pair [2]any
	if err := json.Unmarshal(b, &pair); err != nil {
		return err
	}
	name, ok1 := pair[0].(string)
	pos, ok2 := pair[1].(float64)
	if !ok1 || !ok2 {
		return fmt.Errorf("bad token %s", b)
	}
	t.Name, t.Pos = name, int(pos)
	return nil
}

// phpVersion is php-cli's PHP_VERSION_ID, or 0 when php is not installed.
func phpVersion(t testing.TB) int {
	out, err := exec.Command("php", "-r", "echo PHP_VERSION_ID;").Output()
	if err != nil {
		return 0
	}
	v, err := strconv.Atoi(string(out))
	if err != nil {
		t.Fatalf("php -r 'echo PHP_VERSION_ID;' printed %q", out)
	}
	return v
}

// tokenizer is a running testdata/tokens.php: it answers one path at a
// time, so that a fuzz run does not start php for every input.
type tokenizer struct {
	cmd *exec.Cmd
	in  io.WriteCloser
	out *bufio.Scanner
}

func startTokenizer(t testing.TB) *tokenizer {
	t.Helper()
	cmd := exec.Command("php", "-d", "short_open_tag=0", "-d", "memory_limit=-1", "testdata/tokens.php")
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	sc.Buffer(nil, 1<<30)
	return &tokenizer{cmd, in, sc}
}

// tokens returns PHP's tokens of the file at path, nil if PHP gave up.
func (tz *tokenizer) tokens(t testing.TB, path string) []phpTok {
	t.Helper()
	if _, err := io.WriteString(tz.in, path+"\n"); err != nil {
		t.Fatal(err)
	}
	if !tz.out.Scan() {
		t.Fatalf("tokens.php stopped: %v", tz.out.Err())
	}
	var toks []phpTok
	if err := json.Unmarshal(tz.out.Bytes(), &toks); err != nil {
		t.Fatalf("tokens.php: %v", err)
	}
	return toks
}

func (tz *tokenizer) close() {
	tz.in.Close()
	tz.cmd.Wait()
}

// ours returns scan.Scan's tokens as PHP of the given version names them:
// before PHP 8.4, "private(set)" is four tokens and __PROPERTY__ a name.
func ours(src []byte, version int) []phpTok {
	var out []phpTok
	for _, tk := range scan.Scan(src) {
		name := tk.Kind.String()
		switch {
		case tk.Kind < 256:
			name = string(src[tk.Pos:tk.End]) // b" is its own text
		case version < 80400 && (tk.Kind == scan.PublicSet || tk.Kind == scan.ProtectedSet || tk.Kind == scan.PrivateSet):
			vis := strings.ToUpper(string(src[tk.Pos : tk.End-5]))
			out = append(out, phpTok{"T_" + vis, tk.Pos}, phpTok{"(", tk.End - 5}, phpTok{"T_STRING", tk.End - 4}, phpTok{")", tk.End - 1})
			continue
		case version < 80400 && tk.Kind == scan.PropertyC:
			name = "T_STRING"
		}
		out = append(out, phpTok{name, tk.Pos})
	}
	return out
}

// diff describes the first difference between want (PHP's) and got.
func diff(src []byte, want, got []phpTok) string {
	for i := 0; i < len(want) || i < len(got); i++ {
		if i < len(want) && i < len(got) && want[i] == got[i] {
			continue
		}
		at := func(ts []phpTok) string {
			if i >= len(ts) {
				return "end"
			}
			end := min(ts[i].Pos+20, len(src))
			return fmt.Sprintf("%s at %d %q", ts[i].Name, ts[i].Pos, src[ts[i].Pos:end])
		}
		return fmt.Sprintf("token %d: php %s, scan %s", i, at(want), at(got))
	}
	return ""
}

// compareFiles compares scan.Scan with PHP's tokenizer on every path.
func compareFiles(t *testing.T, paths []string) {
	v := phpVersion(t)
	if v == 0 {
		t.Skip("php is not installed")
	}
	tz := startTokenizer(t)
	defer tz.close()
	compared := 0
	for i := range paths {
		want := tz.tokens(t, paths[i])
		if want == nil {
			continue
		}
		src, err := os.ReadFile(paths[i])
		if err != nil {
			t.Fatal(err)
		}
		if d := diff(src, want, ours(src, v)); d != "" {
			t.Errorf("%s: %s", paths[i], d)
		}
		compared++
	}
	t.Logf("%d of %d files compared with php %d", compared, len(paths), v)
}

// phpFiles lists the .php files under dir, skipping skip.
func phpFiles(t *testing.T, dir string, skip ...string) []string {
	var paths []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		for _, s := range skip {
			if path == s && d.IsDir() {
				return filepath.SkipDir
			}
		}
		if !d.IsDir() && strings.HasSuffix(path, ".php") && d.Type().IsRegular() {
			paths = append(paths, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return paths
}

// TestRepositoryFixtures compares the scanner with php-cli's tokenizer on
// every PHP file in the repository (fixtures, examples, testdata).
func TestRepositoryFixtures(t *testing.T) {
	root := filepath.Join("..", "..", "..")
	paths := phpFiles(t, root, filepath.Join(root, "bench", "corpus"), filepath.Join(root, ".git"))
	if len(paths) < 20 {
		t.Fatalf("found only %d PHP files under %s", len(paths), root)
	}
	compareFiles(t, paths)
}

// TestCorpus compares the scanner with php-cli's tokenizer on every .php
// file of the corpora that bench/fetch-corpora.sh fetches, when present.
func TestCorpus(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "bench", "corpus")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("no bench/corpus: run bench/fetch-corpora.sh")
	}
	if testing.Short() {
		t.Skip("the corpus takes a while")
	}
	compareFiles(t, phpFiles(t, dir, filepath.Join(dir, "debs")))
}

// FuzzScan compares the scanner with php-cli's tokenizer on any input, and
// checks that the tokens cover the input without a gap.
func FuzzScan(f *testing.F) {
	for _, s := range []string{
		"<?php echo 1;", "a<?php $x = \"a{$b[1]}c\";", "<?= 1 ?>\n<?php\n<<<EOT\n  x $y\n  EOT;",
		"<?php /** d */ #[A] static fn() => (int) $x?->y; __halt_compiler(); data",
		"<?php $a = <<<'N'\nn\nN;\n`ls $d`; 0x1F 0b11 1_000 .5e3 \"${a}\" \"$a->b\" // c ?>x",
		"<?xml version=\"1.0\"?><?php enum E: string { case Default = 'd'; }",
		"<?php class C { public private(set) int $x { get => 1; } } new C()->x; exit(...);",
		"<?php 0777777777777777777 07777777777777777777777 0100000000000000000008 01777777777777777777778 0_100000000000000000000 089",
	} {
		f.Add([]byte(s))
	}
	v := phpVersion(f)
	dir := f.TempDir()
	var tz *tokenizer
	if v != 0 {
		tz = startTokenizer(f)
		defer tz.close()
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		toks := scan.Scan(src)
		pos := 0
		for _, tk := range toks {
			if tk.Pos != pos || tk.End <= tk.Pos {
				t.Fatalf("token %v does not start at %d or is empty", tk, pos)
			}
			pos = tk.End
		}
		if pos != len(src) {
			t.Fatalf("tokens end at %d of %d", pos, len(src))
		}
		if v == 0 {
			return
		}
		path := filepath.Join(dir, "in.php")
		if err := os.WriteFile(path, src, 0o644); err != nil {
			t.Fatal(err)
		}
		want := tz.tokens(t, path)
		if want == nil {
			return
		}
		if d := diff(src, want, ours(src, v)); d != "" {
			t.Errorf("%q: %s", src, d)
		}
	})
}
