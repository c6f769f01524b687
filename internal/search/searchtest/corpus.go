// Package searchtest generates a realistic corpus of government documents
// for the search benchmarks: titles and bodies built from templates of
// notices, rules, news and reports whose slots are filled from the general
// dictionary's nouns, verbs, places and organisations (tens of thousands of
// words, drawn with a Zipf distribution), so the vocabulary is as varied as
// a real site's and common words (政府, 信息, 公开, 工作) are as common.
package searchtest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Vocab holds the word pools the templates draw from.
type Vocab struct {
	nouns, verbs, places, orgs, idioms []string
	zn, zv, zp, zo, zi                 *rand.Zipf
	rng                                *rand.Rand
}

// LoadVocab reads pools from a gse-format dictionary file (gzip'd), e.g.
// internal/search/dict/zh_s.txt.gz.
func LoadVocab(path string, seed uint64) (*Vocab, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	v := &Vocab{rng: rand.New(rand.NewPCG(seed, 7))}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) != 3 {
			continue
		}
		freq, _ := strconv.Atoi(f[1])
		n := utf8.RuneCountInString(f[0])
		if freq < 20 || n < 2 || n > 5 || !chinese(f[0]) {
			continue
		}
		switch f[2] {
		case "n", "vn", "nz":
			v.nouns = append(v.nouns, f[0])
		case "v":
			v.verbs = append(v.verbs, f[0])
		case "ns":
			v.places = append(v.places, f[0])
		case "nt":
			v.orgs = append(v.orgs, f[0])
		case "i", "l":
			v.idioms = append(v.idioms, f[0])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	// The dictionary is sorted by word, not frequency; a fixed shuffle
	// decides which words are common, the Zipf draw how common.
	for _, pool := range [][]string{v.nouns, v.verbs, v.places, v.orgs, v.idioms} {
		v.rng.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	}
	z := func(n int) *rand.Zipf { return rand.NewZipf(v.rng, 1.07, 2, uint64(n-1)) }
	v.zn, v.zv, v.zp, v.zo, v.zi = z(len(v.nouns)), z(len(v.verbs)), z(len(v.places)), z(len(v.orgs)), z(len(v.idioms))
	return v, nil
}

func chinese(s string) bool {
	for _, r := range s {
		if r < 0x4E00 || r > 0x9FFF {
			return false
		}
	}
	return true
}

// Sizes of the pools, for the report.
func (v *Vocab) Sizes() string {
	return fmt.Sprintf("名词 %d、动词 %d、地名 %d、机构 %d、成语 %d", len(v.nouns), len(v.verbs), len(v.places), len(v.orgs), len(v.idioms))
}

func (v *Vocab) noun() string  { return v.nouns[v.zn.Uint64()] }
func (v *Vocab) verb() string  { return v.verbs[v.zv.Uint64()] }
func (v *Vocab) place() string { return v.places[v.zp.Uint64()] }
func (v *Vocab) org() string   { return v.orgs[v.zo.Uint64()] }
func (v *Vocab) idiom() string { return v.idioms[v.zi.Uint64()] }

// Rare returns a word of the long tail, for queries that match little.
func (v *Vocab) Rare() string { return v.nouns[len(v.nouns)/2+v.rng.IntN(len(v.nouns)/2)] }

// Topic returns a noun of middling frequency.
func (v *Vocab) Topic() string { return v.nouns[50+v.rng.IntN(2000)] }

// Common are words nearly every government document holds (tech-notes §3:
// 信息 occurred in 192k of 200k documents).
var Common = []string{"政府", "信息", "公开", "工作", "管理", "服务", "发展", "企业", "建设", "单位"}

var issuers = []string{"市人民政府办公室", "市经信局", "市发展和改革委员会", "市财政局", "市人社局", "市住建局", "市市场监管局",
	"市生态环境局", "市卫健委", "市教育局", "市民政局", "市交通运输局", "市农业农村局", "市商务局", "市应急管理局"}

// Doc is a generated document.
type Doc struct {
	Title, Body, DocNo string
	Genre              string // normative | other
	Column             int    // index into the site's columns
	Org                int    // index into the site's orgs
	Published          time.Time
	Validity           int // 0 valid, 2 repealed, 3 expired
}

