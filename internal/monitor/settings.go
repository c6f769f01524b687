package monitor

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"reflect"
	"strconv"
	"strings"

	"gongkai/internal/catalog"
	"gongkai/internal/store"
)

// Settings are every threshold of the monitors. The defaults are the [C]
// values of 国办秘函〔2019〕19号 (website-rules §1.8); the office can change
// each of them in the back office, and a column's window per column.
// Fields carry their form label; Fields and Set work from the tags.
type Settings struct {
	SiteURL string `json:"site_url" group:"门户网站" label:"本平台门户网站地址" hint:"检查与拨测的起点，如 https://www.example.gov.cn/ ；留空时使用服务监听地址" kind:"url"`

	HomepageDays    int  `json:"homepage_days" group:"首页与栏目更新（单项否决第3、4项）" label:"首页更新周期（天）" hint:"首页不更新：监测2周内首页无信息更新（单项否决）" min:"1" max:"365"`
	NewsDays        int  `json:"news_days" label:"动态要闻类栏目更新周期（天）" hint:"2周" min:"1" max:"3650"`
	NoticeDays      int  `json:"notice_days" label:"通知公告、政策文件类栏目更新周期（天）" hint:"6个月" min:"1" max:"3650"`
	PlanDays        int  `json:"plan_days" label:"人事、规划计划类栏目更新周期（天）" hint:"1年（规则原文未核实，可调整）" min:"1" max:"3650"`
	StaleVeto       int  `json:"stale_veto" label:"动态要闻、通知公告、政策文件类未更新栏目否决数" hint:"累计超过（含）5个" min:"1" max:"1000"`
	ShouldVeto      int  `json:"should_veto" label:"应更新但长期未更新栏目否决数" hint:"超过（含）10个" min:"1" max:"1000"`
	BlankVeto       int  `json:"blank_veto" label:"空白栏目否决数" hint:"超过（含）5个" min:"1" max:"1000"`
	FirstLevelOnly  bool `json:"first_level_only" label:"通知公告、政策文件类只统计一级栏目" hint:"2022年版自查表写作“一级栏目”"`
	AlertDays       int  `json:"alert_days" label:"提前提醒天数" hint:"栏目将在此天数内超期时提醒负责科室信息员" min:"0" max:"60"`
	ProbeTimeout    int  `json:"probe_timeout" group:"站点可访问性（单项否决第2项）" label:"拨测超时（秒）" hint:"超过（含）15秒仍打不开计为失败" min:"1" max:"120"`
	ProbeWindowDays int  `json:"probe_window_days" label:"可用性监测周期（天）" hint:"监测1周" min:"1" max:"90"`
	ProbesPerDay    int  `json:"probes_per_day" label:"每天最少拨测次数" hint:"每天间隔性访问20次以上" min:"1" max:"1440"`
	// UnreachablePct is a percentage (5 means 5 %).
	UnreachablePct float64 `json:"unreachable_pct" label:"无法访问否决比例（%）" hint:"累计占比超过（含）5%" min:"0.1" max:"100"`

	CrawlMaxPages     int  `json:"crawl_max_pages" group:"链接检查与关注的其他网站" label:"链接检查最多抓取页面数" min:"10" max:"1000000"`
	CrawlWorkers      int  `json:"crawl_workers" label:"链接检查并发数（本站）" min:"1" max:"64"`
	CrawlTimeout      int  `json:"crawl_timeout" label:"链接检查超时（秒）" min:"1" max:"120"`
	CrawlRetries      int  `json:"crawl_retries" label:"失败重试次数" min:"0" max:"5"`
	ExternalDelayMs   int  `json:"external_delay_ms" label:"同一外部网站请求间隔（毫秒）" hint:"礼貌抓取，避免给其他单位网站造成压力" min:"0" max:"60000"`
	CheckExternal     bool `json:"check_external" label:"检查外部链接"`
	WatchMaxPages     int  `json:"watch_max_pages" label:"外部站点每次最多抓取页面数" min:"10" max:"100000"`
	UnansweredMonths  int  `json:"unanswered_months" group:"互动回应（单项否决第5项）" label:"留言未回应期限（月）" hint:"超过3个月未回应有效留言（单项否决）" min:"1" max:"24"`
	InteractionLookup int  `json:"interaction_lookback" label:"互动回应回溯天数" hint:"监测时间点前1年内" min:"1" max:"3650"`
	// 服务不实用 (website-rules §1.3 item 6, §1.8 service_guide): the ten
	// 办事指南 elements are ServiceItem.Missing's; the two thresholds are [R].
	ServiceMissing int `json:"service_missing" group:"办事服务（单项否决第6项）" label:"办事指南缺失要素类别数" hint:"十类要素（事项名称、设定依据、申请条件、办理材料、办理地点、办理机构、收费标准、办理时间、联系电话、办理流程）缺失4类及以上的事项计入否决" min:"1" max:"10"`
	ServiceVeto    int `json:"service_veto" label:"要素缺失事项否决数" hint:"缺失4类及以上的事项数量超过（含）5个（单项否决）" min:"1" max:"1000"`

	// Deductions (扣分). The 2019 point values were not retrieved
	// (website-rules §1.5 [R]); these are the platform's defaults.
	PerBrokenLink  float64 `json:"per_broken_link" group:"扣分标准" label:"每个错链、断链扣分" min:"0" max:"100"`
	CapBrokenLinks float64 `json:"cap_broken_links" label:"链接可用性最多扣分" min:"0" max:"100"`
	PerStale       float64 `json:"per_stale" label:"每个未更新或空白栏目扣分（未达否决线时）" min:"0" max:"100"`
	CapStale       float64 `json:"cap_stale" label:"栏目更新最多扣分" min:"0" max:"100"`
	PerTypo        float64 `json:"per_typo" label:"每处错别字扣分" min:"0" max:"100"`
	CapTypo        float64 `json:"cap_typo" label:"内容准确最多扣分" min:"0" max:"100"`
	PerDataIssue   float64 `json:"per_data_issue" label:"每个目录数据问题扣分" min:"0" max:"100"`
	CapDataIssues  float64 `json:"cap_data_issues" label:"目录数据最多扣分" min:"0" max:"100"`
	PerOverdue     float64 `json:"per_overdue" label:"每件超期未答复依申请公开扣分" min:"0" max:"100"`
	CapOverdue     float64 `json:"cap_overdue" label:"依申请公开办理最多扣分" min:"0" max:"100"`
	PerProbePct    float64 `json:"per_probe_pct" label:"首页拨测失败率每1%扣分（未达否决线时）" min:"0" max:"100"`
	CapProbe       float64 `json:"cap_probe" label:"首页可用性最多扣分" min:"0" max:"100"`
	PerServiceGap  float64 `json:"per_service_gap" label:"每个办事指南要素不全的事项扣分（未达否决线时）" min:"0" max:"100"`
	CapServiceGaps float64 `json:"cap_service_gaps" label:"服务实用最多扣分" min:"0" max:"100"`
	PassScore      float64 `json:"pass_score" label:"合格分数线" hint:"低于60分为不合格" min:"0" max:"100"`

	// Watched lists other sites (county bureaus' own sites) whose freshness
	// is derived from their crawled pages, one "名称 网址" per line.
	Watched string `json:"watched" group:"关注的其他网站" label:"关注的其他网站" hint:"每行一个：名称 网址，如：示例县经信局 https://jxj.example.gov.cn/" kind:"lines"`
}

