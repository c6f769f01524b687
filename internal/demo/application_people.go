package demo

import (
	"fmt"
	"strings"

	"gongkai/internal/disclosure"
)

// Demo applicants are fictitious: names drawn from common surnames and given
// names, 居民身份证号码 from an invented 示例市 area code with a real birth
// date and the GB 11643 check character the domain computes, telephone
// numbers in a 0000 block, e-mail at example.com. They are well-formed, so
// every form and check accepts them, and belong to nobody.

var surnames = []string{"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
	"郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹"}

var givenNames = []string{"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
	"涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "志强", "海燕", "文博", "子涵", "雨轩", "浩然", "国庆", "建国"}

// areaCodes are invented 行政区划代码 of the demo city (GB 11643 only checks
// the province, 42).
var areaCodes = []string{"429901", "429902", "429903", "429921", "429922"}

var streets = []string{"团结路", "建设大道", "人民路", "新华街", "工业大道", "桂林路", "湖滨大道", "光明街"}

// orgNames are the organisations that apply, by kind, with the GB 32100
// registration prefix of their 统一社会信用代码 (91 企业, 31 律师事务所,
// 12 事业单位, 52 民办非企业单位, 54 基层群众自治组织).
var orgNames = map[disclosure.ApplicantKind]struct {
	prefix string
	names  []string
}{
	disclosure.Business: {"91", []string{"示例恒达机械制造有限公司", "示例华信电子科技有限公司", "示例宏远新材料股份有限公司",
		"示例金桥化工有限公司", "示例鑫源钢铁有限公司", "示例智联信息技术有限公司", "示例康泰医疗器械有限公司", "示例长江纺织有限公司"}},
	disclosure.LegalService: {"31", []string{"示例明理律师事务所", "示例正衡律师事务所", "示例公信律师事务所"}},
	disclosure.Research:     {"12", []string{"示例市工业经济研究院", "示例大学经济与管理学院", "示例市科学技术情报研究所"}},
	disclosure.NonProfit:    {"52", []string{"示例市环境保护志愿者协会", "示例市残疾人就业服务中心", "示例市消费者权益服务中心"}},
	disclosure.OtherOrg:     {"54", []string{"示例区团城村村民委员会", "示例区新港社区居民委员会"}},
}

// usccChars is the GB 32100-2015 character set (no I, O, S, V, Z).
const usccChars = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// usccCheck is the GB 32100 check character: weights 3^(i) mod 31, the
// check is 31 − (Σ mod 31), 31 written as 0.
func usccCheck(first17 string) byte {
	sum, w := 0, 1
	for i := range 17 {
		sum += strings.IndexByte(usccChars, first17[i]) * w
		w = w * 3 % 31
	}
	return usccChars[(31-sum%31)%31]
}

// person makes a fictitious natural person.
func (g *appGen) person() disclosure.Applicant {
	name := choose(g.rng, surnames) + choose(g.rng, givenNames)
	birth := fmt.Sprintf("%04d%02d%02d", 1950+g.rng.IntN(53), 1+g.rng.IntN(12), 1+g.rng.IntN(28))
	body := choose(g.rng, areaCodes) + birth + fmt.Sprintf("%03d", g.rng.IntN(1000))
	check, _ := disclosure.ResidentIDCheck(body)
	g.people++
	a := disclosure.Applicant{Kind: disclosure.Person, Name: name, IDType: disclosure.IDResidentCard,
		IDNumber: body + string(check), Phone: g.phone(),
		Address: fmt.Sprintf("示例市示例区%s%d号%d栋%d室", choose(g.rng, streets), 1+g.rng.IntN(300), 1+g.rng.IntN(20), 101+g.rng.IntN(1500))}
	if g.rng.IntN(2) == 0 {
		a.Email = fmt.Sprintf("applicant%03d@example.com", g.people)
	}
	return a
}

// organisation makes one of the demo organisations of kind k, with the
// same 统一社会信用代码 every time it applies.
func (g *appGen) organisation(k disclosure.ApplicantKind) disclosure.Applicant {
	o := orgNames[k]
	i := g.rng.IntN(len(o.names))
	body := fmt.Sprintf("%s%s%08d%c", o.prefix, areaCodes[i%len(areaCodes)], 31000000+int(k[0])*1000+i*37, 'A'+rune(i%8))
	contact := choose(g.rng, surnames) + choose(g.rng, givenNames)
	a := disclosure.Applicant{Kind: k, Name: o.names[i], IDType: disclosure.IDUSCC, IDNumber: body + string(usccCheck(body)),
		ContactName: contact, Phone: g.phone(), Email: fmt.Sprintf("org%02d%d@example.com", i, len(k)),
		Address: fmt.Sprintf("示例市示例经济开发区%s%d号", choose(g.rng, streets), 1+g.rng.IntN(200))}
	if k == disclosure.Business && g.rng.IntN(4) == 0 {
		// A company often applies through its lawyer; the company's kind counts.
		a.Agent = disclosure.Agent{Name: choose(g.rng, surnames) + "律师", Phone: g.phone()}
	}
	return a
}

// phone is a mobile number in an unassigned-looking 0000 block.
func (g *appGen) phone() string { return fmt.Sprintf("1390000%04d", g.rng.IntN(10000)) }

// applicant draws the kind by the mix seen in municipal annual reports:
// mostly 自然人, then companies and law firms.
func (g *appGen) applicant() disclosure.Applicant {
	switch n := g.rng.IntN(100); {
	case n < 80:
		return g.person()
	case n < 90:
		return g.organisation(disclosure.Business)
	case n < 95:
		return g.organisation(disclosure.LegalService)
	case n < 97:
		return g.organisation(disclosure.Research)
	case n < 99:
		return g.organisation(disclosure.NonProfit)
	}
	return g.organisation(disclosure.OtherOrg)
}
