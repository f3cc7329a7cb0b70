package driver

import (
	"path/filepath"

	"github.com/atlint/atlint/config"
)

// loadConfig loads the configuration: the -config file, else .atlint.yml
// (or .atlint.yaml) found from dir upward; nil when there is none.
func loadConfig(file, dir string) (*config.Config, error) {
	if file == "" {
		found, err := config.Find(dir)
		if err != nil || found == "" {
			return nil, err
		}
		file = found
	} else if !filepath.IsAbs(file) {
		file = filepath.Join(dir, file)
	}
	return config.Load(file)
}
