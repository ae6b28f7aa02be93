package notify_test

import (
	"context"
	"io"
	"log/slog"
	"mime/quotedprintable"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/alert/smtptest"
	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/messaging"
	"github.com/bouclier/bouclier/internal/notify"
	"github.com/bouclier/bouclier/internal/store"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// paris returns an instant on the wall clock of Paris.
func paris(t *testing.T, y int, m time.Month, d, h, min int) time.Time {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	return time.Date(y, m, d, h, min, 0, 0, loc)
}

// setup puts the 2025 preset (quiet hours evenings and weekends) in force
// nationally and gives some demo accounts an e-mail address.
func setup(t *testing.T, e *apptest.Env, names ...string) {
	t.Helper()
	ctx := context.Background()
	if err := e.App.Rules.ApplyPreset(ctx, bouclier.SystemActor("test"), "disconnect-2025", "national"); err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		u, err := e.App.DB.UserByName(ctx, n)
		if err != nil {
			t.Fatal(err)
		}
		u.Email = n + "@example.org"
		if err := e.App.DB.InTx(ctx, func(tx *store.Tx) error {
			_, err := tx.UpsertUser(ctx, u, "", e.Clock.Now())
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
}

func service(t *testing.T, e *apptest.Env, relay string, edit ...func(*notify.Config)) *notify.Service {
	t.Helper()
	cfg := notify.Config{SMTPAddr: relay, From: "notifications@bouclier.example", BaseURL: "https://bouclier.example",
		Key: []byte("a test key of thirty-two bytes!!")}
	for _, f := range edit {
		f(&cfg)
	}
	s, err := notify.New(e.App.DB, e.App.Rules, cfg, e.Clock.Now, quiet)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func user(t *testing.T, e *apptest.Env, name string) bouclier.User {
	t.Helper()
	u, err := e.App.DB.UserByName(context.Background(), name)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func send(t *testing.T, e *apptest.Env, from, subject, body string, to ...string) messaging.Result {
	t.Helper()
	res, err := e.App.Messaging.Send(auth.InProcess(context.Background()), user(t, e, from), messaging.Draft{To: to, Subject: subject, Body: body}, "test")
	if err != nil {
		t.Fatalf("send from %s: %v", from, err)
	}
	return res
}

func run(t *testing.T, s *notify.Service) {
	t.Helper()
	if err := s.RunOnce(context.Background()); err != nil {
		t.Fatalf("notify pass: %v", err)
	}
}

// mail is a received e-mail, its text decoded.
type mail struct {
	smtptest.Message
	Text string
}

func received(t *testing.T, srv *smtptest.Server) []mail {
	t.Helper()
	var out []mail
	for _, m := range srv.Messages(t) {
		b, err := io.ReadAll(quotedprintable.NewReader(strings.NewReader(m.Body)))
		if err != nil {
			t.Fatalf("decode body: %v", err)
		}
		out = append(out, mail{Message: m, Text: strings.ReplaceAll(string(b), "\r\n", "\n")})
	}
	return out
}

func to(ms []mail, addr string) []mail {
	var out []mail
	for _, m := range ms {
		if m.To == addr {
			out = append(out, m)
		}
	}
	return out
}

// TestImmediateAndDigest: a parent with the default (immediate) gets one
// e-mail per message with its text and the unsubscribe headers; a parent
// who chose the digest gets one e-mail at the digest hour listing both
// messages; passes run again, by this process or another, send nothing
// twice.
func TestImmediateAndDigest(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		relay := smtptest.Start(t)
		ctx := context.Background()
		setup(t, e, "parent.dupont", "parent.durand", "prof.martin")
		ns := service(t, e, relay.Addr)
		if err := ns.SetMode(ctx, e.Actor(t, "parent.durand"), notify.Digest); err != nil {
			t.Fatal(err)
		}
		e.Clock.Set(paris(t, 2026, 11, 24, 14, 0)) // a Tuesday
		tag := e.Name + "-" + strings.ReplaceAll(t.Name(), "/", "-")
		send(t, e, "prof.martin", "Sortie "+tag, "Rendez-vous à 8 h devant le collège.", "parents:0780001A/4A", "parents:0780001A/4B")
		run(t, ns)
		got := to(received(t, relay), "parent.dupont@example.org")
		var mine []mail
		for _, m := range got {
			if strings.Contains(m.Subject, tag) {
				mine = append(mine, m)
			}
		}
		if len(mine) != 1 {
			t.Fatalf("parent.dupont: %d e-mails about %s, want 1 (all: %+v)", len(mine), tag, got)
		}
		m := mine[0]
		// The sender is named with the directory's civility, and her role
		// agrees with it.
		if !strings.Contains(m.Text, "Rendez-vous à 8 h devant le collège.") || !strings.Contains(m.Text, "Vous avez un nouveau message de Mme\u00a0Sophie Martin (enseignante).") {
			t.Errorf("immediate e-mail text: %q", m.Text)
		}
		lu := m.Header.Get("List-Unsubscribe")
		if !strings.HasPrefix(lu, "<https://bouclier.example"+notify.UnsubscribePath+"?t=") || !strings.HasSuffix(lu, ">") {
			t.Errorf("List-Unsubscribe = %q", lu)
		}
		if p := m.Header.Get("List-Unsubscribe-Post"); p != "List-Unsubscribe=One-Click" {
			t.Errorf("List-Unsubscribe-Post = %q", p)
		}
		if !strings.Contains(m.Text, ns.UnsubscribeURL(user(t, e, "parent.dupont").ID)) {
			t.Errorf("the text does not carry the unsubscribe link: %q", m.Text)
		}
		durand := func() []mail { return to(received(t, relay), "parent.durand@example.org") }
		if n := len(durand()); n != 0 {
			t.Fatalf("digest reader got %d e-mails before the digest hour", n)
		}
		e.Clock.Set(paris(t, 2026, 11, 24, 14, 30))
		send(t, e, "prof.martin", "Réunion "+tag, "Réunion parents-professeurs jeudi.", "parents:0780001A/4B")
		run(t, ns)
		if n := len(durand()); n != 0 {
			t.Fatalf("digest reader got %d e-mails before the digest hour", n)
		}
		e.Clock.Set(paris(t, 2026, 11, 24, 17, 0))
		run(t, ns)
		run(t, service(t, e, relay.Addr)) // another process
		d := durand()
		if len(d) != 1 {
			t.Fatalf("digest: %d e-mails, want 1", len(d))
		}
		for _, want := range []string{"2 nouveaux messages", "Sortie " + tag, "Réunion " + tag, "https://bouclier.example/messages/"} {
			if !strings.Contains(d[0].Subject+d[0].Text, want) {
				t.Errorf("digest lacks %q: %q %q", want, d[0].Subject, d[0].Text)
			}
		}
		if n := len(to(received(t, relay), "parent.dupont@example.org")); n != 1 {
			t.Errorf("parent.dupont (4A, first message only): %d e-mails, want 1", n)
		}
		if n := len(to(received(t, relay), "prof.martin@example.org")); n != 0 {
			t.Errorf("the sender was told of their own message (%d e-mails)", n)
		}
	})
}

// TestQuietHours: under the 2025 preset nothing is sent at 23:30 nor on
// Saturday; at the reopening, Monday 07:00, every e-mail goes, including
// those of a message sent in quiet hours and delivered then.
func TestQuietHours(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		relay := smtptest.Start(t)
		ctx := context.Background()
		setup(t, e, "parent.dupont", "parent.durand")
		ns := service(t, e, relay.Addr)
		tag := e.Name + "-" + strings.ReplaceAll(t.Name(), "/", "-")
		mine := func() []mail {
			var out []mail
			for _, m := range received(t, relay) {
				if strings.Contains(m.Subject+m.Text, tag) {
					out = append(out, m)
				}
			}
			return out
		}
		// Friday 19:55, still open: the message is delivered, the
		// notification pass comes only at 23:30.
		e.Clock.Set(paris(t, 2026, 11, 27, 19, 55))
		if res := send(t, e, "prof.martin", "Vendredi "+tag, "Texte du vendredi.", "parents:0780001A/4A", "parents:0780001A/4B"); res.Status != bouclier.StatusDelivered {
			t.Fatalf("Friday 19:55: status %s", res.Status)
		}
		e.Clock.Set(paris(t, 2026, 11, 27, 23, 30))
		if res := send(t, e, "prof.martin", "Nuit "+tag, "Texte de la nuit.", "parents:0780001A/4A"); res.Status != bouclier.StatusDeferred {
			t.Fatalf("Friday 23:30: status %s, want deferred", res.Status)
		}
		run(t, ns)
		if n := len(mine()); n != 0 {
			t.Fatalf("%d e-mails at 23:30", n)
		}
		e.Clock.Set(paris(t, 2026, 11, 28, 10, 0))
		// An urgent message (the head's emergency override) is excepted:
		// it is delivered and told at once, on Saturday.
		res, err := e.App.Messaging.Send(auth.InProcess(ctx), user(t, e, "principal.moulin"), messaging.Draft{To: []string{"parents:0780001A/4A"},
			Subject: "Alerte " + e.Name, Body: "Le collège est fermé lundi.", Urgent: true, UrgentReason: "fermeture imprévue"}, "test")
		if err != nil || res.Status != bouclier.StatusDelivered {
			t.Fatalf("urgent send: %v %v", res.Status, err)
		}
		run(t, ns)
		if n := len(mine()); n != 0 {
			t.Fatalf("%d e-mails on Saturday", n)
		}
		var urgent []mail
		for _, m := range received(t, relay) {
			if strings.Contains(m.Subject, "Alerte "+e.Name) {
				urgent = append(urgent, m)
			}
		}
		if len(urgent) != 1 || urgent[0].To != "parent.dupont@example.org" || !strings.Contains(urgent[0].Text, "Le collège est fermé lundi.") {
			t.Fatalf("urgent message on Saturday: %+v", urgent)
		}
		e.Clock.Set(paris(t, 2026, 11, 30, 7, 0))
		if _, err := e.App.Messaging.DeliverDue(ctx); err != nil {
			t.Fatal(err)
		}
		run(t, ns)
		got := mine()
		want := map[string]int{"parent.dupont@example.org": 2, "parent.durand@example.org": 1}
		for addr, n := range want {
			if k := len(to(got, addr)); k != n {
				t.Errorf("%s: %d e-mails at the reopening, want %d", addr, k, n)
			}
		}
		if len(got) != 3 {
			t.Errorf("%d e-mails at the reopening, want 3", len(got))
		}
	})
}

// TestPupilNoBody: a pupil's e-mail (the daily digest by default) says
// who wrote and links to the message, without its subject or text.
func TestPupilNoBody(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		relay := smtptest.Start(t)
		setup(t, e, "eleve.dupont")
		ns := service(t, e, relay.Addr)
		e.Clock.Set(paris(t, 2026, 11, 24, 10, 0))
		res := send(t, e, "prof.martin", "Sortie au musée", "Rendez-vous à 8 h devant le collège avec 5 euros.", "class:0780001A/4A")
		run(t, ns)
		if n := len(to(received(t, relay), "eleve.dupont@example.org")); n != 0 {
			t.Fatalf("pupil e-mailed before the digest hour (%d)", n)
		}
		e.Clock.Set(paris(t, 2026, 11, 24, 17, 0))
		run(t, ns)
		got := to(received(t, relay), "eleve.dupont@example.org")
		if len(got) != 1 {
			t.Fatalf("pupil: %d e-mails, want 1", len(got))
		}
		m := got[0]
		if !strings.Contains(m.Text, "Vous avez un nouveau message de") || !strings.Contains(m.Text, "https://bouclier.example/messages/") {
			t.Errorf("pupil e-mail: %q", m.Text)
		}
		for _, leak := range []string{"musée", "Rendez-vous", "euros", "Sortie"} {
			if strings.Contains(m.Subject+m.Text, leak) {
				t.Errorf("pupil e-mail carries %q: %q / %q", leak, m.Subject, m.Text)
			}
		}
		_ = res
	})
}

