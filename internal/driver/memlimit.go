package driver

import (
	"os"
	"runtime/debug"
)

// DefaultMemoryLimit is the soft memory limit the command runs with
// unless GOMEMLIMIT says otherwise: 512 MiB.
//
// Without a limit the heap may grow to twice what is live before the
// garbage collector runs (GOGC=100). A whole-module run keeps a few hundred
// MB live at its peak (export data and the types of packages still being
// checked), so its peak RSS was about twice that: 700 MB on Prometheus. A
// soft limit makes the collector run earlier when the heap nears it and
// costs nothing below it; above it (a larger module) the runtime caps the
// collector at about half the CPU, so the run slows down instead of
// failing. See https://go.dev/doc/gc-guide#Memory_limit.
const DefaultMemoryLimit = 512 << 20

// SetMemoryLimit applies DefaultMemoryLimit when GOMEMLIMIT is unset and
// returns the limit now in force. The go vet and golangci-lint drivers do
// not call it: their processes are the go command's and golangci-lint's.
func SetMemoryLimit() int64 {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(DefaultMemoryLimit)
	}
	return debug.SetMemoryLimit(-1)
}
