// Stub of github.com/hasura/go-graphql-client for atlint fixtures: signatures only.
package graphql

import "net/http"

type OptionType string

type Option interface {
	Type() OptionType
}

type operationNameOption struct{ name string }

func (ono operationNameOption) Type() OptionType { return "operation_name" }

func OperationName(name string) Option { return operationNameOption{name} }

func BindExtensions(value any) Option { return operationNameOption{} }

func BindResponseHeaders(value *http.Header) Option { return operationNameOption{} }
