package matrix_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"html"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/riskvet/riskvet/internal/finding"
	"github.com/riskvet/riskvet/matrix"
)

// chromium returns the path of a Chromium binary, or skips the test.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("chromium not found (Debian: apt-get install chromium): the HTML matrix is not rendered")
	return ""
}

// runChromium runs headless Chromium on page with the extra arguments and
// returns its standard output. The flags keep it off the network and out of
// the user's profile.
func runChromium(t *testing.T, bin, page string, extra ...string) []byte {
	t.Helper()
	// Not a timing assertion: a guard so that a hung browser fails the
	// test instead of the whole run.
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	args := []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--hide-scrollbars", "--user-data-dir=" + t.TempDir(),
	}
	args = append(args, extra...)
	args = append(args, "file://"+page)
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %v: %v\n%s", extra, err, stderr.String())
	}
	return stdout.Bytes()
}

func writeMatrixPage(t *testing.T, r *finding.Report) string {
	t.Helper()
	var buf bytes.Buffer
	if err := matrix.WriteHTML(&buf, matrix.New(r)); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(t.TempDir(), "matrix.html")
	if err := os.WriteFile(page, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return page
}

// TestMatrixHTMLRendersInChromium opens the page of the shared input in
// headless Chromium. The DOM it parsed must hold the chart with one bubble
// per language and family, and a screenshot must show the bubbles: many
// more pixels in the Go and PHP colours than on the page of an empty
// report, whose only coloured marks are the legend's.
func TestMatrixHTMLRendersInChromium(t *testing.T) {
	bin := chromium(t)
	page := writeMatrixPage(t, readMatrixInput(t, "input.json"))

	dom := string(runChromium(t, bin, page, "--dump-dom"))
	if !strings.Contains(dom, `<svg xmlns="http://www.w3.org/2000/svg" id="risk-matrix"`) {
		t.Fatalf("the parsed DOM has no risk-matrix SVG:\n%s", dom)
	}
	if n := strings.Count(dom, `<g class="bubble" data-language`); n != 6 {
		t.Errorf("the parsed DOM has %d family bubbles, want 6", n)
	}
	if n := strings.Count(dom, `<g class="bubble" data-component`); n != 5 {
		t.Errorf("the parsed DOM has %d component bubbles, want 5", n)
	}
	for _, label := range []string{"Go generics complexity (3)", "PHP null and type risk (5)", "likelihood: findings per thousand lines"} {
		if !strings.Contains(dom, label) {
			t.Errorf("the parsed DOM lacks the text %q", label)
		}
	}

	full := colourCounts(t, bin, page)
	empty := colourCounts(t, bin, writeMatrixPage(t, &finding.Report{}))
	t.Logf("pixels: page %+v, empty page %+v", full, empty)
	if full.nonWhite < 40000 {
		t.Errorf("screenshot is nearly blank: %d non-white pixels", full.nonWhite)
	}
	if full.goBlue < empty.goBlue+1000 || full.phpPurple < empty.phpPurple+1000 {
		t.Errorf("screenshot shows no bubbles: Go-blue pixels %d (legend only: %d), PHP-purple %d (legend only: %d)",
			full.goBlue, empty.goBlue, full.phpPurple, empty.phpPurple)
	}
}

type pixelCounts struct{ nonWhite, goBlue, phpPurple int }

// colourCounts screenshots page and counts its non-white pixels and those
// close to the bubble colours, opaque (outlines) or blended at the bubbles'
// 65% opacity over the light background.
func colourCounts(t *testing.T, bin, page string) pixelCounts {
	t.Helper()
	shot := filepath.Join(t.TempDir(), "shot.png")
	runChromium(t, bin, page, "--window-size=1100,800", "--screenshot="+shot)
	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	var c pixelCounts
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r16, g16, b16, _ := img.At(x, y).RGBA()
			r, g, bl := int(r16>>8), int(g16>>8), int(b16>>8)
			if r < 245 || g < 245 || bl < 245 {
				c.nonWhite++
			}
			// Go #00ADD8: red far below green and blue.
			if r < 140 && g > 150 && bl > 180 && g-r > 60 {
				c.goBlue++
			}
			// PHP #777BB4: blue above red and green, which are close.
			if bl-r > 15 && bl-g > 15 && abs(r-g) < 30 && r < 200 {
				c.phpPurple++
			}
		}
	}
	return c
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// screenshot names a PNG file to which TestMatrixHTMLFiftyComponents
// writes a screenshot of the page it measures (docs/matrix-components.png).
var screenshot = flag.String("screenshot", "", "write a screenshot of the 50-component matrix page to this PNG `file`")

