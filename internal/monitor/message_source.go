package monitor

import (
	"context"
	"time"

	"gongkai/internal/store"
)

// storeMessages answers MessageSource from the platform's own message board
// (issue 8): valid messages — invalid ones (spam, abuse) and merged
// duplicates are excluded, each with its audited reason — not answered
// within 3 months of receipt (website-rules §1.3 item 5 ②).
type storeMessages struct{ st *store.Store }

// StoreMessages is the MessageSource of the platform's message board.
func StoreMessages(st *store.Store) MessageSource { return storeMessages{st} }

func (s storeMessages) UnansweredMessages(ctx context.Context, since, before time.Time) ([]Message, error) {
	list, err := s.st.LateMessages(ctx, since, before)
	if err != nil {
		return nil, err
	}
	cols := map[int64]int64{} // site → its 留言选登 column, when it has one
	out := make([]Message, 0, len(list))
	for _, m := range list {
		col, ok := cols[m.SiteID]
		if !ok {
			if c, err := s.st.ColumnBySlug(ctx, m.SiteID, store.MessageColumnSlug); err == nil {
				col = c.ID
			}
			cols[m.SiteID] = col
		}
		out = append(out, Message{ID: m.ID, SiteID: m.SiteID, ColumnID: col, OrgID: m.ReplyOrg(),
			Title: m.Title, ReceivedAt: m.ReceivedAt})
	}
	return out, nil
}
