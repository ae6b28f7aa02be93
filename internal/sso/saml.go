package sso

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/crewjam/saml"
	"github.com/crewjam/saml/samlsp"
	dsig "github.com/russellhaering/goxmldsig"
)

type samlProvider struct {
	p  Provider
	sp *saml.ServiceProvider
	s  *Service
}

// newSAML sets up the service provider for one SAML identity provider.
// Its entity ID is its metadata URL, BaseURL/sso/saml/NAME/metadata.
func (s *Service) newSAML(ctx context.Context, base *url.URL, p Provider) (*samlProvider, error) {
	if s.cfg.Key == nil || s.cfg.Cert == nil {
		return nil, errors.New("saml_key_file and saml_cert_file are required for a SAML provider")
	}
	var md *saml.EntityDescriptor
	var err error
	switch {
	case p.MetadataFile != "":
		b, rerr := os.ReadFile(p.MetadataFile)
		if rerr != nil {
			return nil, fmt.Errorf("metadata: %w", rerr)
		}
		md, err = samlsp.ParseMetadata(b)
	case p.MetadataURL != "":
		u, perr := url.Parse(p.MetadataURL)
		if perr != nil {
			return nil, fmt.Errorf("metadata_url: %w", perr)
		}
		md, err = samlsp.FetchMetadata(ctx, s.cfg.HTTPClient, *u)
	default:
		return nil, errors.New("metadata_file or metadata_url is required")
	}
	if err != nil {
		return nil, fmt.Errorf("metadata: %w", err)
	}
	at := func(suffix string) url.URL {
		u := *base
		u.Path = strings.TrimSuffix(u.Path, "/") + "/sso/saml/" + p.Name + suffix
		return u
	}
	mdURL, acs, slo := at("/metadata"), at("/acs"), at("/slo")
	// The library's skew bound is package-wide; every provider shares it.
	saml.MaxClockSkew = time.Duration(s.cfg.ClockSkew)
	sp := &saml.ServiceProvider{
		EntityID:                         mdURL.String(),
		Key:                              s.cfg.Key,
		Certificate:                      s.cfg.Cert,
		HTTPClient:                       s.cfg.HTTPClient,
		MetadataURL:                      mdURL,
		AcsURL:                           acs,
		SloURL:                           slo,
		IDPMetadata:                      md,
		SignatureMethod:                  dsig.RSASHA256SignatureMethod,
		AssertionConsumerServiceBindings: []string{saml.HTTPPostBinding},
		LogoutBindings:                   []string{saml.HTTPRedirectBinding, saml.HTTPPostBinding},
		RejectSHA1Signatures:             true,
		ReplayCache:                      replayCache{s: s, idp: p.Name},
		Clock:                            s.cfg.Clock,
	}
	return &samlProvider{p: p, sp: sp, s: s}, nil
}

// replayCache keeps the assertion and logout request IDs in the store,
// shared by every node, until they expire.
type replayCache struct {
	s   *Service
	idp string
}

// Consume implements saml.AssertionReplayCache.
func (c replayCache) Consume(id string, expires time.Time) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	fresh, err := c.s.replay.RememberOnce(ctx, "saml:"+c.idp, id, expires, c.s.now())
	if err != nil {
		return fmt.Errorf("replay cache: %w", err)
	}
	if !fresh {
		return saml.ErrAssertionReplayed
	}
	return nil
}

// Metadata returns the service provider's metadata for the named provider:
// its signing and encryption certificate, ACS and SLO endpoints.
func (s *Service) Metadata(name string) ([]byte, error) {
	p := s.saml[name]
	if p == nil {
		return nil, refused("unknown SAML provider %q", name)
	}
	b, err := xml.MarshalIndent(p.sp.Metadata(), "", "  ")
	if err != nil {
		return nil, fmt.Errorf("sso metadata: %w", err)
	}
	return append([]byte(xml.Header), b...), nil
}

// begin makes a signed AuthnRequest (HTTP-Redirect binding, answer by
// HTTP-POST) whose ID the flow keeps for InResponseTo.
func (p *samlProvider) begin(f *flow) (string, error) {
	req, err := p.sp.MakeAuthenticationRequest(p.sp.GetSSOBindingLocation(saml.HTTPRedirectBinding), saml.HTTPRedirectBinding, saml.HTTPPostBinding)
	if err != nil {
		return "", fmt.Errorf("sso authn request: %w", err)
	}
	f.Request = req.ID
	if f.StepUp {
		force := true
		req.ForceAuthn = &force
		req.RequestedAuthnContext = &saml.RequestedAuthnContext{Comparison: "exact", AuthnContextClassRefs: p.p.MFA}
	}
	u, err := req.Redirect(f.State, p.sp)
	if err != nil {
		return "", fmt.Errorf("sso authn request: %w", err)
	}
	return u.String(), nil
}

