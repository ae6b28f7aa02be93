package national

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// StreamConfig is the signals' stream: every sender's subjects, three
// replicas (a node lost loses nothing), two minutes of publication
// dedupe, a week of history for deployments that were cut off.
func StreamConfig(replicas int) jetstream.StreamConfig {
	return jetstream.StreamConfig{Name: Stream, Subjects: []string{"bouclier.>"}, Storage: jetstream.FileStorage, Replicas: replicas,
		Duplicates: 2 * time.Minute, MaxAge: 7 * 24 * time.Hour, Discard: jetstream.DiscardOld}
}

// EnsureStream creates or updates the stream (an administrator's
// credentials: deployments may not).
func EnsureStream(ctx context.Context, js jetstream.JetStream, replicas int) error {
	if _, err := js.CreateOrUpdateStream(ctx, StreamConfig(replicas)); err != nil {
		return fmt.Errorf("national: stream: %w", err)
	}
	return nil
}

// Publish signs and publishes one signal as from with key, and waits for
// JetStream's acknowledgement. The operator uses it; so do tests that
// forge signals.
func Publish(ctx context.Context, js jetstream.JetStream, key ed25519.PrivateKey, s Signal) error {
	if s.ID == "" || s.From == "" || s.Kind == "" {
		return errors.New("national: a signal needs an id, a sender and a kind")
	}
	if s.At.IsZero() {
		s.At = time.Now()
	}
	data, err := seal(s, key)
	if err != nil {
		return err
	}
	if _, err := js.Publish(ctx, Subject(s.From, s.Kind), data, jetstream.WithMsgID(s.ID)); err != nil {
		return fmt.Errorf("national: publish %s: %w", s.Kind, err)
	}
	return nil
}

// OperatorClient publishes the national operator's orders.
type OperatorClient struct {
	js  jetstream.JetStream
	key ed25519.PrivateKey
}

// NewOperator returns the operator's client on js with its key.
func NewOperator(js jetstream.JetStream, key ed25519.PrivateKey) *OperatorClient {
	return &OperatorClient{js: js, key: key}
}

// Suspend publishes a suspension ("national" or "academie:ID") and
// returns its signal.
func (o *OperatorClient) Suspend(ctx context.Context, sp Suspension) (Signal, error) {
	if sp.ID == "" {
		sp.ID = newID("s")
	}
	s := Signal{ID: newID(Operator), From: Operator, Kind: KindSuspend, At: time.Now(), Suspension: &sp}
	return s, Publish(ctx, o.js, o.key, s)
}

// Lift publishes the lifting of a suspension the operator imposed.
func (o *OperatorClient) Lift(ctx context.Context, id string) error {
	return Publish(ctx, o.js, o.key, Signal{ID: newID(Operator), From: Operator, Kind: KindLift, At: time.Now(), Suspension: &Suspension{ID: id}})
}

// Confirm publishes an incident signature as an order: every deployment
// holds the matching messages for review.
func (o *OperatorClient) Confirm(ctx context.Context, inc Incident) (Signal, error) {
	if inc.Ref == "" {
		inc.Ref = newID(Operator)
	}
	inc.Level = "confirmed"
	s := Signal{ID: newID(Operator), From: Operator, Kind: KindIncident, At: time.Now(), Incident: &inc}
	return s, Publish(ctx, o.js, o.key, s)
}
