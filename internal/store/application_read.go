package store

import (
	"context"
	"errors"
	"strings"

	"gongkai/internal/auth"
	"gongkai/internal/disclosure"
	"gongkai/internal/secret"
)

const applicationCols = `id, site_id, parent_id, code, channel, applicant_kind, applicant_name, id_type, id_number_enc, contact_name,
	phone_enc, email_enc, address_enc, post_code, agent_name, agent_phone_enc, description, doc_no, delivery_form,
	delivery_method, received_on, receipt_basis, state, clock_running, org_id, assignee_id, due_on, basis, closed_on, version,
	created_at, updated_at`

// scanApplication reads a row with the personal data decrypted (clear)
// or masked.
func scanApplication(sc scanner, kr *secret.Keyring, clear bool) (ApplicationRecord, error) {
	var r ApplicationRecord
	var parent, org, assignee *int64
	var code *string
	var enc sealedApplicant
	var received, due, closed string
	a := &r.Applicant
	err := sc.Scan(&r.ID, &r.SiteID, &parent, &code, &r.Channel, &a.Kind, &a.Name, &a.IDType, &enc.idNumber, &a.ContactName,
		&enc.phone, &enc.email, &enc.address, &a.PostCode, &a.Agent.Name, &enc.agentPhone, &r.Description, &r.DocNo,
		&r.Delivery.Form, &r.Delivery.Method, &received, &r.ReceiptBasis, &r.State, &r.ClockRunning, &org, &assignee, &due,
		&r.Basis, &closed, &r.Version, &r.CreatedAt, &r.UpdatedAt)
	if err != nil {
		return r, mapErr(err)
	}
	r.ParentID, r.OrgID, r.AssigneeID = deref(parent), deref(org), deref(assignee)
	if code != nil {
		r.Code = *code
	}
	if r.ReceivedOn, err = parseDateCol(received); err != nil {
		return r, err
	}
	if r.DueOn, err = parseDateCol(due); err != nil {
		return r, err
	}
	if r.ClosedOn, err = parseDateCol(closed); err != nil {
		return r, err
	}
	if err := openApplicant(kr, a, enc); err != nil {
		return r, err
	}
	if !clear {
		*a = maskApplicant(*a)
		r.Masked = true
	}
	return r, nil
}

func deref(p *int64) int64 {
	if p == nil {
		return 0
	}
	return *p
}

func (s *Store) applicationWhere(ctx context.Context, clear bool, where string, args ...any) (ApplicationRecord, error) {
	kr, err := s.Keyring()
	if err != nil {
		return ApplicationRecord{}, err
	}
	return scanApplication(s.queryRow(ctx, `SELECT `+applicationCols+` FROM applications WHERE `+where, args...), kr, clear)
}

// Application reads one application, personal data masked.
func (s *Store) Application(ctx context.Context, id int64) (ApplicationRecord, error) {
	return s.applicationWhere(ctx, false, `id = ?`, id)
}

// ApplicationByCode reads an application by its 查询码, personal data masked.
func (s *Store) ApplicationByCode(ctx context.Context, code string) (ApplicationRecord, error) {
	return s.applicationWhere(ctx, false, `code = ?`, normalizeCode(code))
}

// ApplicationByCredentials is the applicant's lookup: the application
// whose 查询码 and query password both match, personal data masked. A
// wrong code and a wrong password give the same ErrNotFound, so the
// answer does not tell which codes exist.
func (s *Store) ApplicationByCredentials(ctx context.Context, code, password string) (ApplicationRecord, error) {
	var hash string
	err := mapErr(s.queryRow(ctx, `SELECT password_hash FROM applications WHERE code = ?`, normalizeCode(code)).Scan(&hash))
	if errors.Is(err, ErrNotFound) {
		// Spend the same work as a real check, so timing does not tell either.
		secret.VerifyQueryPassword("s256$AAAAAAAAAAAAAAAAAAAAAA$x", password)
		return ApplicationRecord{}, ErrNotFound
	}
	if err != nil {
		return ApplicationRecord{}, err
	}
	if !secret.VerifyQueryPassword(hash, password) {
		return ApplicationRecord{}, ErrNotFound
	}
	return s.ApplicationByCode(ctx, code)
}

// normalizeCode accepts a code typed in lower case or with spaces.
func normalizeCode(code string) string {
	return strings.ToUpper(strings.Join(strings.Fields(code), ""))
}

// ApplicantOf returns the applicant with the personal data in clear, for
// rendering a notice's address block and delivering it (e-mail, post).
// Screens that show the full data use RevealApplicant, which is audited.
func (s *Store) ApplicantOf(ctx context.Context, id int64) (disclosure.Applicant, error) {
	r, err := s.applicationWhere(ctx, true, `id = ?`, id)
	return r.Applicant, err
}

// RevealApplicant returns the applicant in clear and records who looked,
// in the same transaction (issue 3 §5: shown in full only on an explicit,
// audited action). audit.Action must be set.
func (s *Store) RevealApplicant(ctx context.Context, id int64, audit auth.AuditEntry) (disclosure.Applicant, error) {
	if audit.Action == "" {
		return disclosure.Applicant{}, errors.New("store: RevealApplicant needs an audit entry")
	}
	kr, err := s.Keyring()
	if err != nil {
		return disclosure.Applicant{}, err
	}
	var r ApplicationRecord
	err = s.appTx(ctx, func(c conn) error {
		var err error
		r, err = scanApplication(c.queryRow(ctx, `SELECT `+applicationCols+` FROM applications WHERE id = ?`, id), kr, true)
		if err != nil {
			return err
		}
		if audit.Target == "" {
			audit.Target = r.Code
		}
		return c.appendAudit(ctx, audit)
	})
	return r.Applicant, err
}
