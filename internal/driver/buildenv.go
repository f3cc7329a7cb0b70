package driver

import (
	"bytes"
	"fmt"
	"os/exec"
)

// buildEnvVars are the go command's settings that change what a package
// is: the target (GOOS, GOARCH and its variants: unsafe.Sizeof and build
// constraints differ), cgo, build tags and other flags (GOFLAGS), the
// experiments and the Go version.
var buildEnvVars = []string{
	"GOOS", "GOARCH", "CGO_ENABLED", "GOFLAGS", "GOEXPERIMENT", "GOVERSION", "GOTOOLCHAIN",
	"GO386", "GOAMD64", "GOARM", "GOARM64", "GOMIPS", "GOMIPS64", "GOPPC64", "GORISCV64", "GOWASM",
	"CC", "CGO_CFLAGS", "CGO_CPPFLAGS", "CGO_LDFLAGS",
}

// buildEnv returns the values of buildEnvVars as the go command sees them
// in dir (the environment, go env -w and the toolchain's defaults).
func buildEnv(dir string) (string, error) {
	cmd := exec.Command("go", append([]string{"env", "-json"}, buildEnvVars...)...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go env: %v: %s", err, bytes.TrimSpace(stderr.Bytes()))
	}
	return string(out), nil
}
