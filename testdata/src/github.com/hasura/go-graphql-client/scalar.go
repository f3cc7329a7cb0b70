// Stub of github.com/hasura/go-graphql-client for atlint fixtures: signatures only.
package graphql

type (
	Boolean bool
	Float   float64
	Int     int32
	String  string
)

type ID string

func NewBoolean(v Boolean) *Boolean { return &v }
func NewFloat(v Float) *Float       { return &v }
func NewID(v any) *ID               { return nil }
func ToID(v any) ID                 { return "" }
func NewInt(v Int) *Int             { return &v }
func NewString(v String) *String    { return &v }
