package tableschema

import (
	"errors"
	"testing"
)

func TestCast(t *testing.T) {
	cases := []struct {
		field Field
		raw   string
		want  string // ISO of the value; "" when the cast fails
	}{
		{Field{Type: "string"}, "01", "01"},
		{Field{Type: "integer", BareNumber: true}, "1425607", "1425607"},
		{Field{Type: "integer", BareNumber: true}, "1,425,607", ""},
		{Field{Type: "integer", GroupChar: ",", BareNumber: true}, "1,425,607", "1425607"},
		{Field{Type: "integer", BareNumber: false}, "$1425607 MXN", "1425607"},
		{Field{Type: "number", BareNumber: true}, "12.5", "12.5"},
		{Field{Type: "number", BareNumber: true}, "1.5E+06", "1500000"},
		{Field{Type: "number", DecimalChar: ",", BareNumber: true}, "1425,6", "1425.6"},
		{Field{Type: "number", DecimalChar: ",", GroupChar: ".", BareNumber: true}, "1.425,6", "1425.6"},
		{Field{Type: "number", BareNumber: true}, "12,5", ""},
		{Field{Type: "boolean"}, "TRUE", "true"},
		{Field{Type: "boolean", TrueValues: []string{"sí"}, FalseValues: []string{"no"}}, "sí", "true"},
		{Field{Type: "boolean"}, "sí", ""},
		{Field{Type: "date"}, "2020-03-15", "2020-03-15"},
		{Field{Type: "date"}, "15/03/2020", ""},
		{Field{Type: "date", Format: "%d/%m/%Y"}, "15/03/2020", "2020-03-15"},
		{Field{Type: "date", Format: "%d/%m/%Y"}, "31/02/2020", ""},
		{Field{Type: "date", Format: "fmt:%d/%m/%Y"}, "15/03/2020", "2020-03-15"},
		{Field{Type: "datetime"}, "2024-10-17T08:30:00", "2024-10-17T08:30:00"},
		{Field{Type: "year"}, "2020", "2020"},
		{Field{Type: "year"}, "20", ""},
		{Field{Type: "yearmonth"}, "2020-03", "2020-03"},
		{Field{Type: "yearmonth"}, "2020-13", ""},
		{Field{Type: "duration"}, "P1Y2M", "P1Y2M"},
		{Field{Type: "duration"}, "P", ""},
		{Field{Type: "geopoint"}, "-99.13, 19.43", "-99.13, 19.43"},
		{Field{Type: "geopoint"}, "-199.13, 19.43", ""},
		{Field{Type: "object"}, `{"a": 1}`, `{"a":1}`},
		{Field{Type: "array"}, `[1, 2]`, `[1,2]`},
	}
	for _, c := range cases {
		v, err := c.field.Cast(c.raw)
		if c.want == "" {
			if err == nil || !errors.Is(err, ErrCast) {
				t.Errorf("%s %q: got %v, want an error wrapping ErrCast", c.field.Type, c.raw, v)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s %q: %v", c.field.Type, c.raw, err)
			continue
		}
		if got := ISO(c.field.Type, v); got != c.want {
			t.Errorf("%s %q = %q, want %q", c.field.Type, c.raw, got, c.want)
		}
	}
}

func TestStrptime(t *testing.T) {
	for in, want := range map[string]string{
		"%d/%m/%Y":          "02/01/2006",
		"%Y-%m-%d %H:%M:%S": "2006-01-02 15:04:05",
		"%-d/%-m/%y":        "2/1/06",
		"%d de %B de %Y":    "02 de January de 2006",
	} {
		got, err := Strptime(in)
		if err != nil || got != want {
			t.Errorf("Strptime(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := Strptime("%Q"); err == nil {
		t.Error("an unknown directive is an error")
	}
}

func TestSafePath(t *testing.T) {
	for _, p := range []string{"datos.csv", "data/datos.csv"} {
		if err := SafePath(p); err != nil {
			t.Errorf("%q: %v", p, err)
		}
	}
	for _, p := range []string{"/etc/passwd", "../x.csv", "a/../../x.csv", "~/x.csv", `a\b.csv`, ""} {
		if err := SafePath(p); err == nil {
			t.Errorf("%q is accepted", p)
		}
	}
}
