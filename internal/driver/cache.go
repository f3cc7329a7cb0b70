package driver

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/atlint/atlint/output"
	"github.com/atlint/atlint/rules/scopedurl"
)

// The result cache keeps the findings of each root package, as the go
// command keeps go vet's, so that a repeated run parses and type-checks
// only the packages whose inputs changed. An entry's key covers everything
// the findings can depend on: the atlint binary (its build ID), every
// analyzer and its settings (the date of the run among them, resolved to
// a UTC day), the go command's build settings (GOOS, GOARCH, cgo, GOFLAGS
// with its build tags, the Go version), the package's files (names and
// contents, embedded and other files included) and the export data of
// every package it imports, directly or not (for the packages of the main
// modules, which the source loader checks from source: their API, the
// tokens outside function bodies with their positions; cutoff.go).
// Every rule runs, whichever are on, and the findings are stored before
// -enable/-disable, the configuration's rules, severities and excludes,
// the baseline and the file arguments are applied (the filter stage), so
// those stay correct and turning a rule on or off keeps the entries;
// positions are absolute, and fixes keep their byte offsets, which stay
// valid because the file contents are in the key. Packages with load, type
// or analyzer errors are never stored, and neither are findings whose text
// looks like it holds a secret.

// cacheFormat changes whenever the key or the entry format does.
const cacheFormat = "atlint-results-3"

// cacheEnv names the environment variable that sets the cache directory.
const cacheEnv = "ATLINT_CACHE"

// listMode is what the first, cheap load asks of the go command: enough to
// compute the keys (it builds export data, as the full load does).
const listMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedEmbedFiles | packages.NeedImports | packages.NeedDeps | packages.NeedExportFile |
	packages.NeedModule

// resultCache is the cache stage: the load looks the packages up in it
// (loadCached), the analysis stores the findings of the others (store).
type resultCache struct {
	dir      string
	settings string    // hash of the binary and the suite's settings
	wd       *workdir  // stored paths are absolute, printed ones relative
	log      io.Writer // -v: why a package is not stored; nil: silent

	keys         map[string]string // package ID -> key, for the packages to store
	files        map[string]string // package ID -> filesDigest when the key was computed
	hits, misses int
	stores       int

	listTime, keyTime time.Duration // the go list of the keys, computing and looking them up
}

var (
	binaryOnce sync.Once
	binaryHash string
	binaryErr  error
)

// binaryID identifies the running executable: its Go build ID, read from
// the file's headers, else a hash of its contents.
func binaryID() (string, error) {
	binaryOnce.Do(func() {
		exe, err := os.Executable()
		if err != nil {
			binaryErr = err
			return
		}
		if id := goBuildID(exe); id != "" {
			binaryHash = "buildid:" + id
			return
		}
		f, err := os.Open(exe)
		if err != nil {
			binaryErr = err
			return
		}
		defer f.Close()
		h := sha256.New()
		if _, err := io.Copy(h, f); err != nil {
			binaryErr = err
			return
		}
		binaryHash = hex.EncodeToString(h.Sum(nil))
	})
	return binaryHash, binaryErr
}

