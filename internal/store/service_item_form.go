package store

import (
	"context"
	"time"
)

// ServiceForm is a downloadable form (表格) of a service item: a file under
// the files dir, accepted by the catalog's attachment types.
type ServiceForm struct {
	ID        int64
	ItemID    int64
	Name      string
	StoredAs  string // path relative to the files dir
	MIME      string
	Size      int64
	SHA256    string
	CreatedAt time.Time
}

const serviceFormCols = `id, item_id, name, stored_as, mime, size, sha256, created_at`

func scanServiceForm(sc scanner) (ServiceForm, error) {
	var f ServiceForm
	return f, mapErr(sc.Scan(&f.ID, &f.ItemID, &f.Name, &f.StoredAs, &f.MIME, &f.Size, &f.SHA256, &f.CreatedAt))
}

// CreateServiceForm records a form file already written under the files dir.
func (s *Store) CreateServiceForm(ctx context.Context, f ServiceForm) (int64, error) {
	return s.insert(ctx, `INSERT INTO service_item_forms (item_id, name, stored_as, mime, size, sha256, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, f.ItemID, f.Name, f.StoredAs, f.MIME, f.Size, f.SHA256, now())
}

// ServiceForm reads one form.
func (s *Store) ServiceForm(ctx context.Context, id int64) (ServiceForm, error) {
	return scanServiceForm(s.queryRow(ctx, `SELECT `+serviceFormCols+` FROM service_item_forms WHERE id = ?`, id))
}

// ServiceForms lists an item's forms in upload order.
func (s *Store) ServiceForms(ctx context.Context, itemID int64) ([]ServiceForm, error) {
	rows, err := s.query(ctx, `SELECT `+serviceFormCols+` FROM service_item_forms WHERE item_id = ? ORDER BY id`, itemID)
	return collect(rows, err, scanServiceForm)
}

// DeleteServiceForm removes a form's record; the caller removes the file.
func (s *Store) DeleteServiceForm(ctx context.Context, id int64) error {
	res, err := s.exec(ctx, `DELETE FROM service_item_forms WHERE id = ?`, id)
	return oneRow(res, err)
}
