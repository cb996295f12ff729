package fetch

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
)

// Reading back what the pipelined reader let go of. With Columns, the
// pipelined file reader copies the selected fields of each block into the
// block's pack as it scans, so the block's text is needed again only for
// the few records the layout looks at whole (a ragged or blank row, a
// duplicate to confirm, a field the projection did not store). Blocks
// other than the first and the last let go of their text once scanned, so
// the garbage collector can reuse their memory for the next blocks and the
// typed columns instead of the process holding the whole file; a record
// needed again is read back from the file, block by block, once.

// rereads is the state shared by the blocks of one read: the open file and
// the first error met reading back.
type rereads struct {
	f      *os.File
	source string
	mu     sync.Mutex
	err    error
}

// fail records err unless an error was recorded first.
func (rr *rereads) fail(err error) {
	rr.mu.Lock()
	if rr.err == nil {
		rr.err = err
	}
	rr.mu.Unlock()
}

// error returns the first error met reading back, or nil.
func (rr *rereads) error() error {
	if rr == nil {
		return nil
	}
	rr.mu.Lock()
	defer rr.mu.Unlock()
	return rr.err
}

// blockSrc is one block's text in the file: n bytes at offset off.
type blockSrc struct {
	rr   *rereads
	off  int64
	n    int
	once sync.Once
	s    string
	ok   bool
}

// pipeRereads counts the blocks read back from the file (for tests).
var pipeRereads atomic.Int64

// text returns the block's text, read from the file on first use; ok is
// false when it could not be read (the error is recorded in rr).
func (b *blockSrc) text() (string, bool) {
	b.once.Do(func() {
		pipeRereads.Add(1)
		buf := make([]byte, b.n)
		if _, err := b.rr.f.ReadAt(buf, b.off); err != nil {
			if errors.Is(err, io.EOF) {
				err = fmt.Errorf("the file is shorter than when first read: %w", ErrChanged)
			}
			b.rr.fail(fmt.Errorf("fetch: %s: reading again %d bytes at byte %d: %w", orDash(b.rr.source), b.n, b.off, err))
			return
		}
		b.s, b.ok = string(buf), true
	})
	return b.s, b.ok
}

// changed records that the record on the given line no longer holds what
// the first scan found.
func (b *blockSrc) changed(line int) {
	b.rr.fail(fmt.Errorf("fetch: %s: line %d: the file changed while being read: %w (read again, the line differs)", orDash(b.rr.source), line, ErrChanged))
}