// cacheDir returns the directory of the result cache: $ATLINT_CACHE, else
// atlint/results in the user cache directory.
func cacheDir() (string, error) {
	if d := os.Getenv(cacheEnv); d != "" {
		return d, nil
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(d, "atlint", "results"), nil
}

// openCache returns the result cache of the run, or nil when it is off
// (-cache=false) or cannot be used.
func (r *run) openCache(suite []*analysis.Analyzer) *resultCache {
	if !r.opts.cache {
		return nil
	}
	dir, err := cacheDir()
	if err == nil {
		err = os.MkdirAll(dir, 0o755)
	}
	bin, err2 := binaryID()
	if err == nil {
		err = err2
	}
	var env string
	if err == nil {
		env, err = buildEnv(r.env.Dir)
	}
	if err != nil {
		if r.opts.verbose {
			fmt.Fprintf(r.env.Stderr, "atlint: result cache off: %v\n", output.Scrub(err.Error()))
		}
		return nil
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00tests=%v\x00env %s\x00", cacheFormat, bin, runtime.Version(), r.tests(), env)
	writeSettings(h, suite)
	return &resultCache{dir: dir, settings: hex.EncodeToString(h.Sum(nil)), wd: r.wd, log: r.log(), keys: map[string]string{}, files: map[string]string{}}
}

// writeSettings writes the analyzers of the suite, and those they require,
// with the values of all their flags.
func writeSettings(h io.Writer, suite []*analysis.Analyzer) {
	seen := map[*analysis.Analyzer]bool{}
	var all []*analysis.Analyzer
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		all = append(all, a)
		for _, req := range a.Requires {
			visit(req)
		}
	}
	for _, a := range suite {
		visit(a)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Name < all[j].Name })
	for _, a := range all {
		fmt.Fprintf(h, "analyzer %q\n", a.Name)
		a.Flags.VisitAll(func(f *flag.Flag) {
			fmt.Fprintf(h, "  %q=%q\n", f.Name, f.Value.String())
		})
	}
}

// keyer computes the keys of the root packages of a listing.
type keyer struct {
	c       *resultCache
	exports map[string]string // export file -> content hash ("" when unreadable)
	deps    map[*packages.Package]string
	broken  map[*packages.Package]bool
	apis    map[*packages.Package]string // API hashes (cutoff.go)
}

func newKeyer(c *resultCache, roots []*packages.Package) *keyer {
	k := &keyer{c: c, exports: map[string]string{}, deps: map[*packages.Package]string{}, broken: map[*packages.Package]bool{}, apis: map[*packages.Package]string{}}
	var files []string
	packages.Visit(roots, nil, func(p *packages.Package) {
		if p.ExportFile != "" {
			if _, ok := k.exports[p.ExportFile]; !ok {
				k.exports[p.ExportFile] = ""
				files = append(files, p.ExportFile)
			}
		}
	})
	// Hash the export data in parallel: on a large module it is most of
	// the work of a fully cached run.
	sums := make([]string, len(files))
	var wg sync.WaitGroup
	work := make(chan int)
	for range min(runtime.GOMAXPROCS(0), max(len(files), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				if s, err := hashExport(files[i]); err == nil {
					sums[i] = s
				}
			}
		}()
	}
	for i := range files {
		work <- i
	}
	close(work)
	wg.Wait()
	for i, f := range files {
		k.exports[f] = sums[i]
	}
	return k
}

// hashExport returns the content hash of an export data file. The go
// command's build cache names its output files by the SHA-256 of their
// contents (<hash>-d): the name is the hash, and reading the file is not
// needed.
func hashExport(name string) (string, error) {
	if base := filepath.Base(name); len(base) == 66 && strings.HasSuffix(base, "-d") && isHex(base[:64]) {
		return "gocache:" + base[:64], nil
	}
	return hashFile(name)
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		if !('0' <= s[i] && s[i] <= '9' || 'a' <= s[i] && s[i] <= 'f') {
			return false
		}
	}
	return true
}

