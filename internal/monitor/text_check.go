package monitor

import (
	"context"
	"fmt"
	"strings"
	"time"

	"golang.org/x/net/html"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
)

// textCheck is 错别字 and 敏感词 in everything published: titles, summaries
// and bodies. A 严重表述错误 is veto item 1, and typos cost points; a
// 敏感词 is shown for a person to judge (a gambling term on a bureau's site
// is a tampering sign, but can be a legitimate crackdown notice).
type textCheck struct{}

func (textCheck) Name() string         { return "text" }
func (textCheck) Title() string        { return "错别字与敏感词" }
func (textCheck) Every() time.Duration { return 24 * time.Hour }

// Offset runs the scan at 01:00, before the office starts work.
func (textCheck) Offset() time.Duration { return time.Hour }

func (textCheck) Run(ctx context.Context, env *Env) (Report, error) {
	var rep Report
	list, err := LoadWords(ctx, env.Store)
	if err != nil {
		return rep, err
	}
	words, _ := ParseWords(list) // a stored list was checked when saved
	sc := NewScanner(words)
	sites, err := env.Store.Sites(ctx)
	if err != nil {
		return rep, err
	}
	bases := siteBases(sites)
	docs := 0
	for _, site := range sites {
		var after int64
		for {
			batch, err := env.Store.MonitorDocuments(ctx, site.ID, after, 200, true)
			if err != nil {
				return rep, err
			}
			if len(batch) == 0 {
				break
			}
			for _, d := range batch {
				docs++
				url := ""
				if env.SiteURL != "" {
					url = fmt.Sprintf("%s%s/doc/%d", env.SiteURL, bases[site.ID], d.ID)
				}
				rep.Findings = append(rep.Findings, textFindings(sc, d, url)...)
				after = d.ID
			}
		}
	}
	rep.Summary = fmt.Sprintf("检查已发布信息%d条（词表%d条），发现问题%d处", docs, len(words), len(rep.Findings))
	return rep, nil
}

// textFindings scans one document; each word found is one finding however
// often it occurs in the document.
func textFindings(sc *Scanner, d catalog.Document, url string) []store.MonitorFinding {
	text := d.Title + "\n" + d.Summary + "\n" + PlainText(d.BodyHTML)
	var out []store.MonitorFinding
	index := map[string]int{}
	for _, h := range sc.Scan(text) {
		if i, ok := index[h.Word.Text]; ok {
			out[i].Detail = strings.Replace(out[i].Detail, "出现", "多次出现", 1)
			continue
		}
		f := store.MonitorFinding{Key: fmt.Sprintf("text:%d:%s", d.ID, h.Word.Text), SiteID: d.SiteID, ColumnID: d.ColumnID,
			OrgID: d.OrgID, DocumentID: d.ID, URL: url, Detail: "出现于：“" + h.Context + "”"}
		if h.Word.Sensitive {
			f.Kind, f.Severity = "sensitive", SevWarn
			f.Message = fmt.Sprintf("《%s》含敏感词“%s”，请核实页面是否被篡改或误发", d.Title, h.Word.Text)
		} else {
			f.Kind, f.Severity = "typo", SevDeduct
			f.Message = fmt.Sprintf("《%s》中“%s”应为“%s”", d.Title, h.Word.Text, h.Word.Suggest)
		}
		index[h.Word.Text] = len(out)
		out = append(out, f)
	}
	return out
}

// PlainText is the visible text of an HTML fragment (a document body).
func PlainText(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	for {
		switch z.Next() {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			b.Write(z.Text())
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			// Block boundaries must not join words across paragraphs; inline
			// markup (a bold character) must not split a word.
			if name, _ := z.TagName(); !inlineTags[string(name)] {
				b.WriteByte('\n')
			}
		}
	}
}

var inlineTags = map[string]bool{"a": true, "b": true, "i": true, "u": true, "s": true, "em": true, "strong": true,
	"span": true, "font": true, "sub": true, "sup": true, "strike": true, "mark": true, "small": true}
