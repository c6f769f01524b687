package assistant_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"gongkai/internal/assistant"
	"gongkai/internal/catalog"
	"gongkai/internal/store"
	"gongkai/internal/store/storetest"
)

func TestAskAnswersCitesRefusesAndLogs(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		a, site := demoAssistant(t, st)
		site.Base = "/s/jxj"
		ans, err := a.Ask(ctx, site, "绿色工厂怎么评价？")
		if err != nil {
			t.Fatal(err)
		}
		if ans.Kind != assistant.KindDocuments || !ans.Confident || len(ans.Citations) == 0 {
			t.Fatalf("answer %+v", ans)
		}
		c := ans.Citations[0]
		if !strings.Contains(c.Title, "绿色工厂评价管理办法") || !strings.HasPrefix(c.URL, "/s/jxj/doc/") ||
			c.PublishedOn == "" || c.Validity != catalog.Valid || !strings.HasPrefix(ans.Text, "根据《") || strings.Contains(ans.Text, "》》") {
			t.Errorf("citation %+v, text %s", c, ans.Text)
		}
		// Repealed versions are never cited for a current question…
		ans, err = a.Ask(ctx, site, "企业技术中心认定管理办法有哪些规定")
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range ans.Citations {
			if c.Validity.Superseded() {
				t.Errorf("current question cites %s %s", c.Title, c.Validity)
			}
		}
		// …but are, labelled, when the question is about history.
		ans, err = a.Ask(ctx, site, "已废止的企业技术中心认定管理办法原来怎么规定")
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, c := range ans.Citations {
			found = found || c.Validity == catalog.Repealed
		}
		if !found || !strings.Contains(ans.Text, "已废止") && !strings.Contains(ans.Text, "现行有效") {
			t.Errorf("history question: %+v", ans)
		}
		// No reliable basis: an honest refusal with the ways to ask a person.
		ans, err = a.Ask(ctx, site, "我的手机号13812345678，护照怎么办理")
		if err != nil {
			t.Fatal(err)
		}
		if ans.Kind != assistant.KindRefusal || ans.Confident || !strings.HasPrefix(ans.Text, "未找到可靠依据") || len(ans.Citations) != 0 {
			t.Fatalf("refusal %+v", ans)
		}
		links := ""
		for _, l := range ans.Links {
			links += l.Label + " " + l.URL + "\n"
		}
		for _, want := range []string{"咨询电话 0000-5550100", "在线留言", "依申请公开", "/s/jxj/apply"} {
			if !strings.Contains(links, want) {
				t.Errorf("refusal lacks %s:\n%s", want, links)
			}
		}
		turns, total, err := st.AssistantTurns(ctx, store.AssistantFilter{SiteID: site.ID})
		if err != nil || total != 4 {
			t.Fatalf("log %d %v", total, err)
		}
		last := turns[0]
		if last.Kind != "refusal" || last.Confident || strings.Contains(last.Question, "13812345678") || !strings.Contains(last.Question, "护照") {
			t.Errorf("logged %+v", last)
		}
		if turns[3].Citations == "" {
			t.Errorf("answered turn without citations logged: %+v", turns[3])
		}
	})
}

