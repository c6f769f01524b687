// Package interact is the 政民互动 domain (issue 8): the message board
// (留言), the hotline and letters log (12345 转办, 来电投诉, 来信), 人大代表建议
// and 政协提案 with their 主办/会办 deadlines, policy interpretations (解读)
// and responses to public concerns (回应), and the yearly counts the annual
// report's narrative quotes. It is pure: it does no I/O and takes the date
// and the working-day calendar as arguments; internal/store keeps the
// records and internal/web shows them.
package interact
