package monitor

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Charts are drawn on the server as inline SVG: the back office's Content
// Security Policy allows no inline script, and a chart library would be
// the only script on these pages. These types hold the geometry; the
// templates draw it, and a table beside every chart gives the same numbers
// to screen readers and printouts.

// Tick is an axis label at a position.
type Tick struct {
	Pos   float64
	Label string
}

// Dot is a data point with its label (shown as the SVG <title>).
type Dot struct {
	X, Y  float64
	Label string
}

// LineChart is a line over labelled points.
type LineChart struct {
	ID, Title     string // the SVG's title element and its ID
	Width, Height int
	Left, Bottom  float64 // plot area: x from Left to Width-10, y from 10 to Bottom
	Right, Top    float64
	Points        string // the polyline's points attribute
	Dots          []Dot
	XTicks        []Tick
	YTicks        []Tick
	AxisX         float64 // x of the y-axis labels
	Threshold     float64 // y of the reference line (the pass mark); 0 for none
	ThresholdY    float64 // y of its label
	ThresholdText string
	Empty         bool
}

// NewLineChart scales values (between lo and hi) over labels into a w×h
// chart. ref, when inside [lo, hi], is drawn as a dashed reference line.
func NewLineChart(id, title string, labels []string, values []float64, lo, hi, ref float64, refText string, w, h int) LineChart {
	c := LineChart{ID: id, Title: title, Width: w, Height: h, Left: 44, Right: float64(w) - 12, Top: 12, Bottom: float64(h) - 28,
		AxisX: 38, Empty: len(values) == 0}
	if hi <= lo {
		hi = lo + 1
	}
	y := func(v float64) float64 { return round1(c.Bottom - (v-lo)/(hi-lo)*(c.Bottom-c.Top)) }
	x := func(i int) float64 {
		if len(values) == 1 {
			return round1((c.Left + c.Right) / 2)
		}
		return round1(c.Left + float64(i)*(c.Right-c.Left)/float64(len(values)-1))
	}
	var pts []string
	step := max(1, len(labels)/6) // at most about seven date labels
	for i, v := range values {
		px, py := x(i), y(math.Max(lo, math.Min(hi, v)))
		pts = append(pts, fmt.Sprintf("%g,%g", px, py))
		c.Dots = append(c.Dots, Dot{X: px, Y: py, Label: labels[i] + "：" + strconv.FormatFloat(v, 'f', -1, 64)})
		if i%step == 0 || i == len(values)-1 {
			c.XTicks = append(c.XTicks, Tick{Pos: px, Label: labels[i]})
		}
	}
	c.Points = strings.Join(pts, " ")
	for k := 0; k <= 4; k++ {
		v := lo + float64(k)*(hi-lo)/4
		c.YTicks = append(c.YTicks, Tick{Pos: y(v), Label: strconv.FormatFloat(math.Round(v), 'f', -1, 64)})
	}
	if ref > lo && ref < hi {
		c.Threshold, c.ThresholdText = y(ref), refText
		c.ThresholdY = c.Threshold - 4
	}
	return c
}

// Bar is one horizontal bar.
type Bar struct {
	Y, Width    float64
	Label       string
	Value       string
	ValueX      float64
	Highlighted bool
}

// BarChart is a horizontal bar chart (names in Chinese read best beside
// horizontal bars).
type BarChart struct {
	ID, Title     string
	Width, Height int
	LabelWidth    float64
	LabelX        float64 // right edge of the labels
	BarHeight     float64
	Bars          []Bar
	Empty         bool
}

// NewBarChart draws values as bars w wide; highlight marks bars drawn in
// the alert colour.
func NewBarChart(id, title string, labels []string, values []float64, highlight []bool, w int) BarChart {
	const rowH, barH, labelW = 26.0, 16.0, 150.0
	c := BarChart{ID: id, Title: title, Width: w, Height: int(rowH*float64(len(values))) + 8, LabelWidth: labelW, LabelX: labelW - 8,
		BarHeight: barH, Empty: len(values) == 0}
	top := 0.0
	for _, v := range values {
		top = math.Max(top, v)
	}
	span := float64(w) - labelW - 60
	for i, v := range values {
		bw := 0.0
		if top > 0 {
			bw = round1(v / top * span)
		}
		b := Bar{Y: round1(4 + rowH*float64(i)), Width: bw, Label: labels[i], Value: strconv.FormatFloat(v, 'f', -1, 64),
			ValueX: round1(labelW + bw + 6)}
		if i < len(highlight) {
			b.Highlighted = highlight[i]
		}
		c.Bars = append(c.Bars, b)
	}
	return c
}

func round1(v float64) float64 { return math.Round(v*10) / 10 }
