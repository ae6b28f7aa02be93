package api_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/httpx"
)

// client calls the API through the application's handler.
type client struct {
	t *testing.T
	e *apptest.Env
	h http.Handler
}

func newClient(t *testing.T, e *apptest.Env) *client { return &client{t: t, e: e, h: e.Handler()} }

type resp struct {
	Status int
	Header http.Header
	Body   map[string]any
	Raw    string
}

func (r resp) code() string {
	if e, ok := r.Body["error"].(map[string]any); ok {
		s, _ := e["code"].(string)
		return s
	}
	return ""
}

func (c *client) do(method, path, token string, body any) resp {
	c.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	case []byte:
		rd = bytes.NewReader(b)
	default:
		j, _ := json.Marshal(b)
		rd = bytes.NewReader(j)
	}
	req := httptest.NewRequest(method, path, rd)
	req.RemoteAddr = "192.0.2.10:5555"
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	req.Header.Set("Content-Type", "application/json")
	w := httptest.NewRecorder()
	c.h.ServeHTTP(w, req)
	r := resp{Status: w.Code, Header: w.Header(), Raw: w.Body.String()}
	if strings.HasPrefix(w.Header().Get("Content-Type"), "application/json") && w.Body.Len() > 0 {
		if err := json.Unmarshal(w.Body.Bytes(), &r.Body); err != nil {
			c.t.Fatalf("%s %s: bad JSON %q: %v", method, path, w.Body.String(), err)
		}
	}
	if r.Status >= 500 {
		c.t.Fatalf("%s %s: %d %s", method, path, r.Status, r.Raw)
	}
	return r
}

// login opens a session, with a fresh TOTP code for personnel.
func (c *client) login(user string) string {
	c.t.Helper()
	c.e.Clock.Advance(31 * time.Second) // each TOTP code is usable once
	body := map[string]string{"username": user, "password": apptest.Password}
	if r := c.do("POST", "/api/v1/session", "", body); r.Status == 401 && r.code() == "otp_required" {
		body["otp"] = c.e.OTP(c.t, 0)
	}
	r := c.do("POST", "/api/v1/session", "", body)
	if r.Status != 201 {
		c.t.Fatalf("login %s: %d %s", user, r.Status, r.Raw)
	}
	return r.Body["token"].(string)
}

func (c *client) send(token string, to []string, subject, body string) resp {
	return c.do("POST", "/api/v1/messages", token, map[string]any{"to": to, "subject": subject, "body": body})
}

func TestLogin(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		c := newClient(t, e)
		otp := e.OTP(t, 0)
		cases := []struct {
			name   string
			body   any
			status int
			code   string
		}{
			{"parent, no factor", map[string]string{"username": "parent.dupont", "password": apptest.Password}, 201, ""},
			{"wrong password", map[string]string{"username": "parent.dupont", "password": "nope nope nope nope"}, 401, "invalid_credentials"},
			{"unknown user", map[string]string{"username": "nobody", "password": "nope nope nope nope"}, 401, "invalid_credentials"},
			{"teacher without code", map[string]string{"username": "prof.martin", "password": apptest.Password}, 401, "otp_required"},
			{"teacher wrong code", map[string]string{"username": "prof.martin", "password": apptest.Password, "otp": "000000"}, 401, "invalid_credentials"},
			{"teacher wrong password, right code", map[string]string{"username": "prof.martin", "password": "x", "otp": otp}, 401, "invalid_credentials"},
			{"teacher with code", map[string]string{"username": "prof.martin", "password": apptest.Password, "otp": otp}, 201, ""},
			{"code replayed", map[string]string{"username": "prof.martin", "password": apptest.Password, "otp": otp}, 401, "invalid_credentials"},
			{"malformed", `{"username": `, 400, "invalid_request"},
			{"unknown field", `{"username": "a", "password": "b", "pin": 1}`, 400, "invalid_request"},
			{"wrong type", `{"username": 12, "password": "b"}`, 400, "invalid_request"},
		}
		var bodies = map[string]string{}
		for _, tc := range cases {
			r := c.do("POST", "/api/v1/session", "", tc.body)
			if r.Status != tc.status || r.code() != tc.code {
				t.Errorf("%s: %d %q, want %d %q (%s)", tc.name, r.Status, r.code(), tc.status, tc.code, r.Raw)
			}
			if tc.status == 201 {
				u := r.Body["user"].(map[string]any)
				if tok, _ := r.Body["token"].(string); len(tok) < 22 || u["role"] == "" {
					t.Errorf("%s: bad session %v", tc.name, r.Body)
				}
			}
			bodies[tc.name] = r.Raw
		}
		// An unknown account and a wrong password answer alike.
		if bodies["wrong password"] != bodies["unknown user"] {
			t.Errorf("unknown user and wrong password differ: %q vs %q", bodies["unknown user"], bodies["wrong password"])
		}
	})
}

