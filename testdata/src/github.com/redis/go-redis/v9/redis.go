// Stub of github.com/redis/go-redis/v9 for atlint fixtures: signatures only.
package redis

import (
	"context"
	"time"
)

type Options struct {
	Addr     string
	Password string
	DB       int
}

type Cmder interface{ Name() string }

type StatusCmd struct{}
type IntCmd struct{}
type BoolCmd struct{}
type StringCmd struct{}

func (cmd *StringCmd) Result() (string, error) { return "", nil }

// cmdable is the function type whose methods are the commands (as real).
type cmdable func(ctx context.Context, cmd Cmder) error

func (c cmdable) Get(ctx context.Context, key string) *StringCmd { return nil }
func (c cmdable) Set(ctx context.Context, key string, value interface{}, expiration time.Duration) *StatusCmd {
	return nil
}
func (c cmdable) SetNX(ctx context.Context, key string, value interface{}, expiration time.Duration) *BoolCmd {
	return nil
}
func (c cmdable) SetEx(ctx context.Context, key string, value interface{}, expiration time.Duration) *StatusCmd {
	return nil
}
func (c cmdable) HSet(ctx context.Context, key string, values ...interface{}) *IntCmd { return nil }

type baseClient struct{}

type Client struct {
	*baseClient
	cmdable
}

func NewClient(opt *Options) *Client { return nil }
