package main

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/storetest"
)

// TestSuspensionReachesEveryNode runs two server processes on one
// PostgreSQL database: a suspension made through one is enforced by the
// other within one second.
func TestSuspensionReachesEveryNode(t *testing.T) {
	url := storetest.PostgresURL(t)
	if url == "" {
		t.Skip("no PostgreSQL server (BOUCLIER_TEST_POSTGRES)")
	}
	const pw = "un mot de passe de démo assez long"
	// Nodes of one deployment share the key that seals secrets at rest.
	t.Setenv("BOUCLIER_SECRET_KEY", strings.Repeat("ab", 32))
	// Administrators act with a second factor: personnel are enrolled.
	const secret = "JBSWY3DPEHPK3PXP"
	_, a := startProcess(t, "demo", "--database", url, "--data", t.TempDir(), "--addr", "127.0.0.1:0", "--demo-password", pw, "--policy", "open", "--demo-totp-secret", secret)
	_, b := startProcess(t, "demo", "--database", url, "--data", t.TempDir(), "--addr", "127.0.0.1:0", "--demo-password", pw, "--policy", "open", "--demo-totp-secret", secret)
	login := func(base, user string) string {
		in := map[string]string{"username": user, "password": pw}
		if !strings.HasPrefix(user, "parent.") {
			otp, err := auth.TOTPCode(secret, time.Now())
			if err != nil {
				t.Fatal(err)
			}
			in["otp"] = otp
		}
		code, body := postJSON(t, base+"/api/v1/session", "", in)
		if code != 201 {
			t.Fatalf("login %s: %d %v", user, code, body)
		}
		return body["token"].(string)
	}
	head := login(a, "principal.moulin")
	parent := login(b, "parent.dupont")
	msg := map[string]any{"to": []string{"user:prof.martin"}, "subject": "Absence", "body": "Léa sera absente demain matin."}
	if code, body := postJSON(t, b+"/api/v1/messages", parent, msg); code != 201 {
		t.Fatalf("before the suspension: %d %v", code, body)
	}
	code, body := postJSON(t, a+"/api/v1/admin/suspensions", head, map[string]any{"scope": "establishment:0780001A", "roles": []string{"parent"}, "reason": "Vague de messages malveillants"})
	if code != 201 {
		t.Fatalf("suspend on node A: %d %v", code, body)
	}
	start := time.Now()
	for {
		code, body := postJSON(t, b+"/api/v1/messages", parent, msg)
		if code == http.StatusForbidden {
			if e := body["error"].(map[string]any); e["code"] != "messaging_closed" {
				t.Fatalf("node B refused with %v", e)
			}
			break
		}
		if code != 201 {
			t.Fatalf("node B: %d %v", code, body)
		}
		if time.Since(start) > time.Second {
			t.Fatalf("node B still accepts parents' messages %v after the suspension", time.Since(start))
		}
	}
	t.Logf("suspension made on node A enforced on node B after %v", time.Since(start))
	// Lifting on B reopens on A.
	id := body["id"].(string)
	req, _ := http.NewRequest("DELETE", b+"/api/v1/admin/suspensions/"+id, nil)
	req.Header.Set("Authorization", "Bearer "+login(b, "rssi.versailles"))
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != 204 {
		t.Fatalf("lift on node B: %v %v", resp, err)
	}
	resp.Body.Close()
	parentA := login(a, "parent.durand")
	start = time.Now()
	for {
		code, _ := postJSON(t, a+"/api/v1/messages", parentA, map[string]any{"to": []string{"user:prof.martin"}, "subject": "Retard", "body": "Hugo arrivera à 9h."})
		if code == 201 {
			break
		}
		if time.Since(start) > time.Second {
			t.Fatalf("node A still refuses %v after the lift", time.Since(start))
		}
	}
}
