package sso

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"
)

type oidcProvider struct {
	p          Provider
	s          *Service
	verifier   *oidc.IDTokenVerifier
	oauth      oauth2.Config
	endSession string
	base       string
}

// newOIDC discovers the provider (issuer/.well-known/openid-configuration)
// and sets up the relying party: authorisation code flow with PKCE (S256),
// state and nonce, redirect URI BaseURL/sso/oidc/NAME/callback.
func (s *Service) newOIDC(ctx context.Context, base *url.URL, p Provider) (*oidcProvider, error) {
	if p.Issuer == "" || p.ClientID == "" {
		return nil, errors.New("issuer and client_id are required")
	}
	prov, err := oidc.NewProvider(oidc.ClientContext(ctx, s.cfg.HTTPClient), p.Issuer)
	if err != nil {
		return nil, fmt.Errorf("discovery: %w", err)
	}
	scopes := p.Scopes
	if len(scopes) == 0 {
		scopes = []string{oidc.ScopeOpenID, "profile"}
	}
	cb := *base
	cb.Path = strings.TrimSuffix(cb.Path, "/") + "/sso/oidc/" + p.Name + "/callback"
	skew := time.Duration(s.cfg.ClockSkew)
	o := &oidcProvider{p: p, s: s, base: base.String(),
		// The ID token's expiry is allowed the configured skew, no more.
		verifier: prov.Verifier(&oidc.Config{ClientID: p.ClientID, Now: func() time.Time { return s.tokenNow().Add(-skew) }}),
		oauth: oauth2.Config{ClientID: p.ClientID, ClientSecret: p.ClientSecret, Endpoint: prov.Endpoint(),
			RedirectURL: cb.String(), Scopes: scopes},
	}
	var extra struct {
		EndSession string `json:"end_session_endpoint"`
	}
	if err := prov.Claims(&extra); err == nil {
		o.endSession = extra.EndSession
	}
	return o, nil
}

func (o *oidcProvider) begin(f *flow) (string, error) {
	n, err := randomString(24)
	if err != nil {
		return "", err
	}
	f.Verifier, f.Nonce = oauth2.GenerateVerifier(), n
	opts := []oauth2.AuthCodeOption{oauth2.S256ChallengeOption(f.Verifier), oidc.Nonce(f.Nonce)}
	if f.StepUp {
		opts = append(opts, oauth2.SetAuthURLParam("prompt", "login"), oauth2.SetAuthURLParam("max_age", "0"),
			oauth2.SetAuthURLParam("acr_values", strings.Join(o.p.MFA, " ")))
	}
	return o.oauth.AuthCodeURL(f.State, opts...), nil
}

// FinishOIDC checks the provider's answer at the callback (see the package
// comment): state, code exchanged with the PKCE verifier, ID token
// signature, issuer, audience, expiry, nonce, single use.
func (s *Service) FinishOIDC(ctx context.Context, name string, q url.Values, cookie string) (Identity, string, error) {
	o := s.oidc[name]
	if o == nil {
		return Identity{}, "", refused("unknown OIDC provider %q", name)
	}
	f, err := s.openFlow(cookie, name)
	if err != nil {
		return Identity{}, "", err
	}
	if e := q.Get("error"); e != "" {
		return Identity{}, "", refused("provider error %q: %.200s", e, q.Get("error_description"))
	}
	if subtle.ConstantTimeCompare([]byte(q.Get("state")), []byte(f.State)) != 1 {
		return Identity{}, "", refused("state does not match the flow")
	}
	code := q.Get("code")
	if code == "" {
		return Identity{}, "", refused("no code")
	}
	cctx := oidc.ClientContext(ctx, s.cfg.HTTPClient)
	tok, err := o.oauth.Exchange(cctx, code, oauth2.VerifierOption(f.Verifier))
	if err != nil {
		return Identity{}, "", refused("code exchange: %v", err)
	}
	raw, _ := tok.Extra("id_token").(string)
	if raw == "" {
		return Identity{}, "", refused("no ID token")
	}
	idt, err := o.verifier.Verify(cctx, raw)
	if err != nil {
		return Identity{}, "", refused("ID token: %v", err)
	}
	if subtle.ConstantTimeCompare([]byte(idt.Nonce), []byte(f.Nonce)) != 1 {
		return Identity{}, "", refused("nonce does not match the flow")
	}
	sum := sha256.Sum256([]byte(raw))
	fresh, err := s.replay.RememberOnce(ctx, "oidc:"+name, hex.EncodeToString(sum[:]), idt.Expiry.Add(time.Duration(s.cfg.ClockSkew)), s.now())
	if err != nil {
		return Identity{}, "", fmt.Errorf("sso: %w", err)
	}
	if !fresh {
		return Identity{}, "", refused("ID token already used")
	}
	var claims map[string]any
	if err := idt.Claims(&claims); err != nil {
		return Identity{}, "", refused("ID token claims: %v", err)
	}
	id := Identity{IdP: name, Subject: idt.Subject}
	if v, ok := claims[o.p.JointKey].(string); ok {
		id.JointKey = strings.TrimSpace(v)
	}
	if id.JointKey == "" || id.Subject == "" {
		return Identity{}, "", refused("ID token without sub or %s", o.p.JointKey)
	}
	var amr []string
	if list, ok := claims["amr"].([]any); ok {
		for _, v := range list {
			if s, ok := v.(string); ok {
				amr = append(amr, s)
			}
		}
	}
	acr, _ := claims["acr"].(string)
	id.MFA = matchMFA(o.p, append(amr, acr)...)
	id.Method = fmt.Sprintf("amr=%s acr=%s", strings.Join(amr, ","), acr)
	if at, ok := claims["auth_time"].(float64); ok {
		id.AuthTime = time.Unix(int64(at), 0)
	}
	if err := s.fresh(f, &id); err != nil {
		return Identity{}, "", err
	}
	return id, f.Next, nil
}

// OIDCLogout returns the provider's end-session URL (RP-initiated logout),
// "" when it publishes none.
func (s *Service) OIDCLogout(name string) (string, error) {
	o := s.oidc[name]
	if o == nil {
		return "", refused("unknown OIDC provider %q", name)
	}
	if o.endSession == "" {
		return "", nil
	}
	u, err := url.Parse(o.endSession)
	if err != nil {
		return "", fmt.Errorf("sso end session: %w", err)
	}
	q := u.Query()
	q.Set("client_id", o.p.ClientID)
	q.Set("post_logout_redirect_uri", o.base+"/login?bye=1")
	u.RawQuery = q.Encode()
	return u.String(), nil
}
