package moderation_test

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/audit"
	"github.com/bouclier/bouclier/internal/directory"
	"github.com/bouclier/bouclier/internal/moderation"
	"github.com/bouclier/bouclier/internal/store"
	"github.com/bouclier/bouclier/internal/storetest"
)

// TestEvidenceWhole: the evidence pack of a message from a contained
// account keeps the ended sessions (addresses and browsers of whoever used
// it), every audit entry about the account, and attachments with hostile
// names, under names that `sha256sum -c` checks.
func TestEvidenceWhole(t *testing.T) {
	t.Parallel()
	sha256sum, err := exec.LookPath("sha256sum")
	if err != nil {
		t.Fatalf("sha256sum (coreutils) is needed: %v", err)
	}
	hostile := []string{
		"devoirs\r\nfaux  fichier.pdf",
		`"cité".txt`,
		`dossier\sous\fichier.doc`,
		"../../etc/passwd",
		"..",
		"   ",
		"a\x01b\tc\u202eexe.txt",
		"rapport d’incident — version 2.pdf",
		strings.Repeat("é", 200) + ".txt",
	}
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Date(2026, 11, 24, 13, 0, 0, 0, time.UTC)
		var sender, rcpt, msg int64
		err := db.InTx(ctx, func(tx *store.Tx) error {
			var err error
			if sender, err = tx.UpsertUser(ctx, bouclier.User{Username: "prof.pirate", DisplayName: "Prof", Role: bouclier.RoleTeacher}, "", now); err != nil {
				return err
			}
			if rcpt, err = tx.UpsertUser(ctx, bouclier.User{Username: "eleve.cible", DisplayName: "Élève", Role: bouclier.RoleStudent}, "", now); err != nil {
				return err
			}
			for i, ua := range []string{"Mozilla/5.0 (Hijacker)", "curl/8.0"} {
				if err := tx.CreateSession(ctx, store.Session{TokenHash: []byte{byte(i + 1)}, UserID: sender, CreatedAt: store.Micros(now), LastSeen: store.Micros(now),
					ExpiresAt: store.Micros(now.Add(time.Hour)), Source: "203.0.113." + string(rune('7'+i)), UserAgent: ua, PublicID: "s" + string(rune('a'+i))}); err != nil {
					return err
				}
			}
			if msg, err = tx.InsertMessage(ctx, &bouclier.Message{SenderID: sender, Subject: "Alerte", Body: "menace", Status: bouclier.StatusDelivered, SentAt: store.Micros(now)}, []int64{rcpt}); err != nil {
				return err
			}
			for _, name := range hostile {
				data := []byte("pièce " + name)
				sum := sha(data)
				if err := tx.PutBlob(ctx, sum, data); err != nil {
					return err
				}
				if _, err := tx.InsertAttachment(ctx, store.Attachment{MessageID: msg, Name: name, ContentType: "text/plain", Size: int64(len(data)), SHA256: sum}); err != nil {
					return err
				}
			}
			// Containment: the account is locked and its sessions end.
			if err := tx.LockSender(ctx, sender, "academie:versailles", store.Micros(now.Add(time.Minute)), "campaign containment"); err != nil {
				return err
			}
			for _, e := range []audit.Entry{
				{At: now, Actor: "prof.pirate", Action: "message.sent", Target: "message:1"},
				{At: now, Actor: "system", Action: "campaign.contain", Target: "user:prof.pirate"},
				{At: now, Actor: "rssi.versailles", Action: "account.lock", Target: "user:prof.pirate"},
				{At: now, Actor: "rssi.versailles", Action: "account.lock", Target: "user:prof.pirate.bis"},
			} {
				if err := audit.Append(ctx, tx, e); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		svc, err := moderation.New(db, directory.New(db), refuseAll{}, func() time.Time { return now }, slog.New(slog.NewTextHandler(io.Discard, nil)))
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := svc.WriteEvidence(ctx, &buf, "test", []int64{msg}); err != nil {
			t.Fatal(err)
		}
		if _, err := moderation.VerifyManifest(bytes.NewReader(buf.Bytes()), int64(buf.Len())); err != nil {
			t.Fatalf("manifest: %v", err)
		}
		dir := t.TempDir()
		files := unzip(t, buf.Bytes(), dir)
		cmd := exec.Command(sha256sum, "-c", moderation.ManifestName)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("sha256sum -c: %v\n%s", err, out)
		}
		if got := strings.Count(string(out), ": OK\n"); got != len(files)-1 {
			t.Errorf("sha256sum checked %d files, the archive has %d besides the manifest:\n%s", got, len(files)-1, out)
		}

		var sessions []map[string]string
		readJSON(t, dir, "senders/prof.pirate/sessions.json", &sessions)
		if len(sessions) != 2 {
			t.Fatalf("sessions.json has %d sessions, want the 2 ended by containment: %v", len(sessions), sessions)
		}
		for _, s := range sessions {
			if !strings.HasPrefix(s["address"], "203.0.113.") || s["user_agent"] == "" || s["ended_at"] == "" || s["end_reason"] != "campaign containment" {
				t.Errorf("ended session lacks its evidence: %v", s)
			}
		}
		var entries []map[string]any
		readJSON(t, dir, "senders/prof.pirate/audit.json", &entries)
		got := map[string]bool{}
		for _, e := range entries {
			got[e["action"].(string)+" "+e["target"].(string)] = true
		}
		for _, want := range []string{"message.sent message:1", "campaign.contain user:prof.pirate", "account.lock user:prof.pirate"} {
			if !got[want] {
				t.Errorf("audit.json lacks %q: %v", want, got)
			}
		}
		if got["account.lock user:prof.pirate.bis"] || len(entries) != 3 {
			t.Errorf("audit.json has %d entries, want exactly the 3 about the account: %v", len(entries), got)
		}
		var atts []map[string]any
		readJSON(t, dir, "messages/1/attachments.json", &atts)
		names := map[string]bool{}
		for _, a := range atts {
			names[a["name"].(string)] = true
		}
		for _, h := range hostile {
			if !names[h] {
				t.Errorf("attachments.json lacks the original name %q", h)
			}
		}
	})
}

func sha(b []byte) []byte {
	s := sha256.Sum256(b)
	return s[:]
}

// unzip extracts an archive into dir, failing on any name that is not a
// plain local path, and returns the names.
func unzip(t *testing.T, data []byte, dir string) []string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		if !filepath.IsLocal(f.Name) || strings.ContainsAny(f.Name, "\\\r\n\"'") {
			t.Fatalf("unsafe name in the archive: %q", f.Name)
		}
		names = append(names, f.Name)
		p := filepath.Join(dir, f.Name)
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			t.Fatal(err)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(p); err == nil {
			t.Fatalf("two entries extract to %q", f.Name)
		}
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return names
}

func readJSON(t *testing.T, dir, name string, v any) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// refuseAll authorizes nothing: WriteEvidence, which this test calls, is
// the service's own writer and needs no actor.
type refuseAll struct{}

func (refuseAll) Authorize(context.Context, bouclier.Actor, string, bouclier.Privilege, string) error {
	return bouclier.Errorf(bouclier.ErrForbidden, "refusé")
}
