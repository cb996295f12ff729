package ckan

import (
	"crypto/sha256"
	"fmt"

	"github.com/datacon-mx/cifra/fetch"
)

// Default paging budgets of Search and DatastoreSearch (see Portal.MaxPages
// and Portal.MaxBytes). They hold every real portal's paging (a million
// datasets in pages of 1,000; DataStore tables of half a gigabyte of
// JSON) while stopping a
// broken or hostile portal long before its answers fill a disk.
const (
	DefaultMaxPages       = 1000
	DefaultMaxBytes int64 = 512 << 20
	// DefaultNoTotalPages bounds the pages DatastoreSearch reads from a
	// portal that reports no total (every CKAN 2.x reports one), unless
	// MaxRows bounds the rows.
	DefaultNoTotalPages = 100
	// DefaultMaxColumns bounds the columns DatastoreSearch builds from the
	// fields and record keys it meets.
	DefaultMaxColumns = 16384
)

// ErrTooLarge: paging passed a budget (pages, bytes of answers, columns).
// It is fetch.ErrTooLarge, the value every stage shares.
var ErrTooLarge = fetch.ErrTooLarge

// budget counts the pages and bytes one paging call has used.
type budget struct {
	action   string
	base     string
	maxPages int
	maxBytes int64
	pages    int
	bytes    int64
	last     [32]byte // hash of the previous page's items
}

func (p *Portal) budget(action string) *budget {
	b := &budget{action: action, base: p.base, maxPages: p.MaxPages, maxBytes: p.MaxBytes}
	if b.maxPages <= 0 {
		b.maxPages = DefaultMaxPages
	}
	if b.maxBytes <= 0 {
		b.maxBytes = DefaultMaxBytes
	}
	return b
}

// page counts one more answer of n bytes and returns an error wrapping
// ErrTooLarge when it passes a budget.
func (b *budget) page(n int) error {
	b.pages++
	b.bytes += int64(n)
	if b.pages > b.maxPages {
		return fmt.Errorf("ckan: %s at %s: %w: more than %d pages (raise Portal.MaxPages, or narrow the query)", b.action, b.base, ErrTooLarge, b.maxPages)
	}
	if b.bytes > b.maxBytes {
		return fmt.Errorf("ckan: %s at %s: %w: answers passed %d bytes in %d pages (raise Portal.MaxBytes, or narrow the query)", b.action, b.base, ErrTooLarge, b.maxBytes, b.pages)
	}
	return nil
}

// repeats reports whether items (the raw JSON of a page's items) are the
// same as the previous page's.
func (b *budget) repeats(items []byte) bool {
	h := sha256.Sum256(items)
	same := b.pages > 1 && h == b.last
	b.last = h
	return same
}
