package chart

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/internal/frame"
)

func TestSaveAll(t *testing.T) {
	df, err := frame.New(
		frame.Strings("entidad", []string{"Colima", "Morelos", "Sinaloa"}, nil),
		frame.Floats("tasa", []float64{20.5, 12.3, 7.9}, nil),
	)
	if err != nil {
		t.Fatal(err)
	}
	ch, err := Bar(df, "entidad", "tasa", Title("Tasa"))
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "salida", "nueva")
	paths, err := ch.SaveAll(dir, "tasa")
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 2 || !strings.HasSuffix(paths[0], "tasa.png") || !strings.HasSuffix(paths[1], "tasa.svg") {
		t.Fatalf("paths = %v", paths)
	}
	for _, p := range paths {
		if fi, err := os.Stat(p); err != nil || fi.Size() == 0 {
			t.Errorf("%s: %v", p, err)
		}
	}
	paths, err = ch.SaveAll(dir, "tasa", "pdf")
	if err != nil || len(paths) != 1 || filepath.Ext(paths[0]) != ".pdf" {
		t.Errorf("pdf: %v %v", paths, err)
	}
	if _, err := ch.SaveAll(dir, "tasa", "gif"); !errors.Is(err, ErrFormat) {
		t.Errorf("gif: err = %v, want ErrFormat", err)
	}
	if _, err := ch.SaveAll(dir, ""); !errors.Is(err, ErrArgument) {
		t.Errorf("empty name: err = %v, want ErrArgument", err)
	}
}
