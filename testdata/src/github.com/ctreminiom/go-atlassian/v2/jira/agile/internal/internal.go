// Stub of github.com/ctreminiom/go-atlassian/v2 for atlint fixtures: signatures only.
package internal

import (
	"context"

	model "github.com/ctreminiom/go-atlassian/v2/pkg/infra/models"
)

type BoardService struct{}

func (b *BoardService) Get(ctx context.Context, boardID int) (*model.BoardScheme, *model.ResponseScheme, error) {
	return nil, nil, nil
}

func (b *BoardService) Create(ctx context.Context, payload *model.BoardPayloadScheme) (*model.BoardScheme, *model.ResponseScheme, error) {
	return nil, nil, nil
}

func (b *BoardService) Delete(ctx context.Context, boardID int) (*model.ResponseScheme, error) {
	return nil, nil
}

type SprintService struct{}
