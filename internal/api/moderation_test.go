package api_test

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"io"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/moderation"
)

// threat is held rather than rejected outright by the screen: a case for
// the "levée de doute".
const threat = "Il y a des explosifs cachés dans les toilettes du bâtiment B."

func inboxSubjects(c *client, tok string) []string {
	var out []string
	for _, m := range c.do("GET", "/api/v1/inbox", tok, nil).Body["messages"].([]any) {
		out = append(out, m.(map[string]any)["subject"].(string))
	}
	return out
}

func has(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestHoldReleaseReject(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		c := newClient(t, e)
		parent := c.login("parent.dupont")
		prof := c.login("prof.martin")
		r := c.send(parent, []string{"user:prof.martin"}, "Alerte", threat)
		if r.Status != 201 || r.Body["status"] != "held" {
			t.Fatalf("threat: %d %s", r.Status, r.Raw)
		}
		held := r.Body["id"].(string)
		if has(inboxSubjects(c, prof), "Alerte") {
			t.Fatal("held message visible to its recipient")
		}
		// Only moderators with authority see the queue.
		if r := c.do("GET", "/api/v1/moderation/queue", prof, nil); r.Status != 403 {
			t.Fatalf("teacher queue: %d", r.Status)
		}
		other := c.login("admin") // national: sees it
		head := c.login("principal.moulin")
		q := c.do("GET", "/api/v1/moderation/queue", head, nil).Body["items"].([]any)
		if len(q) != 1 || q[0].(map[string]any)["id"] != held || len(q[0].(map[string]any)["reasons"].([]any)) == 0 {
			t.Fatalf("head queue: %v", q)
		}
		if n := len(c.do("GET", "/api/v1/moderation/queue", other, nil).Body["items"].([]any)); n != 1 {
			t.Fatalf("national queue: %d", n)
		}
		// A head of another establishment sees nothing and cannot act.
		if r := c.do("POST", "/api/v1/moderation/"+held+"/release", c.login("prof.hugo"), nil); r.Status != 403 {
			t.Fatalf("teacher release: %d", r.Status)
		}
		if r := c.do("POST", "/api/v1/moderation/"+held+"/release", head, nil); r.Status != 204 {
			t.Fatalf("release: %d %s", r.Status, r.Raw)
		}
		if !has(inboxSubjects(c, prof), "Alerte") {
			t.Fatal("released message not delivered")
		}
		if r := c.do("POST", "/api/v1/moderation/"+held+"/release", head, nil); r.Status != 409 {
			t.Fatalf("release twice: %d", r.Status)
		}
		// Reject and lock the sender.
		r = c.send(parent, []string{"user:prof.martin"}, "Encore", threat)
		id := r.Body["id"].(string)
		if r := c.do("POST", "/api/v1/moderation/"+id+"/reject", head, map[string]bool{"lock_sender": true}); r.Status != 204 {
			t.Fatalf("reject: %d %s", r.Status, r.Raw)
		}
		if has(inboxSubjects(c, prof), "Encore") {
			t.Fatal("rejected message delivered")
		}
		if r := c.do("GET", "/api/v1/me", parent, nil); r.Status != 401 {
			t.Fatalf("locked sender's session still valid: %d", r.Status)
		}
		again := c.login("parent.dupont")
		if r := c.send(again, []string{"user:prof.martin"}, "Bonjour", "Simple question sur les devoirs."); r.Status != 403 || r.code() != "forbidden" {
			t.Fatalf("read-only sender: %d %s", r.Status, r.Raw)
		}
		// Plain reject with no body, as the contract's call.
		r = c.send(c.login("parent.durand"), []string{"user:prof.martin"}, "Troisième", threat)
		if r := c.do("POST", "/api/v1/moderation/"+r.Body["id"].(string)+"/reject", head, nil); r.Status != 204 {
			t.Fatalf("reject without body: %d %s", r.Status, r.Raw)
		}
	})
}

