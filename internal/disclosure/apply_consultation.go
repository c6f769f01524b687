package disclosure

import (
	"strings"

	"gongkai/internal/workday"
)

// sendConsultation starts a 征求意见 and its pause (条例第三十二条、第三十四条,
// 第三十三条第三款).
func (c *Case) sendConsultation(ev Event, cal *workday.Calendar) error {
	switch {
	case c.State == StateAwaitingAmendment:
		return refuse(CodeState, "等待补正期间不能征求意见")
	case !ev.Party.Valid():
		return refuse(CodeMissing, "请选择征求意见的对象（第三方或共同制作机关）")
	case strings.TrimSpace(ev.PartyName) == "":
		return refuse(CodeMissing, "请填写征求意见对象的名称")
	}
	end, err := cal.AddWorkdays(ev.On, ConsultationDays)
	if err != nil {
		return err
	}
	c.Consultations = append(c.Consultations, Consultation{
		Party:     ev.Party,
		PartyName: strings.TrimSpace(ev.PartyName),
		SentOn:    ev.On,
		WindowEnd: end,
	})
	return nil
}

func (c *Case) openConsultation(ev Event) (*Consultation, error) {
	i := ev.Consultation - 1
	if i < 0 || i >= len(c.Consultations) {
		return nil, refuse(CodeConsultation, "找不到第%d次征求意见", ev.Consultation)
	}
	k := &c.Consultations[i]
	if !k.Open() {
		return nil, refuse(CodeConsultation, "第%d次征求意见已经结束", ev.Consultation)
	}
	return k, nil
}

// answerConsultation ends the pause on the day the answer arrives. A late
// answer is still recorded, but the pause never runs past the window.
func (c *Case) answerConsultation(ev Event) error {
	k, err := c.openConsultation(ev)
	if err != nil {
		return err
	}
	k.AnsweredOn = ev.On
	k.Objected = ev.Objected
	if ev.Objected {
		c.Objected = true
	}
	return nil
}

// lapseConsultation records that the 15 working days ended without an
// answer: a co-organ is deemed to consent (第三十四条), for a third party the
// organ decides itself (第三十二条).
func (c *Case) lapseConsultation(ev Event) error {
	k, err := c.openConsultation(ev)
	if err != nil {
		return err
	}
	if !ev.On.After(k.WindowEnd) {
		return refuse(CodeConsultation, "征求意见期限到%s才届满", k.WindowEnd)
	}
	k.Lapsed = true
	return nil
}
