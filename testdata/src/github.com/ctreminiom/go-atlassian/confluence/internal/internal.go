// Stub of github.com/ctreminiom/go-atlassian for atlint fixtures: signatures only.
package internal

import (
	"context"

	model "github.com/ctreminiom/go-atlassian/pkg/infra/models"
)

// ContentService backs confluence Client.Content.
type ContentService struct{}

func (c *ContentService) Create(ctx context.Context, payload *model.ContentScheme) (*model.ContentScheme, *model.ResponseScheme, error) {
	return nil, nil, nil
}

func (c *ContentService) Get(ctx context.Context, contentID string, expand []string, version int) (*model.ContentScheme, *model.ResponseScheme, error) {
	return nil, nil, nil
}

func (c *ContentService) Delete(ctx context.Context, contentID, status string) (*model.ResponseScheme, error) {
	return nil, nil
}

type SpaceService struct{}

// PageService backs confluence/v2 Client.Page.
type PageService struct{}

func (p *PageService) Get(ctx context.Context, pageID int, format string, draft bool, version int) (*model.PageScheme, *model.ResponseScheme, error) {
	return nil, nil, nil
}

func (p *PageService) Create(ctx context.Context, payload *model.PageCreatePayloadScheme) (*model.PageScheme, *model.ResponseScheme, error) {
	return nil, nil, nil
}

func (p *PageService) Delete(ctx context.Context, pageID int) (*model.ResponseScheme, error) {
	return nil, nil
}

type SpaceV2Service struct{}
