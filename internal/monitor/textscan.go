package monitor

import (
	"context"
	_ "embed"
	"fmt"
	"strings"
	"unicode/utf8"

	"gongkai/internal/store"
)

// defaultWords is the word list shipped with the platform: common errors
// in government writing, and terms that on a government site mean it was
// tampered with (hidden gambling or invoice spam, website-rules §1.3
// item 1). The office edits its own copy in the back office.
//
//go:embed words.txt
var defaultWords string

// Word is one entry of the list.
type Word struct {
	Text      string // what is looked for
	Suggest   string // the correct form of a 错别字 ("" for a 敏感词)
	Sensitive bool   // 敏感词: a person must look at the page
}

// ParseWords reads a word list: one entry a line, "错误→正确" for a
// 错别字, "!词" for a 敏感词, "#" starts a comment. The errors are in
// Chinese with line numbers, for the editing form.
func ParseWords(text string) ([]Word, []string) {
	var words []Word
	var errs []string
	seen := map[string]bool{}
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var w Word
		if rest, ok := strings.CutPrefix(line, "!"); ok {
			w = Word{Text: strings.TrimSpace(rest), Sensitive: true}
		} else {
			wrong, right, ok := cutArrow(line)
			if !ok {
				errs = append(errs, fmt.Sprintf("第%d行“%s”：错别字请写成“错误写法→正确写法”，敏感词以“!”开头", i+1, line))
				continue
			}
			w = Word{Text: wrong, Suggest: right}
			if strings.Contains(right, wrong) {
				errs = append(errs, fmt.Sprintf("第%d行：正确写法“%s”包含错误写法“%s”，会把正确的文字也报为错误", i+1, right, wrong))
				continue
			}
		}
		if utf8.RuneCountInString(w.Text) < 2 {
			errs = append(errs, fmt.Sprintf("第%d行：要查找的词至少两个字，单个字误报太多", i+1))
			continue
		}
		if seen[w.Text] {
			continue
		}
		seen[w.Text] = true
		words = append(words, w)
	}
	return words, errs
}

func cutArrow(line string) (string, string, bool) {
	for _, sep := range []string{"→", "->", "=>"} {
		if a, b, ok := strings.Cut(line, sep); ok {
			a, b = strings.TrimSpace(a), strings.TrimSpace(b)
			return a, b, a != "" && b != ""
		}
	}
	return "", "", false
}

// wordsKey is where the office's own list is kept.
const wordsKey = "monitor.words"

// LoadWords returns the office's list, or the shipped one when it has
// none, as text.
func LoadWords(ctx context.Context, st *store.Store) (string, error) {
	text, ok, err := st.Setting(ctx, wordsKey)
	if err != nil || !ok {
		return defaultWords, err
	}
	return text, nil
}

// SaveWords stores the office's list after checking it; the errors are
// for the form.
func SaveWords(ctx context.Context, st *store.Store, text string) ([]string, error) {
	if _, errs := ParseWords(text); len(errs) > 0 {
		return errs, nil
	}
	return nil, st.SetSetting(ctx, wordsKey, text)
}

// DefaultWords is the shipped list, for "restore defaults".
func DefaultWords() string { return defaultWords }

// Scanner finds every word of a list in a text in one pass (an
// Aho–Corasick automaton over UTF-8 bytes; UTF-8 never matches inside a
// character, so byte matching is exact for Chinese).
type Scanner struct {
	words []Word
	next  [][256]int32 // goto function completed with failure links: a DFA
	out   [][]int32    // words ending in each state
}

// Hit is one occurrence of a word.
type Hit struct {
	Word    Word
	Offset  int    // byte offset in the text
	Context string // a few characters around it
}

// NewScanner builds the automaton of words.
func NewScanner(words []Word) *Scanner {
	s := &Scanner{words: words, next: make([][256]int32, 1), out: make([][]int32, 1)}
	for i, w := range words {
		st := int32(0)
		for _, b := range []byte(w.Text) {
			if s.next[st][b] == 0 {
				s.next = append(s.next, [256]int32{})
				s.out = append(s.out, nil)
				s.next[st][b] = int32(len(s.next) - 1)
			}
			st = s.next[st][b]
		}
		s.out[st] = append(s.out[st], int32(i))
	}
	// Breadth first: a state's failure link is the longest proper suffix
	// that is also a prefix; missing transitions borrow the failure's.
	fail := make([]int32, len(s.next))
	var queue []int32
	for b := range 256 {
		if t := s.next[0][b]; t != 0 {
			queue = append(queue, t)
		}
	}
	for len(queue) > 0 {
		st := queue[0]
		queue = queue[1:]
		s.out[st] = append(s.out[st], s.out[fail[st]]...)
		for b := range 256 {
			t := s.next[st][b]
			if t == 0 {
				s.next[st][b] = s.next[fail[st]][b]
				continue
			}
			fail[t] = s.next[fail[st]][b]
			queue = append(queue, t)
		}
	}
	return s
}

// Scan returns the hits in text, in order.
func (s *Scanner) Scan(text string) []Hit {
	var hits []Hit
	st := int32(0)
	for i := 0; i < len(text); i++ {
		st = s.next[st][text[i]]
		for _, wi := range s.out[st] {
			w := s.words[wi]
			at := i + 1 - len(w.Text)
			hits = append(hits, Hit{Word: w, Offset: at, Context: around(text, at, len(w.Text))})
		}
	}
	return hits
}

// around is up to 12 characters either side of text[at:at+n].
func around(text string, at, n int) string {
	from, to := at, at+n
	for k := 0; k < 12 && from > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(text[:from])
		from -= size
	}
	for k := 0; k < 12 && to < len(text); k++ {
		_, size := utf8.DecodeRuneInString(text[to:])
		to += size
	}
	return strings.Join(strings.Fields(text[from:to]), " ")
}
