package public_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp/kb"

	"gongkai/internal/store"
	"gongkai/internal/web/router"
)

// keyboardPortal is the portal fixture served with the calendar seeded and
// the clock pinned to applyNow (a working day), as the application tests
// have it, so the keyboard flow can file an application at its end.
func keyboardPortal(t testing.TB, st *store.Store) (*portal, http.Handler) {
	t.Helper()
	p := newPortal(t, st)
	ctx := context.Background()
	if err := st.SeedCalendar(ctx); err != nil {
		t.Fatal(err)
	}
	app, h, err := router.New(ctx, p.cfg, st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	app.Now = func() time.Time { return applyNow }
	return p, h
}

// formControls lists the visible controls of the application form lower
// than 44 CSS pixels (website-rules §3.3: 适老化 targets). A radio button
// or checkbox is measured with its label, which is what a finger or a
// pointer hits; the honeypot, out of sight and out of the tab order, is
// not a target.
const formControls = `(() => [...document.querySelectorAll('.apply-form input:not([type=hidden]), .apply-form select, .apply-form textarea, .apply-form button')]
  .filter(e => e.tabIndex >= 0)
  .map(e => (e.type === 'radio' || e.type === 'checkbox') ? (e.closest('label') || e.parentElement) : e)
  .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height < 44; })
  .slice(0, 8).map(e => e.tagName.toLowerCase() + '#' + (e.id || e.htmlFor || '') + ' ' + Math.round(e.getBoundingClientRect().height) + 'px'))()`

var trackingCodeRE = regexp.MustCompile(`^YS\d{4}-\d{6}$`)

// fileByKeyboard fills the whole application form from the focused
// 申请公开 link with the keyboard only — Tab between fields, typing into
// them, Space for the radio buttons and the checkbox, arrow keys for the
// radio groups and the select — sends it with Enter and returns the
// tracking code on the confirmation page. Styles are checked in 关怀版.
func fileByKeyboard(t *testing.T, ctx context.Context) string {
	t.Helper()
	a11yEnterAndLoad(t, ctx, "open the application form")
	if !a11yEval[bool](t, ctx, `document.documentElement.classList.contains('elder') && !!document.querySelector('.apply-form')`) {
		t.Fatal("the application form is not shown in 关怀版")
	}
	if body := a11yEval[float64](t, ctx, `parseFloat(getComputedStyle(document.body).fontSize)`); body < 18 {
		t.Errorf("the form's body text is %vpx in 关怀版, want ≥ 18px", body)
	}
	for _, sel := range []string{"#applicant-name", "#description", "label[for=consent]", ".apply-form .hint"} {
		if px := a11yEval[float64](t, ctx, `parseFloat(getComputedStyle(document.querySelector('`+sel+`')).fontSize)`); px < 18 {
			t.Errorf("%s text is %vpx in 关怀版, want ≥ 18px", sel, px)
		}
	}
	if low := a11yEval[[]string](t, ctx, formControls); len(low) > 0 {
		t.Errorf("form controls lower than 44px in 关怀版: %v", low)
	}

	field := func(id, text string) {
		t.Helper()
		a11yTabTo(t, ctx, "#"+id, `e.id === '`+id+`'`, 40)
		a11yKeys(t, ctx, text)
	}
	// choose moves through a radio group as a keyboard user does: Tab
	// lands on its first button, Space checks it, arrows move the choice.
	choose := func(name, id string) {
		t.Helper()
		a11yTabTo(t, ctx, "the "+name+" group", `e.name === '`+name+`'`, 40)
		a11yKeys(t, ctx, " ")
		for range 6 {
			if a11yEval[bool](t, ctx, `document.getElementById('`+id+`').checked`) {
				return
			}
			a11yKeys(t, ctx, kb.ArrowDown)
		}
		t.Fatalf("arrow keys never chose #%s", id)
	}
	choose("applicant.kind", "applicant-kind-person")
	field("applicant-name", "张建国")
	a11yTabTo(t, ctx, "the ID type", `e.id === 'applicant-id_type'`, 10)
	for i := 0; a11yEval[string](t, ctx, `document.activeElement.value`) != "resident_id"; i++ {
		if i == 8 {
			t.Fatal("arrow keys never chose 居民身份证 in the ID type")
		}
		a11yKeys(t, ctx, kb.ArrowDown)
	}
	field("applicant-id_number", personID(7))
	field("applicant-phone", "13800138000")
	field("applicant-email", "zhang@example.com")
	field("description", "2025年度本市工业企业技术改造奖补资金的分配结果")
	choose("delivery.form", "delivery-form-electronic")
	choose("delivery.method", "delivery-method-email")
	a11yTabTo(t, ctx, "the consent checkbox", `e.id === 'consent'`, 40)
	a11yKeys(t, ctx, " ")
	if !a11yEval[bool](t, ctx, `document.getElementById('consent').checked`) {
		t.Fatal("Space did not tick the consent")
	}
	a11yTabTo(t, ctx, "提交申请", `e.type === 'submit' && !!e.closest('.apply-form')`, 20)
	a11yEnterAndLoad(t, ctx, "submit the application")

	if text := a11yEval[string](t, ctx, `document.body.innerText`); !strings.Contains(text, "政府信息公开申请接收回执") {
		t.Fatalf("after submitting: %.400s", text)
	}
	code := a11yEval[string](t, ctx, `(e => e ? e.textContent.trim() : '')(document.getElementById('code'))`)
	if !trackingCodeRE.MatchString(code) {
		t.Fatalf("the confirmation shows tracking code %q", code)
	}
	return code
}
