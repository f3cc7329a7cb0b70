// Stub of github.com/ctreminiom/go-atlassian/v2 for atlint fixtures: signatures only.
package internal

import (
	"context"

	model "github.com/ctreminiom/go-atlassian/v2/pkg/infra/models"
)

type RequestService struct{}

func (s *RequestService) Create(ctx context.Context, payload *model.CreateCustomerRequestPayloadScheme) (*model.CustomerRequestScheme, *model.ResponseScheme, error) {
	return nil, nil, nil
}

func (s *RequestService) Get(ctx context.Context, issueKeyOrID string, expand []string) (*model.CustomerRequestScheme, *model.ResponseScheme, error) {
	return nil, nil, nil
}

type CustomerService struct{}
