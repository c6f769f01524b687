package public

import (
	"net/http"

	"gongkai/internal/notice"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

// donePage is the confirmation (接收回执) shown once after a submission:
// the only place the query password is ever shown.
type donePage struct {
	web.Page
	Code, Password      string
	ReceivedOn, DueOn   string // 2026年11月27日
	ReceivedISO, DueISO string // for <time datetime>
	Basis               string
	Agency              string
	Name, Kind          string
	Description, DocNo  string
	Form, Method        string
	Files               []string
	FilesLost           bool
}

func (d *desk) donePage(r *http.Request, rec store.ApplicationRecord, password string, ups []savedUpload) donePage {
	p := donePage{Page: d.app.Base(r, "申请已提交"), Code: rec.Code, Password: password,
		ReceivedOn: cnDate(rec.ReceivedOn), DueOn: cnDate(rec.DueOn),
		ReceivedISO: rec.ReceivedOn.String(), DueISO: rec.DueOn.String(),
		Basis: rec.ReceiptBasis.Label(), Name: rec.Applicant.Name, Kind: rec.Applicant.Kind.Label(),
		Description: oneLine(rec.Description, 200), DocNo: rec.DocNo,
		Form: rec.Delivery.Form.Label(), Method: rec.Delivery.Method.Label()}
	p.Agency = "本机关"
	if p.HasSite {
		p.Agency = p.Site.Name
	}
	for _, u := range ups {
		p.Files = append(p.Files, u.kind.Label()+"："+u.name)
	}
	return p
}

// onlineDelivery is how the 接收回执 of an online application is served:
// on the confirmation page, the moment it is issued.
const onlineDelivery = "网上提交后即时确认"

// issueReceipt stores the 接收回执 (条例第三十一条) from the site's template,
// served the same day on the confirmation page, so the status page lists
// it with the notices that follow. The application stands without it: a
// failure is logged, and staff can see the receipt date on the case.
func (d *desk) issueReceipt(r *http.Request, site string, siteID int64, rec store.ApplicationRecord) {
	_, err := notice.IssueReceipt(r.Context(), d.app.Store, rec, notice.Receipt{SiteID: siteID, Organ: site, DeliveredVia: onlineDelivery})
	if err != nil {
		d.app.Log.Error("receipt notice not issued", "request_id", web.RequestID(r), "application", rec.ID, "err", err)
	}
}
