// Package model is a stub of github.com/mattermost/mattermost/server/public/model
// with the declarations the fixtures use (signatures as in
// server/public/model of mattermost/mattermost).
package model

// AppError is the error type of the plugin API.
type AppError struct {
	Id            string
	Message       string
	DetailedError string
	StatusCode    int
}

func (er *AppError) Error() string { return er.Message }

// PluginKVSetOptions are the options of API.KVSetWithOptions.
type PluginKVSetOptions struct {
	Atomic          bool
	OldValue        []byte
	ExpireInSeconds int64
}
