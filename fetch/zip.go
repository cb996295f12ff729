package fetch

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Default limits of OpenZipMember.
const (
	// DefaultZipMaxSize is the largest a member may expand to: 8 GiB.
	DefaultZipMaxSize int64 = 8 << 30
	// DefaultZipMaxRatio is the largest expanded/compressed ratio allowed
	// once a member has expanded past 16 MiB. Real CSVs compress 5–50
	// times; a deflate bomb of zeros reaches about 1000.
	DefaultZipMaxRatio = 250
)

// zipRatioFloor is the expanded size under which the ratio is not checked:
// small files of repeated values can compress very well.
const zipRatioFloor = 16 << 20

// ZipLimits bounds what a ZIP member may expand to. The zero value uses the
// defaults; OpenZipMember is ZipLimits{}.Open.
type ZipLimits struct {
	MaxSize  int64   // bytes; 0 means DefaultZipMaxSize
	MaxRatio float64 // expanded/compressed; 0 means DefaultZipMaxRatio
}

// ZipMember describes one entry of an archive.
type ZipMember struct {
	Name             string // as stored, decoded from CP850 when not UTF-8
	Size             int64  // expanded size, as declared
	CompressedSize   int64
	Dir              bool // a directory entry
	Unsafe           bool // absolute, or climbs out with ".." (zip-slip)
	MetadataOrHidden bool // __MACOSX/…, .DS_Store, names starting with "."
}

// OpenZipMember opens one member of the ZIP archive at path for reading,
// without extracting the archive. pattern is the member's name, or a glob
// (path.Match syntax: "*.csv", "conjunto_de_datos/*.csv") matched against
// the full name and then the base name, case-insensitively if nothing
// matches exactly; "" picks the only data file. When no member or several
// match, the error (wrapping ErrZip) lists the candidates. A member whose
// name is unsafe (zip-slip) is refused; one that expands beyond the default
// ZipLimits stops with an error wrapping ErrZipBomb. The caller closes the
// reader, which also closes the archive.
func OpenZipMember(path, pattern string) (io.ReadCloser, error) {
	return ZipLimits{}.Open(path, pattern)
}

// ZipMembers lists the entries of the ZIP archive at path.
func ZipMembers(path string) ([]ZipMember, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, fmt.Errorf("fetch: %s: %w: %v", path, ErrZip, err)
	}
	defer zr.Close()
	out := make([]ZipMember, len(zr.File))
	for i, f := range zr.File {
		out[i] = describeZipMember(f)
	}
	return out, nil
}

// Open is OpenZipMember with these limits.
func (l ZipLimits) Open(archive, pattern string) (io.ReadCloser, error) {
	if l.MaxSize <= 0 {
		l.MaxSize = DefaultZipMaxSize
	}
	if l.MaxRatio <= 0 {
		l.MaxRatio = DefaultZipMaxRatio
	}
	fh, err := os.Open(archive)
	if err != nil {
		return nil, fmt.Errorf("fetch: %s: %w: %v", archive, ErrZip, err)
	}
	st, err := fh.Stat()
	if err != nil {
		fh.Close()
		return nil, fmt.Errorf("fetch: %s: %w: %v", archive, ErrZip, err)
	}
	// Reads of the archive's bytes are counted, so that the ratio guard
	// measures the compressed bytes really consumed, not the size the
	// archive's header claims.
	cr := &countingReaderAt{r: fh}
	zr, err := zip.NewReader(cr, st.Size())
	if err != nil {
		fh.Close()
		return nil, fmt.Errorf("fetch: %s: %w: %v", archive, ErrZip, err)
	}
	f, m, err := pickMember(zr.File, pattern)
	if err != nil {
		fh.Close()
		return nil, fmt.Errorf("fetch: %s: %w", archive, err)
	}
	where := archive + "!" + m.Name
	if m.Unsafe {
		fh.Close()
		return nil, fmt.Errorf("fetch: %s: %w: unsafe member name (absolute or \"..\"): refusing it", where, ErrZip)
	}
	if m.Size > l.MaxSize {
		fh.Close()
		return nil, fmt.Errorf("fetch: %s: %w: declares %d bytes expanded, over the limit of %d (see fetch.ZipLimits): %w", where, ErrZipBomb, m.Size, l.MaxSize, ErrTooLarge)
	}
	rc, err := f.Open()
	if err != nil {
		fh.Close()
		return nil, fmt.Errorf("fetch: %s: %w: %v", where, ErrZip, err)
	}
	return &zipMemberReader{rc: rc, file: fh, where: where, lim: l, read: cr, base: cr.n}, nil
}

