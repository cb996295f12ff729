package chart

import (
	"math"
	"time"
)

// niceTicks returns round tick values covering [lo, hi] with about n ticks
// (steps of 1, 2, 2.5 or 5 times a power of ten), and the step.
func niceTicks(lo, hi float64, n int) ([]float64, float64) {
	if n < 2 {
		n = 2
	}
	if !(hi > lo) {
		hi = lo + 1
	}
	raw := (hi - lo) / float64(n-1)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag * 10
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	start := math.Floor(lo/step+1e-9) * step
	var out []float64
	for v := start; v <= hi+step*1e-9+step*0.999 && len(out) < 100; v += step {
		t := math.Round(v/step) * step
		if t == 0 {
			t = 0 // no negative zero
		}
		out = append(out, t)
		if t >= hi-step*1e-9 {
			break
		}
	}
	return out, step
}

// dateTick is one tick on a date axis.
type dateTick struct {
	at    float64 // day number
	label string
}

// dateTicks chooses calendar ticks between day numbers lo and hi, at most
// max of them: days, months (1, 2, 3, 6) or years (1, 2, 5, 10, 20, 50…).
// Labels are "17 oct", "ene 2024" or "2024" depending on the step. prec is
// the period the data carry: monthly data get no day ticks, quarterly data
// ticks on quarters only ("T1 2024", "T2"…), annual data ticks on years
// only.
func dateTicks(lo, hi float64, max int, loc Locale, prec datePrecision) []dateTick {
	if max < 2 {
		max = 2
	}
	t0, t1 := fromDayNumber(lo), fromDayNumber(hi)
	spanDays := hi - lo
	daily := prec == precDay || prec == 0
	// day steps
	if daily && spanDays <= 92 {
		for _, s := range []int{1, 2, 7, 14} {
			var out []dateTick
			d := time.Date(t0.Year(), t0.Month(), t0.Day(), 0, 0, 0, 0, time.UTC)
			if s == 7 || s == 14 {
				for d.Weekday() != time.Monday {
					d = d.AddDate(0, 0, 1)
				}
			}
			for ; !d.After(t1); d = d.AddDate(0, 0, s) {
				out = append(out, dateTick{dayNumber(d), itoa(d.Day()) + " " + loc.Months[d.Month()-1]})
			}
			if len(out) <= max {
				return out
			}
		}
	}
	steps := []int{1, 2, 3, 6}
	if prec == precQuarter {
		steps = []int{3, 6}
	}
	if spanDays <= 366*4 && prec != precYear {
		for _, s := range steps {
			var out []dateTick
			m := int(t0.Month()) - 1
			m = (m + s - 1) / s * s
			d := time.Date(t0.Year(), time.Month(m+1), 1, 0, 0, 0, 0, time.UTC)
			if d.Before(t0) {
				d = d.AddDate(0, s, 0)
			}
			for ; !d.After(t1); d = d.AddDate(0, s, 0) {
				out = append(out, dateTick{dayNumber(d), monthLabel(d, loc)})
			}
			if len(out) <= max && len(out) >= 2 {
				if prec == precQuarter {
					// "T1 2024" at the first tick and at each first
					// quarter, "T2"… elsewhere
					for i := range out {
						t := fromDayNumber(out[i].at)
						q := (int(t.Month())-1)/3 + 1
						out[i].label = "T" + itoa(q)
						if i == 0 || q == 1 {
							out[i].label += " " + itoa(t.Year())
						}
					}
					return out
				}
				if s < 12 && len(out) > 4 {
					// "ene 2024" at January, months alone elsewhere
					for i := range out {
						t := fromDayNumber(out[i].at)
						if t.Month() != time.January && i != 0 {
							out[i].label = loc.Months[t.Month()-1]
						}
					}
				}
				return out
			}
		}
	}
	for _, s := range []int{1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000} {
		var out []dateTick
		y := (t0.Year() + s - 1) / s * s
		for d := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC); !d.After(t1); d = d.AddDate(s, 0, 0) {
			if d.Before(t0) {
				continue
			}
			out = append(out, dateTick{dayNumber(d), itoa(d.Year())})
		}
		if len(out) <= max {
			return out
		}
	}
	return nil
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	neg := i < 0
	if neg {
		i = -i
	}
	var b [20]byte
	p := len(b)
	for i > 0 {
		p--
		b[p] = byte('0' + i%10)
		i /= 10
	}
	if neg {
		p--
		b[p] = '-'
	}
	return string(b[p:])
}
