package fetch

// Dictionary codes for text values, the hottest loop of typing a column of
// few distinct values (state names, codes, dates, categories). A
// direct-mapped cache keyed by a cheap hash of the length and the first and
// last eight bytes answers most rows with one string comparison; misses go
// to a map. Codes are the same as dictCodes gives.

const codeCacheSize = 4096

type codeCacheEntry struct {
	key  string
	code int32
	used bool
}

// quickHash mixes the length and up to the first and last eight bytes of
// x.
func quickHash(x string) uint64 {
	n := len(x)
	var a, b uint64
	if n >= 8 {
		a = load64(x, 0)
		b = load64(x, n-8)
	} else {
		for i := 0; i < n; i++ {
			a = a<<8 | uint64(x[i])
		}
	}
	h := (a ^ uint64(n)*0x9E3779B97F4A7C15) * 0xBF58476D1CE4E5B9
	h ^= b * 0x94D049BB133111EB
	return h ^ h>>29
}

func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// stringCodes is dictCodes over the text values of a column (see
// dictCodes).
func stringCodes(v *colText, na []bool, sc *scratch) (codes, firsts []int, naCode int, ok bool) {
	n := v.n
	codes = sc.codeSlice(n)
	cache := make([]codeCacheEntry, codeCacheSize)
	seen := make(map[string]int, 256)
	naCode = -1
	for i := 0; i < n; i++ {
		if na[i] {
			if naCode < 0 {
				naCode = len(firsts)
				firsts = append(firsts, i)
			}
			codes[i] = naCode
			continue
		}
		x := v.value(i)
		e := &cache[quickHash(x)&(codeCacheSize-1)]
		if e.used && e.key == x {
			codes[i] = int(e.code)
			continue
		}
		c, found := seen[x]
		if !found {
			if len(firsts) >= 4096 && len(firsts)*2 > i {
				return nil, nil, 0, false
			}
			c = len(firsts)
			seen[x] = c
			firsts = append(firsts, i)
		}
		if c < 1<<31-1 {
			*e = codeCacheEntry{key: x, code: int32(c), used: true}
		}
		codes[i] = c
	}
	return codes, firsts, naCode, true
}
