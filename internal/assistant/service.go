package assistant

import (
	"context"
	"net/url"
	"slices"
	"strings"

	"gongkai/internal/search"
	"gongkai/internal/store"
)

// KindService is an answer pointing to a 办事服务 item's guide.
const KindService Kind = "service"

// serviceIntent marks a question about getting something done
// (怎么办理…, …需要什么材料, …在哪办).
var serviceIntent = []string{"办理", "怎么办", "如何办", "怎么申请", "如何申请", "申请条件", "申报", "备案", "认定", "材料",
	"流程", "手续", "在哪办", "去哪办", "多久能", "几个工作日", "收费吗", "要钱吗"}

// serviceNoise are the intent's own words: they say how, not what, so
// they do not count towards matching an item's name.
var serviceNoise = map[string]bool{"办理": true, "申请": true, "申报": true, "材料": true, "流程": true, "手续": true,
	"需要": true, "提交": true, "哪些": true, "所需": true, "条件": true, "时间": true, "地点": true, "收费": true}

// fromServices answers "怎么办理…" with the service item whose name covers
// the question's subject: its steps, time limit and a link to its guide,
// where the forms are. ok is false when no item covers it well enough.
func (a *Assistant) fromServices(ctx context.Context, site Site, q string) (Answer, bool, error) {
	if !slices.ContainsFunc(serviceIntent, func(w string) bool { return strings.Contains(q, w) }) {
		return Answer{}, false, nil
	}
	items, _, err := a.st.ServiceItems(ctx, store.ServiceItemFilter{SiteID: site.ID, PublishedOnly: true, Limit: 500})
	if err != nil || len(items) == 0 {
		return Answer{}, false, err
	}
	seg, err := search.Default()
	if err != nil {
		return Answer{}, false, err
	}
	var words []string
	for _, w := range keywords(seg, q) {
		if !serviceNoise[w] {
			words = append(words, w)
		}
	}
	if len(words) == 0 {
		return Answer{}, false, nil
	}
	weights, err := a.st.SearchWeights(ctx, words)
	if err != nil {
		return Answer{}, false, err
	}
	best, bestScore := -1, 0.0
	for i, it := range items {
		got, total := 0.0, 0.0
		for j, w := range words {
			total += weights[j]
			if strings.Contains(it.Name, w) || strings.EqualFold(it.Code, w) {
				got += weights[j]
			}
		}
		if s := got / total; s > bestScore {
			best, bestScore = i, s
		}
	}
	if best < 0 || bestScore < a.Threshold {
		return Answer{}, false, nil
	}
	it := items[best]
	ans := Answer{Kind: KindService, Confident: true, Confidence: bestScore, Text: "“" + it.Name + "”可以这样办理：", Steps: it.StepList()}
	if len(ans.Steps) == 0 {
		ans.Steps = []string{"请查看办事指南中的办事程序和申报材料。"}
	}
	if it.PromisedLimit != "" {
		ans.Text += "承诺时限为" + it.PromisedLimit + "。"
	}
	if m := it.MaterialList(); len(m) > 0 {
		ans.Text += "需要准备：" + strings.Join(m, "；") + "。"
	}
	ans.Basis = it.Basis
	ans.Links = []Link{{Label: "办事指南：" + it.Name + "（含表格下载）", URL: site.Base + "/service/" + url.PathEscape(it.Code)},
		{Label: "全部办事服务事项", URL: site.Base + "/service/"}}
	if it.Phone != "" {
		ans.Links = append(ans.Links, Link{Label: "咨询电话 " + it.Phone})
	}
	return ans, true, nil
}