func TestSessionLifecycle(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		c := newClient(t, e)
		tok := c.login("parent.dupont")
		r := c.do("GET", "/api/v1/me", tok, nil)
		if r.Status != 200 || r.Body["username"] != "parent.dupont" || r.Body["role"] != "parent" || r.Body["establishment"] != "0780001A" {
			t.Fatalf("me: %d %s", r.Status, r.Raw)
		}
		for _, bad := range []string{"", "garbage", strings.Repeat("A", 43), tok + "x"} {
			if r := c.do("GET", "/api/v1/me", bad, nil); r.Status != 401 || r.code() != "unauthenticated" {
				t.Errorf("token %q: %d %s", bad, r.Status, r.Raw)
			}
		}
		if r := c.do("DELETE", "/api/v1/session", tok, nil); r.Status != 204 {
			t.Fatalf("logout: %d", r.Status)
		}
		if r := c.do("GET", "/api/v1/me", tok, nil); r.Status != 401 {
			t.Fatalf("after logout: %d", r.Status)
		}
		// Idle timeout: personnel sessions end after 30 minutes without use.
		tok = c.login("cpe.moulin")
		e.Clock.Advance(29 * time.Minute)
		if r := c.do("GET", "/api/v1/me", tok, nil); r.Status != 200 {
			t.Fatalf("within idle timeout: %d", r.Status)
		}
		e.Clock.Advance(31 * time.Minute)
		if r := c.do("GET", "/api/v1/me", tok, nil); r.Status != 401 {
			t.Fatalf("after idle timeout: %d", r.Status)
		}
	})
}

