package store

import (
	"context"
	"strconv"

	"gongkai/internal/interact"
)

// The interaction settings (website-rules §5.3: deadlines vary by
// locality, so they are settings with the national defaults).
const (
	keyOpinionPeriod   = "interact.opinion_period"   // "1m", "2m", "30wd"
	keyReplyMonths     = "interact.reply_months"     // 3
	keyExtendedMonths  = "interact.extended_months"  // 6
	keyInterpretGrace  = "interact.interpret_grace"  // working days a policy may go without 解读
	keyProposalMailbox = "interact.proposal_mailbox" // where reminders go when a co-handler has no mailbox
	keyRemindBefore    = "interact.remind_before"    // working days before a due date; "0" = no early reminder
)

// InteractSettings are the deadlines and mailboxes of 建议提案 and 解读.
type InteractSettings struct {
	Proposal       interact.ProposalSettings
	InterpretGrace int    // default 3 working days
	Mailbox        string // reminders of late replies and of co-handlers without a mailbox
}

// DefaultInterpretGrace: interpretation materials go online with the
// policy or within 3 working days (the common local rule implementing
// 国办发〔2016〕80号's 同步发布); a setting, not a constant.
const DefaultInterpretGrace = 3

// InteractSettings reads the settings, with defaults for those never set
// or unreadable.
func (s *Store) InteractSettings(ctx context.Context) (InteractSettings, error) {
	out := InteractSettings{Proposal: interact.DefaultProposalSettings(), InterpretGrace: DefaultInterpretGrace}
	read := func(key string) (string, bool, error) { return s.Setting(ctx, key) }
	if v, ok, err := read(keyOpinionPeriod); err != nil {
		return out, err
	} else if p, perr := interact.ParsePeriod(v); ok && perr == nil {
		out.Proposal.OpinionPeriod = p
	}
	for key, dst := range map[string]*int{keyReplyMonths: &out.Proposal.ReplyMonths,
		keyExtendedMonths: &out.Proposal.ExtendedMonths, keyInterpretGrace: &out.InterpretGrace} {
		v, ok, err := read(key)
		if err != nil {
			return out, err
		}
		if n, perr := strconv.Atoi(v); ok && perr == nil && n > 0 && n <= 60 {
			*dst = n
		}
	}
	if v, ok, err := read(keyRemindBefore); err != nil {
		return out, err
	} else if n, perr := strconv.Atoi(v); ok && perr == nil && n >= 0 && n <= interact.MaxRemindBefore {
		out.Proposal.RemindBefore = n // 0 is a valid choice here
	}
	v, _, err := read(keyProposalMailbox)
	out.Mailbox = v
	return out, err
}

// SetInteractSettings stores the settings (validated by the caller).
func (s *Store) SetInteractSettings(ctx context.Context, v InteractSettings) error {
	return s.tx(ctx, func(c conn) error {
		for key, val := range map[string]string{
			keyOpinionPeriod: v.Proposal.OpinionPeriod.String(), keyReplyMonths: strconv.Itoa(v.Proposal.ReplyMonths),
			keyExtendedMonths: strconv.Itoa(v.Proposal.ExtendedMonths), keyInterpretGrace: strconv.Itoa(v.InterpretGrace),
			keyProposalMailbox: v.Mailbox, keyRemindBefore: strconv.Itoa(v.Proposal.RemindBefore),
		} {
			if _, err := c.exec(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
				ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, val); err != nil {
				return err
			}
		}
		return nil
	})
}