func TestReportRecallEvidence(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		c := newClient(t, e)
		prof := c.login("prof.martin")
		pdf := []byte("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
		r := c.do("POST", "/api/v1/messages", prof, map[string]any{"to": []string{"parents:0780001A/4A", "parents:0780001A/4B"}, "subject": "Sortie",
			"body": "Rendez-vous à 8h devant le collège.", "attachments": []map[string]string{{"name": "autorisation.pdf", "base64": base64.StdEncoding.EncodeToString(pdf)}}})
		if r.Status != 201 || r.Body["status"] != "delivered" {
			t.Fatalf("send: %d %s", r.Status, r.Raw)
		}
		id := r.Body["id"].(string)
		p1, p2 := c.login("parent.dupont"), c.login("parent.durand")
		// A recipient reports it; a non-recipient cannot.
		if r := c.do("POST", "/api/v1/messages/"+id+"/report", p1, map[string]string{"reason": "Bizarre"}); r.Status != 204 {
			t.Fatalf("report: %d %s", r.Status, r.Raw)
		}
		if r := c.do("POST", "/api/v1/messages/"+id+"/report", c.login("parent.hugo"), nil); r.Status != 404 {
			t.Fatalf("report by a stranger: %d", r.Status)
		}
		head := c.login("principal.moulin")
		reps := c.do("GET", "/api/v1/moderation/reports", head, nil).Body["reports"].([]any)
		if len(reps) != 1 || reps[0].(map[string]any)["message_id"] != id || reps[0].(map[string]any)["reporter"] != "parent.dupont" {
			t.Fatalf("reports: %v", reps)
		}
		// Evidence, whose manifest verifies.
		ev := httptest.NewRecorder()
		req := httptest.NewRequest("GET", "/api/v1/admin/messages/"+id+"/evidence", nil)
		req.Header.Set("Authorization", "Bearer "+head)
		e.Handler().ServeHTTP(ev, req)
		if ev.Code != 200 || ev.Header().Get("Content-Type") != "application/zip" {
			t.Fatalf("evidence: %d %s", ev.Code, ev.Body)
		}
		zipped := ev.Body.Bytes()
		n, err := moderation.VerifyManifest(bytes.NewReader(zipped), int64(len(zipped)))
		if err != nil || n < 7 {
			t.Fatalf("manifest: %d files, %v", n, err)
		}
		if !bytes.Contains(zipped, []byte("MANIFEST.sha256")) {
			t.Fatal("no manifest")
		}
		// Tampering is detected.
		bad := rewriteZip(t, zipped, "message.json", func(b []byte) []byte { return bytes.Replace(b, []byte("8h"), []byte("9h"), 1) })
		if _, err := moderation.VerifyManifest(bytes.NewReader(bad), int64(len(bad))); err == nil {
			t.Fatal("tampered archive verifies")
		}
		// Recall: gone from every inbox and from the sender's sent folder.
		if r := c.do("POST", "/api/v1/admin/messages/"+id+"/recall", prof, nil); r.Status != 403 {
			t.Fatalf("recall by a teacher: %d", r.Status)
		}
		if r := c.do("POST", "/api/v1/admin/messages/"+id+"/recall", head, nil); r.Status != 204 {
			t.Fatalf("recall: %d %s", r.Status, r.Raw)
		}
		for _, tok := range []string{p1, p2} {
			if has(inboxSubjects(c, tok), "Sortie") {
				t.Fatal("recalled message still in an inbox")
			}
			if r := c.do("GET", "/api/v1/messages/"+id, tok, nil); r.Status != 404 {
				t.Fatalf("recalled message readable: %d", r.Status)
			}
		}
		if n := len(c.do("GET", "/api/v1/sent", prof, nil).Body["messages"].([]any)); n != 0 {
			t.Fatalf("recalled message in the sender's sent folder")
		}
		if n, _ := e.App.DB.RecalledCount(t.Context(), mustUser(t, e, "parent.dupont")); n != 1 {
			t.Fatalf("recalled notice count %d", n)
		}
	})
}

func mustUser(t *testing.T, e *apptest.Env, name string) int64 {
	u, err := e.App.DB.UserByName(t.Context(), name)
	if err != nil {
		t.Fatal(err)
	}
	return u.ID
}

func TestRecallBySenderAndLikeness(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		c := newClient(t, e)
		prof := c.login("prof.martin")
		bern := c.login("prof.bernard")
		start := e.Clock.Now()
		c.send(prof, []string{"user:parent.dupont"}, "Un", "Message numéro un.")
		e.Clock.Advance(time.Minute)
		c.send(prof, []string{"user:parent.dupont"}, "Deux", "Message numéro deux.")
		// The same text, obfuscated differently, from two senders.
		c.send(prof, []string{"user:parent.dupont"}, "Copie A", "Rendez-vous au portail à midi")
		c.send(bern, []string{"user:parent.dupont"}, "Copie B", "RENDEZ-VOUS   au portail à midi !")
		head := c.login("principal.moulin")
		parent := c.login("parent.dupont")
		r := c.do("POST", "/api/v1/admin/recalls", head, map[string]any{"sender": "prof.martin", "from": start.Add(30 * time.Second), "to": start.Add(2 * time.Minute)})
		if r.Status != 200 || r.Body["recalled"] != float64(2) {
			t.Fatalf("recall by sender: %d %s", r.Status, r.Raw)
		}
		got := inboxSubjects(c, parent)
		if has(got, "Deux") || has(got, "Copie A") || !has(got, "Un") {
			t.Fatalf("after recall by sender: %v", got)
		}
		var copyB string
		for _, m := range c.do("GET", "/api/v1/inbox", parent, nil).Body["messages"].([]any) {
			if m.(map[string]any)["subject"] == "Copie B" {
				copyB = m.(map[string]any)["id"].(string)
			}
		}
		c.send(c.login("prof.martin"), []string{"user:parent.durand"}, "Copie C", "Rendez vous au portail a midi")
		r = c.do("POST", "/api/v1/admin/recalls", head, map[string]any{"like": copyB})
		if r.Status != 200 || r.Body["recalled"].(float64) < 2 {
			t.Fatalf("recall like: %d %s", r.Status, r.Raw)
		}
		if has(inboxSubjects(c, parent), "Copie B") || has(inboxSubjects(c, c.login("parent.durand")), "Copie C") {
			t.Fatal("copies left after recall by likeness")
		}
		for _, bad := range []any{map[string]any{}, map[string]any{"sender": "prof.martin", "like": "1"}, map[string]any{"sender": "prof.martin", "from": start, "to": start.Add(-time.Hour)}} {
			if r := c.do("POST", "/api/v1/admin/recalls", head, bad); r.Status != 422 {
				t.Errorf("bad recall %v: %d", bad, r.Status)
			}
		}
	})
}