// fiftyComponents returns a report of a tree of 50 top-level folders, Go
// and PHP in turn, each with its own size and mix of run-time and
// maintainability findings, at the given commit; scale multiplies the
// number of findings, so that two commits differ.
func fiftyComponents(commit, date string, scale int) *finding.Report {
	r := &finding.Report{Commit: commit, Date: date, Root: "/src/big"}
	for i := range 50 {
		dir := fmt.Sprintf("component%02d", i)
		lang, ext, runtimeRule, otherRule := finding.Go, ".go", "nilness", "genericdepth"
		if i%2 == 1 {
			lang, ext, runtimeRule, otherRule = finding.PHP, ".php", "nullderef", "stricttypes"
		}
		file := dir + "/main" + ext
		r.Files = append(r.Files, finding.FileStat{Path: file, Language: lang, Lines: 200 + 97*i})
		// i%7 run-time findings and i%5+1 others: shares spread over
		// the whole y axis, counts over the x axis.
		for j := range (i%7 + 1) * scale {
			r.Findings = append(r.Findings, finding.Finding{Rule: runtimeRule, Engine: "riskvet", Language: lang, File: file, Line: j + 1, Message: "m"})
		}
		for j := range (i%5 + 1) * scale {
			r.Findings = append(r.Findings, finding.Finding{Rule: otherRule, Engine: "riskvet", Language: lang, File: file, Line: 100 + j, Message: "m", Fixable: otherRule == "stricttypes"})
		}
	}
	return r
}

// measureScript is added to a copy of the page: in the browser, after
// layout, it measures what a reader at 1280 pixels sees and writes it as
// JSON into the page, which --dump-dom then prints.
const measureScript = `<script>
(function () {
  var out = {viewport: window.innerWidth, scrollWidth: document.documentElement.scrollWidth, charts: []};
  document.querySelectorAll("svg").forEach(function (svg) {
    var r = svg.getBoundingClientRect();
    var vb = svg.viewBox.baseVal;
    var c = {id: svg.id, left: r.left, right: r.right, width: r.width, scale: r.width / vb.width, bubbles: svg.querySelectorAll("g.bubble").length, labels: [], overlaps: 0, outside: 0, minFont: 1e9};
    var boxes = [];
    svg.querySelectorAll("text").forEach(function (t) {
      var size = parseFloat(getComputedStyle(t).fontSize) * c.scale;
      if (size < c.minFont) { c.minFont = size; }
    });
    svg.querySelectorAll("text.label").forEach(function (t) {
      var b = t.getBoundingClientRect();
      boxes.push(b);
      c.labels.push(t.textContent);
      if (b.left < r.left || b.right > r.right || b.top < r.top || b.bottom > r.bottom) { c.outside++; }
    });
    for (var i = 0; i < boxes.length; i++) {
      for (var j = i + 1; j < boxes.length; j++) {
        var a = boxes[i], b = boxes[j];
        if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) { c.overlaps++; }
      }
    }
    out.charts.push(c);
  });
  var pre = document.createElement("pre");
  pre.id = "measured";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>`

