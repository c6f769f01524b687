package staff

import (
	"gongkai/internal/auth"
	"gongkai/internal/interact"
)

// registerMessages adds the message board's back office (issue 8): the
// inbox, the message page and one POST per step. Routing (分办), invalid
// marking, merging and publication are the 公开办's (PermMessagesPublish);
// answering is also the 科室's (PermMessages; a 科室信息员 only what was
// routed to their 科室, checked in the handler).
func (h handlers) registerMessages() {
	s := h.staff
	s("GET /admin/messages", auth.PermMessages, h.messageInbox)
	s("GET /admin/messages/settings", auth.PermMessagesPublish, h.messageSettings)
	s("POST /admin/messages/settings", auth.PermMessagesPublish, h.messageSettingsSave)
	s("GET /admin/messages/{id}", auth.PermMessages, h.messageShow)
	s("POST /admin/messages/{id}/reveal", auth.PermMessages, h.messageReveal)
	s("POST /admin/messages/{id}/answer", auth.PermMessages, h.messageStep(interact.ActAnswer))
	for _, a := range []interact.MessageAction{interact.ActRoute, interact.ActInvalidate, interact.ActRestore,
		interact.ActMerge, interact.ActPublish, interact.ActUnpublish} {
		s("POST /admin/messages/{id}/"+string(a), auth.PermMessagesPublish, h.messageStep(a))
	}
}
