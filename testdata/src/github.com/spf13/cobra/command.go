// Package cobra is a stub of github.com/spf13/cobra for atlint's fixtures.
package cobra

import "github.com/spf13/pflag"

type Command struct {
	Use   string
	Short string
	RunE  func(cmd *Command, args []string) error
	flags *pflag.FlagSet
}

func (c *Command) Flags() *pflag.FlagSet           { return c.flags }
func (c *Command) PersistentFlags() *pflag.FlagSet { return c.flags }
func (c *Command) Execute() error                  { return nil }