func TestSendAndRead(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		c := newClient(t, e)
		prof := c.login("prof.martin")
		parent := c.login("parent.dupont")
		student := c.login("eleve.dupont")

		r := c.send(prof, []string{"class:0780001A/4A", "parents:0780001A/4A"}, "Sortie au musée", "Bonjour, sortie jeudi <b>14h</b>.")
		if r.Status != 201 || r.Body["status"] != "delivered" || r.Body["id"] == "" {
			t.Fatalf("send: %d %s", r.Status, r.Raw)
		}
		first := r.Body["id"].(string)
		e.Clock.Advance(time.Minute)
		r = c.send(prof, []string{"user:parent.dupont"}, "Second", "Deuxième message.")
		second := r.Body["id"].(string)

		inbox := c.do("GET", "/api/v1/inbox", parent, nil)
		msgs := inbox.Body["messages"].([]any)
		if len(msgs) != 2 || msgs[0].(map[string]any)["id"] != second || msgs[1].(map[string]any)["id"] != first {
			t.Fatalf("parent inbox, newest first: %s", inbox.Raw)
		}
		m := msgs[1].(map[string]any)
		if m["from"] != "prof.martin" || m["from_name"] != "Sophie Martin" || m["from_role"] != "teacher" || m["subject"] != "Sortie au musée" || m["body"] != "Bonjour, sortie jeudi <b>14h</b>." || m["read"] != false {
			t.Fatalf("message fields: %v", m)
		}
		if _, err := time.Parse(time.RFC3339, m["sent_at"].(string)); err != nil {
			t.Fatalf("sent_at: %v", err)
		}
		if got := len(c.do("GET", "/api/v1/inbox", student, nil).Body["messages"].([]any)); got != 1 {
			t.Fatalf("student inbox has %d messages, want 1", got)
		}

		// Reply in the thread, checked by the same rules.
		r = c.do("POST", "/api/v1/messages", parent, map[string]any{"to": []string{"user:prof.martin"}, "subject": "Re: Sortie", "body": "Merci", "reply_to": first})
		if r.Status != 201 {
			t.Fatalf("reply: %d %s", r.Status, r.Raw)
		}
		r = c.do("GET", "/api/v1/messages/"+r.Body["id"].(string), prof, nil)
		if r.Status != 200 || len(r.Body["thread"].([]any)) != 2 || r.Body["reply_to"] != first {
			t.Fatalf("thread: %s", r.Raw)
		}
		// Replying does not open a door the rules closed.
		r = c.do("POST", "/api/v1/messages", student, map[string]any{"to": []string{"class:0780001A/4A"}, "subject": "Re", "body": "Salut tout le monde", "reply_to": first})
		if r.Status != 403 || r.code() != "recipient_not_allowed" {
			t.Fatalf("student reply-all: %d %s", r.Status, r.Raw)
		}

		// Read state and trash.
		if r := c.do("GET", "/api/v1/messages/"+first, parent, nil); r.Body["read"] != true {
			t.Fatalf("read flag: %s", r.Raw)
		}
		if r := c.do("POST", "/api/v1/messages/"+first+"/trash", parent, nil); r.Status != 204 {
			t.Fatalf("trash: %d", r.Status)
		}
		if n := len(c.do("GET", "/api/v1/inbox", parent, nil).Body["messages"].([]any)); n != 1 {
			t.Fatalf("inbox after trash: %d", n)
		}
		if n := len(c.do("GET", "/api/v1/trash", parent, nil).Body["messages"].([]any)); n != 1 {
			t.Fatalf("trash folder: %d", n)
		}
		if r := c.do("DELETE", "/api/v1/messages/"+first+"/trash", parent, nil); r.Status != 204 {
			t.Fatalf("restore: %d", r.Status)
		}
		if n := len(c.do("GET", "/api/v1/sent", prof, nil).Body["messages"].([]any)); n != 2 {
			t.Fatalf("sent folder: %d", n)
		}
	})
}

func TestRefusalKeepsDraft(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		c := newClient(t, e)
		student := c.login("eleve.dupont")
		r := c.send(student, []string{"class:0780001A/4A"}, "Fête", "Venez tous samedi")
		if r.Status != 403 || r.code() != "recipient_not_allowed" {
			t.Fatalf("student to class: %d %s", r.Status, r.Raw)
		}
		draftID := r.Body["error"].(map[string]any)["draft_id"]
		drafts := c.do("GET", "/api/v1/drafts", student, nil).Body["drafts"].([]any)
		if len(drafts) != 1 || drafts[0].(map[string]any)["body"] != "Venez tous samedi" || drafts[0].(map[string]any)["id"] != draftID {
			t.Fatalf("draft not kept: %v", drafts)
		}
		// Nothing reached anyone.
		prof := c.login("prof.bernard")
		if n := len(c.do("GET", "/api/v1/inbox", prof, nil).Body["messages"].([]any)); n != 0 {
			t.Fatalf("a refused message reached someone")
		}
		// Sending from the draft to an allowed recipient consumes it.
		r = c.do("POST", "/api/v1/messages", student, map[string]any{"to": []string{"user:prof.martin"}, "subject": "Fête", "body": "Question", "draft_id": draftID})
		if r.Status != 201 {
			t.Fatalf("send from draft: %d %s", r.Status, r.Raw)
		}
		if n := len(c.do("GET", "/api/v1/drafts", student, nil).Body["drafts"].([]any)); n != 0 {
			t.Fatalf("draft left after send: %d", n)
		}
		// A mixed list is refused whole: nobody gets anything.
		r = c.send(student, []string{"user:prof.martin", "user:eleve.durand"}, "Mix", "Un allowed, un refusé")
		if r.Status != 403 {
			t.Fatalf("mixed recipients: %d", r.Status)
		}
		prof2 := c.login("prof.martin")
		for _, m := range c.do("GET", "/api/v1/inbox", prof2, nil).Body["messages"].([]any) {
			if m.(map[string]any)["subject"] == "Mix" {
				t.Fatal("part of a refused message was delivered")
			}
		}
	})
}

