package matrix

import (
	"fmt"
	"html"
	"io"
	"math"
	"slices"
	"strings"
)

// WriteHTML writes m as one self-contained HTML page: the SVG risk
// matrix chart, then the tables of the text format. The page loads nothing
// (no scripts, fonts, or style sheets from elsewhere), so it can be attached
// to a CI run or opened from disk.
//
// The chart is a classic risk matrix. x is likelihood, findings per
// thousand lines on a log scale (rates of a few per KLOC and of hundreds
// both stay readable); y is impact, the share of findings that fail at run
// time rather than cost maintainability; each bubble is one language and
// rule family in the first chart, one component in the second, its area
// proportional to the hand work (the effort -fix cannot clear). The
// background grades risk from low (few, maintainability) to high (many,
// run-time) with fixed bands: under 1, 1 to 10, and 10 or more findings
// per KLOC; under a third, up to two thirds, and over two thirds at run time.
// Given a trend, line charts follow: findings per KLOC, the run-time share
// and the effort, per commit.
func WriteHTML(w io.Writer, m *Matrix) error {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>riskvet risk matrix</title>
<style>
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #222; margin: 2rem auto; max-width: 1040px; padding: 0 1rem; }
div.scroll { overflow-x: auto; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; }
p.lead { color: #555; margin-top: 0; }
svg { display: block; max-width: 100%; height: auto; }
table { border-collapse: collapse; margin: 1rem 0; font-size: .85rem; }
th { white-space: nowrap; }
th, td { padding: .3rem .5rem; border-bottom: 1px solid #ddd; }
th { text-align: right; background: #f5f5f5; }
td { text-align: right; font-variant-numeric: tabular-nums; }
th.text, td.text { text-align: left; }
ul.notes { color: #555; font-size: .85rem; }
div.incomplete { border: 2px solid #c0392b; background: #fdecea; padding: .5rem 1rem; margin: 1rem 0; }
div.incomplete ul { font-family: ui-monospace, monospace; font-size: .8rem; }
</style>
</head>
<body>
<h1>riskvet risk matrix</h1>
<p class="lead">Generics risk in Go next to runtime type risk in PHP, per thousand lines of code.</p>
`)
	if inc := mxIncomplete(m); inc != nil {
		fmt.Fprintf(&b, "<div class=\"incomplete\" role=\"alert\">\n<p><strong>%s</strong></p>\n<ul>\n", html.EscapeString(strings.ToUpper(inc[0][:1])+inc[0][1:]+"."))
		for _, l := range inc[1:] {
			fmt.Fprintf(&b, "<li>%s</li>\n", html.EscapeString(l))
		}
		b.WriteString("</ul>\n</div>\n")
	}
	if m.Commit != "" {
		when := ""
		if m.Date != "" {
			when = ", " + mxShortDate(m.Date)
		}
		fmt.Fprintf(&b, "<p class=\"lead\">Taken at commit <code>%s</code>%s.</p>\n", html.EscapeString(mxShortCommit(m.Commit)), html.EscapeString(when))
	}
	b.WriteString("<h2>Risk by rule family</h2>\n")
	writeBubbleChart(&b, "risk-matrix", "Risk matrix: likelihood (findings per KLOC) against impact (share failing at run time) per language and rule family; bubble area is the hand work", familyBubbles(m), m)
	b.WriteString("<h2>Risk by component</h2>\n")
	writeBubbleChart(&b, "component-matrix", "Risk matrix per component: likelihood (findings per KLOC) against impact (share failing at run time); bubble area is the hand work", componentBubbles(m), m)
	if len(m.Trend) > 0 {
		b.WriteString("<h2>Trend</h2>\n")
		writeTrendSVG(&b, m)
	}
	b.WriteString("<h2>By language</h2>\n")
	mxWriteHTMLTable(&b, mxLanguageTable(m))
	b.WriteString("<h2>By rule family</h2>\n")
	if fams := mxFamilyTable(m); len(fams) > 1 {
		mxWriteHTMLTable(&b, fams)
	} else {
		b.WriteString("<p>" + mxNoFindings(m) + "</p>\n")
	}
	if comps := mxComponentTable(m); len(comps) > 1 {
		b.WriteString("<h2>By component</h2>\n")
		mxWriteHTMLTable(&b, comps)
	}
	if trend := mxTrendTable(m); len(trend) > 1 {
		b.WriteString("<h2>By commit</h2>\n")
		mxWriteHTMLTable(&b, trend)
	}
	b.WriteString("<ul class=\"notes\">\n")
	for _, n := range mxNotes(m) {
		fmt.Fprintf(&b, "<li>%s</li>\n", html.EscapeString(n))
	}
	b.WriteString("</ul>\n</body>\n</html>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func mxWriteHTMLTable(b *strings.Builder, rows [][]string) {
	b.WriteString("<div class=\"scroll\"><table>\n")
	for i, r := range rows {
		b.WriteString("<tr>")
		for j, c := range r {
			tag := "td"
			if i == 0 {
				tag = "th"
			}
			class := ""
			if mxLeftAligned(rows[0][j]) {
				class = ` class="text"`
			}
			fmt.Fprintf(b, "<%s%s>%s</%s>", tag, class, html.EscapeString(c), tag)
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</table></div>\n")
}

// Chart geometry, in SVG user units.
const (
	mxChartW     = 860
	mxChartH     = 530
	mxPlotLeft   = 90
	mxPlotRight  = 640
	mxPlotTop    = 40
	mxPlotBottom = 450
	// mxPlotPad keeps bubbles at the ends of the scales off the axes.
	mxPlotPad   = 36
	mxMinRadius = 7
	mxMaxRadius = 34
)

// mxLanguageColor returns a bubble colour per language: each language's
// brand colour, grey for any other.
func mxLanguageColor(lang string) string {
	switch lang {
	case "go":
		return "#00ADD8"
	case "php":
		return "#777BB4"
	}
	return "#888888"
}

// mxRiskColors grade the background cells from low to high risk.
var mxRiskColors = []string{"#dcefd6", "#eef3cf", "#fbeccb", "#fad9c2", "#f5c2c0"}

// mxBubble is one cell plotted on a chart: a language's rule family, or a
// component.
type mxBubble struct {
	lang string
	// rate is the findings per KLOC, 0 when the lines are unknown;
	// share the run-time share; effort the hand work in minutes.
	rate, share float64
	effort      int
	// attrs are the bubble's data- attributes, written as they are.
	attrs  string
	x, y   float64
	r      float64
	label  string
	detail string
	// quiet bubbles get no label (a chart of many components labels the
	// largest); their detail is in the title and the tables.
	quiet bool
}

// mxComponentLabels is how many component bubbles get a label: fifty
// labels cannot share a chart 550 units wide without covering the bubbles
// they name, and the dozen with the most hand work are those a reader
// looks for; every component has its title (shown on hover) and its row
// in the table.
const mxComponentLabels = 12

// familyBubbles returns a bubble per language and rule family with
// findings.
func familyBubbles(m *Matrix) []mxBubble {
	var out []mxBubble
	for _, l := range m.Languages {
		for _, f := range l.Families {
			if f.Findings == 0 {
				continue
			}
			rate, known := mxRate(l, f)
			density := fmt.Sprintf("%.2f per KLOC", f.PerKLOC)
			if !known {
				density = "lines scanned unknown"
			}
			out = append(out, mxBubble{
				lang: l.Language, rate: rate, share: f.RuntimeShare, effort: f.HandMinutes,
				attrs: fmt.Sprintf(`data-language="%s" data-family="%s" data-findings="%d"`,
					html.EscapeString(l.Language), html.EscapeString(string(f.Family)), f.Findings),
				label: fmt.Sprintf("%s %s (%d)", mxLanguageName(l.Language), mxFamilyName(f.Family), f.Findings),
				detail: fmt.Sprintf("%s %s: %d findings, %s, %.0f%% at run time, %.2f h by hand, %.2f h auto-fix; %s",
					mxLanguageName(l.Language), mxFamilyName(f.Family), f.Findings, density,
					f.RuntimeShare*100, f.HandHours, f.AutofixHours, mxFmtRules(f.Rules)),
			})
		}
	}
	return out
}

// componentBubbles returns a bubble per component with findings, the
// largest hand work first; all but the first mxComponentLabels are quiet.
func componentBubbles(m *Matrix) []mxBubble {
	var out []mxBubble
	for i, c := range mxRanked(m.Components) {
		if c.Findings == 0 {
			continue
		}
		rate := 0.0
		density := "lines scanned unknown"
		if c.LinesKnown && c.Lines > 0 {
			rate = float64(c.Findings) * 1000 / float64(c.Lines)
			density = fmt.Sprintf("%.2f per KLOC", c.PerKLOC)
		}
		out = append(out, mxBubble{
			lang: c.Language, rate: rate, share: c.RuntimeShare, effort: c.HandMinutes, quiet: i >= mxComponentLabels,
			attrs: fmt.Sprintf(`data-component="%s" data-language="%s" data-findings="%d"`,
				html.EscapeString(c.Name), html.EscapeString(c.Language), c.Findings),
			label: fmt.Sprintf("%s (%d)", c.Name, c.Findings),
			detail: fmt.Sprintf("%s (%s): %d findings, %s, %.0f%% at run time, %.2f h by hand, %.2f h auto-fix",
				c.Name, c.Kind, c.Findings, density, c.RuntimeShare*100, c.HandHours, c.AutofixHours),
		})
	}
	return out
}

// mxLogScale maps findings per KLOC to x on a log scale spanning whole
// decades, at least 0.1 to 100, between left and mxPlotRight.
type mxLogScale struct{ lo, hi, left float64 }

func mxNewLogScale(rates []float64, left float64) mxLogScale {
	s := mxLogScale{lo: -1, hi: 2, left: left}
	for _, r := range rates {
		s.lo = math.Min(s.lo, math.Floor(math.Log10(r)))
		s.hi = math.Max(s.hi, math.Ceil(math.Log10(r)))
	}
	return s
}

func (s mxLogScale) x(rate float64) float64 {
	t := (math.Log10(rate) - s.lo) / (s.hi - s.lo)
	return s.left + mxPlotPad + t*(mxPlotRight-s.left-2*mxPlotPad)
}

// mxLaneW is the width of the lane at the left of the plot that holds the
// families whose lines scanned are unknown (a go vet or staticcheck stream
// lists findings, not files): their impact and effort are known, their
// likelihood is not, so they get a column of their own instead of being
// left off the chart that the tables below count them in.
const mxLaneW = 80

// mxRate returns the findings per KLOC a family is plotted at, unrounded
// so that a rate that rounds to 0.00 still has a place on the log scale,
// and whether the lines are known at all.
func mxRate(l Language, f Family) (float64, bool) {
	if !l.LinesKnown || l.Lines <= 0 {
		return 0, false
	}
	return float64(f.Findings) * 1000 / float64(l.Lines), true
}

// mxImpactY maps a run-time share (0 to 1) to y.
func mxImpactY(share float64) float64 {
	return mxPlotBottom - mxPlotPad - share*(mxPlotBottom-mxPlotTop-2*mxPlotPad)
}

// writeBubbleChart draws bubbles on a risk matrix chart with the given id
// and title. The chart's tail, from the legend on, says so when there is
// nothing to plot.
func writeBubbleChart(b *strings.Builder, id, title string, bubbles []mxBubble, m *Matrix) {
	var rates []float64
	maxEffort := 0
	lane := 0.0
	for _, bb := range bubbles {
		if bb.rate > 0 {
			rates = append(rates, bb.rate)
		} else {
			lane = mxLaneW
		}
		maxEffort = max(maxEffort, bb.effort)
	}
	left := mxPlotLeft + lane
	sc := mxNewLogScale(rates, left)
	for i := range bubbles {
		bb := &bubbles[i]
		bb.x = mxPlotLeft + lane/2
		if bb.rate > 0 {
			bb.x = sc.x(bb.rate)
		}
		bb.y = mxImpactY(bb.share)
		bb.r = mxMinRadius
		if maxEffort > 0 {
			// Area, not radius, is proportional to effort, so a bubble
			// twice the effort looks twice as big.
			bb.r = math.Max(mxMinRadius, mxMaxRadius*math.Sqrt(float64(bb.effort)/float64(maxEffort)))
		}
	}
	// Big bubbles first, so that small ones stay visible on top; ties in
	// the order given.
	slices.SortStableFunc(bubbles, func(a, c mxBubble) int { return c.effort - a.effort })

	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" id="%s" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-labelledby="%[1]s-title">
<title id="%[1]s-title">%[6]s</title>
<style>
text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; font-size: 12px; fill: #333; }
.axis { stroke: #555; stroke-width: 1; }
.grid { stroke: #ffffff; stroke-width: 1; }
.tick { font-size: 11px; fill: #555; }
.axis-label { font-size: 13px; font-weight: 600; }
.band { font-size: 10px; fill: #777; }
.bubble circle { fill-opacity: 0.65; stroke-width: 2; }
.leader { stroke: #555; stroke-width: 1; }
.label { font-size: 12px; font-weight: 600; paint-order: stroke; stroke: #ffffff; stroke-width: 3px; }
</style>
`, id, mxChartW, mxChartH, mxChartW, mxChartH, html.EscapeString(title))

	// Background: a 3x3 risk grid on fixed bands.
	xBands := []float64{left, mxClamp(sc.x(1), left, mxPlotRight), mxClamp(sc.x(10), left, mxPlotRight), mxPlotRight}
	yBands := []float64{mxPlotBottom, mxImpactY(1.0 / 3), mxImpactY(2.0 / 3), mxPlotTop}
	b.WriteString(`<g class="risk-grid">` + "\n")
	for i := range 3 {
		for j := range 3 {
			w := xBands[i+1] - xBands[i]
			if w <= 0 {
				continue
			}
			fmt.Fprintf(b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"/>`+"\n",
				xBands[i], yBands[j+1], w, yBands[j]-yBands[j+1], mxRiskColors[i+j])
		}
	}
	if lane > 0 {
		fmt.Fprintf(b, `<rect class="lane" x="%d" y="%d" width="%.1f" height="%d" fill="#ececec"/>`+"\n", mxPlotLeft, mxPlotTop, lane, mxPlotBottom-mxPlotTop)
		fmt.Fprintf(b, `<line class="axis" x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke-dasharray="4 3"/>`+"\n", left, mxPlotTop, left, mxPlotBottom)
	}
	b.WriteString("</g>\n")
	if lane > 0 {
		fmt.Fprintf(b, `<text class="band" x="%.1f" y="%d" text-anchor="middle">lines unknown</text>`+"\n", mxPlotLeft+lane/2, mxPlotTop-8)
	}
	bandNames := []string{"rare", "occasional", "frequent"}
	for i, n := range bandNames {
		if xBands[i+1] > xBands[i] {
			fmt.Fprintf(b, `<text class="band" x="%.1f" y="%d" text-anchor="middle">%s</text>`+"\n", (xBands[i]+xBands[i+1])/2, mxPlotTop-8, n)
		}
	}

	// Axes, ticks and labels.
	fmt.Fprintf(b, `<line class="axis" x1="%d" y1="%d" x2="%d" y2="%d"/>`+"\n", mxPlotLeft, mxPlotBottom, mxPlotRight, mxPlotBottom)
	fmt.Fprintf(b, `<line class="axis" x1="%d" y1="%d" x2="%d" y2="%d"/>`+"\n", mxPlotLeft, mxPlotTop, mxPlotLeft, mxPlotBottom)
	for e := sc.lo; e <= sc.hi; e++ {
		x := sc.x(math.Pow(10, e))
		fmt.Fprintf(b, `<line class="axis" x1="%.1f" y1="%d" x2="%.1f" y2="%d"/>`+"\n", x, mxPlotBottom, x, mxPlotBottom+5)
		fmt.Fprintf(b, `<text class="tick" x="%.1f" y="%d" text-anchor="middle">%s</text>`+"\n", x, mxPlotBottom+18, mxFmtDecade(e))
	}
	for _, s := range []float64{0, 0.25, 0.5, 0.75, 1} {
		y := mxImpactY(s)
		fmt.Fprintf(b, `<line class="axis" x1="%d" y1="%.1f" x2="%d" y2="%.1f"/>`+"\n", mxPlotLeft-5, y, mxPlotLeft, y)
		fmt.Fprintf(b, `<text class="tick" x="%d" y="%.1f" text-anchor="end">%.0f%%</text>`+"\n", mxPlotLeft-8, y+4, s*100)
	}
	fmt.Fprintf(b, `<text class="axis-label" x="%d" y="%d" text-anchor="middle">likelihood: findings per thousand lines (log scale)</text>`+"\n",
		(int(left)+mxPlotRight)/2, mxPlotBottom+40)
	fmt.Fprintf(b, `<text class="axis-label" transform="translate(%d %d) rotate(-90)" text-anchor="middle">impact: share of findings that fail at run time</text>`+"\n",
		mxPlotLeft-52, (mxPlotTop+mxPlotBottom)/2)
	fmt.Fprintf(b, `<text class="band" x="%.1f" y="%.1f">run-time failures</text>`+"\n", left+6, mxImpactY(1)-mxPlotPad+26)
	fmt.Fprintf(b, `<text class="band" x="%.1f" y="%d">maintainability cost</text>`+"\n", left+6, mxPlotBottom-6)

	// Bubbles, then their labels on top of every mxBubble.
	for _, bb := range bubbles {
		c := mxLanguageColor(bb.lang)
		fmt.Fprintf(b, `<g class="bubble" %s><title>%s</title><circle cx="%.1f" cy="%.1f" r="%.1f" fill="%s" stroke="%s"/></g>`+"\n",
			bb.attrs, html.EscapeString(bb.detail), bb.x, bb.y, bb.r, c, c)
	}
	var placed []mxRect
	for i, bb := range bubbles {
		if bb.quiet {
			continue
		}
		l, ok := mxPlaceLabel(bubbles, i, placed)
		if !ok {
			continue // no free spot: the title and the table still name it
		}
		placed = append(placed, l.box)
		if l.leader {
			// From the bubble's edge towards the near end of the label.
			tx, ty := l.box.x0, (l.box.y0+l.box.y1)/2
			if l.anchor == "end" {
				tx = l.box.x1
			}
			d := math.Hypot(tx-bb.x, ty-bb.y)
			fmt.Fprintf(b, `<line class="leader" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"/>`+"\n",
				bb.x+(tx-bb.x)*bb.r/d, bb.y+(ty-bb.y)*bb.r/d, tx, ty)
		}
		fmt.Fprintf(b, `<text class="label" x="%.1f" y="%.1f" text-anchor="%s">%s</text>`+"\n", l.x, l.y, l.anchor, html.EscapeString(bb.label))
	}

	mxWriteLegend(b, m, maxEffort)
	if len(bubbles) == 0 {
		what := "no findings to plot"
		if len(m.Errors) > 0 {
			what += ": the analysis is incomplete"
		}
		fmt.Fprintf(b, `<text class="axis-label" x="%d" y="%d" text-anchor="middle">%s</text>`+"\n", (mxPlotLeft+mxPlotRight)/2, (mxPlotTop+mxPlotBottom)/2, what)
	}
	b.WriteString("</svg>\n")
}

// mxWriteLegend draws the language colours, the bubble size key and the risk
// gradient to the right of the plot.
func mxWriteLegend(b *strings.Builder, m *Matrix, maxEffort int) {
	x := mxPlotRight + 30
	y := mxPlotTop + 10
	fmt.Fprintf(b, `<g class="legend">`+"\n")
	fmt.Fprintf(b, `<text class="axis-label" x="%d" y="%d">language</text>`+"\n", x, y)
	for _, l := range m.Languages {
		y += 22
		c := mxLanguageColor(l.Language)
		fmt.Fprintf(b, `<circle cx="%d" cy="%d" r="7" fill="%s" fill-opacity="0.65" stroke="%s" stroke-width="2"/>`+"\n", x+7, y-4, c, c)
		fmt.Fprintf(b, `<text x="%d" y="%d">%s</text>`+"\n", x+22, y, html.EscapeString(mxLanguageName(l.Language)))
	}
	y += 40
	fmt.Fprintf(b, `<text class="axis-label" x="%d" y="%d">bubble area: hand work</text>`+"\n", x, y)
	if maxEffort > 0 {
		for _, f := range []float64{1, 0.25} {
			r := math.Max(mxMinRadius, mxMaxRadius*math.Sqrt(f))
			y += int(2*r) + 8
			fmt.Fprintf(b, `<circle cx="%d" cy="%.1f" r="%.1f" fill="none" stroke="#777" stroke-width="1.5"/>`+"\n", x+mxMaxRadius, float64(y)-r, r)
			fmt.Fprintf(b, `<text x="%d" y="%.1f">%.2f h</text>`+"\n", x+2*mxMaxRadius+8, float64(y)-r+4, f*float64(maxEffort)/60)
		}
	} else {
		y += 20
		fmt.Fprintf(b, `<text x="%d" y="%d">no effort</text>`+"\n", x, y)
	}
	y += 40
	fmt.Fprintf(b, `<text class="axis-label" x="%d" y="%d">background: risk</text>`+"\n", x, y)
	y += 10
	for i, c := range mxRiskColors {
		fmt.Fprintf(b, `<rect x="%d" y="%d" width="28" height="14" fill="%s"/>`+"\n", x+i*28, y, c)
	}
	y += 28
	fmt.Fprintf(b, `<text class="tick" x="%d" y="%d">low</text>`+"\n", x, y)
	fmt.Fprintf(b, `<text class="tick" x="%d" y="%d" text-anchor="end">high</text>`+"\n", x+len(mxRiskColors)*28, y)
	b.WriteString("</g>\n")
}

// mxRect is a label's bounding box.
type mxRect struct{ x0, y0, x1, y1 float64 }

func (r mxRect) overlaps(o mxRect) bool {
	return r.x0 < o.x1 && o.x0 < r.x1 && r.y0 < o.y1 && o.y0 < r.y1
}

// inside reports whether r lies within the plot area.
func (r mxRect) inside() bool {
	return r.x0 >= mxPlotLeft+2 && r.x1 <= mxPlotRight-2 && r.y0 >= mxPlotTop+2 && r.y1 <= mxPlotBottom-2
}

// hits reports whether r comes within a few units of the circle of bubble
// c: a label that close to another bubble reads as that bubble's.
func (r mxRect) hits(c mxBubble) bool {
	const margin = 12
	dx := c.x - mxClamp(c.x, r.x0, r.x1)
	dy := c.y - mxClamp(c.y, r.y0, r.y1)
	return dx*dx+dy*dy < (c.r+margin)*(c.r+margin)
}

// mxLabel is a placed label: its box, text anchor and baseline point, and
// whether it sits away from its bubble and needs a leader line.
type mxLabel struct {
	box    mxRect
	anchor string
	x, y   float64
	leader bool
}

// mxPlaceLabel places bubble i's label. It tries, in order: right of the
// bubble, left, above, below, then right or left a line or more up or down
// with a leader line; it takes the first spot inside the plot that
// overlaps no label placed before and no other bubble, and when there is
// none, the first that overlaps no label; ok is false when every spot
// overlaps a label, and the label is better left out. Text width is
// estimated from the
// character count: an SVG writer cannot measure text, and an estimate a
// little off only moves a label by a few units.
func mxPlaceLabel(bubbles []mxBubble, i int, placed []mxRect) (mxLabel, bool) {
	const lineH = 15
	bb := bubbles[i]
	w := 7.0 * float64(len(bb.label))
	at := func(anchor string, x, y float64, leader bool) mxLabel {
		x0 := x
		switch anchor {
		case "end":
			x0 = x - w
		case "middle":
			x0 = x - w/2
		}
		return mxLabel{box: mxRect{x0, y - 12, x0 + w, y + 3}, anchor: anchor, x: x, y: y, leader: leader}
	}
	cands := []mxLabel{
		at("start", bb.x+bb.r+5, bb.y+4, false),
		at("end", bb.x-bb.r-5, bb.y+4, false),
		at("middle", bb.x, bb.y-bb.r-5, false),
		at("middle", bb.x, bb.y+bb.r+15, false),
	}
	for _, dy := range []float64{-1, 1, -2, 2, -3, 3, -4, 4} {
		off := dy*lineH + math.Copysign(bb.r, dy)
		cands = append(cands,
			at("start", bb.x+bb.r/2+5, bb.y+4+off, true),
			at("end", bb.x-bb.r/2-5, bb.y+4+off, true))
	}
	free := func(l mxLabel) bool {
		return l.box.inside() && !slices.ContainsFunc(placed, l.box.overlaps)
	}
	for _, l := range cands {
		if !free(l) {
			continue
		}
		clear := true
		for j, o := range bubbles {
			if j != i && l.box.hits(o) {
				clear = false
			}
		}
		if clear {
			return l, true
		}
	}
	for _, l := range cands {
		if free(l) {
			return l, true
		}
	}
	return cands[0], false
}

func mxClamp(v, lo, hi float64) float64 { return math.Min(math.Max(v, lo), hi) }

// mxFmtDecade formats 10^e as a tick label ("0.1", "1", "100").
func mxFmtDecade(e float64) string {
	if e < 0 {
		return strings.TrimRight(fmt.Sprintf("%.*f", int(-e), math.Pow(10, e)), "0")
	}
	return fmt.Sprintf("%.0f", math.Pow(10, e))
}
