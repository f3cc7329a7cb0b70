// Stub of github.com/vektah/gqlparser/v2 (gqlerror) for atlint fixtures: signatures only.
package gqlerror

// Error: the real Path field (ast.Path) is omitted from this stub.
type Error struct {
	Err        error          `json:"-"`
	Message    string         `json:"message"`
	Locations  []Location     `json:"locations,omitempty"`
	Extensions map[string]any `json:"extensions,omitempty"`
	Rule       string         `json:"-"`
}

type Location struct {
	Line   int `json:"line,omitempty"`
	Column int `json:"column,omitempty"`
}

type List []*Error

func (err *Error) Error() string { return err.Message }

func (errs List) Error() string { return "" }
