package newmedia

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
)

// DefaultCover is a plain cover image for accounts that have none: a draft
// cannot be saved without a cover material. It is 900×383 (the 2.35:1
// ratio the platform shows), the portal's red with a lighter band, drawn
// here so no image file has to ship or be uploaded by hand; staff replace
// it on the platform when they want a designed one.
func DefaultCover() []byte {
	const w, h = 900, 383
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	red := color.RGBA{0xb0, 0x1c, 0x1c, 0xff}
	band := color.RGBA{0xd9, 0x5a, 0x3c, 0xff}
	for y := range h {
		c := red
		if y > h*2/3 && y < h*2/3+24 {
			c = band
		}
		for x := range w {
			img.SetRGBA(x, y, c)
		}
	}
	var buf bytes.Buffer
	_ = png.Encode(&buf, img) // encoding to memory cannot fail
	return buf.Bytes()
}