func hashFile(name string) (string, error) {
	f, err := os.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// depKey returns the hash of a dependency's export data and of its own
// dependencies', or "" when it or one of them has errors or no readable
// export data (unsafe has none, and needs none).
func (k *keyer) depKey(p *packages.Package) string {
	if s, ok := k.deps[p]; ok || k.broken[p] {
		return s
	}
	k.broken[p] = true // until proven otherwise; also stops import cycles
	if len(p.Errors) > 0 {
		return ""
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00", p.ID)
	if p.PkgPath != "unsafe" {
		sum := k.exports[p.ExportFile]
		switch {
		case p.ExportFile != "":
		case cutoff(p):
			sum = k.apiSum(p) // checked from source: the API importers see
		default:
			sum = k.sourceSum(p)
		}
		if sum == "" {
			return ""
		}
		fmt.Fprintf(h, "%s\x00", sum)
	}
	if !hashImports(h, "%s=%s\x00", p, k.depKey) {
		return ""
	}
	s := hex.EncodeToString(h.Sum(nil))
	delete(k.broken, p)
	k.deps[p] = s
	return s
}

// hashImports writes, in import-path order, each import's path and key
// (format has a verb for each) and reports false as soon as an import has
// no key ("").
func hashImports(h io.Writer, format string, p *packages.Package, key func(*packages.Package) string) bool {
	for _, path := range sortedKeys(p.Imports) {
		d := key(p.Imports[path])
		if d == "" {
			return false
		}
		fmt.Fprintf(h, format, path, d)
	}
	return true
}

// key returns the key of a root package, and false when the package cannot
// be cached (errors, unreadable files or dependencies).
func (k *keyer) key(p *packages.Package) (string, bool) {
	if len(p.Errors) > 0 {
		return "", false
	}
	files, ok := filesDigest(p)
	if !ok {
		return "", false
	}
	k.c.files[p.ID] = files
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00pkg %q %q %q\x00files %s\x00", k.c.settings, p.ID, p.PkgPath, p.Name, files)
	for _, path := range sortedKeys(p.Imports) {
		d := k.depKey(p.Imports[path])
		if d == "" {
			return "", false
		}
		fmt.Fprintf(h, "import %q=%s\x00", path, d)
	}
	return hex.EncodeToString(h.Sum(nil)), true
}

// filesDigest hashes the names and contents of a package's files: Go,
// compiled, other and embedded files, and the GraphQL files of its
// directories.
func filesDigest(p *packages.Package) (string, bool) {
	h := sha256.New()
	files := map[string]bool{}
	for _, list := range [][]string{p.GoFiles, p.CompiledGoFiles, p.OtherFiles, p.EmbedFiles} {
		for _, f := range list {
			files[f] = true
		}
	}
	// The jpdgraphql rule resolves //go:embed patterns itself: the GraphQL
	// files of the package's directories count whether or not the go
	// command embeds them.
	dirs := map[string]bool{}
	for _, f := range p.GoFiles {
		dirs[filepath.Dir(f)] = true
	}
	globbed := map[string]bool{}
	for d := range dirs {
		// scopedurl reads sample configuration files beside the code.
		for _, f := range globDir(d, append([]string{"*.graphql", "*.gql"}, scopedurl.SampleConfigGlobs...)) {
			if !files[f] {
				globbed[f] = true
			}
		}
		// The tokencollect rule reads a Mattermost plugin manifest
		// beside the package or one directory up: its presence and its
		// content change the findings.
		for _, m := range []string{filepath.Join(d, "plugin.json"), filepath.Join(filepath.Dir(d), "plugin.json")} {
			if !files[m] {
				globbed[m] = true
			}
		}
	}
	for _, f := range sortedKeys(files) {
		if err := hashInto(h, f); err != nil {
			return "", false
		}
	}
	// A globbed name may be anything: a FIFO (reading it blocks), a
	// symlink to /dev/zero (reading it never ends). Only regular files up
	// to the analyzer's size limit are read; of the others, the name, kind
	// and size count.
	for _, f := range sortedKeys(globbed) {
		st, err := os.Stat(f)
		switch {
		case err != nil:
			fmt.Fprintf(h, "glob %q unreadable\x00", f)
		case !st.Mode().IsRegular():
			fmt.Fprintf(h, "glob %q mode %v\x00", f, st.Mode().Type())
		case st.Size() > maxGlobSize:
			fmt.Fprintf(h, "glob %q size %d %v\x00", f, st.Size(), st.ModTime().UnixNano())
		default:
			if err := hashInto(h, f); err != nil {
				return "", false
			}
		}
	}
	return hex.EncodeToString(h.Sum(nil)), true
}

// globDir returns what filepath.Glob(filepath.Join(dir, pat)) returns for
// each of the patterns, reading the directory once: globbing each pattern
// read it again, most of the time of a cached run on a large module.
func globDir(dir string, pats []string) []string {
	if strings.ContainsAny(dir, `*?[\`) || slices.ContainsFunc(pats, func(p string) bool { return strings.ContainsRune(p, filepath.Separator) }) {
		var out []string
		for _, pat := range pats {
			m, _ := filepath.Glob(filepath.Join(dir, pat))
			out = append(out, m...)
		}
		return out
	}
	f, err := os.Open(dir)
	if err != nil {
		return nil
	}
	names, _ := f.Readdirnames(-1)
	f.Close()
	var out []string
	for _, name := range names {
		for _, pat := range pats {
			var ok bool
			if lit, isSuffix := strings.CutPrefix(pat, "*"); isSuffix && !strings.ContainsAny(lit, `*?[\`) {
				ok = strings.HasSuffix(name, lit)
			} else {
				ok, _ = filepath.Match(pat, name)
			}
			if ok {
				out = append(out, filepath.Join(dir, name))
			}
		}
	}
	return out
}

// maxGlobSize is the largest GraphQL file read for a key: the jpdgraphql
// analyzer ignores larger ones.
const maxGlobSize = 8 << 20

// hashInto writes a file's name, size and contents.
func hashInto(h hash.Hash, name string) error {
	if st, err := os.Stat(name); err != nil || !st.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file", name) // opening a FIFO blocks
	}
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	if !st.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file", name)
	}
	fmt.Fprintf(h, "file %q %d\x00", name, st.Size())
	n, err := io.Copy(h, io.LimitReader(f, st.Size()))
	if err == nil && n != st.Size() {
		err = fmt.Errorf("%s changed while it was read", name)
	}
	return err
}

// cacheEntry is the stored form of a package's findings.
type cacheEntry struct {
	Format   string           `json:"format"`
	Key      string           `json:"key"`
	Findings []output.Finding `json:"findings"` // absolute paths; no LineText, no fingerprint
	PkgIDs   []string         `json:"pkg_ids"`  // the package of each finding
}

func (c *resultCache) path(key string) string {
	return filepath.Join(c.dir, key[:2], key)
}

// get returns the findings stored under key; a missing, unreadable or
// corrupt entry is a miss.
func (c *resultCache) get(key string) ([]output.Finding, []string, bool) {
	name := c.path(key)
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, nil, false
	}
	var e cacheEntry
	if err := json.Unmarshal(b, &e); err != nil || e.Format != cacheFormat || e.Key != key || len(e.PkgIDs) != len(e.Findings) {
		return nil, nil, false
	}
	for _, f := range e.Findings {
		if f.RuleID == "" || !filepath.IsAbs(f.Pos.File) || !filepath.IsAbs(f.End.File) {
			return nil, nil, false
		}
		for _, fix := range f.Fixes {
			for _, ed := range fix.Edits {
				if !filepath.IsAbs(ed.Pos.File) || !filepath.IsAbs(ed.End.File) || ed.Pos.Offset < 0 || ed.End.Offset < ed.Pos.Offset {
					return nil, nil, false
				}
			}
		}
	}
	// Mark the entry used, for trimming (at most once an hour, as the go
	// command does).
	if st, err := os.Stat(name); err == nil && time.Since(st.ModTime()) > time.Hour {
		now := time.Now()
		os.Chtimes(name, now, now)
	}
	return e.Findings, e.PkgIDs, true
}

// errSecret refuses to store a finding whose text, file name or package
// looks like it holds a secret.
var errSecret = errors.New("a finding's text, file or package looks like a secret")

// put stores the findings of a package under key, atomically.
func (c *resultCache) put(key string, fs []output.Finding, pkgIDs []string) error {
	for _, id := range pkgIDs {
		if output.ScrubPath(id) != id {
			return errSecret
		}
	}
	for _, f := range fs {
		texts := []string{f.Message}
		paths := []string{f.Pos.File, f.End.File}
		for _, fix := range f.Fixes {
			texts = append(texts, fix.Message)
			for _, ed := range fix.Edits {
				texts = append(texts, ed.NewText)
				paths = append(paths, ed.Pos.File, ed.End.File)
			}
		}
		for _, s := range texts {
			if output.Scrub(s) != s {
				return errSecret
			}
		}
		for _, s := range paths {
			if output.ScrubPath(s) != s {
				return errSecret
			}
		}
	}
	if fs == nil {
		fs = []output.Finding{}
		pkgIDs = []string{}
	}
	b, err := json.Marshal(cacheEntry{Format: cacheFormat, Key: key, Findings: fs, PkgIDs: pkgIDs})
	if err != nil {
		return err
	}
	if err := writeAtomic(c.path(key), b); err != nil {
		return err
	}
	c.stores++
	return nil
}

// trim removes entries unused for trimAge, at most once a day.
const trimAge = 7 * 24 * time.Hour

func (c *resultCache) trim() {
	marker := filepath.Join(c.dir, "trim.txt")
	if st, err := os.Stat(marker); err == nil && time.Since(st.ModTime()) < 24*time.Hour {
		return
	}
	os.WriteFile(marker, []byte(time.Now().UTC().Format(time.RFC3339)+"\n"), 0o644)
	subs, _ := os.ReadDir(c.dir)
	for _, sub := range subs {
		if !sub.IsDir() || len(sub.Name()) != 2 {
			continue
		}
		d := filepath.Join(c.dir, sub.Name())
		entries, _ := os.ReadDir(d)
		for _, e := range entries {
			if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > trimAge {
				os.Remove(filepath.Join(d, e.Name()))
			}
		}
	}
}

// loadCached loads the packages to analyse. With the cache, it first lists
// the packages (no parsing, no type-checking), looks their keys up, and
// loads from source only the packages that miss; it returns the findings
// of the hits.
func (r *run) loadCached(c *resultCache, patterns []string) ([]*packages.Package, []*finding, error) {
	if c == nil {
		pkgs, err := r.load(patterns, false)
		return pkgs, nil, err
	}
	t0 := time.Now()
	cfg := &packages.Config{Mode: listMode, Tests: r.tests(), Dir: r.env.Dir}
	listed, err := r.listCached(cfg, patterns)
	r.loadTime = time.Since(t0)
	if err != nil || len(listed) == 0 {
		// Let the full load report it.
		pkgs, err := r.load(patterns, false)
		return pkgs, nil, err
	}
	c.listTime = time.Since(t0)
	r.noteModules(listed)
	k := newKeyer(c, listed)
	var hits []*finding
	var roots int
	miss := map[string]bool{}
	var missPaths []string
	for _, p := range listed {
		if isTestMain(p) {
			continue
		}
		roots++
		key, ok := k.key(p)
		if ok {
			if fs, ids, ok := c.get(key); ok {
				c.hits++
				r.cachedPackages++
				for i := range fs {
					hits = append(hits, c.fromCache(fs[i], ids[i]))
				}
				if r.opts.verbose {
					fmt.Fprintf(r.env.Stderr, "atlint: [cached] %s: %s\n", output.ScrubPath(p.ID), plural(len(fs), "diagnostic"))
				}
				continue
			}
			c.keys[p.ID] = key
		}
		c.misses++
		if !miss[p.ID] {
			miss[p.ID] = true
			missPaths = append(missPaths, p.PkgPath)
		}
	}
	r.loadTime = time.Since(t0)
	c.keyTime = r.loadTime - c.listTime
	if len(miss) == 0 {
		if r.opts.verbose {
			fmt.Fprintf(r.env.Stderr, "atlint: every package (%d) in the result cache\n", roots)
		}
		return nil, hits, nil
	}
	if sourceLoading() { // the listing has all it needs
		keep, err := r.loadMissed(patterns, listed, miss, t0)
		return keep, hits, err
	}
	// Load only the packages that missed, by import path, unless most
	// missed (the original patterns cost the same) or a path is not one
	// the go command can be given back.
	again := patterns
	if len(miss) <= roots/2 {
		again = uniq(missPaths)
		for _, p := range again {
			if p == "command-line-arguments" || !strings.Contains(p, ".") && !strings.Contains(p, "/") {
				again = patterns
				break
			}
		}
	}
	pkgs, err := r.load(again, false)
	r.loadTime = time.Since(t0) // the listing counts as loading
	if err != nil {
		return nil, nil, err
	}
	var keep []*packages.Package
	for _, p := range pkgs {
		if miss[p.ID] {
			keep = append(keep, p)
		}
	}
	return keep, hits, nil
}

func uniq(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

// fromCache turns a stored finding back into a driver finding: paths
// relative to the working directory, the line text read again.
func (c *resultCache) fromCache(f output.Finding, pkgID string) *finding {
	abs := f.Pos.File
	rel := func(p output.Position) output.Position {
		p.File = c.wd.rel(p.File)
		return p
	}
	f.Pos, f.End = rel(f.Pos), rel(f.End)
	f.LineText = c.wd.lineText(abs, f.Pos.Offset)
	f.Fingerprint = ""
	fixes := make([]output.Fix, len(f.Fixes))
	for i, fix := range f.Fixes {
		edits := make([]output.Edit, len(fix.Edits))
		for j, e := range fix.Edits {
			edits[j] = output.Edit{Pos: rel(e.Pos), End: rel(e.End), NewText: e.NewText}
		}
		fixes[i] = output.Fix{Message: fix.Message, Edits: edits}
	}
	if len(fixes) == 0 {
		fixes = nil
	}
	f.Fixes = fixes
	return &finding{Finding: f, pkgID: pkgID, absFile: filepath.Clean(abs)}
}

// toCache returns the stored form of a finding: absolute paths, no line
// text (it may hold a secret; it is read again from the file).
func (c *resultCache) toCache(f *finding) output.Finding {
	abs := func(p output.Position) output.Position {
		if p.File != "" {
			p.File = c.wd.abs(p.File)
		}
		return p
	}
	out := f.Finding
	out.LineText, out.Fingerprint = "", ""
	out.Pos, out.End = abs(out.Pos), abs(out.End)
	out.Fixes = nil
	for _, fix := range f.Fixes {
		nf := output.Fix{Message: fix.Message}
		for _, e := range fix.Edits {
			nf.Edits = append(nf.Edits, output.Edit{Pos: abs(e.Pos), End: abs(e.End), NewText: e.NewText})
		}
		out.Fixes = append(out.Fixes, nf)
	}
	return out
}

// store records the findings of the analysed packages that can be cached:
// those with a key, without errors in them or their dependencies, whose
// analyzers all succeeded.
func (c *resultCache) store(pkgs []*packages.Package, byPkg map[string][]*finding, failed map[string]bool) {
	for _, p := range pkgs {
		key, ok := c.keys[p.ID]
		if !ok || failed[p.ID] || p.IllTyped || len(p.TypeErrors) > 0 {
			continue
		}
		clean := true
		packages.Visit([]*packages.Package{p}, nil, func(q *packages.Package) {
			clean = clean && len(q.Errors) == 0
		})
		if !clean {
			continue
		}
		// A file edited between the listing and the load: the findings
		// are not those of the key's files.
		if d, ok := filesDigest(p); !ok || d != c.files[p.ID] {
			continue
		}
		var fs []output.Finding
		var ids []string
		for _, f := range byPkg[p.ID] {
			fs = append(fs, c.toCache(f))
			ids = append(ids, f.pkgID)
		}
		if err := c.put(key, fs, ids); err != nil && c.log != nil {
			fmt.Fprintf(c.log, "atlint: result cache: %s: %v\n", output.ScrubPath(p.ID), err)
		}
	}
	c.trim()
}
