package server

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/messaging"
	"github.com/bouclier/bouclier/internal/screen"
	"github.com/bouclier/bouclier/internal/store"
)

// ScreenConfig returns the screening configuration in force: the built-in
// defaults, extended by what administrators stored. The server and
// `bouclier screen --data` both use it, so they judge alike.
func ScreenConfig(ctx context.Context, db *store.DB) (screen.Config, error) {
	cfg := screen.DefaultConfig()
	digests, err := db.BlockedDigests(ctx)
	if err != nil {
		return cfg, err
	}
	if cfg.BlockedDigests == nil {
		cfg.BlockedDigests = map[[32]byte]string{}
	}
	for h, label := range digests {
		var sum [32]byte
		if b, err := hex.DecodeString(h); err == nil && len(b) == 32 {
			copy(sum[:], b)
			cfg.BlockedDigests[sum] = label
		}
	}
	allowed, err := db.AllowedDomains(ctx)
	if err != nil {
		return cfg, err
	}
	if cfg.AllowedDomains == nil {
		cfg.AllowedDomains = map[string][]string{}
	}
	for aca, ds := range allowed {
		cfg.AllowedDomains[aca] = append(cfg.AllowedDomains[aca], ds...)
	}
	suspect, err := db.SuspectDomains(ctx)
	if err != nil {
		return cfg, err
	}
	if cfg.SuspectDomains == nil {
		cfg.SuspectDomains = map[string]bool{}
	}
	for _, d := range suspect {
		cfg.SuspectDomains[d] = true
	}
	return cfg, nil
}

// screenCache keeps a screening engine built from the configuration in
// force, rebuilt when an administrator (on any process) changes the lists.
type screenCache struct {
	db  *store.DB
	log *slog.Logger

	mu      sync.Mutex
	eng     *screen.Engine
	version int64
	checked time.Time
}

// screenRefresh is how often a process looks for changed screening lists.
const screenRefresh = 200 * time.Millisecond

// invalidate makes the next screening re-read the lists' version.
func (c *screenCache) invalidate() {
	c.mu.Lock()
	c.checked = time.Time{}
	c.mu.Unlock()
}

func (c *screenCache) get(ctx context.Context) (*screen.Engine, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.eng != nil && time.Since(c.checked) < screenRefresh {
		return c.eng, nil
	}
	v, err := c.db.ScreenVersion(ctx)
	if err != nil {
		return c.eng, err
	}
	c.checked = time.Now()
	if c.eng != nil && v == c.version {
		return c.eng, nil
	}
	cfg, err := ScreenConfig(ctx, c.db)
	if err != nil {
		return c.eng, err
	}
	c.eng, c.version = screen.New(cfg), v
	return c.eng, nil
}

// Screen adapts the screening engine to the messaging service, and strips
// metadata from the images the engine says must be cleaned (those sent to
// students). If the lists cannot be re-read, the engine built last goes
// on; if there is none, the message is held (fail closed).
func (c *screenCache) Screen(in messaging.ScreenInput) messaging.ScreenResult {
	e, err := c.get(context.Background())
	if err != nil {
		c.log.Warn("screening lists not refreshed", "err", err)
	}
	if e == nil {
		// No engine could be built yet: nothing goes out unscreened.
		return messaging.ScreenResult{Verdict: bouclier.VerdictHold, Reasons: []string{"filtre indisponible : message retenu"}, Fingerprint: Fingerprint(in.Body)}
	}
	{
		si := screen.Input{Subject: in.Subject, Text: in.Body, SenderRole: in.Sender.Role, ToStudents: in.ToStudents, Academie: in.Sender.Academie}
		for _, a := range in.Attachments {
			si.Attachments = append(si.Attachments, screen.Attachment{Name: a.Name, ContentType: a.ContentType, Data: a.Data})
		}
		r := e.Check(si)
		out := messaging.ScreenResult{Verdict: bouclier.ParseVerdict(string(r.Verdict)), Score: r.Score, Reasons: r.Reasons, Types: r.AttachmentTypes,
			Documents: r.AttachmentTexts, Fingerprint: Fingerprint(in.Body)}
		if len(r.Links) > 0 {
			// r.Links also holds the targets of links inside attachments
			// (PDF actions, text files in archives).
			for _, l := range screen.ExtractLinks(strings.Join(r.Links, "\n")) {
				if l.Host != "" {
					out.Links = append(out.Links, strings.ToLower(l.Host))
				}
			}
		}
		for _, i := range r.StripMetadata {
			if i < 0 || i >= len(in.Attachments) {
				continue
			}
			if clean, err := screen.StripMetadata(in.Attachments[i].Data); err == nil {
				if out.Cleaned == nil {
					out.Cleaned = map[int][]byte{}
				}
				out.Cleaned[i] = clean
			}
		}
		return out
	}
}

// Fingerprint is the digest of a text's normalised form: two messages
// that differ only by case, accents, spacing or obfuscation share it.
func Fingerprint(text string) string {
	sum := sha256.Sum256([]byte(screen.Normalize(text)))
	return hex.EncodeToString(sum[:16])
}
