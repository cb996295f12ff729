package fetch

import (
	"encoding/binary"
	"fmt"
	"unicode/utf16"
)

// The compound file (OLE2, [MS-CFB]) that holds a legacy .xls workbook: a
// 512-byte header, sectors chained through the FAT (whose own sectors are
// listed in the header and in DIFAT sectors), a directory of storages and
// streams, and a mini stream (chained through the mini FAT) for streams
// smaller than the cutoff. Every chain is followed with a visited set, so a
// chain that loops or points past the file is an error, never a hang.

const (
	cfbFree       = 0xFFFFFFFF
	cfbEndOfChain = 0xFFFFFFFE
	cfbFATSect    = 0xFFFFFFFD
	cfbDIFSect    = 0xFFFFFFFC
	cfbNoStream   = 0xFFFFFFFF
	cfbMaxRegSect = 0xFFFFFFFA
)

// cfbSignature starts every compound file.
var cfbSignature = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// cfbFile is a parsed compound file held in memory.
type cfbFile struct {
	data        []byte
	sectorSize  int
	miniSize    int
	miniCutoff  uint32
	fat         []uint32
	miniFAT     []uint32
	miniStream  []byte
	entries     []cfbEntry
	nSectors    int
	miniStarted bool
}

// cfbEntry is one directory entry.
type cfbEntry struct {
	name               string
	typ                byte // 1 storage, 2 stream, 5 root
	left, right, child uint32
	start              uint32
	size               uint64
}

// cfbError is a damaged-compound-file error wrapping ErrFormat.
func cfbError(format string, a ...any) error {
	return fmt.Errorf("damaged compound file: "+format+": %w", append(a, ErrFormat)...)
}

