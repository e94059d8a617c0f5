package matrix_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/riskvet/riskvet/internal/finding"
	"github.com/riskvet/riskvet/internal/reportcheck/checktest"
	"github.com/riskvet/riskvet/matrix"
)

var matrixFormats = []struct {
	golden string
	write  func(io.Writer, *matrix.Matrix) error
}{
	{"matrix.txt", matrix.WriteText},
	{"matrix.md", matrix.WriteMarkdown},
	{"matrix.json", matrix.WriteJSON},
	{"matrix.html", matrix.WriteHTML},
}

// update rewrites the golden files of every test of this package.
var update = flag.Bool("update", false, "rewrite golden files")

// checkGolden compares got with the golden file, which -update rewrites.
func checkGolden(t *testing.T, golden string, got []byte) {
	t.Helper()
	checktest.Golden(t, golden, got, *update)
}

func readMatrixInput(t *testing.T, name string) *finding.Report {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "matrix", name))
	if err != nil {
		t.Fatal(err)
	}
	var r finding.Report
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return &r
}

// TestMatrixGolden writes the shared input in every format and compares
// with testdata/matrix/<golden>; run with -update to rewrite them.
func TestMatrixGolden(t *testing.T) {
	m := matrix.New(readMatrixInput(t, "input.json"))
	for _, f := range matrixFormats {
		t.Run(f.golden, func(t *testing.T) {
			var buf bytes.Buffer
			if err := f.write(&buf, m); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, filepath.Join("testdata", "matrix", f.golden), buf.Bytes())
			// Deterministic: a second run writes the same bytes.
			var again bytes.Buffer
			if err := f.write(&again, matrix.New(readMatrixInput(t, "input.json"))); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(buf.Bytes(), again.Bytes()) {
				t.Errorf("%s: two runs differ", f.golden)
			}
		})
	}
}

// TestMatrixNumbers checks the arithmetic on the shared input by hand, so a
// wrong golden file cannot be blessed unnoticed.
func TestMatrixNumbers(t *testing.T) {
	m := matrix.New(readMatrixInput(t, "input.json"))
	if len(m.Languages) != 2 {
		t.Fatalf("got %d languages, want go and php", len(m.Languages))
	}
	goRow, phpRow := m.Languages[0], m.Languages[1]
	if goRow.Language != "go" || phpRow.Language != "php" {
		t.Fatalf("languages %q, %q; want go, php", goRow.Language, phpRow.Language)
	}
	// Go: 2000 lines, 7 findings.
	check := func(name string, got, want any) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %v, want %v", name, got, want)
		}
	}
	check("go lines", goRow.Lines, 2000)
	check("go kloc", goRow.KLOC, 2.0)
	check("go findings", goRow.Findings, 7)
	check("go per kloc", goRow.PerKLOC, 3.5)
	// nilness, SA5011 and govet printf fail at run time; genericdepth x2,
	// constraintcoupling and ST1005 cost maintainability.
	check("go runtime", goRow.Runtime, 3)
	check("go maintainability", goRow.Maintainability, 4)
	check("go runtime share", goRow.RuntimeShare, 0.429)
	gen := goRow.Families[0]
	check("go generics family", gen.Family, matrix.Families[0])
	check("go generics findings", gen.Findings, 3)
	check("go generics per kloc", gen.PerKLOC, 1.5)
	check("go generics effort", gen.EffortMinutes, 10+10+30)
	check("go generics runtime share", gen.RuntimeShare, 0.0)

	// PHP: 1000 lines, 8 findings.
	check("php lines", phpRow.Lines, 1000)
	check("php findings", phpRow.Findings, 8)
	check("php per kloc", phpRow.PerKLOC, 8.0)
	check("php runtime", phpRow.Runtime, 5)
	nt := phpRow.Families[1]
	check("php nulltype findings", nt.Findings, 5)
	check("php nulltype runtime share", nt.RuntimeShare, 1.0)
	check("php nulltype effort", nt.EffortMinutes, 3*10+2*5)
	check("php effort hours", phpRow.EffortHours, 0.82) // 30+10+4+5 = 49 min
	// Two stricttypes findings of 2 minutes each, which -fix clears, are
	// the PHP row's only auto-fix effort.
	check("php autofix minutes", phpRow.AutofixMinutes, 4)
	check("php hand minutes", phpRow.HandMinutes, 45)
	check("php strictness hand minutes", phpRow.Families[2].HandMinutes, 0)

	// Components: orders is a module of its own, src a Composer package,
	// catalog a package tree of the root module, templates and public
	// folders of PHP beside it.
	comps := map[string]matrix.Component{}
	for _, c := range m.Components {
		comps[c.Name] = c
	}
	if len(comps) != 5 {
		t.Fatalf("components = %+v, want catalog, orders, public, src, templates", m.Components)
	}
	check("orders kind", comps["orders"].Kind, "go module")
	check("orders module", comps["orders"].Module, "example.com/shop/orders")
	check("orders runtime", comps["orders"].Runtime, 3)
	check("orders findings", comps["orders"].Findings, 4)
	check("orders runtime share", comps["orders"].RuntimeShare, 0.75)
	check("src kind", comps["src"].Kind, "composer package")
	check("src per kloc", comps["src"].PerKLOC, 21.13) // 6 findings in 284 lines
	check("src autofix minutes", comps["src"].AutofixMinutes, 2)
	check("catalog kind", comps["catalog"].Kind, "package tree")
	check("templates kind", comps["templates"].Kind, "folder")
	check("public language", comps["public"].Language, "php")

	if len(nt.Rules) != 2 || nt.Rules[0].Rule != "nullderef" || nt.Rules[0].Findings != 3 {
		t.Errorf("php nulltype rules = %+v, want nullderef 3, undefinedindex 2", nt.Rules)
	}
}

