// Package client builds the services with their API version.
package client

import "example.com/lib/svc"

const APIVersion = "3"

func New() *svc.IssueService { return svc.NewIssueService(&svc.Client{}, APIVersion) }
