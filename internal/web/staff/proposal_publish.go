package staff

import (
	"errors"
	"net/http"
	"strings"
	"unicode/utf8"

	"gongkai/internal/catalog"
	"gongkai/internal/interact"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

// proposalPublish puts the reply online in the chosen column as a document
// of the site, after the 保密审查 declaration (国办发〔2014〕46号: the reply
// and its disclosure are reviewed together). The text published is the
// one reviewed here, with contact data removed once more on the server
// whatever was typed (website-rules §5.5).
func (h handlers) proposalPublish(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	p, err := loadByPath(r, h.app.Store.Proposal)
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	fe := catalog.FieldErrors{}
	switch {
	case p.Role != interact.RoleLead:
		fe.Add("publish", "本单位会办的建议提案由主办单位答复和公开")
	case !p.Replied():
		fe.Add("publish", "请先登记答复，再公开")
	case p.Disclosure == interact.DiscloseNone:
		fe.Add("publish", "答复的公开方式为“不公开”，如需公开请先修改公开方式")
	case p.Published():
		fe.Add("publish", "答复已经公开")
	}
	text := strings.TrimSpace(r.FormValue("public_text"))
	if n := utf8.RuneCountInString(text); n == 0 || n > 20000 {
		fe.Add("public_text", "请填写公开的答复文本，不超过20000个字")
	}
	if r.FormValue("secrecy") != "yes" {
		fe.Add("secrecy", "公开前必须确认已完成保密审查")
	}
	col, err := h.app.Store.Column(ctx, formID(r, "column"))
	if err != nil || col.SiteID != p.SiteID || col.Archived {
		fe.Add("column", "请选择公开答复的栏目")
	}
	if len(fe) > 0 {
		h.renderProposal(w, r, http.StatusBadRequest, p, p, fe)
		return
	}
	u, _ := web.UserOf(r)
	site := h.interactSiteByID(p.SiteID)
	doc := catalog.Document{SiteID: p.SiteID, ColumnID: col.ID, OrgID: p.OrgID, Title: interact.ReplyTitle(p),
		Summary: p.Title, BodyHTML: interact.ReplyHTML(interact.RedactReply(text, p)), DocNo: p.ReplyNo,
		Topic: "综合政务", Issuer: site.Name, WrittenOn: p.RepliedOn}
	if _, bad := doc.Validate()["doc_no"]; bad {
		doc.DocNo = "" // a 答复文号 in a form the 目录 does not accept stays in the proposal only
	}
	audit := h.app.AuditEntry(r, "proposal.publish", "", p.Kind.Label()+" "+p.Number)
	_, err = h.app.Store.PublishProposalReply(ctx, p.ID, doc, h.app.Now(), u.ID, audit)
	if errors.Is(err, store.ErrConflict) {
		fe.Add("publish", "答复已经公开")
		h.renderProposal(w, r, http.StatusConflict, p, p, fe)
		return
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return
	}
	redirect(w, r, "/admin/proposals/"+itoa(p.ID), "published")
}

func (h handlers) interactSiteByID(id int64) catalog.Site {
	for _, s := range h.app.Sites() {
		if s.ID == id {
			return s
		}
	}
	return catalog.Site{}
}
