package matrix

import (
	"fmt"
	"html"
	"math"
	"strings"
)

// The trend charts of the HTML matrix: one line chart per measure, the
// commits along x in date order, evenly spaced (a commit is a step, and
// dates of busy and quiet weeks would bunch the points).

// Trend chart geometry, in SVG user units.
const (
	mxTrendW      = 860
	mxTrendH      = 230
	mxTrendLeft   = 90
	mxTrendRight  = 640
	mxTrendTop    = 30
	mxTrendBottom = 180
	// mxTrendLabelW is the least room a commit label needs; with more
	// commits than fit, only every n-th is labelled.
	mxTrendLabelW = 80
)

// mxSeries is one line of a trend chart.
type mxSeries struct {
	name, color string
	dashed      bool
	// values holds one value per commit; NaN leaves a gap (lines unknown).
	values []float64
}

// writeTrendSVG draws the three trend charts: findings per KLOC, the share
// failing at run time, and the effort by hand and by -fix.
func writeTrendSVG(b *strings.Builder, m *Matrix) {
	var density, share []mxSeries
	for i, l := range m.Languages {
		d := mxSeries{name: mxLanguageName(l.Language), color: mxLanguageColor(l.Language)}
		sh := d
		any := false
		for _, p := range m.Trend {
			pl := p.Languages[i]
			if pl.LinesKnown && pl.Lines > 0 {
				d.values = append(d.values, pl.PerKLOC)
				any = true
			} else {
				d.values = append(d.values, math.NaN())
			}
			if pl.Findings > 0 {
				sh.values = append(sh.values, pl.RuntimeShare*100)
				any = true
			} else {
				sh.values = append(sh.values, math.NaN())
			}
		}
		if any {
			density = append(density, d)
			share = append(share, sh)
		}
	}
	hand := mxSeries{name: "by hand", color: "#444444"}
	auto := mxSeries{name: "auto-fix", color: "#2e8b57", dashed: true}
	for _, p := range m.Trend {
		hand.values = append(hand.values, p.HandHours)
		auto.values = append(auto.values, p.AutofixHours)
	}
	mxLineChart(b, "trend-density", "findings per thousand lines", "%.2f", density, m.Trend)
	mxLineChart(b, "trend-runtime", "share failing at run time (%)", "%.0f", share, m.Trend)
	mxLineChart(b, "trend-effort", "remediation effort (hours)", "%.1f", []mxSeries{hand, auto}, m.Trend)
}

// mxLineChart draws one trend chart: y from 0 to a little above the
// largest value, a polyline and dots per series, the commits along x.
func mxLineChart(b *strings.Builder, id, title, yfmt string, series []mxSeries, points []Point) {
	top := 0.0
	for _, s := range series {
		for _, v := range s.values {
			if !math.IsNaN(v) {
				top = math.Max(top, v)
			}
		}
	}
	if top == 0 {
		top = 1
	}
	top *= 1.15
	n := len(points)
	x := func(i int) float64 {
		if n == 1 {
			return (mxTrendLeft + mxTrendRight) / 2
		}
		return mxTrendLeft + 20 + float64(i)*float64(mxTrendRight-mxTrendLeft-40)/float64(n-1)
	}
	y := func(v float64) float64 { return mxTrendBottom - v/top*(mxTrendBottom-mxTrendTop) }

	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" id="%s" class="trend" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-labelledby="%[1]s-title">
<title id="%[1]s-title">Trend: %[6]s, per commit</title>
<style>
text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; font-size: 12px; fill: #333; }
.axis { stroke: #555; stroke-width: 1; }
.gridline { stroke: #e5e5e5; stroke-width: 1; }
.tick { font-size: 11px; fill: #555; }
.axis-label { font-size: 13px; font-weight: 600; }
</style>
`, id, mxTrendW, mxTrendH, mxTrendW, mxTrendH, html.EscapeString(title))
	fmt.Fprintf(b, `<text class="axis-label" x="%d" y="%d">%s</text>`+"\n", mxTrendLeft, mxTrendTop-12, html.EscapeString(title))
	for _, f := range []float64{0, 0.5, 1} {
		v := f * top / 1.15
		fmt.Fprintf(b, `<line class="gridline" x1="%d" y1="%.1f" x2="%d" y2="%.1f"/>`+"\n", mxTrendLeft, y(v), mxTrendRight, y(v))
		fmt.Fprintf(b, `<text class="tick" x="%d" y="%.1f" text-anchor="end">%s</text>`+"\n", mxTrendLeft-8, y(v)+4, fmt.Sprintf(yfmt, v))
	}
	fmt.Fprintf(b, `<line class="axis" x1="%d" y1="%d" x2="%d" y2="%d"/>`+"\n", mxTrendLeft, mxTrendBottom, mxTrendRight, mxTrendBottom)
	fmt.Fprintf(b, `<line class="axis" x1="%d" y1="%d" x2="%d" y2="%d"/>`+"\n", mxTrendLeft, mxTrendTop, mxTrendLeft, mxTrendBottom)
	every := 1
	if n > 1 {
		step := float64(mxTrendRight-mxTrendLeft-40) / float64(n-1)
		every = int(math.Ceil(mxTrendLabelW / step))
	}
	for i, p := range points {
		if i%every != 0 {
			continue // its dot's title names it
		}
		fmt.Fprintf(b, `<text class="tick" x="%.1f" y="%d" text-anchor="middle">%s</text>`+"\n", x(i), mxTrendBottom+16, html.EscapeString(mxShortCommit(p.Commit)[:min(7, len(p.Commit))]))
		fmt.Fprintf(b, `<text class="tick" x="%.1f" y="%d" text-anchor="middle">%s</text>`+"\n", x(i), mxTrendBottom+30, html.EscapeString(mxShortDate(p.Date)))
	}
	for _, s := range series {
		dash := ""
		if s.dashed {
			dash = ` stroke-dasharray="6 4"`
		}
		var pts []string
		flush := func() {
			if len(pts) > 1 {
				fmt.Fprintf(b, `<polyline class="series" data-series="%s" points="%s" fill="none" stroke="%s" stroke-width="2"%s/>`+"\n",
					html.EscapeString(s.name), strings.Join(pts, " "), s.color, dash)
			}
			pts = pts[:0]
		}
		for i, v := range s.values {
			if math.IsNaN(v) {
				flush()
				continue
			}
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", x(i), y(v)))
			fmt.Fprintf(b, `<circle class="point" cx="%.1f" cy="%.1f" r="3.5" fill="%s"><title>%s %s: %s</title></circle>`+"\n",
				x(i), y(v), s.color, html.EscapeString(mxShortCommit(points[i].Commit)), html.EscapeString(s.name), fmt.Sprintf(yfmt, v))
		}
		flush()
	}
	ly := mxTrendTop + 10
	for _, s := range series {
		dash := ""
		if s.dashed {
			dash = ` stroke-dasharray="6 4"`
		}
		fmt.Fprintf(b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-width="2"%s/>`+"\n", mxTrendRight+30, ly-4, mxTrendRight+58, ly-4, s.color, dash)
		fmt.Fprintf(b, `<text x="%d" y="%d">%s</text>`+"\n", mxTrendRight+66, ly, html.EscapeString(s.name))
		ly += 22
	}
	b.WriteString("</svg>\n")
}
