package newmedia

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
)

// Service publishes documents to the accounts of the register and keeps
// the posts. It holds one client per account, so access tokens are cached
// across requests.
type Service struct {
	Store *store.Store
	Now   func() time.Time
	HTTP  *http.Client // nil: a client with a 30 s timeout

	mu      sync.Mutex
	clients map[int64]cached
}

type cached struct {
	key string // the connection the client was made for
	p   *WeChat
}

// ErrNotConnected is an account without a complete API connection.
var ErrNotConnected = errors.New("该账号尚未配置微信公众号接口（接口地址、AppID 和 AppSecret），无法通过接口发布")

// storeCounter counts an account's calls in the store.
type storeCounter struct {
	st *store.Store
	id int64
}

func (c storeCounter) Take(ctx context.Context, day, api string, limit int) (bool, error) {
	_, ok, err := c.st.TakeMediaQuota(ctx, c.id, day, api, limit)
	return ok, err
}

// Client is the API client of an account, made once per connection.
func (s *Service) Client(ctx context.Context, a store.MediaAccount) (*WeChat, error) {
	if !a.Connected() {
		return nil, ErrNotConnected
	}
	sec, err := s.Store.MediaAppSecret(ctx, a.ID)
	if err != nil {
		return nil, err
	}
	h := sha256.Sum256([]byte(a.APIBase + "\x00" + a.AppID + "\x00" + sec + fmt.Sprintf("\x00%d\x00%d", a.PublishLimit, a.MenuLimit)))
	key := string(h[:])
	s.mu.Lock()
	defer s.mu.Unlock()
	if c, ok := s.clients[a.ID]; ok && c.key == key {
		return c.p, nil
	}
	if s.clients == nil {
		s.clients = map[int64]cached{}
	}
	p := NewWeChat(Config{Base: a.APIBase, AppID: a.AppID, Secret: sec}, s.HTTP, s.Now, storeCounter{s.Store, a.ID},
		Limits{Publish: a.PublishLimit, Menu: a.MenuLimit})
	s.clients[a.ID] = cached{key: key, p: p}
	return p, nil
}

// Draft is what staff confirm before publishing a document.
type Draft struct {
	Title  string
	Author string
	Digest string
	// SourceURL is the document's address on the portal (阅读原文).
	SourceURL string
}

// Check validates a draft against the platform's field limits.
func (d Draft) Check() catalog.FieldErrors {
	fe := catalog.FieldErrors{}
	if n := utf8.RuneCountInString(d.Title); n == 0 || n > 64 {
		fe.Add("title", "请填写标题，不超过 64 个字")
	}
	if utf8.RuneCountInString(d.Author) > 8 {
		fe.Add("author", "作者不超过 8 个字")
	}
	if utf8.RuneCountInString(d.Digest) > 120 {
		fe.Add("digest", "摘要不超过 120 个字")
	}
	return fe
}

// article turns a published document into the draft's article: the
// sanitised body with a line pointing to the original on the portal.
func article(doc catalog.Document, d Draft, cover string) Article {
	body := doc.BodyHTML
	if strings.TrimSpace(body) == "" {
		body = "<p>" + templateEscape(doc.Summary) + "</p>"
	}
	if d.SourceURL != "" {
		body += `<p>原文链接：<a href="` + templateEscape(d.SourceURL) + `">` + templateEscape(d.SourceURL) + `</a></p>`
	}
	return Article{Title: d.Title, Author: d.Author, Digest: d.Digest, Content: body, ContentSourceURL: d.SourceURL,
		ThumbMediaID: cover, NeedOpenComment: 1}
}

// Publish sends a published document to the account: the cover (uploaded
// once per account), a draft, the submission, and a first status query.
// The post is recorded as soon as the draft exists, so a failed submission
// can be retried with the same draft instead of creating another.
func (s *Service) Publish(ctx context.Context, a store.MediaAccount, doc catalog.Document, d Draft, userID int64) (store.MediaPost, error) {
	post := store.MediaPost{AccountID: a.ID, DocumentID: doc.ID, Title: d.Title, UserID: userID}
	if doc.State != catalog.StatePublished {
		return post, errors.New("只有已发布的信息才能推送到公众号")
	}
	p, err := s.Client(ctx, a)
	if err != nil {
		return post, err
	}
	cover := a.CoverMediaID
	if cover == "" {
		if cover, err = p.UploadImage(ctx, "cover.png", DefaultCover()); err != nil {
			return post, err
		}
		if err := s.Store.SetMediaCover(ctx, a.ID, cover); err != nil {
			return post, err
		}
	}
	if post.MediaID, err = p.AddDraft(ctx, []Article{article(doc, d, cover)}); err != nil {
		return post, err
	}
	post.Status = store.PostDrafted
	if post.ID, err = s.Store.CreateMediaPost(ctx, post); err != nil {
		return post, err
	}
	return s.Submit(ctx, a, post)
}

