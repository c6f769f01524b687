package notice

import (
	"context"
	"fmt"
	"strings"

	"gongkai/internal/disclosure"
)

// Settings is where templates are kept: store.Store's key-value settings.
type Settings interface {
	Setting(ctx context.Context, key string) (value string, ok bool, err error)
	SetSetting(ctx context.Context, key, value string) error
}

// templateKey names a site's template of k. An empty stored value means
// the shipped default (after a reset).
func templateKey(siteID int64, k disclosure.NoticeKind) string {
	return fmt.Sprintf("notice.template.%d.%s", siteID, k)
}

// Template returns the site's template of k, or the shipped default;
// custom reports whether the site edited it.
func Template(ctx context.Context, st Settings, siteID int64, k disclosure.NoticeKind) (text string, custom bool, err error) {
	def, ok := Default(k)
	if !ok {
		return "", false, fmt.Errorf("notice: unknown kind %q", k)
	}
	v, ok, err := st.Setting(ctx, templateKey(siteID, k))
	if err != nil {
		return "", false, err
	}
	if !ok || strings.TrimSpace(v) == "" {
		return def, false, nil
	}
	return v, true, nil
}

// SaveTemplate validates text (a *TemplateError says why it is refused)
// and stores it as the site's template of k.
func SaveTemplate(ctx context.Context, st Settings, siteID int64, k disclosure.NoticeKind, text string) error {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	if err := Validate(k, text); err != nil {
		return err
	}
	return st.SetSetting(ctx, templateKey(siteID, k), text)
}

// ResetTemplate goes back to the shipped default.
func ResetTemplate(ctx context.Context, st Settings, siteID int64, k disclosure.NoticeKind) error {
	if _, ok := Default(k); !ok {
		return fmt.Errorf("notice: unknown kind %q", k)
	}
	return st.SetSetting(ctx, templateKey(siteID, k), "")
}

// RenderFor renders in with the site's current template of in.Kind.
func RenderFor(ctx context.Context, st Settings, siteID int64, in Input) (Notice, error) {
	text, _, err := Template(ctx, st, siteID, in.Kind)
	if err != nil {
		return Notice{}, err
	}
	return Render(in, text)
}
