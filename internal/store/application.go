package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"gongkai/internal/auth"
	"gongkai/internal/disclosure"
	"gongkai/internal/secret"
	"gongkai/internal/workday"
)

// Channel is how an application reached the agency.
type Channel string

const (
	ChannelOnline Channel = "online" // the portal's form
	ChannelAPI    Channel = "api"    // the open API (12345 hotline, 一网通办)
	ChannelStaff  Channel = "staff"  // registered by staff: in person, post, fax
)

// ApplicationRecord is a stored application: the domain record plus what
// only the store keeps. Reads return the applicant's personal data MASKED
// (secret.MaskID …, Masked is true): the full values come only from
// ApplicantOf (for notices and delivery) and RevealApplicant (audited).
type ApplicationRecord struct {
	disclosure.Application
	SiteID       int64
	Channel      Channel
	Version      int  // number of events; AppendEvent needs it
	ClockRunning bool // open, not waiting for a 补正, no open pause
	Masked       bool
	UpdatedAt    time.Time
}

// Overdue reports whether the reply deadline has passed on today. It is
// exact while ClockRunning (no open pause moves the deadline).
func (a ApplicationRecord) Overdue(today workday.Date) bool {
	return a.ClockRunning && a.DueOn != (workday.Date{}) && today.After(a.DueOn)
}

// NewApplication is what CreateApplication needs.
type NewApplication struct {
	SiteID       int64
	ParentID     int64 // 一事一申请 split (109号第四条); 0 otherwise
	Channel      Channel
	Applicant    disclosure.Applicant
	Description  string
	DocNo        string
	Delivery     disclosure.Delivery
	ReceivedOn   workday.Date            // 收到申请之日 (条例第三十一条)
	ReceiptBasis disclosure.ReceiptBasis // how ReceivedOn was fixed
	ActorID      int64                   // staff registering it; 0 online
	Audit        auth.AuditEntry         // optional, written in the same transaction
}

// codePrefix starts every 查询码: 依申请 (YS), the receipt year, the row id.
const codePrefix = "YS"

