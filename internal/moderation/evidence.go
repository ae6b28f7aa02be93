package moderation

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/audit"
	"github.com/bouclier/bouclier/internal/csvsafe"
	"github.com/bouclier/bouclier/internal/store"
)

// ManifestName is the file of the evidence archive that lists the SHA-256
// of every other file, in the format `sha256sum -c` checks.
const ManifestName = "MANIFEST.sha256"

// Evidence writes a ZIP archive about message id for a complaint to the
// police: the message, its recipients, its attachments, the sender's
// account, sessions (addresses and browsers), reports and audit entries,
// and a manifest of SHA-256 digests (bouclier.PrivRead, audited).
// Errors: forbidden, not_found and the codes of Authorize.
func (s *Service) Evidence(ctx context.Context, a bouclier.Actor, id int64, w io.Writer) error {
	if _, err := s.authorize(ctx, a, "evidence.message", bouclier.PrivRead, id); err != nil {
		return err
	}
	if err := s.WriteEvidence(ctx, w, fmt.Sprintf("message %d", id), []int64{id}); err != nil {
		return err
	}
	now := s.now()
	return s.db.InTx(ctx, func(tx *store.Tx) error {
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: a.Name(), Action: "evidence.export", Target: fmt.Sprintf("message:%d", id),
			Scope: ownScope(a), Source: a.Source})
	})
}

type evidenceWriter struct {
	zw    *zip.Writer
	sums  map[string]string
	names []string
	now   time.Time
}

func (e *evidenceWriter) add(name string, data []byte) error {
	f, err := e.zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: e.now})
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		return err
	}
	sum := sha256.Sum256(data)
	e.sums[name] = hex.EncodeToString(sum[:])
	e.names = append(e.names, name)
	return nil
}

func (e *evidenceWriter) addJSON(name string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return e.add(name, append(b, '\n'))
}

// safeName turns a name chosen by a user (an attachment's, a username)
// into one safe as a file name in the archive and as a line of the
// manifest: valid UTF-8, no control character, no path separator, quote
// or character that a shell or sha256sum treats specially, no leading dot
// (no "..", no hidden file), at most 120 bytes.
func safeName(s string) string {
	s = strings.ToValidUTF8(s, "_")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == ' ':
			b.WriteRune(r)
		case unicode.IsControl(r) || unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) || !unicode.IsPrint(r):
			b.WriteByte('_')
		case strings.ContainsRune("/\\\"'`$*?<>|:;&", r):
			b.WriteByte('_')
		default:
			b.WriteRune(r)
		}
	}
	out := strings.TrimLeft(strings.TrimSpace(b.String()), ".")
	if len(out) > 120 {
		n := 120
		for n > 0 && !utf8.RuneStart(out[n]) {
			n--
		}
		out = out[:n]
	}
	if strings.TrimSpace(out) == "" {
		out = "sans-nom"
	}
	return out
}

func ts(micros int64) string {
	if micros == 0 {
		return ""
	}
	return time.UnixMicro(micros).UTC().Format(time.RFC3339Nano)
}

