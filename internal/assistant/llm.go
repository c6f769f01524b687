package assistant

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// LLM rephrases extracted answers through an OpenAI-compatible chat
// endpoint (a model hosted by the agency itself). It is only allowed to
// reword the passages it is given; anything it returns that brings a number
// the passages do not hold, or runs long, is thrown away and the extractive
// answer is shown. When the endpoint is absent, failing or slower than
// Timeout, the extractive answer is shown too.
type LLM struct {
	URL     string // base URL, e.g. http://127.0.0.1:8000/v1
	Model   string
	APIKey  string
	Timeout time.Duration
	Client  *http.Client
}

// LLMConfig reads the adapter's settings: GONGKAI_LLM_URL (unset: no
// model), GONGKAI_LLM_MODEL, GONGKAI_LLM_KEY and GONGKAI_LLM_TIMEOUT (a Go
// duration, default 3s). getenv is os.Getenv in production.
func LLMConfig(getenv func(string) string) *LLM {
	url := strings.TrimRight(getenv("GONGKAI_LLM_URL"), "/")
	if url == "" {
		return nil
	}
	l := &LLM{URL: url, Model: getenv("GONGKAI_LLM_MODEL"), APIKey: getenv("GONGKAI_LLM_KEY"), Timeout: 3 * time.Second}
	if d, err := time.ParseDuration(getenv("GONGKAI_LLM_TIMEOUT")); err == nil && d > 0 {
		l.Timeout = d
	}
	return l
}

const systemPrompt = `你是政府网站的问答助手。只能用通俗、简洁的中文改写用户给出的“摘录”来回答问题，` +
	`不得添加摘录中没有的任何事实、数字、日期、条件或承诺；摘录不足以回答时，原样输出摘录。不要输出引用列表。`

type chatRequest struct {
	Model       string        `json:"model"`
	Messages    []chatMessage `json:"messages"`
	Temperature float64       `json:"temperature"`
	MaxTokens   int           `json:"max_tokens"`
}

type chatMessage struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

type chatResponse struct {
	Choices []struct {
		Message chatMessage `json:"message"`
	} `json:"choices"`
}

// Rephrase asks the model to reword ans.Text for question q. ok is false
// when the extractive answer must stand.
func (l *LLM) Rephrase(ctx context.Context, q string, ans Answer) (string, bool) {
	ctx, cancel := context.WithTimeout(ctx, l.Timeout)
	defer cancel()
	body, _ := json.Marshal(chatRequest{Model: l.Model, Temperature: 0, MaxTokens: 400, Messages: []chatMessage{
		{Role: "system", Content: systemPrompt},
		{Role: "user", Content: fmt.Sprintf("问题：%s\n摘录：%s", q, ans.Text)},
	}})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, l.URL+"/chat/completions", bytes.NewReader(body))
	if err != nil {
		return "", false
	}
	req.Header.Set("Content-Type", "application/json")
	if l.APIKey != "" {
		req.Header.Set("Authorization", "Bearer "+l.APIKey)
	}
	client := l.Client
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		return "", false
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", false
	}
	var out chatResponse
	if err := json.NewDecoder(http.MaxBytesReader(nil, resp.Body, 1<<20)).Decode(&out); err != nil || len(out.Choices) == 0 {
		return "", false
	}
	text := strings.TrimSpace(out.Choices[0].Message.Content)
	return text, faithful(text, ans.Text)
}

var digits = regexp.MustCompile(`[0-9０-９]+`)

// faithful rejects a rewording that is empty, much longer than the source
// or brings a number the source does not hold (a date, an amount, a time
// limit the model made up).
func faithful(text, source string) bool {
	if text == "" || utf8.RuneCountInString(text) > 2*utf8.RuneCountInString(source)+40 {
		return false
	}
	for _, n := range digits.FindAllString(text, -1) {
		if !strings.Contains(source, n) {
			return false
		}
	}
	return true
}
