package web

import (
	"net/http"
	"strconv"
)

// PathID reads a numeric path value such as {id}. Anything that is not a
// positive integer is a page that does not exist (404), not a bad request:
// a mistyped address should read like any other missing page.
func PathID(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, ErrNotFound
	}
	return id, nil
}
