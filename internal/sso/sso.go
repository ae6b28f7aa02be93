// Package sso signs people in through the identity providers of the
// national education system: SAML 2.0 (ÉduConnect for pupils and parents,
// the académies' providers for staff) and OpenID Connect. It only proves
// who the person is; package auth opens the session, with the same shield
// as a password login.
//
// Every check is made here before an Identity is returned, in order:
//
//  1. the flow state, sealed in a cookie by this server (Sealer) and bound
//     to the request (SAML InResponseTo, OIDC state), younger than FlowTTL;
//  2. the provider's signature (SAML response or assertion, with the
//     provider's certificate from its metadata; OIDC ID token, with the
//     provider's published keys), a forged one is refused;
//  3. audience, issuer, validity window with at most Config.ClockSkew of
//     skew, and for OIDC the nonce and the PKCE verifier;
//  4. single use: the assertion or ID token identifier is remembered in the
//     store (Replay) until it expires, so a replay is refused on every node;
//  5. the joint key attribute or claim (the directory's ENTPersonJointure,
//     or what the provider is configured to assert) must be present;
//  6. the second factor: the provider's AuthnContextClassRef (SAML) or amr
//     and acr (OIDC) are compared with the values configured as meaning a
//     second factor; anything else counts as a single factor.
package sso

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"time"

	dsig "github.com/russellhaering/goxmldsig"
)

// Kinds of provider.
const (
	SAML = "saml"
	OIDC = "oidc"
)

// Provider is one identity provider's configuration.
type Provider struct {
	Name  string `json:"name"`  // in URLs: [a-z0-9-]+
	Label string `json:"label"` // on the login page
	Kind  string `json:"kind"`  // "saml" or "oidc"

	// SAML: the provider's metadata, from a file or a URL read at start.
	MetadataFile string `json:"metadata_file,omitempty"`
	MetadataURL  string `json:"metadata_url,omitempty"`

	// OIDC: the issuer (discovery at start) and the client registration.
	Issuer       string   `json:"issuer,omitempty"`
	ClientID     string   `json:"client_id,omitempty"`
	ClientSecret string   `json:"client_secret,omitempty"` // or from ClientSecretEnv
	SecretEnv    string   `json:"client_secret_env,omitempty"`
	Scopes       []string `json:"scopes,omitempty"`

	// JointKey names the attribute (SAML Name or FriendlyName) or claim
	// (OIDC) that carries the directory's joint key. Default
	// "ENTPersonJointure".
	JointKey string `json:"joint_key,omitempty"`
	// MFA lists the AuthnContextClassRef (SAML), amr or acr (OIDC) values
	// that mean the provider checked a second factor.
	MFA []string `json:"mfa,omitempty"`
}

// Config is the single sign-on configuration (a JSON file, see LoadConfig).
type Config struct {
	// BaseURL is Bouclier's public URL; the service provider's entity ID
	// is BaseURL + "/sso/saml/metadata".
	BaseURL string `json:"base_url"`
	// KeyFile and CertFile hold the service provider's RSA key and
	// certificate (PEM): they sign the AuthnRequests and LogoutRequests
	// and decrypt the assertions.
	KeyFile   string     `json:"saml_key_file,omitempty"`
	CertFile  string     `json:"saml_cert_file,omitempty"`
	ClockSkew Duration   `json:"clock_skew,omitempty"` // default 2 minutes, at most 5
	Providers []Provider `json:"providers"`

	Key  *rsa.PrivateKey   `json:"-"` // set directly by tests, or read from KeyFile
	Cert *x509.Certificate `json:"-"`
	// HTTPClient reaches the providers (metadata, discovery, token).
	HTTPClient *http.Client `json:"-"`
	// Clock, when set, is the SAML service provider's clock (tests).
	Clock *dsig.Clock `json:"-"`
}

// Duration is a time.Duration read from JSON as "2m".
type Duration time.Duration

// UnmarshalJSON reads a Go duration string.
func (d *Duration) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	v, err := time.ParseDuration(s)
	if err != nil {
		return err
	}
	*d = Duration(v)
	return nil
}

