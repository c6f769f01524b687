package demo

import (
	"fmt"
	"time"

	"gongkai/internal/disclosure"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

// frequentApplicant is one person who files thirteen similar applications
// online in May of y: the first ten are free; the 11th and 12th of the
// natural month are charged 按件 (国办函〔2020〕109号第四条: 100元 each) —
// the first paid, the second never, which closes it as （六）2 — and the
// 13th is not handled as 大量反复申请 after the reasons given were found
// unreasonable (条例第三十五条, （五）4).
func (g *appGen) frequentApplicant(y int) []filing {
	who := g.person()
	var out []filing
	d := workday.NewDate(y, time.May, 6)
	for i := 1; i <= 13; i++ {
		for ok, _ := g.cal.IsWorkday(d); !ok; ok, _ = g.cal.IsWorkday(d) {
			d = d.AddDays(1)
		}
		p := plan{basis: disclosure.BasisDisclosed}
		switch {
		case i == 11:
			p.fee = feePlan{method: disclosure.FeePerApplication, quantity: 11, settle: disclosure.EventFeePaid}
		case i == 12:
			p.ending, p.fee = endFeeUnpaid, feePlan{method: disclosure.FeePerApplication, quantity: 12, settle: disclosure.EventFeeExpired}
		case i == 13:
			p.basis = disclosure.BasisExcessive
			p.topic = topics[disclosure.BasisExcessive][0]
		case i%3 == 0:
			p.basis = disclosure.BasisNotExist
		}
		out = append(out, filing{on: d, applicant: who, channel: store.ChannelOnline, receipt: disclosure.ReceiptOnlineConfirmed,
			desc: fmt.Sprintf("%d年%d月本局收文登记簿及各件办理情况", y-1, i%12+1), plan: p})
		d = d.AddDays(1 + g.rng.IntN(2))
	}
	return out
}
