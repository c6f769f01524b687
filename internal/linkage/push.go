package linkage

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"gongkai/internal/catalog"
)

// Events of a push, in the payload's "event" and the X-Gongkai-Event
// header (the store queues each as it happens: store.Webhook*).
const (
	EventPublish   = "published" // a document published on the site
	EventUpdated   = "updated"   // its content changed after publication (变更日期)
	EventValidity  = "validity"  // its 有效性 changed (修改、废止、失效)
	EventWithdrawn = "withdrawn" // it was withdrawn (撤稿): the city removes it
)

// Payload is the JSON body of a push: one published document with the
// metadata of website-rules §4.6, its full text, attachments and address,
// so the city's 规范性文件库 can take it without visiting our pages
// (website-rules §4.4, implementation requirement 3).
type Payload struct {
	Event       string              `json:"event"` // published | updated | validity | withdrawn
	DeliveryID  int64               `json:"delivery_id"`
	Site        PayloadSite         `json:"site"`
	Document    PayloadDocument     `json:"document"`
	Attachments []PayloadAttachment `json:"attachments"`
}

// PayloadSite names the publishing site.
type PayloadSite struct {
	Name       string `json:"name"`
	USCC       string `json:"uscc"`         // 统一社会信用代码
	SiteIDCode string `json:"site_id_code"` // 政府网站标识码
}

// PayloadDocument is the document.
type PayloadDocument struct {
	IndexNo     string `json:"index_no"` // 索引号
	Title       string `json:"title"`
	DocNo       string `json:"doc_no"` // 文号
	Issuer      string `json:"issuer"` // 发布机构
	Topic       string `json:"topic"`  // 主题分类
	Genre       string `json:"genre"`  // rule | normative | other
	GenreLabel  string `json:"genre_label"`
	WrittenOn   string `json:"written_on"` // 成文日期
	PublishedAt string `json:"published_at"`
	Validity    string `json:"validity"` // 有效性
	ValidityOn  string `json:"validity_on"`
	ReplacedBy  string `json:"replaced_by,omitempty"` // the amending or repealing document's address
	ChangedOn   string `json:"changed_on,omitempty"`  // 变更日期
	URL         string `json:"url"`
	Summary     string `json:"summary"`
	BodyHTML    string `json:"body_html"`
}

// PayloadAttachment is one attachment, with its address and checksum.
type PayloadAttachment struct {
	Name   string `json:"name"`
	URL    string `json:"url"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// BuildPayload is the push body of d on site s; base is the site's public
// address (absolute URLs are required: the receiver is another system).
func BuildPayload(deliveryID int64, s catalog.Site, d catalog.Document, base string) ([]byte, error) {
	return BuildEventPayload(deliveryID, EventPublish, s, d, base)
}

// BuildEventPayload is the push body of event about d. A withdrawal
// names the document but carries neither its text nor its attachments:
// a document is withdrawn when it must not be public, so its content must
// not leave in the very message that says so.
func BuildEventPayload(deliveryID int64, event string, s catalog.Site, d catalog.Document, base string) ([]byte, error) {
	if event == EventWithdrawn {
		d.Summary, d.BodyHTML, d.Attachments = "", "", nil
	}
	p := Payload{Event: event, DeliveryID: deliveryID,
		Site: PayloadSite{Name: s.Name, USCC: s.USCC, SiteIDCode: s.SiteIDCode},
		Document: PayloadDocument{IndexNo: d.IndexNo, Title: d.Title, DocNo: d.DocNo, Issuer: d.Issuer, Topic: d.Topic,
			Genre: string(d.Genre), GenreLabel: d.Genre.Label(), WrittenOn: d.WrittenOn,
			PublishedAt: d.PublishedAt.In(china).Format(time.RFC3339), Validity: string(d.Validity), ValidityOn: d.ValidityOn,
			URL: base + "/doc/" + strconv.FormatInt(d.ID, 10), Summary: d.Summary, BodyHTML: d.BodyHTML},
		Attachments: []PayloadAttachment{}}
	if d.ReplacedBy != 0 {
		p.Document.ReplacedBy = base + "/doc/" + strconv.FormatInt(d.ReplacedBy, 10)
	}
	p.Document.ChangedOn = d.ChangedOn
	for _, a := range d.Attachments {
		p.Attachments = append(p.Attachments, PayloadAttachment{Name: a.Name, Size: a.Size, SHA256: a.SHA256,
			URL: fmt.Sprintf("%s/files/%d/%s", base, a.ID, url.PathEscape(a.Name))})
	}
	return json.Marshal(p)
}

// Pusher sends signed pushes. The zero value is usable.
type Pusher struct {
	Client *http.Client // nil: a client with a 20 s timeout
}

// Push posts body to target signed with secret at now. It returns the HTTP
// status (0 when none arrived) and, for anything but a 2xx answer, an
// *Error with the Chinese message of the delivery log. The secret never
// appears in an error.
func (p Pusher) Push(ctx context.Context, target string, secret []byte, deliveryID int64, event string, body []byte, now time.Time) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, target, bytes.NewReader(body))
	if err != nil {
		return 0, fail("推送地址无效", err)
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	req.Header.Set("User-Agent", "Gongkai-Push/1.0")
	req.Header.Set(HeaderEvent, event)
	req.Header.Set(HeaderDelivery, strconv.FormatInt(deliveryID, 10))
	req.Header.Set(HeaderTimestamp, strconv.FormatInt(now.Unix(), 10))
	req.Header.Set(HeaderSignature, Sign(secret, now, body))
	client := p.Client
	if client == nil {
		client = &http.Client{Timeout: 20 * time.Second}
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, transportError(err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	switch {
	case resp.StatusCode >= 200 && resp.StatusCode < 300:
		return resp.StatusCode, nil
	case resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden:
		return resp.StatusCode, fail(fmt.Sprintf("对方拒绝接收（HTTP %d），请核对签名密钥", resp.StatusCode), fmt.Errorf("status %d", resp.StatusCode))
	case resp.StatusCode >= 500:
		return resp.StatusCode, fail(fmt.Sprintf("对方平台服务器错误（HTTP %d），稍后自动重试", resp.StatusCode), fmt.Errorf("status %d", resp.StatusCode))
	}
	return resp.StatusCode, fail(fmt.Sprintf("对方平台返回异常状态（HTTP %d）", resp.StatusCode), fmt.Errorf("status %d", resp.StatusCode))
}
