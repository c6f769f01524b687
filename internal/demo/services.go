package demo

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/gomutex/godocx"
	"github.com/gomutex/godocx/wml/stypes"

	"gongkai/internal/catalog"
	"gongkai/internal/files"
	"gongkai/internal/store"
)

// serviceDef is a demo 办事服务 item: the services a 市经信局 offers
// enterprises (the seed publishes each "按照项目名称、实施主体、办事程序、申报
// 材料、承诺时限及依据").
type serviceDef struct {
	code, name, org, category string
	conditions, steps, mats   string
	promised, legal, basis    string
	form                      bool // ships an application form (DOCX)
}

const commonSteps = "申请人登录示例市政务服务网或到政务服务中心提交申请\n承办科室受理并审核材料，材料不全的一次性告知补正\n组织审核或专家评审\n公示（需要公示的）并出具结果"

var serviceDefs = []serviceDef{
	{"JX-BA-001", "工业企业技术改造项目备案", "投资与规划科", "其他行政权力", "在本市依法登记注册、实施技术改造投资项目的工业企业",
		"申请人在线填报项目备案信息\n投资与规划科审核备案信息的完整性\n出具项目备案证明", "工业企业技术改造项目备案申请表\n营业执照复印件\n项目可行性说明",
		"3个工作日", "20个工作日", "《企业投资项目核准和备案管理条例》（国务院令第673号）", true},
	{"JX-RD-002", "专精特新中小企业认定", "中小企业科", "公共服务", "在本市登记注册、具有独立法人资格的中小企业，符合专业化、精细化、特色化、新颖化指标",
		commonSteps, "专精特新中小企业认定申请书\n营业执照复印件\n上年度财务审计报告\n知识产权证明材料", "30个工作日", "60个工作日",
		"《优质中小企业梯度培育管理暂行办法》（工信部企业〔2022〕63号）", true},
	{"JX-TJ-003", "省级企业技术中心认定推荐", "产业发展科", "公共服务", "研发投入和创新能力达到省级认定标准的工业企业",
		commonSteps, "企业技术中心认定申请报告\n企业技术中心评价材料\n上年度财务审计报告", "20个工作日", "", "省经信厅企业技术中心认定管理办法", true},
	{"JX-TJ-004", "绿色工厂评价推荐", "产业发展科", "公共服务", "建立能源、环境管理体系并达到绿色工厂评价要求的工业企业",
		commonSteps, "绿色工厂自评价报告\n第三方评价报告\n营业执照复印件", "20个工作日", "", "《绿色工厂评价通则》（GB/T 36132）", false},
	{"JX-JB-005", "两化融合管理体系贯标奖补申报", "信息化推进科", "公共服务", "通过两化融合管理体系评定的本市工业企业",
		commonSteps, "奖补资金申请表\n两化融合管理体系评定证书复印件\n银行账户信息", "15个工作日", "", "《示例市工业和信息化专项资金管理办法》", true},
	{"JX-RD-006", "中小企业公共服务示范平台认定", "中小企业科", "公共服务", "为中小企业提供公共服务一年以上、服务业绩良好的法人单位",
		commonSteps, "示范平台申请表\n服务业绩证明材料\n收费标准及服务规范", "30个工作日", "", "《中小企业公共服务示范平台认定管理办法》", true},
	{"JX-FW-007", "工业企业用工对接服务", "运行监测协调科", "公共服务", "本市有用工需求的规模以上工业企业",
		"企业提交用工需求\n运行监测协调科汇总并对接人社部门和院校\n组织专场招聘", "企业用工需求登记表", "5个工作日", "", "《示例市稳就业工作方案》", true},
	{"JX-TJ-008", "首台（套）重大技术装备认定推荐", "产业发展科", "公共服务", "研制首台（套）重大技术装备并实现销售的本市企业",
		commonSteps, "首台（套）认定申请书\n销售合同及发票复印件\n检测报告", "20个工作日", "", "《首台（套）重大技术装备推广应用指导目录》", false},
	{"JX-SB-009", "工业互联网标杆示范项目申报", "信息化推进科", "公共服务", "在本市实施工业互联网平台、标识解析或数字化车间项目的企业",
		commonSteps, "项目申报书\n项目实施情况说明\n营业执照复印件", "30个工作日", "", "《示例市数字经济发展专项资金管理办法》", false},
	{"JX-FW-010", "中小企业融资对接服务", "中小企业科", "公共服务", "在本市登记注册、有融资需求的中小企业",
		"企业提交融资需求\n中小企业科推送至合作金融机构\n组织银企对接会", "融资需求登记表\n营业执照复印件", "10个工作日", "", "《中华人民共和国中小企业促进法》", false},
}

