package sniff

import (
	"strings"
	"testing"
	"unicode/utf16"
)

func utf16le(s string, bom bool) []byte {
	var out []byte
	if bom {
		out = append(out, 0xff, 0xfe)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

func TestHTML(t *testing.T) {
	page := "<!DOCTYPE html><html><head><title>Error 500</title></head><body>Servicio no disponible</body></html>"
	cases := []struct {
		name string
		b    []byte
		want bool
	}{
		{"page", []byte(page), true},
		{"3000 bytes of whitespace", []byte(strings.Repeat(" \r\n\t", 750) + page), true},
		{"long comment", []byte("<!--" + strings.Repeat("x", 5000) + "-->\n" + page), true},
		{"unclosed comment in the prefix", []byte("<!--" + strings.Repeat("x", 5000)), true},
		{"xml declaration", []byte(`<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">`), true},
		{"UTF-16 with BOM", utf16le(page, true), true},
		{"UTF-16 without BOM", utf16le("  "+page, false), true},
		{"BOM then body", []byte("\xef\xbb\xbf<body>"), true},
		{"CSV", []byte("entidad,total\nColima,12\n"), false},
		{"CSV in UTF-16", utf16le("entidad,total\nColima,12\n", true), false},
		{"JSON", []byte(`{"success":true}`), false},
		{"KML", []byte(`<?xml version="1.0"?><kml><Document><description><![CDATA[<div>x</div>]]></description></Document></kml>`), false},
		{"less-than value", []byte("<5,10\n"), false},
		{"empty", nil, false},
		{"paragraph", []byte("<p>Not found</p>"), true},
		{"pre", []byte("<pre>x</pre>"), true},
		{"param named like an element", []byte("<parameters/>"), false},
	}
	for _, tc := range cases {
		if got := HTML(tc.b); got != tc.want {
			t.Errorf("%s: HTML = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func FuzzHTML(f *testing.F) {
	f.Add([]byte("<!-- x --><html>"))
	f.Add(utf16le("<html>", true))
	f.Fuzz(func(t *testing.T, b []byte) {
		HTML(b) // must not panic
	})
}
