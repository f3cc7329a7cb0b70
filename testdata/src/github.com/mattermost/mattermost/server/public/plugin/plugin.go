// Package plugin is a stub of
// github.com/mattermost/mattermost/server/public/plugin with the
// declarations the fixtures use (signatures as in server/public/plugin's
// api.go, client.go, context.go and hooks.go of mattermost/mattermost).
package plugin

import (
	"net/http"

	"github.com/mattermost/mattermost/server/public/model"
)

// API is the server API a plugin calls (a subset).
type API interface {
	LoadPluginConfiguration(dest any) error
	KVSet(key string, value []byte) *model.AppError
	KVCompareAndSet(key string, oldValue, newValue []byte) (bool, *model.AppError)
	KVSetWithOptions(key string, value []byte, options model.PluginKVSetOptions) (bool, *model.AppError)
	KVSetWithExpiry(key string, value []byte, expireInSeconds int64) *model.AppError
	KVGet(key string) ([]byte, *model.AppError)
	KVDelete(key string) *model.AppError
	LogError(msg string, keyValuePairs ...any)
}

// Driver is the database driver of a plugin.
type Driver interface{}

// MattermostPlugin is embedded by every plugin.
type MattermostPlugin struct {
	// API exposes the plugin api, and becomes available just prior to the OnActive hook.
	API    API
	Driver Driver
}

// SetAPI persists the given API interface to the plugin.
func (p *MattermostPlugin) SetAPI(api API) { p.API = api }

// Context is passed to the hooks.
type Context struct {
	SessionId      string
	RequestId      string
	IPAddress      string
	AcceptLanguage string
	UserAgent      string
}

// Hooks are the plugin's entry points (a subset).
type Hooks interface {
	OnActivate() error
	OnConfigurationChange() error
	ServeHTTP(c *Context, w http.ResponseWriter, r *http.Request)
}

// ClientMain starts the plugin.
func ClientMain(pluginImplementation any) {}
