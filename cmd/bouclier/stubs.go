package main

import (
	"context"
	"errors"
	"time"
)

var nowFunc = time.Now

func runScreen(ctx context.Context, args []string, env Env) error {
	return errors.New("not yet available")
}

func runPolicy(ctx context.Context, args []string, env Env) error {
	return errors.New("not yet available")
}