func describeZipMember(f *zip.File) ZipMember {
	name := f.Name
	if f.NonUTF8 || !utf8.ValidString(name) {
		if d, err := charmap.CodePage850.NewDecoder().String(name); err == nil {
			name = d
		}
	}
	clean := strings.ReplaceAll(name, `\`, "/")
	base := path.Base(clean)
	unsafe := strings.HasPrefix(clean, "/") || (len(clean) > 1 && clean[1] == ':')
	for _, part := range strings.Split(clean, "/") {
		if part == ".." {
			unsafe = true
		}
	}
	return ZipMember{
		Name:           name,
		Size:           int64(f.UncompressedSize64),
		CompressedSize: int64(f.CompressedSize64),
		Dir:            f.FileInfo().IsDir() || strings.HasSuffix(clean, "/"),
		Unsafe:         unsafe,
		MetadataOrHidden: strings.HasPrefix(clean, "__MACOSX/") || strings.HasPrefix(base, ".") ||
			strings.EqualFold(base, "Thumbs.db"),
	}
}

// pickMember finds the one entry that matches pattern.
func pickMember(files []*zip.File, pattern string) (*zip.File, ZipMember, error) {
	type cand struct {
		f *zip.File
		m ZipMember
	}
	var all []cand
	for _, f := range files {
		m := describeZipMember(f)
		if m.Dir {
			continue
		}
		all = append(all, cand{f, m})
	}
	names := func(cs []cand) string {
		ns := make([]string, 0, len(cs))
		for _, c := range cs {
			ns = append(ns, fmt.Sprintf("%q", c.m.Name))
		}
		sort.Strings(ns)
		if len(ns) > 30 {
			ns = append(ns[:30], fmt.Sprintf("… %d more", len(ns)-30))
		}
		return strings.Join(ns, ", ")
	}
	if len(all) == 0 {
		return nil, ZipMember{}, fmt.Errorf("%w: the archive has no files", ErrZip)
	}
	if pattern == "" {
		var data []cand
		for _, c := range all {
			if !c.m.MetadataOrHidden {
				data = append(data, c)
			}
		}
		if len(data) == 1 {
			return data[0].f, data[0].m, nil
		}
		return nil, ZipMember{}, fmt.Errorf("%w: %d files, name one: %s", ErrZip, len(data), names(data))
	}
	if _, err := path.Match(pattern, ""); err != nil {
		return nil, ZipMember{}, fmt.Errorf("%w: bad pattern %q: %v", ErrZip, pattern, err)
	}
	for _, c := range all {
		if c.m.Name == pattern {
			return c.f, c.m, nil
		}
	}
	tries := []func(c cand) bool{
		func(c cand) bool { ok, _ := path.Match(pattern, c.m.Name); return ok },
		func(c cand) bool { ok, _ := path.Match(pattern, path.Base(c.m.Name)); return ok },
		func(c cand) bool { ok, _ := path.Match(strings.ToLower(pattern), strings.ToLower(c.m.Name)); return ok },
		func(c cand) bool {
			ok, _ := path.Match(strings.ToLower(pattern), strings.ToLower(path.Base(c.m.Name)))
			return ok
		},
	}
	for _, try := range tries {
		var hit []cand
		for _, c := range all {
			if !c.m.MetadataOrHidden && try(c) {
				hit = append(hit, c)
			}
		}
		switch {
		case len(hit) == 1:
			return hit[0].f, hit[0].m, nil
		case len(hit) > 1:
			return nil, ZipMember{}, fmt.Errorf("%w: %d members match %q: %s", ErrZip, len(hit), pattern, names(hit))
		}
	}
	return nil, ZipMember{}, fmt.Errorf("%w: no member matches %q; members: %s", ErrZip, pattern, names(all))
}

// zipMemberReader counts expanded bytes, and the archive bytes read to
// produce them, and stops a bomb.
type zipMemberReader struct {
	rc    io.ReadCloser
	file  *os.File
	where string
	lim   ZipLimits
	read  *countingReaderAt
	base  int64 // archive bytes read before the member's data
	n     int64
}

func (r *zipMemberReader) Read(p []byte) (int, error) {
	n, err := r.rc.Read(p)
	r.n += int64(n)
	if r.n > r.lim.MaxSize {
		return n, fmt.Errorf("fetch: %s: %w: expanded past %d bytes (see fetch.ZipLimits): %w", r.where, ErrZipBomb, r.lim.MaxSize, ErrTooLarge)
	}
	if compressed := r.read.n - r.base; r.n > zipRatioFloor && float64(r.n) > r.lim.MaxRatio*float64(max(compressed, 1)) {
		return n, fmt.Errorf("fetch: %s: %w: %d bytes from %d compressed bytes read, ratio over %.0f (see fetch.ZipLimits): %w", r.where, ErrZipBomb, r.n, compressed, r.lim.MaxRatio, ErrTooLarge)
	}
	if err != nil && !errors.Is(err, io.EOF) {
		// A bad checksum, a lying size header, a cut archive.
		return n, fmt.Errorf("fetch: %s: %w: %v", r.where, ErrZip, err)
	}
	return n, err
}

func (r *zipMemberReader) Close() error {
	err := r.rc.Close()
	if ferr := r.file.Close(); err == nil {
		err = ferr
	}
	return err
}

// countingReaderAt counts the bytes read through it. A member reader is
// used by one goroutine at a time, so the count needs no lock.
type countingReaderAt struct {
	r io.ReaderAt
	n int64
}

func (c *countingReaderAt) ReadAt(p []byte, off int64) (int, error) {
	n, err := c.r.ReadAt(p, off)
	c.n += int64(n)
	return n, err
}
