package analyze

import (
	"errors"
	"testing"
)

func TestParseISO(t *testing.T) {
	tests := []struct {
		in   string
		want string
		prec precision
		ord  float64
	}{
		{"2024", "2024", precYear, 2024},
		{"2024-10", "2024-10", precMonth, 2024*12 + 9},
		{"2024-10-17", "2024-10-17", precDay, 20013},
		{"2024-10-17 08:00:00", "2024-10-17", precDay, 20013},
		{"2023-Q1", "2023-Q1", precQuarter, 2023 * 4},
		{" 2024-q4 ", "2024-Q4", precQuarter, 2024*4 + 3},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			d, err := parseISO(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if d.String() != tc.want || d.prec != tc.prec || d.ordinal() != tc.ord {
				t.Errorf("parseISO(%q) = %s prec %d ordinal %v, want %s prec %d ordinal %v", tc.in, d, d.prec, d.ordinal(), tc.want, tc.prec, tc.ord)
			}
		})
	}
	for _, bad := range []string{"2023-Q0", "2023-Q5", "2023-Q12", "2023Q1", "23-Q1", "-023-Q1", "2023-T1", "2023-13", "2023-02-30", ""} {
		t.Run("bad/"+bad, func(t *testing.T) {
			if d, err := parseISO(bad); !errors.Is(err, ErrBadDate) {
				t.Errorf("parseISO(%q) = %v, %v; want ErrBadDate", bad, d, err)
			}
		})
	}
}

func TestQuarterDate(t *testing.T) {
	d, err := parseISO("2024-Q3")
	if err != nil {
		t.Fatal(err)
	}
	if got := d.minusYears(1).String(); got != "2023-Q3" {
		t.Errorf("a year before 2024-Q3 = %s, want 2023-Q3", got)
	}
	if got := d.time().Format("2006-01-02"); got != "2024-07-01" {
		t.Errorf("2024-Q3 starts %s, want 2024-07-01", got)
	}
	// A quarter has no month: month lookups (price indexes) must miss it.
	if got := d.month(); got != "2024-Q3" {
		t.Errorf("month of 2024-Q3 = %s, want the quarter itself", got)
	}
}