// openCFB parses the header, the FAT, the directory and the mini stream of
// a compound file.
func openCFB(data []byte) (*cfbFile, error) {
	if len(data) < 512 || string(data[:8]) != string(cfbSignature) {
		return nil, cfbError("no OLE2 signature")
	}
	le := binary.LittleEndian
	if le.Uint16(data[0x1C:]) != 0xFFFE {
		return nil, cfbError("bad byte-order mark")
	}
	shift := le.Uint16(data[0x1E:])
	if shift != 9 && shift != 12 {
		return nil, cfbError("sector shift %d", shift)
	}
	miniShift := le.Uint16(data[0x20:])
	if miniShift != 6 {
		return nil, cfbError("mini sector shift %d", miniShift)
	}
	c := &cfbFile{data: data, sectorSize: 1 << shift, miniSize: 1 << miniShift}
	c.nSectors = (len(data) - c.sectorSize) / c.sectorSize
	if (len(data)-c.sectorSize)%c.sectorSize != 0 {
		c.nSectors++ // a short last sector is read as far as it goes
	}
	if c.nSectors <= 0 {
		return nil, cfbError("no sectors")
	}
	nFAT := le.Uint32(data[0x2C:])
	dirStart := le.Uint32(data[0x30:])
	c.miniCutoff = le.Uint32(data[0x38:])
	miniFATStart := le.Uint32(data[0x3C:])
	nMiniFAT := le.Uint32(data[0x40:])
	difStart := le.Uint32(data[0x44:])
	nDIF := le.Uint32(data[0x48:])
	if int64(nFAT) > int64(c.nSectors) || int64(nDIF) > int64(c.nSectors) || int64(nMiniFAT) > int64(c.nSectors) {
		return nil, cfbError("header counts %d FAT, %d DIFAT, %d mini FAT sectors in a file of %d sectors", nFAT, nDIF, nMiniFAT, c.nSectors)
	}
	// The FAT's own sectors: 109 in the header, the rest in DIFAT sectors.
	fatSects := make([]uint32, 0, nFAT)
	for i := 0; i < 109 && uint32(len(fatSects)) < nFAT; i++ {
		fatSects = append(fatSects, le.Uint32(data[0x4C+4*i:]))
	}
	seen := make(map[uint32]bool)
	per := c.sectorSize/4 - 1
	for d, n := difStart, uint32(0); uint32(len(fatSects)) < nFAT; n++ {
		if d == cfbEndOfChain || d == cfbFree || n >= nDIF+1 {
			break
		}
		if seen[d] {
			return nil, cfbError("DIFAT chain loops at sector %d", d)
		}
		seen[d] = true
		s, err := c.sector(d)
		if err != nil {
			return nil, err
		}
		for i := 0; i < per && uint32(len(fatSects)) < nFAT; i++ {
			fatSects = append(fatSects, le.Uint32(s[4*i:]))
		}
		d = le.Uint32(s[4*per:])
	}
	if uint32(len(fatSects)) < nFAT {
		return nil, cfbError("the header promises %d FAT sectors, %d found", nFAT, len(fatSects))
	}
	c.fat = make([]uint32, 0, len(fatSects)*c.sectorSize/4)
	for _, fs := range fatSects {
		s, err := c.sector(fs)
		if err != nil {
			return nil, fmt.Errorf("FAT: %w", err)
		}
		for i := 0; i+4 <= len(s); i += 4 {
			c.fat = append(c.fat, le.Uint32(s[i:]))
		}
	}
	dir, err := c.chain(dirStart, -1)
	if err != nil {
		return nil, fmt.Errorf("directory: %w", err)
	}
	for i := 0; i+128 <= len(dir); i += 128 {
		e := parseCFBEntry(dir[i : i+128])
		if c.sectorSize == 512 {
			// Version 3 files keep sizes in 32 bits; some writers leave
			// junk in the high half.
			e.size &= 0xFFFFFFFF
		}
		c.entries = append(c.entries, e)
	}
	if len(c.entries) == 0 || c.entries[0].typ != 5 {
		return nil, cfbError("no root entry")
	}
	if nMiniFAT > 0 && miniFATStart != cfbEndOfChain {
		mf, err := c.chain(miniFATStart, -1)
		if err != nil {
			return nil, fmt.Errorf("mini FAT: %w", err)
		}
		c.miniFAT = make([]uint32, len(mf)/4)
		for i := range c.miniFAT {
			c.miniFAT[i] = le.Uint32(mf[4*i:])
		}
	}
	return c, nil
}

// parseCFBEntry decodes a 128-byte directory entry.
func parseCFBEntry(b []byte) cfbEntry {
	le := binary.LittleEndian
	n := int(le.Uint16(b[0x40:]))
	if n > 64 {
		n = 64
	}
	u := make([]uint16, 0, n/2)
	for i := 0; i+1 < n; i += 2 {
		if v := le.Uint16(b[i:]); v != 0 {
			u = append(u, v)
		}
	}
	size := le.Uint64(b[0x78:])
	return cfbEntry{
		name:  string(utf16.Decode(u)),
		typ:   b[0x42],
		left:  le.Uint32(b[0x44:]),
		right: le.Uint32(b[0x48:]),
		child: le.Uint32(b[0x4C:]),
		start: le.Uint32(b[0x74:]),
		size:  size,
	}
}

// sector returns the bytes of regular sector n (a short last sector is
// returned as far as the file goes).
func (c *cfbFile) sector(n uint32) ([]byte, error) {
	if n > cfbMaxRegSect || int64(n) >= int64(c.nSectors) {
		return nil, cfbError("sector %d is beyond the file's %d sectors", n, c.nSectors)
	}
	off := (int(n) + 1) * c.sectorSize
	end := off + c.sectorSize
	if end > len(c.data) {
		end = len(c.data)
	}
	return c.data[off:end], nil
}

