package driver

import (
	"bytes"
	"debug/elf"
	"io"
	"os"
)

// goBuildID returns the Go build ID of an executable ("" when it has none
// that can be read cheaply). The go command derives it from the binary's
// inputs and content (cmd/go/internal/buildid): two binaries with the same
// ID behave the same, so it salts the result cache instead of a hash of the
// whole executable. ELF binaries keep it in the .note.go.buildid note;
// others (Mach-O, PE) near the start of the text, after a marker.
func goBuildID(exe string) string {
	if f, err := elf.Open(exe); err == nil {
		defer f.Close()
		if s := f.Section(".note.go.buildid"); s != nil {
			if data, err := s.Data(); err == nil && len(data) >= 16 {
				bo := f.ByteOrder
				namesz, descsz, typ := bo.Uint32(data), bo.Uint32(data[4:]), bo.Uint32(data[8:])
				name := 12 + int(namesz+3)&^3
				if typ == 4 && namesz == 4 && string(data[12:14]) == "Go" && name+int(descsz) <= len(data) {
					return string(data[name : name+int(descsz)])
				}
			}
		}
		return ""
	}
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	buf := make([]byte, 64<<10)
	n, _ := io.ReadFull(f, buf)
	buf = buf[:n]
	const marker = "\xff Go build ID: \""
	i := bytes.Index(buf, []byte(marker))
	if i < 0 {
		return ""
	}
	rest := buf[i+len(marker):]
	j := bytes.Index(rest, []byte("\"\n \xff"))
	if j <= 0 {
		return ""
	}
	return string(rest[:j])
}
