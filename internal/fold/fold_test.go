package fold

import "testing"

func TestKey(t *testing.T) {
	cases := []struct{ in, want string }{
		{"  Michoacán de Ocampo ", "michoacan de ocampo"},
		{"MICHOACAN  DE OCAMPO", "michoacan de ocampo"},
		{"Edo. de México", "edo de mexico"},
		{"S.A. de C.V.", "s a de c v"},
		{"Peña Nieto", "pena nieto"},
		{"", ""},
		{"---", ""},
		{"Coahuila de Zaragoza", "coahuila de zaragoza"},
	}
	for _, c := range cases {
		if got := Key(c.in); got != c.want {
			t.Errorf("Key(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestAccents(t *testing.T) {
	if got := Accents("Querétaro Peña"); got != "Queretaro Pena" {
		t.Errorf("got %q", got)
	}
}

func FuzzKey(f *testing.F) {
	for _, s := range []string{"México", "S.A. de C.V.", "\xff\xfe", "ñ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Key(s)
		if Key(k) != k {
			t.Errorf("Key not idempotent on %q: %q vs %q", s, k, Key(k))
		}
	})
}
