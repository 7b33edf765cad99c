package hasim

import "math"

// hsbToRGB converts Alexa's colour (hue in degrees, saturation and
// brightness from 0 to 1) to 8-bit RGB, truncating like Home Assistant's
// color_hsb_to_RGB.
func hsbToRGB(hue, sat, bri float64) (r, g, b int) {
	hue = math.Mod(hue, 360)
	if hue < 0 {
		hue += 360
	}
	sat = math.Max(0, math.Min(1, sat))
	bri = math.Max(0, math.Min(1, bri))
	sector := hue / 60
	f := sector - math.Floor(sector)
	p := bri * (1 - sat)
	q := bri * (1 - sat*f)
	t := bri * (1 - sat*(1-f))
	var rf, gf, bf float64
	switch int(sector) {
	case 0:
		rf, gf, bf = bri, t, p
	case 1:
		rf, gf, bf = q, bri, p
	case 2:
		rf, gf, bf = p, bri, t
	case 3:
		rf, gf, bf = p, q, bri
	case 4:
		rf, gf, bf = t, p, bri
	default:
		rf, gf, bf = bri, p, q
	}
	return int(rf * 255), int(gf * 255), int(bf * 255)
}

// rgbToHS converts 8-bit RGB to hue (degrees) and saturation (percent),
// rounded to three decimals as Home Assistant's color_RGB_to_hs does.
func rgbToHS(r, g, b int) (hue, sat float64) {
	rf, gf, bf := float64(r)/255, float64(g)/255, float64(b)/255
	hi := math.Max(rf, math.Max(gf, bf))
	lo := math.Min(rf, math.Min(gf, bf))
	if hi == lo {
		return 0, 0
	}
	d := hi - lo
	switch hi {
	case rf:
		hue = math.Mod((gf-bf)/d, 6)
	case gf:
		hue = (bf-rf)/d + 2
	default:
		hue = (rf-gf)/d + 4
	}
	hue *= 60
	if hue < 0 {
		hue += 360
	}
	return round3(hue), round3(d / hi * 100)
}

func round3(f float64) float64 {
	return math.Round(f*1000) / 1000
}
