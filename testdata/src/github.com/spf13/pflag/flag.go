// Package pflag is a stub of github.com/spf13/pflag for atlint's fixtures:
// the string flag functions with their real signatures.
package pflag

type FlagSet struct{}

func (f *FlagSet) String(name string, value string, usage string) *string { return &value }
func (f *FlagSet) StringP(name, shorthand string, value string, usage string) *string {
	return &value
}
func (f *FlagSet) StringVar(p *string, name string, value string, usage string) {}
func (f *FlagSet) StringVarP(p *string, name, shorthand string, value string, usage string) {
}
func (f *FlagSet) Parse(arguments []string) error { return nil }

var CommandLine = &FlagSet{}

func String(name string, value string, usage string) *string { return &value }
func StringP(name, shorthand string, value string, usage string) *string {
	return &value
}
func StringVar(p *string, name string, value string, usage string)             {}
func StringVarP(p *string, name, shorthand string, value string, usage string) {}
func Parse()                                                                   {}
