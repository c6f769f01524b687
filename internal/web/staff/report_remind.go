package staff

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"gongkai/internal/annualreport"
	"gongkai/internal/auth"
	"gongkai/internal/store"
	"gongkai/internal/web"
	"gongkai/internal/workday"
)

// RemindAnnualReports reminds, from 1 January until it is published, that
// last year's annual report is due (条例第四十九条: departments by 1月31日,
// governments by 3月31日): on 1 January, every Monday, and every day in the
// last week and the first week after the deadline (weekly again after
// that; for a report not drafted here, until a month after the deadline).
// The 公开办 (PermReportEdit) get an in-app notice, and the 分管领导
// (PermReportApprove) too while the report waits for approval; an e-mail
// goes to the reminder mailbox when one is set. Each is keyed by site,
// year and day, so the background loop running every minute reminds once
// a day. It returns the number of sites reminded.
func RemindAnnualReports(ctx context.Context, app *web.App) (int, error) {
	st := app.Store
	today := workday.FromTime(app.Now().In(china))
	year := today.Year() - 1
	sites, err := st.Sites(ctx)
	if err != nil {
		return 0, err
	}
	var users []auth.User
	var mailbox string
	reminded := 0
	for _, site := range sites {
		unit, state := annualreport.UnitDepartment, store.ReportState("")
		rec, err := st.AnnualReportFor(ctx, site.ID, year)
		switch {
		case err == nil:
			if rec.State == store.ReportPublished {
				continue
			}
			unit, state = annualreport.UnitKind(rec.UnitKind), rec.State
		case !errors.Is(err, store.ErrNotFound):
			return reminded, err
		}
		deadline := unit.Deadline(year)
		// A site that has not even drafted the report a month after the
		// deadline publishes it elsewhere (or imports it later): stop there.
		// A report drafted here is reminded until it is published.
		if rec.ID == 0 && today.DaysUntil(deadline) < -reminderGraceDays {
			continue
		}
		if !reportReminderDay(today, deadline) {
			continue
		}
		if users == nil { // loaded once, only when someone is reminded
			if users, err = st.Users(ctx); err != nil {
				return reminded, err
			}
			if mailbox, _, err = st.Setting(ctx, reminderMailboxKey); err != nil {
				return reminded, err
			}
		}
		key := fmt.Sprintf("annual-report:%d:%d:%s", site.ID, year, today)
		title, body := reportReminderText(site.Name, year, deadline, today, state)
		link := "/admin/annual-reports?site=" + itoa(site.ID)
		if rec.ID != 0 {
			link = "/admin/annual-reports/" + itoa(rec.ID)
		}
		var ns []store.MonitorNotice
		for _, u := range users {
			edit := u.Role.Can(auth.PermReportEdit)
			approve := u.Role.Can(auth.PermReportApprove) && state == store.ReportReviewed
			if !u.Disabled && (edit || approve) {
				ns = append(ns, store.MonitorNotice{UserID: u.ID, Key: key, Kind: "annual_report_due", Title: title, Body: body, Link: link})
			}
		}
		if err := st.NotifyStaff(ctx, ns); err != nil {
			return reminded, err
		}
		if strings.TrimSpace(mailbox) != "" {
			if _, err := st.EnqueueMail(ctx, store.Mail{DedupKey: key, To: mailbox, Subject: title, Body: body + "\n" + link}); err != nil {
				return reminded, err
			}
		}
		reminded++
	}
	return reminded, nil
}

// reminderGraceDays is how long after the deadline a report never drafted
// in the platform is still reminded.
const reminderGraceDays = 30

// reportReminderDay says whether today is a reminder day for a deadline.
func reportReminderDay(today, deadline workday.Date) bool {
	left := today.DaysUntil(deadline)
	switch {
	case today.Month() == time.January && today.Day() == 1:
		return true
	case left <= 7 && left >= -7:
		return true
	}
	return today.Weekday() == time.Monday
}

func reportReminderText(site string, year int, deadline, today workday.Date, state store.ReportState) (title, body string) {
	status := "尚未起草"
	if state != "" {
		status = "当前为" + state.Label()
	}
	left := today.DaysUntil(deadline)
	when := fmt.Sprintf("距截止日还有%d天", left)
	if left < 0 {
		when = fmt.Sprintf("已逾期%d天", -left)
		title = fmt.Sprintf("%s%d年度政府信息公开工作年度报告已逾期未发布", site, year)
	} else {
		title = fmt.Sprintf("%s%d年度政府信息公开工作年度报告应于%d月%d日前发布", site, year, deadline.Month(), deadline.Day())
	}
	body = fmt.Sprintf("根据《中华人民共和国政府信息公开条例》第四十九条，%s%d年度政府信息公开工作年度报告应于%s前向社会公布，%s，%s。请及时起草、审核并报分管领导批准后发布。",
		site, year, deadline, status, when)
	return title, body
}