// TestMatrixEmpty: an empty report still has a Go and a PHP row with every
// family, and JSON arrays, never null.
func TestMatrixEmpty(t *testing.T) {
	for _, r := range []*finding.Report{nil, {}} {
		m := matrix.New(r)
		var buf bytes.Buffer
		if err := matrix.WriteJSON(&buf, m); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(buf.String(), ": null") {
			t.Errorf("empty matrix JSON holds null:\n%s", buf.String())
		}
		if len(m.Languages) != 2 || len(m.Languages[0].Families) != len(matrix.Families) {
			t.Errorf("empty matrix = %+v, want go and php with every family", m)
		}
		for _, f := range matrixFormats {
			buf.Reset()
			if err := f.write(&buf, m); err != nil {
				t.Fatalf("%s: %v", f.golden, err)
			}
		}
		var html bytes.Buffer
		_ = matrix.WriteHTML(&html, m)
		if !strings.Contains(html.String(), "no findings to plot") || strings.Contains(html.String(), `class="bubble"`) {
			t.Errorf("empty matrix HTML should say there is nothing to plot and draw no bubble")
		}
	}
}

// TestMatrixJSONZeroValue: a Matrix built by hand is written with its
// schema and an empty list.
func TestMatrixJSONZeroValue(t *testing.T) {
	var buf bytes.Buffer
	if err := matrix.WriteJSON(&buf, &matrix.Matrix{}); err != nil {
		t.Fatal(err)
	}
	if want := "{\n  \"schema\": \"riskvet/matrix/v1\",\n  \"languages\": [],\n  \"errors\": [],\n  \"components\": [],\n  \"trend\": []\n}\n"; buf.String() != want {
		t.Errorf("got %q, want %q", buf.String(), want)
	}
}

// TestMatrixLinesUnknown: findings from a go vet stream carry no file list;
// their rates are unknown, shown as "-", and the chart plots what the tables
// count: each family in a lane of its own, at its impact and effort.
func TestMatrixLinesUnknown(t *testing.T) {
	r := &finding.Report{Findings: []finding.Finding{
		{Rule: "printf", Engine: "govet", File: "main.go", Line: 3, Message: "bad format"},
		{Rule: "lint", Engine: "other", Language: "Rust", File: "x.rs", Line: 1, Message: "m"},
	}}
	m := matrix.New(r)
	if len(m.Languages) != 3 || m.Languages[2].Language != "rust" {
		t.Fatalf("languages = %+v, want go, php, rust", m.Languages)
	}
	g := m.Languages[0]
	if g.Findings != 1 || g.LinesKnown || g.PerKLOC != 0 || g.Runtime != 1 {
		t.Errorf("go row = %+v, want 1 run-time finding, lines unknown, rate 0", g)
	}
	var txt, page bytes.Buffer
	_ = matrix.WriteText(&txt, m)
	_ = matrix.WriteHTML(&page, m)
	var goLine []string
	for _, line := range strings.Split(txt.String(), "\n") {
		if strings.HasPrefix(line, "Go ") {
			goLine = strings.Fields(line)
			break
		}
	}
	if want := []string{"Go", "0", "-", "1", "-", "-", "-", "-", "-", "100%", "0%", "0.08", "0.00"}; !slices.Equal(goLine, want) {
		t.Errorf("text should show unknown rates as -:\n%s", txt.String())
	}
	html := page.String()
	if n := strings.Count(html, `<g class="bubble" data-language`); n != 2 || strings.Contains(html, "no findings to plot") {
		t.Errorf("the chart plots %d bubbles, want the 2 its tables list:\n%s", n, html)
	}
	for _, want := range []string{">lines unknown</text>", "Go null and type risk: 1 findings, lines scanned unknown, 100% at run time"} {
		if !strings.Contains(html, want) {
			t.Errorf("HTML lacks %q:\n%s", want, html)
		}
	}
}

// TestMatrixHTMLSelfContained: the page loads nothing from elsewhere and
// runs no script.
func TestMatrixHTMLSelfContained(t *testing.T) {
	var buf bytes.Buffer
	if err := matrix.WriteHTML(&buf, matrix.New(readMatrixInput(t, "input.json"))); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, bad := range []string{"<script", "src=", "href=", "@import", "url("} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	// One bubble per language and family with findings: Go generics,
	// null/type, other; PHP null/type, strictness, other. One per
	// component with findings: the orders module, the src package, and
	// the catalog, public and templates package trees of the root module.
	if n := strings.Count(page, `<g class="bubble" data-language`); n != 6 {
		t.Errorf("got %d family bubbles, want 6", n)
	}
	if n := strings.Count(page, `<g class="bubble" data-component`); n != 5 {
		t.Errorf("got %d component bubbles, want 5", n)
	}
}