// TestUnsubscribe: the link of the e-mail's List-Unsubscribe header,
// POSTed as RFC 8058 says (no cookie, no form token), turns notifications
// off; a wrong or altered token is refused and changes nothing; GET only
// asks for confirmation. The route is mounted on the application.
func TestUnsubscribe(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		relay := smtptest.Start(t)
		ctx := context.Background()
		setup(t, e, "parent.dupont", "parent.durand")
		ns := service(t, e, relay.Addr)
		srv := httptest.NewServer(ns.Handler())
		t.Cleanup(srv.Close)
		e.Clock.Set(paris(t, 2026, 11, 24, 10, 0))
		send(t, e, "prof.martin", "Information", "Bonjour.", "parents:0780001A/4A")
		run(t, ns)
		got := to(received(t, relay), "parent.dupont@example.org")
		if len(got) == 0 {
			t.Fatal("no e-mail")
		}
		link := strings.Trim(got[len(got)-1].Header.Get("List-Unsubscribe"), "<>")
		u, err := url.Parse(link)
		if err != nil {
			t.Fatal(err)
		}
		post := func(base, pathQuery string) int {
			t.Helper()
			resp, err := http.Post(base+pathQuery, "application/x-www-form-urlencoded", strings.NewReader("List-Unsubscribe=One-Click"))
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			return resp.StatusCode
		}
		mode := func(name string) string {
			m, err := e.App.DB.NotifyMode(ctx, user(t, e, name).ID)
			if err != nil {
				t.Fatal(err)
			}
			return m
		}
		durand := user(t, e, "parent.durand").ID
		good := ns.Token(durand)
		id, sig, _ := strings.Cut(good, ".")
		flip := "A"
		if sig[0] == 'A' {
			flip = "B"
		}
		bad := []string{"", "x", good[:len(good)-2], id + "." + flip + sig[1:], ns.Token(durand + 1)[:strings.Index(ns.Token(durand+1), ".")] + "." + sig,
			"0" + good, service(t, e, "", func(c *notify.Config) { c.Key = []byte("another key of thirty-two bytes!") }).Token(durand)}
		for _, tok := range bad {
			if c := post(srv.URL, notify.UnsubscribePath+"?t="+url.QueryEscape(tok)); c != http.StatusNotFound {
				t.Errorf("token %q: status %d, want 404", tok, c)
			}
		}
		if m := mode("parent.durand"); m != "" {
			t.Errorf("a refused token changed the mode to %q", m)
		}
		resp, err := http.Get(srv.URL + u.RequestURI())
		if err != nil {
			t.Fatal(err)
		}
		page, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || !strings.Contains(string(page), "Me désabonner") || mode("parent.dupont") != "" {
			t.Errorf("GET: status %d, mode %q, page %q", resp.StatusCode, mode("parent.dupont"), page)
		}
		if c := post(srv.URL, u.RequestURI()); c != http.StatusOK {
			t.Fatalf("one-click POST: status %d", c)
		}
		if m := mode("parent.dupont"); m != string(notify.None) {
			t.Fatalf("mode after unsubscribe: %q", m)
		}
		before := len(received(t, relay))
		send(t, e, "prof.martin", "Information 2", "Bonjour encore.", "parents:0780001A/4A")
		run(t, ns)
		if n := len(received(t, relay)); n != before {
			t.Errorf("%d e-mails sent after unsubscribing", n-before)
		}
		// The application serves the same route outside the session and
		// cross-site checks: a bare POST with the token works.
		app := e.Server(t)
		if c := post(app.URL, notify.UnsubscribePath+"?t="+e.App.Notify.Token(durand)); c != http.StatusOK {
			t.Errorf("application route: status %d", c)
		}
		if c := post(app.URL, notify.UnsubscribePath+"?t="+good); c != http.StatusNotFound {
			t.Errorf("application route with another key's token: status %d", c)
		}
		if m := mode("parent.durand"); m != string(notify.None) {
			t.Errorf("mode after the application's route: %q", m)
		}
	})
}