// Generate returns document i of a corpus of n spread over the ten years
// before end. The same (seed, i) gives the same document.
func (v *Vocab) Generate(i, n int, end time.Time) Doc {
	r := v.rng
	d := Doc{Column: r.IntN(8), Org: r.IntN(6), Genre: "other"}
	// Publication dates rise with i, as a site fills over the years.
	d.Published = end.AddDate(-10, 0, 0).Add(time.Duration(float64(i) / float64(max(n, 1)) * float64(10*365*24*time.Hour)))
	issuer := issuers[r.IntN(len(issuers))]
	year := d.Published.Year()
	topic := v.noun() + v.noun()
	switch k := r.IntN(10); {
	case k < 4:
		d.Title = fmt.Sprintf("关于%s%d年%s%s工作的通知", pick(r, "开展", "做好", "组织", "加强", "推进"), year, v.place(), topic)
	case k < 5:
		d.Genre, d.Column = "normative", 2
		d.Title = fmt.Sprintf("%s关于印发《%s%s管理办法》的通知", issuer, v.place(), topic)
		d.DocNo = fmt.Sprintf("%s规〔%d〕%d号", issuer[3:min(len(issuer), 9)], year, 1+r.IntN(40))
		if r.IntN(8) == 0 {
			d.Validity = 2 + r.IntN(2)
		}
	case k < 8:
		d.Title = fmt.Sprintf("%s%s%s%s", issuer, pick(r, "召开", "举办", "开展", "部署"), topic, pick(r, "工作会议", "专题培训", "调研活动", "推进会"))
	default:
		d.Title = fmt.Sprintf("%s%d年%s工作情况报告", issuer, year, topic)
	}
	var b strings.Builder
	b.WriteString(fmt.Sprintf("<p>各县（市、区）人民政府，市政府各部门：为%s%s，%s%s%s，根据《%s%s条例》等规定，结合%s实际，现就有关事项通知如下。</p>",
		v.verb(), v.noun(), v.verb(), topic, v.noun(), v.place(), v.noun(), v.place()))
	paras := 1 + r.IntN(4)
	for p := 0; p < paras; p++ {
		b.WriteString("<p>")
		b.WriteString(pick(r, "一、", "二、", "三、", "四、", "（一）", "（二）"))
		sentences := 1 + r.IntN(3)
		for s := 0; s < sentences; s++ {
			v.sentence(&b, topic)
		}
		b.WriteString("</p>")
	}
	if r.IntN(3) == 0 {
		b.WriteString("<p>本通知自印发之日起施行，由" + issuer + "负责解释。政府信息公开属性：主动公开。</p>")
	}
	d.Body = b.String()
	return d
}

// sentence writes one sentence of government prose.
func (v *Vocab) sentence(b *strings.Builder, topic string) {
	r := v.rng
	switch r.IntN(6) {
	case 0:
		fmt.Fprintf(b, "要%s%s，%s%s，%s。", v.verb(), v.noun(), v.verb(), v.noun(), v.idiom())
	case 1:
		fmt.Fprintf(b, "%s要会同%s做好%s%s工作，确保%s%s。", v.org(), v.org(), topic, v.noun(), v.noun(), v.verb())
	case 2:
		fmt.Fprintf(b, "加强%s%s和%s建设，推动%s与%s%s发展。", v.noun(), v.noun(), v.noun(), v.noun(), v.noun(), pick(r, "协调", "融合", "高质量", "绿色"))
	case 3:
		fmt.Fprintf(b, "%s、%s等地区要%s%s，及时公开%s信息，接受社会监督。", v.place(), v.place(), v.verb(), v.noun(), v.noun())
	case 4:
		fmt.Fprintf(b, "对%s中发现的%s问题，%s依法%s，%s。", v.noun(), v.noun(), v.org(), v.verb(), v.idiom())
	default:
		fmt.Fprintf(b, "政府有关部门要强化%s服务，完善%s管理制度，推进%s工作%s。", v.noun(), v.noun(), topic, v.idiom())
	}
}

func pick(r *rand.Rand, xs ...string) string { return xs[r.IntN(len(xs))] }
