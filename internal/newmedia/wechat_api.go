package newmedia

import (
	"bytes"
	"context"
	"fmt"
	"mime/multipart"
)

// Article is one article of a draft (draft/add).
type Article struct {
	Title            string `json:"title"`
	Author           string `json:"author,omitempty"`
	Digest           string `json:"digest,omitempty"`
	Content          string `json:"content"`
	ContentSourceURL string `json:"content_source_url,omitempty"` // 阅读原文: the document on the portal
	ThumbMediaID     string `json:"thumb_media_id"`
	NeedOpenComment  int    `json:"need_open_comment"`
	OnlyFansComment  int    `json:"only_fans_can_comment"`
}

// Publication states of freepublish/get.
const (
	PubOK           = 0
	PubPublishing   = 1
	PubOriginalFail = 2
	PubFailed       = 3
	PubRejected     = 4
	PubDeleted      = 5
	PubBanned       = 6
)

// Publication is the state of a submitted publication.
type Publication struct {
	PublishID string `json:"publish_id"`
	Status    int    `json:"publish_status"`
	ArticleID string `json:"article_id"`
	Detail    struct {
		Count int `json:"count"`
		Items []struct {
			Idx int    `json:"idx"`
			URL string `json:"article_url"`
		} `json:"item"`
	} `json:"article_detail"`
	FailIdx []int `json:"fail_idx"`
}

// URL is the address of the first article, once published.
func (p Publication) URL() string {
	if len(p.Detail.Items) > 0 {
		return p.Detail.Items[0].URL
	}
	return ""
}

// StatusMessage is the Chinese meaning of the publication state.
func (p Publication) StatusMessage() string {
	switch p.Status {
	case PubOK:
		return "发布成功"
	case PubPublishing:
		return "发布中，微信公众平台正在审核"
	case PubOriginalFail:
		return "原创声明审核未通过，发布失败"
	case PubFailed:
		return "发布失败（常规失败），请在公众平台查看原因"
	case PubRejected:
		return "平台审核不通过，发布失败"
	case PubDeleted:
		return "发布成功后，文章已被公众号管理员删除"
	case PubBanned:
		return "发布成功后，文章已被微信公众平台封禁"
	}
	return fmt.Sprintf("未知的发布状态（%d）", p.Status)
}

// UploadImage adds a permanent image material (material/add_material), as
// a draft's cover must be one. Counted against the publish limit.
func (c *WeChat) UploadImage(ctx context.Context, name string, data []byte) (string, error) {
	if err := c.take(ctx, "upload", "上传图片", c.limits.Publish); err != nil {
		return "", err
	}
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, err := mw.CreateFormFile("media", name)
	if err == nil {
		_, err = fw.Write(data)
	}
	if err == nil {
		err = mw.Close()
	}
	if err != nil {
		return "", err
	}
	var out struct {
		MediaID string `json:"media_id"`
	}
	// Not repeated after a network failure: the image may have been stored.
	err = c.call(ctx, "material/add_material", "&type=image", false, buf.Bytes(), mw.FormDataContentType(), &out)
	return out.MediaID, err
}

// AddDraft stores articles as a draft (draft/add).
func (c *WeChat) AddDraft(ctx context.Context, articles []Article) (string, error) {
	if err := c.take(ctx, "draft", "新建草稿", c.limits.Publish); err != nil {
		return "", err
	}
	var out struct {
		MediaID string `json:"media_id"`
	}
	err := c.call(ctx, "draft/add", "", false, map[string]any{"articles": articles}, "", &out)
	return out.MediaID, err
}

// SubmitPublish submits a draft for publication (freepublish/submit).
func (c *WeChat) SubmitPublish(ctx context.Context, mediaID string) (string, error) {
	if err := c.take(ctx, "publish", "发布", c.limits.Publish); err != nil {
		return "", err
	}
	var out struct {
		PublishID string `json:"publish_id"`
	}
	err := c.call(ctx, "freepublish/submit", "", false, map[string]string{"media_id": mediaID}, "", &out)
	return out.PublishID, err
}

// PublishStatus asks how a publication stands (freepublish/get). Reading
// changes nothing, so it is retried and not counted.
func (c *WeChat) PublishStatus(ctx context.Context, publishID string) (Publication, error) {
	var out Publication
	err := c.call(ctx, "freepublish/get", "", true, map[string]string{"publish_id": publishID}, "", &out)
	return out, err
}

// CreateMenu replaces the custom menu (menu/create); sending the same
// menu twice leaves the same menu, so it is retried.
func (c *WeChat) CreateMenu(ctx context.Context, m Menu) error {
	if err := m.Validate(); err != nil {
		return err
	}
	if err := c.take(ctx, "menu", "菜单更新", c.limits.Menu); err != nil {
		return err
	}
	return c.call(ctx, "menu/create", "", true, m, "", nil)
}