// blackhole accepts connections and never answers: a relay that hangs.
func blackhole(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var conns []net.Conn
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		mu.Lock()
		for _, c := range conns {
			c.Close()
		}
		mu.Unlock()
	})
	return ln.Addr().String()
}

// TestFailingRelay: with a relay that hangs, sends go on and succeed
// while the worker runs; the e-mail stays in the outbox, is tried again
// after a backoff that doubles, and goes out once a relay answers (here
// another process, configured with a working relay). An e-mail that keeps
// failing is given up after MaxAttempts.
func TestFailingRelay(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		relay := smtptest.Start(t)
		ctx := context.Background()
		setup(t, e, "parent.dupont", "parent.durand")
		dead := service(t, e, blackhole(t), func(c *notify.Config) { c.Timeout = 200 * time.Millisecond })
		e.Clock.Set(paris(t, 2026, 11, 24, 10, 0))
		wctx, stop := context.WithCancel(ctx)
		done := make(chan struct{})
		go func() { dead.Run(wctx, 10*time.Millisecond); close(done) }()
		for i := range 5 {
			if res := send(t, e, "prof.martin", "Information", "Message numéro "+string(rune('A'+i)), "parents:0780001A/4A"); res.Status != bouclier.StatusDelivered {
				t.Errorf("send %d beside a hung relay: %s", i, res.Status)
			}
		}
		stop()
		<-done
		run(t, dead) // whatever the loop had not reached yet
		uid := user(t, e, "parent.dupont").ID
		mails, err := e.App.DB.UserMails(ctx, uid, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(mails) != 5 {
			t.Fatalf("%d e-mails in the outbox, want 5", len(mails))
		}
		for _, m := range mails {
			if m.State != "queued" || m.Attempts != 1 || m.LastError == "" || m.NextAt != store.Micros(e.Clock.Now().Add(time.Minute)) {
				t.Errorf("after one failure: state %s attempts %d next %v error %q", m.State, m.Attempts, time.UnixMicro(m.NextAt), m.LastError)
			}
		}
		run(t, dead) // not due yet: no second attempt
		e.Clock.Advance(time.Minute)
		run(t, dead)
		mails, _ = e.App.DB.UserMails(ctx, uid, 10)
		for _, m := range mails {
			if m.Attempts != 2 || m.NextAt != store.Micros(e.Clock.Now().Add(2*time.Minute)) {
				t.Errorf("after two failures: attempts %d, next in %v (want 2 min)", m.Attempts, time.UnixMicro(m.NextAt).Sub(e.Clock.Now()))
			}
		}
		// Another process with a working relay sends them when due.
		e.Clock.Advance(2 * time.Minute)
		run(t, service(t, e, relay.Addr))
		mails, _ = e.App.DB.UserMails(ctx, uid, 10)
		for _, m := range mails {
			if m.State != "sent" {
				t.Errorf("after the relay came back: %s (%s)", m.State, m.LastError)
			}
		}
		if n := len(to(received(t, relay), "parent.dupont@example.org")); n < 5 {
			t.Errorf("%d e-mails received, want 5", n)
		}
		// Given up after MaxAttempts.
		gaveUp := service(t, e, blackhole(t), func(c *notify.Config) { c.Timeout = 200 * time.Millisecond; c.MaxAttempts = 2 })
		send(t, e, "prof.martin", "Information", "Dernier message.", "parents:0780001A/4B")
		run(t, gaveUp)
		e.Clock.Advance(time.Minute)
		run(t, gaveUp)
		dm, _ := e.App.DB.UserMails(ctx, user(t, e, "parent.durand").ID, 1)
		if len(dm) != 1 || dm[0].State != "failed" || dm[0].Attempts != 2 {
			t.Errorf("after MaxAttempts: %+v", dm)
		}
	})
}

