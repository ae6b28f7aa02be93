// Package alert tells people outside the application that something is
// happening: email over SMTP to the académies' security officers and to
// heads of establishment, and signed webhooks to the académies' tools.
//
// Each alert is sent once, whichever of several server processes tries:
//
//  1. the caller names the alert with a key (incident, channel, recipient);
//  2. Once claims the key in the store (a row whose primary key is the
//     key): only the process whose insert succeeds sends;
//  3. the outcome is recorded; a failed alert may be claimed again after
//     RetryAfter, a sent one never.
//
// Webhooks carry the header X-Bouclier-Timestamp (unix seconds) and
// X-Bouclier-Signature: "sha256=" + hex(HMAC-SHA256(secret, timestamp +
// "." + body)), which Verify checks on the receiving side.
package alert

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/http"
	"net/smtp"
	"strconv"
	"strings"
	"time"

	"github.com/bouclier/bouclier/internal/store"
)

// Config says where alerts go. Empty fields turn a channel off.
type Config struct {
	SMTPAddr      string // host:port of the relay; no authentication, loopback or trusted relay
	From          string // sender address
	WebhookURL    string
	WebhookSecret string
	Timeout       time.Duration // per attempt; 10 s when zero
	RetryAfter    time.Duration // before a failed alert is tried again; 1 min when zero
}

// String redacts the webhook secret.
func (c Config) String() string {
	return fmt.Sprintf("alert.Config{SMTP:%q From:%q Webhook:%q Secret:REDACTED}", c.SMTPAddr, c.From, c.WebhookURL)
}

// FromEnv reads BOUCLIER_SMTP_ADDR, BOUCLIER_ALERT_FROM,
// BOUCLIER_ALERT_WEBHOOK_URL and BOUCLIER_ALERT_WEBHOOK_SECRET.
func FromEnv(getenv func(string) string) Config {
	c := Config{SMTPAddr: getenv("BOUCLIER_SMTP_ADDR"), From: getenv("BOUCLIER_ALERT_FROM"),
		WebhookURL: getenv("BOUCLIER_ALERT_WEBHOOK_URL"), WebhookSecret: getenv("BOUCLIER_ALERT_WEBHOOK_SECRET")}
	if c.From == "" {
		c.From = "bouclier@localhost"
	}
	return c
}

// Sender sends alerts.
type Sender struct {
	cfg    Config
	db     *store.DB
	client *http.Client
	now    func() time.Time
}

// New returns a sender recording its alerts in db.
func New(db *store.DB, cfg Config, now func() time.Time) *Sender {
	if cfg.Timeout == 0 {
		cfg.Timeout = 10 * time.Second
	}
	if cfg.RetryAfter == 0 {
		cfg.RetryAfter = time.Minute
	}
	if cfg.From == "" {
		cfg.From = "bouclier@localhost"
	}
	return &Sender{cfg: cfg, db: db, client: &http.Client{Timeout: cfg.Timeout}, now: now}
}

// EmailEnabled reports whether email alerts are configured.
func (s *Sender) EmailEnabled() bool { return s.cfg.SMTPAddr != "" }

// WebhookEnabled reports whether webhook alerts are configured.
func (s *Sender) WebhookEnabled() bool { return s.cfg.WebhookURL != "" }

// Once runs send unless the alert named key was already sent (or is being
// sent by another process). It reports whether this call sent it.
func (s *Sender) Once(ctx context.Context, key string, campaignID int64, send func(ctx context.Context) error) (bool, error) {
	now := s.now()
	ok, err := s.db.ClaimAlert(ctx, key, campaignID, store.Micros(now), store.Micros(now.Add(-s.cfg.RetryAfter)))
	if err != nil || !ok {
		return false, err
	}
	sendErr := send(ctx)
	msg := ""
	if sendErr != nil {
		msg = sendErr.Error()
		if len(msg) > 500 {
			msg = msg[:500]
		}
	}
	if err := s.db.FinishAlert(context.WithoutCancel(ctx), key, store.Micros(s.now()), msg); err != nil {
		return sendErr == nil, errors.Join(sendErr, err)
	}
	if sendErr != nil {
		return false, fmt.Errorf("alert %s: %w", key, sendErr)
	}
	return true, nil
}

// Email sends a plain-text message to one address.
func (s *Sender) Email(ctx context.Context, to, subject, body string) error {
	if s.cfg.SMTPAddr == "" {
		return errors.New("no SMTP server configured")
	}
	if strings.ContainsAny(to, "\r\n<>") || strings.ContainsAny(s.cfg.From, "\r\n<>") {
		return fmt.Errorf("invalid address %q", to)
	}
	msg, err := s.compose(to, subject, body)
	if err != nil {
		return err
	}
	return SendMail(ctx, s.cfg.SMTPAddr, s.cfg.From, to, msg, s.cfg.Timeout)
}

