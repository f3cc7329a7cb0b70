package driver

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
)

// buildEnvVars are the go command's settings that change what a package
// is: the target (GOOS, GOARCH and its variants: unsafe.Sizeof and build
// constraints differ), cgo and its tools, build tags and other flags
// (GOFLAGS), the experiments and the Go version.
var buildEnvVars = []string{
	"GOOS", "GOARCH", "CGO_ENABLED", "GOFLAGS", "GOEXPERIMENT", "GOVERSION", "GOTOOLCHAIN",
	"GO386", "GOAMD64", "GOARM", "GOARM64", "GOMIPS", "GOMIPS64", "GOPPC64", "GORISCV64", "GOWASM",
	"CC", "CXX", "CGO_CFLAGS", "CGO_CPPFLAGS", "CGO_CXXFLAGS", "CGO_FFLAGS", "CGO_LDFLAGS", "PKG_CONFIG",
}

// toolEnvVars are the other settings the loader reads: where the
// toolchain, the build cache and the module cache are.
var toolEnvVars = []string{"GOROOT", "GOTOOLDIR", "GOCACHE", "GOMODCACHE"}

// goEnvMemo remembers the last go env answer, for the environment and
// directory it was asked in (a run asks twice: for the result cache's key
// and for the listing).
var goEnvMemo struct {
	sync.Mutex
	key  string
	vals map[string]string
}

// goEnv returns the values of buildEnvVars and toolEnvVars as the go
// command sees them in dir (the environment, go env -w and the
// toolchain's defaults), running go env once.
func goEnv(dir string) (map[string]string, error) {
	key := dir + "\x00" + strings.Join(os.Environ(), "\x00")
	file := os.Getenv("GOENV") // go env -w writes there
	if d, err := os.UserConfigDir(); file == "" && err == nil {
		file = filepath.Join(d, "go", "env")
	}
	if st, err := os.Stat(file); err == nil {
		key += fmt.Sprintf("\x00goenv %d %d", st.Size(), st.ModTime().UnixNano())
	}
	goEnvMemo.Lock()
	defer goEnvMemo.Unlock()
	if goEnvMemo.key == key {
		return goEnvMemo.vals, nil
	}
	cmd := exec.Command("go", append(append([]string{"env", "-json"}, buildEnvVars...), toolEnvVars...)...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go env: %v: %s", err, bytes.TrimSpace(stderr.Bytes()))
	}
	vals := map[string]string{}
	if err := json.Unmarshal(out, &vals); err != nil {
		return nil, fmt.Errorf("go env: %v", err)
	}
	goEnvMemo.key, goEnvMemo.vals = key, vals
	return vals, nil
}

// buildEnv returns the values of buildEnvVars as the go command sees them
// in dir, as JSON.
func buildEnv(dir string) (string, error) {
	vals, err := goEnv(dir)
	if err != nil {
		return "", err
	}
	sub := map[string]string{}
	for _, v := range buildEnvVars {
		sub[v] = vals[v]
	}
	// The C compilers themselves: cgo's output, and so the types of the
	// packages with cgo files, is theirs (the go command keys its cache
	// on their versions).
	if vals["CGO_ENABLED"] == "1" {
		for _, v := range []string{"CC", "CXX"} {
			if f := strings.Fields(vals[v]); len(f) > 0 {
				if path, err := exec.LookPath(f[0]); err == nil {
					if st, err := os.Stat(path); err == nil {
						sub[v+" binary"] = fmt.Sprintf("%s %d %d", path, st.Size(), st.ModTime().UnixNano())
					}
				}
			}
		}
	}
	b, err := json.Marshal(sub) // sorted keys
	return string(b), err
}
