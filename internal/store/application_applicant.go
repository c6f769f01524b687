package store

import (
	"context"

	"gongkai/internal/disclosure"
	"gongkai/internal/secret"
	"gongkai/internal/workday"
)

// The same applicant is found by the blind index of the ID number (with
// the same ID type, as disclosure.ApplicantKey does), under every key of
// the ring so rows not yet rotated still match. Nothing is decrypted.

// sameApplicant returns the SQL condition and arguments matching the
// applicant of application id, or ok false when it has no ID number.
func (s *Store) sameApplicant(ctx context.Context, id int64) (cond string, args []any, ok bool, err error) {
	kr, err := s.Keyring()
	if err != nil {
		return "", nil, false, err
	}
	var idType, enc string
	if err := mapErr(s.queryRow(ctx, `SELECT id_type, id_number_enc FROM applications WHERE id = ?`, id).Scan(&idType, &enc)); err != nil {
		return "", nil, false, err
	}
	number, err := kr.Open(secret.FieldIDNumber, enc)
	if err != nil {
		return "", nil, false, err
	}
	idx := kr.BlindAll(secret.FieldIDNumber, number)
	if len(idx) == 0 {
		return "", nil, false, nil
	}
	return `id_type = ? AND id_number_bidx IN (` + placeholders(len(idx)) + `)`, append([]any{idType}, anySlice(idx)...), true, nil
}

// RepeatCandidates lists the earlier answered applications of the same
// applicant whose description is similar enough (disclosure.RepeatCandidates
// with the stored settings), for staff to consider （五）2 重复申请.
func (s *Store) RepeatCandidates(ctx context.Context, id int64) ([]disclosure.RepeatMatch, error) {
	app, err := s.Application(ctx, id)
	if err != nil {
		return nil, err
	}
	cond, args, ok, err := s.sameApplicant(ctx, id)
	if err != nil || !ok {
		return nil, err
	}
	set, err := s.DisclosureSettings(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.query(ctx, `SELECT id, code, description, doc_no, state, basis, received_on, closed_on FROM applications
		WHERE `+cond+` AND id <> ? AND closed = ? ORDER BY received_on DESC, id DESC LIMIT 500`, append(args, id, true)...)
	earlier, err := collect(rows, err, func(sc scanner) (disclosure.Application, error) {
		var e disclosure.Application
		var received, closed string
		if err := sc.Scan(&e.ID, &e.Code, &e.Description, &e.DocNo, &e.State, &e.Basis, &received, &closed); err != nil {
			return e, err
		}
		var err error
		if e.ReceivedOn, err = parseDateCol(received); err == nil {
			e.ClosedOn, err = parseDateCol(closed)
		}
		return e, err
	})
	if err != nil {
		return nil, err
	}
	// The domain compares applicants by ApplicantKey; the query already
	// matched them, so give every row the same pseudonymous key.
	key := disclosure.Applicant{IDType: app.Applicant.IDType, IDNumber: "same"}
	app.Applicant = key
	for i := range earlier {
		earlier[i].Applicant = key
	}
	return disclosure.RepeatCandidates(app.Application, earlier, set.Repeat), nil
}

// FrequentApplicant counts the same applicant's applications received in
// the settings' window ending today and flags more than the settings allow
// (条例第三十五条: a prompt for staff to ask for reasons, not a decision).
func (s *Store) FrequentApplicant(ctx context.Context, id int64, today workday.Date) (count int, frequent bool, err error) {
	cond, args, ok, err := s.sameApplicant(ctx, id)
	if err != nil || !ok {
		return 0, false, err
	}
	set, err := s.DisclosureSettings(ctx)
	if err != nil {
		return 0, false, err
	}
	from := today.AddDays(-set.Repeat.FrequentWindowDays)
	rows, err := s.query(ctx, `SELECT received_on FROM applications WHERE `+cond+` AND received_on > ? AND received_on <= ?`,
		append(args, from.String(), today.String())...)
	dates, err := collect(rows, err, func(sc scanner) (workday.Date, error) {
		var d string
		if err := sc.Scan(&d); err != nil {
			return workday.Date{}, err
		}
		return workday.ParseDate(d)
	})
	if err != nil {
		return 0, false, err
	}
	count, frequent = disclosure.FrequentApplicant(dates, today, set.Repeat)
	return count, frequent, nil
}

// NthInMonth is the position of application id among the same applicant's
// applications received in the natural month of its receipt (1 for the
// first), the n that 109号第四条 按件计收 charges by. With
// Settings.Fee.ExcludeClosedOutOfScope, earlier applications closed under
// （五）or （六）do not count. Items split off by 一事一申请 count as their own
// applications (that is the point of splitting).
func (s *Store) NthInMonth(ctx context.Context, id int64) (int, error) {
	app, err := s.Application(ctx, id)
	if err != nil {
		return 0, err
	}
	cond, args, ok, err := s.sameApplicant(ctx, id)
	if err != nil || !ok {
		return 1, err
	}
	set, err := s.DisclosureSettings(ctx)
	if err != nil {
		return 0, err
	}
	d := app.ReceivedOn
	first := workday.NewDate(d.Year(), d.Month(), 1).String()
	rows, err := s.query(ctx, `SELECT id, table_row FROM applications WHERE `+cond+` AND received_on >= ? AND
		(received_on < ? OR (received_on = ? AND id < ?))`, append(args, first, d.String(), d.String(), id)...)
	earlier, err := collect(rows, err, func(sc scanner) (disclosure.Row, error) {
		var id int64
		var r disclosure.Row
		return r, sc.Scan(&id, &r)
	})
	if err != nil {
		return 0, err
	}
	n := 1
	for _, r := range earlier {
		o := r.Outcome()
		if set.Fee.ExcludeClosedOutOfScope && (o == disclosure.OutcomeNotHandled || o == disclosure.OutcomeOther) {
			continue
		}
		n++
	}
	return n, nil
}
