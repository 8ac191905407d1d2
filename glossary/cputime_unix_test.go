//go:build unix

package glossary

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time the process has used (user + system): on a busy
// machine it measures the work done, where wall time also counts waiting.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
