package search

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-ego/gse"
)

// The dictionaries are embedded from this package, never read from gse's
// module directory: gse's argument-less loaders find their files through
// runtime.Caller, a source path that does not exist on a server, and its
// LoadDictEmbed/NewEmbed pull 32 MB of dictionaries (Japanese included)
// into the binary (tech-notes §2). We call neither; the build needs no tag.
var (
	//go:embed dict/zh_s.txt.gz
	zhDictGz []byte
	//go:embed dict/user.txt
	userDict string
)

// removedWords are over-long entries of the general dictionary that hide
// the words people search for: with 中华人民共和国政府 in the dictionary,
// 中华人民共和国政府信息公开条例 is cut so that 信息公开 and 政府 no
// longer match it (tech-notes §2).
var removedWords = []string{"中华人民共和国政府"}

// Segmenter cuts Chinese text into words. One is loaded per process
// (Default); it is safe for concurrent use once loaded.
type Segmenter struct {
	seg gse.Segmenter
}

var (
	defaultOnce sync.Once
	defaultSeg  *Segmenter
	defaultErr  error
)

// Default returns the process's segmenter, loading the dictionary on first
// use (about 1.5 s and 130 MiB, so it is done once).
func Default() (*Segmenter, error) {
	defaultOnce.Do(func() { defaultSeg, defaultErr = load() })
	return defaultSeg, defaultErr
}

// Warm loads the dictionary now, so the first publication or search does
// not wait for it.
func Warm() { _, _ = Default() }

func load() (*Segmenter, error) {
	zr, err := gzip.NewReader(bytes.NewReader(zhDictGz))
	if err != nil {
		return nil, fmt.Errorf("search: dictionary: %w", err)
	}
	general, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("search: dictionary: %w", err)
	}
	s := &Segmenter{}
	s.seg.SkipLog = true
	// One LoadDictStr call: each call recomputes every token's path value.
	// The user dictionary comes first because gse keeps the first entry of
	// a word, so ours win.
	if err := s.seg.LoadDictStr(userEntries() + "\n" + string(general)); err != nil {
		return nil, fmt.Errorf("search: dictionary: %w", err)
	}
	for _, w := range removedWords {
		if err := s.seg.RemoveToken(w); err != nil {
			return nil, fmt.Errorf("search: remove %s: %w", w, err)
		}
	}
	return s, nil
}

// userEntries is the user dictionary without its comments.
func userEntries() string {
	var b strings.Builder
	for _, line := range strings.Split(userDict, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			b.WriteString(line)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// Words cuts text into words the way a query is cut: the most probable
// split by the dictionary, without the HMM guess for unknown words, which
// depends on the surrounding text and so could cut a query differently
// from the document that contains it. Punctuation and spaces are dropped;
// letters are lower-cased and full-width forms folded.
func (s *Segmenter) Words(text string) []string {
	raw := s.cut(strings.ToLower(normalize(text)))
	out := make([]string, 0, len(raw))
	for _, w := range raw {
		if isWord(w) {
			out = append(out, w)
			continue
		}
		// A dictionary entry with a dot or hyphen inside (阿卜杜勒·…):
		// keep its letter runs.
		for _, part := range strings.FieldsFunc(w, notWordRune) {
			out = append(out, part)
		}
	}
	return out
}

// IndexTokens cuts text for the index: every word of Words, preceded by
// each shorter dictionary word inside it, so a document containing
// 政府信息公开 is found by 信息公开, 政府 or 公开 as well. gse's own search
// mode only adds sub-words of two and three characters, which would miss
// 信息公开 inside 政府信息公开.
func (s *Segmenter) IndexTokens(text string) []string {
	words := s.Words(text)
	out := make([]string, 0, len(words)+len(words)/2)
	for _, w := range words {
		if utf8.RuneCountInString(w) >= 3 {
			out = s.appendSubwords(out, w)
		}
		out = append(out, w)
	}
	return out
}

// appendSubwords appends the dictionary words of two or more characters
// strictly inside w.
func (s *Segmenter) appendSubwords(out []string, w string) []string {
	var starts [64]int
	offs := runeOffsets(w, starts[:0])
	n := len(offs) - 1
	b := []byte(w)
	dict := s.seg.Dict
	for size := 2; size < n; size++ {
		for i := 0; i+size <= n; i++ {
			if f, _, ok := dict.Find(b[offs[i]:offs[i+size]]); ok && f > 0 {
				out = append(out, w[offs[i]:offs[i+size]])
			}
		}
	}
	return out
}

// Known reports whether w is a dictionary word.
func (s *Segmenter) Known(w string) bool {
	f, _, ok := s.seg.Dict.Find([]byte(w))
	return ok && f > 0
}

// normalize folds full-width ASCII forms (ＡＢＣ１２３) to ASCII and
// ideographic spaces to spaces, so both spellings find each other.
func normalize(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= 0xFF01 && r <= 0xFF5E || r == 0x3000 }) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			return r - 0xFEE0
		case r == 0x3000:
			return ' '
		}
		return r
	}, s)
}

// isWord reports whether w is made of letters and numbers only; the index
// keeps only such tokens (tech-notes §2: drop tokens without a letter or
// digit), which are also exactly the characters FTS5's unicode61 tokenizer
// keeps together, so it never splits our tokens again.
func isWord(w string) bool {
	return w != "" && !strings.ContainsFunc(w, notWordRune)
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }
