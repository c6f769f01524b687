package public

import "gongkai/internal/web"

// registerServices adds the 办事服务 section (政府网站发展指引: sites with
// external service functions provide 办事服务; the seed publishes every
// service "按照项目名称、实施主体、办事程序、申报材料、承诺时限及依据"): the
// searchable list, one page per item, and its forms for download.
func registerServices(app *web.App) {
	h := handlers{app}
	app.HandlePublic("GET /service/{$}", h.serviceList)
	app.Handle("GET /service", h.addSlash)
	app.HandlePublic("GET /service/{code}", h.serviceShow)
	app.Handle("GET /service/{code}/forms/{id}/{name}", h.serviceFormDownload)
}