// LoadConfig reads the configuration file at path.
func LoadConfig(path string) (Config, error) {
	var c Config
	b, err := os.ReadFile(path)
	if err != nil {
		return c, fmt.Errorf("sso config: %w", err)
	}
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return c, fmt.Errorf("sso config %s: %w", path, err)
	}
	for i, p := range c.Providers {
		if p.ClientSecret == "" && p.SecretEnv != "" {
			c.Providers[i].ClientSecret = os.Getenv(p.SecretEnv)
		}
	}
	if c.KeyFile != "" || c.CertFile != "" {
		if c.Key, c.Cert, err = readKeyPair(c.KeyFile, c.CertFile); err != nil {
			return c, err
		}
	}
	return c, nil
}

func readKeyPair(keyFile, certFile string) (*rsa.PrivateKey, *x509.Certificate, error) {
	kb, err := os.ReadFile(keyFile)
	if err != nil {
		return nil, nil, fmt.Errorf("sso key: %w", err)
	}
	cb, err := os.ReadFile(certFile)
	if err != nil {
		return nil, nil, fmt.Errorf("sso certificate: %w", err)
	}
	kp, _ := pem.Decode(kb)
	cp, _ := pem.Decode(cb)
	if kp == nil || cp == nil {
		return nil, nil, errors.New("sso key or certificate: not PEM")
	}
	var key *rsa.PrivateKey
	if k, err := x509.ParsePKCS8PrivateKey(kp.Bytes); err == nil {
		var ok bool
		if key, ok = k.(*rsa.PrivateKey); !ok {
			return nil, nil, errors.New("sso key: not RSA")
		}
	} else if key, err = x509.ParsePKCS1PrivateKey(kp.Bytes); err != nil {
		return nil, nil, fmt.Errorf("sso key: %w", err)
	}
	cert, err := x509.ParseCertificate(cp.Bytes)
	if err != nil {
		return nil, nil, fmt.Errorf("sso certificate: %w", err)
	}
	return key, cert, nil
}

// Identity is what a provider proved.
type Identity struct {
	IdP      string
	Subject  string // SAML NameID, OIDC sub
	JointKey string
	MFA      bool
	Method   string // the AuthnContextClassRef, or amr and acr, as asserted
	// SessionIndex is the provider's session, for single logout (SAML).
	SessionIndex string
	// StepUp is set for the answer to BeginStepUp: the provider
	// authenticated the person again (AuthTime, after the request) for
	// the session named by Binding. It opens no session.
	StepUp   bool
	Binding  string
	AuthTime time.Time
}

// Sealer seals the flow state kept by the browser between the redirection
// to the provider and its answer (auth.Service.SealPending).
type Sealer interface {
	SealPending(plain []byte, binding string) (string, error)
	OpenPending(sealed, binding string) ([]byte, error)
}

// Replay remembers identifiers until they expire (store.DB.RememberOnce);
// false means already seen.
type Replay interface {
	RememberOnce(ctx context.Context, idp, id string, expires, now time.Time) (bool, error)
}

// ErrRefused is wrapped by every refusal of a provider's answer; the
// caller shows a generic message and logs the cause.
var ErrRefused = errors.New("sso: answer refused")

func refused(format string, a ...any) error {
	return fmt.Errorf("%w: %s", ErrRefused, fmt.Sprintf(format, a...))
}

// FlowTTL bounds the time between the redirection to the provider and its
// answer.
const FlowTTL = 10 * time.Minute

// flow is the state a login keeps in the browser's cookie, sealed.
type flow struct {
	IdP      string `json:"i"`
	State    string `json:"s"`           // OIDC state, SAML RelayState
	Request  string `json:"r,omitempty"` // SAML AuthnRequest ID
	Verifier string `json:"v,omitempty"` // OIDC PKCE verifier
	Nonce    string `json:"n,omitempty"` // OIDC nonce
	Next     string `json:"x"`
	Expires  int64  `json:"e"`
	// A step-up (BeginStepUp) names the session it is for, and when it
	// asked the provider for a new authentication (provider's clock).
	StepUp  bool   `json:"u,omitempty"`
	Binding string `json:"b,omitempty"`
	Asked   int64  `json:"t,omitempty"`
}

