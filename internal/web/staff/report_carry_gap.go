package staff

import (
	"fmt"
	"net/url"

	"gongkai/internal/annualreport"
	"gongkai/internal/disclosure"
)

// CarryLink is, for a carry-over-gap finding (annualreport.CarryOverGaps),
// the application register form preset to a case received in the report's
// previous year from that column's kind of applicant, so staff can
// register the cases the imported report carried over with their original
// date of receipt (spec legal-rules §2.5). "" for any other finding.
func (p annualReportPage) CarryLink(f annualreport.Finding) string {
	if f.Code != annualreport.CodeCarryOverGap {
		return ""
	}
	q := url.Values{"received_on": {fmt.Sprintf("%d-12-31", p.Rec.Year-1)}}
	for _, k := range disclosure.ApplicantKinds {
		if k.Label() == f.Col {
			q.Set("applicant.kind", string(k))
		}
	}
	return "/admin/applications/new?" + q.Encode()
}
