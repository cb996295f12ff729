package clean

import (
	"strings"
	"testing"

	"github.com/datacon-mx/cifra/internal/frame"
)

func TestDedupeAndDuplicates(t *testing.T) {
	df := mustFrame(t,
		frame.Strings("a", []string{"x", "x", "y", "x", "a|b", "a"}, nil),
		frame.Strings("b", []string{"1", "1", "2", "3", "c", "b|c"}, nil),
		frame.Ints("n", []int{10, 20, 30, 40, 50, 60}, nil),
	)
	out, rep, err := Dedupe(df, "a", "b")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(col(t, out, "n").Records(), ","); got != "10,30,40,50,60" || len(rep.RemovedRows) != 1 || rep.RemovedRows[0] != 2 {
		t.Errorf("keep first: %s, removed %v", got, rep.RemovedRows)
	}
	out, _, err = Config{KeepLast: true}.Dedupe(df, "a", "b")
	if err != nil || strings.Join(col(t, out, "n").Records(), ",") != "20,30,40,50,60" {
		t.Errorf("keep last: %v %v", col(t, out, "n").Records(), err)
	}
	out, rep, err = Dedupe(df)
	if err != nil || out.Nrow() != 6 || !strings.Contains(rep.String(), "no duplicate rows") {
		t.Errorf("all columns: %d rows %v", out.Nrow(), err)
	}
	d, err := Duplicates(df, "a")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(d.Names(), ",") != "a,dupe_count,b,n" || strings.Join(col(t, d, "n").Records(), ",") != "10,20,40" ||
		strings.Join(col(t, d, "dupe_count").Records(), ",") != "3,3,3" {
		t.Errorf("duplicates: %v\n%v", d.Names(), d)
	}
	none, err := Duplicates(df, "n")
	if err != nil || none.Nrow() != 0 {
		t.Errorf("no duplicates: %d rows %v", none.Nrow(), err)
	}
}

// TestDuplicatesCompranet lists the suppliers with more than one contract
// among the first 100 contracts of Compranet 2014.
func TestDuplicatesCompranet(t *testing.T) {
	df := readTestCSV(t, "compranet_contratos_2014_muestra_100.csv", false, 0)
	d, err := Duplicates(df, "PROVEEDOR_CONTRATISTA")
	if err != nil {
		t.Fatal(err)
	}
	if d.Nrow() != 44 {
		t.Errorf("%d rows, want 44 (14 suppliers)", d.Nrow())
	}
	names := col(t, d, "PROVEEDOR_CONTRATISTA").Records()
	counts := col(t, d, "dupe_count").Records()
	if names[0] != "LA VACA INDEPENDIENTE" || counts[0] != "4" {
		t.Errorf("first group %q ×%s", names[0], counts[0])
	}
	seen := map[string]string{}
	for i, n := range names {
		seen[n] = counts[i]
	}
	if seen["RAUL CISNEROS PEGUERO"] != "6" || len(seen) != 14 {
		t.Errorf("groups %v", seen)
	}
	out, rep, err := Dedupe(df, "PROVEEDOR_CONTRATISTA", "SIGLAS")
	if err != nil {
		t.Fatal(err)
	}
	if out.Nrow() != 70 || len(rep.RemovedRows) != 30 {
		t.Errorf("dedupe: %d rows left, %d removed", out.Nrow(), len(rep.RemovedRows))
	}
}

// TestDedupeSaysWhat: the Compranet 2014 sample repeats contract 665468
// exactly (rows 78 and 79); the report names the key, the row kept and
// the row removed.
func TestDedupeSaysWhat(t *testing.T) {
	df := readTestCSV(t, "compranet_contratos_2014_muestra_100.csv", false, 0)
	out, rep, err := Dedupe(df)
	if err != nil {
		t.Fatal(err)
	}
	if out.Nrow() != 99 || len(rep.RemovedRows) != 1 || rep.RemovedRows[0] != 79 {
		t.Fatalf("%d rows, removed %v", out.Nrow(), rep.RemovedRows)
	}
	s := rep.String()
	for _, want := range []string{
		"dedupe on all columns: 1 duplicate rows removed, keeping the first of each (1 groups); removed rows 79",
		`CODIGO_CONTRATO "665468"`,
		"2 rows; kept row 78, removed 79",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("report lacks %q:\n%s", want, s)
		}
	}
}
