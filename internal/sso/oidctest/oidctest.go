// Package oidctest runs a real OpenID Connect provider on loopback for the
// tests of single sign-on: zitadel/oidc's op package (discovery, JWKS,
// authorisation code with PKCE, token endpoint, end session) over an
// in-memory storage, with a small login page that keeps a provider
// session, honours prompt=login, max_age and acr_values, and asserts amr,
// acr and auth_time as an académie's provider would.
//
// Tamper makes the next tokens wrong in one chosen way (nonce, audience,
// issuer, signing key), for the tests of the relying party's refusals.
package oidctest

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/zitadel/oidc/v3/pkg/oidc"
	"github.com/zitadel/oidc/v3/pkg/op"
)

// MFA is the acr the provider asserts after a second factor, and the amr
// value it adds.
const (
	MFA      = "https://refeds.org/profile/mfa"
	PwdACR   = "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"
	ClientID = "bouclier"
)

// User is a person the provider knows.
type User struct {
	Password string
	// OTP, when set, is the person's second factor at the provider: asked
	// when the client requests the MFA acr, or at every login with
	// AlwaysMFA.
	OTP       string
	AlwaysMFA bool
	// Claims go into the ID token (the directory's joint key).
	Claims map[string]any
}

// Tamper makes every token issued while it is set wrong in one way.
type Tamper struct {
	Nonce    string           // replaces the flow's nonce
	Audience string           // the only audience (the library always adds the client's own)
	Issuer   string           // the issuer the tokens name
	Key      *rsa.PrivateKey  // signs instead of the published key
	KeyID    string           // the key ID the tokens name ("" keeps the published one)
	Claims   map[string]any   // replaces the user's claims
	AMR      []string         // replaces the amr
	ACR      string           // replaces the acr
	AuthTime func() time.Time // replaces auth_time
}

// Server is a running provider.
type Server struct {
	Issuer       string
	Addr         string // where it listens
	ClientSecret string
	srv          *http.Server
	st           *storage
	prov         *op.Provider
}

// Start runs a provider on 127.0.0.1 with one confidential client whose
// redirect URIs are given (http allowed: loopback), and the users by
// subject.
func Start(redirects, postLogout []string, users map[string]User) (*Server, error) {
	return StartHost("127.0.0.1", redirects, postLogout, users)
}

// StartHost is Start with the issuer named by host (listening on
// 127.0.0.1 all the same): "op.localhost", which a browser resolves to
// loopback, puts the provider on another site than the application.
func StartHost(host string, redirects, postLogout []string, users map[string]User) (*Server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("oidctest: %w", err)
	}
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, fmt.Errorf("oidctest: %w", err)
	}
	secret := random()
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	s := &Server{Issuer: "http://" + net.JoinHostPort(host, port), ClientSecret: secret, Addr: ln.Addr().String()}
	s.st = &storage{users: users, key: key, keyID: random()[:8], requests: map[string]*authRequest{}, codes: map[string]string{},
		sessions: map[string]idpSession{}, tokens: map[string]string{},
		client: &client{redirects: redirects, postLogout: postLogout, secret: secret}}
	var cryptoKey [32]byte
	if _, err := rand.Read(cryptoKey[:]); err != nil {
		return nil, fmt.Errorf("oidctest: %w", err)
	}
	issuer := func(bool) (op.IssuerFromRequest, error) {
		return func(*http.Request) string {
			if t := s.st.tamper.Load(); t != nil && t.Issuer != "" {
				return t.Issuer
			}
			return s.Issuer
		}, nil
	}
	s.prov, err = op.NewProvider(&op.Config{CryptoKey: cryptoKey, CodeMethodS256: true, AuthMethodPost: true,
		DefaultLogoutRedirectURI: "/logged-out"}, s.st, issuer, op.WithAllowInsecure())
	if err != nil {
		return nil, fmt.Errorf("oidctest: %w", err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /login", s.loginPage)
	mux.HandleFunc("POST /login", s.login)
	mux.HandleFunc("GET /logged-out", func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("signed out")) })
	mux.HandleFunc("/end_session", func(w http.ResponseWriter, r *http.Request) {
		// The RP sends no id_token_hint: the provider's session is the
		// browser's cookie, ended here before the library redirects.
		if c, err := r.Cookie(sessionCookie); err == nil {
			s.st.mu.Lock()
			delete(s.st.sessions, c.Value)
			s.st.mu.Unlock()
		}
		http.SetCookie(w, &http.Cookie{Name: sessionCookie, Path: "/", MaxAge: -1})
		s.prov.ServeHTTP(w, r)
	})
	mux.HandleFunc("/oauth/token", s.token)
	mux.Handle("/", s.prov)
	s.srv = &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = s.srv.Serve(ln) }()
	return s, nil
}

