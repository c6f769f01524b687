package public

import (
	"net/http"

	"gongkai/internal/web"
)

// a11yShortcut is one keyboard shortcut of the toolbar. All use Alt+Shift
// (Option+Shift on a Mac) with a letter, digit or = and -: screen readers
// take Insert and CapsLock combinations, browsers take Ctrl and Alt
// alone, so Alt+Shift+letter reaches the page in NVDA, JAWS, 争渡 and
// VoiceOver alike. static/js/a11y.js binds the same keys.
type a11yShortcut struct {
	Keys, Action string
}

var a11yShortcuts = []a11yShortcut{
	{"Alt+Shift+A", "打开或收起无障碍工具栏"},
	{"Alt+Shift+E", "开启或关闭关怀版（适老化）"},
	{"Alt+Shift+=", "放大文字"},
	{"Alt+Shift+-", "缩小文字"},
	{"Alt+Shift+L", "切换行距"},
	{"Alt+Shift+C", "切换配色（跟随系统、标准、高对比度、深色、低饱和度）"},
	{"Alt+Shift+Z", "切换页面缩放（100%、125%、150%、200%）"},
	{"Alt+Shift+M", "开启或关闭大鼠标"},
	{"Alt+Shift+X", "开启或关闭十字线"},
	{"Alt+Shift+B", "开启或关闭字幕条"},
	{"Alt+Shift+T", "开启或关闭纯文本模式"},
	{"Alt+Shift+P", "开启或关闭指读"},
	{"Alt+Shift+R", "从当前位置开始连读"},
	{"Alt+Shift+S", "停止朗读"},
	{"Alt+Shift+V", "语音输入（本站开启语音输入时）"},
	{"Alt+Shift+0", "恢复默认设置"},
	{"Alt+Shift+H", "打开本说明页"},
}

type helpPage struct {
	web.Page
	Shortcuts []a11yShortcut
}

// helpAccessibility explains the 适老化 and 无障碍 services and lists the
// keyboard a11yShortcuts (website-rules §3.5 A8: every function by keyboard).
func (h handlers) helpAccessibility(w http.ResponseWriter, r *http.Request) {
	p := helpPage{Page: h.app.Base(r, "无障碍服务说明"), Shortcuts: a11yShortcuts}
	h.app.Render(w, r, http.StatusOK, "public/help_accessibility.html", p)
}