const flowBinding = "sso-flow"

// Service holds the configured providers.
type Service struct {
	cfg    Config
	seal   Sealer
	replay Replay
	now    func() time.Time
	saml   map[string]*samlProvider
	oidc   map[string]*oidcProvider
	order  []Provider
}

// ProviderInfo is a provider as the login page lists it. StepUp is set
// when its configuration says which answers mean a second factor, so that
// it can confirm a person again (BeginStepUp).
type ProviderInfo struct {
	Name, Label, Kind string
	StepUp            bool
}

// New reads every provider's metadata or discovery document and returns
// the service; a provider that cannot be set up stops the start (fail
// closed: a misconfigured provider is not silently left out).
func New(ctx context.Context, cfg Config, seal Sealer, replay Replay, now func() time.Time) (*Service, error) {
	if seal == nil || replay == nil || now == nil {
		return nil, errors.New("sso: sealer, replay store and clock are required")
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = &http.Client{Timeout: 15 * time.Second}
	}
	if cfg.ClockSkew == 0 {
		cfg.ClockSkew = Duration(2 * time.Minute)
	}
	if time.Duration(cfg.ClockSkew) > 5*time.Minute || cfg.ClockSkew < 0 {
		return nil, fmt.Errorf("sso: clock_skew %v: between 0 and 5m", time.Duration(cfg.ClockSkew))
	}
	base, err := url.Parse(strings.TrimSuffix(cfg.BaseURL, "/"))
	if err != nil || base.Scheme == "" || base.Host == "" {
		return nil, fmt.Errorf("sso: base_url %q: not an absolute URL", cfg.BaseURL)
	}
	s := &Service{cfg: cfg, seal: seal, replay: replay, now: now, saml: map[string]*samlProvider{}, oidc: map[string]*oidcProvider{}}
	for _, p := range cfg.Providers {
		if !validName(p.Name) {
			return nil, fmt.Errorf("sso: provider name %q: use [a-z0-9-]", p.Name)
		}
		if s.saml[p.Name] != nil || s.oidc[p.Name] != nil {
			return nil, fmt.Errorf("sso: provider %q twice", p.Name)
		}
		if p.JointKey == "" {
			p.JointKey = "ENTPersonJointure"
		}
		if p.Label == "" {
			p.Label = p.Name
		}
		switch p.Kind {
		case SAML:
			sp, err := s.newSAML(ctx, base, p)
			if err != nil {
				return nil, fmt.Errorf("sso: provider %s: %w", p.Name, err)
			}
			s.saml[p.Name] = sp
		case OIDC:
			op, err := s.newOIDC(ctx, base, p)
			if err != nil {
				return nil, fmt.Errorf("sso: provider %s: %w", p.Name, err)
			}
			s.oidc[p.Name] = op
		default:
			return nil, fmt.Errorf("sso: provider %s: kind %q (saml or oidc)", p.Name, p.Kind)
		}
		s.order = append(s.order, p)
	}
	return s, nil
}

func validName(s string) bool {
	if s == "" || len(s) > 40 {
		return false
	}
	for _, r := range s {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') && r != '-' {
			return false
		}
	}
	return true
}

// tokenNow is the clock the providers' tokens are checked against: the
// configured Clock (tests), else the real one. The service's own clock
// (now) times the flows and the replay records.
func (s *Service) tokenNow() time.Time {
	if s.cfg.Clock != nil {
		return s.cfg.Clock.Now()
	}
	return time.Now()
}

// Providers lists the providers in configuration order.
func (s *Service) Providers() []ProviderInfo {
	out := make([]ProviderInfo, 0, len(s.order))
	for _, p := range s.order {
		out = append(out, ProviderInfo{Name: p.Name, Label: p.Label, Kind: p.Kind, StepUp: len(p.MFA) > 0})
	}
	return out
}

// Kind returns the kind of the named provider, "" if unknown.
func (s *Service) Kind(name string) string {
	switch {
	case s.saml[name] != nil:
		return SAML
	case s.oidc[name] != nil:
		return OIDC
	}
	return ""
}