// WriteEvidence writes the archive for a set of messages, without checking
// authority: callers do (Evidence, incident export).
func (s *Service) WriteEvidence(ctx context.Context, w io.Writer, title string, ids []int64) error {
	ew := &evidenceWriter{zw: zip.NewWriter(w), sums: map[string]string{}, now: s.now().UTC()}
	senders := map[int64]bool{}
	for _, id := range ids {
		e, err := s.db.MessageByID(ctx, id)
		if err != nil {
			return fmt.Errorf("evidence message %d: %w", id, err)
		}
		senders[e.SenderID] = true
		dir := fmt.Sprintf("messages/%d/", id)
		if err := ew.addJSON(dir+"message.json", map[string]any{
			"id": e.ID, "thread_id": e.ThreadID, "reply_to": e.ParentID, "from": e.Sender, "to": e.To, "subject": e.Subject, "body": e.Body,
			"status": e.Status, "score": e.Score, "reasons": e.Reasons, "sent_at": ts(e.SentAt), "recalled": e.Recalled,
			"establishment": e.UAI, "academie": e.Academie, "fingerprint": e.Fingerprint,
		}); err != nil {
			return err
		}
		rcpts, err := s.db.Recipients(ctx, id)
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		cw := csvsafe.NewWriter(&buf)
		_ = cw.Write([]string{"username", "display_name", "role", "establishment", "class"})
		for _, u := range rcpts {
			_ = cw.Write([]string{u.Username, u.DisplayName, string(u.Role), u.UAI, u.Class})
		}
		cw.Flush()
		if err := ew.add(dir+"recipients.csv", buf.Bytes()); err != nil {
			return err
		}
		atts, err := s.db.Attachments(ctx, id)
		if err != nil {
			return err
		}
		listed := []map[string]any{}
		for _, at := range atts {
			// Read by digest: a recalled message's bytes are still evidence.
			data, err := s.db.Blob(ctx, at.SHA256)
			if err != nil {
				return err
			}
			// The name in the archive is made safe (one line of the
			// manifest, one plain file once extracted); the name as sent is
			// kept in attachments.json.
			name := fmt.Sprintf("%sattachments/%d-%s", dir, at.ID, safeName(at.Name))
			if err := ew.add(name, data); err != nil {
				return err
			}
			listed = append(listed, map[string]any{"id": at.ID, "name": at.Name, "file": name, "content_type": at.ContentType,
				"size": at.Size, "sha256": hex.EncodeToString(at.SHA256)})
		}
		if err := ew.addJSON(dir+"attachments.json", listed); err != nil {
			return err
		}
		reports, err := s.db.MessageReports(ctx, id)
		if err != nil {
			return err
		}
		mine := []map[string]any{}
		for _, r := range reports {
			mine = append(mine, map[string]any{"reporter": r.Reporter, "reason": r.Reason, "at": ts(r.CreatedAt)})
		}
		if err := ew.addJSON(dir+"reports.json", mine); err != nil {
			return err
		}
	}
	var sids []int64
	for id := range senders {
		sids = append(sids, id)
	}
	sort.Slice(sids, func(i, j int) bool { return sids[i] < sids[j] })
	for _, sid := range sids {
		u, err := s.db.UserByID(ctx, sid)
		if err != nil {
			return err
		}
		dir := "senders/" + safeName(u.Username) + "/"
		if err := ew.addJSON(dir+"account.json", map[string]any{"username": u.Username, "display_name": u.DisplayName, "role": u.Role,
			"academie": u.Academie, "establishment": u.UAI, "class": u.Class, "email": u.Email, "read_only": u.ReadOnly}); err != nil {
			return err
		}
		sess, err := s.db.SessionsForEvidence(ctx, sid)
		if err != nil {
			return err
		}
		// Ended sessions too (logout, expiry, revocation, containment):
		// they carry the addresses and browsers of a hijacker.
		ss := []map[string]any{}
		for _, x := range sess {
			ss = append(ss, map[string]any{"created_at": ts(x.CreatedAt), "last_seen": ts(x.LastSeen), "expires_at": ts(x.ExpiresAt),
				"second_factor_at": ts(x.MFAAt), "address": x.Source, "user_agent": x.UserAgent, "network": x.Network,
				"moved_at": ts(x.MovedAt), "ended_at": ts(x.RevokedAt), "end_reason": x.RevokeReason})
		}
		if err := ew.addJSON(dir+"sessions.json", ss); err != nil {
			return err
		}
		devs, err := s.db.DevicesForEvidence(ctx, sid)
		if err != nil {
			return err
		}
		ds := []map[string]any{}
		for _, x := range devs {
			ds = append(ds, map[string]any{"network": x.Network, "browser": x.UAFamily, "first_seen": ts(x.CreatedAt), "last_seen": ts(x.LastSeen),
				"forgotten_at": ts(x.RevokedAt), "forget_reason": x.RevokeReason})
		}
		if err := ew.addJSON(dir+"devices.json", ds); err != nil {
			return err
		}
		// Every entry about the account: what it did and what was done to it.
		entries, err := s.db.AuditFor(ctx, u.Username, 0)
		if err != nil {
			return err
		}
		es := []map[string]any{}
		for _, r := range entries {
			es = append(es, map[string]any{"seq": r.Seq, "chain": r.Chain, "chain_seq": r.ChainSeq, "at": ts(r.At), "actor": r.Actor, "action": r.Action, "target": r.Target,
				"scope": r.Scope, "source": r.Source, "detail": r.Detail, "hash": hex.EncodeToString(r.Hash)})
		}
		if err := ew.addJSON(dir+"audit.json", es); err != nil {
			return err
		}
	}
	if err := ew.addJSON("README.json", map[string]any{"title": "Bouclier\u00a0: éléments de preuve — " + title, "generated_at": ew.now.Format(time.RFC3339),
		"messages": ids, "manifest": ManifestName, "verify": "sha256sum -c " + ManifestName}); err != nil {
		return err
	}
	var m strings.Builder
	for _, n := range ew.names {
		// safeName keeps every name to one plain line; refuse rather than
		// write a manifest that sha256sum -c would misread.
		if strings.ContainsAny(n, "\\\n\r") {
			return fmt.Errorf("evidence: unsafe file name %q", n)
		}
		fmt.Fprintf(&m, "%s  %s\n", ew.sums[n], n)
	}
	f, err := ew.zw.CreateHeader(&zip.FileHeader{Name: ManifestName, Method: zip.Deflate, Modified: ew.now})
	if err != nil {
		return err
	}
	if _, err := io.WriteString(f, m.String()); err != nil {
		return err
	}
	return ew.zw.Close()
}

// VerifyManifest checks an evidence archive: every file listed has the
// digest the manifest gives, and every file is listed. It returns the
// number of files checked.
func VerifyManifest(r io.ReaderAt, size int64) (int, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return 0, err
	}
	files := map[string]*zip.File{}
	var manifest *zip.File
	for _, f := range zr.File {
		if f.Name == ManifestName {
			manifest = f
			continue
		}
		files[f.Name] = f
	}
	if manifest == nil {
		return 0, fmt.Errorf("no %s", ManifestName)
	}
	rc, err := manifest.Open()
	if err != nil {
		return 0, err
	}
	defer rc.Close()
	text, err := io.ReadAll(rc)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(string(text)), "\n") {
		sum, name, ok := strings.Cut(line, "  ")
		f := files[name]
		if !ok || f == nil {
			return n, fmt.Errorf("manifest line %q: no such file", line)
		}
		fr, err := f.Open()
		if err != nil {
			return n, err
		}
		h := sha256.New()
		_, err = io.Copy(h, fr)
		fr.Close()
		if err != nil {
			return n, err
		}
		if hex.EncodeToString(h.Sum(nil)) != sum {
			return n, fmt.Errorf("%s: digest does not match", name)
		}
		delete(files, name)
		n++
	}
	if len(files) > 0 {
		for name := range files {
			return n, fmt.Errorf("%s is not in the manifest", name)
		}
	}
	return n, nil
}