// Close stops the provider.
func (s *Server) Close() { _ = s.srv.Close() }

// SetTamper makes the next tokens wrong (nil: right again).
func (s *Server) SetTamper(t *Tamper) { s.st.tamper.Store(t) }

// Logins counts the logins the provider checked with a password.
func (s *Server) Logins() int64 { return s.st.logins.Load() }

const sessionCookie = "oidctest-session"

var loginForm = template.Must(template.New("login").Parse(`<!doctype html><title>Fournisseur d’identité</title>
<form method="post" action="/login"><input type="hidden" name="id" value="{{.ID}}">
<input name="user"> <input name="password" type="password">{{if .MFA}} <input name="otp">{{end}}
<button>Se connecter</button></form>`))

// loginPage signs the person in from the provider's session when the
// request allows it (no prompt=login, max_age not exceeded, no second
// factor asked that the session lacks), else shows the form.
func (s *Server) loginPage(w http.ResponseWriter, r *http.Request) {
	req, err := s.st.request(r.URL.Query().Get("id"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	if c, err := r.Cookie(sessionCookie); err == nil {
		s.st.mu.Lock()
		sess, ok := s.st.sessions[c.Value]
		s.st.mu.Unlock()
		fresh := req.MaxAge == nil || time.Since(sess.authTime) <= time.Duration(*req.MaxAge)*time.Second
		if ok && fresh && !slices.Contains(req.Prompt, oidc.PromptLogin) && (!req.wantsMFA() || sess.acr == MFA) {
			s.done(w, r, req.ID, sess)
			return
		}
	}
	_ = loginForm.Execute(w, struct {
		ID  string
		MFA bool
	}{req.ID, true})
}

func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	req, err := s.st.request(r.PostFormValue("id"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	name := r.PostFormValue("user")
	u, ok := s.st.users[name]
	if !ok || subtle.ConstantTimeCompare([]byte(u.Password), []byte(r.PostFormValue("password"))) != 1 {
		http.Error(w, "wrong user or password", http.StatusUnauthorized)
		return
	}
	sess := idpSession{subject: name, authTime: time.Now(), amr: []string{"pwd"}, acr: PwdACR}
	if u.OTP != "" && (u.AlwaysMFA || req.wantsMFA()) {
		if subtle.ConstantTimeCompare([]byte(u.OTP), []byte(r.PostFormValue("otp"))) != 1 {
			http.Error(w, "wrong second factor", http.StatusUnauthorized)
			return
		}
		sess.amr, sess.acr = []string{"pwd", "otp", "mfa"}, MFA
	}
	s.st.logins.Add(1)
	id := random()
	s.st.mu.Lock()
	s.st.sessions[id] = sess
	s.st.mu.Unlock()
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: id, Path: "/", HttpOnly: true})
	s.done(w, r, req.ID, sess)
}

// done marks the request authenticated and sends the browser on to the
// library's callback, which issues the code.
func (s *Server) done(w http.ResponseWriter, r *http.Request, id string, sess idpSession) {
	s.st.mu.Lock()
	if req := s.st.requests[id]; req != nil {
		req.subject, req.authTime, req.amr, req.acr, req.done = sess.subject, sess.authTime, sess.amr, sess.acr, true
	}
	s.st.mu.Unlock()
	http.Redirect(w, r, op.AuthCallbackURL(s.prov)(r.Context(), id), http.StatusFound)
}

type idpSession struct {
	subject  string
	authTime time.Time
	amr      []string
	acr      string
}

func random() string {
	b := make([]byte, 24)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on supported platforms
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// authRequest is one authorisation request, then its authentication.
type authRequest struct {
	ID string
	oidc.AuthRequest
	subject  string
	authTime time.Time
	amr      []string
	acr      string
	done     bool
	audience []string
}

func (a *authRequest) wantsMFA() bool { return slices.Contains(a.ACRValues, MFA) }

func (a *authRequest) GetID() string    { return a.ID }
func (a *authRequest) GetACR() string   { return a.acr }
func (a *authRequest) GetAMR() []string { return a.amr }
func (a *authRequest) GetAudience() []string {
	if a.audience != nil {
		return a.audience
	}
	return []string{a.ClientID}
}
func (a *authRequest) GetAuthTime() time.Time { return a.authTime }
func (a *authRequest) GetClientID() string    { return a.ClientID }
func (a *authRequest) GetCodeChallenge() *oidc.CodeChallenge {
	if a.CodeChallenge == "" {
		return nil
	}
	return &oidc.CodeChallenge{Challenge: a.CodeChallenge, Method: a.CodeChallengeMethod}
}
func (a *authRequest) GetNonce() string                   { return a.Nonce }
func (a *authRequest) GetRedirectURI() string             { return a.RedirectURI }
func (a *authRequest) GetResponseType() oidc.ResponseType { return a.ResponseType }
func (a *authRequest) GetResponseMode() oidc.ResponseMode { return a.ResponseMode }
func (a *authRequest) GetScopes() []string                { return a.Scopes }
func (a *authRequest) GetState() string                   { return a.State }
func (a *authRequest) GetSubject() string                 { return a.subject }
func (a *authRequest) Done() bool                         { return a.done }

// client is the relying party's registration.
type client struct {
	redirects, postLogout []string
	secret                string
}

func (c *client) GetID() string                       { return ClientID }
func (c *client) RedirectURIs() []string              { return c.redirects }
func (c *client) PostLogoutRedirectURIs() []string    { return c.postLogout }
func (c *client) ApplicationType() op.ApplicationType { return op.ApplicationTypeWeb }
func (c *client) AuthMethod() oidc.AuthMethod         { return oidc.AuthMethodBasic }
func (c *client) ResponseTypes() []oidc.ResponseType {
	return []oidc.ResponseType{oidc.ResponseTypeCode}
}
func (c *client) GrantTypes() []oidc.GrantType        { return []oidc.GrantType{oidc.GrantTypeCode} }
func (c *client) LoginURL(id string) string           { return "/login?id=" + url.QueryEscape(id) }
func (c *client) AccessTokenType() op.AccessTokenType { return op.AccessTokenTypeBearer }
func (c *client) IDTokenLifetime() time.Duration      { return 5 * time.Minute }

// DevMode allows the http redirect URIs of loopback tests.
func (c *client) DevMode() bool { return true }
func (c *client) RestrictAdditionalIdTokenScopes() func([]string) []string {
	return func(s []string) []string { return s }
}
func (c *client) RestrictAdditionalAccessTokenScopes() func([]string) []string {
	return func(s []string) []string { return s }
}
func (c *client) IsScopeAllowed(string) bool           { return false }
func (c *client) IDTokenUserinfoClaimsAssertion() bool { return false }
func (c *client) ClockSkew() time.Duration             { return 0 }

// storage is the provider's state, in memory.
type storage struct {
	mu       sync.Mutex
	users    map[string]User
	key      *rsa.PrivateKey
	keyID    string
	client   *client
	requests map[string]*authRequest
	codes    map[string]string // code → request ID
	sessions map[string]idpSession
	tokens   map[string]string // access token ID → subject
	tamper   atomic.Pointer[Tamper]
	logins   atomic.Int64
}

var errNotFound = errors.New("not found")

func (s *storage) request(id string) (*authRequest, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.requests[id]
	if r == nil {
		return nil, fmt.Errorf("auth request %q: %w", id, errNotFound)
	}
	return r, nil
}

func (s *storage) CreateAuthRequest(_ context.Context, req *oidc.AuthRequest, _ string) (op.AuthRequest, error) {
	r := &authRequest{ID: random(), AuthRequest: *req}
	s.mu.Lock()
	s.requests[r.ID] = r
	s.mu.Unlock()
	return r, nil
}

func (s *storage) AuthRequestByID(_ context.Context, id string) (op.AuthRequest, error) {
	return s.request(id)
}

// AuthRequestByCode returns the request a code was issued for, with the
// tampering of the moment applied to a copy.
func (s *storage) AuthRequestByCode(_ context.Context, code string) (op.AuthRequest, error) {
	s.mu.Lock()
	id, ok := s.codes[code]
	s.mu.Unlock()
	if !ok {
		return nil, fmt.Errorf("code: %w", errNotFound)
	}
	r, err := s.request(id)
	if err != nil {
		return nil, err
	}
	if t := s.tamper.Load(); t != nil {
		c := *r
		if t.Nonce != "" {
			c.Nonce = t.Nonce
		}
		if t.AMR != nil {
			c.amr = t.AMR
		}
		if t.ACR != "" {
			c.acr = t.ACR
		}
		if t.AuthTime != nil {
			c.authTime = t.AuthTime()
		}
		return &c, nil
	}
	return r, nil
}

func (s *storage) SaveAuthCode(_ context.Context, id, code string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.codes[code] = id
	return nil
}

// DeleteAuthRequest runs once the code is exchanged: the code is spent.
func (s *storage) DeleteAuthRequest(_ context.Context, id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.requests, id)
	for c, rid := range s.codes {
		if rid == id {
			delete(s.codes, c)
		}
	}
	return nil
}

func (s *storage) CreateAccessToken(_ context.Context, req op.TokenRequest) (string, time.Time, error) {
	id := random()
	s.mu.Lock()
	s.tokens[id] = req.GetSubject()
	s.mu.Unlock()
	return id, time.Now().Add(5 * time.Minute), nil
}

var errUnsupported = errors.New("oidctest: not supported")

func (s *storage) CreateAccessAndRefreshTokens(context.Context, op.TokenRequest, string) (string, string, time.Time, error) {
	return "", "", time.Time{}, errUnsupported
}
func (s *storage) TokenRequestByRefreshToken(context.Context, string) (op.RefreshTokenRequest, error) {
	return nil, errUnsupported
}

// TerminateSession ends the person's provider sessions.
func (s *storage) TerminateSession(_ context.Context, userID, _ string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for id, sess := range s.sessions {
		if sess.subject == userID {
			delete(s.sessions, id)
		}
	}
	return nil
}
func (s *storage) RevokeToken(context.Context, string, string, string) *oidc.Error { return nil }
func (s *storage) GetRefreshTokenInfo(context.Context, string, string) (string, string, error) {
	return "", "", op.ErrInvalidRefreshToken
}

type signingKey struct {
	id  string
	key *rsa.PrivateKey
}

func (k signingKey) SignatureAlgorithm() jose.SignatureAlgorithm { return jose.RS256 }
func (k signingKey) Key() any                                    { return k.key }
func (k signingKey) ID() string                                  { return k.id }

func (s *storage) SigningKey(context.Context) (op.SigningKey, error) {
	k := signingKey{id: s.keyID, key: s.key}
	if t := s.tamper.Load(); t != nil && t.Key != nil {
		k.key = t.Key
		if t.KeyID != "" {
			k.id = t.KeyID
		}
	}
	return k, nil
}
func (s *storage) SignatureAlgorithms(context.Context) ([]jose.SignatureAlgorithm, error) {
	return []jose.SignatureAlgorithm{jose.RS256}, nil
}

type publicKey struct{ signingKey }

func (k publicKey) Algorithm() jose.SignatureAlgorithm { return jose.RS256 }
func (k publicKey) Use() string                        { return "sig" }
func (k publicKey) Key() any                           { return &k.key.PublicKey }

func (s *storage) KeySet(context.Context) ([]op.Key, error) {
	return []op.Key{publicKey{signingKey{id: s.keyID, key: s.key}}}, nil
}

func (s *storage) GetClientByClientID(_ context.Context, id string) (op.Client, error) {
	if id != ClientID {
		return nil, fmt.Errorf("client %q: %w", id, errNotFound)
	}
	return s.client, nil
}

func (s *storage) AuthorizeClientIDSecret(_ context.Context, id, secret string) error {
	if id != ClientID || subtle.ConstantTimeCompare([]byte(secret), []byte(s.client.secret)) != 1 {
		return errors.New("wrong client credentials")
	}
	return nil
}

func (s *storage) SetUserinfoFromScopes(context.Context, *oidc.UserInfo, string, string, []string) error {
	return nil
}

// SetUserinfoFromRequest puts the person's claims in the ID token.
func (s *storage) SetUserinfoFromRequest(_ context.Context, info *oidc.UserInfo, req op.IDTokenRequest, _ []string) error {
	info.Subject = req.GetSubject()
	claims := s.users[req.GetSubject()].Claims
	if t := s.tamper.Load(); t != nil && t.Claims != nil {
		claims = t.Claims
	}
	for k, v := range claims {
		info.AppendClaims(k, v)
	}
	return nil
}

func (s *storage) SetUserinfoFromToken(_ context.Context, info *oidc.UserInfo, tokenID, _, _ string) error {
	s.mu.Lock()
	sub, ok := s.tokens[tokenID]
	s.mu.Unlock()
	if !ok {
		return fmt.Errorf("token: %w", errNotFound)
	}
	info.Subject = sub
	for k, v := range s.users[sub].Claims {
		info.AppendClaims(k, v)
	}
	return nil
}
func (s *storage) SetIntrospectionFromToken(context.Context, *oidc.IntrospectionResponse, string, string, string) error {
	return errUnsupported
}
func (s *storage) GetPrivateClaimsFromScopes(context.Context, string, string, []string) (map[string]any, error) {
	return nil, nil
}
func (s *storage) GetKeyByIDAndClientID(context.Context, string, string) (*jose.JSONWebKey, error) {
	return nil, errUnsupported
}
func (s *storage) ValidateJWTProfileScopes(context.Context, string, []string) ([]string, error) {
	return nil, errUnsupported
}
func (s *storage) Health(context.Context) error { return nil }

// Cookie is the name of the provider's session cookie (tests drop it to
// stand for a person who never signed in there).
const Cookie = sessionCookie

var _ op.Storage = (*storage)(nil)
var _ op.CanSetUserinfoFromRequest = (*storage)(nil)

// token is the library's token endpoint; with Tamper.Audience it signs the
// ID token again, with the provider's key, for that audience alone.
func (s *Server) token(w http.ResponseWriter, r *http.Request) {
	t := s.st.tamper.Load()
	if t == nil || t.Audience == "" {
		s.prov.ServeHTTP(w, r)
		return
	}
	rec := httptest.NewRecorder()
	s.prov.ServeHTTP(rec, r)
	var body map[string]any
	if rec.Code != http.StatusOK || json.Unmarshal(rec.Body.Bytes(), &body) != nil {
		http.Error(w, "token endpoint: "+rec.Body.String(), http.StatusBadGateway)
		return
	}
	raw, _ := body["id_token"].(string)
	jws, err := jose.ParseSignedCompact(raw, []jose.SignatureAlgorithm{jose.RS256})
	var claims map[string]any
	if err == nil {
		err = json.Unmarshal(jws.UnsafePayloadWithoutVerification(), &claims)
	}
	if err != nil {
		http.Error(w, "id token: "+err.Error(), http.StatusBadGateway)
		return
	}
	claims["aud"] = []string{t.Audience}
	delete(claims, "azp")
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.RS256, Key: s.st.key}, (&jose.SignerOptions{}).WithHeader("kid", s.st.keyID))
	payload, _ := json.Marshal(claims)
	var signed *jose.JSONWebSignature
	if err == nil {
		signed, err = signer.Sign(payload)
	}
	if err == nil {
		body["id_token"], err = signed.CompactSerialize()
	}
	if err != nil {
		http.Error(w, "sign: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(body)
}