// Submit submits a post's draft for publication (again, after a failure)
// and asks for its status once.
func (s *Service) Submit(ctx context.Context, a store.MediaAccount, post store.MediaPost) (store.MediaPost, error) {
	p, err := s.Client(ctx, a)
	if err != nil {
		return post, err
	}
	pub, err := p.SubmitPublish(ctx, post.MediaID)
	if err != nil {
		post.Status, post.Error = store.PostFailed, err.Error()
		if uerr := s.Store.UpdateMediaPost(ctx, post); uerr != nil {
			return post, uerr
		}
		return post, err
	}
	post.Status, post.PublishID, post.Error = store.PostPublishing, pub, ""
	if err := s.Store.UpdateMediaPost(ctx, post); err != nil {
		return post, err
	}
	return s.Refresh(ctx, a, post)
}

// Refresh asks the platform how a submitted post stands and records it.
// A published post becomes the document's 政务微信 channel record.
func (s *Service) Refresh(ctx context.Context, a store.MediaAccount, post store.MediaPost) (store.MediaPost, error) {
	if post.PublishID == "" {
		return post, nil
	}
	p, err := s.Client(ctx, a)
	if err != nil {
		return post, err
	}
	st, err := p.PublishStatus(ctx, post.PublishID)
	if err != nil {
		return post, err
	}
	switch st.Status {
	case PubPublishing:
		return post, nil
	case PubOK, PubDeleted, PubBanned:
		// 5 and 6: it did go out (and counts), then was removed.
		post.Status, post.ArticleID = store.PostPublished, st.ArticleID
		if u := st.URL(); u != "" {
			post.URL = u
		}
		if post.PostedOn == "" {
			post.PostedOn = s.Now().In(china).Format("2006-01-02")
		}
		post.Error = ""
		if st.Status != PubOK {
			post.Error = st.StatusMessage()
		}
	default:
		post.Status, post.Error = store.PostFailed, st.StatusMessage()
	}
	return post, s.Store.UpdateMediaPost(ctx, post)
}

// RefreshOpen refreshes every post still being checked by the platform
// (the background loop calls it); it returns how many it asked about.
func (s *Service) RefreshOpen(ctx context.Context) (int, error) {
	posts, err := s.Store.MediaPosts(ctx, store.MediaPostFilter{Status: store.PostPublishing, Limit: 200})
	if err != nil {
		return 0, err
	}
	// Posts share few accounts: read each once per pass.
	accounts := map[int64]store.MediaAccount{}
	for _, post := range posts {
		a, ok := accounts[post.AccountID]
		if !ok {
			if a, err = s.Store.MediaAccount(ctx, post.AccountID); err != nil {
				return 0, err
			}
			accounts[post.AccountID] = a
		}
		if _, err := s.Refresh(ctx, a, post); err != nil {
			return 0, err
		}
	}
	return len(posts), nil
}

// UpdateMenu sends the menu and keeps it as the account's current menu.
func (s *Service) UpdateMenu(ctx context.Context, a store.MediaAccount, m Menu) error {
	p, err := s.Client(ctx, a)
	if err != nil {
		return err
	}
	if err := p.CreateMenu(ctx, m); err != nil {
		return err
	}
	js, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return s.Store.SetMediaMenu(ctx, a.ID, string(js))
}

// MenuOf is the account's stored menu, or the default one for base.
func MenuOf(a store.MediaAccount, base string) Menu {
	var m Menu
	if a.MenuJSON != "" && json.Unmarshal([]byte(a.MenuJSON), &m) == nil && len(m.Buttons) > 0 {
		return m
	}
	return DefaultMenu(base)
}

func templateEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}
