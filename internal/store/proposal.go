package store

import (
	"context"
	"fmt"
	"strings"

	"gongkai/internal/interact"
	"gongkai/internal/secret"
)

const proposalCols = `id, site_id, kind, session, recess, number, title, proposer, co_proposers, proposer_phone_enc,
	assigned_on, assigned_by, role, org_id, lead_unit, supervised, supervised_by, extended, extend_reason,
	replied_on, reply_no, reply_text, result, satisfaction, disclosure, disclosure_why, COALESCE(document_id, 0),
	created_at, updated_at`

func scanProposal(kr *secret.Keyring) func(scanner) (interact.Proposal, error) {
	return func(sc scanner) (interact.Proposal, error) {
		var p interact.Proposal
		var phone string
		err := sc.Scan(&p.ID, &p.SiteID, &p.Kind, &p.Session, &p.Recess, &p.Number, &p.Title, &p.Proposer, &p.CoProposers,
			&phone, &p.AssignedOn, &p.AssignedBy, &p.Role, &p.OrgID, &p.LeadUnit, &p.Supervised, &p.SupervisedBy,
			&p.Extended, &p.ExtendReason, &p.RepliedOn, &p.ReplyNo, &p.ReplyText, &p.Result, &p.Satisfaction,
			&p.Disclosure, &p.DisclosureWhy, &p.DocumentID, &p.CreatedAt, &p.UpdatedAt)
		if err != nil {
			return p, mapErr(err)
		}
		p.ProposerPhone, err = kr.Open(secret.FieldPhone, phone)
		return p, err
	}
}