// chain reads the regular sectors chained from start; size < 0 reads the
// whole chain, otherwise the chain must hold at least size bytes and the
// result is cut to size.
func (c *cfbFile) chain(start uint32, size int64) ([]byte, error) {
	if size > int64(len(c.data)) {
		return nil, cfbError("a stream of %d bytes in a file of %d", size, len(c.data))
	}
	var out []byte
	if size > 0 {
		out = make([]byte, 0, size)
	}
	seen := make(map[uint32]bool)
	for s := start; s != cfbEndOfChain; {
		if size >= 0 && int64(len(out)) >= size {
			break
		}
		if seen[s] {
			return nil, cfbError("sector chain loops at sector %d", s)
		}
		seen[s] = true
		b, err := c.sector(s)
		if err != nil {
			return nil, err
		}
		out = append(out, b...)
		if int(s) >= len(c.fat) {
			return nil, cfbError("sector %d has no FAT entry", s)
		}
		s = c.fat[s]
	}
	if size >= 0 {
		if int64(len(out)) < size {
			return nil, cfbError("a stream of %d bytes ends after %d", size, len(out))
		}
		out = out[:size]
	}
	return out, nil
}

// miniChain reads size bytes of the mini stream chained from start.
func (c *cfbFile) miniChain(start uint32, size int64) ([]byte, error) {
	if !c.miniStarted {
		c.miniStarted = true
		root := c.entries[0]
		if root.size > uint64(len(c.data)) {
			return nil, cfbError("a mini stream of %d bytes in a file of %d", root.size, len(c.data))
		}
		ms, err := c.chain(root.start, int64(root.size))
		if err != nil {
			return nil, fmt.Errorf("mini stream: %w", err)
		}
		c.miniStream = ms
	}
	out := make([]byte, 0, size)
	seen := make(map[uint32]bool)
	for s := start; int64(len(out)) < size; {
		if s == cfbEndOfChain {
			return nil, cfbError("a mini stream of %d bytes ends after %d", size, len(out))
		}
		if seen[s] {
			return nil, cfbError("mini sector chain loops at %d", s)
		}
		seen[s] = true
		off := int64(s) * int64(c.miniSize)
		if int(s) >= len(c.miniFAT) || off+int64(c.miniSize) > int64(len(c.miniStream)) {
			return nil, cfbError("mini sector %d is beyond the mini stream", s)
		}
		out = append(out, c.miniStream[off:off+int64(c.miniSize)]...)
		s = c.miniFAT[s]
	}
	return out[:size], nil
}

// rootStreams lists the names of the streams and storages directly in the
// root storage, walking its red-black tree (without recursion, each entry
// once, so a tree that loops ends).
func (c *cfbFile) rootStreams() map[string]int {
	out := make(map[string]int)
	seen := make(map[uint32]bool)
	stack := []uint32{c.entries[0].child}
	for len(stack) > 0 {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if i == cfbNoStream || int64(i) >= int64(len(c.entries)) || seen[i] {
			continue
		}
		seen[i] = true
		e := c.entries[i]
		if _, dup := out[e.name]; !dup {
			out[e.name] = int(i)
		}
		stack = append(stack, e.left, e.right)
	}
	return out
}

// stream reads the stream with the given name in the root storage (names
// compared as Excel writes them, ignoring case); ok is false when there is
// none.
func (c *cfbFile) stream(names map[string]int, name string) ([]byte, bool, error) {
	idx := -1
	for n, i := range names {
		if equalFoldASCII(n, name) && c.entries[i].typ == 2 {
			idx = i
			break
		}
	}
	if idx < 0 {
		return nil, false, nil
	}
	e := c.entries[idx]
	if e.size > uint64(len(c.data)) {
		return nil, true, cfbError("stream %q of %d bytes in a file of %d", e.name, e.size, len(c.data))
	}
	var b []byte
	var err error
	if e.size < uint64(c.miniCutoff) {
		b, err = c.miniChain(e.start, int64(e.size))
	} else {
		b, err = c.chain(e.start, int64(e.size))
	}
	if err != nil {
		return nil, true, fmt.Errorf("stream %q: %w", e.name, err)
	}
	return b, true, nil
}

// equalFoldASCII compares two names ignoring ASCII case.
func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}
