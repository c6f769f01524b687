package staff

import (
	"context"

	"gongkai/internal/interact"
	"gongkai/internal/store"
	"gongkai/internal/web"
)

// proposalReminder queues the reminders one unreplied proposal is due today
// and says how many it newly queued.
type proposalReminder func(set store.InteractSettings, p interact.Proposal, rb reminderBase, office []int64) (int, error)

// remindEachProposal loads the settings, the unreplied proposals, the
// calendar and the 公开办 recipients once and runs remind over every
// proposal; off reports settings under which this kind of reminder is
// switched off. It returns the total newly queued.
func remindEachProposal(ctx context.Context, app *web.App, off func(store.InteractSettings) bool, remind proposalReminder) (int, error) {
	st := app.Store
	set, err := st.InteractSettings(ctx)
	if err != nil || (off != nil && off(set)) {
		return 0, err
	}
	ps, err := st.Proposals(ctx, store.ProposalFilter{Unreplied: true})
	if err != nil {
		return 0, err
	}
	rb, err := loadReminderBase(ctx, app)
	if err != nil {
		return 0, err
	}
	office := proposalOffice(rb)
	sent := 0
	for _, p := range ps {
		n, err := remind(set, p, rb, office)
		sent += n
		if err != nil {
			return sent, err
		}
	}
	return sent, nil
}
