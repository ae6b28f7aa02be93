package server_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/bouclier/bouclier/internal/apptest"
)

// TestNULByteIsRefusedClearly: a NUL character in any text, which
// PostgreSQL rejects, gets a 422 naming the field on both stores (it was
// a 500 on PostgreSQL), in JSON bodies, forms, paths and queries.
func TestNULByteIsRefusedClearly(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		h := e.Handler()
		do := func(method, path, token, ctype, body string) *httptest.ResponseRecorder {
			req := httptest.NewRequest(method, path, strings.NewReader(body))
			req.RemoteAddr = "192.0.2.10:5555"
			req.Header.Set("User-Agent", "Mozilla/5.0 Firefox/128.0")
			if ctype != "" {
				req.Header.Set("Content-Type", ctype)
			}
			if token != "" {
				req.Header.Set("Authorization", "Bearer "+token)
			}
			w := httptest.NewRecorder()
			h.ServeHTTP(w, req)
			return w
		}
		w := do("POST", "/api/v1/session", "", "application/json", `{"username":"parent.dupont","password":"`+apptest.Password+`"}`)
		var login struct{ Token string }
		if err := json.Unmarshal(w.Body.Bytes(), &login); err != nil || login.Token == "" {
			t.Fatalf("login: %d %s", w.Code, w.Body)
		}
		cases := []struct {
			name, method, path, ctype, body, field string
		}{
			{"message subject", "POST", "/api/v1/messages", "application/json", `{"to":["user:prof.martin"],"subject":"Sortie\u0000","body":"Bonjour"}`, "subject"},
			{"message body", "POST", "/api/v1/messages", "application/json", `{"to":["user:prof.martin"],"subject":"Sortie","body":"Bon\u0000jour"}`, "body"},
			{"recipient", "POST", "/api/v1/messages", "application/json", `{"to":["user:prof\u0000.martin"],"subject":"Sortie","body":"Bonjour"}`, "to[0]"},
			{"login name", "POST", "/api/v1/session", "application/json", `{"username":"parent\u0000.dupont","password":"x"}`, "username"},
			{"query", "GET", "/api/v1/messages?folder=%00", "", "", "folder"},
			{"path", "GET", "/api/v1/messages/1%00", "", "", "chemin"},
			{"web form", "POST", "/login", "application/x-www-form-urlencoded", url.Values{"username": {"a\x00"}, "password": {"x"}}.Encode(), "username"},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				w := do(c.method, c.path, login.Token, c.ctype, c.body)
				if w.Code != http.StatusUnprocessableEntity || !bytes.Contains(w.Body.Bytes(), []byte(c.field)) {
					t.Fatalf("%d %s, want 422 naming %q", w.Code, w.Body, c.field)
				}
				if strings.HasPrefix(c.path, "/api/") && !bytes.Contains(w.Body.Bytes(), []byte(`"invalid_request"`)) {
					t.Fatalf("not the API envelope: %s", w.Body)
				}
			})
		}
	})
}
