package newmedia

import (
	"errors"
	"fmt"
)

// APIError is an error code the official account API answered with. Its
// Error is the Chinese message staff see; Raw keeps the platform's own
// text for the log.
type APIError struct {
	API  string // e.g. "draft/add"
	Code int
	Raw  string
}

func (e *APIError) Error() string {
	return fmt.Sprintf("%s（微信公众平台错误码 %d）", ErrcodeMessage(e.Code), e.Code)
}

// errcodeMessages are the platform's error codes a government account
// meets, in the words staff need to act on them.
var errcodeMessages = map[int]string{
	-1:    "微信公众平台系统繁忙，请稍后再试",
	40001: "AppSecret 错误或调用凭证（access_token）无效，请核对公众号的 AppID 和 AppSecret",
	40002: "不合法的凭证类型",
	40007: "封面图片素材无效或已被删除，请重新上传封面",
	40013: "AppID 不正确，请核对公众号的开发者 ID",
	40014: "调用凭证（access_token）不合法，请稍后重试",
	40016: "菜单按钮个数不合法：一级菜单 1 至 3 个，每个一级菜单下最多 5 个二级菜单",
	40017: "菜单按钮类型不合法",
	40018: "菜单名称过长：一级菜单最多 4 个汉字，二级菜单最多 8 个汉字",
	40033: "内容含有微信不允许的字符",
	40054: "二级菜单的链接地址不合法",
	40055: "一级菜单的链接地址不合法",
	40125: "AppSecret 不正确，请在公众平台重置后重新填写",
	40164: "本平台服务器的 IP 地址不在公众号的 IP 白名单中，请在公众平台“开发—基本配置”中添加",
	41001: "缺少调用凭证（access_token）",
	42001: "调用凭证（access_token）已过期，请稍后重试",
	43002: "请求方法不正确",
	44002: "提交的内容为空",
	45002: "正文内容过长，请精简后再发布",
	45003: "标题过长，请精简标题",
	45004: "摘要过长，请精简摘要",
	45009: "今日该接口的调用次数已达微信公众平台的上限，请明天再试",
	45011: "调用过于频繁，请稍候再试",
	45047: "今日发送条数已达微信公众平台的上限，请明天再试",
	45064: "菜单中包含未与公众号关联的小程序，请删除或先关联",
	45065: "相同内容已在 24 小时内提交过，请勿重复发布",
	48001: "公众号未获得该接口权限（未认证的订阅号不能使用发布接口），请在公众平台确认权限",
	50002: "公众号被限制使用该接口，请登录公众平台查看原因",
	53503: "草稿未通过发布检查，请在公众平台查看该草稿的问题后修改",
	53504: "该草稿需前往公众平台官网操作发布",
	53505: "请先在公众平台手动保存该草稿后再发布",
	53600: "发布任务编号（publish_id）无效",
	65302: "菜单没有任何按钮",
}

// ErrcodeMessage is the Chinese message of an error code; unknown codes
// say so with the code, so staff can look it up.
func ErrcodeMessage(code int) string {
	if m, ok := errcodeMessages[code]; ok {
		return m
	}
	return "微信公众平台返回了未知错误"
}

// IsCode reports whether err is the platform's error code.
func IsCode(err error, code int) bool {
	var e *APIError
	return errors.As(err, &e) && e.Code == code
}

// ErrLimit is the refusal before a call past the configured daily limit.
type ErrLimit struct {
	What  string // 发布, 菜单更新
	Limit int
}

func (e *ErrLimit) Error() string {
	return fmt.Sprintf("今日%s次数已达本公众号设置的每日上限（%d次），为避免触发微信公众平台的限制，本次未调用接口。请明天再试，或由管理员调整每日上限", e.What, e.Limit)
}

// NetError is a failure to reach the platform. It never carries the
// request URL: the token request's query holds the AppSecret, and API
// calls carry the access token.
type NetError struct {
	API string
	Err error
}

func (e *NetError) Error() string {
	return "无法连接微信公众平台，请检查网络或接口地址配置后重试"
}
func (e *NetError) Unwrap() error { return e.Err }
