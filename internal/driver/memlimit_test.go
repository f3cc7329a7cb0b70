package driver

import (
	"math"
	"runtime/debug"
	"testing"
)

// TestSetMemoryLimit: the command's default soft limit applies only when
// GOMEMLIMIT is unset; a user's GOMEMLIMIT (read by the runtime at start)
// is left alone.
func TestSetMemoryLimit(t *testing.T) {
	old := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(old) })

	t.Setenv("GOMEMLIMIT", "")
	debug.SetMemoryLimit(math.MaxInt64)
	if got := SetMemoryLimit(); got != DefaultMemoryLimit {
		t.Errorf("GOMEMLIMIT unset: limit %d, want %d", got, DefaultMemoryLimit)
	}

	t.Setenv("GOMEMLIMIT", "2GiB")
	debug.SetMemoryLimit(2 << 30) // what the runtime read from the variable
	if got := SetMemoryLimit(); got != 2<<30 {
		t.Errorf("GOMEMLIMIT=2GiB: limit %d, want %d", got, 2<<30)
	}
}
