package driver

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// The export memo remembers where the go command's build cache keeps the
// export data of packages that cannot change: those of the standard
// library and of module versions in the module cache. Asking the go
// command for them (go list -export) makes it hash the inputs of every
// dependency, which costs as much as the rest of a one-file run; the memo
// answers instead when it knows the package, and the go command is asked
// for the others, whose answers are remembered.
//
// Beside the export file's name, an entry keeps the package's types in
// gcexportdata's own format, written the first time the export file is
// read: they are read instead of the export file, which holds the
// compiler's inlinable bodies too, and whose every byte the types read
// from it keep in memory (the names are substrings of it): on Prometheus,
// 22 MB of types instead of 69 MB of export data.
//
// An entry's key covers what the go command's own action ID for the
// package covers: the toolchain (Go version, GOROOT, the compile and cgo
// tools' size and time), the build settings (buildEnvVars: target, tags
// and flags, cgo's compilers and flags, and the C compiler's size and
// time), the build cache's location, and the package with every
// dependency: for the standard library the names, sizes and times of its
// files, for a module version its path, version and file names. A package
// with errors, one whose files may change (a main module, a replacement
// directory, vendored, GOPATH), a module package with cgo files (its
// pkg-config flags are not known) and every package depending on one of
// these is never remembered. An entry is used only if the file it names,
// named by its content's hash in the build cache, still exists.

// exportMemoFormat changes whenever the key or the entry format does.
const exportMemoFormat = "atlint-exports-1"

// cgoDirs records, for the directories go list listed, whether the
// package there has files cgo or SWIG process (a module version's
// directory does not change; keyed with the package ID).
var cgoDirs sync.Map // string(Dir + "\x00" + ID) -> bool

func noteCgo(p *packages.Package, cgo bool) {
	if p.Module != nil && !p.Module.Main {
		cgoDirs.Store(p.Dir+"\x00"+p.ID, cgo)
	}
}

// exportMemo computes the keys of the packages of one load.
type exportMemo struct {
	dir    string // the result cache's directory
	env    string // hash of the toolchain and build settings
	goroot string // GOROOT/src/
	keys   map[*packages.Package]string
	broken map[*packages.Package]bool
	stats  map[string]string            // the result cache's statDigests, by statKey+ID
	types  map[*packages.Package]string // the entries' types files
}

// newExportMemo returns the memo of a run, or nil when the toolchain
// cannot be described. It is there with -cache=false too: like the go
// command's build cache, it keeps what does not depend on the code being
// analysed.
func (r *run) newExportMemo() *exportMemo {
	dir, err := cacheDir()
	if err != nil {
		return nil
	}
	env, err := goEnv(r.env.Dir)
	if err != nil || env["GOROOT"] == "" || env["GOCACHE"] == "" || env["GOCACHE"] == "off" {
		return nil
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00", exportMemoFormat)
	names := append(append([]string{}, buildEnvVars...), toolEnvVars...)
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(h, "%s=%q\x00", n, env[n])
	}
	tools := []string{filepath.Join(env["GOTOOLDIR"], "compile"), filepath.Join(env["GOTOOLDIR"], "cgo")}
	if env["CGO_ENABLED"] == "1" {
		for _, v := range []string{"CC", "CXX"} {
			if f := strings.Fields(env[v]); len(f) > 0 {
				if path, err := exec.LookPath(f[0]); err == nil {
					tools = append(tools, path)
				}
			}
		}
	}
	for _, t := range tools {
		st, err := os.Stat(t)
		if err != nil {
			if t == tools[0] {
				return nil
			}
			fmt.Fprintf(h, "tool %q missing\x00", t)
			continue
		}
		fmt.Fprintf(h, "tool %q %d %d\x00", t, st.Size(), st.ModTime().UnixNano())
	}
	var stats map[string]string
	if r.cache != nil {
		stats = r.cache.files
	}
	return &exportMemo{
		stats:  stats,
		dir:    dir,
		env:    hex.EncodeToString(h.Sum(nil)),
		goroot: filepath.Join(env["GOROOT"], "src") + string(filepath.Separator),
		keys:   map[*packages.Package]string{},
		broken: map[*packages.Package]bool{},
		types:  map[*packages.Package]string{},
	}
}