// SendMail hands one composed message to an SMTP relay (no
// authentication: a loopback or trusted relay), within timeout. The
// relay's refusals (4xx, 5xx) come back as errors; the notifications'
// outbox (internal/notify) sends through it too.
func SendMail(ctx context.Context, addr, from, to string, msg []byte, timeout time.Duration) error {
	if strings.ContainsAny(to, "\r\n<>") || strings.ContainsAny(from, "\r\n<>") {
		return fmt.Errorf("invalid address %q", to)
	}
	d := net.Dialer{Timeout: timeout}
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return fmt.Errorf("smtp dial: %w", err)
	}
	defer conn.Close()
	deadline := time.Now().Add(timeout)
	if dl, ok := ctx.Deadline(); ok && dl.Before(deadline) {
		deadline = dl
	}
	_ = conn.SetDeadline(deadline)
	host, _, _ := net.SplitHostPort(addr)
	c, err := smtp.NewClient(conn, host)
	if err != nil {
		return fmt.Errorf("smtp greeting: %w", err)
	}
	defer c.Close()
	if err := c.Hello("bouclier"); err != nil {
		return fmt.Errorf("smtp hello: %w", err)
	}
	if err := c.Mail(from); err != nil {
		return fmt.Errorf("smtp mail from: %w", err)
	}
	if err := c.Rcpt(to); err != nil {
		return fmt.Errorf("smtp rcpt to: %w", err)
	}
	w, err := c.Data()
	if err != nil {
		return fmt.Errorf("smtp data: %w", err)
	}
	if _, err := w.Write(msg); err != nil {
		return fmt.Errorf("smtp data: %w", err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("smtp data: %w", err)
	}
	if err := c.Quit(); err != nil {
		return fmt.Errorf("smtp quit: %w", err)
	}
	return nil
}

// compose builds an RFC 5322 message in UTF-8, quoted-printable, so that
// it passes through relays without 8BITMIME.
func (s *Sender) compose(to, subject, body string) ([]byte, error) {
	var id [12]byte
	if _, err := rand.Read(id[:]); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "From: Bouclier <%s>\r\n", s.cfg.From)
	fmt.Fprintf(&b, "To: <%s>\r\n", to)
	fmt.Fprintf(&b, "Subject: %s\r\n", mime.QEncoding.Encode("utf-8", subject))
	fmt.Fprintf(&b, "Date: %s\r\n", s.now().UTC().Format(time.RFC1123Z))
	fmt.Fprintf(&b, "Message-ID: <%s@bouclier>\r\n", hex.EncodeToString(id[:]))
	b.WriteString("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n")
	qp := quotedprintable.NewWriter(&b)
	if _, err := qp.Write([]byte(strings.ReplaceAll(body, "\n", "\r\n"))); err != nil {
		return nil, err
	}
	if err := qp.Close(); err != nil {
		return nil, err
	}
	b.WriteString("\r\n")
	return b.Bytes(), nil
}

// The webhook headers.
const (
	HeaderTimestamp = "X-Bouclier-Timestamp"
	HeaderSignature = "X-Bouclier-Signature"
)

// Sign returns the signature header value of body sent at ts.
func Sign(secret []byte, ts int64, body []byte) string {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(strconv.FormatInt(ts, 10)))
	m.Write([]byte{'.'})
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

// Verify checks a webhook request's signature and that its timestamp is
// within tolerance of now (replays of old requests are refused).
func Verify(secret []byte, h http.Header, body []byte, now time.Time, tolerance time.Duration) error {
	ts, err := strconv.ParseInt(h.Get(HeaderTimestamp), 10, 64)
	if err != nil {
		return errors.New("missing or malformed timestamp")
	}
	if d := now.Sub(time.Unix(ts, 0)); d > tolerance || d < -tolerance {
		return errors.New("timestamp outside tolerance")
	}
	want := Sign(secret, ts, body)
	if !hmac.Equal([]byte(want), []byte(h.Get(HeaderSignature))) {
		return errors.New("bad signature")
	}
	return nil
}

// Webhook posts a JSON body, signed, and expects a 2xx answer.
func (s *Sender) Webhook(ctx context.Context, body []byte) error {
	if s.cfg.WebhookURL == "" {
		return errors.New("no webhook configured")
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.cfg.WebhookURL, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("webhook: %w", err)
	}
	ts := s.now().Unix()
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(HeaderTimestamp, strconv.FormatInt(ts, 10))
	req.Header.Set(HeaderSignature, Sign([]byte(s.cfg.WebhookSecret), ts, body))
	resp, err := s.client.Do(req)
	if err != nil {
		return fmt.Errorf("webhook: %w", err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("webhook: status %d", resp.StatusCode)
	}
	return nil
}
