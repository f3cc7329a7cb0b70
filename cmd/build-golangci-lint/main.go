// Command build-golangci-lint builds a golangci-lint v2 binary that contains
// the atlint module plugin, from the Go module proxy alone.
//
// `golangci-lint custom` does the same job but clones golangci-lint from
// GitHub with git; many companies have a Go module proxy (or a mirror of
// proxy.golang.org) and no GitHub access. This command downloads
// golangci-lint with `go mod download` instead, and builds it the way
// `golangci-lint custom` does: golangci-lint's cmd/golangci-lint/main.go in a
// scratch module, a plugins.go that blank-imports github.com/atlint/atlint/plugin,
// `go mod tidy`, `go build`.
//
// Usage, from a checkout of atlint (today) or anywhere once atlint is
// published (go run github.com/atlint/atlint/cmd/build-golangci-lint@VERSION):
//
//	go run ./cmd/build-golangci-lint [-o ./custom-gcl] [-golangci-lint v2.15.0] [-atlint DIR|VERSION]
//
// Which atlint goes into the binary (-atlint, by default found this way):
// the module in the current directory when it is atlint (a checkout: its
// files as they are, through a replace directive); else the atlint version
// the current module requires; else the version this command was run at
// (go run …@vX.Y.Z, once published). A directory builds from that checkout; a version
// (vX.Y.Z) downloads it from the module proxy.
//
// The binary reports the golangci-lint version with the atlint it holds
// appended (2.15.0-custom-gcl-atlint-<hash of the checkout's sources> or
// …-atlint-vX.Y.Z): golangci-lint salts its result cache with its version, so
// a binary with other atlint code never serves stale results. -print-version
// prints that version and builds nothing.
//
// The go commands run with GOWORK=off and GOFLAGS=-mod=mod, and the rest of
// the caller's environment (GOPROXY, GOPRIVATE, GONOSUMDB, GOTOOLCHAIN...).
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"sort"
	"strings"
	"time"
)

const (
	// golangciLintVersion is the golangci-lint release built by default:
	// the `version:` of .custom-gcl.yml (a test keeps them equal), built with
	// golang.org/x/tools v0.52.0, the version atlint requires.
	golangciLintVersion = "v2.15.0"
	golangciModule      = "github.com/golangci/golangci-lint/v2"
	atlintModule        = "github.com/atlint/atlint"
	pluginImport        = "github.com/atlint/atlint/plugin"
)

func main() {
	log := func(format string, args ...any) { fmt.Fprintf(os.Stderr, "build-golangci-lint: "+format+"\n", args...) }
	if err := run(os.Args[1:], log); err != nil {
		log("%v", err)
		os.Exit(1)
	}
}

func run(args []string, log func(string, ...any)) error {
	fs := flag.NewFlagSet("build-golangci-lint", flag.ContinueOnError)
	out := fs.String("o", "custom-gcl", "the `file` to write the binary to")
	gclVersion := fs.String("golangci-lint", golangciLintVersion, "the golangci-lint v2 `version` to build")
	atlintFlag := fs.String("atlint", "", "the atlint to build in: a checkout `directory`, or a module version (default: the checkout or requirement of the current module, else this command's own version)")
	printVersion := fs.Bool("print-version", false, "print the version the binary would report, and build nothing")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: go run ./cmd/build-golangci-lint [flags]\n\nBuilds golangci-lint with the atlint plugin from the Go module proxy.\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q (flags only)", fs.Args())
	}
	if !regexp.MustCompile(`^v2\.\d+\.\d+$`).MatchString(*gclVersion) {
		return fmt.Errorf("-golangci-lint %q: want a golangci-lint v2 release, v2.x.y", *gclVersion)
	}
	src, err := findAtlint(*atlintFlag)
	if err != nil {
		return err
	}
	stamp, err := versionStamp(*gclVersion, src)
	if err != nil {
		return err
	}
	if *printVersion {
		fmt.Println(stamp)
		return nil
	}
	outPath, err := filepath.Abs(*out)
	if err != nil {
		return err
	}
	return build(*gclVersion, src, stamp, outPath, log)
}

// An atlintSource is where the plugin comes from: a checkout directory or a
// module version.
type atlintSource struct {
	Dir     string // a checkout (replace directive), or
	Version string // a version from the module proxy
}

func (s atlintSource) String() string {
	if s.Dir != "" {
		return "the checkout " + s.Dir
	}
	return atlintModule + "@" + s.Version
}