// key returns the key of a package's export data, or "" when it is not to
// be remembered.
func (m *exportMemo) key(p *packages.Package) string {
	if k, ok := m.keys[p]; ok || m.broken[p] {
		return k
	}
	m.broken[p] = true // until proven otherwise; also stops import cycles
	own := m.own(p)
	if own == "" {
		return ""
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%q\x00%s\x00", m.env, p.ID, own)
	if !hashImports(h, "%q=%s\x00", p, m.key) {
		return ""
	}
	k := hex.EncodeToString(h.Sum(nil))
	delete(m.broken, p)
	m.keys[p] = k
	return k
}

// own describes a package's own files, or returns "" when they may change.
func (m *exportMemo) own(p *packages.Package) string {
	if p.PkgPath == "unsafe" {
		return "unsafe"
	}
	if len(p.Errors) > 0 || strings.Contains(p.ID, " [") {
		return ""
	}
	lists := [][]string{p.GoFiles, p.OtherFiles, p.EmbedFiles}
	h := sha256.New()
	switch mod := p.Module; {
	case mod == nil:
		if !strings.HasPrefix(p.Dir+string(filepath.Separator), m.goroot) {
			return "" // GOPATH
		}
		d, ok := m.stats[statKey+p.ID] // the result cache's keys hashed them
		if !ok {
			d = statDigest(p)
		}
		if d == "" {
			return ""
		}
		return "std:" + d
	case !mod.Main && immutable(p):
		if cgo, ok := cgoDirs.Load(p.Dir + "\x00" + p.ID); !ok || cgo.(bool) {
			return ""
		}
		if r := mod.Replace; r != nil {
			mod = r
		}
		fmt.Fprintf(h, "module %s@%s\x00", mod.Path, mod.Version)
		for _, list := range lists {
			fmt.Fprintf(h, "%q\x00", list)
		}
		return "mod:" + hex.EncodeToString(h.Sum(nil))
	}
	return ""
}

func (m *exportMemo) path(key string) string {
	return filepath.Join(m.dir, key[:2], key+"-x")
}

// lookup fills the export files the memo knows, and returns the packages
// it does not.
func (m *exportMemo) lookup(pkgs []*packages.Package) (rest []*packages.Package) {
	if m == nil {
		return pkgs
	}
	for _, p := range pkgs {
		k := m.key(p)
		if k == "" {
			rest = append(rest, p)
			continue
		}
		name := m.path(k)
		b, err := os.ReadFile(name)
		lines := strings.Split(string(b), "\n")
		if err != nil || len(lines) != 4 || lines[0] != exportMemoFormat || lines[1] != k || !isCacheFile(lines[2]) {
			rest = append(rest, p)
			continue
		}
		typesFile := m.path(k) + "t"
		if _, err := os.Stat(typesFile); err == nil {
			m.types[p] = typesFile // the export file itself is not read
		} else if st, err := os.Stat(lines[2]); err != nil || !st.Mode().IsRegular() {
			rest = append(rest, p)
			continue
		}
		p.ExportFile = lines[2]
		if st, err := os.Stat(name); err == nil && time.Since(st.ModTime()) > time.Hour {
			now := time.Now()
			os.Chtimes(name, now, now) // used: kept by trim
		}
	}
	return rest
}

// remember stores the export files the go command gave for packages.
func (m *exportMemo) remember(pkgs []*packages.Package) {
	if m == nil {
		return
	}
	for _, p := range pkgs {
		if k := m.key(p); k != "" && isCacheFile(p.ExportFile) {
			writeAtomic(m.path(k), []byte(fmt.Sprintf("%s\n%s\n%s\n", exportMemoFormat, k, p.ExportFile)))
		}
	}
}

// readTypes reads a package's types from its entry's types file into the
// view, or returns an error without reading when the file is not whole.
func (m *exportMemo) readTypes(p *packages.Package, fset *token.FileSet, view map[string]*types.Package) (*types.Package, error) {
	name := m.types[p]
	if name == "" {
		return nil, errNoTypes
	}
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	head := fmt.Sprintf("%s types\n%s\n", exportMemoFormat, m.key(p))
	rest, ok := bytes.CutPrefix(b, []byte(head))
	if !ok || len(rest) < 65 || rest[64] != '\n' {
		return nil, errNoTypes
	}
	sum, data := rest[:64], rest[65:]
	if h := sha256.Sum256(data); hex.EncodeToString(h[:]) != string(sum) {
		return nil, errNoTypes
	}
	return gcexportdata.Read(bytes.NewReader(data), fset, view, p.PkgPath)
}

var errNoTypes = errors.New("no types in the export memo")

// saveTypes stores the types of a package just read from its export
// file, when the memo has a key for it and no types yet.
func (m *exportMemo) saveTypes(p *packages.Package, fset *token.FileSet) {
	if m == nil || m.types[p] != "" || p.Types == nil || !p.Types.Complete() {
		return
	}
	k := m.key(p)
	if k == "" {
		return
	}
	var buf bytes.Buffer
	if err := gcexportdata.Write(&buf, fset, p.Types); err != nil {
		return
	}
	h := sha256.Sum256(buf.Bytes())
	head := fmt.Sprintf("%s types\n%s\n%s\n", exportMemoFormat, k, hex.EncodeToString(h[:]))
	writeAtomic(m.path(k)+"t", append([]byte(head), buf.Bytes()...))
}

// writeAtomic writes a cache file through a temporary one, renamed into
// place; a failure leaves nothing behind. The memos ignore its error (an
// entry not written is computed again); the result cache counts it.
func writeAtomic(name string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), ".tmp-*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(b)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), name)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// isCacheFile reports whether name is an output file of the go command's
// build cache: named by the SHA-256 of its contents, so that while it
// exists it holds what was built.
func isCacheFile(name string) bool {
	base := filepath.Base(name)
	return filepath.IsAbs(name) && len(base) == 66 && strings.HasSuffix(base, "-d") && isHex(base[:64])
}

// goListExports asks the go command for the export files of packages
// outside the main modules (no test variants) in one go list, as
// go/packages would (NeedName|NeedExportFile); errFallBack when its answer
// is one go/packages works around (an error exit, a package with errors or
// without export data).
func (r *run) goListExports(paths []string) (map[string]string, error) {
	if externalDriver() || len(strings.Join(paths, " ")) > listArgMax {
		return nil, errFallBack
	}
	out, err := r.runGo(append([]string{"list", "-e", "-json=Name,ImportPath,Error,Dir,Export",
		"-compiled=false", "-test=false", "-export=true", "-deps=false", "-find=false", "-buildvcs=false", "-pgo=off", "--"}, paths...)...)
	if err != nil {
		return nil, errFallBack
	}
	files := map[string]string{}
	for dec := json.NewDecoder(bytes.NewReader(out)); dec.More(); {
		var jp jsonPackage
		if err := dec.Decode(&jp); err != nil || jp.Error != nil || jp.Export == "" {
			return nil, errFallBack
		}
		if !filepath.IsAbs(jp.Export) {
			jp.Export = filepath.Join(jp.Dir, jp.Export)
		}
		files[jp.ImportPath] = jp.Export
	}
	for _, p := range paths {
		if files[p] == "" {
			return nil, errFallBack
		}
	}
	return files, nil
}
