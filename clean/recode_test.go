package clean

import (
	"errors"
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/internal/frame"
)

func TestRecode(t *testing.T) {
	df := mustFrame(t, frame.Strings("prov", []string{"SA DE CV", "S.A. de C.V.", "sa de cv", "OTRA", ""}, []bool{false, false, false, false, true}))
	m := map[string]string{"SA DE CV": "S.A. de C.V.", "S A": "S.A."}
	out, rep, err := Recode(df, "prov", m)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(col(t, out, "prov").Records(), "|"); got != "S.A. de C.V.|S.A. de C.V.|sa de cv|OTRA|NaN" {
		t.Errorf("got %s", got)
	}
	cr, _ := rep.Column("prov")
	if cr.Changed != 1 || cr.Seen[0] != (Tally{"SA DE CV → S.A. de C.V.", 1}) || !hasNote(cr, `1 mapping entries matched no cell: "S A"`) {
		t.Errorf("report %+v", cr)
	}
	out, rep, err = Config{FoldKeys: true}.Recode(df, "prov", m)
	if err != nil {
		t.Fatal(err)
	}
	if cr, _ := rep.Column("prov"); cr.Changed != 2 || col(t, out, "prov").Records()[2] != "S.A. de C.V." {
		t.Errorf("folded: %+v", cr)
	}
	codes := mustFrame(t, frame.Ints("SEXO", []int{1, 2, 2, 99}, nil))
	out, _, err = Recode(codes, "SEXO", map[string]string{"1": "MUJER", "2": "HOMBRE"})
	if err != nil || strings.Join(col(t, out, "SEXO").Records(), ",") != "MUJER,HOMBRE,HOMBRE,99" {
		t.Errorf("codes: %v %v", col(t, out, "SEXO").Records(), err)
	}
	if _, _, err := Recode(df, "nope", m); !errors.Is(err, ErrNoColumn) {
		t.Errorf("err %v", err)
	}
}

func TestRecodeFloatCodes(t *testing.T) {
	df := mustFrame(t, frame.Floats("clave", []float64{1, 2.5, 1}, nil))
	out, rep, err := Recode(df, "clave", map[string]string{"1": "uno", "2.5": "dos y medio"})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(col(t, out, "clave").Records(), ","); got != "uno,dos y medio,uno" {
		t.Errorf("got %s (%v)", got, rep)
	}
}
