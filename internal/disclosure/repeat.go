package disclosure

import (
	"slices"
	"strings"
	"unicode"

	"gongkai/internal/workday"
)

// normalizeText folds full-width ASCII to half-width, lower-cases, and drops
// spaces, punctuation and symbols, so "《关于X的通知》" and "关于x的通知" compare
// equal.
func normalizeText(s string) []rune {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		switch {
		case r == 0x3000:
			continue // ideographic space
		case r >= 0xFF01 && r <= 0xFF5E:
			r -= 0xFEE0 // full-width ASCII
		}
		if unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) {
			continue
		}
		out = append(out, unicode.ToLower(r))
	}
	return out
}

func bigrams(rs []rune) map[[2]rune]bool {
	m := make(map[[2]rune]bool, len(rs))
	for i := 0; i+1 < len(rs); i++ {
		m[[2]rune{rs[i], rs[i+1]}] = true
	}
	return m
}

// Similarity is the Jaccard index of the character bigrams of the two
// normalised descriptions, in [0, 1]. Texts shorter than two characters
// score 1 when equal and 0 otherwise.
func Similarity(a, b string) float64 {
	ra, rb := normalizeText(a), normalizeText(b)
	if len(ra) < 2 || len(rb) < 2 {
		if len(ra) > 0 && slices.Equal(ra, rb) {
			return 1
		}
		return 0
	}
	ga, gb := bigrams(ra), bigrams(rb)
	inter := 0
	for g := range ga {
		if gb[g] {
			inter++
		}
	}
	return float64(inter) / float64(len(ga)+len(gb)-inter)
}

// ApplicantKey identifies an applicant across applications by the ID
// document: type and normalised number. It is "" when no number is given,
// and such applicants never match.
func ApplicantKey(a Applicant) string {
	n := strings.ToUpper(strings.Join(strings.Fields(a.IDNumber), ""))
	if n == "" {
		return ""
	}
	return string(a.IDType) + ":" + n
}

// RepeatMatch is an earlier answered application that app may repeat.
type RepeatMatch struct {
	ID         int64
	Code       string
	ReceivedOn workday.Date
	ClosedOn   workday.Date
	Basis      LegalBasis
	Score      float64
}

// RepeatCandidates lists the earlier applications of the same applicant
// that were already answered (closed by a reply, 条例第三十六条第（六）项:
// 已就申请人提出的政府信息公开申请作出答复) and whose description scores at
// least s.Similarity against app's, best first. Staff may then close app as
// （五）2 citing one of them; nothing is decided automatically.
func RepeatCandidates(app Application, earlier []Application, s RepeatSettings) []RepeatMatch {
	key := ApplicantKey(app.Applicant)
	if key == "" {
		return nil
	}
	var out []RepeatMatch
	for _, e := range earlier {
		if e.ID == app.ID || ApplicantKey(e.Applicant) != key ||
			e.State != StateClosed || !e.Basis.ChosenInReply() {
			continue
		}
		score := Similarity(app.Description+" "+app.DocNo, e.Description+" "+e.DocNo)
		if score >= s.Similarity {
			out = append(out, RepeatMatch{
				ID: e.ID, Code: e.Code, ReceivedOn: e.ReceivedOn, ClosedOn: e.ClosedOn,
				Basis: e.Basis, Score: score,
			})
		}
	}
	slices.SortStableFunc(out, func(a, b RepeatMatch) int {
		switch {
		case a.Score > b.Score:
			return -1
		case a.Score < b.Score:
			return 1
		}
		return b.ReceivedOn.Compare(a.ReceivedOn)
	})
	return out
}

// FrequentApplicant counts the applications of one applicant received in
// the s.FrequentWindowDays calendar days ending on today (inclusive) and
// flags the applicant when the count exceeds s.FrequentCount, so staff may
// ask for reasons under 条例第三十五条. It is a prompt, not a decision.
func FrequentApplicant(receivedOn []workday.Date, today workday.Date, s RepeatSettings) (count int, frequent bool) {
	from := today.AddDays(-s.FrequentWindowDays)
	for _, d := range receivedOn {
		if d.After(from) && !d.After(today) {
			count++
		}
	}
	return count, count > s.FrequentCount
}
