// Command cifra-bench generates the benchmark contract files and runs one
// of the pipeline tasks T1–T4 as a whole process, printing its result, its
// wall time and its peak memory, so cifra can be timed side by side with
// other tools on the same files.
//
//	go run ./bench/cmd/cifra-bench -gen -rows 1000000 -dir /tmp/cifra-bench
//	go run ./bench/cmd/cifra-bench -task T2 -dir /tmp/cifra-bench
//	go run ./bench/cmd/cifra-bench -task T2 -dir /tmp/cifra-bench -cpuprofile t2.prof
//	go run ./bench/cmd/cifra-bench -task T2 -dir /tmp/cifra-bench -memprofile t2.mem
//	go run ./bench/cmd/cifra-bench -task stream -file /data/big.csv
//
// The stream task reads the file chunk by chunk (fetch.EachChunk) and
// prints its peak memory, which stays flat in the file size.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/datacon-mx/cifra/bench"
	"github.com/datacon-mx/cifra/internal/gen"
	"github.com/go-gota/gota/dataframe"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "cifra-bench:", err)
		os.Exit(1)
	}
}

func run() error {
	var (
		doGen = flag.Bool("gen", false, "write contratos.csv and contratos_1252.csv into -dir")
		rows  = flag.Int("rows", 1_000_000, "rows to generate with -gen")
		dir   = flag.String("dir", filepath.Join(os.TempDir(), "cifra-bench"), "folder of the benchmark files")
		task  = flag.String("task", "", "task to run: T1, T2, T3, T4, stream (EachChunk over -file) or stream-parallel (EachChunkParallel over -file)")
		file  = flag.String("file", "", "file for -task stream (default: contratos.csv in -dir)")
		prof  = flag.String("cpuprofile", "", "write a CPU profile of the task to this file")
		mprof = flag.String("memprofile", "", "write a profile of the task's allocations (every allocation sampled) to this file")
		times = flag.Int("repeat", 1, "run the task this many times in one process (for a steadier -cpuprofile); each run's time is printed")
	)
	flag.Parse()
	cleanPath := filepath.Join(*dir, "contratos.csv")
	messyPath := filepath.Join(*dir, "contratos_1252.csv")
	if *doGen {
		if err := os.MkdirAll(*dir, 0o755); err != nil {
			return err
		}
		if err := write(cleanPath, func(w *bufio.Writer) error { return gen.Contracts(w, *rows, 1) }); err != nil {
			return err
		}
		if err := write(messyPath, func(w *bufio.Writer) error { return gen.ContractsMessy(w, *rows, 1) }); err != nil {
			return err
		}
		fmt.Printf("wrote %s and %s (%d rows)\n", cleanPath, messyPath, *rows)
	}
	if *task == "" {
		if !*doGen {
			flag.Usage()
		}
		return nil
	}
	if *prof != "" {
		f, err := os.Create(*prof)
		if err != nil {
			return err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			f.Close()
			return err
		}
		defer func() {
			pprof.StopCPUProfile()
			f.Close()
		}()
	}
	if *mprof != "" {
		runtime.MemProfileRate = 1
		defer func() {
			if err := writeHeapProfile(*mprof); err != nil {
				fmt.Fprintln(os.Stderr, "cifra-bench:", err)
			}
		}()
	}
	for i := 0; i < *times; i++ {
		start := time.Now()
		result, err := runTask(*task, cleanPath, messyPath, *file)
		if err != nil {
			return err
		}
		elapsed := time.Since(start)
		fmt.Printf("%s: %s in %.3f s, peak memory %s\n", strings.ToUpper(*task), result, elapsed.Seconds(), peak())
	}
	return nil
}

// writeHeapProfile writes the allocations made so far to path.
func writeHeapProfile(path string) error {
	runtime.GC() // the profile shows allocations up to the last collection
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func write(path string, fill func(*bufio.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	if err := fill(w); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// peak returns the process's peak resident memory where the system tells
// it (Linux), or the Go runtime's view otherwise.
func peak() string {
	if b, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(line, "VmHWM:") {
				return strings.Join(strings.Fields(strings.TrimPrefix(line, "VmHWM:")), " ") + " RSS"
			}
		}
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return fmt.Sprintf("%d MB from the OS", m.Sys>>20)
}

// colSum adds up a number column of a result (in row order), to print
// totals that can be set beside another tool's.
func colSum(df dataframe.DataFrame, name string) float64 {
	total := 0.0
	for _, v := range df.Col(name).Float() {
		total += v
	}
	return total
}

// runTask runs one task once and returns the line that states its result.
func runTask(task, cleanPath, messyPath, file string) (string, error) {
	var result string
	switch strings.ToUpper(task) {
	case "T1":
		total, err := bench.T1(cleanPath)
		if err != nil {
			return "", err
		}
		result = fmt.Sprintf("total importe = %.2f", total)
	case "T2":
		df, err := bench.T2(cleanPath)
		if err != nil {
			return "", err
		}
		result = fmt.Sprintf("%d groups, %d rows, total %.2f", df.Nrow(), int(colSum(df, "count")), colSum(df, "importe_sum"))
	case "T3":
		pop, err := bench.Population()
		if err != nil {
			return "", err
		}
		df, err := bench.T3(cleanPath, pop)
		if err != nil {
			return "", err
		}
		result = fmt.Sprintf("%d states, amount per person summed over states %.4f", df.Nrow(), colSum(df, "importe_por_persona"))
	case "T4":
		df, err := bench.T4(messyPath)
		if err != nil {
			return "", err
		}
		result = fmt.Sprintf("%d states, total %.2f", df.Nrow(), colSum(df, "importe_sum"))
	case "STREAM", "STREAM-PARALLEL":
		path := cleanPath
		if file != "" {
			path = file
		}
		run := bench.Stream
		if strings.ToUpper(task) == "STREAM-PARALLEL" {
			run = bench.StreamParallel
		}
		df, err := run(path)
		if err != nil {
			return "", err
		}
		result = fmt.Sprintf("%d states, %d rows above 1,000 pesos, total %.2f", df.Nrow(), int(colSum(df, "count")), colSum(df, "importe_sum"))
	default:
		return "", fmt.Errorf("unknown task %q (want T1, T2, T3, T4, stream or stream-parallel)", task)
	}
	return result, nil
}