// findAtlint resolves the -atlint flag (see the package documentation).
func findAtlint(flagValue string) (atlintSource, error) {
	if flagValue != "" {
		if st, err := os.Stat(flagValue); err == nil && st.IsDir() {
			dir, err := filepath.Abs(flagValue)
			if err != nil {
				return atlintSource{}, err
			}
			if modulePath(filepath.Join(dir, "go.mod")) != atlintModule {
				return atlintSource{}, fmt.Errorf("-atlint %s: not a checkout of %s (no go.mod naming it)", flagValue, atlintModule)
			}
			return atlintSource{Dir: dir}, nil
		}
		if !strings.HasPrefix(flagValue, "v") {
			return atlintSource{}, fmt.Errorf("-atlint %q: neither a directory nor a module version (vX.Y.Z)", flagValue)
		}
		return atlintSource{Version: flagValue}, nil
	}
	// The current module: atlint itself, or a module that requires it.
	cmd := exec.Command("go", "list", "-m", "-json", atlintModule)
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	if b, err := cmd.Output(); err == nil {
		var m struct {
			Main    bool
			Dir     string
			Version string
			Replace *struct{ Dir, Version string }
		}
		if json.Unmarshal(b, &m) == nil {
			switch {
			case m.Main && m.Dir != "":
				return atlintSource{Dir: m.Dir}, nil
			case m.Replace != nil && m.Replace.Dir != "":
				return atlintSource{Dir: m.Replace.Dir}, nil
			case m.Replace != nil && m.Replace.Version != "":
				return atlintSource{Version: m.Replace.Version}, nil
			case m.Version != "":
				return atlintSource{Version: m.Version}, nil
			}
		}
	}
	// go run github.com/atlint/atlint/cmd/build-golangci-lint@VERSION.
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Path == atlintModule && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return atlintSource{Version: bi.Main.Version}, nil
	}
	return atlintSource{}, errors.New("which atlint? run this in a checkout of atlint or in a module that requires it, or pass -atlint DIR or -atlint VERSION")
}

// modulePath returns the module path declared by a go.mod file ("" if none).
func modulePath(gomod string) string {
	b, err := os.ReadFile(gomod)
	if err != nil {
		return ""
	}
	m := regexp.MustCompile(`(?m)^module\s+"?([^\s"]+)"?`).FindSubmatch(b)
	if m == nil {
		return ""
	}
	return string(m[1])
}

// versionStamp is the version the binary reports: golangci-lint's, then
// the atlint it contains (for a checkout, a hash of its sources and of the
// Go toolchain that builds them).
func versionStamp(gclVersion string, src atlintSource) (string, error) {
	base := strings.TrimPrefix(gclVersion, "v") + "-custom-gcl-atlint-"
	if src.Dir == "" {
		return base + src.Version, nil
	}
	h, err := SourceHash(src.Dir, goEnv("GOVERSION")+" "+goEnv("GOOS")+"/"+goEnv("GOARCH"))
	if err != nil {
		return "", err
	}
	return base + h, nil
}

func goEnv(name string) string {
	b, err := exec.Command("go", "env", name).Output()
	if err != nil {
		return "unknown"
	}
	return strings.TrimSpace(string(b))
}

// recipe is the version of the way build builds the binary: it is part of
// the source hash, so bump it when the build changes.
const recipe = 4

// SourceHash hashes what goes into the plugin from a checkout: go.mod,
// go.sum and every non-test file of every package directory (testdata, e2e
// and hidden directories are skipped), plus toolchain (Go version and
// platform). It is 20 hex digits.
func SourceHash(root, toolchain string) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "recipe %d %s\n", recipe, toolchain)
	var files []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		name := d.Name()
		if path != root && (name == "testdata" || name == "e2e" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
			return filepath.SkipDir
		}
		ents, err := os.ReadDir(path)
		if err != nil {
			return err
		}
		pkg := false
		for _, e := range ents {
			if n := e.Name(); !e.IsDir() && strings.HasSuffix(n, ".go") && !strings.HasSuffix(n, "_test.go") {
				pkg = true
			}
		}
		for _, e := range ents {
			n := e.Name()
			if e.Type().IsRegular() && (pkg && !strings.HasSuffix(n, "_test.go") || path == root && (n == "go.mod" || n == "go.sum")) {
				files = append(files, filepath.Join(path, n))
			}
		}
		return nil
	})
	if err != nil {
		return "", err
	}
	sort.Strings(files)
	for _, f := range files {
		rel, _ := filepath.Rel(root, f)
		b, err := os.ReadFile(f)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s\n%d\n", filepath.ToSlash(rel), len(b))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))[:20], nil
}

