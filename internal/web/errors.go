package web

import (
	"errors"
	"net/http"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/disclosure"
	"gongkai/internal/store"
	"gongkai/internal/workday"
)

// Error is an error with the HTTP status and the Chinese message a user
// sees. Handlers return these (or domain errors mapped below); the cause of
// anything else is logged once and the user sees a generic 500 page.
type Error struct {
	Status  int
	Message string
}

func (e *Error) Error() string { return e.Message }

// Errors every handler can use.
var (
	ErrNotFound     = &Error{http.StatusNotFound, "您访问的页面不存在或已被删除"}
	ErrForbidden    = &Error{http.StatusForbidden, "您没有权限执行此操作"}
	ErrCrossOrigin  = &Error{http.StatusForbidden, "请求来自其他网站，已被拒绝。请从本站页面重新提交"}
	ErrTooLarge     = &Error{http.StatusRequestEntityTooLarge, "上传的文件太大"}
	ErrBadRequest   = &Error{http.StatusBadRequest, "请求有误，请返回重试"}
	ErrConflict     = &Error{http.StatusConflict, "该内容已被他人处理，请刷新后查看最新状态"}
	ErrInternal     = &Error{http.StatusInternalServerError, "系统繁忙，请稍后再试。如果问题持续出现，请联系网站管理员"}
	ErrUnauthorized = &Error{http.StatusUnauthorized, "请先登录"}
)

// classify maps any error to the status and message shown, and whether it
// is an unexpected failure to log.
func classify(err error) (*Error, bool) {
	var e *Error
	switch {
	case errors.As(err, &e):
		return e, e.Status >= 500
	case errors.Is(err, store.ErrNotFound):
		return ErrNotFound, false
	case errors.Is(err, store.ErrConflict):
		return ErrConflict, false
	case errors.Is(err, catalog.ErrWrongState), errors.Is(err, catalog.ErrReasonRequired),
		errors.Is(err, catalog.ErrSecrecyRequired), errors.Is(err, catalog.ErrSameReviewer):
		return &Error{http.StatusConflict, err.Error()}, false
	case errors.Is(err, disclosure.ErrNotAllowed): // a refused case step: the rule's Chinese sentence
		return &Error{http.StatusConflict, err.Error()}, false
	case errors.Is(err, workday.ErrYearNotCovered):
		return &Error{http.StatusUnprocessableEntity, err.Error()}, false
	case errors.Is(err, auth.ErrWeakPassword):
		return &Error{http.StatusBadRequest, err.Error()}, false
	}
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return ErrTooLarge, false
	}
	return ErrInternal, true
}
