package demo

import (
	"context"
	"fmt"
	"strings"
	"time"

	"gongkai/internal/auth"
	"gongkai/internal/catalog"
	"gongkai/internal/interact"
	"gongkai/internal/store"
)

// demoInterpretations links 2023's policy documents to their 解读: the
// text 解读 the generator wrote for normative documents, and new 图解, 问答
// and 视频 pages (多元化解读), 29 in all as the seed reports ("通过不同渠道和
// 方式回应解读29次"). New pages go through the review workflow's store call
// (Transition), so they get their 索引号 and are in lists, feeds and search.
func demoInterpretations(ctx context.Context, st *store.Store, sum Summary, reviewerID int64, is *InteractionSummary) error {
	cols, err := st.Columns(ctx, sum.SiteID)
	if err != nil {
		return err
	}
	var policyCol, readCol int64
	for _, c := range cols {
		switch c.Slug {
		case "zcwj":
			policyCol = c.ID
		case "zcjd":
			readCol = c.ID
		}
	}
	published := []catalog.State{catalog.StatePublished}
	policies, _, err := st.Documents(ctx, store.DocumentFilter{SiteID: sum.SiteID, ColumnIDs: []int64{policyCol}, Year: 2023, States: published, Limit: 100})
	if err != nil {
		return err
	}
	readings, _, err := st.Documents(ctx, store.DocumentFilter{SiteID: sum.SiteID, ColumnIDs: []int64{readCol}, Year: 2023, States: published, Limit: 100})
	if err != nil {
		return err
	}
	link := func(p catalog.Document, form interact.InterpretationForm, docID int64, on time.Time) error {
		_, err := st.CreateInterpretation(ctx, interact.Interpretation{SiteID: sum.SiteID, PolicyID: p.ID, Form: form,
			DocumentID: docID, PublishedOn: on.In(china).Format("2006-01-02")})
		if err == nil {
			is.Interpretations++
		}
		return err
	}
	// Forms per policy: text for all, 图解 and 问答 for all, 视频 for the
	// normative ones, stopping at the seed's 29.
	const want = 29
	for _, form := range []interact.InterpretationForm{interact.FormText, interact.FormGraphic, interact.FormQA, interact.FormVideo} {
		for _, p := range policies {
			if is.Interpretations >= want {
				return nil
			}
			if form == interact.FormVideo && p.Genre != catalog.GenreNormative {
				continue
			}
			name := policyName(p.Title)
			if form == interact.FormText {
				if r, ok := findReading(readings, name); ok {
					if err := link(p, form, r.ID, r.PublishedAt); err != nil {
						return err
					}
					continue
				}
			}
			on := p.PublishedAt.AddDate(0, 0, 1)
			id, err := demoReadingDoc(ctx, st, p, readCol, form, name, on, reviewerID)
			if err != nil {
				return err
			}
			if err := link(p, form, id, on); err != nil {
				return err
			}
		}
	}
	if is.Interpretations != want {
		return fmt.Errorf("演示政策解读只有%d条（2023年政策文件不足）", is.Interpretations)
	}
	return nil
}

func findReading(rs []catalog.Document, name string) (catalog.Document, bool) {
	for _, r := range rs {
		if strings.Contains(r.Title, "《"+name+"》") {
			return r, true
		}
	}
	return catalog.Document{}, false
}

// demoReadingDoc creates and publishes one 解读 page of form for policy p.
func demoReadingDoc(ctx context.Context, st *store.Store, p catalog.Document, col int64, form interact.InterpretationForm,
	name string, on time.Time, reviewerID int64) (int64, error) {
	title := fmt.Sprintf("%s：《%s》", form.Label(), name)
	body := map[interact.InterpretationForm]string{
		interact.FormText:    "<p>一、制定背景。</p><p>二、主要内容。</p><p>三、政策亮点和适用对象。</p>",
		interact.FormGraphic: "<p>一图读懂：支持对象、支持标准、申报流程和办理时限。</p>",
		interact.FormQA:      "<p>问：哪些企业可以申报？</p><p>答：在本市注册登记、具有独立法人资格的工业企业。</p><p>问：什么时候申报？</p><p>答：以当年申报通知为准。</p>",
		interact.FormVideo:   "<p>本视频由政策起草科室负责人解读政策要点（时长约5分钟）。</p>",
	}[form]
	d := catalog.Document{SiteID: p.SiteID, ColumnID: col, OrgID: p.OrgID, Title: title, Summary: "政策文件的" + form.Label(),
		BodyHTML: body, Topic: p.Topic, Issuer: Agency.Name, Genre: catalog.GenreOther, WrittenOn: on.In(china).Format("2006-01-02"),
		Validity: catalog.Valid}
	id, err := st.CreateDocument(ctx, d)
	if err != nil {
		return 0, fmt.Errorf("创建演示解读 %s: %w", title, err)
	}
	_, err = st.Transition(ctx, id, catalog.StateDraft, catalog.StatePublished,
		catalog.Decision{Action: catalog.ActFinalApprove, SecrecyChecked: true, Now: on, ActorID: reviewerID}, 0, auth.AuditEntry{})
	return id, err
}
