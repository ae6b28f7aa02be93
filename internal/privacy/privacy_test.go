package privacy_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/messaging"
	"github.com/bouclier/bouclier/internal/store"
)

func send(t *testing.T, e *apptest.Env, sess auth.Session, to []string, subject, body string, atts ...messaging.Attachment) int64 {
	t.Helper()
	d := messaging.Draft{To: to, Subject: subject, Body: body, Attachments: atts, SessionID: sess.PublicID}
	res, err := e.App.Messaging.Send(auth.WithSession(context.Background(), sess), sess.User, d, "test")
	if err != nil || res.Status != bouclier.StatusDelivered {
		t.Fatalf("send %q: %+v %v", subject, res, err)
	}
	return res.ID
}

// login opens a session for username from another address than the
// test client's, with its second factor when it has one.
func login(t *testing.T, e *apptest.Env, username string, c auth.Client) auth.Session {
	t.Helper()
	ctx := context.Background()
	e.Clock.Advance(31 * time.Second)
	req := auth.LoginRequest{Username: username, Password: apptest.Password, Client: c}
	res, err := e.App.Auth.LoginWith(ctx, req)
	if bouclier.ErrorCode(err) == bouclier.ErrOTPRequired {
		req.OTP = e.OTP(t, 0)
		res, err = e.App.Auth.LoginWith(ctx, req)
	}
	if err != nil {
		t.Fatalf("login %s: %v", username, err)
	}
	sess, err := e.App.Auth.AuthenticateClient(ctx, res.Token, c)
	if err != nil {
		t.Fatal(err)
	}
	return sess
}

// unzip returns the archive's files by name.
func unzip(t *testing.T, b []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("not a ZIP: %v", err)
	}
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name] = data
	}
	return out
}

var safe = regexp.MustCompile(`^(pieces-jointes/(envoyes|recus)/)?[0-9A-Za-z_À-ɏ-][0-9A-Za-z._À-ɏ-]*$`)

// fixture writes data for parent.dupont and, beside it, for others: the
// strings in others must never appear in parent.dupont's archive.
type fixture struct {
	received, sent int64
	attachment     []byte
	others         []string
}

func seed(t *testing.T, e *apptest.Env) fixture {
	t.Helper()
	ctx := context.Background()
	db := e.App.DB
	f := fixture{attachment: []byte("Liste des accompagnateurs\u00a0: Mme Dupont.\n")}
	prof := e.Login(t, "prof.martin")
	// A message to two families: each sees the sender, not the other.
	f.received = send(t, e, prof, []string{"user:parent.dupont", "user:parent.durand"}, "Sortie au musée", "Bonjour, la sortie a lieu jeudi.",
		messaging.Attachment{Name: "..liste\u00a0: élèves?*\r\n.txt", ContentType: "text/plain", Data: f.attachment})
	mine := login(t, e, "parent.dupont", auth.Client{Address: "203.0.113.5", UserAgent: apptest.TestClient.UserAgent})
	f.sent = send(t, e, mine, []string{"user:prof.martin"}, "Accompagnement", "Je peux accompagner la sortie. MOT-DE-DUPONT")
	if err := db.SaveDraft(ctx, &store.Draft{UserID: mine.User.ID, To: []string{"user:prof.martin"}, Subject: "Brouillon", Body: "BROUILLON-DE-DUPONT"}); err != nil {
		t.Fatal(err)
	}
	// Others' data: a message and a draft of the other parent, their
	// session from their own address, and a message between others.
	other := login(t, e, "parent.durand", auth.Client{Address: "198.51.100.77", UserAgent: "Mozilla/5.0 (Macintosh) Safari/17.0"})
	send(t, e, other, []string{"user:prof.martin"}, "Absence", "Mon fils sera absent. SECRET-DE-DURAND")
	if err := db.SaveDraft(ctx, &store.Draft{UserID: other.User.ID, To: []string{"user:prof.martin"}, Subject: "Brouillon", Body: "BROUILLON-DE-DURAND"}); err != nil {
		t.Fatal(err)
	}
	send(t, e, prof, []string{"user:parent.durand"}, "Conseil de classe", "Le conseil aura lieu mardi. SECRET-DU-PROF")
	f.others = []string{"parent.durand", "Paul Durand", "198.51.100.77", "Safari", "SECRET-DE-DURAND", "BROUILLON-DE-DURAND", "SECRET-DU-PROF",
		// The teacher's own sessions and credentials.
		apptest.TestClient.Address}
	return f
}

