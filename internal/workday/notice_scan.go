package workday

import "fmt"

// maxSpanDays guards against misread ranges; the longest real span is 9 days.
const maxSpanDays = 40

// dateRef is a date as written in a notice; zero fields were not written.
type dateRef struct {
	year, month, day int
	weekday          int // stated weekday, or -1
	text             string
}

// span is an inclusive run of days.
type span struct{ from, to Date }

// sectionScanner reads the body of one holiday section ("春节：…").
type sectionScanner struct {
	year      int    // notice year
	name      string // section name, e.g. 春节
	newYear   bool   // the section is about 元旦
	firstSect bool   // the section is the first one of the notice
	col       *collector

	last         Date // last date read, for "至3日" / "、21日"
	hasLast      bool
	pending      []span // dates of the current clause awaiting a keyword
	clauseKind   Kind   // keyword already seen in the current clause
	sentenceRest []span // rest spans of the current sentence, for 与周末连休
	lastWasDate  bool
	rangeOpen    bool // "至" follows a date
}

// keywords map clause words to their meaning; "" means 与周末连休.
var keywords = []struct {
	word string
	kind Kind
}{
	{"上班", Work}, {"放假", Rest}, {"补休", Rest}, {"连休", ""},
}

func (s *sectionScanner) scan(r []rune) error {
	for i := 0; i < len(r); {
		c := r[i]
		if isDigit(c) && (i == 0 || !isDigit(r[i-1])) {
			if ref, next, ok := parseDateRef(r, i); ok {
				if err := s.addDate(ref); err != nil {
					return err
				}
				i = next
				continue
			}
		}
		switch c {
		case '至', '~', '-':
			s.rangeOpen, s.lastWasDate = s.lastWasDate, false
			i++
			continue
		case ',':
			if err := s.endClause(); err != nil {
				return err
			}
		case '.', ';', '!', '?':
			if err := s.endSentence(); err != nil {
				return err
			}
		default:
			if n, err := s.keywordAt(r, i); err != nil {
				return err
			} else if n > 0 {
				i += n
				s.lastWasDate, s.rangeOpen = false, false
				continue
			}
		}
		s.lastWasDate, s.rangeOpen = false, false
		i++
	}
	return s.endSentence()
}

// keywordAt handles a keyword starting at r[i] and returns its length.
func (s *sectionScanner) keywordAt(r []rune, i int) (int, error) {
	for _, kw := range keywords {
		w := []rune(kw.word)
		if i+len(w) > len(r) || string(r[i:i+len(w)]) != kw.word {
			continue
		}
		if kw.kind == "" { // 与周末连休
			if err := s.flush(Rest); err != nil {
				return 0, err
			}
			return len(w), s.joinWeekends()
		}
		s.clauseKind = kw.kind
		return len(w), s.flush(kw.kind)
	}
	return 0, nil
}

// addDate resolves a written date and adds it to the pending clause, either
// as a new day or as the end of an open range.
func (s *sectionScanner) addDate(ref dateRef) error {
	var start *Date
	if s.rangeOpen && len(s.pending) > 0 {
		start = &s.pending[len(s.pending)-1].from
	}
	d, err := s.resolve(ref, start)
	if err != nil {
		return err
	}
	if start != nil {
		if d.Before(*start) || d.days-start.days > maxSpanDays {
			return fmt.Errorf("日期范围无效：%s 至 %s", *start, d)
		}
		s.pending[len(s.pending)-1].to = d
	} else {
		s.pending = append(s.pending, span{d, d})
	}
	s.last, s.hasLast = d, true
	s.lastWasDate, s.rangeOpen = true, false
	return nil
}

// flush records the pending dates with kind k.
func (s *sectionScanner) flush(k Kind) error {
	for _, sp := range s.pending {
		for d := sp.from; !d.After(sp.to); d = d.AddDays(1) {
			if err := s.col.add(Day{Date: d, Kind: k, Name: s.name}); err != nil {
				return err
			}
		}
		if k == Rest {
			s.sentenceRest = append(s.sentenceRest, sp)
		}
	}
	s.pending = nil
	return nil
}

// joinWeekends adds the Saturday/Sunday directly before and after the rest
// days of the current sentence ("与周末连休").
func (s *sectionScanner) joinWeekends() error {
	if len(s.sentenceRest) == 0 {
		return nil
	}
	lo, hi := s.sentenceRest[0].from, s.sentenceRest[0].to
	for _, sp := range s.sentenceRest[1:] {
		if sp.from.Before(lo) {
			lo = sp.from
		}
		if sp.to.After(hi) {
			hi = sp.to
		}
	}
	for d := lo.AddDays(-1); d.isWeekend(); d = d.AddDays(-1) {
		if err := s.col.add(Day{Date: d, Kind: Rest, Name: s.name}); err != nil {
			return err
		}
	}
	for d := hi.AddDays(1); d.isWeekend(); d = d.AddDays(1) {
		if err := s.col.add(Day{Date: d, Kind: Rest, Name: s.name}); err != nil {
			return err
		}
	}
	return nil
}

// endClause records dates that follow the clause's keyword ("放假：1月1日")
// and drops dates of a clause that named no keyword.
func (s *sectionScanner) endClause() error {
	var err error
	if s.clauseKind != "" {
		err = s.flush(s.clauseKind)
	}
	s.pending, s.clauseKind = nil, ""
	return err
}

// endSentence ends the clause and forgets the sentence's rest days.
func (s *sectionScanner) endSentence() error {
	err := s.endClause()
	s.sentenceRest = nil
	return err
}