type measured struct {
	Viewport    float64 `json:"viewport"`
	ScrollWidth float64 `json:"scrollWidth"`
	Charts      []struct {
		ID       string   `json:"id"`
		Left     float64  `json:"left"`
		Right    float64  `json:"right"`
		Width    float64  `json:"width"`
		Scale    float64  `json:"scale"`
		Bubbles  int      `json:"bubbles"`
		Labels   []string `json:"labels"`
		Overlaps int      `json:"overlaps"`
		Outside  int      `json:"outside"`
		MinFont  float64  `json:"minFont"`
	} `json:"charts"`
}

// TestMatrixHTMLFiftyComponents renders the page of a 50-component tree
// with a trend of two commits in a 1280-pixel-wide window and measures it
// in the browser: nothing is wider than the window, every chart is drawn
// at full size, the component chart holds 50 bubbles, its labels (the
// dozen with the most hand work) overlap neither each other nor the
// chart's edge, no text is smaller than 10 pixels, and the three trend
// charts are there.
func TestMatrixHTMLFiftyComponents(t *testing.T) {
	bin := chromium(t)
	m, err := matrix.NewTrend([]*finding.Report{
		fiftyComponents("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "2026-02-01T00:00:00Z", 2),
		fiftyComponents("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "2026-01-01T00:00:00Z", 3),
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Components) != 50 || len(m.Trend) != 2 {
		t.Fatalf("%d components and %d trend points, want 50 and 2", len(m.Components), len(m.Trend))
	}
	var buf bytes.Buffer
	if err := matrix.WriteHTML(&buf, m); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(t.TempDir(), "matrix.html")
	if err := os.WriteFile(page, []byte(strings.Replace(buf.String(), "</body>", measureScript+"\n</body>", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	dom := string(runChromium(t, bin, page, "--window-size=1280,900", "--dump-dom"))
	if *screenshot != "" {
		// The page without the measuring script, as docs/ shows it.
		clean := filepath.Join(t.TempDir(), "matrix.html")
		if err := os.WriteFile(clean, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		runChromium(t, bin, clean, "--window-size=1280,1900", "--screenshot="+*screenshot)
	}
	start := strings.Index(dom, `<pre id="measured">`)
	end := strings.Index(dom, "</pre>")
	if start < 0 || end < start {
		t.Fatalf("the page was not measured:\n%s", dom)
	}
	var got measured
	if err := json.Unmarshal([]byte(html.UnescapeString(dom[start+len(`<pre id="measured">`):end])), &got); err != nil {
		t.Fatal(err)
	}
	t.Logf("measured: %+v", got)
	if got.Viewport != 1280 || got.ScrollWidth > got.Viewport {
		t.Errorf("the page is %v pixels wide in a %v-pixel window", got.ScrollWidth, got.Viewport)
	}
	ids := map[string]bool{}
	for _, c := range got.Charts {
		ids[c.ID] = true
		if c.Scale < 0.99 || c.Right > got.Viewport {
			t.Errorf("chart %s is drawn at %.2f of its size, %v to %v pixels", c.ID, c.Scale, c.Left, c.Right)
		}
		if c.MinFont < 10 {
			t.Errorf("chart %s has text of %.1f pixels", c.ID, c.MinFont)
		}
		if c.Overlaps > 0 || c.Outside > 0 {
			t.Errorf("chart %s: %d pairs of labels overlap, %d labels stick out: %q", c.ID, c.Overlaps, c.Outside, c.Labels)
		}
		if c.ID == "component-matrix" {
			if c.Bubbles != 50 {
				t.Errorf("the component chart has %d bubbles, want 50", c.Bubbles)
			}
			if len(c.Labels) < 8 {
				t.Errorf("the component chart labels %d bubbles, want most of the dozen largest: %q", len(c.Labels), c.Labels)
			}
		}
	}
	for _, id := range []string{"risk-matrix", "component-matrix", "trend-density", "trend-runtime", "trend-effort"} {
		if !ids[id] {
			t.Errorf("no chart %s on the page", id)
		}
	}
}