func TestBadInput(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		c := newClient(t, e)
		tok := c.login("principal.moulin")
		big := strings.Repeat("a", 72<<20+10)
		att := func(name string, data []byte) map[string]any {
			return map[string]any{"to": []string{"user:cpe.moulin"}, "subject": "PJ", "body": "Voir pièce jointe",
				"attachments": []map[string]string{{"name": name, "content_type": "application/pdf", "base64": base64.StdEncoding.EncodeToString(data)}}}
		}
		cases := []struct {
			name   string
			method string
			path   string
			body   any
			status int
			code   string
		}{
			{"malformed JSON", "POST", "/api/v1/messages", `{"to": [`, 400, "invalid_request"},
			{"not an object", "POST", "/api/v1/messages", `[1,2]`, 400, "invalid_request"},
			{"two objects", "POST", "/api/v1/messages", `{} {}`, 400, "invalid_request"},
			{"unknown field", "POST", "/api/v1/messages", `{"to": ["user:cpe.moulin"], "subject": "a", "body": "b", "cc": []}`, 400, "invalid_request"},
			{"wrong type", "POST", "/api/v1/messages", `{"to": "user:cpe.moulin", "subject": "a", "body": "b"}`, 400, "invalid_request"},
			{"body over limit", "POST", "/api/v1/messages", `{"body": "` + big + `"}`, 413, "too_large"},
			{"no recipient", "POST", "/api/v1/messages", map[string]any{"to": []string{}, "subject": "a", "body": "b"}, 422, "invalid_request"},
			{"bad recipient", "POST", "/api/v1/messages", map[string]any{"to": []string{"everyone"}, "subject": "a", "body": "b"}, 422, "invalid_request"},
			{"empty subject", "POST", "/api/v1/messages", map[string]any{"to": []string{"user:cpe.moulin"}, "subject": " ", "body": "b"}, 422, "invalid_request"},
			{"empty body", "POST", "/api/v1/messages", map[string]any{"to": []string{"user:cpe.moulin"}, "subject": "a", "body": ""}, 422, "invalid_request"},
			{"subject too long", "POST", "/api/v1/messages", map[string]any{"to": []string{"user:cpe.moulin"}, "subject": strings.Repeat("x", 201), "body": "b"}, 422, "invalid_request"},
			{"bad reply_to", "POST", "/api/v1/messages", map[string]any{"to": []string{"user:cpe.moulin"}, "subject": "a", "body": "b", "reply_to": "abc"}, 422, "invalid_request"},
			{"reply to unknown", "POST", "/api/v1/messages", map[string]any{"to": []string{"user:cpe.moulin"}, "subject": "a", "body": "b", "reply_to": "999999"}, 404, "not_found"},
			{"bad base64", "POST", "/api/v1/messages", `{"to": ["user:cpe.moulin"], "subject": "a", "body": "b", "attachments": [{"name": "a.pdf", "content_type": "application/pdf", "base64": "!!!"}]}`, 422, "invalid_request"},
			{"oversized attachment", "POST", "/api/v1/messages", att("gros.pdf", bytes.Repeat([]byte("%PDF-1.4 "), (10<<20)/9+10)), 413, "too_large"},
			{"attachment name with path", "POST", "/api/v1/messages", att("../../etc/passwd", []byte("%PDF-1.4")), 422, "invalid_request"},
			{"bad id", "GET", "/api/v1/messages/abc", nil, 404, "not_found"},
			{"negative id", "GET", "/api/v1/messages/-1", nil, 404, "not_found"},
			{"bad limit", "GET", "/api/v1/inbox?limit=0", nil, 422, "invalid_request"},
			{"bad before", "GET", "/api/v1/inbox?before=x", nil, 422, "invalid_request"},
			{"unknown route", "GET", "/api/v1/nothing", nil, 404, "not_found"},
		}
		for _, tc := range cases {
			r := c.do(tc.method, tc.path, tok, tc.body)
			if r.Status != tc.status || r.code() != tc.code {
				t.Errorf("%s: %d %q, want %d %q (%.200s)", tc.name, r.Status, r.code(), tc.status, tc.code, r.Raw)
			}
			if msg, _ := r.Body["error"].(map[string]any)["message"].(string); tc.code != "" && msg == "" {
				t.Errorf("%s: no message", tc.name)
			}
		}
	})
}