// ServicesSummary counts what CreateServices made.
type ServicesSummary struct {
	Items, Forms, Accounts int
}

// CreateServices stores the demo agency's 办事服务 items (forms written under
// filesDir as DOCX) and its 政务新媒体 register. It runs after Create, with
// its summary, on first start only.
func CreateServices(ctx context.Context, st *store.Store, filesDir string, sum Summary, now time.Time) (ServicesSummary, error) {
	var out ServicesSummary
	orgs, err := st.Orgs(ctx, sum.SiteID)
	if err != nil {
		return out, err
	}
	phones := map[string]string{}
	for _, o := range orgs {
		phones[o.Name] = o.Phone
	}
	items := make([]store.ServiceItem, len(serviceDefs))
	for i, d := range serviceDefs {
		items[i] = store.ServiceItem{Code: d.code, Name: d.name, OrgID: sum.OrgIDs[d.org], Agency: Agency.Name, Category: d.category,
			Conditions: d.conditions, Steps: d.steps, Materials: d.mats, PromisedLimit: d.promised, LegalLimit: d.legal, Basis: d.basis,
			Fee: "不收费", Phone: phones[d.org], Place: Agency.Address, Hours: Agency.OfficeHours, Published: true, Sort: i + 1}
	}
	if _, err := st.ImportServiceItems(ctx, sum.SiteID, items); err != nil {
		return out, fmt.Errorf("创建办事服务事项: %w", err)
	}
	out.Items = len(items)
	docx, _ := catalog.FileTypeOf("x.docx")
	for _, d := range serviceDefs {
		if !d.form {
			continue
		}
		it, err := st.ServiceItemByCode(ctx, sum.SiteID, d.code)
		if err != nil {
			return out, err
		}
		var buf bytes.Buffer
		if err := applicationForm(&buf, d); err != nil {
			return out, err
		}
		saved, err := files.Save(filesDir, docx.Ext, &buf, now)
		if err != nil {
			return out, err
		}
		name := strings.Split(d.mats, "\n")[0] + ".docx"
		if _, err := st.CreateServiceForm(ctx, store.ServiceForm{ItemID: it.ID, Name: name, StoredAs: saved.Rel, MIME: docx.MIME,
			Size: saved.Size, SHA256: saved.SHA256}); err != nil {
			_ = files.Remove(filesDir, saved.Rel)
			return out, err
		}
		out.Forms++
	}
	day := func(n int) string { return now.AddDate(0, 0, -n).In(china).Format("2006-01-02") }
	accounts := []store.MediaAccount{
		{Name: "示例工业", Platform: store.WeChatPlatform, Handle: "shiligongye", OrgID: sum.OrgIDs["办公室"], LastPostOn: day(1), Interactive: true,
			Note: "本局官方微信公众号，开设留言板块和办事服务板块"},
		{Name: "示例市经信局", Platform: "微博", OrgID: sum.OrgIDs["办公室"], LastPostOn: day(5), Interactive: true},
		{Name: "示例中小企业服务", Platform: "抖音", OrgID: sum.OrgIDs["中小企业科"], LastPostOn: day(12), Interactive: true,
			Note: "政策解读短视频"},
	}
	for _, a := range accounts {
		a.SiteID, a.Status, a.UpdateDays = sum.SiteID, store.MediaActive, 14
		if _, err := st.CreateMediaAccount(ctx, a); err != nil {
			return out, fmt.Errorf("登记政务新媒体 %s: %w", a.Name, err)
		}
		out.Accounts++
	}
	return out, nil
}

// applicationForm writes a blank application form for the item.
func applicationForm(buf *bytes.Buffer, d serviceDef) error {
	doc, err := godocx.NewDocument()
	if err != nil {
		return err
	}
	title := doc.AddEmptyParagraph()
	title.Justification(stypes.JustificationCenter)
	title.AddText(strings.Split(d.mats, "\n")[0]).Bold(true).Size(36)
	for _, line := range []string{"申请事项：" + d.name, "申请单位（盖章）：", "统一社会信用代码：", "单位地址：",
		"联系人：　　　　　　　联系电话：", "申请理由及基本情况：", "", "", "附报材料：" + strings.ReplaceAll(d.mats, "\n", "；"),
		"", "申请单位负责人（签字）：　　　　　　　　　年　　月　　日"} {
		doc.AddEmptyParagraph().AddText(line).Size(28)
	}
	return doc.Write(buf)
}
