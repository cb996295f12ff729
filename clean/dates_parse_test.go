package clean

import (
	"errors"
	"testing"
)

func TestParseDate(t *testing.T) {
	cases := []struct {
		in     string
		order  dateOrder
		serial bool
		want   string
		format string
		amb    bool
		fail   bool
	}{
		{"17/10/2024", dayFirst, false, "2024-10-17", "dd/mm/yyyy", false, false},
		{"05/03/2024", dayFirst, false, "2024-03-05", "dd/mm/yyyy", true, false},
		{"05/03/2024", monthFirst, false, "2024-05-03", "mm/dd/yyyy", true, false},
		{"2024-10-17", dayFirst, false, "2024-10-17", "yyyy-mm-dd", false, false},
		{"2024/10/17", dayFirst, false, "2024-10-17", "yyyy/mm/dd", false, false},
		{"17-oct-2024", dayFirst, false, "2024-10-17", "dd-mmm-yyyy", false, false},
		{"17-OCT-24", dayFirst, false, "2024-10-17", "dd-mmm-yy", false, false},
		{"17 de octubre de 2024", dayFirst, false, "2024-10-17", "dd de mes de yyyy", false, false},
		{"Jueves, 17 de Octubre de 2024", dayFirst, false, "2024-10-17", "dd de mes de yyyy", false, false},
		{"1º de enero de 2024", dayFirst, false, "2024-01-01", "dd de mes de yyyy", false, false},
		{"octubre 2024", dayFirst, false, "2024-10", "mes yyyy", false, false},
		{"Octubre de 2024", dayFirst, false, "2024-10", "mes de yyyy", false, false},
		{"OCT/24", dayFirst, false, "2024-10", "mmm/yy", false, false},
		{"sept. 2021", dayFirst, false, "2021-09", "mmm. yyyy", false, false},
		{"ENE", dayFirst, false, "--01", "month name only", false, false},
		{"Diciembre", dayFirst, false, "--12", "month name only", false, false},
		{"October 17, 2024", dayFirst, false, "2024-10-17", "mes dd, yyyy", false, false},
		{"45582", dayFirst, true, "2024-10-17", "Excel serial", false, false},
		{"45582.75", dayFirst, true, "2024-10-17", "Excel serial", false, false},
		{"45582", dayFirst, false, "", "", false, true},
		{"123", dayFirst, true, "", "", false, true},
		{"2015-03-01 12:00:00 GMT", dayFirst, false, "2015-03-01", "yyyy-mm-dd", false, false},
		{"2024-10-17T08:30:00Z", dayFirst, false, "2024-10-17", "yyyy-mm-dd", false, false},
		{"2024-10-17T23:30:00-06:00", dayFirst, false, "2024-10-17", "yyyy-mm-dd", false, false},
		{"2014-11-12 19:21", dayFirst, false, "2014-11-12", "yyyy-mm-dd", false, false},
		{"17/10/2024 08:30 p.m.", dayFirst, false, "2024-10-17", "dd/mm/yyyy", false, false},
		{"20241017", dayFirst, false, "2024-10-17", "yyyymmdd", false, false},
		{"10/2024", dayFirst, false, "2024-10", "mm/yyyy", false, false},
		{"2024-10", dayFirst, false, "2024-10", "yyyy-mm", false, false},
		{"2020", dayFirst, true, "2020", "yyyy", false, false},
		{"202410", dayFirst, true, "2024-10", "yyyymm", false, false},
		{"202413", dayFirst, true, "", "", false, true},
		{"202410", dayFirst, false, "", "", false, true},
		{"17/10/24", dayFirst, false, "2024-10-17", "dd/mm/yy", false, false},
		{"31/02/2024", dayFirst, false, "", "", false, true},
		{"29/02/2023", dayFirst, false, "", "", false, true},
		{"29/02/2024", dayFirst, false, "2024-02-29", "dd/mm/yyyy", false, false},
		{"9999-99-99", dayFirst, false, "", "", false, true},
		{"-001-11-30", dayFirst, false, "", "", false, true},
		{"hoy", dayFirst, false, "", "", false, true},
		{"17 oct", dayFirst, false, "", "", false, true},
		{"1/2/3/4", dayFirst, false, "", "", false, true},
		{"12.5", dayFirst, false, "", "", false, true},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			p, err := parseDate(c.in, c.order, c.serial)
			if c.fail {
				if err == nil {
					t.Fatalf("parseDate(%q) = %q, want failure", c.in, p.iso())
				}
				return
			}
			if err != nil {
				t.Fatalf("parseDate(%q): %v", c.in, err)
			}
			if got := p.iso(); got != c.want || p.format != c.format || p.ambiguous != c.amb {
				t.Errorf("parseDate(%q) = %q %q amb=%v, want %q %q amb=%v", c.in, got, p.format, p.ambiguous, c.want, c.format, c.amb)
			}
		})
	}
}

func TestParseDateOtherOrder(t *testing.T) {
	if _, err := parseDate("10/17/2024", dayFirst, false); !errors.Is(err, errOtherOrder) {
		t.Errorf("got %v, want errOtherOrder", err)
	}
	if _, err := parseDate("17/10/2024", monthFirst, false); !errors.Is(err, errOtherOrder) {
		t.Errorf("got %v, want errOtherOrder", err)
	}
}

func TestDateSentinel(t *testing.T) {
	for _, s := range []string{"9999-99-99", " -001-11-30", "0000-00-00 00:00:00", "-0001-11-30"} {
		if !IsDateSentinel(s) {
			t.Errorf("IsDateSentinel(%q) = false", s)
		}
	}
	if IsDateSentinel("2024-10-17") {
		t.Error("a real date taken for a sentinel")
	}
}

func TestMonth(t *testing.T) {
	for in, want := range map[string]int{"Enero": 1, "ENE": 1, "dic.": 12, " Sept ": 9, "SETIEMBRE": 9, "October": 10} {
		if got, ok := MonthNumber(in); !ok || got != want {
			t.Errorf("MonthNumber(%q) = %d, %v", in, got, ok)
		}
	}
	if _, ok := MonthNumber("Lunes"); ok {
		t.Error("Lunes is not a month")
	}
}

// BenchmarkParseDate reads distinct values (no cache), one form after
// another.
func BenchmarkParseDate(b *testing.B) {
	forms := []string{"2024-10-17", "17/10/2024", "2014-11-24 00:00:00 GMT", "17 de octubre de 2024", "OCT/24", "05/03/2024", "2014-11-12 19:21"}
	for i := 0; i < b.N; i++ {
		for _, s := range forms {
			if _, err := parseDate(s, dayFirst, false); err != nil {
				b.Fatal(err)
			}
		}
	}
}
