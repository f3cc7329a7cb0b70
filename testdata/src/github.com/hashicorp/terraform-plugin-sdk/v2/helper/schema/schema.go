// Package schema is a stub of
// github.com/hashicorp/terraform-plugin-sdk/v2/helper/schema for atlint's
// fixtures.
package schema

type ValueType int

const (
	TypeInvalid ValueType = iota
	TypeBool
	TypeInt
	TypeFloat
	TypeString
)

type SchemaDefaultFunc func() (interface{}, error)

func EnvDefaultFunc(k string, dv interface{}) SchemaDefaultFunc { return nil }

type Schema struct {
	Type        ValueType
	Optional    bool
	Required    bool
	Sensitive   bool
	Description string
	DefaultFunc SchemaDefaultFunc
}

type ConfigureFunc func(*ResourceData) (interface{}, error)

type Resource struct{ Schema map[string]*Schema }

type Provider struct {
	Schema        map[string]*Schema
	ResourcesMap  map[string]*Resource
	ConfigureFunc ConfigureFunc
}

type ResourceData struct{}

func (d *ResourceData) Get(key string) interface{}           { return nil }
func (d *ResourceData) GetOk(key string) (interface{}, bool) { return nil, false }
