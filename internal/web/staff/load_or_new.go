package staff

import (
	"context"
	"net/http"
)

// loadOrNew reads the record a save handler changes: the one the path's
// {id} names, or, with no {id}, a new (zero) record that prepare sets up
// (e.g. puts on the site chosen on the page).
func loadOrNew[T any](r *http.Request, read func(context.Context, int64) (T, error), prepare func(*T)) (T, error) {
	v, err := loadByPath(r, read)
	if err == nil && r.PathValue("id") == "" {
		prepare(&v)
	}
	return v, err
}
