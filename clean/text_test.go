package clean

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

func TestFixMojibake(t *testing.T) {
	cases := []struct {
		name, in, want string
		fixed          bool
	}{
		{"clean", "México", "México", false},
		{"ascii", "Mexico", "Mexico", false},
		{"e acute", "MÃ©xico", "México", true},
		{"upper E acute", "MÃ‰XICO", "MÉXICO", true},
		{"enye", "PEÃ‘A NIETO", "PEÑA NIETO", true},
		{"lower enye", "EspaÃ±a", "España", true},
		{"o acute via C1", "PoblaciÃ³n", "Población", true},
		{"double", "MÃƒÂ©xico", "México", true},
		{"latin1 bytes", "M\xe9xico", "México", true},
		{"mixed ok and broken", "Querétaro y MÃ©xico", "Querétaro y México", true},
		{"degree", "25Â°C", "25°C", true},
		{"inverted question", "¿Qué?", "¿Qué?", false},
		{"replacement kept", "M\ufffdxico", "M\ufffdxico", false},
		{"decomposed to NFC", "Me\u0301xico", "México", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, fixed := FixMojibake(c.in)
			if got != c.want || fixed != c.fixed {
				t.Errorf("FixMojibake(%q) = %q, %v; want %q, %v", c.in, got, fixed, c.want, c.fixed)
			}
		})
	}
}

func TestSquish(t *testing.T) {
	cases := []struct{ in, want string }{
		{"  Ciudad\u00a0de   México\n", "Ciudad de México"},
		{"ok", "ok"},
		{"", ""},
		{" \t ", ""},
		{"a\tb", "a b"},
		{"\ufeffCLAVE", "CLAVE"},
		{"ACTITUD POSITIVA EN TONER  DE MI", "ACTITUD POSITIVA EN TONER DE MI"},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			if got := Squish(c.in); got != c.want {
				t.Errorf("Squish(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestFoldAndDamaged(t *testing.T) {
	if got := FoldString("  Michoacán de Ocampo "); got != "michoacan de ocampo" {
		t.Errorf("Fold = %q", got)
	}
	if !Damaged("M\ufffdxico") || Damaged("México") {
		t.Error("Damaged wrong")
	}
}

// TestFixMojibakeRoundTrip garbles the real names of Mexico's states the
// way a wrong decoding does (UTF-8 bytes read as Windows-1252) and checks
// that every one is repaired.
func TestFixMojibakeRoundTrip(t *testing.T) {
	names := []string{"Aguascalientes", "Ciudad de México", "Coahuila de Zaragoza", "Michoacán de Ocampo",
		"Nuevo León", "Querétaro", "San Luis Potosí", "Yucatán", "Veracruz de Ignacio de la Llave",
		"PEÑA", "CAMPAÑA", "Cosío", "Jesús María", "ÁLVARO OBREGÓN", "Ñuu Savi", "“comillas”", "€ 5"}
	for _, n := range names {
		garbled := garble(n)
		if strings.Trim(n, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ ") != "" && garbled == n {
			t.Fatalf("%q was not garbled", n)
		}
		twice := garble(garbled)
		for _, in := range []string{garbled, twice} {
			if got, _ := FixMojibake(in); got != n {
				t.Errorf("FixMojibake(%q) = %q, want %q", in, got, n)
			}
		}
	}
}

// garble reads the UTF-8 bytes of s as Windows-1252, as Windows does:
// the five bytes Windows-1252 leaves undefined become C1 controls.
func garble(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		r := charmap.Windows1252.DecodeByte(s[i])
		if r == '\ufffd' {
			r = rune(s[i])
		}
		b.WriteRune(r)
	}
	return b.String()
}

func BenchmarkFixMojibake(b *testing.B) {
	in := []string{"Ciudad de México", "MÃ©xico", "Aguascalientes", "PEÃ‘A NIETO"}
	for i := 0; i < b.N; i++ {
		for _, s := range in {
			FixMojibake(s)
		}
	}
}