func TestFAQAndGuidedFlows(t *testing.T) {
	ctx := context.Background()
	a, site := demoAssistant(t, storetest.Open(t, store.SQLite))
	ans, err := a.Ask(ctx, site, "申请政府信息公开要交费吗？")
	if err != nil || ans.Kind != assistant.KindFAQ || !strings.Contains(ans.Basis, "第四十二条") || !strings.Contains(ans.Text, "不收取费用") {
		t.Fatalf("faq: %+v %v", ans, err)
	}
	// Staff switch an entry off: it is no longer used.
	faqs, err := a.Store().FAQs(ctx, site.ID, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range faqs {
		if strings.Contains(f.Question, "收费") {
			f.Enabled = false
			if _, err := a.Store().SaveFAQ(ctx, f); err != nil {
				t.Fatal(err)
			}
		}
	}
	if ans, _ := a.Ask(ctx, site, "申请政府信息公开要交费吗？"); ans.Kind == assistant.KindFAQ && strings.Contains(ans.Text, "不收取费用") {
		t.Errorf("disabled FAQ still answers")
	}
	ans, err = a.Ask(ctx, site, "我想申请政府信息公开，怎么办理？")
	if err != nil || ans.Kind != assistant.KindFlow || len(ans.Steps) < 3 || len(ans.Links) == 0 || ans.Links[0].URL != "/apply" {
		t.Fatalf("apply flow: %+v %v", ans, err)
	}
	ans, err = a.Ask(ctx, site, "去年的政府信息公开年度报告在哪里看")
	if err != nil || ans.Kind != assistant.KindFlow || len(ans.Citations) == 0 || !strings.Contains(ans.Citations[0].Title, "年度报告") {
		t.Fatalf("report flow: %+v %v", ans, err)
	}
	// A link is offered only to a page the site has.
	site.Routed = func(p string) bool { return p != "/messages/" && p != "/messages" }
	ans, _ = a.Ask(ctx, site, "我想给局长信箱写信")
	for _, l := range ans.Links {
		if strings.Contains(l.URL, "/messages") {
			t.Errorf("dead link offered: %+v", l)
		}
	}
}

func TestLanguageModelOnlyRephrases(t *testing.T) {
	ctx := context.Background()
	a, site := demoAssistant(t, storetest.Open(t, store.SQLite))
	reply := "绿色工厂按照评价管理办法进行评价。"
	var delay time.Duration
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			Messages []struct{ Role, Content string }
		}
		_ = json.NewDecoder(r.Body).Decode(&req)
		if r.URL.Path != "/v1/chat/completions" || len(req.Messages) != 2 || !strings.Contains(req.Messages[1].Content, "摘录") {
			http.Error(w, "bad", 400)
			return
		}
		time.Sleep(delay)
		_ = json.NewEncoder(w).Encode(map[string]any{"choices": []any{map[string]any{"message": map[string]string{"role": "assistant", "content": reply}}}})
	}))
	defer srv.Close()
	llm := assistant.LLMConfig(func(k string) string {
		return map[string]string{"GONGKAI_LLM_URL": srv.URL + "/v1", "GONGKAI_LLM_TIMEOUT": "300ms"}[k]
	})
	a.UseLLM(llm)
	ans, err := a.Ask(ctx, site, "绿色工厂怎么评价？")
	if err != nil || !ans.Generated || ans.Text != reply || len(ans.Citations) == 0 {
		t.Fatalf("rephrased: %+v %v", ans, err)
	}
	// A number the passages do not hold: the model made it up.
	reply = "绿色工厂评价后可获得500万元奖励。"
	if ans, _ = a.Ask(ctx, site, "绿色工厂怎么评价？"); ans.Generated || !strings.HasPrefix(ans.Text, "根据《") {
		t.Errorf("unfaithful rewording shown: %+v", ans)
	}
	// Too slow: the extractive answer is shown.
	reply, delay = "绿色工厂按照办法评价。", time.Second
	if ans, _ = a.Ask(ctx, site, "绿色工厂怎么评价？"); ans.Generated {
		t.Errorf("slow model's answer shown")
	}
	// A refusal is never sent to the model.
	delay = 0
	if ans, _ = a.Ask(ctx, site, "护照怎么办理"); ans.Generated || ans.Kind != assistant.KindRefusal {
		t.Errorf("refusal reworded: %+v", ans)
	}
	if assistant.LLMConfig(func(string) string { return "" }) != nil {
		t.Error("no URL must mean no model")
	}
}

func TestLimiter(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	l := assistant.NewLimiter(6, 2, func() time.Time { return now })
	if !l.Allow("a") || !l.Allow("a") || l.Allow("a") {
		t.Fatal("burst of 2")
	}
	if !l.Allow("b") {
		t.Fatal("other clients are not limited")
	}
	now = now.Add(10 * time.Second) // 6 a minute: one token per 10 s
	if !l.Allow("a") || l.Allow("a") {
		t.Fatal("refill")
	}
}