func TestBlockedDigestAndSuspectDomain(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		c := newClient(t, e)
		video := append([]byte{0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'p', '4', '2'}, bytes.Repeat([]byte("x"), 4000)...)
		sum := sha256.Sum256(video)
		rssi := c.login("rssi.versailles")
		if r := c.do("POST", "/api/v1/admin/screen/blocked-digests", c.login("principal.moulin"), map[string]string{"sha256": hex.EncodeToString(sum[:]), "label": "x"}); r.Status != 403 {
			t.Fatalf("head extends blocklist: %d", r.Status)
		}
		if r := c.do("POST", "/api/v1/admin/screen/blocked-digests", rssi, map[string]string{"sha256": hex.EncodeToString(sum[:]), "label": "Vidéo de mars 2024"}); r.Status != 204 {
			t.Fatalf("block digest: %d %s", r.Status, r.Raw)
		}
		// No waiting: a change made through this process applies at once.
		prof := c.login("prof.martin")
		r := c.do("POST", "/api/v1/messages", prof, map[string]any{"to": []string{"user:cpe.moulin"}, "subject": "Vidéo", "body": "Regardez ça",
			"attachments": []map[string]string{{"name": "cours.mp4", "base64": base64.StdEncoding.EncodeToString(video)}}})
		if r.Status != 422 || r.code() != "rejected_content" {
			t.Fatalf("blocked video: %d %s", r.Status, r.Raw)
		}
		// A domain seen in a held message makes later messages with it suspect.
		// (from a teacher's hijacked account: accounts without a second
		// factor may not send links at all)
		hijacked := c.login("prof.bernard")
		lure := "Votre compte ENT sera suspendu. Vérifiez vos identifiants sur https://ent-verif-compte.example-login.net/connexion avant ce soir."
		r = c.send(hijacked, []string{"user:prof.martin"}, "Compte", lure)
		if r.Status == 201 && r.Body["status"] == "delivered" {
			t.Fatalf("phishing lure delivered: %s", r.Raw)
		}
		r = c.send(prof, []string{"user:cpe.moulin"}, "Lien", "Le document est ici : https://ent-verif-compte.example-login.net/doc")
		if r.Status == 201 && r.Body["status"] == "delivered" {
			t.Fatalf("link to a suspect domain delivered: %s", r.Raw)
		}
		// A hold by the campaign watch (a new link's minute of probation)
		// judges the traffic, not the link: its domain is not suspect.
		r = c.send(prof, []string{"user:cpe.moulin"}, "Sortie", "Le programme de la sortie est ici : https://musee-sortie-groupes.example.org/programme")
		if r.Status != 201 || r.Body["status"] != "held" {
			t.Fatalf("a teacher's new link: %d %s, want held for its probation", r.Status, r.Raw)
		}
		suspect, err := e.App.DB.SuspectDomains(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(suspect, "ent-verif-compte.example-login.net") || slices.ContainsFunc(suspect, func(d string) bool { return strings.Contains(d, "musee-sortie") }) {
			t.Errorf("suspect domains %v: want the lure's, not the probation's", suspect)
		}
	})
}

// rewriteZip returns a copy of an archive with the files whose name ends
// with suffix changed by fn.
func rewriteZip(t *testing.T, data []byte, suffix string, fn func([]byte) []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		if strings.HasSuffix(f.Name, suffix) {
			b = fn(b)
		}
		w, _ := zw.Create(f.Name)
		w.Write(b)
	}
	zw.Close()
	return out.Bytes()
}