// DefaultSettings are the national indicators' values.
func DefaultSettings() Settings {
	return Settings{
		HomepageDays: 14, NewsDays: 14, NoticeDays: 183, PlanDays: 365,
		StaleVeto: 5, ShouldVeto: 10, BlankVeto: 5, AlertDays: 3,
		ProbeTimeout: 15, ProbeWindowDays: 7, ProbesPerDay: 20, UnreachablePct: 5,
		CrawlMaxPages: 200_000, CrawlWorkers: 8, CrawlTimeout: 15, CrawlRetries: 2, ExternalDelayMs: 1000,
		CheckExternal: true, WatchMaxPages: 2000, UnansweredMonths: 3, InteractionLookup: 365,
		ServiceMissing: 4, ServiceVeto: 5, PerServiceGap: 0.5, CapServiceGaps: 10,
		PerBrokenLink: 0.5, CapBrokenLinks: 10, PerStale: 2, CapStale: 20, PerTypo: 1, CapTypo: 10,
		PerDataIssue: 0.5, CapDataIssues: 10, PerOverdue: 1, CapOverdue: 10, PerProbePct: 1, CapProbe: 5,
		PassScore: 60,
	}
}

// settingsKey is where the settings live in the settings table (as JSON;
// keys missing there keep their defaults, so new settings need no migration).
const settingsKey = "monitor.settings"

// LoadSettings reads the stored settings over the defaults.
func LoadSettings(ctx context.Context, st *store.Store) (Settings, error) {
	s := DefaultSettings()
	raw, ok, err := st.Setting(ctx, settingsKey)
	if err != nil || !ok {
		return s, err
	}
	if err := json.Unmarshal([]byte(raw), &s); err != nil {
		return DefaultSettings(), fmt.Errorf("monitor settings: %w", err)
	}
	return s, nil
}

// SaveSettings stores s.
func SaveSettings(ctx context.Context, st *store.Store, s Settings) error {
	b, err := json.Marshal(s)
	if err != nil {
		return err
	}
	return st.SetSetting(ctx, settingsKey, string(b))
}

// WindowFor is the default freshness window of a column kind in days, 0
// when the indicators set none (website-rules §1.4: 动态要闻 2 weeks; 通知公告
// and 政策文件 6 months; 人事 and 规划计划 1 year).
func (s Settings) WindowFor(k catalog.ColumnKind) int {
	switch k {
	case catalog.KindNews:
		return s.NewsDays
	case catalog.KindNotice, catalog.KindPolicy:
		return s.NoticeDays
	case catalog.KindPersonnel, catalog.KindPlan:
		return s.PlanDays
	}
	return 0
}

