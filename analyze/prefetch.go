package analyze

import (
	"runtime"
	"sync"
)

// Reading the columns of one Agg call. gota gives values back one
// interface call at a time, so reading a million-row column costs tens of
// milliseconds; the key columns (read and factorized) and the numeric value
// columns are independent, so they are read at once, one goroutine per
// column up to GOMAXPROCS. Errors are reported in the order a serial read
// would meet them: keys first, in order, then each aggregate when it is
// evaluated.

// parallelRows is the table size from which columns are read concurrently.
const parallelRows = 50_000

// prefetch reads and factorizes the key columns and reads the numeric value
// columns of aggs into e.cache (or e.failed).
func (e *evaluator) prefetch(keyNames []string, aggs []Agg, nrow int) ([]*column, []grouping, error) {
	var numNames []string
	seen := map[string]bool{}
	for _, a := range aggs {
		if !a.needsNumber() {
			continue
		}
		for _, n := range []string{a.col, a.weight} {
			if n != "" && !seen[n] {
				seen[n] = true
				numNames = append(numNames, n)
			}
		}
	}
	keys := make([]*column, len(keyNames))
	codes := make([]grouping, len(keyNames))
	keyErr := make([]error, len(keyNames))
	nums := make([]*column, len(numNames))
	numErr := make([]error, len(numNames))
	task := func(i int) {
		if i < len(keyNames) {
			keys[i], codes[i], keyErr[i] = readKey(e.fn, e.df, keyNames[i])
			return
		}
		i -= len(keyNames)
		nums[i], numErr[i] = readNumeric(e.fn, e.df, numNames[i])
	}
	runTasks(len(keyNames)+len(numNames), nrow, task)
	for _, err := range keyErr {
		if err != nil {
			return nil, nil, err
		}
	}
	for i, n := range numNames {
		if numErr[i] != nil {
			if e.failed == nil {
				e.failed = map[string]error{}
			}
			e.failed[n] = numErr[i]
			continue
		}
		e.cache[n] = nums[i]
	}
	return keys, codes, nil
}

// runTasks runs task(0..n-1), concurrently when the table is large.
func runTasks(n, nrow int, task func(int)) {
	workers := runtime.GOMAXPROCS(0)
	if workers > n {
		workers = n
	}
	if workers <= 1 || nrow < parallelRows {
		for i := 0; i < n; i++ {
			task(i)
		}
		return
	}
	next := make(chan int, n)
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				task(i)
			}
		}()
	}
	wg.Wait()
}

// groupCodes combines the factorized key columns into one grouping (see
// groupRows).
func groupCodes(codes []grouping, nrow int) grouping {
	if len(codes) == 0 {
		return grouping{ids: make([]int32, nrow), n: 1, first: []int{-1}}
	}
	g := codes[0]
	for _, h := range codes[1:] {
		g = combine(g, h)
	}
	return g
}