// TestSecurityNotice: a password change's notice, recorded by auth, is
// e-mailed even in quiet hours and whatever the message preference.
func TestSecurityNotice(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		relay := smtptest.Start(t)
		ctx := context.Background()
		setup(t, e, "parent.dupont")
		ns := service(t, e, relay.Addr)
		e.Clock.Set(paris(t, 2026, 11, 28, 2, 0)) // Saturday night
		a := e.Actor(t, "parent.dupont")
		if err := ns.SetMode(ctx, a, notify.None); err != nil {
			t.Fatal(err)
		}
		sess := e.Login(t, "parent.dupont")
		if err := e.App.Auth.ChangePassword(ctx, sess, apptest.Password, "une toute nouvelle phrase de passe", apptest.TestClient); err != nil {
			t.Fatal(err)
		}
		run(t, ns)
		run(t, ns)
		got := to(received(t, relay), "parent.dupont@example.org")
		var notices []mail
		for _, m := range got {
			if strings.Contains(m.Subject, "avis de sécurité") {
				notices = append(notices, m)
			}
		}
		if len(notices) == 0 {
			t.Fatalf("no security notice e-mailed (got %d e-mails)", len(got))
		}
		found := false
		for _, m := range notices {
			if strings.Contains(m.Text, "mot de passe a été modifié") {
				found = true
			}
			if m.Header.Get("List-Unsubscribe") != "" {
				t.Errorf("a security notice carries List-Unsubscribe")
			}
		}
		if !found {
			t.Errorf("no e-mail about the password change: %+v", notices)
		}
	})
}

