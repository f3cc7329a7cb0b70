package driver

import (
	"fmt"
	"os"
	"path/filepath"
)

// writeData writes the new content of a file to its temporary copy; tests
// replace it to simulate a full disk.
var writeData = func(f *os.File, b []byte) (int, error) { return f.Write(b) }

// writeFileAtomic replaces the content of the regular file name with data
// so that, whatever happens (a full disk, a kill), the file holds either
// its old content or the new one, whole: data goes to a temporary file in
// the same directory, which is synced, given the original's mode (and
// owner, when allowed) and renamed over the original. The temporary file's
// name starts with a dot and does not end in .go, so that a copy left by a
// kill is ignored by the go command.
func writeFileAtomic(name string, data []byte) (err error) {
	st, err := os.Lstat(name)
	if err != nil {
		return err
	}
	if !st.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file", name)
	}
	dir := filepath.Dir(name)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(name)+".atlint-*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	n, err := writeData(tmp, data)
	if err == nil && n != len(data) {
		err = fmt.Errorf("short write")
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err = tmp.Chmod(st.Mode().Perm()); err != nil {
		return err
	}
	copyOwner(tmp, st)
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err = os.Rename(tmp.Name(), name); err != nil {
		return err
	}
	if d, err := os.Open(dir); err == nil { // make the rename durable
		d.Sync()
		d.Close()
	}
	return nil
}
