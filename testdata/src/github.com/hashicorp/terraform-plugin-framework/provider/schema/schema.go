// Package schema is a stub of
// github.com/hashicorp/terraform-plugin-framework/provider/schema for
// atlint's fixtures.
package schema

type Attribute interface{ IsRequired() bool }

type StringAttribute struct {
	Description         string
	MarkdownDescription string
	Required            bool
	Optional            bool
	Sensitive           bool
}

func (a StringAttribute) IsRequired() bool { return a.Required }

type Schema struct {
	Description string
	Attributes  map[string]Attribute
}
