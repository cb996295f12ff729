package fetch

import (
	"errors"
	"strings"
	"testing"
)

func TestDecodeAll(t *testing.T) {
	tests := []struct {
		name, in, want, enc string
	}{
		{"ascii", "a,b\n", "a,b\n", "UTF-8"},
		{"utf8", "año\n", "año\n", "UTF-8"},
		{"utf8 bom", "\xEF\xBB\xBFaño\n", "año\n", "UTF-8 with BOM"},
		{"windows-1252", "a\xf1o \x93cita\x94 \x80\n", "año “cita” €\n", "Windows-1252"},
		{"utf16le bom", utf16le("año\n"), "año\n", "UTF-16LE with BOM"},
		{"utf16be bom", "\xFE\xFF\x00a\x00\xf1\x00o", "año", "UTF-16BE with BOM"},
		{"utf16le no bom", "a\x00,\x00b\x00\n\x001\x00,\x002\x00\n\x00", "a,b\n1,2\n", "UTF-16LE"},
		{"utf8 with a stray byte", "Querétaro,Michoacán,Yucatán,León,Peña\nCami\xf1o\n", "Querétaro,Michoacán,Yucatán,León,Peña\nCamiño\n", "UTF-8 (1 invalid bytes read as Windows-1252)"},
		{"windows-1252 with accents", "Quer\xe9taro,Michoac\xe1n\nLe\xf3n\n", "Querétaro,Michoacán\nLeón\n", "Windows-1252"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, enc, err := decodeAll(newConfig(nil), tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want || enc != tt.enc {
				t.Errorf("decodeAll = %q (%s), want %q (%s)", got, enc, tt.want, tt.enc)
			}
		})
	}
}

func TestDecodeBinary(t *testing.T) {
	for name, in := range map[string]string{
		"nul":  "abc\x00def",
		"xlsx": "PK\x03\x04rest",
		"xls":  "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
		"pdf":  "%PDF-1.4",
		"gzip": "\x1f\x8b\x08",
		"ctrl": strings.Repeat("\x01\x02\x03a", 100),
	} {
		t.Run(name, func(t *testing.T) {
			_, _, err := decodeAll(newConfig([]Option{Source("f.csv")}), in)
			if !errors.Is(err, ErrFormat) || !strings.HasPrefix(err.Error(), "fetch: f.csv: ") {
				t.Errorf("err %v", err)
			}
		})
	}
}

func TestFixUTF8(t *testing.T) {
	if got := string(fixUTF8([]byte("año a\xf1o"))); got != "año año" {
		t.Errorf("fixUTF8 = %q", got)
	}
	if got := decodeWindows1252("\x81\x8d"); got != "\u0081\u008d" {
		t.Errorf("undefined bytes = %q", got)
	}
}
