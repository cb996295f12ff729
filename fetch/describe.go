package fetch

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
)

// Describe returns the provenance record of bytes that did not come through
// a Client: a file shipped with a story (go:embed), received by e-mail or
// copied from a USB stick. name (a path or URL the reader will recognise) is
// both URL and Path; Size and SHA256 describe data. FetchedAt stays zero and
// FromCache false, since nothing was downloaded.
//
// Print the hash in the methodology note: it identifies the exact file used,
// even after the publisher replaces it.
func Describe(name string, data []byte) Resource {
	sum := sha256.Sum256(data)
	return Resource{URL: name, Path: name, Size: int64(len(data)), SHA256: hex.EncodeToString(sum[:])}
}

// DescribeFile is Describe for a file on disk: it hashes the file as it
// reads it, so a file larger than memory is fine. A file that cannot be
// opened or read is an error naming it.
func DescribeFile(path string) (Resource, error) {
	f, err := os.Open(path)
	if err != nil {
		return Resource{}, fmt.Errorf("fetch: describe %q: %w", path, err)
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return Resource{}, fmt.Errorf("fetch: describe %q: %w", path, err)
	}
	return Resource{URL: path, Path: path, Size: n, SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}
