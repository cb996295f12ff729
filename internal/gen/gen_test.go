package gen

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

func TestContractsDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	if err := Contracts(&a, 1000, 7); err != nil {
		t.Fatal(err)
	}
	if err := Contracts(&b, 1000, 7); err != nil {
		t.Fatal(err)
	}
	if sha256.Sum256(a.Bytes()) != sha256.Sum256(b.Bytes()) {
		t.Fatal("same seed, different bytes")
	}
	var c bytes.Buffer
	if err := Contracts(&c, 1000, 8); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Fatal("different seeds, same bytes")
	}
}

func TestContractsShape(t *testing.T) {
	tests := []struct {
		name  string
		write func(*bytes.Buffer, int, int64) error
	}{
		{"clean", func(b *bytes.Buffer, n int, s int64) error { return Contracts(b, n, s) }},
		{"messy", func(b *bytes.Buffer, n int, s int64) error { return ContractsMessy(b, n, s) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tt.write(&b, 2000, 1); err != nil {
				t.Fatal(err)
			}
			text := b.String()
			if tt.name == "messy" {
				var err error
				text, err = charmap.Windows1252.NewDecoder().String(text)
				if err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(text, "\r\n") || !strings.Contains(text, "N/D") || !strings.Contains(text, `"$`) {
					t.Error("messy file lacks CRLF, N/D or $ amounts")
				}
			}
			recs, err := csv.NewReader(strings.NewReader(text)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if len(recs) != 2001 || strings.Join(recs[0], ",") != Header {
				t.Fatalf("%d records, header %q", len(recs), recs[0])
			}
			for _, r := range recs[1:] {
				if len(r) != 9 || len(r[2]) != 2 || len(r[1]) != 10 {
					t.Fatalf("bad row %q", r)
				}
			}
		})
	}
	// the twin holds the same rows: same ids, dates and codes.
	var clean, messy bytes.Buffer
	if err := Contracts(&clean, 500, 3); err != nil {
		t.Fatal(err)
	}
	if err := ContractsMessy(&messy, 500, 3); err != nil {
		t.Fatal(err)
	}
	a, _ := csv.NewReader(&clean).ReadAll()
	m, _ := charmap.Windows1252.NewDecoder().Bytes(messy.Bytes())
	b, _ := csv.NewReader(bytes.NewReader(m)).ReadAll()
	for i := range a {
		if a[i][0] != b[i][0] || a[i][2] != b[i][2] || a[i][5] != b[i][5] {
			t.Fatalf("row %d differs: %q vs %q", i, a[i], b[i])
		}
	}
}

func TestAppendGrouped(t *testing.T) {
	for cents, want := range map[int64]string{5: "0.05", 123456: "1,234.56", 100000000: "1,000,000.00", 99999: "999.99"} {
		if got := string(appendGrouped(nil, cents)); got != want {
			t.Errorf("%d: %q, want %q", cents, got, want)
		}
	}
}

func BenchmarkContracts100k(b *testing.B) {
	for i := 0; i < b.N; i++ {
		var buf bytes.Buffer
		if err := Contracts(&buf, 100_000, 1); err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(buf.Len()))
	}
}

func ExampleContracts() {
	var b bytes.Buffer
	if err := Contracts(&b, 2, 1); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(b.String())
	// Output:
	// id,fecha,cve_ent,estado,dependencia,proveedor,tipo_procedimiento,importe,moneda
	// CT-2021-007-0000001,14/04/2021,28,Tamaulipas,Instituto Mexicano del Seguro Social,"Proveedora Alfa 8 Hermanos S.C.",Licitación Pública,94512.79,MXN
	// CT-2020-119-0000002,09/03/2020,03,Baja California Sur,Secretaría de Turismo,"Proveedora Industrial 31 S.C.",Invitación a 3,66547.88,MXN
}
