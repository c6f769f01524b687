package staff

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"gongkai/internal/catalog"
	"gongkai/internal/monitor"
	"gongkai/internal/web"
)

// bulletinPage is the quarterly (or any period's) 通报 of the 科室.
type bulletinPage struct {
	web.Page
	form
	Sites          []catalog.Site
	SiteID         int64
	Year, Quarter  string // as chosen or typed
	From, To       string
	Years          []int
	B              monitor.Bulletin
	Rule           string
	QueryForExport string
	At             time.Time // when the columns' state was taken
}

// bulletinPeriod reads the period: ?year=&q= for a quarter, or ?from=&to=
// for any dates (inclusive). Without either it is the last full quarter.
func (h handlers) bulletinPeriod(r *http.Request, p *bulletinPage) (time.Time, time.Time, bool) {
	q := r.URL.Query()
	now := h.app.Now().In(china)
	p.From, p.To = strings.TrimSpace(q.Get("from")), strings.TrimSpace(q.Get("to"))
	p.Year, p.Quarter = q.Get("year"), q.Get("q")
	if p.From != "" || p.To != "" {
		from, err1 := monitor.ParseDay(p.From)
		to, err2 := monitor.ParseDay(p.To)
		if err1 != nil {
			p.Errs.Add("from", "请按“2025-04-01”的格式填写开始日期")
		}
		if err2 != nil {
			p.Errs.Add("to", "请按“2025-06-30”的格式填写结束日期")
		}
		if err1 == nil && err2 == nil && to.Before(from) {
			p.Errs.Add("to", "结束日期不能早于开始日期")
		}
		if len(p.Errs) > 0 {
			return time.Time{}, time.Time{}, false
		}
		return from, to.AddDate(0, 0, 1), true
	}
	year, err1 := strconv.Atoi(p.Year)
	quarter, err2 := strconv.Atoi(p.Quarter)
	if err1 != nil || err2 != nil || quarter < 1 || quarter > 4 || year < 2000 || year > now.Year() {
		cur := (int(now.Month())-1)/3 + 1
		year, quarter = now.Year(), cur-1
		if quarter == 0 {
			year, quarter = year-1, 4
		}
	}
	p.Year, p.Quarter = strconv.Itoa(year), strconv.Itoa(quarter)
	from, to := monitor.QuarterRange(year, quarter)
	return from, to, true
}

func (h handlers) bulletin(w http.ResponseWriter, r *http.Request) (bulletinPage, bool) {
	p := bulletinPage{Page: h.base(r, "科室信息报送情况通报"), form: form{Errs: catalog.FieldErrors{}}, Sites: h.app.Sites(),
		Rule: monitor.RankingRule}
	id, ok := h.siteParam(r)
	if !ok {
		h.app.Fail(w, r, web.ErrNotFound)
		return p, false
	}
	p.SiteID = id
	for y := h.app.Now().In(china).Year(); y >= h.app.Now().In(china).Year()-5; y-- {
		p.Years = append(p.Years, y)
	}
	from, to, valid := h.bulletinPeriod(r, &p)
	if !valid {
		return p, true // the form shows what is wrong
	}
	env, err := h.monitorEnv(r.Context())
	if err == nil {
		p.B, err = monitor.BuildBulletin(r.Context(), h.app.Store, id, from, to, env.Settings, h.app.Now())
	}
	if err != nil {
		h.app.Fail(w, r, err)
		return p, false
	}
	p.Title, p.At = p.B.Title, h.app.Now()
	p.QueryForExport = r.URL.RawQuery
	return p, true
}

func (h handlers) reportBulletin(w http.ResponseWriter, r *http.Request) {
	if p, ok := h.bulletin(w, r); ok {
		status := http.StatusOK
		if p.HasErrors() {
			status = http.StatusUnprocessableEntity
		}
		h.app.Render(w, r, status, "staff/report_bulletin.html", p)
	}
}

func (h handlers) reportBulletinXLSX(w http.ResponseWriter, r *http.Request) {
	p, ok := h.bulletin(w, r)
	if !ok {
		return
	}
	if p.HasErrors() {
		h.app.Fail(w, r, web.ErrBadRequest)
		return
	}
	var buf bytes.Buffer
	if err := monitor.WriteBulletinXLSX(&buf, p.B); err != nil {
		h.app.Fail(w, r, err)
		return
	}
	sendXLSX(w, fmt.Sprintf("%s信息报送通报%s至%s.xlsx", p.B.Site.Name, p.B.From, p.B.To), buf.Bytes())
}

// Quarters names the quarters for the form.
func (bulletinPage) Quarters() []string {
	return []string{"第一季度", "第二季度", "第三季度", "第四季度"}
}
