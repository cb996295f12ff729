package analyze

import (
	"fmt"
	"math/rand"
	"slices"
	"testing"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// keyFrame builds a table of n rows with a text key drawn from k values,
// some missing, an Int key and a Float key with missing values.
func keyFrame(n, k int, seed int64) dataframe.DataFrame {
	r := rand.New(rand.NewSource(seed))
	txt := make([]string, n)
	ints := make([]string, n)
	flts := make([]string, n)
	for i := range txt {
		switch x := r.Intn(k + 1); x {
		case k:
			txt[i] = "NaN" // gota's missing text
		default:
			txt[i] = fmt.Sprintf("clave %d", x)
		}
		ints[i] = fmt.Sprint(r.Intn(k) - k/2)
		if r.Intn(10) == 0 {
			flts[i] = "NaN"
		} else {
			flts[i] = fmt.Sprint(float64(r.Intn(k)) / 4)
		}
	}
	return dataframe.New(
		series.New(txt, series.String, "t"),
		series.New(ints, series.Int, "i"),
		series.New(flts, series.Float, "f"),
	)
}

// TestReadKeyMatchesFactorize holds readKey (one pass over a String key)
// to readColumn followed by factorize: the same groups in the same order,
// the same first rows, and the same value for every row.
func TestReadKeyMatchesFactorize(t *testing.T) {
	for _, tc := range []struct{ n, k int }{{0, 3}, {1, 1}, {7, 3}, {1000, 1}, {5000, 40}, {20000, 3000}} {
		df := keyFrame(tc.n, tc.k, int64(tc.n+tc.k))
		if df.Err != nil {
			t.Fatal(df.Err)
		}
		for _, name := range []string{"t", "i", "f"} {
			want, err := readColumn("test", df, name)
			if err != nil {
				t.Fatal(err)
			}
			wg := factorize(want)
			got, gg, err := readKey("test", df, name)
			if err != nil {
				t.Fatal(err)
			}
			if gg.n != wg.n || !slices.Equal(gg.ids, wg.ids) || !slices.Equal(gg.first, wg.first) {
				t.Fatalf("n=%d k=%d %s: grouping %d groups, want %d (ids equal: %v, firsts equal: %v)",
					tc.n, tc.k, name, gg.n, wg.n, slices.Equal(gg.ids, wg.ids), slices.Equal(gg.first, wg.first))
			}
			if !slices.Equal(got.na, want.na) {
				t.Fatalf("n=%d k=%d %s: missing marks differ", tc.n, tc.k, name)
			}
			for i := range want.na {
				if got.str(i) != want.str(i) {
					t.Fatalf("n=%d k=%d %s row %d: %q, want %q", tc.n, tc.k, name, i, got.str(i), want.str(i))
				}
			}
			if name == "t" && got.s != nil {
				t.Fatalf("readKey copied the text column into a slice")
			}
		}
	}
	if _, _, err := readKey("test", keyFrame(3, 2, 1), "nope"); err == nil {
		t.Fatal("readKey of a missing column gave no error")
	}
}

// TestGroupBySortedTextKeys checks Sorted and the output keys of a
// GroupBy whose text key is read by readKey against sums worked out here.
func TestGroupBySortedTextKeys(t *testing.T) {
	df := dataframe.New(
		series.New([]string{"b", "a", "NaN", "b", "c", "a", "NaN"}, series.String, "k"),
		series.New([]int{1, 2, 4, 8, 16, 32, 64}, series.Int, "v"),
	)
	out, err := GroupBy(df, "k").Sorted().Agg(Sum("v"))
	if err != nil {
		t.Fatal(err)
	}
	keys := out.Col("k").Records()
	sums := out.Col("v_sum").Float()
	if want := []string{"a", "b", "c", "NaN"}; !slices.Equal(keys, want) {
		t.Fatalf("keys %v, want %v", keys, want)
	}
	if want := []float64{34, 9, 16, 68}; !slices.Equal(sums, want) {
		t.Fatalf("sums %v, want %v", sums, want)
	}
	out, err = GroupBy(df, "k").Agg(Count())
	if err != nil {
		t.Fatal(err)
	}
	if got, want := out.Col("k").Records(), []string{"b", "a", "NaN", "c"}; !slices.Equal(got, want) {
		t.Fatalf("first-appearance keys %v, want %v", got, want)
	}
	if !out.Col("k").Elem(2).IsNA() {
		t.Fatal("the missing key's group lost its missing mark")
	}
}
