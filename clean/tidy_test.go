package clean

import (
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/internal/frame"
)

func TestRemoveEmptyAndConstant(t *testing.T) {
	df := mustFrame(t,
		frame.Strings("entidad", []string{"Colima", "", "N/D", "Jalisco"}, nil),
		frame.Floats("pob", []float64{731391, 0, 0, 8348151}, []bool{false, true, true, false}),
		frame.Strings("vacia", []string{"", "", "-", ""}, nil),
		frame.Strings("pais", []string{"México", "México", "México", "México"}, nil),
	)
	out, rep, err := DropConstant(df)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(out.Names(), ",") != "entidad,pob,vacia" || !strings.Contains(rep.String(), `every row is "México"`) {
		t.Errorf("columns %v, report %s", out.Names(), rep)
	}
	out, rep, err = RemoveEmpty(out)
	if err != nil {
		t.Fatal(err)
	}
	if out.Nrow() != 2 || strings.Join(out.Names(), ",") != "entidad,pob" {
		t.Errorf("got %d rows, columns %v", out.Nrow(), out.Names())
	}
	if len(rep.RemovedRows) != 2 || rep.RemovedRows[0] != 2 || rep.RemovedRows[1] != 3 || !strings.Contains(rep.String(), "2 empty rows removed") {
		t.Errorf("report %v", rep)
	}
	if cr, ok := rep.Column("vacia"); !ok || cr.Result != "empty column removed" {
		t.Errorf("report %v", rep)
	}
	all := mustFrame(t, frame.Strings("a", []string{"", "N/D"}, nil))
	out, _, err = RemoveEmptyRows(all)
	if err != nil || out.Nrow() != 0 || out.Ncol() != 1 {
		t.Errorf("all empty rows: %d×%d %v", out.Nrow(), out.Ncol(), err)
	}
}

func TestFillDown(t *testing.T) {
	df := mustFrame(t,
		frame.Strings("estado", []string{"", "Aguascalientes", "", "", "Baja California", "N/D"}, nil),
		frame.Ints("n", []int{1, 0, 3, 0, 5, 6}, []bool{false, true, false, true, false, false}),
	)
	out, rep, err := FillDown(df, "estado", "n")
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(col(t, out, "estado").Records(), "|")
	if got != "NaN|Aguascalientes|Aguascalientes|Aguascalientes|Baja California|Baja California" {
		t.Errorf("estado %s", got)
	}
	if got := strings.Join(col(t, out, "n").Records(), ","); got != "1,1,3,3,5,6" {
		t.Errorf("n %s", got)
	}
	if cr, _ := rep.Column("estado"); cr.Changed != 3 || cr.Missing != 1 {
		t.Errorf("report %+v", cr)
	}
	if _, _, err := FillDown(df); err == nil {
		t.Error("no columns named: want error")
	}
}
