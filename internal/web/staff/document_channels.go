package staff

import (
	"context"
	"net/url"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/store"
)

// documentChannels is the document page's 发布渠道 panel: where else the
// document went out (its channel records, which section 二 of the annual
// report counts — the seed's "政务微信1750条"), the 公众号 posts still under
// way or failed, and the official accounts it can be published to.
type documentChannels struct {
	Records []channelShown // the document's channel records, for everyone
	// Accounts are the site's active 微信公众号 connected to the API; the
	// page offers "发布到公众号" for each (the publish form, document chosen).
	Accounts []store.MediaAccount
	// Unconnected is set when the site has active 公众号 but none is
	// connected yet, so the page can say where to connect one.
	Unconnected bool
	Posts       []store.MediaPost // this document's posts, newest first
	AccountName map[int64]string  // post.AccountID → account name
}

// channelShown is a channel record as shown: Link only for a web address,
// so a reference such as a newspaper issue stays plain text.
type channelShown struct {
	catalog.ChannelRecord
	Link string
}

// channelsFor reads the panel. Only users who manage new media (PermNewMedia)
// see accounts and posts; everyone sees the channel records.
func (h handlers) channelsFor(ctx context.Context, u auth.User, d catalog.Document) (documentChannels, error) {
	var dc documentChannels
	for _, c := range d.Channels {
		row := channelShown{ChannelRecord: c}
		if u, err := url.Parse(c.Ref); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			row.Link = c.Ref
		}
		dc.Records = append(dc.Records, row)
	}
	if !u.Role.Can(auth.PermNewMedia) || d.ID == 0 {
		return dc, nil
	}
	accs, err := h.app.Store.MediaAccounts(ctx, store.MediaAccountFilter{SiteID: d.SiteID, Platform: store.WeChatPlatform})
	if err != nil {
		return dc, err
	}
	dc.AccountName = map[int64]string{}
	for _, a := range accs {
		dc.AccountName[a.ID] = a.Name
		if a.Status != store.MediaActive {
			continue
		}
		// 条例第二十三条: other channels spread what the site published, so
		// only a published document is offered (the publish flow refuses
		// anything else as well).
		if a.Connected() && d.State == catalog.StatePublished {
			dc.Accounts = append(dc.Accounts, a)
		} else if !a.Connected() {
			dc.Unconnected = true
		}
	}
	if len(dc.Accounts) > 0 {
		dc.Unconnected = false
	}
	dc.Posts, err = h.app.Store.MediaPosts(ctx, store.MediaPostFilter{DocumentID: d.ID, Limit: 50})
	return dc, err
}
