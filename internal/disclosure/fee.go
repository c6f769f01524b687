package disclosure

// FeeMethod is how a 信息处理费 is computed (国办函〔2020〕109号第三条): per
// application or per page, both 超额累进; one application uses one method,
// never both.
type FeeMethod string

const (
	FeeNone           FeeMethod = ""                // no fee
	FeePerApplication FeeMethod = "per_application" // 按件计收 (第四条)
	FeePerPage        FeeMethod = "per_page"        // 按量计收 (第五条)
)

// Label is the Chinese name.
func (m FeeMethod) Label() string {
	switch m {
	case FeeNone:
		return "不收费"
	case FeePerApplication:
		return "按件计收"
	case FeePerPage:
		return "按量计收"
	}
	return string(m)
}

// Valid reports whether m is known (FeeNone included).
func (m FeeMethod) Valid() bool { return m == FeeNone || m == FeePerApplication || m == FeePerPage }

// 109号第四条 (CONFIRMED): per applicant per natural month, up to 10
// applications free; the 11th to the 30th 100元 each; from the 31st every
// 10 applications form a band and each further band adds 100元 per
// application.
const (
	perAppFreeUpTo    = 10
	perAppFirstUpTo   = 30
	perAppFirstFee    = 100
	perAppBandSize    = 10
	perAppBandIncline = 100
)

// PerApplicationFee is the fee for the n-th application (1-based) one
// applicant files in one natural month. The fee of the band 31–40 is
// FeeSettings.Band31Fee (UNCONFIRMED reading, default 200元); each later
// band adds 100元 (CONFIRMED).
func PerApplicationFee(n int, s FeeSettings) int64 {
	switch {
	case n <= perAppFreeUpTo:
		return 0
	case n <= perAppFirstUpTo:
		return perAppFirstFee
	}
	band := (n - perAppFirstUpTo - 1) / perAppBandSize
	return s.Band31Fee + int64(band)*perAppBandIncline
}

// PerApplicationMonthTotal is Σ PerApplicationFee(n) for n = 1..count: what
// an applicant owes for count applications in one natural month. E.g. 35 →
// 20×100 + 5×200 = 3000元 with the default settings.
func PerApplicationMonthTotal(count int, s FeeSettings) int64 {
	var sum int64
	for n := 1; n <= count; n++ {
		sum += PerApplicationFee(n, s)
	}
	return sum
}

// 109号第五条 (CONFIRMED): per application, up to 30 pages free; pages
// 31–100 10元/页; 101–200 20元/页; from 201 40元/页.
var perPageTiers = []struct {
	upTo int // last page of the tier; 0 = unbounded
	fee  int64
}{
	{30, 0},
	{100, 10},
	{200, 20},
	{0, 40},
}

// PerPageFee is the 按量计收 fee for an application of pages pages. E.g.
// 150 → 70×10 + 50×20 = 1700元; 250 → 700 + 2000 + 50×40 = 4700元.
func PerPageFee(pages int) int64 {
	var sum int64
	from := 0
	for _, t := range perPageTiers {
		to := pages
		if t.upTo != 0 && t.upTo < to {
			to = t.upTo
		}
		if to > from {
			sum += int64(to-from) * t.fee
		}
		if t.upTo == 0 || pages <= t.upTo {
			break
		}
		from = t.upTo
	}
	return sum
}

// PerPageAllowed reports whether 按量计收 may be used: 109号第五条 covers
// providing paper copies, sending e-mail and copying electronic data. An
// electronic copy fetched online by the applicant is none of these.
func PerPageAllowed(d Delivery) bool {
	return d.Form == FormPaper || d.Method == MethodEmail ||
		(d.Form == FormElectronic && d.Method != MethodOnline)
}

// FeeQuote is what the officer sees before issuing a 收费通知: both amounts,
// so they can choose one method (never both, 109号第三条).
type FeeQuote struct {
	NthInMonth     int   // this application's rank among the applicant's applications this natural month
	PerApplication int64 // 按件 amount for this application
	Pages          int
	PerPage        int64 // 按量 amount; 0 when PerPageAllowed is false
	PerPageAllowed bool
}

// QuoteFee computes both amounts for one application: nthInMonth is its
// rank (1-based) among the applicant's applications received in the same
// natural month (counted by ReceivedOn; whether closed （五）/（六） cases
// count is the caller's choice, FeeSettings.CountAllOutcomes), pages is
// the number of pages to provide.
func QuoteFee(nthInMonth, pages int, d Delivery, s FeeSettings) FeeQuote {
	q := FeeQuote{NthInMonth: nthInMonth, Pages: pages, PerPageAllowed: PerPageAllowed(d)}
	q.PerApplication = PerApplicationFee(nthInMonth, s)
	if q.PerPageAllowed {
		q.PerPage = PerPageFee(pages)
	}
	return q
}

// Amount is the fee for the chosen method; 0 for FeeNone or a method the
// quote does not allow.
func (q FeeQuote) Amount(m FeeMethod) int64 {
	switch m {
	case FeePerApplication:
		return q.PerApplication
	case FeePerPage:
		if q.PerPageAllowed {
			return q.PerPage
		}
	}
	return 0
}

// FeeState is where the fee of a case stands.
type FeeState string

const (
	FeeStateNone    FeeState = ""        // no 收费通知
	FeeStateNoticed FeeState = "noticed" // 收费通知已送达，待缴费
	FeeStatePaid    FeeState = "paid"
	FeeStateWaived  FeeState = "waived"
	FeeStateExpired FeeState = "expired" // 逾期未缴费 → （六）2
)

// Label is the Chinese name.
func (s FeeState) Label() string {
	switch s {
	case FeeStateNone:
		return "未收费"
	case FeeStateNoticed:
		return "待缴费"
	case FeeStatePaid:
		return "已缴费"
	case FeeStateWaived:
		return "已免收"
	case FeeStateExpired:
		return "逾期未缴费"
	}
	return string(s)
}