// WatchedSite is another website whose freshness is followed.
type WatchedSite struct {
	Name, URL string
}

// WatchedSites parses Watched; lines that are not "名称 网址" are skipped
// (Set refuses them when the office saves the form).
func (s Settings) WatchedSites() []WatchedSite {
	var out []WatchedSite
	for _, line := range strings.Split(s.Watched, "\n") {
		if w, err := parseWatched(line); err == nil && w.URL != "" {
			out = append(out, w)
		}
	}
	return out
}

func parseWatched(line string) (WatchedSite, error) {
	f := strings.Fields(line)
	if len(f) == 0 {
		return WatchedSite{}, nil
	}
	raw := f[len(f)-1]
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return WatchedSite{}, fmt.Errorf("“%s”不是有效的网址（应以 http:// 或 https:// 开头）", raw)
	}
	name := strings.Join(f[:len(f)-1], " ")
	if name == "" {
		name = u.Host
	}
	return WatchedSite{Name: name, URL: u.String()}, nil
}

// Field is one setting as the settings form shows it.
type Field struct {
	Group                    string // the fieldset it belongs to
	Name, Label, Hint, Value string
	Kind                     string // int | float | bool | url | lines
	Min, Max                 string
}

// Fields lists the settings in declaration order with their current values.
func (s Settings) Fields() []Field {
	v := reflect.ValueOf(s)
	t := v.Type()
	out := make([]Field, 0, t.NumField())
	group := ""
	for i := range t.NumField() {
		sf := t.Field(i)
		if g := sf.Tag.Get("group"); g != "" {
			group = g
		}
		f := Field{Group: group, Name: strings.Split(sf.Tag.Get("json"), ",")[0], Label: sf.Tag.Get("label"), Hint: sf.Tag.Get("hint"),
			Kind: sf.Tag.Get("kind"), Min: sf.Tag.Get("min"), Max: sf.Tag.Get("max")}
		fv := v.Field(i)
		switch sf.Type.Kind() {
		case reflect.Int:
			f.Kind, f.Value = "int", strconv.FormatInt(fv.Int(), 10)
		case reflect.Float64:
			f.Kind, f.Value = "float", strconv.FormatFloat(fv.Float(), 'f', -1, 64)
		case reflect.Bool:
			f.Kind, f.Value = "bool", strconv.FormatBool(fv.Bool())
		default:
			f.Value = fv.String()
		}
		out = append(out, f)
	}
	return out
}

// FieldGroup is a fieldset of the settings form.
type FieldGroup struct {
	Name   string
	Fields []Field
}

// Group splits fields into their fieldsets, in order.
func Group(fields []Field) []FieldGroup {
	var out []FieldGroup
	for _, f := range fields {
		if len(out) == 0 || out[len(out)-1].Name != f.Group {
			out = append(out, FieldGroup{Name: f.Group})
		}
		out[len(out)-1].Fields = append(out[len(out)-1].Fields, f)
	}
	return out
}

// Set changes the setting named by its JSON name from form input, checking
// it against the field's bounds; the error is the Chinese message shown
// beside the field.
func (s *Settings) Set(name, value string) error {
	v := reflect.ValueOf(s).Elem()
	t := v.Type()
	for i := range t.NumField() {
		sf := t.Field(i)
		if strings.Split(sf.Tag.Get("json"), ",")[0] != name {
			continue
		}
		return setField(v.Field(i), sf, strings.TrimSpace(value))
	}
	return fmt.Errorf("未知设置项 %s", name)
}

func setField(fv reflect.Value, sf reflect.StructField, value string) error {
	lo, _ := strconv.ParseFloat(sf.Tag.Get("min"), 64)
	hi, _ := strconv.ParseFloat(sf.Tag.Get("max"), 64)
	inRange := func(x float64) error {
		if sf.Tag.Get("min") != "" && (x < lo || x > hi) {
			return fmt.Errorf("请填写 %s 到 %s 之间的数", sf.Tag.Get("min"), sf.Tag.Get("max"))
		}
		return nil
	}
	switch sf.Type.Kind() {
	case reflect.Int:
		n, err := strconv.Atoi(value)
		if err != nil {
			return fmt.Errorf("请填写整数")
		}
		if err := inRange(float64(n)); err != nil {
			return err
		}
		fv.SetInt(int64(n))
	case reflect.Float64:
		x, err := strconv.ParseFloat(value, 64)
		if err != nil {
			return fmt.Errorf("请填写数字")
		}
		if err := inRange(x); err != nil {
			return err
		}
		fv.SetFloat(x)
	case reflect.Bool:
		fv.SetBool(value == "on" || value == "true" || value == "1")
	default:
		switch sf.Tag.Get("kind") {
		case "url":
			if value != "" {
				if _, err := parseWatched(value); err != nil {
					return err
				}
			}
		case "lines":
			for i, line := range strings.Split(value, "\n") {
				if _, err := parseWatched(line); err != nil {
					return fmt.Errorf("第%d行：%v", i+1, err)
				}
			}
		}
		fv.SetString(value)
	}
	return nil
}
