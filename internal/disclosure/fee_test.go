package disclosure

import "testing"

func TestPerApplicationFee(t *testing.T) {
	s := DefaultSettings().Fee
	for _, tc := range []struct {
		n    int
		want int64
	}{
		{1, 0}, {10, 0}, // 109号第四条（一）: up to 10 free
		{11, 100}, {30, 100}, // （二）: 11–30 100元/件
		{31, 200}, {40, 200}, // （三）: first band of 10
		{41, 300}, {50, 300}, {51, 400}, {61, 500},
	} {
		if got := PerApplicationFee(tc.n, s); got != tc.want {
			t.Errorf("PerApplicationFee(%d) = %d, want %d", tc.n, got, tc.want)
		}
	}
	// Spec example: 35 applications in a month → 20×100 + 5×200 = 3000元.
	if got := PerApplicationMonthTotal(35, s); got != 3000 {
		t.Errorf("month total 35 = %d, want 3000", got)
	}
	if got := PerApplicationMonthTotal(10, s); got != 0 {
		t.Errorf("month total 10 = %d, want 0", got)
	}
	// 45 → 20×100 + 10×200 + 5×300 = 5500.
	if got := PerApplicationMonthTotal(45, s); got != 5500 {
		t.Errorf("month total 45 = %d, want 5500", got)
	}
	s.Band31Fee = 150
	if got := PerApplicationFee(41, s); got != 250 {
		t.Errorf("with Band31Fee 150, fee(41) = %d, want 250", got)
	}
}

func TestPerPageFee(t *testing.T) {
	for _, tc := range []struct {
		pages int
		want  int64
	}{
		{0, 0}, {30, 0}, // 109号第五条（一）: up to 30 pages free
		{31, 10}, {100, 700}, // （二）: 31–100 10元/页
		{101, 720}, {150, 1700}, {200, 2700}, // （三）: 101–200 20元/页
		{201, 2740}, {250, 4700}, // （四）: from 201 40元/页
	} {
		if got := PerPageFee(tc.pages); got != tc.want {
			t.Errorf("PerPageFee(%d) = %d, want %d", tc.pages, got, tc.want)
		}
	}
}

func TestQuoteFee(t *testing.T) {
	s := DefaultSettings().Fee
	q := QuoteFee(12, 150, Delivery{FormPaper, MethodPost}, s)
	if q.PerApplication != 100 || q.PerPage != 1700 || !q.PerPageAllowed {
		t.Errorf("paper quote = %+v", q)
	}
	if q.Amount(FeePerApplication) != 100 || q.Amount(FeePerPage) != 1700 || q.Amount(FeeNone) != 0 {
		t.Errorf("amounts = %d %d %d", q.Amount(FeePerApplication), q.Amount(FeePerPage), q.Amount(FeeNone))
	}
	online := QuoteFee(12, 150, Delivery{FormElectronic, MethodOnline}, s)
	if online.PerPageAllowed || online.PerPage != 0 || online.Amount(FeePerPage) != 0 {
		t.Errorf("online download must not be charged per page: %+v", online)
	}
	for _, d := range []Delivery{{FormElectronic, MethodEmail}, {FormElectronic, MethodCollect}, {FormPaper, MethodCollect}} {
		if !PerPageAllowed(d) {
			t.Errorf("PerPageAllowed(%v) = false", d)
		}
	}
}
