package fetch

import (
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/datacon-mx/cifra/internal/gen"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// Benchmarks of the CSV path on the generated contracts file of issue 8
// (internal/gen). The 100k-row runs are CI-sized; set CIFRA_BENCH_LARGE=1 for
// the 1,000,000-row (~153 MB) file of the table:
//
//	go test -run '^$' -bench CSV -benchtime 3x ./fetch/
//	CIFRA_BENCH_LARGE=1 go test -run '^$' -bench Large -benchtime 1x ./fetch/

var benchData = struct {
	sync.Mutex
	m map[string]string
}{m: map[string]string{}}

func benchCSV(b *testing.B, n int, messy bool) string {
	b.Helper()
	key := strconv.Itoa(n) + strconv.FormatBool(messy)
	benchData.Lock()
	defer benchData.Unlock()
	if s, ok := benchData.m[key]; ok {
		return s
	}
	s := contractsCSV(b, n, messy)
	benchData.m[key] = s
	return s
}

func BenchmarkReadCSV100k(b *testing.B) {
	in := benchCSV(b, 100_000, false)
	b.SetBytes(int64(len(in)))
	b.ResetTimer()
	cpu0 := cpuSeconds()
	for i := 0; i < b.N; i++ {
		df, err := ReadCSV(strings.NewReader(in))
		if err != nil || df.Nrow() != 100_000 {
			b.Fatal(err, df.Nrow())
		}
	}
	b.ReportMetric((cpuSeconds()-cpu0)/float64(b.N), "cpu-s/op")
}

func BenchmarkReadCSV100kSerial(b *testing.B) {
	in := benchCSV(b, 100_000, false)
	b.SetBytes(int64(len(in)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := ReadCSV(strings.NewReader(in), Workers(1)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadCSV100kMessy1252(b *testing.B) {
	in := benchCSV(b, 100_000, true)
	b.SetBytes(int64(len(in)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := ReadCSV(strings.NewReader(in)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadCSV100kColumns(b *testing.B) {
	in := benchCSV(b, 100_000, false)
	b.SetBytes(int64(len(in)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		df, err := ReadCSV(strings.NewReader(in), Columns("cve_ent", "importe"))
		if err != nil || df.Ncol() != 2 {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadCSVFileLarge is T1's read: the whole 1M-row file, all
// columns typed. It reports the peak heap seen by a sampler.
func BenchmarkReadCSVFileLarge(b *testing.B) {
	if os.Getenv("CIFRA_BENCH_LARGE") == "" {
		b.Skip("set CIFRA_BENCH_LARGE=1")
	}
	path := largeFile(b, 1_000_000, false)
	st, _ := os.Stat(path)
	b.SetBytes(st.Size())
	b.ResetTimer()
	peak := heapSampler()
	cpu0 := cpuSeconds()
	for i := 0; i < b.N; i++ {
		df, err := ReadCSVFile(path)
		if err != nil || df.Nrow() != 1_000_000 {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric((cpuSeconds()-cpu0)/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(peak())/(1<<20), "peak-heap-MB")
}

// BenchmarkEachChunkMemory streams a generated file many times larger than
// one chunk and reports the peak heap: it stays flat in the file size.
func BenchmarkEachChunkMemory(b *testing.B) {
	n := 300_000
	if os.Getenv("CIFRA_BENCH_LARGE") != "" {
		n = 3_000_000
	}
	path := largeFile(b, n, false)
	st, _ := os.Stat(path)
	b.SetBytes(st.Size())
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		var ms runtime.MemStats
		var peak uint64
		rows, sum := 0, 0.0
		err = EachChunk(f, 20_000, func(df dataframe.DataFrame) error {
			rows += df.Nrow()
			for _, v := range df.Col("importe").Float() {
				sum += v
			}
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak {
				peak = ms.HeapInuse
			}
			return nil
		}, Columns("cve_ent", "importe"))
		f.Close()
		if err != nil || rows != n {
			b.Fatal(err, rows)
		}
		b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
		b.ReportMetric(float64(st.Size())/(1<<20), "file-MB")
	}
}

// BenchmarkSeriesBuild measures gota's cost to take 1M strings: series.New
// boxes every element; the dictionary path builds the distinct values and
// expands them with Subset; dataframe.New then copies every series.
func BenchmarkSeriesBuild(b *testing.B) {
	const n = 1_000_000
	states := make([]string, n)
	ids := make([]string, n)
	floats := make([]float64, n)
	for i := range states {
		states[i] = gen.States[i%32].Name
		ids[i] = "CT-" + strconv.Itoa(i)
		floats[i] = float64(i) * 1.5
	}
	na := make([]bool, n)
	b.Run("series.New/strings", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			_ = series.New(states, series.String, "estado")
		}
	})
	b.Run("dictionary/strings-32-distinct", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			_ = stringSeries("estado", states, na, nil)
		}
	})
	b.Run("dictionary/strings-all-distinct", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			_ = stringSeries("id", ids, na, nil)
		}
	})
	b.Run("series.New/floats", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			_ = series.New(floats, series.Float, "importe")
		}
	})
	s := stringSeries("estado", states, na, nil)
	b.Run("dataframe.New/copy", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			_ = dataframe.New(s)
		}
	})
}

// BenchmarkInferColumn types 1M amounts (inference and parsing).
func BenchmarkInferColumn(b *testing.B) {
	raw := make([]string, 1_000_000)
	for i := range raw {
		raw[i] = strconv.FormatFloat(float64(i)*1.37, 'f', 2, 64)
	}
	cfg := newConfig(nil)
	ms := cfg.markers()
	lineOf := func(i int) int { return i + 2 }
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, _, err := typedColumn(cfg, "importe", raw, ms, lineOf, &scratch{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScan measures the scanner alone on 100k rows.
func BenchmarkScan(b *testing.B) {
	in := benchCSV(b, 100_000, false)
	b.SetBytes(int64(len(in)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := scanAll("", in, 0, ',', 1, 1, nil, true); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScanKeep is BenchmarkScan storing only three of the nine
// fields of each record (cve_ent, tipo_procedimiento, importe), as the
// pipelined reader does with Columns.
func BenchmarkScanKeep(b *testing.B) {
	in := benchCSV(b, 100_000, false)
	keep := []int32{-1, -1, 0, -1, -1, -1, 1, 2, -1}
	b.SetBytes(int64(len(in)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, _, _, e := scanKeep(in, 0, len(in), ',', 1, false, keep, false); e != nil {
			b.Fatal(e)
		}
	}
}

func largeFile(b *testing.B, n int, messy bool) string {
	b.Helper()
	dir := filepath.Join(os.TempDir(), "cifra-bench")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(dir, "contracts_"+strconv.Itoa(n)+"_"+strconv.FormatBool(messy)+".csv")
	if _, err := os.Stat(path); err == nil {
		return path
	}
	write := gen.Contracts
	if messy {
		write = gen.ContractsMessy
	}
	f, err := os.Create(path + ".tmp")
	if err != nil {
		b.Fatal(err)
	}
	if err := write(f, n, 1); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(path+".tmp", path); err != nil {
		b.Fatal(err)
	}
	return path
}

// heapSampler samples the heap in use every few milliseconds until the
// returned function is called, which gives the peak.
func heapSampler() func() uint64 {
	var peak uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var ms runtime.MemStats
		for {
			select {
			case <-done:
				return
			default:
			}
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak {
				peak = ms.HeapInuse
			}
			runtime.Gosched()
			sleepMs(20)
		}
	}()
	return func() uint64 {
		close(done)
		wg.Wait()
		return peak
	}
}

func sleepMs(n int) { time.Sleep(time.Duration(n) * time.Millisecond) }
