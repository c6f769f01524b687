package interact

import (
	"slices"
	"strings"
	"time"

	"gongkai/internal/catalog"
	"gongkai/internal/workday"
)

// InterpretationForm is how a policy is explained. Inspection bulletins
// deduct for policy documents without 解读 and ask for 多元化解读 (text,
// graphics, video) linked both ways with the original (website-rules §1.5).
type InterpretationForm string

const (
	FormText    InterpretationForm = "text"    // 文字解读
	FormGraphic InterpretationForm = "graphic" // 图解
	FormVideo   InterpretationForm = "video"   // 视频解读
	FormQA      InterpretationForm = "qa"      // 问答
)

// InterpretationForms lists the forms in display order.
var InterpretationForms = []InterpretationForm{FormText, FormGraphic, FormVideo, FormQA}

// Label is the Chinese name of the form.
func (f InterpretationForm) Label() string {
	switch f {
	case FormText:
		return "文字解读"
	case FormGraphic:
		return "图解"
	case FormVideo:
		return "视频解读"
	case FormQA:
		return "问答"
	}
	return string(f)
}

// Interpretation links a policy document to one of its 解读: a document
// of the site (DocumentID) or a page elsewhere (URL, e.g. a video on the
// city's platform), never both.
type Interpretation struct {
	ID          int64
	SiteID      int64
	PolicyID    int64 // the interpreted document
	Form        InterpretationForm
	DocumentID  int64
	Title       string // for a link; a document's own title is used otherwise
	URL         string
	PublishedOn string // YYYY-MM-DD; the year the annual report counts it in
	CreatedAt   time.Time
}

// Validate checks a link as staff entered it.
func (i Interpretation) Validate() catalog.FieldErrors {
	fe := catalog.FieldErrors{}
	if i.PolicyID <= 0 {
		fe.Add("policy", "请选择被解读的政策文件")
	}
	if !slices.Contains(InterpretationForms, i.Form) {
		fe.Add("form", "请选择解读形式")
	}
	switch {
	case i.DocumentID > 0 && i.URL != "":
		fe.Add("url", "本站解读文件与外部链接只能选择一项")
	case i.DocumentID <= 0 && i.URL == "":
		fe.Add("document", "请选择本站的解读文件，或填写外部链接")
	case i.URL != "" && !SafeURL(i.URL):
		fe.Add("url", "链接须以 https:// 或 http:// 开头，或为本站以 / 开头的路径")
	}
	if i.DocumentID <= 0 {
		recordText(fe, "title", i.Title, true, 200, "解读标题")
	}
	recordDate(fe, "published_on", i.PublishedOn, true)
	if i.DocumentID > 0 && i.DocumentID == i.PolicyID {
		fe.Add("document", "解读文件不能是政策文件本身")
	}
	return fe
}

// SafeURL accepts web links and site paths only: a javascript: or data:
// link would run in the reader's browser.
func SafeURL(s string) bool {
	if len(s) > 500 || strings.ContainsAny(s, " <>\"'\\\n\r\t") {
		return false
	}
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://") ||
		(strings.HasPrefix(s, "/") && !strings.HasPrefix(s, "//"))
}

// IsPolicy reports whether a document must have an interpretation: 规章
// and 行政规范性文件 by genre, and whatever is published in a 政策文件
// column (国办发〔2016〕80号 via the bulletins: 政策性文件与解读方案、解读
// 材料同步组织、同步审签、同步部署).
func IsPolicy(g catalog.Genre, columnKind catalog.ColumnKind) bool {
	return g == catalog.GenreRule || g == catalog.GenreNormative || columnKind == catalog.KindPolicy
}

// UninterpretedLate reports whether a policy document published on
// publishedOn and still without an interpretation is past the grace of
// graceDays working days on today, and by how many working days.
func UninterpretedLate(cal *workday.Calendar, publishedOn, today workday.Date, graceDays int) (bool, int, error) {
	due, err := cal.AddWorkdays(publishedOn, graceDays)
	if err != nil {
		return false, 0, err
	}
	if !today.After(due) {
		return false, 0, nil
	}
	n, err := cal.WorkdaysBetween(due, today)
	return n > 0, n, err
}

// ConcernKind separates responses to hot topics from responses to
// 舆情 (the seed: "回应公众关注热点或重大舆情3次").
type ConcernKind string

const (
	ConcernHot     ConcernKind = "hot"     // 热点回应
	ConcernOpinion ConcernKind = "opinion" // 舆情回应
)

// ConcernKinds lists the kinds in display order.
var ConcernKinds = []ConcernKind{ConcernHot, ConcernOpinion}

// Label is the Chinese name of the kind.
func (k ConcernKind) Label() string {
	if k == ConcernOpinion {
		return "舆情回应"
	}
	return "热点回应"
}

// ConcernChannels are where a response went out.
var ConcernChannels = []string{"门户网站", "政务微信", "政务微博", "新闻发布会", "媒体采访", "在线访谈", "其他"}

// ConcernResponse is one response to a public concern.
type ConcernResponse struct {
	ID          int64
	SiteID      int64
	Kind        ConcernKind
	Topic       string // what the public was concerned about
	Channel     string
	RespondedOn string // YYYY-MM-DD
	Summary     string
	URL         string // where the response can be read
	CreatedAt   time.Time
}

// Validate checks a response as staff entered it.
func (c ConcernResponse) Validate() catalog.FieldErrors {
	fe := catalog.FieldErrors{}
	if !slices.Contains(ConcernKinds, c.Kind) {
		fe.Add("kind", "请选择回应类型")
	}
	if !slices.Contains(ConcernChannels, c.Channel) {
		fe.Add("channel", "请选择回应渠道")
	}
	recordText(fe, "topic", c.Topic, true, 200, "关注事项")
	recordText(fe, "summary", c.Summary, false, 2000, "回应内容摘要")
	recordDate(fe, "responded_on", c.RespondedOn, true)
	if c.URL != "" && !SafeURL(c.URL) {
		fe.Add("url", "链接须以 https:// 或 http:// 开头，或为本站以 / 开头的路径")
	}
	return fe
}
