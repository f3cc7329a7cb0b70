// Stub of github.com/shurcooL/graphql for atlint fixtures: signatures only.
package graphql

type (
	Boolean bool
	Float   float64
	// ID is an interface type in shurcooL/graphql (unlike hasura's string ID).
	ID     any
	Int    int32
	String string
)

func NewBoolean(v Boolean) *Boolean { return &v }
func NewFloat(v Float) *Float       { return &v }
func NewID(v ID) *ID                { return &v }
func NewInt(v Int) *Int             { return &v }
func NewString(v String) *String    { return &v }