// FinishSAML checks a provider's answer posted to the ACS (see the
// package comment) and returns who it vouches for and the local path to
// go to.
func (s *Service) FinishSAML(r *http.Request, name, cookie string) (Identity, string, error) {
	p := s.saml[name]
	if p == nil {
		return Identity{}, "", refused("unknown SAML provider %q", name)
	}
	f, err := s.openFlow(cookie, name)
	if err != nil {
		return Identity{}, "", err
	}
	if err := r.ParseForm(); err != nil {
		return Identity{}, "", refused("form: %v", err)
	}
	if subtle.ConstantTimeCompare([]byte(r.PostForm.Get("RelayState")), []byte(f.State)) != 1 {
		return Identity{}, "", refused("relay state does not match the flow")
	}
	// The library checks Destination against the URL it is given: the
	// configured ACS, not what a proxy rewrote.
	rr := r.Clone(r.Context())
	acs := p.sp.AcsURL
	rr.URL = &acs
	a, err := p.sp.ParseResponse(rr, []string{f.Request})
	if err != nil {
		var ire *saml.InvalidResponseError
		if errors.As(err, &ire) {
			return Identity{}, "", refused("saml response: %v", ire.PrivateErr)
		}
		return Identity{}, "", refused("saml response: %v", err)
	}
	id, err := p.identity(a)
	if err != nil {
		return Identity{}, "", err
	}
	if err := s.fresh(f, &id); err != nil {
		return Identity{}, "", err
	}
	return id, f.Next, nil
}

// identity maps a checked assertion: NameID, the joint key attribute, the
// authentication context.
func (p *samlProvider) identity(a *saml.Assertion) (Identity, error) {
	id := Identity{IdP: p.p.Name}
	if a.Subject == nil || a.Subject.NameID == nil || a.Subject.NameID.Value == "" {
		return id, refused("assertion without a NameID")
	}
	id.Subject = a.Subject.NameID.Value
	for _, st := range a.AttributeStatements {
		for _, at := range st.Attributes {
			if (at.Name == p.p.JointKey || at.FriendlyName == p.p.JointKey) && len(at.Values) > 0 {
				id.JointKey = strings.TrimSpace(at.Values[0].Value)
			}
		}
	}
	if id.JointKey == "" {
		return id, refused("assertion without the %s attribute", p.p.JointKey)
	}
	for _, st := range a.AuthnStatements {
		if st.SessionIndex != "" {
			id.SessionIndex = st.SessionIndex
		}
		if st.AuthnInstant.After(id.AuthTime) {
			id.AuthTime = st.AuthnInstant
		}
		if st.AuthnContext.AuthnContextClassRef != nil {
			v := st.AuthnContext.AuthnContextClassRef.Value
			id.Method = v
			if matchMFA(p.p, v) {
				id.MFA = true
			}
		}
	}
	return id, nil
}

// SAMLLogout returns where to send the browser to end the provider's
// session too (a signed LogoutRequest, HTTP-Redirect binding), and the
// sealed flow state to keep in its cookie, by which SLO recognises the
// provider's answer. "" when the provider offers no single logout.
func (s *Service) SAMLLogout(name, subject, sessionIndex string) (redirect, cookie string, err error) {
	p := s.saml[name]
	if p == nil {
		return "", "", refused("unknown SAML provider %q", name)
	}
	loc := p.sp.GetSLOBindingLocation(saml.HTTPRedirectBinding)
	if loc == "" {
		return "", "", nil
	}
	var opts []saml.LogoutRequestOption
	if sessionIndex != "" {
		opts = append(opts, saml.WithSessionIndex(sessionIndex))
	}
	req, err := p.sp.MakeLogoutRequest(loc, subject, opts...)
	if err != nil {
		return "", "", fmt.Errorf("sso logout request: %w", err)
	}
	f := flow{IdP: name, Request: req.ID, Expires: s.now().Add(FlowTTL).Unix()}
	if f.State, err = randomString(24); err != nil {
		return "", "", err
	}
	u, err := p.sp.RedirectLogoutRequestURL(req, f.State)
	if err != nil {
		return "", "", fmt.Errorf("sso logout request: %w", err)
	}
	b, err := json.Marshal(f)
	if err != nil {
		return "", "", fmt.Errorf("sso flow: %w", err)
	}
	if cookie, err = s.seal.SealPending(b, flowBinding); err != nil {
		return "", "", err
	}
	return u.String(), cookie, nil
}

// SLO handles what the provider sends to the SLO endpoint. A signed
// LogoutResponse answering the logout this browser's flow cookie names
// (SAMLLogout) returns ("", "", nil). A signed LogoutRequest (the provider ends the person's
// sessions) returns the subject to log out and the signed LogoutResponse
// URL to send the browser to once done.
func (s *Service) SLO(r *http.Request, name, cookie string) (subject, respond string, err error) {
	p := s.saml[name]
	if p == nil {
		return "", "", refused("unknown SAML provider %q", name)
	}
	if err := r.ParseForm(); err != nil {
		return "", "", refused("form: %v", err)
	}
	rr := r.Clone(r.Context())
	slo := p.sp.SloURL
	slo.RawQuery = r.URL.RawQuery
	rr.URL = &slo
	if r.Form.Get("SAMLResponse") != "" {
		f, err := s.openFlow(cookie, name)
		if err != nil {
			return "", "", err
		}
		if subtle.ConstantTimeCompare([]byte(r.Form.Get("RelayState")), []byte(f.State)) != 1 {
			return "", "", refused("relay state does not match the logout")
		}
		if _, err := p.sp.ParseLogoutResponse(rr, []string{f.Request}); err != nil {
			return "", "", refused("logout response: %v", err)
		}
		return "", "", nil
	}
	req, err := p.sp.ValidateLogoutRequest(rr)
	if err != nil {
		return "", "", refused("logout request: %v", err)
	}
	if req.NameID == nil || req.NameID.Value == "" {
		return "", "", refused("logout request without a NameID")
	}
	u, err := p.sp.MakeRedirectLogoutResponse(req.ID, r.Form.Get("RelayState"))
	if err != nil {
		return "", "", fmt.Errorf("sso logout response: %w", err)
	}
	return req.NameID.Value, u.String(), nil
}
