package store

import (
	"context"
	"time"
)

// AttachmentKind says what an application's file is.
type AttachmentKind string

const (
	AttachIDScan     AttachmentKind = "id_scan"           // 身份证明
	AttachProxy      AttachmentKind = "power_of_attorney" // 授权委托书
	AttachAmendment  AttachmentKind = "amendment"         // 补正材料
	AttachPaymentRef AttachmentKind = "payment_proof"     // 缴费凭证
	AttachOther      AttachmentKind = "other"             // 其他
)

// AttachmentKinds lists the kinds in form order.
var AttachmentKinds = []AttachmentKind{AttachIDScan, AttachProxy, AttachAmendment, AttachPaymentRef, AttachOther}

// Label is the Chinese name.
func (k AttachmentKind) Label() string {
	switch k {
	case AttachIDScan:
		return "身份证明"
	case AttachProxy:
		return "授权委托书"
	case AttachAmendment:
		return "补正材料"
	case AttachPaymentRef:
		return "缴费凭证"
	case AttachOther:
		return "其他材料"
	}
	return string(k)
}

// Valid reports whether k is known.
func (k AttachmentKind) Valid() bool { return k.Label() != string(k) }

// ApplicationAttachment is a file attached to an application, stored under
// the files directory by internal/files.
type ApplicationAttachment struct {
	ID            int64
	ApplicationID int64
	Kind          AttachmentKind
	Name          string // cleaned original file name (catalog.CleanFileName)
	StoredAs      string // files.Stored.Rel
	MIME          string
	Size          int64
	SHA256        string
	UploadedBy    int64 // staff user; 0 = the applicant
	CreatedAt     time.Time
}

const appAttachmentCols = `id, application_id, kind, name, stored_as, mime, size, sha256, uploaded_by, created_at`

func scanAppAttachment(sc scanner) (ApplicationAttachment, error) {
	var a ApplicationAttachment
	var by *int64
	err := sc.Scan(&a.ID, &a.ApplicationID, &a.Kind, &a.Name, &a.StoredAs, &a.MIME, &a.Size, &a.SHA256, &by, &a.CreatedAt)
	if by != nil {
		a.UploadedBy = *by
	}
	return a, mapErr(err)
}

// CreateApplicationAttachment records a file already saved under the files dir.
func (s *Store) CreateApplicationAttachment(ctx context.Context, a ApplicationAttachment) (int64, error) {
	return s.appInsert(ctx, `INSERT INTO application_attachments (application_id, kind, name, stored_as, mime, size, sha256,
		uploaded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.ApplicationID, string(a.Kind), a.Name, a.StoredAs, a.MIME, a.Size, a.SHA256, nullID(a.UploadedBy), now())
}

// ApplicationAttachment reads one attachment.
func (s *Store) ApplicationAttachment(ctx context.Context, id int64) (ApplicationAttachment, error) {
	return scanAppAttachment(s.queryRow(ctx, `SELECT `+appAttachmentCols+` FROM application_attachments WHERE id = ?`, id))
}

// ApplicationAttachments lists an application's files in upload order.
func (s *Store) ApplicationAttachments(ctx context.Context, applicationID int64) ([]ApplicationAttachment, error) {
	rows, err := s.query(ctx, `SELECT `+appAttachmentCols+` FROM application_attachments WHERE application_id = ? ORDER BY id`, applicationID)
	return collect(rows, err, scanAppAttachment)
}
