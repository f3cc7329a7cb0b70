//go:build unix

package driver

import (
	"os"
	"syscall"
)

// copyOwner gives f the owner and group of the file st describes, when
// allowed (only root may give a file away; failing is harmless).
func copyOwner(f *os.File, st os.FileInfo) {
	if sys, ok := st.Sys().(*syscall.Stat_t); ok {
		f.Chown(int(sys.Uid), int(sys.Gid))
	}
}