// SaveProposal creates (ID 0) or updates a proposal's registration data
// and replaces its co-handlers, in one transaction. The reply has its own
// method (ReplyProposal).
func (s *Store) SaveProposal(ctx context.Context, p interact.Proposal) (int64, error) {
	kr, err := s.Keyring()
	if err != nil {
		return 0, err
	}
	phone, err := kr.Seal(secret.FieldPhone, strings.TrimSpace(p.ProposerPhone))
	if err != nil {
		return 0, err
	}
	err = s.tx(ctx, func(c conn) error {
		t := now()
		if p.ID == 0 {
			p.ID, err = c.insert(ctx, `INSERT INTO proposals (site_id, kind, session, recess, number, title, proposer,
				co_proposers, proposer_phone_enc, assigned_on, assigned_by, role, org_id, lead_unit, supervised, supervised_by,
				extended, extend_reason, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				p.SiteID, string(p.Kind), p.Session, p.Recess, p.Number, p.Title, p.Proposer, p.CoProposers, phone,
				p.AssignedOn, p.AssignedBy, string(p.Role), p.OrgID, p.LeadUnit, p.Supervised, p.SupervisedBy,
				p.Extended, p.ExtendReason, t, t)
			if err != nil {
				return err
			}
		} else {
			res, err := c.exec(ctx, `UPDATE proposals SET kind=?, session=?, recess=?, number=?, title=?, proposer=?,
				co_proposers=?, proposer_phone_enc=?, assigned_on=?, assigned_by=?, role=?, org_id=?, lead_unit=?,
				supervised=?, supervised_by=?, extended=?, extend_reason=?, updated_at=? WHERE id=?`,
				string(p.Kind), p.Session, p.Recess, p.Number, p.Title, p.Proposer, p.CoProposers, phone, p.AssignedOn,
				p.AssignedBy, string(p.Role), p.OrgID, p.LeadUnit, p.Supervised, p.SupervisedBy, p.Extended,
				p.ExtendReason, t, p.ID)
			if err := oneRow(res, err); err != nil {
				return err
			}
		}
		return c.replaceCoHandlers(ctx, kr, p.ID, p.CoHandlers)
	})
	return p.ID, err
}

func (c conn) replaceCoHandlers(ctx context.Context, kr *secret.Keyring, id int64, hs []interact.CoHandler) error {
	if _, err := c.exec(ctx, `DELETE FROM proposal_cohandlers WHERE proposal_id = ?`, id); err != nil {
		return err
	}
	for i, h := range hs {
		email, err := kr.Seal(secret.FieldEmail, strings.TrimSpace(h.Email))
		if err != nil {
			return err
		}
		if _, err := c.exec(ctx, `INSERT INTO proposal_cohandlers (proposal_id, sort, unit, email_enc, received_on, opinion_on, opinion)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, id, i, h.Unit, email, h.ReceivedOn, h.OpinionOn, h.Opinion); err != nil {
			return err
		}
	}
	return nil
}

// Proposal reads one proposal with its co-handlers, personal data decrypted.
func (s *Store) Proposal(ctx context.Context, id int64) (interact.Proposal, error) {
	kr, err := s.Keyring()
	if err != nil {
		return interact.Proposal{}, err
	}
	p, err := scanProposal(kr)(s.queryRow(ctx, `SELECT `+proposalCols+` FROM proposals WHERE id = ?`, id))
	if err != nil {
		return p, err
	}
	hs, err := s.coHandlers(ctx, kr, []int64{id})
	p.CoHandlers = hs[id]
	return p, err
}

func (s *Store) coHandlers(ctx context.Context, kr *secret.Keyring, ids []int64) (map[int64][]interact.CoHandler, error) {
	out := map[int64][]interact.CoHandler{}
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := s.query(ctx, `SELECT id, proposal_id, unit, email_enc, received_on, opinion_on, opinion FROM proposal_cohandlers
		WHERE proposal_id IN (`+placeholders(len(ids))+`) ORDER BY proposal_id, sort, id`, anySlice(ids)...)
	hs, err := collect(rows, err, func(sc scanner) (interact.CoHandler, error) {
		var h interact.CoHandler
		var email string
		if err := sc.Scan(&h.ID, &h.ProposalID, &h.Unit, &email, &h.ReceivedOn, &h.OpinionOn, &h.Opinion); err != nil {
			return h, err
		}
		var err error
		h.Email, err = kr.Open(secret.FieldEmail, email)
		return h, err
	})
	for _, h := range hs {
		out[h.ProposalID] = append(out[h.ProposalID], h)
	}
	return out, err
}

// ProposalFilter selects proposals.
type ProposalFilter struct {
	SiteID     int64 // 0 = every site (the reminder job)
	Year       int   // assigned in this year; 0 = any
	Kind       interact.ProposalKind
	Role       interact.Role
	Supervised bool
	Unreplied  bool
}

// Proposals lists proposals with their co-handlers, newest 交办 first.
// The volume is small (tens a year), so there is no paging.
func (s *Store) Proposals(ctx context.Context, f ProposalFilter) ([]interact.Proposal, error) {
	kr, err := s.Keyring()
	if err != nil {
		return nil, err
	}
	conds, args := []string{"1 = 1"}, []any{}
	if f.SiteID != 0 {
		conds, args = append(conds, "site_id = ?"), append(args, f.SiteID)
	}
	if f.Year != 0 {
		conds, args = append(conds, "assigned_on >= ? AND assigned_on < ?"), append(args, fmt.Sprintf("%04d-", f.Year), fmt.Sprintf("%04d-", f.Year+1))
	}
	if f.Kind != "" {
		conds, args = append(conds, "kind = ?"), append(args, string(f.Kind))
	}
	if f.Role != "" {
		conds, args = append(conds, "role = ?"), append(args, string(f.Role))
	}
	if f.Supervised {
		conds = append(conds, "supervised = TRUE")
	}
	if f.Unreplied {
		conds = append(conds, "replied_on = ''")
	}
	rows, err := s.query(ctx, `SELECT `+proposalCols+` FROM proposals WHERE `+strings.Join(conds, " AND ")+
		` ORDER BY assigned_on DESC, kind, number, id`, args...)
	ps, err := collect(rows, err, scanProposal(kr))
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(ps))
	for i, p := range ps {
		ids[i] = p.ID
	}
	hs, err := s.coHandlers(ctx, kr, ids)
	for i := range ps {
		ps[i].CoHandlers = hs[ps[i].ID]
	}
	return ps, err
}

// RecordOpinion records a co-handler's opinion.
func (s *Store) RecordOpinion(ctx context.Context, coHandlerID int64, on, opinion string) error {
	res, err := s.exec(ctx, `UPDATE proposal_cohandlers SET opinion_on = ?, opinion = ? WHERE id = ?`, on, opinion, coHandlerID)
	return oneRow(res, err)
}

// ReplyProposal records the reply (or, when the agency co-handles, the
// opinion sent to the lead unit), the proposer's feedback and the
// disclosure decision.
func (s *Store) ReplyProposal(ctx context.Context, p interact.Proposal) error {
	res, err := s.exec(ctx, `UPDATE proposals SET replied_on=?, reply_no=?, reply_text=?, result=?, satisfaction=?,
		disclosure=?, disclosure_why=?, updated_at=? WHERE id=?`, p.RepliedOn, p.ReplyNo, p.ReplyText, string(p.Result),
		string(p.Satisfaction), string(p.Disclosure), p.DisclosureWhy, now(), p.ID)
	return oneRow(res, err)
}