// Begin starts a sign-in with the named provider: it returns where to send
// the browser and the sealed flow state to keep in its cookie. next is the
// local path to return to.
func (s *Service) Begin(ctx context.Context, name, next string) (redirect, cookie string, err error) {
	return s.begin(name, flow{IdP: name, Next: next, Expires: s.now().Add(FlowTTL).Unix()})
}

func (s *Service) begin(name string, f flow) (redirect, cookie string, err error) {
	if f.State, err = randomString(24); err != nil {
		return "", "", err
	}
	switch {
	case s.saml[name] != nil:
		redirect, err = s.saml[name].begin(&f)
	case s.oidc[name] != nil:
		redirect, err = s.oidc[name].begin(&f)
	default:
		return "", "", refused("unknown provider %q", name)
	}
	if err != nil {
		return "", "", err
	}
	b, err := json.Marshal(f)
	if err != nil {
		return "", "", fmt.Errorf("sso flow: %w", err)
	}
	cookie, err = s.seal.SealPending(b, flowBinding)
	return redirect, cookie, err
}

// BeginStepUp asks the named provider to authenticate the person again,
// now, with a second factor: OIDC prompt=login, max_age=0 and acr_values
// (the provider's MFA values); SAML ForceAuthn and RequestedAuthnContext.
// binding names the session the step-up is for; next is the local path
// the answer goes on to. The answer (FinishOIDC, FinishSAML) is an
// Identity with StepUp set, refused unless the authentication is younger
// than the request.
func (s *Service) BeginStepUp(ctx context.Context, name, binding, next string) (redirect, cookie string, err error) {
	if binding == "" {
		return "", "", errors.New("sso step-up: no session to bind")
	}
	var p Provider
	switch {
	case s.saml[name] != nil:
		p = s.saml[name].p
	case s.oidc[name] != nil:
		p = s.oidc[name].p
	default:
		return "", "", refused("unknown provider %q", name)
	}
	if len(p.MFA) == 0 {
		return "", "", fmt.Errorf("sso step-up: provider %s has no mfa values configured", name)
	}
	f := flow{IdP: name, Next: next, Expires: s.now().Add(FlowTTL).Unix(), StepUp: true, Binding: binding, Asked: s.tokenNow().Unix()}
	return s.begin(name, f)
}

// fresh refuses a step-up answer whose authentication is older than the
// request (a provider that reused its session) or lacks a second factor.
func (s *Service) fresh(f flow, id *Identity) error {
	if !f.StepUp {
		return nil
	}
	id.StepUp, id.Binding = true, f.Binding
	skew := time.Duration(s.cfg.ClockSkew)
	if id.AuthTime.IsZero() || id.AuthTime.Before(time.Unix(f.Asked, 0).Add(-skew)) {
		return refused("step-up: authentication at %v is older than the request", id.AuthTime)
	}
	if !id.MFA {
		return refused("step-up: no second factor asserted (%s)", id.Method)
	}
	return nil
}

// openFlow reads the flow cookie back, for the named provider.
func (s *Service) openFlow(cookie, name string) (flow, error) {
	var f flow
	if cookie == "" {
		return f, refused("no flow cookie")
	}
	b, err := s.seal.OpenPending(cookie, flowBinding)
	if err != nil {
		return f, refused("flow cookie: %v", err)
	}
	if err := json.Unmarshal(b, &f); err != nil {
		return f, refused("flow cookie: %v", err)
	}
	if f.IdP != name {
		return f, refused("flow started with %q, answer from %q", f.IdP, name)
	}
	if s.now().Unix() > f.Expires {
		return f, refused("flow expired")
	}
	return f, nil
}

// matchMFA reports whether any asserted value is one the provider's
// configuration says means a second factor.
func matchMFA(p Provider, asserted ...string) bool {
	for _, a := range asserted {
		if a != "" && slices.Contains(p.MFA, a) {
			return true
		}
	}
	return false
}

func randomString(n int) (string, error) {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("sso: random: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}
