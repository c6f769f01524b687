package disclosure

import (
	"strings"
	"testing"
)

// The exact data-row labels of table 三 (国办公开办函〔2021〕30号, spec §2.3).
var table3Labels = []string{
	"（一）予以公开",
	"（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
	"1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
	"5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项",
	"1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
	"1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息",
	"1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
	"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
	"3.其他",
}

func TestRowLabelsExact(t *testing.T) {
	if len(Rows) != len(table3Labels) {
		t.Fatalf("%d rows, want %d", len(Rows), len(table3Labels))
	}
	for i, r := range Rows {
		if r.Label() != table3Labels[i] {
			t.Errorf("row %s label %q, want %q", r, r.Label(), table3Labels[i])
		}
	}
	wantGroups := map[Outcome]int{OutcomeGranted: 1, OutcomePartial: 1, OutcomeWithheld: 8, OutcomeUnavailable: 3, OutcomeNotHandled: 5, OutcomeOther: 3}
	got := map[Outcome]int{}
	for _, r := range Rows {
		got[r.Outcome()]++
	}
	for o, n := range wantGroups {
		if got[o] != n {
			t.Errorf("%s has %d rows, want %d", o.Label(), got[o], n)
		}
	}
	if RowSecret.FullLabel() != "（三）不予公开 1.属于国家秘密" || RowGranted.FullLabel() != "（一）予以公开" {
		t.Errorf("FullLabel: %q %q", RowSecret.FullLabel(), RowGranted.FullLabel())
	}
	if Row("9.9").Valid() || Row("9.9").Outcome() != "" {
		t.Error("unknown row accepted")
	}
}

// TestRowOfMapping checks spec §2.6 row by row.
func TestRowOfMapping(t *testing.T) {
	want := map[LegalBasis]Row{
		BasisAlreadyPublic: RowGranted, BasisDisclosed: RowGranted, BasisPartial: RowPartial,
		BasisStateSecret: RowSecret, BasisLawProhibits: RowLawProhibits, BasisSafety: RowSafety,
		BasisThirdParty: RowThirdParty, BasisInternalAffairs: RowInternal, BasisProcessInfo: RowProcess,
		BasisEnforcementFile: RowEnforcement, BasisSpecialProcedure: RowQueryProcedure,
		BasisNotExist: RowNotHeld, BasisNotResponsible: RowNotHeld, BasisNeedsProcessing: RowNeedsCreation,
		BasisUnclearAfterFix: RowUnclearAfterFix, BasisPetition: RowPetition, BasisRepeat: RowRepeat,
		BasisPublication: RowPublication, BasisExcessive: RowExcessive, BasisConfirmReissue: RowConfirmation,
		BasisAmendmentLapsed: RowAmendmentLapsed, BasisFeeUnpaid: RowFeeUnpaid, BasisWithdrawn: RowOther, BasisOther: RowOther,
	}
	if len(want) != len(LegalBases) {
		t.Fatalf("test covers %d bases, package has %d", len(want), len(LegalBases))
	}
	reached := map[Row]bool{}
	for _, b := range LegalBases {
		if got := RowOf(b); got != want[b] {
			t.Errorf("RowOf(%s) = %s, want %s", b, got, want[b])
		}
		reached[RowOf(b)] = true
		if b.Ground() == "" || b.Label() == "" {
			t.Errorf("%s has no ground text", b)
		}
	}
	for _, r := range Rows {
		if !reached[r] {
			t.Errorf("row %s reachable by no basis", r.FullLabel())
		}
	}
	if RowOf("nonsense") != "" || LegalBasis("nonsense").Valid() {
		t.Error("unknown basis mapped")
	}
	if BasisInternalAffairs.Article() != "第十六条第一款" ||
		BasisThirdParty.Citation() != "《中华人民共和国政府信息公开条例》第十五条" ||
		!strings.Contains(BasisFeeUnpaid.Citation(), "109号") || BasisWithdrawn.Citation() != "" {
		t.Errorf("citations: %q %q %q %q", BasisInternalAffairs.Article(), BasisThirdParty.Citation(), BasisFeeUnpaid.Citation(), BasisWithdrawn.Citation())
	}
}

func TestReasonsAndReplyBases(t *testing.T) {
	for _, b := range LegalBases {
		o := b.Outcome()
		if (o == OutcomeWithheld || o == OutcomePartial) && !b.ReasonsRequired() {
			t.Errorf("%s (%s) must require reasons", b, o.Label())
		}
	}
	for _, b := range ReplyBases() {
		if !b.ChosenInReply() {
			t.Errorf("%s listed for replies", b)
		}
	}
	for _, b := range []LegalBasis{BasisAmendmentLapsed, BasisFeeUnpaid, BasisWithdrawn} {
		if b.ChosenInReply() {
			t.Errorf("%s must come from its own event", b)
		}
	}
	if n := len(ReplyBases()); n != len(LegalBases)-3 {
		t.Errorf("%d reply bases", n)
	}
}
