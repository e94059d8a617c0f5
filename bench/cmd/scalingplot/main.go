// Command scalingplot draws bench/scaling.svg from the medians that
// bench/scaling.sh writes: a tab-separated table with the header
// pct, files, lines, wall_s, cpu_s, rss_mb, one row per share of the tree.
//
//	scalingplot < bench/out/scaling-medians.tsv > bench/scaling.svg
//
// Two panels share the x axis (lines of PHP): time (wall and CPU) and peak
// memory. Each series has a dashed line proportional to its smallest
// point, the line of exactly linear scaling: points on or under it scale
// linearly or better.
package main

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
)

type row struct {
	pct, lines     float64
	wall, cpu, rss float64
}

func main() {
	rows, err := read(os.Stdin)
	if err != nil || len(rows) == 0 {
		fmt.Fprintln(os.Stderr, "scalingplot: need the medians table on stdin:", err)
		os.Exit(2)
	}
	write(os.Stdout, rows)
}

func read(r io.Reader) ([]row, error) {
	var rows []row
	sc := bufio.NewScanner(r)
	for n := 0; sc.Scan(); n++ {
		f := strings.Split(sc.Text(), "\t")
		if n == 0 || len(f) < 6 {
			continue // header
		}
		var v [6]float64
		for i := range v {
			x, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				return nil, fmt.Errorf("line %d: %v", n+1, err)
			}
			v[i] = x
		}
		rows = append(rows, row{pct: v[0], lines: v[2], wall: v[3], cpu: v[4], rss: v[5]})
	}
	return rows, sc.Err()
}

// series is one line of a panel.
type series struct {
	name, color string
	y           func(row) float64
}

const (
	panelW, panelH = 380, 260
	left, top      = 60, 40
)

func write(w io.Writer, rows []row) {
	fmt.Fprintf(w, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="12">`+"\n", 2*(panelW+left)+70, panelH+top+50)
	fmt.Fprintf(w, `<rect width="100%%" height="100%%" fill="white"/>`+"\n")
	fmt.Fprintf(w, `<text x="%d" y="20" font-size="14">riskvet php on MediaWiki 1.39: 25%%, 50%%, 100%% of the files (medians); dashed: linear from the smallest point</text>`+"\n", left)
	panel(w, rows, left, "time (s)", []series{
		{"wall", "#1f77b4", func(r row) float64 { return r.wall }},
		{"CPU (user+sys)", "#d62728", func(r row) float64 { return r.cpu }},
	})
	panel(w, rows, 2*left+panelW+40, "peak RSS (MB)", []series{
		{"peak RSS", "#2ca02c", func(r row) float64 { return r.rss }},
	})
	fmt.Fprintln(w, "</svg>")
}

func panel(w io.Writer, rows []row, x0 int, title string, ss []series) {
	maxX, maxY := 0.0, 0.0
	for _, r := range rows {
		maxX = math.Max(maxX, r.lines)
		for _, s := range ss {
			maxY = math.Max(maxY, s.y(r))
			// The linear reference reaches y(first) * maxX / lines(first).
			maxY = math.Max(maxY, s.y(rows[0])*maxX/rows[0].lines)
		}
	}
	lastX := maxX // the reference lines end at the largest point
	maxX, maxY = nice(maxX), nice(maxY)
	px := func(v float64) float64 { return float64(x0) + v/maxX*panelW }
	py := func(v float64) float64 { return float64(top+panelH) - v/maxY*panelH }
	fmt.Fprintf(w, `<g><text x="%d" y="%d">%s</text>`+"\n", x0, top-8, title)
	fmt.Fprintf(w, `<rect x="%d" y="%d" width="%d" height="%d" fill="none" stroke="#999"/>`+"\n", x0, top, panelW, panelH)
	for i := 0; i <= 4; i++ {
		xv, yv := maxX*float64(i)/4, maxY*float64(i)/4
		fmt.Fprintf(w, `<text x="%.1f" y="%d" text-anchor="middle">%s</text>`+"\n", px(xv), top+panelH+16, short(xv))
		fmt.Fprintf(w, `<text x="%d" y="%.1f" text-anchor="end">%s</text>`+"\n", x0-6, py(yv)+4, short(yv))
		fmt.Fprintf(w, `<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke="#eee"/>`+"\n", x0, x0+panelW, py(yv), py(yv))
	}
	fmt.Fprintf(w, `<text x="%d" y="%d" text-anchor="middle">lines of PHP</text>`+"\n", x0+panelW/2, top+panelH+34)
	for i, s := range ss {
		r0 := rows[0]
		fmt.Fprintf(w, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-dasharray="4 3"/>`+"\n",
			px(0), py(0), px(lastX), py(s.y(r0)*lastX/r0.lines), s.color)
		var pts []string
		for _, r := range rows {
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", px(r.lines), py(s.y(r))))
			fmt.Fprintf(w, `<circle cx="%.1f" cy="%.1f" r="3.5" fill="%s"><title>%g%%: %g lines, %g</title></circle>`+"\n", px(r.lines), py(s.y(r)), s.color, r.pct, r.lines, s.y(r))
		}
		fmt.Fprintf(w, `<polyline points="%s" fill="none" stroke="%s" stroke-width="2"/>`+"\n", strings.Join(pts, " "), s.color)
		fmt.Fprintf(w, `<rect x="%d" y="%d" width="12" height="3" fill="%s"/><text x="%d" y="%d">%s</text>`+"\n", x0+10, top+12+i*16, s.color, x0+28, top+17+i*16, s.name)
	}
	fmt.Fprintln(w, "</g>")
}

// nice rounds v up to 1, 2 or 5 times a power of ten.
func nice(v float64) float64 {
	if v <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 5, 10} {
		if v <= m*p {
			return m * p
		}
	}
	return 10 * p
}

// short formats an axis value: 1.2M, 300k, 45.
func short(v float64) string {
	switch {
	case v >= 1e6:
		return strconv.FormatFloat(v/1e6, 'g', 3, 64) + "M"
	case v >= 1e3:
		return strconv.FormatFloat(v/1e3, 'g', 3, 64) + "k"
	}
	return strconv.FormatFloat(v, 'g', 3, 64)
}
