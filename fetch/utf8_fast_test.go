package fetch

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// validStringCases are inputs on both sides of every rule of UTF-8, at
// and across the sixteen-byte steps of validString.
var validStringCases = []string{
	"", "a", "é", "\xc3", "\xc3(", "\xc0\x80", "\xc1\xbf", "\xc2\x80", "\xdf\xbf",
	"\xe0\x80\x80", "\xe0\xa0\x80", "\xed\x9f\xbf", "\xed\xa0\x80", "\xef\xbf\xbd", "\xef\xbf",
	"\xf0\x8f\xbf\xbf", "\xf0\x90\x80\x80", "\xf4\x8f\xbf\xbf", "\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xff", "\x80",
	"abcdefghijklmnopé", "abcdefghijklmnoé", "abcdefghijklmno\xc3", "abcdefghijklmnopqrstuvwxyz012345\xe2\x80",
	"Secretaría de Educación Pública,\"Proveedora Alfa S.C.\",Licitación Pública,94512.79\n",
	"Nuevo Le\xf3n,Quer\xe9taro,M\xe9xico,Michoac\xe1n de Ocampo,Yucat\xe1n,San Luis Potos\xed\n",
}

func TestValidStringAgreesWithStdlib(t *testing.T) {
	for _, c := range validStringCases {
		for pad := 0; pad < 20; pad++ {
			for _, s := range []string{strings.Repeat("x", pad) + c, c + strings.Repeat("y", pad), strings.Repeat("é", pad) + c} {
				if got, want := validString(s), utf8.ValidString(s); got != want {
					t.Errorf("validString(%q) = %v, utf8.ValidString says %v", s, got, want)
				}
			}
		}
	}
	// the real files: UTF-8 ones and Windows-1252 ones
	files, err := filepath.Glob("testdata/csv/*")
	if err != nil || len(files) < 10 {
		t.Fatalf("the real files are missing: %v", err)
	}
	valid := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		got, want := validString(string(b)), utf8.Valid(b)
		if got != want {
			t.Errorf("%s: validString = %v, utf8.Valid says %v", f, got, want)
		}
		if want {
			valid++
		}
	}
	if valid == 0 || valid == len(files) {
		t.Errorf("%d of %d real files are valid UTF-8: want both kinds", valid, len(files))
	}
}

func FuzzValidString(f *testing.F) {
	for _, c := range validStringCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := validString(s), utf8.ValidString(s); got != want {
			t.Fatalf("validString(%q) = %v, utf8.ValidString says %v", s, got, want)
		}
	})
}

// BenchmarkValidString checks 4 MB of the generated contracts file (UTF-8,
// an accented letter every few words) with validString and with the
// standard library.
func BenchmarkValidString(b *testing.B) {
	in := benchCSV(b, 30_000, false)
	b.Run("validString", func(b *testing.B) {
		b.SetBytes(int64(len(in)))
		for i := 0; i < b.N; i++ {
			if !validString(in) {
				b.Fatal("invalid")
			}
		}
	})
	b.Run("utf8.ValidString", func(b *testing.B) {
		b.SetBytes(int64(len(in)))
		for i := 0; i < b.N; i++ {
			if !utf8.ValidString(in) {
				b.Fatal("invalid")
			}
		}
	})
}
