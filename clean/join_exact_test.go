package clean

import (
	"math"
	"testing"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// Integers beyond 2^53 pass through joins and reshapes exactly, and two
// keys that differ only beyond 2^53 do not match each other.
func TestJoinKeepsLargeIntegersExact(t *testing.T) {
	big := math.MaxInt64 / 2 // 2^62-1: float64 would make it 2^62
	left := dataframe.New(
		series.New([]int{big, big - 1}, series.Int, "k"),
		series.New([]int{big, 7}, series.Int, "v"),
	)
	right := dataframe.New(
		series.New([]int{big, big - 1}, series.Int, "k"),
		series.New([]int{1, big - 2}, series.Int, "w"),
	)
	out, rep, err := Join(left, right, Inner, "k")
	if err != nil {
		t.Fatal(err)
	}
	if out.Nrow() != 2 || rep.MatchedLeft != 2 {
		t.Fatalf("rows %d, report %+v", out.Nrow(), rep)
	}
	keys, _ := out.Col("k").Int()
	vs, _ := out.Col("v").Int()
	ws, _ := out.Col("w").Int()
	if keys[0] != big || keys[1] != big-1 || vs[0] != big || ws[1] != big-2 {
		t.Fatalf("values changed: k=%v v=%v w=%v", keys, vs, ws)
	}

	long, err := Longer(left, []string{"k"}, "var", "val")
	if err != nil {
		t.Fatal(err)
	}
	vals, _ := long.Col("val").Int()
	if vals[0] != big {
		t.Fatalf("Longer changed %d to %d", big, vals[0])
	}
}
