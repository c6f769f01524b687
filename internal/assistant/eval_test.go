package assistant_test

import (
	"bufio"
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"gongkai/internal/assistant"
	"gongkai/internal/catalog"
	"gongkai/internal/demo"
	"gongkai/internal/search"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

// demoAssistant is the assistant over the demo agency, indexed as at first
// start.
func demoAssistant(t *testing.T, st *store.Store) (*assistant.Assistant, assistant.Site) {
	t.Helper()
	eng := search.New(st, time.Now)
	sum, err := demo.Create(context.Background(), st, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	site := assistant.Site{ID: sum.SiteID, Name: demo.Agency.Name, Phone: demo.Agency.Phone, Routed: func(string) bool { return true }}
	return assistant.New(st, eng, nil, time.Now), site
}

// readLines reads a testdata file without comments and blank lines.
func readLines(t *testing.T, name string) []string {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

// TestEval measures the assistant on the demo corpus: top-1 and top-3
// citation accuracy over questions with the documents that answer them,
// the refusal rate on questions it cannot answer, and repealed citations.
// Targets (issue 7): top-3 ≥ 90 %, refusal ≥ 90 %, no repealed citation.
// It runs on both engines: their indexes, counts and plans differ.
func TestEval(t *testing.T) { storetest.Each(t, evaluate) }

func evaluate(t *testing.T, st *store.Store) {
	a, site := demoAssistant(t, st)
	ctx := context.Background()
	cases := readLines(t, "eval.tsv")
	outs := readLines(t, "out_of_scope.txt")
	if len(cases) < 150 || len(outs) < 50 {
		t.Fatalf("evaluation set too small: %d questions, %d out of scope", len(cases), len(outs))
	}
	var top1, top3, repealed int
	for _, line := range cases {
		q, want, _ := strings.Cut(line, "\t")
		ans, err := a.Ask(ctx, site, q)
		if err != nil {
			t.Fatal(err)
		}
		patterns := strings.Split(want, "|")
		match := func(c assistant.Citation) bool {
			for _, p := range patterns {
				if strings.Contains(c.Title, p) {
					return true
				}
			}
			return false
		}
		for i, c := range ans.Citations {
			if i == 0 && match(c) {
				top1++
			}
			if c.Validity == catalog.Repealed || c.Validity == catalog.Expired {
				repealed++
			}
		}
		hit := false
		for _, c := range ans.Citations[:min(3, len(ans.Citations))] {
			hit = hit || match(c)
		}
		if hit {
			top3++
		} else {
			t.Logf("miss: %s → %s %.2f %v", q, ans.Kind, ans.Confidence, titles(ans))
		}
	}
	refused := 0
	for _, q := range outs {
		ans, err := a.Ask(ctx, site, q)
		if err != nil {
			t.Fatal(err)
		}
		if ans.Kind == assistant.KindRefusal {
			refused++
		} else {
			t.Logf("answered out of scope: %s → %s %.2f %v", q, ans.Kind, ans.Confidence, titles(ans))
		}
		for _, c := range ans.Citations {
			if c.Validity == catalog.Repealed || c.Validity == catalog.Expired {
				repealed++
			}
		}
	}
	n := float64(len(cases))
	t.Logf("questions %d: top-1 %.1f %%, top-3 %.1f %%; out of scope %d: refused %.1f %%; repealed citations %d",
		len(cases), 100*float64(top1)/n, 100*float64(top3)/n, len(outs), 100*float64(refused)/float64(len(outs)), repealed)
	if float64(top3)/n < 0.9 || float64(refused)/float64(len(outs)) < 0.9 || repealed != 0 {
		t.Errorf("targets missed: top-3 %d/%d, refused %d/%d, repealed %d", top3, len(cases), refused, len(outs), repealed)
	}
}

func titles(a assistant.Answer) []string {
	var out []string
	for _, c := range a.Citations {
		out = append(out, c.Title)
	}
	return out
}
