package annualreport

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var lintCodes = map[Code]bool{CodeBalance: true, CodeTotal: true, CodeRowSum: true, CodeReviewSum: true, CodeValue: true,
	CodeNarrativeMismatch: true, CodeNarrativeSum: true, CodeImplausible: true, CodeSupersededFormat: true,
	CodeLabel: true, CodeTruncated: true, CodePlaceholder: true, CodeYear: true}

// FuzzLint: any text, HTML or DOCX bytes give findings with a known code,
// a severity and a message, or an error, never a panic. CI runs it for a
// bounded time (go test -fuzz FuzzLint -fuzztime …).
func FuzzLint(f *testing.F) {
	files, _ := filepath.Glob("testdata/lint/*.*")
	real, _ := filepath.Glob("testdata/lint/real/*.txt")
	for _, p := range append(files, real...) {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, uint8(0))
		f.Add(data[:len(data)/2], uint8(1))
	}
	f.Add([]byte("第二十条第（|行政复议\n|\n行政诉讼\n1|"), uint8(2))
	f.Fuzz(func(t *testing.T, data []byte, k uint8) {
		kind := []InputKind{KindText, KindHTML, KindDOCX}[int(k)%3]
		res, err := LintReport(bytes.NewReader(data), kind)
		if err != nil {
			if kind != KindDOCX && !bytes.HasPrefix(data, []byte("%PDF")) && !bytes.HasPrefix(data, []byte("\xd0\xcf\x11\xe0")) {
				t.Fatalf("text and HTML never fail: %v", err)
			}
			return
		}
		for _, x := range res.Findings {
			if !lintCodes[x.Code] || (x.Severity != SevError && x.Severity != SevWarning) || strings.TrimSpace(x.Message) == "" {
				t.Fatalf("bad finding %+v", x)
			}
		}
	})
}

// TestLintMutations is the fuzz target's property run by every `go test`
// on a bounded, reproducible set of inputs: the fixtures and real reports
// with bytes changed, cut, and spliced together, in each input kind.
func TestLintMutations(t *testing.T) {
	var seeds [][]byte
	files, _ := filepath.Glob("testdata/lint/*.*")
	real, _ := filepath.Glob("testdata/lint/real/*.txt")
	for _, p := range append(files, real...) {
		d, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		seeds = append(seeds, d)
	}
	rng := rand.New(rand.NewPCG(4, 2024))
	n := 1500
	if testing.Short() {
		n = 200
	}
	for i := range n {
		d := append([]byte(nil), seeds[rng.IntN(len(seeds))]...)
		for range 1 + rng.IntN(8) {
			if len(d) < 10 {
				break
			}
			switch a := rng.IntN(len(d)); rng.IntN(3) {
			case 0:
				d[a] = byte(rng.IntN(256))
			case 1:
				d = append(d[:a:a], d[a+rng.IntN(len(d)-a):]...)
			default:
				o := seeds[rng.IntN(len(seeds))]
				b := rng.IntN(len(o))
				d = append(d[:a:a], append(o[b:min(len(o), b+300)], d[a:]...)...)
			}
		}
		kind := []InputKind{KindText, KindHTML, KindDOCX}[i%3]
		if kind == KindDOCX { // a Word document holds well-formed text
			d = toDOCX(t, strings.Map(func(r rune) rune {
				if r < 0x20 && r != '\n' && r != '\t' || r == 0xfffd {
					return ' '
				}
				return r
			}, strings.ToValidUTF8(string(d), " ")))
		}
		res, err := LintReport(bytes.NewReader(d), kind)
		if err != nil {
			t.Fatalf("input %d (%s): %v", i, kind, err)
		}
		for _, x := range res.Findings {
			if !lintCodes[x.Code] || (x.Severity != SevError && x.Severity != SevWarning) || strings.TrimSpace(x.Message) == "" {
				t.Fatalf("input %d: bad finding %+v", i, x)
			}
		}
	}
}

// BenchmarkLint lints the complete fixture report (target ≥ 1,000 reports/s).
func BenchmarkLint(b *testing.B) {
	data, err := os.ReadFile("testdata/lint/valid-2021.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := LintReport(bytes.NewReader(data), KindText); err != nil {
			b.Fatal(err)
		}
	}
}
