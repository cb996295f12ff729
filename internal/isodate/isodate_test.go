package isodate

import "testing"

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Date
		ok   bool
	}{
		{"2024", Date{Year: 2024, Prec: Year}, true},
		{"2024-Q3", Date{Year: 2024, Month: 7, Quarter: 3, Prec: Quarter}, true},
		{"2024-q1", Date{Year: 2024, Month: 1, Quarter: 1, Prec: Quarter}, true},
		{"2024-10", Date{Year: 2024, Month: 10, Prec: Month}, true},
		{" 2024-02-29 ", Date{Year: 2024, Month: 2, Day: 29, Prec: Day}, true},
		{"2024-10-17T08:00:00", Date{Year: 2024, Month: 10, Day: 17, Prec: Day}, true},
		{"2024-10-17 00:00:00", Date{Year: 2024, Month: 10, Day: 17, Prec: Day}, true},
		{"2023-02-29", Date{}, false},
		{"0999", Date{}, false},
		{"0999-01-01", Date{}, false},
		{"+202", Date{}, false},
		{"-202", Date{}, false},
		{"2024-13", Date{}, false},
		{"2024-1", Date{}, false},
		{"2024-Q5", Date{}, false},
		{"enero", Date{}, false},
		{"17/10/2024", Date{}, false},
		{"", Date{}, false},
	} {
		got, err := Parse(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("Parse(%q) = %+v, %v; want %+v, ok %v", tc.in, got, err, tc.want, tc.ok)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"2024", "2024-Q3", "2024-10", "2024-10-17", "2024-10-17T08:00", "0999", "2024-02-30"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse(s)
		if err != nil {
			return
		}
		if d.Year < 1000 || d.Year > 9999 || d.Prec < Year || d.Prec > Day {
			t.Fatalf("Parse(%q) = %+v", s, d)
		}
		if tm := d.Time(); tm.Year() != d.Year {
			t.Fatalf("Parse(%q).Time() = %v", s, tm)
		}
	})
}
