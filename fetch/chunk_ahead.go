package fetch

import (
	"errors"
	"fmt"
	"sync"

	"github.com/go-gota/gota/dataframe"
)

// chunkAhead builds EachChunk's chunks ahead of fn: while fn works on one
// chunk on the calling goroutine, the next ones (up to depth) are typed
// on other goroutines. fn still sees every chunk in input order, one call
// at a time, on the calling goroutine; a chunk that fails to build fails
// when its turn comes, after fn has had every chunk before it.
type chunkAhead struct {
	depth  int
	queue  []*builtChunk
	wg     sync.WaitGroup
	failed bool // a chunk failed to build, or fn returned an error
}

// builtChunk is one chunk on its way: done closes when df, crs and err
// are set.
type builtChunk struct {
	rows int
	done chan struct{}
	df   dataframe.DataFrame
	crs  []ColumnReport
	err  error
}

// submit starts building the chunk laid out by chunk (its rows checked,
// its schema fixed) and, when depth chunks are already on their way, hands
// the oldest to fn.
func (a *chunkAhead) submit(st *chunker, chunk *layout) error {
	// a private view of the record set: the reader lets go of blocks no
	// pending row uses, but this chunk's rows still need theirs.
	rs := &recordSet{segs: append([]*recs(nil), st.rs.segs...), n: st.rs.n, delim: st.rs.delim}
	lay := *chunk
	lay.rows = append([]ref(nil), chunk.rows...)
	cfg := *st.cfg
	cfg.workers = 1 // each chunk's columns on its own goroutine
	b := &builtChunk{rows: len(lay.rows), done: make(chan struct{})}
	a.queue = append(a.queue, b)
	a.wg.Add(1)
	go func() {
		defer a.wg.Done()
		defer close(b.done)
		b.df, b.crs, b.err = chunkFrame(&cfg, rs, &lay, st.schema)
	}()
	for len(a.queue) > a.depth {
		if err := a.next(st); err != nil {
			return err
		}
	}
	return nil
}

// next waits for the oldest chunk and hands it to fn.
func (a *chunkAhead) next(st *chunker) error {
	b := a.queue[0]
	a.queue[0] = nil
	a.queue = a.queue[1:]
	<-b.done
	if b.err != nil {
		a.failed = true
		if errors.Is(b.err, ErrType) {
			return fmt.Errorf("%w (the column's type comes from the first chunk; declare it with ColumnType)", b.err)
		}
		return b.err
	}
	st.addCounts(b.crs, b.rows)
	df := b.df
	b.df = dataframe.DataFrame{}
	if err := st.fn(df); err != nil {
		a.failed = true
		return err
	}
	return nil
}

// drain hands every chunk still on its way to fn, in order. It is called
// at the end of the input, and also before a reading error is returned:
// the chunks before the error are fn's, as when they are typed in turn.
func (a *chunkAhead) drain(st *chunker) error {
	for len(a.queue) > 0 {
		if err := a.next(st); err != nil {
			return err
		}
	}
	return nil
}

// wait lets the builds under way finish (after an error, their chunks are
// dropped), so that no goroutine outlives EachChunk.
func (a *chunkAhead) wait() {
	a.wg.Wait()
	a.queue = nil
}