// TestObjectAuthorization: nobody reads a message they did not send or
// receive, by any id, and the answer does not tell whether it exists.
func TestObjectAuthorization(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		c := newClient(t, e)
		prof := c.login("prof.martin")
		r := c.do("POST", "/api/v1/messages", prof, map[string]any{"to": []string{"user:parent.dupont"}, "subject": "Confidentiel", "body": "Bulletin",
			"attachments": []map[string]string{{"name": "bulletin.pdf", "content_type": "application/pdf", "base64": base64.StdEncoding.EncodeToString([]byte("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"))}}})
		if r.Status != 201 {
			t.Fatalf("send: %d %s", r.Status, r.Raw)
		}
		id := r.Body["id"].(string)
		parent := c.login("parent.dupont")
		m := c.do("GET", "/api/v1/messages/"+id, parent, nil)
		atts := m.Body["attachments"].([]any)
		if len(atts) != 1 {
			t.Fatalf("attachments: %s", m.Raw)
		}
		attID := atts[0].(map[string]any)["id"].(string)
		dl := c.do("GET", "/api/v1/attachments/"+attID, parent, nil)
		if dl.Status != 200 || !strings.HasPrefix(dl.Header.Get("Content-Disposition"), "attachment") || dl.Header.Get("X-Content-Type-Options") != "nosniff" || dl.Raw != "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n" {
			t.Fatalf("download: %d %v", dl.Status, dl.Header)
		}
		for _, who := range []string{"parent.durand", "eleve.dupont", "prof.bernard", "principal.moulin"} {
			tok := c.login(who)
			for i := 1; i <= 5; i++ {
				for _, p := range []string{fmt.Sprintf("/api/v1/messages/%d", i), fmt.Sprintf("/api/v1/attachments/%d", i)} {
					if r := c.do("GET", p, tok, nil); r.Status != 404 {
						t.Errorf("%s GET %s: %d, want 404", who, p, r.Status)
					}
				}
				if r := c.do("POST", fmt.Sprintf("/api/v1/messages/%d/trash", i), tok, nil); r.Status != 404 {
					t.Errorf("%s trash %d: %d", who, i, r.Status)
				}
			}
			if n := len(c.do("GET", "/api/v1/inbox", tok, nil).Body["messages"].([]any)); n != 0 {
				t.Errorf("%s sees %d messages", who, n)
			}
		}
		// Every call but the login needs a token.
		for _, p := range []string{"/api/v1/me", "/api/v1/inbox", "/api/v1/messages/" + id} {
			if r := c.do("GET", p, "", nil); r.Status != 401 || r.code() != "unauthenticated" {
				t.Errorf("GET %s without token: %d", p, r.Status)
			}
		}
	})
}

func TestErrorCodesHaveStatuses(t *testing.T) {
	// Each contract code maps to a 4xx, never a 500.
	for _, c := range []bouclier.Code{bouclier.ErrInvalidRequest, bouclier.ErrInvalidCredentials, bouclier.ErrOTPRequired,
		bouclier.ErrMessagingClosed, bouclier.ErrRecipientNotAllowed, bouclier.ErrRejectedContent, bouclier.ErrLocked,
		bouclier.ErrThrottled, bouclier.ErrPasswordResetRequired, bouclier.ErrNotFound, bouclier.ErrTooLarge} {
		if s := httpx.Status(c); s < 400 || s >= 500 {
			t.Errorf("%s → %d", c, s)
		}
	}
}
