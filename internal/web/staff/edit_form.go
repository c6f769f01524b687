package staff

import (
	"context"
	"net/http"

	"gongkai/internal/catalog"
	"gongkai/internal/web"
)

// showEditForm answers a record's /{id}/edit (or /new) page: the record the
// path's {id} names, read with read (the zero record when there is no
// {id}), in its form by render, with no messages yet.
func showEditForm[T any](app *web.App, w http.ResponseWriter, r *http.Request, read func(context.Context, int64) (T, error),
	render func(http.ResponseWriter, *http.Request, int, T, catalog.FieldErrors)) {
	v, err := loadByPath(r, read)
	if err != nil {
		app.Fail(w, r, err)
		return
	}
	render(w, r, http.StatusOK, v, nil)
}