// check verifies parent.dupont's archive: everything about them, nothing
// about others, safe names.
func check(t *testing.T, e *apptest.Env, f fixture, b []byte) {
	t.Helper()
	files := unzip(t, b)
	for _, name := range []string{"LISEZMOI.txt", "compte.json", "messages-envoyes.json", "messages-recus.json", "brouillons.json",
		"sessions.json", "navigateurs.json", "avis-de-securite.json", "journal.json"} {
		if _, ok := files[name]; !ok {
			t.Errorf("no %s in %v", name, keys(files))
		}
	}
	var all strings.Builder
	var att string
	for name, data := range files {
		if !safe.MatchString(name) || strings.Contains(name, "..") {
			t.Errorf("unsafe name %q", name)
		}
		if strings.HasPrefix(name, "pieces-jointes/") {
			att = name
			if !bytes.Equal(data, f.attachment) {
				t.Errorf("attachment %s: %q", name, data)
			}
		}
		all.WriteString(name + "\n" + string(data) + "\n")
	}
	if att == "" {
		t.Errorf("no attachment in %v", keys(files))
	}
	text := all.String()
	for _, want := range []string{"parent.dupont", "Marie Dupont", "eleve.dupont", "Sortie au musée", "Sophie Martin", "MOT-DE-DUPONT",
		"BROUILLON-DE-DUPONT", "203.0.113.5", "login.success", "liste___élèves____.txt"} {
		if !strings.Contains(text, want) {
			t.Errorf("archive lacks %q", want)
		}
	}
	for _, leak := range f.others {
		if strings.Contains(text, leak) {
			i := strings.Index(text, leak)
			t.Errorf("archive holds others' data %q: …%s…", leak, text[max(0, i-120):min(len(text), i+60)])
		}
	}
	var recv []map[string]any
	if err := json.Unmarshal(files["messages-recus.json"], &recv); err != nil || len(recv) != 1 {
		t.Fatalf("received: %s %v", files["messages-recus.json"], err)
	}
	if recv[0]["de"] != "prof.martin" || int64(recv[0]["id"].(float64)) != f.received {
		t.Errorf("received message: %v", recv[0])
	}
	var sent []map[string]any
	if err := json.Unmarshal(files["messages-envoyes.json"], &sent); err != nil || len(sent) != 1 || int64(sent[0]["id"].(float64)) != f.sent {
		t.Errorf("sent: %s %v", files["messages-envoyes.json"], err)
	}
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// audited returns the entries of an action on a target.
func audited(t *testing.T, db *store.DB, action, target string) []store.AuditRow {
	t.Helper()
	var out []store.AuditRow
	err := db.EachAudit(context.Background(), func(r store.AuditRow) error {
		if r.Action == action && r.Target == target {
			out = append(out, r)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestExportOwn(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		ctx := context.Background()
		f := seed(t, e)
		a := auth.ActorFor(login(t, e, "parent.dupont", auth.Client{Address: "203.0.113.5", UserAgent: apptest.TestClient.UserAgent}),
			auth.Client{Address: "203.0.113.5", UserAgent: apptest.TestClient.UserAgent})
		var buf bytes.Buffer
		if err := e.App.Privacy.ExportOwn(ctx, a, &buf); err != nil {
			t.Fatal(err)
		}
		check(t, e, f, buf.Bytes())
		if got := audited(t, e.App.DB, "privacy.export", "user:parent.dupont"); len(got) != 1 || got[0].Actor != "parent.dupont" {
			t.Errorf("export audit: %+v", got)
		}

		// Eleven minutes on, the login is no longer fresh: step-up first,
		// and nothing is written.
		e.Clock.Advance(11 * time.Minute)
		buf.Reset()
		if err := e.App.Privacy.ExportOwn(ctx, a, &buf); bouclier.ErrorCode(err) != bouclier.ErrStepUpRequired || buf.Len() != 0 {
			t.Errorf("stale session: %v, %d bytes", err, buf.Len())
		}
		// No session: nothing.
		if err := e.App.Privacy.ExportOwn(ctx, bouclier.Actor{User: a.User}, &buf); bouclier.ErrorCode(err) != bouclier.ErrUnauthenticated {
			t.Errorf("no session: %v", err)
		}
	})
}

func TestExportFor(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		ctx := context.Background()
		f := seed(t, e)
		for _, tc := range []struct {
			actor, target string
			code          bouclier.Code
		}{
			{"cpe.moulin", "parent.dupont", bouclier.ErrForbidden},       // staff: authority for urgent sends, not this
			{"prof.martin", "parent.dupont", bouclier.ErrForbidden},      // no authority
			{"principal.moulin", "parent.hugo", bouclier.ErrForbidden},   // another establishment
			{"rssi.versailles", "parent.reunion", bouclier.ErrForbidden}, // another académie
			{"admin", "personne.inconnue", bouclier.ErrNotFound},
		} {
			a := e.Actor(t, tc.actor)
			var buf bytes.Buffer
			err := e.App.Privacy.ExportFor(ctx, a, tc.target, &buf)
			if bouclier.ErrorCode(err) != tc.code || buf.Len() != 0 {
				t.Errorf("%s exports %s: %v (%d bytes), want %s", tc.actor, tc.target, err, buf.Len(), tc.code)
			}
			if tc.code == bouclier.ErrForbidden {
				denied := audited(t, e.App.DB, "privilege.denied", "privacy.export")
				found := false
				for _, d := range denied {
					found = found || d.Actor == tc.actor
				}
				if !found {
					t.Errorf("%s’s refusal not audited", tc.actor)
				}
			}
		}
		if got := audited(t, e.App.DB, "privacy.export", "user:parent.dupont"); len(got) != 0 {
			t.Fatalf("refused exports audited as done: %+v", got)
		}
		for _, who := range []string{"principal.moulin", "admin"} {
			var buf bytes.Buffer
			if err := e.App.Privacy.ExportFor(ctx, e.Actor(t, who), "parent.dupont", &buf); err != nil {
				t.Fatalf("%s: %v", who, err)
			}
			check(t, e, f, buf.Bytes())
		}
		got := audited(t, e.App.DB, "privacy.export", "user:parent.dupont")
		if len(got) != 2 || got[0].Actor != "principal.moulin" || got[1].Actor != "admin" || !strings.HasPrefix(got[1].Detail, "on request") {
			t.Errorf("export audit: %+v", got)
		}
	})
}
