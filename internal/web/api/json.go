package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"gongkai/internal/catalog"
)

// maxBody is the largest accepted request body: an application is a few
// kilobytes of text; attachments are not sent through this API.
const maxBody = 64 << 10

// fieldError is one entry of the "errors" list.
type fieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

type errorBody struct {
	Errors []fieldError `json:"errors"`
}

// writeJSON writes v. encoding/json escapes <, > and & as \u003c…, so text
// an applicant typed (a <script> tag in the description) cannot run when a
// client drops the JSON into a page.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status, b = http.StatusInternalServerError, []byte(`{"errors":[{"field":"","message":"系统繁忙，请稍后再试"}]}`)
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

func writeError(w http.ResponseWriter, status int, field, msg string) {
	writeJSON(w, status, errorBody{Errors: []fieldError{{Field: field, Message: msg}}})
}

func writeRetry(w http.ResponseWriter, wait time.Duration, msg string) {
	w.Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds())+1))
	writeError(w, http.StatusTooManyRequests, "", msg)
}

// fieldOrder is the order of the form, so errors are listed top to bottom.
var fieldOrder = []string{
	"applicant.kind", "applicant.name", "applicant.id_type", "applicant.id_number", "applicant.contact_name",
	"applicant.phone", "applicant.email", "applicant.address", "applicant.post_code", "applicant.agent.name",
	"applicant.agent.phone", "description", "doc_no", "delivery.form", "delivery.method",
}

// writeFieldErrors answers 422 with every field's message, in form order.
func writeFieldErrors(w http.ResponseWriter, fe catalog.FieldErrors) {
	out := make([]fieldError, 0, len(fe))
	for f, m := range fe {
		out = append(out, fieldError{Field: f, Message: m})
	}
	rank := func(f string) int {
		if i := slices.Index(fieldOrder, f); i >= 0 {
			return i
		}
		return len(fieldOrder)
	}
	slices.SortFunc(out, func(a, b fieldError) int {
		if d := rank(a.Field) - rank(b.Field); d != 0 {
			return d
		}
		return strings.Compare(a.Field, b.Field)
	})
	writeJSON(w, http.StatusUnprocessableEntity, errorBody{Errors: out})
}

// decode reads a JSON body of at most maxBody bytes into v, answering the
// client itself (and returning false) when it cannot.
func decode(w http.ResponseWriter, r *http.Request, v any) bool {
	ct, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || ct != "application/json" {
		writeError(w, http.StatusUnsupportedMediaType, "", "请以 application/json 格式提交")
		return false
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBody))
	if err := dec.Decode(v); err != nil {
		var mbe *http.MaxBytesError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &mbe):
			writeError(w, http.StatusRequestEntityTooLarge, "", fmt.Sprintf("请求内容超过 %d KB", maxBody>>10))
		case errors.As(err, &te):
			writeError(w, http.StatusBadRequest, te.Field, "字段类型不正确，应为文本")
		default:
			writeError(w, http.StatusBadRequest, "", "请求内容不是有效的 JSON")
		}
		return false
	}
	if dec.More() {
		writeError(w, http.StatusBadRequest, "", "请求内容只能包含一个 JSON 对象")
		return false
	}
	return true
}
