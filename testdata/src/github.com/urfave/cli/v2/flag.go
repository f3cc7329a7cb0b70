// Package cli is a stub of github.com/urfave/cli/v2 for atlint's fixtures.
package cli

type Flag interface{ Names() []string }

type StringFlag struct {
	Name        string
	Category    string
	DefaultText string
	Usage       string
	Required    bool
	Hidden      bool
	Value       string
	Destination *string
	Aliases     []string
	EnvVars     []string
}

func (f *StringFlag) Names() []string { return []string{f.Name} }

type Context struct{}

func (c *Context) String(name string) string { return "" }

type App struct {
	Name   string
	Flags  []Flag
	Action func(*Context) error
}
