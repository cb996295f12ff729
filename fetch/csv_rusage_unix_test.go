//go:build unix

package fetch

import "syscall"

// cpuSeconds returns the process's user+system CPU time, so benchmarks can
// report CPU cost, which a busy shared machine does not inflate as it
// inflates wall time.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
}