// build builds golangci-lint gclVersion with the atlint plugin from src
// into out.
func build(gclVersion string, src atlintSource, stamp, out string, log func(string, ...any)) error {
	start := time.Now()
	scratch, err := os.MkdirTemp("", "build-golangci-lint-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(scratch)

	atlintVersion, replace := src.Version, ""
	if src.Dir != "" {
		atlintVersion, replace = "v0.0.0", fmt.Sprintf("\nreplace %s => %s\n", atlintModule, src.Dir)
	}
	gomod := fmt.Sprintf("module atlint.local/golangci-lint\n\ngo 1.26\n\nrequire (\n\t%s %s\n\t%s %s\n)\n%s",
		golangciModule, gclVersion, atlintModule, atlintVersion, replace)
	if err := os.WriteFile(filepath.Join(scratch, "go.mod"), []byte(gomod), 0o644); err != nil {
		return err
	}

	log("downloading golangci-lint %s from the Go module proxy (GOPROXY=%s)", gclVersion, goEnv("GOPROXY"))
	dl, err := goCmd(scratch, "mod", "download", "-json", golangciModule+"@"+gclVersion)
	if err != nil {
		return fmt.Errorf("cannot download %s@%s: %v", golangciModule, gclVersion, err)
	}
	var mod struct{ Dir, GoMod string }
	if err := json.Unmarshal(dl, &mod); err != nil || mod.Dir == "" || mod.GoMod == "" {
		return fmt.Errorf("go mod download %s@%s: no module directory (%v)", golangciModule, gclVersion, err)
	}
	mainGo, err := os.ReadFile(filepath.Join(mod.Dir, "cmd", "golangci-lint", "main.go"))
	if err != nil {
		return err
	}
	plugins := fmt.Sprintf("package main\n\n// Module plugins, as golangci-lint custom writes them.\nimport _ %q\n", pluginImport)
	for name, text := range map[string][]byte{"main.go": mainGo, "plugins.go": []byte(plugins)} {
		if err := os.WriteFile(filepath.Join(scratch, name), text, 0o644); err != nil {
			return err
		}
	}

	log("resolving the modules of golangci-lint and of %s", src)
	if _, err := goCmd(scratch, "mod", "tidy"); err != nil {
		return fmt.Errorf("go mod tidy of the build module: %v", err)
	}
	if err := checkTools(scratch, mod.GoMod); err != nil {
		return err
	}

	log("building (a few minutes the first time; the Go build cache makes later builds fast)")
	// As golangci-lint custom does: main.version, used when main.date is
	// set, is what golangci-lint reports and salts its result cache with.
	ldflags := fmt.Sprintf("-s -w -X main.version=%s -X main.date=%s", stamp, time.Now().UTC().Format(time.RFC3339))
	if _, err := goCmd(scratch, "build", "-ldflags", ldflags, "-o", out, "."); err != nil {
		return fmt.Errorf("go build: %v", err)
	}
	log("wrote %s: golangci-lint %s with atlint from %s, in %s", out, stamp, src, time.Since(start).Round(time.Second))
	return nil
}

// checkTools checks that the build resolved golang.org/x/tools to the
// version golangci-lint itself requires: if atlint required a newer one,
// minimal version selection would pick it and every golangci-lint linter
// would be built against an x/tools it was not released with.
func checkTools(scratch, golangciGoMod string) error {
	b, err := os.ReadFile(golangciGoMod)
	if err != nil {
		return err
	}
	m := regexp.MustCompile(`(?m)^\s*golang\.org/x/tools (v\S+)`).FindSubmatch(b)
	if m == nil {
		return fmt.Errorf("%s does not require golang.org/x/tools", golangciGoMod)
	}
	got, err := goCmd(scratch, "list", "-m", "-f", "{{.Version}}", "golang.org/x/tools")
	if err != nil {
		return err
	}
	if built := strings.TrimSpace(string(got)); built != string(m[1]) {
		return fmt.Errorf("golangci-lint requires golang.org/x/tools %s but the build with atlint resolved %s: use a golangci-lint release built with x/tools %s or later", m[1], built, built)
	}
	return nil
}

// goCmd runs the go command in dir and returns its standard output; the
// error holds its standard error.
func goCmd(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, tail(stderr.String(), 4000))
	}
	return stdout.Bytes(), nil
}

// tail returns the last n bytes of s.
func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}
