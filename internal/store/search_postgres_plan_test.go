package store

import "testing"

func TestSurelyCappedOnlyForDenseUnfilteredQueries(t *testing.T) {
	f := &titleFreqs{freq: map[string]float64{
		"政府": 0.9, "信息": 0.7, "鳝鱼": 0.05, "_c3": 0.5, "_v2": 0.3,
	}, floor: 0.0001}
	words := func(ws ...string) matchExpr {
		var m matchExpr
		for _, w := range ws {
			m.groups = append(m.groups, [][]string{{w}})
		}
		return m
	}
	excluding := func(m matchExpr, ts ...string) matchExpr { m.notMeta = ts; return m }
	const n, limit = 1_000_000, 1001
	cases := []struct {
		name string
		m    matchExpr
		want bool
	}{
		{"two common words", words("政府", "信息"), true},
		{"a word in 5% with a common one", words("鳝鱼", "政府"), true}, // 45,000 expected
		{"three words, 3% expected", words("鳝鱼", "信息", "信息"), true},
		{"an unknown word is taken as rare", words("政府", "循环化改造"), false},
		{"a filter may exclude every match", func() matchExpr { m := words("政府", "信息"); m.meta = [][]string{{"_c3"}}; return m }(), false},
		{"OR queries are counted", func() matchExpr { m := words("政府", "信息"); m.any = true; return m }(), false},
		// 0.05 × 0.7 × 1e6 × (1 - 0.3) = 24,500, still ≥ 20 × 1001.
		{"a small exclusion", excluding(words("鳝鱼", "信息"), "_v2"), true},
		// × (1 - 0.3 - 0.5) = 7,000.
		{"a large exclusion", excluding(words("鳝鱼", "信息"), "_v2", "_c3"), false},
	}
	for _, c := range cases {
		if got := pgSurelyCapped(c.m, f, n, limit); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
	if pgSurelyCapped(words("政府"), nil, n, limit) {
		t.Error("capped without statistics")
	}
}
