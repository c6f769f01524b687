package public

import (
	"crypto/rand"
	"encoding/hex"
	"math/big"
	"strconv"
	"strings"
	"sync"
	"time"
)

// A question in words is the alternative to a refusal when a submission
// limit is near (issue 3 §1: spam protection an elderly or blind person can
// pass, no image captcha). It is plain text, so a screen reader reads it
// and a voice-input user can answer; it is asked only then, so nobody else
// meets it. Answers may be typed in Arabic digits (half or full width) or in
// Chinese numerals.

const (
	questionTTL = 30 * time.Minute
	// maxQuestions bounds the memory held by unanswered questions.
	maxQuestions = 10000
)

var numerals = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
	"十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八"}

// question is one asked question: the text and its one-use ID.
type question struct {
	ID   string
	Text string
}

type pendingQuestion struct {
	text    string
	answer  int
	expires time.Time
}

// questions holds the questions asked and not yet answered.
type questions struct {
	mu      sync.Mutex
	pending map[string]pendingQuestion
}

func newQuestions() *questions { return &questions{pending: map[string]pendingQuestion{}} }

// ask makes a new question: the sum of two numbers from one to nine.
func (q *questions) ask(now time.Time) question {
	a, b := randInt(9)+1, randInt(9)+1
	id := make([]byte, 16)
	_, _ = rand.Read(id)
	key := hex.EncodeToString(id)
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.pending) >= maxQuestions {
		for k, p := range q.pending {
			if now.After(p.expires) || len(q.pending) >= maxQuestions {
				delete(q.pending, k)
			}
		}
	}
	text := numerals[a] + "加" + numerals[b] + "等于几？"
	q.pending[key] = pendingQuestion{text: text, answer: a + b, expires: now.Add(questionTTL)}
	return question{ID: key, Text: text}
}

// lookup returns a pending question without using it up.
func (q *questions) lookup(id string, now time.Time) (question, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	p, ok := q.pending[id]
	if !ok || now.After(p.expires) {
		return question{}, false
	}
	return question{ID: id, Text: p.text}, true
}

// check reports whether answer answers the question id. A question is
// used up by any attempt, right or wrong, so it cannot be guessed at.
func (q *questions) check(id, answer string, now time.Time) bool {
	q.mu.Lock()
	p, ok := q.pending[id]
	delete(q.pending, id)
	q.mu.Unlock()
	if !ok || now.After(p.expires) {
		return false
	}
	n, ok := parseAnswer(answer)
	return ok && n == p.answer
}

// parseAnswer reads "8", "８", "八", "十二" or "一十二".
func parseAnswer(s string) (int, bool) {
	s = strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return r - '０' + '0'
		case r == ' ' || r == '\u3000' || r == '。' || r == '.':
			return -1
		}
		return r
	}, strings.TrimSpace(s))
	if n, err := strconv.Atoi(s); err == nil {
		return n, true
	}
	if strings.HasPrefix(s, "一十") {
		s = strings.TrimPrefix(s, "一") // 一十二 is 十二
	}
	if s == "两" {
		return 2, true
	}
	for i, w := range numerals {
		if s == w {
			return i, true
		}
	}
	return 0, false
}

func randInt(n int) int {
	v, err := rand.Int(rand.Reader, big.NewInt(int64(n)))
	if err != nil {
		return 0
	}
	return int(v.Int64())
}