// TestSeveralProcesses: three processes run their passes at the same
// time on one database; every recipient gets each e-mail exactly once.
func TestSeveralProcesses(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		relay := smtptest.Start(t)
		setup(t, e, "parent.dupont", "parent.durand")
		e.Clock.Set(paris(t, 2026, 11, 24, 10, 0))
		const messages = 6
		for i := range messages {
			send(t, e, "prof.martin", "Information "+string(rune('A'+i)), "Bonjour.", "parents:0780001A/4A", "parents:0780001A/4B")
		}
		procs := []*notify.Service{service(t, e, relay.Addr), service(t, e, relay.Addr), service(t, e, relay.Addr)}
		for range 2 {
			var wg sync.WaitGroup
			for _, p := range procs {
				wg.Go(func() {
					if err := p.RunOnce(context.Background()); err != nil {
						t.Errorf("pass: %v", err)
					}
				})
			}
			wg.Wait()
		}
		got := received(t, relay)
		seen := map[string]int{}
		for _, m := range got {
			seen[m.To+" "+m.Subject]++
		}
		for k, n := range seen {
			if n != 1 {
				t.Errorf("%s: %d copies", k, n)
			}
		}
		if len(got) != 2*messages {
			t.Errorf("%d e-mails, want %d", len(got), 2*messages)
		}
	})
}
