package publish

import (
	"path/filepath"
	"testing"
)

// BenchmarkWrite publishes INEGI's census table (4,938 rows) with the
// state and municipality catalogues.
func BenchmarkWrite(b *testing.B) {
	df := tidyConsulta(b)
	dir := b.TempDir()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p := New("poblacion")
		if err := p.AddTable("poblacion", df, PrimaryKey("cve_ent", "cve_mun", "sexo"), MunicipalityKey("cve_ent", "cve_mun")); err != nil {
			b.Fatal(err)
		}
		if err := p.Write(filepath.Join(dir, "p")); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkValidate validates that package: 7,445 rows in three files.
func BenchmarkValidate(b *testing.B) {
	dir := publishConsulta(b, tidyConsulta(b))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rep, err := Validate(dir)
		if err != nil || !rep.Valid() {
			b.Fatal(err, rep)
		}
	}
}