// CreateApplication stores a new application with its first event
// (EventReceived on ReceivedOn), the due date the domain computes from the
// working-day calendar, and a one-time query password, which is returned
// and never stored in clear. The 查询码 is derived from the row id in the
// same transaction, so concurrent submissions cannot collide on either
// engine. Rule violations come back as *disclosure.RuleError, an uncovered
// calendar year as workday.ErrYearNotCovered.
func (s *Store) CreateApplication(ctx context.Context, n NewApplication) (ApplicationRecord, string, error) {
	kr, err := s.Keyring()
	if err != nil {
		return ApplicationRecord{}, "", err
	}
	r, err := s.rules(ctx)
	if err != nil {
		return ApplicationRecord{}, "", err
	}
	t := now()
	ev := disclosure.Event{Kind: disclosure.EventReceived, On: n.ReceivedOn, At: t, ActorID: n.ActorID, ReceiptBasis: n.ReceiptBasis}
	c, err := disclosure.Replay([]disclosure.Event{ev}, r.cal, r.set)
	if err != nil {
		return ApplicationRecord{}, "", err
	}
	enc, err := sealApplicant(kr, n.Applicant)
	if err != nil {
		return ApplicationRecord{}, "", err
	}
	data, err := json.Marshal(ev)
	if err != nil {
		return ApplicationRecord{}, "", err
	}
	password := secret.NewQueryPassword()
	hash := secret.HashQueryPassword(password)
	a := n.Applicant
	var id int64
	var code string
	err = s.appTx(ctx, func(cn conn) error {
		id, err = cn.appInsert(ctx, `INSERT INTO applications (site_id, parent_id, password_hash, channel, applicant_kind,
			applicant_name, id_type, id_number_enc, id_number_bidx, contact_name, phone_enc, phone_bidx, email_enc, address_enc,
			post_code, agent_name, agent_phone_enc, description, doc_no, delivery_form, delivery_method, received_on, receipt_basis,
			state, closed, clock_running, due_on, version, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
			n.SiteID, nullID(n.ParentID), hash, string(n.Channel), string(a.Kind),
			a.Name, string(a.IDType), enc.idNumber, enc.idBidx, a.ContactName, enc.phone, enc.phoneBidx, enc.email, enc.address,
			a.PostCode, a.Agent.Name, enc.agentPhone, n.Description, n.DocNo, string(n.Delivery.Form), string(n.Delivery.Method),
			n.ReceivedOn.String(), string(n.ReceiptBasis), string(c.State), false, clockRunning(c), dateCol(c.DueOn), t, t)
		if err != nil {
			return err
		}
		code = fmt.Sprintf("%s%d-%06d", codePrefix, n.ReceivedOn.Year(), id)
		if _, err := cn.execQuiet(ctx, `UPDATE applications SET code = ? WHERE id = ?`, code, id); err != nil {
			return err
		}
		if _, err := cn.execQuiet(ctx, `INSERT INTO application_events (application_id, seq, kind, on_date, at, actor_id, data)
			VALUES (?, 1, ?, ?, ?, ?, ?)`, id, string(ev.Kind), ev.On.String(), t, nullID(n.ActorID), string(data)); err != nil {
			return err
		}
		if n.Audit.Action != "" && n.Audit.Target == "" {
			n.Audit.Target = code
		}
		return cn.appendAudit(ctx, n.Audit)
	})
	if err != nil {
		return ApplicationRecord{}, "", err
	}
	rec := ApplicationRecord{
		Application: disclosure.Application{
			ID: id, Code: code, ParentID: n.ParentID, Applicant: maskApplicant(n.Applicant),
			Description: n.Description, DocNo: n.DocNo, Delivery: n.Delivery,
			ReceivedOn: n.ReceivedOn, ReceiptBasis: n.ReceiptBasis, State: c.State, DueOn: c.DueOn, CreatedAt: t,
		},
		SiteID: n.SiteID, Channel: n.Channel, Version: 1, ClockRunning: clockRunning(c), Masked: true, UpdatedAt: t,
	}
	return rec, password, nil
}

// clockRunning is true when the stored due date is the deadline in force
// (no open pause extends it) and the clock runs: then overdue is simply
// due_on < today, which the queue can ask SQL.
func clockRunning(c disclosure.Case) bool {
	if !disclosure.ClockRunning(c) || c.OpenConsultations() > 0 {
		return false
	}
	return !(c.FeePauses && c.Fee.State == disclosure.FeeStateNoticed)
}

// sealedApplicant is an applicant's personal data as stored.
type sealedApplicant struct {
	idNumber, idBidx, phone, phoneBidx, email, address, agentPhone string
}

func sealApplicant(kr *secret.Keyring, a disclosure.Applicant) (sealedApplicant, error) {
	var out sealedApplicant
	var err error
	seal := func(dst *string, f secret.Field, v string) {
		if err == nil {
			*dst, err = kr.Seal(f, strings.TrimSpace(v))
		}
	}
	seal(&out.idNumber, secret.FieldIDNumber, a.IDNumber)
	seal(&out.phone, secret.FieldPhone, a.Phone)
	seal(&out.email, secret.FieldEmail, a.Email)
	seal(&out.address, secret.FieldAddress, a.Address)
	seal(&out.agentPhone, secret.FieldPhone, a.Agent.Phone)
	out.idBidx = kr.Blind(secret.FieldIDNumber, a.IDNumber)
	out.phoneBidx = kr.Blind(secret.FieldPhone, a.Phone)
	return out, err
}

func openApplicant(kr *secret.Keyring, a *disclosure.Applicant, s sealedApplicant) error {
	var err error
	open := func(dst *string, f secret.Field, v string) {
		if err == nil {
			*dst, err = kr.Open(f, v)
		}
	}
	open(&a.IDNumber, secret.FieldIDNumber, s.idNumber)
	open(&a.Phone, secret.FieldPhone, s.phone)
	open(&a.Email, secret.FieldEmail, s.email)
	open(&a.Address, secret.FieldAddress, s.address)
	open(&a.Agent.Phone, secret.FieldPhone, s.agentPhone)
	return err
}

// maskApplicant replaces the personal data with its masked form for lists.
func maskApplicant(a disclosure.Applicant) disclosure.Applicant {
	a.IDNumber = secret.MaskID(a.IDNumber)
	a.Phone = secret.MaskPhone(a.Phone)
	a.Email = secret.MaskEmail(a.Email)
	a.Address = secret.MaskAddress(a.Address)
	a.Agent.Phone = secret.MaskPhone(a.Agent.Phone)
	return a
}
