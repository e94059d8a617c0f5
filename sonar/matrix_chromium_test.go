package sonar_test

import (
	"bytes"
	"context"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/riskvet/riskvet/internal/finding"
	"github.com/riskvet/riskvet/sonar"
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
	if err := sonar.WriteMatrixHTML(&buf, sonar.NewMatrix(r)); err != nil {
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
