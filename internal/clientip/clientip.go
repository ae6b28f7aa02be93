// Package clientip finds the address of the client a request comes from
// when the server sits behind reverse proxies (a TLS terminator, a load
// balancer). The forwarding header (X-Forwarded-For or Forwarded) is
// believed only on a connection from a trusted proxy, and only as far as
// the chain of trusted proxies goes: the client is the right-most hop that
// is not a trusted proxy, since anything left of it was written by the
// client itself. On any other connection the headers are ignored.
//
// The server installs Handler in front of everything: it rewrites
// r.RemoteAddr to the client's address, so that every later reader of
// RemoteAddr (session binding, throttling, audit) sees the client and not
// the proxy, and keeps the whole finding in the request's context (From).
package clientip

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// Header names the forwarding header the proxies write.
type Header string

// The forwarding headers understood. Configure the one your proxies set
// (and overwrite or append to): a header the proxy passes through
// untouched is the client's to forge.
const (
	XForwardedFor Header = "X-Forwarded-For"
	Forwarded     Header = "Forwarded" // RFC 7239, for= parameters
)

// ParseHeader returns the Header named by s ("" for X-Forwarded-For).
func ParseHeader(s string) (Header, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "x-forwarded-for":
		return XForwardedFor, nil
	case "forwarded":
		return Forwarded, nil
	}
	return "", fmt.Errorf("%q: want X-Forwarded-For or Forwarded", s)
}

// Resolver finds client addresses. The zero value (and nil) trusts no
// proxy: the client is always the connection's peer.
type Resolver struct {
	trusted []netip.Prefix
	header  Header
}

// New returns a Resolver believing header on connections from trusted.
func New(trusted []netip.Prefix, header Header) *Resolver {
	if header == "" {
		header = XForwardedFor
	}
	return &Resolver{trusted: trusted, header: header}
}

// Info is what Resolve found about a request's origin.
type Info struct {
	Addr    netip.Addr // the client: the peer, or the right-most untrusted forwarded hop
	Peer    netip.Addr // the TCP peer (a proxy when Proxied)
	Proxied bool       // Addr comes from the forwarding header
	HTTPS   bool       // the client used HTTPS: TLS here, or X-Forwarded-Proto from a trusted proxy
}

// IsTrusted reports whether a is one of the trusted proxies.
func (r *Resolver) IsTrusted(a netip.Addr) bool {
	if r == nil || !a.IsValid() {
		return false
	}
	a = a.Unmap().WithZone("")
	for _, p := range r.trusted {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// Resolve finds where req comes from.
func (r *Resolver) Resolve(req *http.Request) Info {
	peer := parseHostPort(req.RemoteAddr)
	info := Info{Addr: peer, Peer: peer, HTTPS: req.TLS != nil}
	if !r.IsTrusted(peer) {
		return info
	}
	hops := r.hops(req.Header)
	for i := len(hops) - 1; i >= 0; i-- {
		a, ok := parseHop(hops[i])
		if !ok {
			// "unknown", an obfuscated name or garbage: nothing to its
			// left can be believed; keep the last address that could.
			break
		}
		info.Addr, info.Proxied = a, true
		if !r.IsTrusted(a) {
			break
		}
	}
	if !info.HTTPS {
		info.HTTPS = r.forwardedProto(req.Header) == "https"
	}
	return info
}

// hops returns the forwarding header's hops, left to right, over every
// line of the header.
func (r *Resolver) hops(h http.Header) []string {
	var hops []string
	switch r.header {
	case Forwarded:
		for _, line := range h.Values("Forwarded") {
			for _, elem := range splitQuoted(line, ',') {
				for _, pair := range splitQuoted(elem, ';') {
					k, v, ok := strings.Cut(strings.TrimSpace(pair), "=")
					if ok && strings.EqualFold(strings.TrimSpace(k), "for") {
						hops = append(hops, strings.Trim(strings.TrimSpace(v), `"`))
					}
				}
			}
		}
	default:
		for _, line := range h.Values("X-Forwarded-For") {
			for _, hop := range strings.Split(line, ",") {
				hops = append(hops, strings.TrimSpace(hop))
			}
		}
	}
	return hops
}

// forwardedProto returns the scheme the last trusted proxy reports.
func (r *Resolver) forwardedProto(h http.Header) string {
	var last string
	if r.header == Forwarded {
		for _, line := range h.Values("Forwarded") {
			for _, elem := range splitQuoted(line, ',') {
				for _, pair := range splitQuoted(elem, ';') {
					k, v, ok := strings.Cut(strings.TrimSpace(pair), "=")
					if ok && strings.EqualFold(strings.TrimSpace(k), "proto") {
						last = strings.Trim(strings.TrimSpace(v), `"`)
					}
				}
			}
		}
	} else {
		for _, line := range h.Values("X-Forwarded-Proto") {
			for _, v := range strings.Split(line, ",") {
				last = strings.TrimSpace(v)
			}
		}
	}
	return strings.ToLower(last)
}

// splitQuoted splits s on sep outside double quotes.
func splitQuoted(s string, sep byte) []string {
	var out []string
	quoted, start := false, 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\' && quoted:
			i++
		case s[i] == '"':
			quoted = !quoted
		case s[i] == sep && !quoted:
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// parseHop parses one forwarded hop: an address, with or without a port
// ("192.0.2.1", "192.0.2.1:4711", "2001:db8::1", "[2001:db8::1]:4711").
func parseHop(s string) (netip.Addr, bool) {
	if s == "" {
		return netip.Addr{}, false
	}
	if a, err := netip.ParseAddr(s); err == nil {
		return a.Unmap().WithZone(""), true
	}
	if ap, err := netip.ParseAddrPort(s); err == nil {
		return ap.Addr().Unmap().WithZone(""), true
	}
	if strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]") {
		if a, err := netip.ParseAddr(s[1 : len(s)-1]); err == nil {
			return a.Unmap().WithZone(""), true
		}
	}
	return netip.Addr{}, false
}

func parseHostPort(s string) netip.Addr {
	host, _, err := net.SplitHostPort(s)
	if err != nil {
		host = s
	}
	a, err := netip.ParseAddr(strings.Trim(host, "[]"))
	if err != nil {
		return netip.Addr{}
	}
	return a.Unmap().WithZone("")
}

type ctxKey struct{}

// Handler resolves every request's client, rewrites r.RemoteAddr to it
// (port 0 when it came from a header) and keeps the Info in the context.
func (r *Resolver) Handler(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		info := r.Resolve(req)
		// WithContext makes a shallow copy: the caller's request keeps
		// its RemoteAddr.
		req = req.WithContext(context.WithValue(req.Context(), ctxKey{}, info))
		if info.Proxied {
			req.RemoteAddr = netip.AddrPortFrom(info.Addr, 0).String()
		}
		h.ServeHTTP(w, req)
	})
}

// From returns the Info Handler stored in ctx.
func From(ctx context.Context) (Info, bool) {
	i, ok := ctx.Value(ctxKey{}).(Info)
	return i, ok
}

// Address returns the client's address for req: the one Handler found, or
// else the host of r.RemoteAddr as it is.
func Address(req *http.Request) string {
	if i, ok := From(req.Context()); ok && i.Addr.IsValid() {
		return i.Addr.String()
	}
	host, _, err := net.SplitHostPort(req.RemoteAddr)
	if err != nil {
		return req.RemoteAddr
	}
	return host
}
