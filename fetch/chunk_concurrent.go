package fetch

import (
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/go-gota/gota/dataframe"
)

// EachChunkParallel is EachChunk for work whose chunks are independent
// (filtering and aggregating): it builds the chunks and calls fn on up to
// n goroutines at once, where n is Workers(n) or, when Workers is not
// given, runtime.GOMAXPROCS(0). worker, from 0 to n-1, names the goroutine
// that makes the call: no two calls with the same worker run at once, so
// fn can keep one aggregate per worker (an analyze.Partial each) without
// locks and merge them when EachChunkParallel returns.
//
// The reading, the schema rules (the first chunk fixes the types; a later
// value that does not fit is an error wrapping ErrType naming its line)
// and the report are EachChunk's. The first chunk is handed out before any
// other; the others may arrive in any order. When a call of fn, or the
// building of a chunk, fails, no new chunk is handed out, the calls under
// way finish, and the error of the earliest failing chunk is returned
// (later chunks may have been handed out already). Rows of memory in
// flight are bounded by n chunks.
func EachChunkParallel(r io.Reader, rows int, fn func(worker int, df dataframe.DataFrame) error, opts ...Option) error {
	st, err := newChunker("EachChunkParallel", r, rows, fn == nil, opts)
	if err != nil {
		return err
	}
	pool := &chunkPool{fn: fn, workers: st.parallelWorkers()}
	st.pool = pool
	st.fn = func(df dataframe.DataFrame) error { return fn(0, df) }
	err = st.run(r)
	if perr := pool.wait(); perr != nil {
		return perr
	}
	return err
}

// errPoolFailed stops the reading when a chunk worker has failed; the
// worker's error is returned instead.
var errPoolFailed = errors.New("a chunk worker failed")

// chunkPool builds chunks and calls fn on a fixed set of goroutines.
type chunkPool struct {
	fn      func(int, dataframe.DataFrame) error
	workers int

	jobs    chan chunkJob
	wg      sync.WaitGroup
	mu      sync.Mutex // guards the fields below and the report
	failed  bool
	errIdx  int
	err     error
	next    int // index of the next chunk
	started bool
}

// chunkJob is one chunk to build: its rows, over a private view of the
// record set (the reader releases blocks that no pending row uses).
type chunkJob struct {
	idx  int
	rs   *recordSet
	lay  layout
	rows []ref
}

// submit hands a chunk whose schema is fixed, laid out by chunk (its rows
// checked, free-text values with delimiters rejoined), to the workers.
func (p *chunkPool) submit(st *chunker, chunk *layout) error {
	p.mu.Lock()
	failed := p.failed
	p.mu.Unlock()
	if failed {
		return errPoolFailed
	}
	if !p.started {
		p.started = true
		p.jobs = make(chan chunkJob)
		cfg := *st.cfg
		cfg.workers = 1 // each chunk's columns on its own goroutine
		for w := 0; w < p.workers; w++ {
			p.wg.Add(1)
			go p.work(w, &cfg, st)
		}
	}
	p.next++
	job := chunkJob{
		idx:  p.next,
		rs:   &recordSet{segs: append([]*recs(nil), st.rs.segs...), n: st.rs.n, delim: st.rs.delim},
		lay:  *chunk,
		rows: append([]ref(nil), chunk.rows...),
	}
	job.lay.rows = job.rows
	p.jobs <- job
	return nil
}

func (p *chunkPool) work(w int, cfg *config, st *chunker) {
	defer p.wg.Done()
	for job := range p.jobs {
		p.mu.Lock()
		skip := p.failed && job.idx > p.errIdx
		p.mu.Unlock()
		if skip {
			continue
		}
		df, crs, err := chunkFrame(cfg, job.rs, &job.lay, st.schema)
		job = chunkJob{idx: job.idx, rows: job.rows} // let the blocks go
		if err != nil && errors.Is(err, ErrType) {
			err = fmt.Errorf("%w (the column's type comes from the first chunk; declare it with ColumnType)", err)
		}
		if err == nil {
			p.mu.Lock()
			st.addCounts(crs, len(job.rows))
			p.mu.Unlock()
			err = p.fn(w, df)
		}
		if err != nil {
			p.mu.Lock()
			if !p.failed || job.idx < p.errIdx {
				p.failed, p.errIdx, p.err = true, job.idx, err
			}
			p.mu.Unlock()
		}
	}
}

// wait lets the workers finish and returns the earliest chunk's error.
func (p *chunkPool) wait() error {
	if p.started {
		close(p.jobs)
		p.wg.Wait()
	}
	return p.err
}
