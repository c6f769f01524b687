package public

import (
	"context"

	"gongkai/internal/catalog"
	"gongkai/internal/interact"
)

// relatedLink is one line of a document page's 解读 box: a policy's
// interpretation, or the policy an interpretation explains (双向关联,
// website-rules §1.5).
type relatedLink struct {
	Label string // 文字解读, 图解, …, or 政策原文
	Title string
	URL   string
}

// relatedLinks lists the links of document d's page. Only published
// documents of the same site are linked; outside links are shown as
// entered (validated as http(s) or a site path when stored). A failure to
// read them leaves the box out rather than failing the page.
func (h handlers) relatedLinks(ctx context.Context, base string, d catalog.Document) []relatedLink {
	links, err := h.app.Store.InterpretationsOf(ctx, d.ID)
	if err != nil {
		h.app.Log.Error("interpretation links", "doc", d.ID, "err", err)
		return nil
	}
	var out []relatedLink
	for _, l := range links {
		switch {
		case l.PolicyID == d.ID && l.DocumentID != 0:
			if l.DocState == catalog.StatePublished {
				out = append(out, relatedLink{Label: l.Form.Label(), Title: l.DocTitle, URL: base + "/doc/" + itoa(l.DocumentID)})
			}
		case l.PolicyID == d.ID && interact.SafeURL(l.URL):
			out = append(out, relatedLink{Label: l.Form.Label(), Title: l.Title, URL: l.URL})
		case l.DocumentID == d.ID && l.PolicyState == catalog.StatePublished:
			out = append(out, relatedLink{Label: "政策原文", Title: l.PolicyTitle, URL: base + "/doc/" + itoa(l.PolicyID)})
		}
	}
	return out
}
